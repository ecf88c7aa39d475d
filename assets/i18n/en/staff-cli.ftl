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

## sango resident

cli-server-answer-unknown = the server's answer is not understood: { $error }
cli-resident-registered = Registered resident (user number) { $id }
cli-resident-changed = Changed resident (user number) { $id }
cli-resident-fee-change = Fee of { $booking }: { $change }
cli-resident-kept = Kept outside the period: { $booking } ({ $why })
cli-resident-cancelled = Cancelled { $id } ({ $late ->
    [late] late, 1 unit used
   *[on-time] on time
}); please also phone the facility
cli-resident-affects-none = The change affects none of her active bookings
cli-resident-affects = Bookings the change affects:
cli-resident-affected-fee = Fee { $change }
cli-resident-affected-outside = Outside the period ({ $what }): { $detail }; decide with --cancel or --keep
cli-resident-birth = Birth: { $date }
cli-resident-due = Due: { $date }
cli-resident-corrected = Corrected age (修正月齢): periods count from the due date
cli-resident-babies = Babies: { $n }
cli-resident-exempt = Fee-exempt (住民税非課税世帯・生活保護世帯)
cli-residents-col-id = User number
cli-residents-col-birth = Birth
cli-residents-col-due = Due
cli-residents-col-corrected = Corrected age
cli-residents-col-babies = Babies
cli-residents-col-exempt = Exempt
# The marks in the columns above.
cli-residents-corrected = yes
cli-residents-exempt = yes
cli-residents-count = { $n ->
    [one] { $n } resident
   *[other] { $n } residents
}

## sango report

cli-report-heading = Monthly report { $month } ({ $first } to { $last })
cli-report-ward-code = Ward code { $code }
cli-report-empty = No use this month.
cli-report-late = { $n } / { $units }
cli-report-total = Total
cli-report-col-facility = Facility
cli-report-col-uses = Uses
cli-report-col-stay = Stay days
cli-report-col-day = Day-care days
cli-report-col-visits = Visits
cli-report-col-fees = Fees
cli-report-col-late = Late cancels / units
cli-report-note = Counted in the month of the first day (a stay crossing the month end too). Uses include late cancellations; days, visits and fees do not.

## sango export, import, dataset

