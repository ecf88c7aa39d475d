# sango: नेपाली. Same ids and variables as ja/sango.ftl; terms from glossary.toml. Latin
# digits: they are what the ward's papers and the phones use.

## The language

language-name = नेपाली
language-label = भाषा
authoritative-note = जापानी भाषाको विवरण नै आधिकारिक हो।

## Numbers and dates

yen = { $amount } येन
weekday = { $wd ->
    [mon] सोम
    [tue] मंगल
    [wed] बुध
    [thu] बिही
    [fri] शुक्र
    [sat] शनि
   *[sun] आइत
}
date-long = { $year } { $month ->
    [1] जनवरी
    [2] फेब्रुअरी
    [3] मार्च
    [4] अप्रिल
    [5] मे
    [6] जुन
    [7] जुलाई
    [8] अगस्ट
    [9] सेप्टेम्बर
    [10] अक्टोबर
    [11] नोभेम्बर
   *[12] डिसेम्बर
} { $day }, { $weekday }
date-short = { $month }/{ $day } { $weekday }

## Care types and units

care-stay = रातभर बस्ने हेरचाह
care-day = दिउँसोको हेरचाह
care-visit = घर भ्रमण हेरचाह
care-stay-short = रात
care-day-short = दिन
care-visit-short = घर
units-long = { $n } { $unit ->
    [day] दिन
   *[visit] पटक
}
fee-per-unit = { $fee }/{ $unit ->
    [day] दिन
   *[visit] पटक
}
units-or = {" / "}

## The kiosk: top and bottom lines

start-over = फेरि सुरु
help-hint = ?:मद्दत
journey-guide = जानकारी
journey-identify = पहिचान
journey-book = बुकिङ
status-keys-public = i:पहिचान  g:जानकारी  /:केन्द्र खोज्नुहोस्
status-keys-identified = n:बुक गर्नुहोस्  b:मेरो बुकिङ  g:जानकारी
not-identified = पहिचान भएको छैन
identified-as = प्रयोगकर्ता नम्बर { $id }
window-hint = प्रयोग अवधि हेर्न पहिचान (i) गर्नुहोस्

## The kiosk: what happened

kiosk-system-error = अहिले यो गर्न सकिँदैन। कृपया कर्मचारीलाई सोध्नुहोस्।
kiosk-refused = यो टर्मिनलमा यो गर्न मिल्दैन।
kiosk-timed-out = केही समय प्रयोग नभएकाले सुरुको पर्दामा फर्कियो।
kiosk-started-over = सुरुको पर्दामा फर्कियो।
kiosk-identify-first = बुकिङ गर्नु वा हेर्नु अघि आफ्नो पहिचान गर्नुहोस्।
kiosk-already-identified = पहिचान भइसकेको छ। अर्को व्यक्ति हो भने F5 थिचेर सुरु गर्नुहोस्।
kiosk-welcome-back = पहिचान भयो (प्रयोगकर्ता नम्बर { $id })। n: बुक गर्न, b: बुकिङ हेर्न।

## The kiosk: identification

identify-title = पहिचान
identify-intro =
    बुकिङ गर्न वा हेर्न पहिचान आवश्यक छ।
    आफ्नो प्रयोगकर्ता नम्बर र बच्चाको जन्म मिति लेख्नुहोस्।
