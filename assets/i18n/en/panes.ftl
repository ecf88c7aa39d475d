# The shared panes (facility list, facility detail, quota, guide), staff screens and kiosk alike.

## The facility list

pane-facilities-title = Facilities
pane-type-label = Type:
pane-all-types = all
pane-search-label = Search(/):
pane-search-hint = name, area, channel
pane-no-match = No facility matches (Esc clears the search, t the type)
pane-col-type = Type
pane-col-name = Facility
pane-col-period = Period
pane-col-channel = Channel
pane-col-phone = Phone line now
pane-no-channel = not given
pane-phone-hours-unknown = phone, no hours
pane-holiday-confirm-short = (holiday: confirm)

## A facility's detail

pane-address = Address
pane-phone = Phone
pane-email = E-mail
pane-channels = Reserve by
pane-reservation = Reservation
pane-hours = Phone hours
pane-now = Now
pane-holidays = Holidays
pane-holiday-confirm = The flyer says nothing about public holidays: confirm with the facility.
pane-room = Room
pane-shared-room = Rooms may not be private. Ask the facility for details.
pane-message = Message
pane-notes = Notes
pane-none = none
pane-window-label = Window
pane-window-text = { $from } to { $to } ({ $id })
pane-detail-keys = Up/Down scroll  Esc back to the list

## Phone hours

pane-hours-none = no phone hours
pane-hours-daily = Daily
pane-hours-day-run = { $from }-{ $to }
pane-hours-day-sep = {", "}
pane-hours-time-range = { $from }-{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = {"; "}
pane-hours-except = { $hours } (except { $list })
pane-hours-except-sep = {", "}
pane-hours-holidays = public holidays
pane-hours-nth-weekday = the { $n ->
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $n }th
} { $weekday ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
} of the month
pane-hours-month-day = { $month ->
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
} { $day }
pane-hours-date-range = { $from }-{ $to }

## The quota

pane-quota-title = Quota
pane-no-resident-quota = No resident chosen (u to choose, n to book)
pane-col-limit = limit
pane-col-used = used
pane-col-left = left
pane-col-late = late
pane-units-short = { $n }{ $unit ->
    [day] {""}
   *[visit] {""}
}
pane-no-selection = Nothing being booked
pane-selection-refused = These dates cannot be booked:
pane-selection = Booking: { $care } { $dates }
pane-upcoming = Booked (+):
pane-fee-base = base { $units } x { $amount }
pane-fee-extra = +{ $babies } { $babies ->
    [one] baby
   *[other] babies
} { $units } x { $amount }
pane-fee-exempt = fee exemption
pane-fee-total = total
pane-resident-born = born { $date }
pane-resident-babies = { $n } babies
pane-resident-corrected = corrected age
pane-resident-exempt = exempt

## The guide

pane-care-detail = limit { $limit }{ $multiples ->
    [yes] {" "}({ $more } for multiples)
   *[no] {""}
}; each extra baby +{ $extra }{ $meals ->
    [yes] , meals included
   *[no] {""}
}
pane-exemption = These households pay 0 yen: { $households }.
pane-households-sep = {", "}
pane-application = Apply from week { $weeks } of pregnancy. The coupon takes about { $days } business days.
pane-guide-bring = What to bring
