# The shared panes in Tagalog.

## The facility list

pane-facilities-title = Mga pasilidad
pane-type-label = Uri:
pane-all-types = lahat
pane-search-label = Hanap(/):
pane-search-hint = pangalan, lugar
pane-no-match = Walang tugmang pasilidad (Esc: burahin ang hanap, t: uri)
pane-col-type = Uri
pane-col-name = Pasilidad
pane-col-period = Panahon
pane-col-channel = Paraan
pane-col-phone = Telepono ngayon
pane-no-channel = walang nakasulat
pane-phone-hours-unknown = telepono, walang oras
pane-holiday-confirm-short = (pista: itanong)

## A facility's detail

pane-address = Address
pane-phone = Telepono
pane-email = E-mail
pane-channels = Paraan ng pag-book
pane-reservation = Pag-book
pane-hours = Oras ng telepono
pane-now = Ngayon
pane-holidays = Pista opisyal
pane-holiday-confirm = Walang sinasabi ang flyer tungkol sa pista opisyal: itanong sa pasilidad.
pane-room = Kuwarto
pane-shared-room = Maaaring hindi pribado ang kuwarto. Itanong sa pasilidad ang detalye.
pane-message = Mensahe
pane-notes = Mga tala
pane-none = wala
pane-window-label = Panahon ng paggamit
pane-window-text = { $from } hanggang { $to } ({ $id })
pane-detail-keys = Taas/Baba: scroll  Esc: bumalik sa listahan

## Phone hours

pane-hours-none = walang oras ng telepono
pane-hours-daily = Araw-araw
pane-hours-day-run = { $from }-{ $to }
pane-hours-day-sep = {", "}
pane-hours-time-range = { $from }-{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = {"; "}
pane-hours-except = { $hours } (maliban sa { $list })
pane-hours-except-sep = {", "}
pane-hours-holidays = mga pista opisyal
pane-hours-nth-weekday = ika-{ $n } na { $weekday ->
    [mon] Lunes
    [tue] Martes
    [wed] Miyerkules
    [thu] Huwebes
    [fri] Biyernes
    [sat] Sabado
   *[sun] Linggo
} ng buwan
pane-hours-month-day = { $month }/{ $day }
pane-hours-date-range = { $from }-{ $to }

## The quota

pane-quota-title = Quota
pane-no-resident-quota = Walang napiling residente (u: pumili, n: mag-book)
# Columns five cells wide.
pane-col-limit = max
pane-col-used = used
pane-col-left = tira
pane-col-late = huli
pane-units-short = { $n }{ $unit ->
    [day] {""}
   *[visit] {""}
}
pane-no-selection = Walang bina-book
pane-selection-refused = Hindi mabo-book ang mga petsang ito:
pane-selection = Bina-book: { $care } { $dates }
pane-upcoming = Naka-book (+):
pane-fee-base = base { $units } x ¥{ $amount }
pane-fee-extra = +{ $babies } sanggol { $units } x ¥{ $amount }
pane-fee-exempt = libre sa bayad
pane-fee-total = kabuuan
pane-resident-born = ipinanganak { $date }
pane-resident-babies = { $n } sanggol
pane-resident-corrected = itinamang edad
pane-resident-exempt = libre

## The guide

pane-care-detail = limit { $limit }{ $multiples ->
    [yes] {" "}({ $more } kung kambal o higit)
   *[no] {""}
}; bawat dagdag na sanggol +{ $extra }{ $meals ->
    [yes] , may pagkain
   *[no] {""}
}
pane-exemption = Walang bayad ang mga sambahayang ito: { $households }.
pane-households-sep = {", "}
pane-application = Mag-apply mula sa ika-{ $weeks } linggo ng pagbubuntis. Mga { $days } araw ng trabaho bago dumating ang coupon.
pane-guide-bring = Dalhin
