# The staff screens' frame: the top line's keys, the bottom line's resident, the quit question
# and every key of the help box.

## The top line

frame-app-title = { $name }
frame-hints = ?:help n:book b:list u:resident /:find q:quit L:日本語 r:registry d:day m:report e:export
frame-more-keys = ?:more keys

## The bottom line and the resident screen

frame-resident = Resident
frame-no-resident = no resident
frame-resident-title = Resident

## The quit question

frame-quit-title = Quit?
frame-quit-question = A booking is in progress. Quitting loses what was chosen. Quit?
frame-quit-yes = Quit
frame-quit-no = Go on

## Her bookings through a ward's server (a staff terminal's outbox)

frame-waiting-title = Waiting to be sent (the server decides when it is reached)
frame-provisional-cancel-mark = cancel waiting
frame-cancel-already-waiting = Its cancellation waits.
frame-provisional-cancelled = Provisional cancellation: the server will decide when it is reached (data as of { $time }).

## Every key (the help box, and docs/screen.txt in the README)

frame-keys-arrows = Arrows / h j k l
frame-keys-mouse = Mouse
frame-key-pane = next / previous pane
frame-key-move = move (calendar: day, week)
frame-key-month = previous / next month
frame-key-today = calendar to today
frame-key-enter = choose, open a facility's detail
frame-key-esc = back (what was typed stays)
frame-key-find = search facilities (name, area, channel)
frame-key-filter = filter by type (all, stay, day, visit)
frame-key-book = new booking (or resume)
frame-key-resident = choose or register the resident
frame-key-bookings = the resident's bookings
frame-key-registry = resident registry (find, register, edit)
frame-key-day = bookings of a day (Tab: a facility's week)
frame-key-report = monthly report per facility
frame-key-export = export bookings (JSON, CSV, iCalendar)
frame-key-sign-in = sign in (a terminal through a server)
frame-key-review = review list (changes the server refused)
frame-key-guide = guide (fees, rules, contacts)
frame-key-cancel = cancel a booking (in bookings)
frame-key-longer = longer / shorter (dates step)
frame-key-yes-no = yes / no
frame-key-check = toggle a check box
frame-key-find-resident = find / register a resident
frame-key-language = 日本語 / English
frame-key-contrast = high-contrast theme on/off
frame-key-help = this help
frame-key-quit = quit (asks during a booking)
frame-key-reload = reload now (other terminals' changes show anyway)
frame-key-mouse = click rows, days, buttons; wheel scrolls
frame-key-large-text = large text (one pane at a time)
