# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = खोज
screen-mode-facility = केन्द्र
screen-mode-browse = सूची
screen-clock = { $weekday } { $year }/{ $month }/{ $day } { $time }
screen-too-small =
    विन्डो धेरै सानो छ। कम्तीमा { $min-width }x{ $min-height } बनाउनुहोस् (अहिले { $width }x{ $height })।
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 अभ्यास (नक्कली डाटा)
screen-resident-unknown = प्रयोगकर्ता नम्बर { $id } दर्ता भएको छैन।

## The help box

help-title = कुञ्जीहरू
help-close = बन्द गर्न Esc, Enter वा ?
help-scroll = माथि/तल: स्क्रोल

## Her bookings

bookings-title = मेरो बुकिङ
bookings-none = बुकिङ छैन (बुक गर्न n)
bookings-cancel = रद्द
bookings-back = फर्कनुहोस्
bookings-entered-late = पछि दर्ता
bookings-cannot-cancel = यो बुकिङ रद्द गर्न मिल्दैन ({ $status })।
bookings-cancel-by = { $late ->
    [yes] म्याद सकियो { $date } { $time }
   *[no] रद्द म्याद { $date } { $time }
}
bookings-charged = ढिलो रद्द: { $units } प्रयोग गरेको मानियो
bookings-provisional = अस्थायी बुकिङ

## The cancel question and its answer

bookings-cancel-title = बुकिङ रद्द
bookings-cancel-yes = रद्द गर्नुहोस्
bookings-cancel-no = नगर्ने
bookings-cancel-outcome = { $late ->
    [yes] म्याद ({ $date } { $time }) पछि ढिलो रद्द: { $units } प्रयोग गरेको मानिन्छ।
   *[no] म्यादभित्र रद्द (म्याद { $date } { $time }): केही प्रयोग गनिँदैन।
}
bookings-phone-facility = केन्द्रमा पनि अवश्य फोन गर्नुहोस्: { $phones }
bookings-cancelled = { $late ->
    [yes] रद्द भयो (ढिलो रद्द: { $units } प्रयोग)। केन्द्रमा पनि फोन गर्नुहोस्: { $phones }
   *[no] समयमै रद्द भयो। केन्द्रमा पनि फोन गर्नुहोस्: { $phones }
}
