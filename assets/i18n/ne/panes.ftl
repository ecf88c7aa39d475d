# The shared panes in Nepali.

## The facility list

pane-facilities-title = केन्द्रहरू
pane-type-label = प्रकार:
pane-all-types = सबै
pane-search-label = खोज(/):
pane-search-hint = नाम, क्षेत्र, बुकिङ तरिका
pane-no-match = मिल्ने केन्द्र छैन (Esc ले खोज हटाउँछ, t ले प्रकार)
pane-col-type = प्रकार
pane-col-name = केन्द्र
pane-col-period = अवधि
pane-col-channel = बुकिङ
pane-col-phone = फोन अहिले
pane-no-channel = उल्लेख छैन
pane-phone-hours-unknown = फोन, समय उल्लेख छैन
pane-holiday-confirm-short = (बिदा: सोध्नुहोस्)

## A facility's detail

pane-address = ठेगाना
pane-phone = फोन
pane-email = इमेल
pane-channels = बुकिङ तरिका
pane-reservation = बुकिङ
pane-hours = फोन समय
pane-now = अहिले
pane-holidays = बिदा
pane-holiday-confirm = सार्वजनिक बिदाको बारेमा केही लेखिएको छैन। केन्द्रसँग सोध्नुहोस्।
pane-room = कोठा
pane-shared-room = कोठा निजी नहुन सक्छ। विवरणको लागि केन्द्रसँग सोध्नुहोस्।
pane-message = सन्देश
pane-notes = टिप्पणी
pane-none = छैन
pane-window-label = प्रयोग अवधि
pane-window-text = { $from } देखि { $to } ({ $id })
pane-detail-keys = माथि/तल: स्क्रोल  Esc: सूचीमा फर्कनुहोस्

## Phone hours

pane-hours-none = फोन समय छैन
pane-hours-daily = हरेक दिन
pane-hours-day-run = { $from }-{ $to }
pane-hours-day-sep = {", "}
pane-hours-time-range = { $from }-{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = {"; "}
pane-hours-except = { $hours } ({ $list } बाहेक)
pane-hours-except-sep = {", "}
pane-hours-holidays = सार्वजनिक बिदा
pane-hours-nth-weekday = महिनाको { $n ->
    [1] पहिलो
    [2] दोस्रो
    [3] तेस्रो
    [4] चौथो
   *[other] { $n }औँ
} { $weekday ->
    [mon] सोमबार
    [tue] मंगलबार
    [wed] बुधबार
    [thu] बिहीबार
    [fri] शुक्रबार
    [sat] शनिबार
   *[sun] आइतबार
}
pane-hours-month-day = { $month }/{ $day }
pane-hours-date-range = { $from }-{ $to }

## The quota

pane-quota-title = प्रयोग स्थिति
pane-no-resident-quota = प्रयोगकर्ता छानिएको छैन (u: छान्नुहोस्, n: बुक)
# Columns five cells wide.
pane-col-limit = सीमा
pane-col-used = खर्च
pane-col-left = बाँकी
pane-col-late = ढिलो रद्द
pane-units-short = { $n }{ $unit ->
    [day] {""}
   *[visit] {""}
}
pane-no-selection = अहिले केही बुक हुँदै छैन
pane-selection-refused = यी मितिहरू बुक गर्न मिल्दैन:
pane-selection = छानिँदै: { $care } { $dates }
pane-upcoming = बुक भएका (+):
pane-fee-base = आधार { $units } x { $amount } येन
pane-fee-extra = +{ $babies } बच्चा { $units } x { $amount } येन
pane-fee-exempt = शुल्क छुट
pane-fee-total = जम्मा
pane-resident-born = जन्म { $date }
pane-resident-babies = { $n } बच्चा
pane-resident-corrected = सच्याइएको उमेर
pane-resident-exempt = छुट

## The guide

pane-care-detail = सीमा { $limit }{ $multiples ->
    [yes] {" "}(जुम्ल्याहा: { $more })
   *[no] {""}
}; थप बच्चा प्रति +{ $extra }{ $meals ->
    [yes] , खाना सहित
   *[no] {""}
}
pane-exemption = यी परिवारले शुल्क तिर्नु पर्दैन: { $households }।
pane-households-sep = {", "}
pane-application = गर्भावस्थाको { $weeks } औँ हप्तादेखि आवेदन दिन सकिन्छ। कुपन आउन करिब { $days } कार्य दिन लाग्छ।
pane-guide-bring = ल्याउनुपर्ने सामान