cli-export-cannot-write = cannot write the export: { $error }
cli-export-wrote = Wrote { $path } ({ $format })
cli-export-failed = the export file: { $error }; nothing was written
cli-import-cannot-read = cannot read the import file { $path }: { $error }
cli-imported = Imported: { $residents } resident(s) added, { $added } booking(s) added, { $updated } booking(s) updated, { $unchanged } unchanged
cli-import-kept-local = this terminal's later version kept: { $ids }
cli-import-conflict = conflict, not imported: { $conflict }
cli-import-conflicts = import conflict: { $n } record(s) were not imported (they differ from this terminal's, or the booking rules refuse them here), first: { $first }
cli-dataset-ok = { $path }: OK ({ $n } facilities)
cli-dataset-problems = { $origin }: { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
cli-dataset-has-problems = the dataset { $origin } has { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
cli-dataset-invalid = the dataset { $origin } is invalid:

## sango staff, the kiosk's guard

cli-pin-new = New staff PIN (6-12 digits):
cli-prompt-again = Again:
cli-pin-differ = the two PINs differ: nothing was changed
cli-pin-set = Staff PIN set (Argon2id hash in { $path })
cli-pin-enter = Staff PIN:
cli-pin-correct = The PIN is correct
cli-pin-wrong = wrong PIN
cli-kiosk-cannot-start = kiosk mode cannot start: { $error }
# $config is empty, or " --config FILE" when the settings file was given so.
cli-kiosk-needs-pin = kiosk mode needs a staff PIN to leave it, and none is set: set one with `sango{ $config } staff set-pin` (it reads the PIN twice from stdin), then start sango again

## Secrets read from stdin ($what: PIN or password)

cli-secret-cannot-read-stdin = cannot read the { $what } from stdin: { $error }
cli-secret-none = no { $what } on stdin: give it on one line (when it is set: twice, on two lines)
cli-secret-cannot-read = cannot read the { $what }: { $error }
cli-secret-cancelled = cancelled: nothing was changed

## sango login, logout

cli-login-no-server = no server is configured: staff sign in at a terminal that works through a ward's server (`server` in config.toml or SANGO_SERVER, and its token)
cli-login-password = Password:
cli-signed-in = Signed in as { $id } at { $terminal }: it ends with `sango logout` or after { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} without use
cli-signed-out-nobody = Nobody was signed in at this terminal
cli-signed-out-here = Signed out at this terminal (the server was not reached: its sign-in ends after its idle time)
cli-signed-out = Signed out

## sango sync, review; working through a server

cli-never = never
cli-sync-no-server = no server is configured: set `server` in config.toml or SANGO_SERVER (and the token)
cli-sync-offline = Offline since { $since } ({ $server })
cli-sync-online = Online ({ $server })
cli-sync-status = Data as of { $at }; waiting { $waiting }; to review { $review }
cli-synced = Synced with { $server }: sent { $sent }, pulled { $pulled }, refused { $refused } (see `sango review list`), waiting { $waiting }
cli-review-no-server = no server is configured: there is no review list
cli-review-resolved = Resolved: { $id } ({ $how })
cli-review-empty = Nothing to review.
cli-this-command = this command
cli-not-through-server = { $what } does not work through a server yet ({ $url } is configured: `server` / SANGO_SERVER); book, cancel, resident add/edit, no-show, sync, review and the reading commands do
cli-admin-not-through-server = { $what } is an administrative task and does not go through a server ({ $url } is configured: `server` / SANGO_SERVER): run it on the server's store, on the server with its store (`--database URL` or its data folder) and no `server` setting; nothing was changed
cli-server-and-database = both a server (`server`) and a database (`database`) are configured: a terminal works through one of them
cli-offline-note = offline since { $since }: data as of { $at }, { $n ->
    [one] { $n } change waits
   *[other] { $n } changes wait
}

## sango store

# $next: repair (the damage is in the indexes) or restore (it is not).
cli-store-damaged = the database { $path } is damaged: { $detail }; { $next ->
    [restore] the damage is not in the indexes: keep the file as it is, restore the last backup and ask for support
   *[repair] writes are refused until `sango store repair` mends it
}
cli-store-migrated = { $path }: schema version { $version } ({ $engine }), up to date
cli-store-copied = Copied { $residents } residents, { $bookings } bookings and { $events } events from { $from } to { $to }; verified
cli-store-none = { $path }: no store yet, nothing to check
cli-store-check-not-kept = the result could not be kept beside the store: { $error }
cli-store-ok = { $path }: OK
cli-store-no-damage-known = no damage known
cli-store-repaired = Repaired { $path }: indexes rebuilt, check OK (before: { $before })

## sango serve

cli-serve-cert-needs-key = a TLS certificate (--tls-cert or tls_cert in config.toml) needs its key: give --tls-key or tls_key too
cli-serve-key-needs-cert = a TLS key (--tls-key or tls_key in config.toml) needs its certificate: give --tls-cert or tls_cert too
cli-serve-usage = give --listen ADDR to serve, or a subcommand: terminal, staff (see sango serve --help)
cli-serve-revoked = Revoked terminal { $name }: its token is refused from now on
cli-serve-enrolled = Enrolled terminal { $name } ({ $role }).
cli-serve-token-once = Its token, shown only now:
cli-serve-col-terminal = Terminal
cli-serve-col-role = Role
cli-serve-col-enrolled = Enrolled
cli-serve-col-revoked = Revoked
cli-serve-password = Password (10+ characters):
cli-nothing-changed = { $problem }: nothing was changed
cli-serve-passwords-differ = the two passwords differ: nothing was changed
cli-serve-staff-added = Staff member { $id } added (the password is kept as an Argon2id hash)

## sango config show

cli-config-os-folder = OS config folder
cli-config-file = Settings file: { $path }{ $exists ->
    [no] {" "}(not found: defaults)
   *[yes] {""}
}{"  "}[{ $how }]
cli-config-pin = Staff PIN: { $state }{"  "}({ $path })
cli-config-col-key = Key
cli-config-col-value = Value
cli-config-col-source = Source

## The values the commands take (shown inside clap's "invalid value" line)

cli-not-a-date = '{ $text }' is not a date: YYYY-MM-DD
cli-not-a-time = '{ $text }' is not a time: use YYYY-MM-DDTHH:MM (Japan time) or RFC 3339
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
