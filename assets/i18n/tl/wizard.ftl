# Ang mga hakbang ng booking, mga salita ng booking, mga dahilan ng pagtanggi: Tagalog. Same
# ids and variables as ja/wizard.ftl.

## The wizard's frame

wizard-title = Booking
wizard-step = { $step ->
    [resident] Residente
    [screening] Kalusugan
    [care] Uri
    [facility] Pasilidad
    [dates] Petsa
   *[confirm] Tiyakin
}
wizard-step-hint = { $step ->
    [resident] Tab/Taas/Baba: field  F2 hanap/rehistro
    [screening] y oo  n hindi
    [care] Taas/Baba: pumili
    [facility] Taas/Baba: pumili
    [dates] arrow: araw  + -: haba
   *[confirm] y para mag-book din
}
wizard-back = Bumalik
wizard-leave = Ihinto
wizard-next = Susunod
wizard-book = Mag-book
wizard-close = Isara
wizard-shorter = paikliin
wizard-longer = pahabain
wizard-recording = Itinatala
wizard-booking-working = Itinatala ang booking: sandali lang po.

## Step 2: the screening

wizard-screening-intro = Hindi magagamit ang pangangalaga pagkatapos manganak sa mga sumusunod na kalagayan. Sagutin ang bawat tanong.
wizard-screening-stop = Hindi magagamit ang pangangalaga pagkatapos manganak sa kalagayang ito. Magpatingin muna sa doktor. Kung may tanong, tawagan ang isa sa mga opisinang ito. Sa Esc, mapapalitan ang sagot.
wizard-screening-keys = y oo  n hindi  Taas/Baba: tanong  Enter kapag lahat ay hindi
wizard-answer-all = Pakisagot ang lahat ng tanong.
wizard-yes = oo
wizard-no = hindi

## Step 3: the care type

wizard-care-intro = Piliin ang uri ng pangangalaga (bayad para sa ina at isang sanggol).
wizard-none-left-short = wala nang natitira
wizard-too-few-left-short = { $left } na lang, kailangan { $shortest }
wizard-too-few-left = Hindi mapipili ang { $care }: { $left } na lang ang natitira, at { $shortest } ang pinakamaikling booking
wizard-none-left = Wala nang natitira sa { $care }.

## Step 4: the facility

wizard-facility-intro = Mga pasilidad na may ganitong uri at may natitirang araw pa.
wizard-no-facility = Walang pasilidad na may natitirang araw sa panahong magagamit.

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - palitan ang bilang ng gabi
    [day] + - palitan ang bilang ng araw
   *[visit] Isa-isang bina-book ang pagbisita
}
wizard-visit-is-one = Isa-isang bina-book ang pagbisita sa bahay
wizard-longest-reached = Hindi na mapapahaba: { $left } na lang ang natitira sa limitasyon
wizard-check-ok = Maaaring i-book ang mga petsang ito
wizard-check-refused = Hindi maaaring i-book ang mga petsang ito
wizard-dates-keys = Arrow/hjkl ang araw, [ ] ang buwan, + - ang haba, Enter para kumpirmahin. Puwede ring i-click.

## Step 6: the confirmation, and the booking made

wizard-booked-title = Naitala sa ward
wizard-booked-flash = Naitala sa ward. Huwag kalimutang magpareserba sa pasilidad.
wizard-label-resident = Residente
wizard-label-facility = Pasilidad
wizard-label-care = Uri
wizard-label-dates = Petsa
wizard-what-to-bring = Mga dadalhin

## A booking's words

booking-per-unit = /{ $unit ->
    [day] araw
   *[visit] pagbisita
}
# The unit is in $limit: the number left reads alone.
booking-left-of = natitira: { $unit ->
   *[any] { $left }
} sa { $limit }
booking-window = Panahong magagamit { $range }
booking-days-left = { $n } araw pa
booking-length-line = Haba: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first } hanggang { $last } { $length }
}
booking-cancel-already-late = Na-book pagkalipas ng deadline ng pagkansela ({ $time }, { $date }): anumang pagkansela ngayon ay huling pagkansela, { $units } ang mabibilang.
booking-cancel-by = Magkansela bago mag-{ $time } sa { $date } para hindi mabawasan (at tawagan ang pasilidad); kung mas huli, { $units } ang mabibilang.
booking-last-call = Bukas ang telepono ng pasilidad hanggang { $time } sa { $date }, pagkatapos ay sarado hanggang sa deadline.
booking-code = Booking code { $code }
booking-number = Booking { $id }
booking-records-with-ward = Sa "Mag-book", itatala ang booking sa ward. Kailangang magpareserba nang hiwalay sa pasilidad ({ $channels }).
booking-recorded-next-step = Naitala sa ward. Susunod, magpareserba sa pasilidad sa pamamagitan ng { $channels } (hindi na kailangan kung nagawa na ng kawani).

## Why the rules refuse a booking

refusal-not-offered = Hindi inaalok ng pasilidad na ito ang pangangalagang { $care }.
refusal-no-period = Walang panahong magagamit para sa { $care } sa pasilidad na ito.
refusal-period-out-of-range = Hindi makalkula ang panahong magagamit para sa petsa ng kapanganakang ito.
refusal-in-past = Lumipas na ang { $start } (ngayon ay { $today }).
refusal-before-window = Ang { $start } ay bago magsimula ang panahong magagamit ({ $first }).
refusal-after-window = Matatapos ito sa { $end }, pagkatapos ng panahong magagamit ({ $last }).
refusal-over-limit = Lampas sa limitasyon: { $requested } ang kailangan, { $remaining } { $unit ->
    [day] araw
   *[visit] pagbisita
} na lang sa { $limit }.
refusal-no-baby = Kailangan ng kahit 1 sanggol.
refusal-overlaps = May naka-book na siyang pangangalaga mula { $first } hanggang { $last }: isang booking lang bawat araw.
