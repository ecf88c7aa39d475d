# sango: English. Same ids and variables as ja/sango.ftl; terms from glossary.toml.

## The language

language-name = English
language-label = Language
authoritative-note = The Japanese text is the official one.

## Numbers and dates

yen = ¥{ $amount }
weekday = { $wd ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
date-long = { $weekday } { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
date-short = { $weekday } { $month }/{ $day }

## Care types and units

care-stay = Overnight stay
care-day = Day care
care-visit = Home visit
care-stay-short = stay
care-day-short = day
care-visit-short = visit
units-long = { $n } { $unit ->
    [day] { $n ->
        [one] day
       *[other] days
    }
   *[visit] { $n ->
        [one] visit
       *[other] visits
    }
}
fee-per-unit = { $fee }/{ $unit ->
    [day] day
   *[visit] visit
}
units-or = {" / "}

## The kiosk: top and bottom lines

start-over = start over
help-hint = ?:help
journey-guide = Guide
journey-identify = Identify
journey-book = Book & check
status-keys-public = i:identify  g:guide  /:find a facility
status-keys-identified = n:book  b:your bookings  g:guide
not-identified = not identified
identified-as = User number { $id }
window-hint = Identify (i) to see your window

## The kiosk: what happened

kiosk-system-error = This cannot be done right now. Please ask a member of staff.
kiosk-refused = This is not available at this terminal.
kiosk-timed-out = No one used the screen for a while: back to the start.
kiosk-started-over = Back to the start.
kiosk-identify-first = Please identify yourself before booking or checking your bookings.
kiosk-already-identified = You are already identified. Someone else? Press F5 to start over.
kiosk-welcome-back = You are identified (user number { $id }). n to book, b to see your bookings.

## The kiosk: identification

identify-title = Identification
identify-intro =
    To book or to see your bookings, please identify yourself.
    Type your user number and your baby's birth date.
identify-number = User number
identify-birth = Baby's birth date
identify-birth-example = e.g. 2026-10-01
identify-button = Confirm
identify-keys = Up/Down/Tab: next field  Enter: confirm  Esc: back
identify-bad-date = Please type the birth date like 2026-10-01.
identify-failed = The user number or the baby's birth date could not be confirmed. Please try again.
identify-incomplete = Enter your user number and your baby's birth date.
identify-locked = Too many unconfirmed tries: identification is paused. Please wait { $secs } s.
identify-tries-left = Tries left: { $left } (after that, a { $secs } s pause).
identify-unlocked = You can try again now.
identify-offline = You cannot be identified right now: the ward's server cannot be reached. A member of staff can help you. Facility information still works.
identify-paused = Too many unconfirmed tries: identification is paused for a while. Please try again later or ask a member of staff.
kiosk-offline = This cannot be done right now: the ward's server cannot be reached. A member of staff can help you.
kiosk-request-title = Provisional: staff will confirm
kiosk-request-kept = Your request is kept as provisional (仮予約): the ward's server cannot be reached, so it is not booked yet. Staff will confirm it and contact you.
back = back

## The kiosk: staff PIN and the idle countdown

pin-title = Staff only: leave
pin-body = To leave the program, type the staff PIN. Residents: press Esc to go back.
pin-label = Staff PIN
pin-wrong = Wrong PIN.
pin-locked = PIN entry is paused. Please wait { $secs } s.
pin-unavailable = The PIN cannot be checked. Please call the administrator.
pin-leave = Leave
countdown-title = Do you need more time?
countdown = To keep going, press any key or click the screen. Otherwise the screen goes back to the start in { $secs } s and what you entered is cleared.
countdown-more = More time

## The kiosk: every key (the help box)

keys-arrows = Arrows
key-start-over = start over (what was typed is forgotten)
key-identify = identify (user number and baby's birth date)
key-book = book (after identifying)
key-bookings = your bookings, cancel (after identifying)
key-guide = guide (fees, rules, contacts)
key-find = find a facility
key-filter = filter by type
key-arrows = choose, move
key-pane = next pane
key-enter = choose
key-esc = back
key-yes-no = yes / no
key-language = change the language
key-help = this help

## The guide (kiosk pane and the g screen)

guide-title = Guide
guide-identify = To book or see your bookings, identify first (i).
guide-more = Full guide: fees, rules, contacts (g)
guide-fees = Types, limits, fees
guide-exemption = Fee exemption
guide-cancel = Cancelling
guide-application = Application
guide-not-usable = When care cannot be used
guide-notes = Other notes
guide-contacts = Contacts
guide-keys = Up/Down, PgUp/PgDn scroll  Esc back

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] on the day
    [day-before] the day before
    [days-before] { $days } days before
    [business-day-before] the business day before
   *[business-days-before] { $days } business days before
}
cancel-business-days = {" "}(business days: Monday to Friday, not public holidays or 12/29-1/3)
cancel-rule = Cancel before { $time } { $when } to keep your units{ $business }; { $same ->
    [yes] later (a late cancellation), or not coming without a word, { $late } is used up
   *[no] later (a late cancellation), { $late } is used up; not coming without a word, { $noshow }
}. Always phone the facility too.

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] Mo
    [tue] Tu
    [wed] We
    [thu] Th
    [fri] Fr
    [sat] Sa
   *[sun] Su
}
calendar-title = Calendar
calendar-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
calendar-today = today
calendar-holiday = holiday
calendar-booked = booked
calendar-window-no-resident = Choose a resident to see the window (u)
calendar-window-none = No window for this facility and type
calendar-window = Window { $from }-{ $to }
calendar-legend = []day ()today *hol +booked #new

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] S
    [day] D
   *[visit] V
}
channel = { $channel ->
    [phone] phone
    [web] WEB
    [line] LINE
   *[email] e-mail
}
list-sep = /
channels-only = { $names } only
line-open = open
line-open-until = open until { $time }
line-closed = closed
line-closed-opens = closed, opens { $time }
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }-{ $to }
period-short = { $kind ->
    [days-through] to day { $n }
    [days-before] before day { $n }
    [months-through] to { $n } months 0d
    [months-before] under { $n } months
   *[years-within] within { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
}
period-long = { $kind ->
    [days-through] through day { $n } after birth
    [days-before] before day { $n } after birth
    [months-through] through { $n } months 0 days after birth
    [months-before] under { $n } months after birth
   *[years-within] within { $n ->
        [one] { $n } year
       *[other] { $n } years
    } after birth
}
status = { $status ->
    [booked] booked
    [cancelled] cancelled
    [cancelled_late] cancelled late
    [no_show] no-show
   *[used] used
}
length = { $kind ->
    [nights] { $n ->
        [one] { $n } night
       *[other] { $n } nights
    } ({ $days } days)
    [days] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
   *[visit] 1 visit
}
contact-name = { $name }, { $section }

## The store at work (every screen, the kiosk too)

connecting = Connecting
reconnecting = Reconnecting
store-working = Saving: please wait.
recording = Recording
booking-working = Recording the booking: please wait.
not-confirmed = The connection was lost: it is not confirmed whether this was recorded. Check the bookings.
store-damaged = The database is damaged: bookings and changes are stopped. Run `sango store repair`.

## Large text (the welcome screen)

text-size-label = Text size
text-size-standard = standard
text-size-large = large
key-large-text = large text, one pane at a time
