# The booking wizard (staff and kiosk), the words of a booking several screens show, and the
# rules' refusals. Japanese, the reference: every language has these ids and variables.

## The wizard's frame

wizard-title = 予約
wizard-step = { $step ->
    [resident] 利用者
    [screening] 体調の確認
    [care] 種類
    [facility] 施設
    [dates] 日程
   *[confirm] 確認
}
wizard-step-hint = { $step ->
    [resident] Tab・上下で項目  F2 検索/新規
    [screening] y はい  n いいえ
    [care] 上下で選ぶ
    [facility] 上下で選ぶ
    [dates] 矢印で日付  + - で長さ
   *[confirm] y でも予約できます
}
wizard-back = 戻る
wizard-leave = 中断
wizard-next = 次へ
wizard-book = 予約する
wizard-close = 閉じる
wizard-shorter = 短く
wizard-longer = 長く
wizard-recording = 記録中
wizard-booking-working = 予約を記録しています。お待ちください。

## Step 2: the screening

wizard-screening-intro = 次の状態のときは産後ケアを利用できません。あてはまるものを選んでください。
wizard-screening-stop = この状態では産後ケアを利用できません。まず医療機関にご相談ください。ご不明な点は次の窓口へお問い合わせください。Esc で回答を直せます。
wizard-screening-keys = y はい  n いいえ  上下で質問を選ぶ  すべて「いいえ」なら Enter で次へ
wizard-answer-all = すべての質問に答えてください。
wizard-yes = はい
wizard-no = いいえ

## Step 3: the care type

wizard-care-intro = 利用する種類を選んでください（料金は母と子1人の場合）。
wizard-none-left-short = 残りなし
# $left, $shortest: counts with their unit (3日).
wizard-too-few-left-short = 残り{ $left }（最短{ $shortest }）選べません
wizard-too-few-left = { $care }は残り{ $left }のため選べません（最短でも{ $shortest }必要です）
# $care: the care type's short name.
wizard-none-left = { $care }は利用上限に達しています。

## Step 4: the facility

wizard-facility-intro = この種類を利用でき、利用期間が残っている施設です。
wizard-no-facility = 利用期間が残っている施設がありません。

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - で泊数を変更
    [day] + - で日数を変更
   *[visit] 訪問は1回ずつ予約します
}
wizard-visit-is-one = 訪問は1回ずつの予約です
wizard-longest-reached = 残りが{ $left }のため、これ以上長くできません
wizard-check-ok = 予約できます
wizard-check-refused = この日程は予約できません
wizard-dates-keys = 矢印・hjkl で日付、[ ] で月、+ - で長さ、Enter で確認へ。クリックでも選べます。

## Step 6: the confirmation, and the booking made

wizard-booked-title = 区の記録に登録しました
wizard-booked-flash = 区の記録に登録しました。施設への申込みをお忘れなく。
wizard-label-resident = 利用者
wizard-label-facility = 施設
wizard-label-care = 種類
wizard-label-dates = 日程
wizard-what-to-bring = 持ち物

## A booking's words (booking_words.rs)

# After an amount, the unit it is per.
booking-per-unit = /{ $unit ->
    [day] 日
   *[visit] 回
}
# $left: a number; $limit: a count with its unit.
booking-left-of = 残り { $left }{ $unit ->
    [day] 日
   *[visit] 回
} / 上限 { $limit }
booking-window = 利用期間 { $range }
booking-days-left = 残り{ $n }日
booking-length-line = 期間: { $length }
# $first: the first day with its year, $last: the last day, $length: 2泊3日.
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first }～{ $last } { $length }
}
# $date, $time: the cancel deadline; $units: what a late cancellation uses up (1日).
booking-cancel-already-late = 取消期限（{ $date } { $time }）を過ぎてからの予約のため、取消はすべて期限後の取消（{ $units }分を利用）になります。
booking-cancel-by = 取消は { $date } { $time } より前に（施設にも電話）。それ以降の取消は{ $units }分を利用したものとみなします。
booking-last-call = 施設の電話は { $date } { $time } まで（それ以降は期限まで受付時間外）。
booking-code = 予約番号 { $code }
booking-number = 予約番号 { $id }
# $channels: the facility's ways of reserving.
booking-records-with-ward = 「予約する」で区の記録に登録します。施設への申込みは別に必要です（{ $channels }）。
booking-recorded-next-step = 区の記録に登録しました。次に、施設へ{ $channels }で利用を申し込んでください（職員が申し込み済みの場合は不要です）。

## Why the rules refuse a booking (refusal_words.rs)

# $care: the care type's short name.
refusal-not-offered = この施設では{ $care }を利用できません。
refusal-no-period = この施設には{ $care }の利用期間がありません。
refusal-period-out-of-range = この出生日では利用期間を計算できません。
refusal-in-past = { $start }は過去の日付です（今日は{ $today }）。
refusal-before-window = { $start }は利用期間の始まり（{ $first }）より前です。
refusal-after-window = 終わりの日{ $end }が利用期間の終わり（{ $last }）を過ぎます。
# $requested, $limit: counts with their unit; $remaining: a number, of $unit.
refusal-over-limit = 利用上限を超えます: { $requested }必要、残り{ $remaining }{ $unit ->
    [day] 日
   *[visit] 回
}（上限{ $limit }）。
refusal-no-baby = 子の人数が必要です。
refusal-overlaps = { $first }～{ $last }の予約と重なります（1日に1件まで）。