identify-number = प्रयोगकर्ता नम्बर
identify-birth = बच्चाको जन्म मिति
identify-birth-example = जस्तै 2026-10-01
identify-button = पुष्टि गर्नुहोस्
identify-keys = माथि/तल/Tab: अर्को खाना  Enter: पुष्टि  Esc: फर्कनुहोस्
identify-bad-date = जन्म मिति 2026-10-01 जस्तै लेख्नुहोस्।
identify-failed = प्रयोगकर्ता नम्बर वा बच्चाको जन्म मिति पुष्टि हुन सकेन। फेरि लेख्नुहोस्।
identify-incomplete = आफ्नो प्रयोगकर्ता नम्बर र बच्चाको जन्म मिति लेख्नुहोस्।
identify-locked = धेरै पटक पुष्टि नभएकाले पहिचान रोकिएको छ। कृपया { $secs } सेकेन्ड पर्खनुहोस्।
identify-tries-left = अझै { $left } पटक प्रयास गर्न सकिन्छ (त्यसपछि { $secs } सेकेन्ड पर्खनुपर्छ)।
identify-unlocked = अब फेरि लेख्न सकिन्छ।
identify-offline = अहिले तपाईंको पहिचान गर्न सकिँदैन: वडाको सर्भरमा जोडिन सकिँदैन। कर्मचारीले सहयोग गर्नुहुन्छ। सुविधाको जानकारी भने हेर्न सकिन्छ।
identify-paused = धेरै पटक पुष्टि हुन नसकेकाले पहिचान केही समय रोकिएको छ। पछि फेरि प्रयास गर्नुहोस् वा कर्मचारीलाई सोध्नुहोस्।
kiosk-offline = अहिले यो गर्न सकिँदैन: वडाको सर्भरमा जोडिन सकिँदैन। कर्मचारीले सहयोग गर्नुहुन्छ।
kiosk-request-title = अस्थायी बुकिङ: कर्मचारीले पुष्टि गर्नुहुन्छ
kiosk-request-kept = तपाईंको अनुरोध अस्थायी बुकिङ (仮予約) को रूपमा राखियो: वडाको सर्भरमा जोडिन नसकेकाले बुकिङ अझै पक्का भएको छैन। कर्मचारीले पुष्टि गरेर सम्पर्क गर्नुहुन्छ।
back = फर्कनुहोस्

## The kiosk: staff PIN and the idle countdown

pin-title = कर्मचारी मात्र: बन्द गर्ने
pin-body = कार्यक्रम बन्द गर्न कर्मचारी PIN लेख्नुहोस्। प्रयोगकर्ता Esc थिचेर फर्कनुहोस्।
pin-label = कर्मचारी PIN
pin-wrong = PIN मिलेन।
pin-locked = PIN लेख्न रोकिएको छ। कृपया { $secs } सेकेन्ड पर्खनुहोस्।
pin-unavailable = PIN जाँच गर्न सकिएन। प्रशासकलाई सम्पर्क गर्नुहोस्।
pin-leave = बन्द गर्नुहोस्
countdown-title = के तपाईंलाई अझै समय चाहिन्छ?
countdown = जारी राख्न कुनै पनि कुञ्जी थिच्नुहोस् वा पर्दामा क्लिक गर्नुहोस्। नत्र { $secs } सेकेन्डमा पर्दा सुरुमा फर्किन्छ र तपाईंले भरेको कुरा मेटिन्छ।
countdown-more = अझै समय

## The kiosk: every key (the help box)

keys-arrows = तीर
key-start-over = फेरि सुरु (लेखेको कुरा मेटिन्छ)
key-identify = पहिचान (प्रयोगकर्ता नम्बर र बच्चाको जन्म मिति)
key-book = बुक गर्नुहोस् (पहिचानपछि)
key-bookings = मेरो बुकिङ, रद्द (पहिचानपछि)
key-guide = जानकारी (शुल्क, नियम, सम्पर्क)
key-find = केन्द्र खोज्नुहोस्
key-filter = प्रकार अनुसार छान्नुहोस्
key-arrows = छान्नुहोस्, सार्नुहोस्
key-pane = अर्को भाग
key-enter = छान्नुहोस्
key-esc = फर्कनुहोस्
key-yes-no = हो / होइन
key-language = भाषा बदल्नुहोस्
key-help = यो मद्दत

## The guide (kiosk pane and the g screen)

