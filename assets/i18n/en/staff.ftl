# staff: the staff-only screens, in English. Exactly the ids and variables of
# assets/i18n/ja/staff.ftl (tests/i18n_catalog.rs).

## The resident registry (r)

staff-registry-title = Registry
staff-registry-count = { $shown }/{ $all }
staff-registry-filter = Find number (/):
staff-registry-col-number = User no.
staff-registry-col-born = Born
staff-registry-col-babies = Bb
staff-registry-col-flags = Flags
staff-registry-col-bookings = Bkd
# One letter each, in the list's flags column: corrected age, fee exemption.
staff-flag-corrected = C
staff-flag-exempt = E
staff-registry-empty = No residents yet (F2 registers)
staff-registry-no-match = No user number matches (Esc clears)
staff-registry-hints = / find Enter edit F2 new u choose Esc back
staff-registry-form-hints = Enter saves  Esc cancels
staff-edit-title = Edit resident
staff-editing-resident = Editing user number { $id }. Enter saves, Esc cancels.
staff-resident-done = { $kind ->
    [saved] Resident { $id } saved.
    [registered] Resident { $id } registered.
   *[found] Resident { $id }.
}
staff-record-times = added { $created }  changed { $updated }
staff-no-bookings-short = No bookings

## The resident form (the booking's first step, u, and the registry's form)

staff-resident-title = Resident
staff-resident-label = Resident
staff-resident-intro = Find a resident by user number, or register a new one.
staff-find-tab = Find by number
staff-register-tab = Register
staff-switch-hint = F2 switches
staff-field = { $field ->
    [number] User number
    [birth] Birth date
    [due] Due date
    [babies] Babies
    [corrected] Corrected age
   *[exempt] Fee exempt
}
staff-help = { $field ->
    [number] letters, digits, - _ (up to 32)
    [birth] e.g. 2026-11-20
    [due] optional (needed for corrected age)
    [babies] empty means 1 (twins: 2)
    [corrected] Space toggles (premature, consulted)
   *[exempt] Space toggles (tax-exempt, assistance)
}
staff-need-number = Type the user number.
staff-bad-date = Type the { $field ->
    [birth] birth date
   *[due] due date
} as 2026-11-20.
staff-bad-babies = Babies must be between 1 and 10.
staff-birth-in-future = The birth date is in the future.
staff-corrected-needs-due = Counting from the due date (corrected age) needs a due date.
staff-choose-resident-first = Choose a resident first.
staff-not-registered = User number { $id } is not registered yet: fill in the birth date to register (F2 to search again).
staff-already-registered = User number { $id } is already registered (F2 to find it).
staff-resident-chosen = Resident { $id } chosen.
staff-current-resident = Current resident: { $id }

## An edit's effects on her bookings, reviewed before it is saved

staff-effects-title = Effects on her bookings
staff-effects-intro = This change affects the bookings below. For each that falls outside her period, choose to keep or cancel it, then save.
staff-fee-change = fee { $from } -> { $to }
staff-keep-or-cancel = { $choice ->
    [keep] [keep]  cancel (Space switches)
   *[cancel] keep  [cancel] (Space switches)
}
staff-effects-keys = Up/Down booking  Space keep/cancel  Enter save  Esc back
staff-saved-with-effects = Saved { $id } ({ $fees } fee changes, { $kept } kept outside the period, { $cancelled } cancelled){ $cancelled ->
    [0] {""}
   *[other] . Phone the facilities of the cancelled bookings
}

## The day and week views (d)

staff-day-title = By day
staff-week-title = Facility week
staff-day-col-resident = Resident
staff-day-col-facility = Facility
staff-day-col-type = Type
staff-day-col-dates = Dates
staff-day-col-status = Status
staff-booking-count = { $n } in use (cancelled left out)
staff-day-none = No bookings on this day
staff-week-none = No bookings this week
staff-week-count = count
staff-day-hints = Left/Right day  PgUp/PgDn week  . today  Up/Down row  Tab facility week  Esc back
staff-week-hints = Left/Right week  Up/Down facility  . this week  Tab by day  Esc back

## The monthly report (m)

staff-report-title = Monthly report
staff-report-col-facility = Facility
staff-report-col-uses = Uses
staff-report-col-stay = Stay d
staff-report-col-day = Day d
staff-report-col-visit = Visit
staff-report-col-fees = Fees
staff-report-col-late = Late/units
staff-report-period = { $first } to { $last } (by the month of the first day)
staff-report-total = Total
staff-report-none = No use this month
staff-report-note = Uses include late cancellations; days, visits and fees do not. Late: count/units.
staff-report-hints = Left/Right or [ ] month  . this month  Up/Down scroll  Esc back

## The export (e)

staff-export-title = Export
staff-export-intro = Every booking, written into the data folder's exports. Choose a format, Enter.
staff-export-format = { $format ->
    [json] JSON (to import on another terminal)
    [csv] CSV (for Excel)
   *[ics] iCalendar (for calendars)
}
staff-export-done = Written:
staff-export-no-dir = There is no data folder to write into.
staff-export-hints = Up/Down choose  Enter write  Esc close

## Keeping the screens current

staff-data-as-of = data as of { $time }
staff-refreshed = Reloaded from the store ({ $time }).
staff-title-more-keys = ?:more keys
staff-changed-elsewhere = This booking was changed at another terminal. Please check the list.

## The store's connection


## A terminal working through a ward's server

staff-link-checking = checking the server
staff-link-online = online
staff-link-offline = offline since { $since }
staff-link-waiting = { $n } waiting
staff-link-review = { $n } review (v)
staff-link-not-signed-in = not signed in (s)
staff-link-sep = { ", " }
staff-signin-title = Sign in
staff-signin-intro = This terminal books through the ward's server. Sign in with your staff ID and password before recording anything.
staff-signin-id = Staff ID
staff-signin-password = Password
staff-signin-button = Sign in
staff-signin-working = Asking the server...
staff-signin-incomplete = Type your staff ID and password.
staff-signin-needed = The sign-in has ended: please sign in again (changes not yet sent are kept).
staff-signin-first = Sign in before recording (nothing was sent).
staff-signin-skipped = Browsing without a sign-in: press s to sign in before recording.
staff-signed-in-as = Signed in as { $id }.
staff-provisional-title = Provisional booking (not confirmed)
staff-provisional-booked = Provisional (仮予約): the server will decide when it is reached (data as of { $asof }).
staff-provisional-cancelled = Provisional cancellation: the server will decide when it is reached (data as of { $asof }).
staff-waiting-title = Waiting to be sent (the server decides when it is reached)
staff-provisional-mark = provisional
staff-provisional-cancel-mark = cancel waiting
staff-cancel-already-waiting = Its cancellation waits.

## The review list (v): changes the server refused

staff-review-mode = Review
staff-review-list-title = Review - changes the server refused: { $n }
staff-review-empty = Nothing waits for review.
staff-review-no-server = The review list is kept by a terminal that works through a server.
staff-review-when = made { $made }  refused { $refused }
staff-review-resolution = { $resolution ->
    [note] note
    [cancelled] cancelled
   *[rebooked] rebooked
}
staff-review-field-resolution = Resolution
staff-review-field-note = Note
staff-review-field-booking = New booking
staff-review-note-needed = Type a note.
staff-review-resolved = The resolution is recorded on the server.
staff-review-list-keys = Up/Down:choose Enter:resolve Ctrl+R:sync Esc:back
staff-review-form-keys = Up/Down:field Left/Right:resolution Enter:record Esc:cancel
staff-check = { $on ->
    [yes] {"[x]"} yes
   *[no] {"[ ]"} no
}
