# sango: Tagalog. Same ids and variables as ja/sango.ftl; terms from glossary.toml.

## The language

language-name = Tagalog
language-label = Wika
authoritative-note = Ang tekstong Hapon ang opisyal.

## Numbers and dates

yen = ¥{ $amount }
weekday = { $wd ->
    [mon] Lun
    [tue] Mar
    [wed] Miy
    [thu] Huw
    [fri] Biy
    [sat] Sab
   *[sun] Lin
}
date-long = { $weekday }, { $month ->
    [1] Ene
    [2] Peb
    [3] Mar
    [4] Abr
    [5] May
    [6] Hun
    [7] Hul
    [8] Ago
    [9] Set
    [10] Okt
    [11] Nob
   *[12] Dis
} { $day }, { $year }
date-short = { $weekday } { $month }/{ $day }

## Care types and units

care-stay = Pananatili nang magdamag
care-day = Pangangalaga sa araw
care-visit = Pagbisita sa bahay
care-stay-short = gabi
care-day-short = araw
care-visit-short = bahay
units-long = { $n } { $unit ->
    [day] araw
   *[visit] pagbisita
}
fee-per-unit = { $fee }/{ $unit ->
    [day] araw
   *[visit] pagbisita
}
units-or = {" / "}

## The kiosk: top and bottom lines

start-over = umulit
help-hint = ?:tulong
journey-guide = Gabay
journey-identify = Pagkakakilanlan
journey-book = Mag-book
status-keys-public = i:kilalanin  g:gabay  /:hanapin ang pasilidad
status-keys-identified = n:mag-book  b:aking mga booking  g:gabay
not-identified = hindi pa kilala
identified-as = User number { $id }
window-hint = Kilalanin (i) para makita ang panahon ng paggamit

## The kiosk: what happened

kiosk-system-error = Hindi ito magagawa ngayon. Magtanong sa kawani.
kiosk-refused = Hindi ito magagawa sa terminal na ito.
kiosk-timed-out = Walang gumamit nang ilang sandali: bumalik sa simula.
kiosk-started-over = Bumalik sa simula.
kiosk-identify-first = Kilalanin muna ang sarili bago mag-book o tumingin ng booking.
kiosk-already-identified = Kilala ka na. Ibang tao? Pindutin ang F5 para umulit.
kiosk-welcome-back = Kilala ka na (user number { $id }). n para mag-book, b para makita ang booking.

## The kiosk: identification

identify-title = Pagkakakilanlan
identify-intro =
    Para mag-book o makita ang booking, kilalanin muna ang sarili.
    Ilagay ang iyong user number at ang petsa ng kapanganakan ng sanggol.
identify-number = User number
identify-birth = Kapanganakan ng sanggol
identify-birth-example = hal. 2026-10-01
identify-button = Kumpirmahin
identify-keys = Taas/Baba/Tab: susunod  Enter: kumpirmahin  Esc: bumalik
identify-bad-date = Ilagay ang petsa tulad ng 2026-10-01.
identify-failed = Hindi makumpirma ang user number o ang petsa ng kapanganakan ng sanggol. Subukan muli.
identify-incomplete = Ilagay ang iyong user number at ang petsa ng kapanganakan ng sanggol.
identify-locked = Masyadong maraming maling subok: nakahinto ang pagkakakilanlan. Maghintay ng { $secs } segundo.
identify-tries-left = Natitirang subok: { $left } (pagkatapos, maghihintay ng { $secs } segundo).
identify-unlocked = Maaari nang subukan muli.
identify-offline = Hindi ka makikilala ngayon: hindi maabot ang server ng ward. Matutulungan ka ng kawani. Magagamit pa rin ang impormasyon ng pasilidad.
identify-paused = Masyadong maraming hindi nakumpirmang subok: nakahinto muna ang pagkilala. Subukan muli mamaya o magtanong sa kawani.
kiosk-offline = Hindi ito magagawa ngayon: hindi maabot ang server ng ward. Matutulungan ka ng kawani.
kiosk-request-title = Pansamantala: kukumpirmahin ng kawani
kiosk-request-kept = Ang iyong kahilingan ay itinago bilang pansamantala (仮予約): hindi maabot ang server ng ward, kaya hindi pa ito naka-book. Kukumpirmahin ito ng kawani at tatawagan ka.
back = bumalik

## The kiosk: staff PIN and the idle countdown

pin-title = Para sa kawani: lumabas
pin-body = Para lumabas sa programa, ilagay ang staff PIN. Mga residente: pindutin ang Esc para bumalik.
pin-label = Staff PIN
pin-wrong = Maling PIN.
pin-locked = Nakahinto ang paglalagay ng PIN. Maghintay ng { $secs } segundo.
pin-unavailable = Hindi masuri ang PIN. Tawagan ang administrator.
pin-leave = Lumabas
countdown-title = Kailangan mo pa ba ng oras?
countdown = Para magpatuloy, pindutin ang anumang key o i-click ang screen. Kung hindi, babalik sa simula ang screen sa loob ng { $secs } segundo at mabubura ang inilagay mo.
countdown-more = Dagdag na oras