guide-title = जानकारी
guide-identify = बुकिङ गर्न वा हेर्न पहिले पहिचान (i) गर्नुहोस्।
guide-more = पूरा जानकारी: शुल्क, नियम, सम्पर्क (g)
guide-fees = प्रकार, सीमा, शुल्क
guide-exemption = शुल्क छुट
guide-cancel = रद्द गर्ने
guide-application = आवेदन
guide-not-usable = प्रयोग गर्न नमिल्ने अवस्था
guide-notes = अन्य ध्यान दिनुपर्ने कुरा
guide-contacts = सम्पर्क
guide-keys = माथि/तल, PgUp/PgDn सार्नुहोस्  Esc फर्कनुहोस्

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] सोही दिन
    [day-before] अघिल्लो दिन
    [days-before] { $days } दिन अघि
    [business-day-before] अघिल्लो कार्य दिन
   *[business-days-before] { $days } कार्य दिन अघि
}
cancel-business-days = {" "}(कार्य दिन: सोमबारदेखि शुक्रबार, सार्वजनिक बिदा र 12/29-1/3 बाहेक)
cancel-rule = { $when } { $time } भन्दा अघि रद्द गरे प्रयोग गनिँदैन{ $business }। { $same ->
    [yes] त्यसपछि रद्द (ढिलो रद्द) वा खबर नगरी नआए { $late }
   *[no] त्यसपछि रद्द (ढिलो रद्द) गरे { $late }, खबर नगरी नआए { $noshow }
} प्रयोग गरेको मानिन्छ। केन्द्रमा पनि अवश्य फोन गर्नुहोस्।

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] सो
    [tue] मं
    [wed] बु
    [thu] बि
    [fri] शु
    [sat] श
   *[sun] आ
}
calendar-title = पात्रो
calendar-month = { $month ->
    [1] जनवरी
    [2] फेब्रुअरी
    [3] मार्च
    [4] अप्रिल
    [5] मे
    [6] जुन
    [7] जुलाई
    [8] अगस्ट
    [9] सेप्टेम्बर
    [10] अक्टोबर
    [11] नोभेम्बर
   *[12] डिसेम्बर
} { $year }
calendar-today = आज
calendar-holiday = बिदा
calendar-booked = बुक गरिएको
calendar-window-no-resident = पहिचान पछि प्रयोग गर्न सकिने अवधि देखिन्छ
calendar-window-none = यो सुविधा र प्रकारको प्रयोग अवधि छैन
calendar-window = प्रयोग अवधि { $from }-{ $to }
calendar-legend = []छान्नुहोस् ()आज *बिदा +बुक #छानिँदै

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] र
    [day] द
   *[visit] घ
}
channel = { $channel ->
    [phone] फोन
    [web] WEB
    [line] LINE
   *[email] इमेल
}
list-sep = /
channels-only = { $names } मात्र
line-open = खुला
line-open-until = { $time } सम्म खुला
line-closed = बन्द
line-closed-opens = बन्द, { $time } मा खुल्छ
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }-{ $to }
period-short = { $kind ->
    [days-through] दिन { $n } सम्म
    [days-before] दिन { $n } भन्दा अघि
    [months-through] { $n } महिना 0 दिन सम्म
    [months-before] { $n } महिना भन्दा कम
   *[years-within] { $n } वर्ष भित्र
}
period-long = { $kind ->
    [days-through] जन्मपछि दिन { $n } सम्म
    [days-before] जन्मपछि दिन { $n } भन्दा अघि
    [months-through] जन्मपछि { $n } महिना 0 दिन सम्म
    [months-before] जन्मपछि { $n } महिना भन्दा कम
   *[years-within] जन्मपछि { $n } वर्ष भित्र
}
status = { $status ->
    [booked] बुक भयो
    [cancelled] रद्द
    [cancelled_late] रद्द (म्याद पछि)
    [no_show] खबर नगरी नआएको
   *[used] प्रयोग भयो
}
length = { $kind ->
    [nights] { $n } रात ({ $days } दिन)
    [days] { $n } दिन
   *[visit] 1 भ्रमण
}
contact-name = { $name }, { $section }

## The store at work (every screen, the kiosk too)

connecting = जोडिँदै
reconnecting = फेरि जोडिँदै
store-working = सुरक्षित गर्दै: कृपया पर्खनुहोस्।
recording = रेकर्ड गर्दै
booking-working = बुकिङ रेकर्ड गर्दै: कृपया पर्खनुहोस्।
not-confirmed = जडान टुट्यो: रेकर्ड भयो कि भएन पक्का छैन। बुकिङहरू जाँच गर्नुहोस्।
store-damaged = डाटाबेस बिग्रिएको छ: बुकिङ र परिवर्तन रोकिएका छन्। `sango store repair` चलाउनुहोस्।

## Large text (the welcome screen)

text-size-label = अक्षरको आकार
text-size-standard = सामान्य
text-size-large = ठूलो
key-large-text = ठूलो अक्षर, एक पटकमा एउटा भाग
