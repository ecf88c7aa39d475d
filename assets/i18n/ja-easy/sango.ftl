# sango: やさしい日本語 (easy Japanese). Short sentences, common words, kana for hard kanji; the
# ward's terms stay as they are on its papers, with a plain word beside them (glossary.toml).

## The language

language-name = やさしいにほんご
language-label = ことば
authoritative-note = 正しい 内容は 日本語の 画面です。

## Numbers and dates

yen = { $amount }円
weekday = { $wd ->
    [mon] 月
    [tue] 火
    [wed] 水
    [thu] 木
    [fri] 金
    [sat] 土
   *[sun] 日
}
date-long = { $year }年{ $month }月{ $day }日({ $weekday })
date-short = { $month }/{ $day }({ $weekday })

## Care types and units

care-stay = とまるケア（宿泊型）
care-day = ひるのケア（日帰り型）
care-visit = いえにくるケア（訪問型）
care-stay-short = とまる
care-day-short = ひる
care-visit-short = いえ
units-long = { $n }{ $unit ->
    [day] 日
   *[visit] 回
}
fee-per-unit = { $fee }/{ $unit ->
    [day] 日
   *[visit] 回
}
units-or = ・

## The kiosk: top and bottom lines

start-over = はじめから
help-hint = ?:せつめい
journey-guide = あんない
journey-identify = 本人確認
journey-book = よやく
status-keys-public = i:本人確認  g:あんない  /:さがす
status-keys-identified = n:よやくする  b:わたしの よやく  g:あんない
not-identified = 本人確認 まだ
identified-as = 利用者番号 { $id }
window-hint = 本人確認(i)を すると 使える 日が わかります

## The kiosk: what happened

kiosk-system-error = いま できません。しょくいんに 聞いてください。
kiosk-refused = この パソコンでは できません。
kiosk-timed-out = しばらく さわらなかったので、はじめに もどりました。
kiosk-started-over = はじめに もどりました。
kiosk-identify-first = よやくの 前に、本人確認を してください。
kiosk-already-identified = 本人確認は できています。ほかの 人は F5 で はじめから。
kiosk-welcome-back = 本人確認が できました（利用者番号 { $id }）。n で よやく、b で よやくを 見ます。

## The kiosk: identification

identify-title = 本人確認
identify-intro =
    よやくを するには、本人確認が いります。
    利用者番号と、赤ちゃんの 生まれた 日を 入れてください。
identify-number = 利用者番号
identify-birth = 赤ちゃんの 生まれた 日
identify-birth-example = れい 2026-10-01
identify-button = 確認する
identify-keys = 上・下・Tab で つぎの 場所  Enter で 確認  Esc で もどる
identify-bad-date = 生まれた 日は 2026-10-01 の ように 入れてください。
identify-failed = 利用者番号か 生まれた 日が ちがいます。もう一度 入れてください。
identify-incomplete = 利用者番号と 赤ちゃんの 生まれた 日を 入れてください。
identify-locked = たくさん まちがえたので、少し 待ってください。あと { $secs }秒です。
identify-tries-left = あと { $left }回 できます（まちがえると { $secs }秒 待ちます）。
identify-unlocked = もう一度 入れることが できます。
identify-offline = いま 区の コンピューターに つながりません。あなたの 確認が できません。しょくいんが 手伝います。しせつの あんないは 見ることが できます。
identify-paused = まちがいが 続いたので、しばらく 確認を 止めています。あとで もう一度 するか、しょくいんに 聞いてください。
kiosk-offline = いま 区の コンピューターに つながりません。これは できません。しょくいんが 手伝います。
kiosk-request-title = かりの よやく（しょくいんが 確認します）
kiosk-request-kept = かりの よやくを 受けつけました。よやくは まだ 決まって いません。しょくいんが 確認して、れんらく します。
back = もどる

## The kiosk: staff PIN and the idle countdown

pin-title = しょくいん用：おわる
pin-body = おわるには しょくいんの PIN を 入れます。使う 人は Esc で もどってください。
pin-label = 職員PIN
pin-wrong = PIN が ちがいます。
pin-locked = PIN は 少し 使えません。あと { $secs }秒 待ってください。
pin-unavailable = PIN を 確認できません。かんりしゃに 連絡してください。
pin-leave = おわる
countdown-title = まだ つかいますか？
countdown = つかうときは キーを どれか おすか、がめんを クリックして ください。なにも しないと、あと { $secs }びょうで はじめの がめんに もどります。いれた ことは きえます。
countdown-more = まだ つかう

## The kiosk: every key (the help box)

