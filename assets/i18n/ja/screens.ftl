# The frame and the shared screens a kiosk can show too: the bottom line's mode and clock, the
# too-small message, the practice banner, the help box, her bookings and the cancel question.
# Every language has these ids with the same variables (tests/i18n_catalog.rs).

## The frame

# The mode at the left of the bottom line, on the main screen.
screen-mode-search = 検索
screen-mode-facility = 施設詳細
screen-mode-browse = 一覧
# The clock at the right of the bottom line: 2026/12/1(火) 10:15.
screen-clock = { $year }/{ $month }/{ $day }({ $weekday }) { $time }
# Shown instead of the panes; the second line in another language for whoever cannot read this.
screen-too-small =
    画面が小さすぎます。ウィンドウを { $min-width }x{ $min-height } 以上に広げてください（いま { $width }x{ $height }）。
    Please enlarge the window to at least { $min-width }x{ $min-height }.
# On every screen of the practice store: practice data must never be taken for the ward's.
screen-practice-banner = 練習 (本番データではありません)
screen-resident-unknown = 利用者番号 { $id } は登録されていません。

## The help box

help-title = キー操作
help-close = Esc・Enter・? で閉じる
help-scroll = 上下でスクロール

## Her bookings

bookings-title = 予約一覧
bookings-none = 予約はありません（n で予約）
# The button that asks to cancel the booking under the cursor.
bookings-cancel = 取消
bookings-back = 戻る
# After the status, when the booking or its cancellation was entered later than it happened.
bookings-entered-late = 後日記録
bookings-cannot-cancel = この予約は取消できません（{ $status }）。
# Under a booking still booked: until when it can be cancelled without using anything.
bookings-cancel-by = { $late ->
    [yes] 取消期限 { $date } { $time } を過ぎています
   *[no] 取消期限 { $date } { $time }
}
# Under a booking cancelled late: what was counted as used.
bookings-charged = 期限後の取消: { $units }分を利用したものとみなしました
# Before her provisional bookings waiting to be sent (a kiosk's requests staff confirm).
bookings-provisional = 仮予約

## The cancel question and its answer

bookings-cancel-title = 予約の取消
bookings-cancel-yes = 取消する
bookings-cancel-no = やめる
bookings-cancel-outcome = { $late ->
    [yes] 期限（{ $date }{ $time }）を過ぎた取消です。{ $units }分を利用したものとみなし、残りが減ります。
   *[no] 期限内の取消です（期限 { $date }{ $time }）。利用日数は減りません。
}
bookings-phone-facility = 施設にも必ず電話で連絡してください: { $phones }
bookings-cancelled = { $late ->
    [yes] 取消しました（期限後: { $units }分を利用）。施設にも電話してください: { $phones }
   *[no] 取消しました（期限内）。施設にも電話してください: { $phones }
}
