# よやくの 手つづき: やさしい日本語。Same ids and variables as ja/wizard.ftl.

## The wizard's frame

wizard-title = よやく
wizard-step = { $step ->
    [resident] 利用者
    [screening] からだの ようす
    [care] しゅるい
    [facility] しせつ
    [dates] 日にち
   *[confirm] 確認
}
wizard-step-hint = { $step ->
    [resident] Tab・上・下で つぎの 場所  F2 さがす/新しく
    [screening] y はい  n いいえ
    [care] 上・下で えらぶ
    [facility] 上・下で えらぶ
    [dates] やじるしで 日にち  + - で 長さ
   *[confirm] y でも よやく できます
}
wizard-back = もどる
wizard-leave = やめる
wizard-next = つぎへ
wizard-book = よやくする
wizard-close = とじる
wizard-shorter = みじかく
wizard-longer = ながく
wizard-recording = きろく中
wizard-booking-working = よやくを きろく しています。少し 待って ください。

## Step 2: the screening

wizard-screening-intro = つぎの ときは 産後ケアを 使えません。あてはまるか こたえて ください。
wizard-screening-stop = いまの からだの ようすでは 産後ケアを 使えません。まず 病院に そうだん して ください。わからない ことは つぎの まどぐちに 電話して ください。Esc で こたえを なおせます。
wizard-screening-keys = y はい  n いいえ  上・下で しつもんを えらぶ  ぜんぶ「いいえ」なら Enter で つぎへ
wizard-answer-all = ぜんぶの しつもんに こたえて ください。
wizard-yes = はい
wizard-no = いいえ

## Step 3: the care type

wizard-care-intro = 使う ケアを えらんで ください（お金は おかあさんと 赤ちゃん 1人の とき）。
wizard-none-left-short = もう 使えません
wizard-too-few-left-short = のこり{ $left }（いちばん みじかくて { $shortest }）えらべません
wizard-too-few-left = { $care }は のこりが { $left }なので えらべません（いちばん みじかくても { $shortest } いります）
wizard-none-left = { $care }は もう 使えません（上限まで 使いました）。

## Step 4: the facility

wizard-facility-intro = この ケアが ある しせつです。つかえる きかんが のこって います。
wizard-no-facility = つかえる きかんが のこって いる しせつは ありません。

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - で とまる 日の 数を かえる
    [day] + - で 日の 数を かえる
   *[visit] いえに くる ケアは 1回ずつ よやく します
}
wizard-visit-is-one = いえに くる ケアは 1回ずつ よやく します
wizard-longest-reached = のこりが { $left }なので、これより ながく できません
wizard-check-ok = よやく できます
wizard-check-refused = この 日にちは よやく できません
wizard-dates-keys = やじるし・hjkl で 日、[ ] で 月、+ - で 長さ、Enter で 確認へ。クリックでも えらべます。

## Step 6: the confirmation, and the booking made

wizard-booked-title = 区に よやくを きろく しました
wizard-booked-flash = 区に よやくを きろく しました。しせつにも 申しこんで ください。
wizard-label-resident = 利用者
wizard-label-facility = しせつ
wizard-label-care = しゅるい
wizard-label-dates = 日にち
wizard-what-to-bring = もっていく もの

## A booking's words

booking-per-unit = /{ $unit ->
    [day] 日
   *[visit] 回
}
booking-left-of = のこり { $left }{ $unit ->
    [day] 日
   *[visit] 回
} / 上限 { $limit }
booking-window = つかえる きかん { $range }
booking-days-left = あと{ $n }日
booking-length-line = 長さ: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first }～{ $last } { $length }
}
booking-cancel-already-late = とりけしの しめきり（{ $date } { $time }）の あとの よやくです。とりけすと、いつでも { $units } 使った ことに なります（期限後取消）。
booking-cancel-by = とりけしは { $date } { $time } より 前に して ください（しせつにも 電話）。その あとに とりけすと、{ $units } 使った ことに なります。
booking-last-call = しせつの 電話は { $date } { $time } までです（その あとは しめきりまで 電話が つながりません）。
booking-code = よやく番号 { $code }
booking-number = よやく番号 { $id }
booking-records-with-ward = 「よやくする」で 区に きろく します。しせつへの 申しこみは べつに して ください（{ $channels }）。
booking-recorded-next-step = 区に きろく しました。つぎに、しせつに { $channels }で 申しこんで ください（しょくいんが もう 申しこんだ ときは いりません）。

## Why the rules refuse a booking

refusal-not-offered = この しせつでは { $care }の ケアを 使えません。
refusal-no-period = この しせつには { $care }の つかえる きかんが ありません。
refusal-period-out-of-range = この 生まれた 日では、つかえる きかんが わかりません。
refusal-in-past = { $start }は もう すぎた 日です（きょうは { $today }）。
refusal-before-window = { $start }は つかえる きかん（{ $first }から）より 前です。
refusal-after-window = おわりの 日 { $end }が、つかえる きかん（{ $last }まで）の あとに なります。
refusal-over-limit = 上限より 多く なります: { $requested } いります。のこりは { $remaining }{ $unit ->
    [day] 日
   *[visit] 回
}です（上限 { $limit }）。
refusal-no-baby = 赤ちゃんの 人数が いります。
refusal-overlaps = { $first }～{ $last }の よやくと 日が かさなります（1日に 1つだけ）。
