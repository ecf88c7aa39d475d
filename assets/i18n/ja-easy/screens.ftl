# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = さがす
screen-mode-facility = しせつの くわしい ようす
screen-mode-browse = しせつ
screen-clock = { $year }/{ $month }/{ $day }({ $weekday }) { $time }
screen-too-small =
    がめんが ちいさすぎます。ウィンドウを { $min-width }x{ $min-height } より 大きく してください（いま { $width }x{ $height }）。
    Please enlarge the window to at least { $min-width }x{ $min-height }.
screen-practice-banner = 練習 (ほんものでは ない)
screen-resident-unknown = 利用者番号 { $id } は ありません。

## The help box

help-title = キーの つかいかた
help-close = Esc・Enter・? で とじる
help-scroll = 上と 下の キーで うごかす

## Her bookings

bookings-title = わたしの よやく
bookings-none = よやくは ありません（n で よやく）
bookings-cancel = とりけす
bookings-back = もどる
bookings-entered-late = あとで きろく
bookings-cannot-cancel = この よやくは とりけせません（{ $status }）。
bookings-cancel-by = { $late ->
    [yes] きげんぎれ { $date } { $time }
   *[no] きげん { $date } { $time }
}
bookings-charged = 期限後取消: { $units }分を 使った ことに なりました
bookings-provisional = かりの よやく

## The cancel question and its answer

bookings-cancel-title = よやくを とりけす
bookings-cancel-yes = とりけす
bookings-cancel-no = やめる
bookings-cancel-outcome = { $late ->
    [yes] きげん（{ $date } { $time }）を すぎた とりけしです（期限後取消）。{ $units }分を 使った ことに なります。のこりが へります。
   *[no] きげんの 前の とりけしです（きげん { $date } { $time }）。のこりは へりません。
}
bookings-phone-facility = しせつにも かならず 電話を してください: { $phones }
bookings-cancelled = { $late ->
    [yes] とりけしました（期限後取消: { $units }分を 使った ことに なります）。しせつにも 電話を してください: { $phones }
   *[no] とりけしました（きげんの 前）。しせつにも 電話を してください: { $phones }
}
