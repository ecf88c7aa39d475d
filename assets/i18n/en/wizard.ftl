# The booking wizard, a booking's words, the rules' refusals: English. Same ids and variables
# as ja/wizard.ftl.

## The wizard's frame

wizard-title = Booking
wizard-step = { $step ->
    [resident] Resident
    [screening] Health
    [care] Type
    [facility] Facility
    [dates] Dates
   *[confirm] Confirm
}
wizard-step-hint = { $step ->
    [resident] Tab/Up/Down fields  F2 find/register
    [screening] y yes  n no
    [care] Up/Down choose
    [facility] Up/Down choose
    [dates] arrows: day  + -: length
   *[confirm] y books too
}
wizard-back = Back
wizard-leave = Pause
wizard-next = Next
wizard-book = Book
wizard-close = Close
wizard-shorter = shorter
wizard-longer = longer
wizard-recording = Recording
wizard-booking-working = Recording the booking: please wait.

## Step 2: the screening

wizard-screening-intro = Care cannot be used in the following states. Answer each question.
wizard-screening-stop = Care cannot be used in this state. Please see a doctor first. For questions, call one of these offices. Esc lets you change the answer.
wizard-screening-keys = y yes  n no  Up/Down choose a question  Enter continues when all are no
wizard-answer-all = Please answer every question.
wizard-yes = yes
wizard-no = no

## Step 3: the care type

wizard-care-intro = Choose the type of care (fees for the mother and one baby).
wizard-none-left-short = none left
wizard-too-few-left-short = { $left } left, needs { $shortest }
wizard-too-few-left = { $care } cannot be chosen: { $left } left, and the shortest booking takes { $shortest }
wizard-none-left = No { $care } units left.

## Step 4: the facility

wizard-facility-intro = Facilities that offer this type and whose window still has days.
wizard-no-facility = No facility has days left in the window.

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - change the nights
    [day] + - change the days
   *[visit] Visits are booked one at a time
}
wizard-visit-is-one = A home visit is booked one visit at a time
wizard-longest-reached = No longer: { $left } left of the limit
wizard-check-ok = These dates can be booked
wizard-check-refused = These dates cannot be booked
wizard-dates-keys = Arrows/hjkl move the day, [ ] the month, + - the length, Enter to confirm. Clicks work too.

## Step 6: the confirmation, and the booking made

wizard-booked-title = Recorded with the ward
wizard-booked-flash = Recorded with the ward. Remember to reserve with the facility.
wizard-label-resident = Resident
wizard-label-facility = Facility
wizard-label-care = Type
wizard-label-dates = Dates
wizard-what-to-bring = What to bring

## A booking's words

booking-per-unit = /{ $unit ->
    [day] day
   *[visit] visit
}
# The unit is in $limit (7 days): the number left reads alone.
booking-left-of = { $unit ->
   *[any] { $left }
} of { $limit } left
booking-window = Window { $range }
booking-days-left = { $n ->
    [one] { $n } day left
   *[other] { $n } days left
}
booking-length-line = Length: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first } to { $last } { $length }
}
booking-cancel-already-late = Booked after its cancel deadline ({ $time } on { $date }): any cancellation now uses up { $units }.
booking-cancel-by = Cancel before { $time } on { $date } to keep it (and phone the facility); later, { $units } is used up.
booking-last-call = The facility's phone is open until { $time } on { $date }, then closed until the deadline.
booking-code = Booking code { $code }
booking-number = Booking { $id }
booking-records-with-ward = "Book" records the booking with the ward. The facility must be reserved separately ({ $channels }).
booking-recorded-next-step = Recorded with the ward. Next, reserve with the facility by { $channels } (not needed if staff have already done so).

## Why the rules refuse a booking

refusal-not-offered = The facility does not offer { $care }.
refusal-no-period = The facility has no window for { $care }.
refusal-period-out-of-range = The window cannot be computed for this birth date.
refusal-in-past = { $start } is in the past (today is { $today }).
refusal-before-window = { $start } is before the window starts ({ $first }).
refusal-after-window = It would end on { $end }, after the window ends ({ $last }).
# The unit is in $limit: the number left reads alone.
refusal-over-limit = Over the limit: { $requested } needed, { $unit ->
   *[any] { $remaining }
} of { $limit } left.
refusal-no-baby = At least 1 baby is needed.
refusal-overlaps = She already has care booked { $first } to { $last }: one booking a day.