keys-arrows = やじるし
key-start-over = はじめに もどる（入れた ことは 消えます）
key-identify = 本人確認（利用者番号と 生まれた 日）
key-book = よやくする（本人確認の あと）
key-bookings = わたしの よやく・とりけし（本人確認の あと）
key-guide = あんない（お金・きまり・電話）
key-find = しせつを さがす
key-filter = しゅるいで えらぶ
key-arrows = えらぶ・うごく
key-pane = となりの 場所へ
key-enter = きめる
key-esc = もどる
key-yes-no = はい / いいえ
key-language = ことばを かえる
key-help = この せつめい

## The guide (kiosk pane and the g screen)

guide-title = あんない
guide-identify = よやくは、本人確認（i）の あとで できます。
guide-more = お金・きまり・電話の くわしい あんないは g
guide-fees = しゅるい・回数・お金
guide-exemption = お金が いらない 人
guide-cancel = とりけし（キャンセル）
guide-application = 申しこみ
guide-not-usable = 使えない とき
guide-notes = ほかの 注意
guide-contacts = 電話・まどぐち
guide-keys = 上・下・PgUp PgDn で うごく  Esc で もどる

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] その日
    [day-before] 前の日
    [days-before] { $days }日前
    [business-day-before] 前の 平日
   *[business-days-before] { $days }平日前
}
cancel-business-days = （平日は 土・日・祝日・12/29～1/3 では ない 日）
cancel-rule = { $when }の { $time }より 前に とりけすと、使った 日に なりません{ $business }。{ $same ->
    [yes] そのあとの とりけし（期限後取消）や、れんらく しないで 行かないと、{ $late }分
   *[no] そのあとの とりけし（期限後取消）は { $late }分、れんらく しないで 行かないと { $noshow }分
}を 使った ことに なります。しせつにも かならず 電話を してください。

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] 月
    [tue] 火
    [wed] 水
    [thu] 木
    [fri] 金
    [sat] 土
   *[sun] 日
}
calendar-title = カレンダー
calendar-month = { $year }年{ $month }月
calendar-today = きょう
calendar-holiday = やすみの日
calendar-booked = よやく
calendar-window-no-resident = ほんにん かくにんを すると つかえる きかんが でます
calendar-window-none = この しせつ・しゅるいは つかえる きかんが ありません
calendar-window = つかえる きかん { $from }～{ $to }
calendar-legend = []えらぶ ()きょう *やすみ +よやく #えらび中

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] と
    [day] ひ
   *[visit] い
}
channel = { $channel ->
    [phone] でんわ
    [web] WEB
    [line] LINE
   *[email] メール
}
list-sep = ・
channels-only = { $names }だけ
line-open = いま うけつけ中
line-open-until = うけつけ中 { $time }まで
line-closed = いまは うけつけていません
line-closed-opens = { $time }から うけつけ
when-weekday = { $weekday }{ $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }～{ $to }
period-short = { $kind ->
    [days-through] うまれて{ $n }日まで
    [days-before] うまれて{ $n }日より前
    [months-through] うまれて{ $n }か月0日まで
    [months-before] うまれて{ $n }か月より前
   *[years-within] うまれて{ $n }年まで
}
period-long = { $kind ->
    [days-through] あかちゃんが うまれて{ $n }日まで
    [days-before] あかちゃんが うまれて{ $n }日より前
    [months-through] あかちゃんが うまれて{ $n }か月0日まで
    [months-before] あかちゃんが うまれて{ $n }か月より前
   *[years-within] あかちゃんが うまれて{ $n }年まで
}
status = { $status ->
    [booked] よやく ずみ
    [cancelled] とりけし
    [cancelled_late] とりけし（きげんの あと）
    [no_show] れんらく しないで 行かなかった
   *[used] つかった
}
length = { $kind ->
    [nights] { $n }ばん（{ $days }日）
    [days] { $n }日
   *[visit] 1回
}
contact-name = { $name } { $section }

## The store at work (every screen, the kiosk too)

connecting = つないでいます
reconnecting = もう一度 つないでいます
store-working = きろく しています。まってください。
recording = きろく中
booking-working = よやくを きろく しています。まってください。
not-confirmed = つながりが きれました。きろく できたか わかりません。よやくの 一覧を 見てください。
store-damaged = データが こわれています。よやくは できません。スタッフに 知らせてください（`sango store repair`）。

## Large text (the welcome screen)

text-size-label = もじの おおきさ
text-size-standard = ふつう
text-size-large = おおきい
key-large-text = もじを おおきく する
