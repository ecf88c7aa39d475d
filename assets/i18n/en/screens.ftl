# The frame and the shared screens a kiosk can show too: the bottom line's mode and clock, the
# too-small message, the practice banner, the help box, her bookings and the cancel question.

## The frame

screen-mode-search = Search
screen-mode-facility = Facility
screen-mode-browse = Browse
# Tue 2026-12-01 10:15: the month and day in two digits.
screen-clock = { $weekday } { $year }-{ $month ->
    [1] 01
    [2] 02
    [3] 03
    [4] 04
    [5] 05
    [6] 06
    [7] 07
    [8] 08
    [9] 09
   *[other] { $month }
}-{ $day ->
    [1] 01
    [2] 02
    [3] 03
    [4] 04
    [5] 05
    [6] 06
    [7] 07
    [8] 08
    [9] 09
   *[other] { $day }
} { $time }
screen-too-small =
    The window is too small. Please enlarge it to at least { $min-width }x{ $min-height } (now { $width }x{ $height }).
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 PRACTICE (not live data)
screen-resident-unknown = User number { $id } is not registered.

## The help box

help-title = Keys
help-close = Esc, Enter or ? closes
help-scroll = Up/Down scroll

## Her bookings

bookings-title = Bookings
bookings-none = No bookings (n to book)
bookings-cancel = Cancel
bookings-back = Back
bookings-entered-late = entered late
bookings-cannot-cancel = This booking cannot be cancelled ({ $status }).
bookings-cancel-by = { $late ->
    [yes] past the cancel deadline ({ $time } on { $date })
   *[no] cancel before { $time } on { $date }
}
bookings-charged = late cancellation: { $units } used up
bookings-provisional = provisional

## The cancel question and its answer

bookings-cancel-title = Cancel booking
bookings-cancel-yes = Cancel it
bookings-cancel-no = Keep it
bookings-cancel-outcome = { $late ->
    [yes] Late (deadline was { $date } { $time }): { $units } used up.
   *[no] On time (deadline { $date } { $time }): nothing is used up.
}
bookings-phone-facility = Please also phone the facility: { $phones }
bookings-cancelled = { $late ->
    [yes] Cancelled late ({ $units } used). Please also phone the facility: { $phones }
   *[no] Cancelled on time. Please also phone the facility: { $phones }
}
