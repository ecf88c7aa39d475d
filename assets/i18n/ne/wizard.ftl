# बुकिङका चरण, बुकिङका शब्द, नियमले अस्वीकार गर्ने कारण: नेपाली। Same ids and variables as
# ja/wizard.ftl.

## The wizard's frame

wizard-title = बुकिङ
wizard-step = { $step ->
    [resident] प्रयोगकर्ता
    [screening] स्वास्थ्य
    [care] प्रकार
    [facility] केन्द्र
    [dates] मिति
   *[confirm] पुष्टि
}
wizard-step-hint = { $step ->
    [resident] Tab/माथि/तल: खाना  F2 खोज/दर्ता
    [screening] y हो  n होइन
    [care] माथि/तल: छान्नुहोस्
    [facility] माथि/तल: छान्नुहोस्
    [dates] तीर: मिति  + -: अवधि
   *[confirm] y थिचेर पनि बुक हुन्छ
}
wizard-back = फर्कनुहोस्
wizard-leave = रोक्नुहोस्
wizard-next = अर्को
wizard-book = बुक गर्नुहोस्
wizard-close = बन्द
wizard-shorter = छोटो
wizard-longer = लामो
wizard-recording = रेकर्ड हुँदै
wizard-booking-working = बुकिङ रेकर्ड हुँदैछ। कृपया पर्खनुहोस्।

## Step 2: the screening

wizard-screening-intro = तलका अवस्थामा सुत्केरी हेरचाह प्रयोग गर्न मिल्दैन। हरेक प्रश्नको उत्तर दिनुहोस्।
wizard-screening-stop = यो अवस्थामा सुत्केरी हेरचाह प्रयोग गर्न मिल्दैन। पहिले स्वास्थ्य संस्थामा सल्लाह लिनुहोस्। प्रश्न भए तलका कार्यालयमा सम्पर्क गर्नुहोस्। Esc थिचेर उत्तर बदल्न सकिन्छ।
wizard-screening-keys = y हो  n होइन  माथि/तल प्रश्न छान्नुहोस्  सबै होइन भए Enter थिचेर अर्को
wizard-answer-all = कृपया सबै प्रश्नको उत्तर दिनुहोस्।
wizard-yes = हो
wizard-no = होइन

## Step 3: the care type

wizard-care-intro = हेरचाहको प्रकार छान्नुहोस् (शुल्क आमा र एक बच्चाको लागि)।
wizard-none-left-short = बाँकी छैन
wizard-too-few-left-short = { $left } बाँकी, { $shortest } चाहिन्छ
wizard-too-few-left = { $care } छान्न मिल्दैन: { $left } मात्र बाँकी, सबैभन्दा छोटो बुकिङमा { $shortest } चाहिन्छ
wizard-none-left = { $care } को सीमा पुगिसक्यो।

## Step 4: the facility

wizard-facility-intro = यो प्रकार दिने र प्रयोग अवधि बाँकी भएका केन्द्रहरू।
wizard-no-facility = प्रयोग अवधि बाँकी भएको कुनै केन्द्र छैन।

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - रातको संख्या बदल्नुहोस्
    [day] + - दिनको संख्या बदल्नुहोस्
   *[visit] घर भ्रमण एक पटकमा एउटा बुक हुन्छ
}
wizard-visit-is-one = घर भ्रमण एक पटकमा एउटा मात्र बुक हुन्छ
wizard-longest-reached = अझ लामो हुँदैन: सीमामा { $left } मात्र बाँकी
wizard-check-ok = यी मितिहरू बुक गर्न सकिन्छ
wizard-check-refused = यी मितिहरू बुक गर्न सकिँदैन
wizard-dates-keys = तीर/hjkl मिति, [ ] महिना, + - अवधि, Enter पुष्टि। क्लिक पनि गर्न सकिन्छ।

## Step 6: the confirmation, and the booking made

wizard-booked-title = वडाको रेकर्डमा दर्ता भयो
wizard-booked-flash = वडाको रेकर्डमा दर्ता भयो। केन्द्रमा पनि आवेदन दिन नबिर्सनुहोस्।
wizard-label-resident = प्रयोगकर्ता
wizard-label-facility = केन्द्र
wizard-label-care = प्रकार
wizard-label-dates = मिति
wizard-what-to-bring = ल्याउनुपर्ने सामान

## A booking's words

booking-per-unit = /{ $unit ->
    [day] दिन
   *[visit] पटक
}
booking-left-of = { $left } { $unit ->
    [day] दिन
   *[visit] पटक
} बाँकी / सीमा { $limit }
booking-window = प्रयोग अवधि { $range }
booking-days-left = { $n } दिन बाँकी
booking-length-line = अवधि: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first } देखि { $last } { $length }
}
booking-cancel-already-late = रद्द गर्ने म्याद ({ $date } { $time }) पछि बुक गरिएको: अब जुनसुकै रद्द पनि ढिलो रद्द हो, { $units } प्रयोग गरेको मानिन्छ।
booking-cancel-by = { $date } { $time } भन्दा अघि रद्द गर्नुहोस् (केन्द्रमा पनि फोन गर्नुहोस्); त्यसपछि रद्द गरे { $units } प्रयोग गरेको मानिन्छ।
booking-last-call = केन्द्रको फोन { $date } { $time } सम्म खुला हुन्छ, त्यसपछि म्यादसम्म बन्द।
booking-code = बुकिङ कोड { $code }
booking-number = बुकिङ { $id }
booking-records-with-ward = "बुक गर्नुहोस्" ले बुकिङ वडाको रेकर्डमा दर्ता गर्छ। केन्द्रमा छुट्टै आवेदन दिनुपर्छ ({ $channels })।
booking-recorded-next-step = वडाको रेकर्डमा दर्ता भयो। अब केन्द्रमा { $channels } बाट आवेदन दिनुहोस् (कर्मचारीले दिइसकेको भए चाहिँदैन)।

## Why the rules refuse a booking

refusal-not-offered = यो केन्द्रमा { $care } हेरचाह छैन।
refusal-no-period = यो केन्द्रमा { $care } हेरचाहको प्रयोग अवधि छैन।
refusal-period-out-of-range = यो जन्म मितिबाट प्रयोग अवधि निकाल्न सकिँदैन।
refusal-in-past = { $start } बितिसकेको मिति हो (आज { $today })।
refusal-before-window = { $start } प्रयोग अवधि सुरु हुनु ({ $first }) भन्दा अघि हो।
refusal-after-window = बुकिङ { $end } मा सकिन्छ, प्रयोग अवधि ({ $last }) सकिएपछि।
refusal-over-limit = सीमा नाघ्छ: { $requested } चाहिन्छ, { $remaining } { $unit ->
    [day] दिन
   *[visit] पटक
} मात्र बाँकी (सीमा { $limit })।
refusal-no-baby = कम्तीमा 1 बच्चा चाहिन्छ।
refusal-overlaps = { $first } देखि { $last } सम्म पहिले नै बुकिङ छ: एक दिनमा एउटा मात्र बुकिङ।
