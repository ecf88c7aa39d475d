# staff-cli: the command line's own words, in English. Exactly the ids and variables of
# assets/i18n/ja/staff-cli.ftl (tests/i18n_catalog.rs). Official Japanese terms may stay in
# parentheses where staff know them by that name.

## Shared

cli-unknown-facility = unknown facility '{ $id }': see `sango facilities` for the ids
cli-no-care-type = the dataset has no care type { $care }
cli-cannot-write-json = cannot write JSON: { $error }
cli-cannot-write-output = cannot write the output: { $error }
cli-does-not-offer = { $facility } does not offer { $care }
cli-phone-the-facility = Please also phone the facility: { $name }

## sango fee

cli-fee-units-zero = --units must be at least 1
cli-fee-babies-zero = --babies must be at least 1
cli-fee-over-limit = { $units } is over the limit of { $limit } for { $care }
cli-fee-base = Base: { $calc }
cli-fee-babies = { $n ->
    [one] { $n } baby
   *[other] { $n } babies
}
cli-fee-extra = Extra babies: { $calc }
cli-fee-exempt = Exempt: { $waived }
cli-fee-total = Total: { $total }

## sango window

cli-window-corrected-needs-due = --corrected (corrected age) needs --due (the due date)
cli-window-no-period = the eligibility period cannot be computed for this date
cli-window-days = Days of use: { $first } to { $last }
cli-window-corrected = Corrected age (修正月齢): counted from the due date { $first }

## sango book

cli-booked = Booked: { $id }
cli-booked-server = Booked (server): { $id }
cli-booked-code = Booking code (for the phone): { $code }
cli-booked-resident = User number: { $resident }
cli-booked-facility = Facility: { $name } ({ $id })
cli-booked-facility-id = Facility: { $id }
cli-booked-type = Type: { $care } { $length }
cli-booked-dates = Dates: { $first } to { $last }
cli-booked-fee = Fee: { $fee }
cli-booked-fee-exempt = Fee: { $fee } (exempt; { $waived } waived)
cli-booked-remaining = Remaining: { $remaining }
cli-booked-already-late = Any cancellation is late now: it was booked after its cutoff ({ $cutoff }), so cancelling uses { $late }
cli-booked-cancel-by = Cancel free of charge by: { $cutoff } (at or after it a cancellation uses { $late })
cli-booked-last-call = Phone the facility by { $end } ({ $short }): its line is closed from then until the cutoff
cli-booked-no-call = The facility's phone line does not open before the cutoff
cli-booked-phone = Facility phone: { $phones }
cli-booked-provisional = Provisional booking (仮予約, offline): staff will confirm it (sango sync)
cli-data-as-of = Data as of { $at }
cli-never-pulled = never (no pull yet)

## sango cancel

cli-cancelled = Cancelled: { $id }
cli-cancelled-server = Cancelled (server): { $id }
cli-cancelled-provisional = Provisional cancellation (offline): { $id }
cli-cancelled-late = Late cancellation (期限後取消, after { $cutoff }): { $used } of the { $care } limit is used
cli-cancelled-on-time = On-time cancellation: nothing is charged to the limit

## sango bookings

cli-bookings-col-code = Code
cli-bookings-col-resident = User number
cli-bookings-col-facility = Facility
cli-bookings-col-type = Type
cli-bookings-col-dates = Dates
cli-bookings-col-units = Units
cli-bookings-col-fee = Fee
cli-bookings-col-status = Status
cli-bookings-dates = { $first } to { $last }
# A booking or its cancellation recorded after the moment it happened.
cli-bookings-entered-late = { $status } (entered late)
cli-bookings-count = { $n ->
    [one] { $n } booking
   *[other] { $n } bookings
}
cli-bookings-provisional = Provisional { $what } { $booking } (data as of { $at }): staff will confirm it

## sango no-show

cli-no-show-recorded = No-show recorded (無断キャンセル): { $id }
cli-no-show-used = { $used } of the { $care ->
    [stay] stay
    [day] day
    [visit] visit
   *[other] its
} limit is used

## sango hours

cli-hours-at = At: { $at }
cli-hours-open = OPEN
cli-hours-closes = closes at { $at }
cli-hours-closed = CLOSED
cli-hours-opens = next opening { $at }
cli-hours-no-opening = none
cli-hours-none = No phone hours given
cli-hours-reservation = Reservation: { $how }
cli-hours-confirm-holidays = Confirm public-holiday hours with the facility
cli-hours-phone = Phone: { $phone }

## sango facilities

cli-facilities-col-id = ID
cli-facilities-col-type = Type
cli-facilities-col-name = Name
cli-facilities-col-period = Period
cli-facilities-col-channel = Channel
cli-facilities-col-phone = Phone
cli-facilities-col-private = Private
# Between the care types a facility offers.
cli-facilities-type-sep = {"/"}
cli-facilities-shared-room = The room may not be private

## sango application

cli-application-no-first-day = no first day to apply can be computed for the due date { $due }
cli-application-first-day = First day to apply (事前申請): { $first } (week { $weeks } of pregnancy)
cli-application-coupon = Coupon expected: { $coupon } ({ $days } business days after { $applied })

## sango holidays

cli-holidays-unknown-year = year { $year } is outside { $known }, the years the holiday rules are known for
cli-holidays-col-date = Date
cli-holidays-col-day = Day
cli-holidays-col-holiday = Holiday

## sango quota, resident show

cli-resident-heading = User number { $id }
cli-quota-col-type = Type
cli-quota-col-limit = Limit
cli-quota-col-used = Used
cli-quota-col-remaining = Remaining
cli-quota-col-late = Late cancellations
