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

## sango resident

cli-server-answer-unknown = the server's answer is not understood: { $error }
cli-resident-registered = 登録しました Registered resident (利用者番号) { $id }
cli-resident-changed = 変更しました Changed resident (利用者番号) { $id }
cli-resident-fee-change = 利用料変更 Fee of { $booking }: { $change }
cli-resident-kept = 期間外のまま保持 Kept outside the period: { $booking } ({ $why })
cli-resident-cancelled = 取消 Cancelled { $id } ({ $late ->
    [late] late, 1 unit used
   *[on-time] on time
}); please also phone the facility
cli-resident-affects-none = 予約への影響はありません The change affects none of her active bookings
cli-resident-affects = この変更で影響を受ける予約 Bookings the change affects:
cli-resident-affected-fee = 利用料 fee { $change }
cli-resident-affected-outside = 期間外 outside the period ({ $what }): { $detail }; decide with --cancel or --keep
cli-resident-birth = 出生日 Birth: { $date }
cli-resident-due = 出産予定日 Due: { $date }
cli-resident-corrected = 修正月齢: periods count from the due date
cli-resident-babies = 子の人数 Babies: { $n }
cli-resident-exempt = 利用料免除 Fee-exempt (住民税非課税世帯・生活保護世帯)
cli-residents-col-id = 利用者番号 id
cli-residents-col-birth = 出生日 birth
cli-residents-col-due = 予定日 due
cli-residents-col-corrected = 修正月齢
cli-residents-col-babies = 子 babies
cli-residents-col-exempt = 免除 exempt
# The marks in the columns above.
cli-residents-corrected = 修正
cli-residents-exempt = 免除
cli-residents-count = { $n } resident(s)

## sango report

cli-report-heading = 月次報告 Monthly report { $month } ({ $first } 〜 { $last })
cli-report-ward-code = 区コード Ward code { $code }
cli-report-empty = この月の利用はありません No use this month.
cli-report-late = { $n }件 / { $units }
cli-report-total = 合計 Total
cli-report-col-facility = 施設 Facility
cli-report-col-uses = 件数 Uses
cli-report-col-stay = 宿泊日 Stay days
cli-report-col-day = 日帰日 Day-care days
cli-report-col-visits = 訪問 Visits
cli-report-col-fees = 利用料 Fees
cli-report-col-late = 期限後取消 Late cancels / units
cli-report-note =
    開始日の月に計上（月をまたぐ宿泊も開始月）。件数は期限後取消を含み、日数・回数・利用料は含みません。
    Counted in the month of the first day (a stay crossing the month end too). Uses include late cancellations; days, visits and fees do not.

## sango export, import, dataset