## The kiosk: every key (the help box)

keys-arrows = Arrow
key-start-over = umulit (mabubura ang isinulat)
key-identify = kilalanin (user number at kapanganakan ng sanggol)
key-book = mag-book (pagkatapos kilalanin)
key-bookings = aking mga booking, kanselahin (pagkatapos kilalanin)
key-guide = gabay (bayad, patakaran, kontak)
key-find = hanapin ang pasilidad
key-filter = salain ayon sa uri
key-arrows = pumili, gumalaw
key-pane = susunod na bahagi
key-enter = pumili
key-esc = bumalik
key-yes-no = oo / hindi
key-language = palitan ang wika
key-help = ang tulong na ito

## The guide (kiosk pane and the g screen)

guide-title = Gabay
guide-identify = Para mag-book o makita ang booking, kilalanin muna (i).
guide-more = Buong gabay: bayad, patakaran, kontak (g)
guide-fees = Uri, limitasyon, bayad
guide-exemption = Libreng bayad
guide-cancel = Pagkansela
guide-application = Aplikasyon
guide-not-usable = Kapag hindi magagamit
guide-notes = Iba pang paalala
guide-contacts = Kontak
guide-keys = Taas/Baba, PgUp/PgDn mag-scroll  Esc bumalik

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] sa araw mismo
    [day-before] sa araw bago
    [days-before] { $days } araw bago
    [business-day-before] sa araw ng trabaho bago
   *[business-days-before] { $days } araw ng trabaho bago
}
cancel-business-days = {" "}(araw ng trabaho: Lunes hanggang Biyernes, hindi pista opisyal o 12/29-1/3)
cancel-rule = Magkansela bago mag-{ $time } { $when } para hindi mabawasan{ $business }; { $same ->
    [yes] kung mas huli (huling pagkansela), o hindi dumating nang walang pasabi, { $late } ang mabibilang
   *[no] kung mas huli (huling pagkansela), { $late } ang mabibilang; kung hindi dumating nang walang pasabi, { $noshow }
}. Tawagan din ang pasilidad.

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] Lu
    [tue] Ma
    [wed] Mi
    [thu] Hu
    [fri] Bi
    [sat] Sa
   *[sun] Li
}
calendar-title = Kalendaryo
calendar-month = { $month ->
    [1] Enero
    [2] Pebrero
    [3] Marso
    [4] Abril
    [5] Mayo
    [6] Hunyo
    [7] Hulyo
    [8] Agosto
    [9] Setyembre
    [10] Oktubre
    [11] Nobyembre
   *[12] Disyembre
} { $year }
calendar-today = ngayon
calendar-holiday = holiday
calendar-booked = naka-book
calendar-window-no-resident = Lalabas ang panahong magagamit pagkatapos ng pagkakakilanlan
calendar-window-none = Walang panahong magagamit para sa pasilidad at uri na ito
calendar-window = Panahong magagamit { $from }-{ $to }
calendar-legend = []pili ()ngayon *holiday +book #pinipili

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] G
    [day] A
   *[visit] B
}
channel = { $channel ->
    [phone] telepono
    [web] WEB
    [line] LINE
   *[email] e-mail
}
list-sep = /
channels-only = { $names } lamang
line-open = bukas
line-open-until = bukas hanggang { $time }
line-closed = sarado
line-closed-opens = sarado, bubukas { $time }
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }-{ $to }
period-short = { $kind ->
    [days-through] hanggang araw { $n }
    [days-before] bago ang araw { $n }
    [months-through] hanggang { $n } buwan 0 araw
    [months-before] wala pang { $n } buwan
   *[years-within] sa loob ng { $n } taon
}
period-long = { $kind ->
    [days-through] hanggang ika-{ $n } araw pagkapanganak
    [days-before] bago ang ika-{ $n } araw pagkapanganak
    [months-through] hanggang { $n } buwan 0 araw pagkapanganak
    [months-before] wala pang { $n } buwan pagkapanganak
   *[years-within] sa loob ng { $n } taon pagkapanganak
}
status = { $status ->
    [booked] naka-book
    [cancelled] kinansela
    [cancelled_late] kinansela nang huli
    [no_show] hindi dumating nang walang pasabi
   *[used] nagamit
}
length = { $kind ->
    [nights] { $n } gabi ({ $days } araw)
    [days] { $n } araw
   *[visit] 1 pagbisita
}
contact-name = { $name }, { $section }

## The store at work (every screen, the kiosk too)

connecting = Kumokonekta
reconnecting = Muling kumokonekta
store-working = Sine-save: pakihintay.
recording = Nire-record
booking-working = Nire-record ang booking: pakihintay.
not-confirmed = Naputol ang koneksyon: hindi tiyak kung na-record ito. Tingnan ang mga booking.
store-damaged = Sira ang database: itinigil ang mga booking at pagbabago. Patakbuhin ang `sango store repair`.

## Large text (the welcome screen)

text-size-label = Laki ng teksto
text-size-standard = karaniwan
text-size-large = malaki
key-large-text = malaking teksto, isang bahagi bawat oras
