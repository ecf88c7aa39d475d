# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = Hanap
screen-mode-facility = Pasilidad
screen-mode-browse = Listahan
screen-clock = { $weekday } { $month }/{ $day }/{ $year } { $time }
screen-too-small =
    Masyadong maliit ang window. Palakihin ito nang hindi bababa sa { $min-width }x{ $min-height } (ngayon { $width }x{ $height }).
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 PRACTICE (hindi totoo)
screen-resident-unknown = Hindi nakarehistro ang user number { $id }.

## The help box

help-title = Mga key
help-close = Esc, Enter o ? para isara
help-scroll = Taas/Baba: mag-scroll

## Her bookings

bookings-title = Aking mga booking
bookings-none = Walang booking (n para mag-book)
bookings-cancel = Kanselahin
bookings-back = Bumalik
bookings-entered-late = itinala nang huli
bookings-cannot-cancel = Hindi maaaring kanselahin ang booking na ito ({ $status }).
bookings-cancel-by = { $late ->
    [yes] lampas na { $time } { $date }
   *[no] hanggang { $time } { $date }
}
bookings-charged = huling pagkansela: { $units } ang nabilang
bookings-provisional = pansamantala

## The cancel question and its answer

bookings-cancel-title = Kanselahin ang booking
bookings-cancel-yes = Kanselahin
bookings-cancel-no = Huwag
bookings-cancel-outcome = { $late ->
    [yes] Huling pagkansela (ang deadline ay { $date } { $time }): { $units } ang mabibilang.
   *[no] Nasa oras (deadline { $date } { $time }): walang mabibilang.
}
bookings-phone-facility = Tawagan din ang pasilidad: { $phones }
bookings-cancelled = { $late ->
    [yes] Nakansela nang huli ({ $units } ang nabilang). Tawagan din ang pasilidad: { $phones }
   *[no] Nakansela nang nasa oras. Tawagan din ang pasilidad: { $phones }
}