cli-export-cannot-write = cannot write the export: { $error }
cli-export-wrote = 書き出しました Wrote { $path } ({ $format })
cli-export-failed = the export file (出力ファイル): { $error }; nothing was written
cli-import-cannot-read = cannot read the import file (取込ファイル) { $path }: { $error }
cli-imported = 取り込みました Imported: { $residents } resident(s) added, { $added } booking(s) added, { $updated } booking(s) updated, { $unchanged } unchanged
cli-import-kept-local = this terminal's later version kept: { $ids }
cli-import-conflict = 競合 conflict, not imported: { $conflict }
cli-import-conflicts = import conflict (取込の競合): { $n } record(s) were not imported (they differ from this terminal's, or the booking rules refuse them here), first: { $first }
cli-dataset-ok = { $path }: OK ({ $n } facilities)
cli-dataset-problems = { $origin }: { $n } problem(s)
cli-dataset-has-problems = the dataset (データセット) { $origin } has { $n } problem(s)
cli-dataset-invalid = the dataset (データセット) { $origin } is invalid:

## sango staff, the kiosk's guard

cli-pin-new = 新しい職員PIN New staff PIN (6-12 digits):
cli-prompt-again = もう一度 Again:
cli-pin-differ = the two PINs differ (PINが一致しません): nothing was changed
cli-pin-set = 職員PINを設定しました Staff PIN set (Argon2id hash in { $path })
cli-pin-enter = 職員PIN Staff PIN:
cli-pin-correct = PINは正しいです The PIN is correct
cli-pin-wrong = PINが違います wrong PIN
cli-kiosk-cannot-start = kiosk mode cannot start (キオスクモードを開始できません): { $error }
# $config is empty, or " --config FILE" when the settings file was given so.
cli-kiosk-needs-pin = kiosk mode needs a staff PIN to leave it, and none is set (キオスクモードには職員PINが必要です): set one with `sango{ $config } staff set-pin` (it reads the PIN twice from stdin), then start sango again

## Secrets read from stdin ($what: PIN or password)

cli-secret-cannot-read-stdin = cannot read the { $what } from stdin: { $error }
cli-secret-none = no { $what } on stdin: give it on one line (when it is set: twice, on two lines)
cli-secret-cannot-read = cannot read the { $what }: { $error }
cli-secret-cancelled = cancelled (中止): nothing was changed

## sango login, logout

cli-login-no-server = no server is configured: staff sign in at a terminal that works through a ward's server (`server` in config.toml or SANGO_SERVER, and its token)
cli-login-password = Password (パスワード):
cli-signed-in = サインインしました Signed in as { $id } at { $terminal }: it ends with `sango logout` or after { $minutes } minute(s) without use
cli-signed-out-nobody = サインインしていません Nobody was signed in at this terminal
cli-signed-out-here = サインアウトしました Signed out at this terminal (the server was not reached: its sign-in ends after its idle time)
cli-signed-out = サインアウトしました Signed out

## sango sync, review; working through a server

cli-never = never
cli-sync-no-server = no server is configured: set `server` in config.toml or SANGO_SERVER (and the token)
cli-sync-offline = オフライン Offline since { $since } ({ $server })
cli-sync-online = オンライン Online ({ $server })
cli-sync-status = データ時点 Data as of { $at }; 未送信 waiting { $waiting }; 要確認 review { $review }
cli-synced = 同期しました Synced with { $server }: sent { $sent }, pulled { $pulled }, refused { $refused } (see `sango review list`), waiting { $waiting }
cli-review-no-server = no server is configured: there is no review list
cli-review-resolved = 対応済み Resolved: { $id } ({ $how })
cli-review-empty = 要確認はありません Nothing to review.
cli-this-command = this command
cli-not-through-server = { $what } does not work through a server yet ({ $url } is configured: `server` / SANGO_SERVER); book, cancel, resident add/edit, no-show, sync, review and the reading commands do
cli-admin-not-through-server = { $what } is an administrative task and does not go through a server ({ $url } is configured: `server` / SANGO_SERVER): run it on the server's store, on the server with its store (`--database URL` or its data folder) and no `server` setting; nothing was changed
cli-server-and-database = both a server (`server`) and a database (`database`) are configured: a terminal works through one of them
cli-offline-note = offline since { $since } (オフライン): data as of { $at } (データ時点), { $n } change(s) wait

## sango store

# $next: repair (the damage is in the indexes) or restore (it is not).
cli-store-damaged = the database (データベース) { $path } is damaged (破損): { $detail }; { $next ->
    [restore] the damage is not in the indexes: keep the file as it is, restore the last backup and ask for support
   *[repair] writes are refused until `sango store repair` mends it
}
cli-store-migrated = { $path }: schema version { $version } ({ $engine }), up to date
cli-store-copied = 複写しました Copied { $residents } residents, { $bookings } bookings and { $events } events from { $from } to { $to }; verified
cli-store-none = { $path }: no store yet (まだありません), nothing to check
cli-store-check-not-kept = the result could not be kept beside the store: { $error }
cli-store-ok = { $path }: OK
cli-store-no-damage-known = no damage known
cli-store-repaired = 修復しました Repaired { $path }: indexes rebuilt, check OK (before: { $before })

## sango serve

cli-serve-cert-needs-key = a TLS certificate (--tls-cert or tls_cert in config.toml) needs its key: give --tls-key or tls_key too
cli-serve-key-needs-cert = a TLS key (--tls-key or tls_key in config.toml) needs its certificate: give --tls-cert or tls_cert too
cli-serve-usage = give --listen ADDR to serve, or a subcommand: terminal, staff (see sango serve --help)
cli-serve-revoked = 失効しました Revoked terminal { $name }: its token is refused from now on
cli-serve-enrolled = 登録しました Enrolled terminal { $name } ({ $role }).
cli-serve-token-once = Its token, shown only now (この一回だけ表示します):
cli-serve-col-terminal = 端末 Terminal
cli-serve-col-role = 役割 Role
cli-serve-col-enrolled = 登録 Enrolled
cli-serve-col-revoked = 失効 Revoked
cli-serve-password = パスワード Password (10+ characters):
cli-nothing-changed = { $problem }: nothing was changed
cli-serve-passwords-differ = the two passwords differ (パスワードが一致しません): nothing was changed
cli-serve-staff-added = 登録しました Staff member { $id } added (the password is kept as an Argon2id hash)

## sango config show

cli-config-os-folder = OS config folder
# Two spaces before the bracket, as the line has always been printed.
cli-config-file = 設定ファイル File: { $path }{ $exists ->
    [no] {" "}(not found: defaults)
   *[yes] {""}
}{"  "}[{ $how }]
cli-config-pin = 職員PIN Staff PIN: { $state }{"  "}({ $path })
cli-config-col-key = 項目 Key
cli-config-col-value = 値 Value
cli-config-col-source = 出所 Source

## The values the commands take (shown inside clap's "invalid value" line)

cli-not-a-date = '{ $text }' is not a date (日付) YYYY-MM-DD
cli-not-a-time = '{ $text }' is not a time (日時): use YYYY-MM-DDTHH:MM (Japan time) or RFC 3339
cli-serve-not-a-role = '{ $text }' is not a role: staff or kiosk
# An import's list of ids spooled to a temporary file that failed.
cli-import-list-not-kept = the import's list of { $list } could not be kept: { $error }

## sango synth (hidden: benchmarks' synthetic load, see BENCHMARKS.md)

cli-synth-no-facility = bookings need at least 1 facility (--facilities)
cli-synth-cannot-write = cannot write { $what }: { $error }
cli-synth-done = synthetic load (seed { $seed }): { $facilities } facilities, { $residents } residents, { $bookings } bookings ({ $cancelled } cancelled, { $late } late) in { $seconds } s
cli-synth-phases = phases: dataset { $dataset } s, history { $history } s, rows { $rows } s, commit and checks { $commit } s
cli-synth-dataset = dataset:  { $path }
cli-synth-data-dir = data dir: { $path }
cli-synth-sample = residents with bookings: { $ids }
