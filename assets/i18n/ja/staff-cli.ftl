# staff-cli: the command line's own words. Japanese is the default and prints each line as it
# always has, bilingual ("予約しました Booked: …"): scripts and tests read these lines, so a
# change here is a change of the command line's output. English is in ../en/staff-cli.ftl.
# Indentation and the arithmetic of fees (×, =) are the code's; no symbols of ambiguous width.

## Shared

cli-unknown-facility = unknown facility (施設) '{ $id }': see `sango facilities` for the ids
cli-no-care-type = the dataset has no care type { $care }
cli-cannot-write-json = cannot write JSON: { $error }
cli-cannot-write-output = cannot write the output: { $error }
cli-does-not-offer = { $facility } does not offer { $care } (この施設では利用できない種類です)
cli-phone-the-facility = 施設へ電話で連絡してください Please also phone the facility: { $name }

## sango fee

cli-fee-units-zero = --units must be at least 1 (利用日数・回数)
cli-fee-babies-zero = --babies must be at least 1 (子の人数)
cli-fee-over-limit = { $units } is over the limit (利用上限) of { $limit } for { $care }
cli-fee-base = 基本 Base: { $calc }
cli-fee-babies = { $n }人
cli-fee-extra = 多胎加算 Extra babies: { $calc }
cli-fee-exempt = 免除 Exempt: { $waived }
cli-fee-total = 合計 Total: { $total }

## sango window

cli-window-corrected-needs-due = --corrected (修正月齢) needs --due (出産予定日)
cli-window-no-period = the eligibility period (利用期間) cannot be computed for this date
cli-window-days = 利用できる日 Days of use: { $first } 〜 { $last }
cli-window-corrected = 修正月齢: counted from the due date { $first }

## sango book

cli-booked = 予約しました Booked: { $id }
cli-booked-server = 予約しました Booked (server): { $id }
cli-booked-code = 予約番号 Booking code (for the phone): { $code }
cli-booked-resident = 利用者番号 Resident: { $resident }
cli-booked-facility = 施設 Facility: { $name } ({ $id })
cli-booked-facility-id = 施設 Facility: { $id }
cli-booked-type = 種類 Type: { $care } { $length }
cli-booked-dates = 日程 Dates: { $first } 〜 { $last }
cli-booked-fee = 利用料 Fee: { $fee }
cli-booked-fee-exempt = 利用料 Fee: { $fee } (免除 exempt; { $waived } waived)
cli-booked-remaining = 残り Remaining: { $remaining }
cli-booked-already-late = 取消はすべて期限後 Any cancellation is late now: it was booked after its cutoff ({ $cutoff }), so cancelling uses { $late }
cli-booked-cancel-by = 無料で取消できる期限 Cancel by: { $cutoff } (at or after it a cancellation uses { $late })
cli-booked-last-call = 電話は { $short } までに Phone the facility by { $end }: its line is closed from then until the cutoff
cli-booked-no-call = 施設の電話は期限までに開いていません The facility's phone line does not open before the cutoff
cli-booked-phone = 施設の電話 Facility phone: { $phones }
cli-booked-provisional = 仮予約 Provisional booking (offline): staff will confirm it (sango sync)
cli-data-as-of = データ時点 Data as of { $at }
cli-never-pulled = never (no pull yet)

## sango cancel

cli-cancelled = 取消しました Cancelled: { $id }
cli-cancelled-server = 取消しました Cancelled (server): { $id }
cli-cancelled-provisional = 仮取消 Provisional cancellation (offline): { $id }
cli-cancelled-late = 期限後の取消 Late cancellation (after { $cutoff }): { $used } of the { $care } limit is used
cli-cancelled-on-time = 期限内の取消 On-time cancellation: nothing is charged to the limit

## sango bookings

cli-bookings-col-code = 予約番号 code
cli-bookings-col-resident = 利用者 resident
cli-bookings-col-facility = 施設 facility
cli-bookings-col-type = 種類
cli-bookings-col-dates = 日程 dates
cli-bookings-col-units = 単位
cli-bookings-col-fee = 利用料 fee
cli-bookings-col-status = 状態 status
cli-bookings-dates = { $first } 〜 { $last }
# A booking or its cancellation recorded after the moment it happened.
cli-bookings-entered-late = { $status } 後日記録
cli-bookings-count = { $n } booking(s)
cli-bookings-provisional = 仮 { $what } { $booking } (data as of { $at }): staff will confirm it

## sango no-show

cli-no-show-recorded = 無断キャンセルを記録しました No-show recorded: { $id }
cli-no-show-used = { $used } of the { $care ->
    [stay] stay
    [day] day
    [visit] visit
   *[other] its
} limit is used

## sango hours

cli-hours-at = 時刻 At: { $at }
cli-hours-open = 受付中 OPEN
cli-hours-closes = closes at { $at }
cli-hours-closed = 受付時間外 CLOSED
cli-hours-opens = next opening { $at }
cli-hours-no-opening = none
cli-hours-none = 電話受付時間の記載なし No phone hours given
cli-hours-reservation = 予約方法 Reservation: { $how }
cli-hours-confirm-holidays = 祝日の受付は施設にご確認ください / confirm public-holiday hours with the facility
cli-hours-phone = 電話 Phone: { $phone }

## sango facilities

cli-facilities-col-id = ID
cli-facilities-col-type = 種類 Type
cli-facilities-col-name = 施設名 Name
cli-facilities-col-period = 利用期間 Period
cli-facilities-col-channel = 予約 Channel
cli-facilities-col-phone = 電話 Phone
cli-facilities-col-private = 個室
# Between the care types a facility offers.
cli-facilities-type-sep = ・
cli-facilities-shared-room = 個室ではない場合があります / the room may not be private

## sango application

cli-application-no-first-day = no first day to apply can be computed for the due date { $due }
cli-application-first-day = 申請できる日 First day to apply: { $first } (妊娠{ $weeks }週0日 week { $weeks } of pregnancy)
cli-application-coupon = クーポンの目安 Coupon expected: { $coupon } ({ $days }開庁日後 { $days } business days after { $applied })

## sango holidays

cli-holidays-unknown-year = year (年) { $year } is outside { $known }, the years the holiday rules are known for
cli-holidays-col-date = 日付 Date
cli-holidays-col-day = 曜 Day
cli-holidays-col-holiday = 祝日 Holiday

## sango quota, resident show

cli-resident-heading = 利用者番号 Resident { $id }
cli-quota-col-type = 種類 type
cli-quota-col-limit = 上限 limit
cli-quota-col-used = 利用 used
cli-quota-col-remaining = 残り remaining
cli-quota-col-late = 期限後取消 late
