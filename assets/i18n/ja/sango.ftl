# sango: Japanese, the reference. Every other language has exactly these ids and, per message,
# the same variables (tests/i18n_catalog.rs). Official terms: assets/i18n/glossary.toml.
# No symbols of ambiguous East Asian width (※ ○ → ① – ×): terminals disagree on their width.

## The language

language-name = 日本語
language-label = 言語
# Shown in every language but Japanese: the Japanese text is the authoritative one.
authoritative-note = 正式な内容は日本語の表示です。

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

care-stay = ショートステイ（宿泊型）
care-day = デイケア（日帰り型）
care-visit = アウトリーチ（訪問型）
care-stay-short = 宿泊
care-day-short = 日帰り
care-visit-short = 訪問
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

start-over = 最初から
help-hint = ?:ヘルプ
journey-guide = ご案内
journey-identify = 本人確認
journey-book = 予約・確認
status-keys-public = i:本人確認  g:ご案内  /:施設を検索
status-keys-identified = n:予約する  b:予約の確認・取消  g:ご案内
not-identified = 本人確認前
identified-as = 利用者番号 { $id }
window-hint = 本人確認をすると利用期間を表示（i）

## The kiosk: what happened

kiosk-system-error = ただいま処理できません。職員にお声がけください。
kiosk-refused = この端末ではできません。
kiosk-timed-out = しばらく操作がなかったため、最初の画面に戻りました。
kiosk-started-over = 最初の画面に戻りました。
kiosk-identify-first = 予約や予約の確認の前に、本人確認をしてください。
kiosk-already-identified = 本人確認は済んでいます。別の方は F5 で最初からどうぞ。
kiosk-welcome-back = 本人確認ができました（利用者番号 { $id }）。n で予約、b で予約の確認ができます。

## The kiosk: identification

identify-title = 本人確認
identify-intro =
    予約や予約の確認には、本人確認が必要です。
    利用者番号と、赤ちゃんの生年月日を入力してください。
identify-number = 利用者番号
identify-birth = 赤ちゃんの生年月日
identify-birth-example = 例 2026-10-01
identify-button = 確認する
identify-keys = 上下・Tab で入力欄を移動  Enter で確認  Esc で戻る
identify-bad-date = 生年月日は 2026-10-01 のように入力してください。
identify-failed = 利用者番号または赤ちゃんの生年月日が確認できませんでした。もう一度入力してください。
identify-incomplete = 利用者番号と赤ちゃんの生年月日を入力してください。
identify-locked = 確認できない入力が続いたため、本人確認を一時停止しています。あと{ $secs }秒お待ちください。
identify-tries-left = あと{ $left }回試せます（続けて確認できないと{ $secs }秒お待ちいただきます）。
identify-unlocked = もう一度入力できます。
identify-offline = ただいま区のサーバーにつながらないため、ご本人の確認ができません。職員がお手伝いします。施設の案内は引き続きご覧いただけます。
identify-paused = 確認できない入力が続いたため、本人確認をしばらく停止しています。時間をおいてお試しいただくか、職員にお声がけください。
kiosk-offline = ただいま区のサーバーにつながらないため、この操作はできません。職員がお手伝いします。
kiosk-request-title = 仮予約（スタッフが確認します）
kiosk-request-kept = 仮予約として受け付けました。区のサーバーにつながらないため、予約はまだ確定していません。スタッフが確認してご連絡します。
back = 戻る

## The kiosk: staff PIN and the idle countdown

pin-title = 職員用：終了
pin-body = 終了するには職員PINを入力してください。ご利用の方は Esc で戻ってください。
pin-label = 職員PIN
pin-wrong = PINが違います。
pin-locked = PINの入力を一時停止しています。あと{ $secs }秒お待ちください。
pin-unavailable = PINを確認できません。管理者に連絡してください。
pin-leave = 終了する
countdown-title = まだ使いますか？
countdown = まだ使うときは、何かキーを押すか、画面をクリックしてください。操作がないと、あと{ $secs }秒で最初の画面に戻ります（入力した内容は消えます）。
countdown-more = まだ使う

## The kiosk: every key (the help box)

keys-arrows = 矢印
key-start-over = 最初の画面に戻る（入力した内容は消えます）
key-identify = 本人確認（利用者番号と赤ちゃんの生年月日）
key-book = 予約する（本人確認のあと）
key-bookings = 予約の確認・取消（本人確認のあと）
key-guide = ご案内（料金・決まり・問合せ先）
key-find = 施設を検索
key-filter = 種類で絞り込む
key-arrows = 選ぶ・移動
key-pane = ペインを移動
key-enter = 決定
key-esc = 戻る
key-yes-no = はい / いいえ
key-language = 言語を変える
key-help = このヘルプ

## The guide (kiosk pane and the g screen)

guide-title = ご案内
guide-identify = 予約や予約の確認は、本人確認（i）のあとでできます。
guide-more = 料金・決まり・問合せ先の詳しい案内は g
guide-fees = 種類・上限・利用料
guide-exemption = 利用料の免除
guide-cancel = 取消（キャンセル）
guide-application = 申請
guide-not-usable = 利用できないとき
guide-notes = その他の注意
guide-contacts = 問合せ・受付窓口
guide-keys = 上下・PgUp PgDn でスクロール  Esc で戻る

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] 当日
    [day-before] 前日
    [days-before] { $days }日前
    [business-day-before] 前営業日
   *[business-days-before] { $days }営業日前
}
cancel-business-days = （営業日は土日・祝日・12/29～1/3を除く日）
cancel-rule = { $when }の{ $time }より前に取消せば利用日数は減りません{ $business }。{ $same ->
    [yes] それ以降の取消（期限後取消）や無断キャンセルは{ $late }分
   *[no] それ以降の取消（期限後取消）は{ $late }分、無断キャンセルは{ $noshow }分
}を利用したものとみなします。施設にも必ず電話してください。

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
calendar-today = 今日
calendar-holiday = 祝日
calendar-booked = 予約
calendar-window-no-resident = 利用者を選ぶと利用期間を表示（u）
calendar-window-none = この施設・種類の利用期間はありません
calendar-window = 利用期間 { $from }～{ $to }
calendar-legend = []選択 ()今日 *祝日 +予約 #選択中

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] 宿
    [day] 日
   *[visit] 訪
}
channel = { $channel ->
    [phone] 電話
    [web] WEB
    [line] LINE
   *[email] メール
}
list-sep = ・
channels-only = { $names }のみ
line-open = 受付中
line-open-until = 受付中 { $time }まで
line-closed = 受付時間外
line-closed-opens = 時間外 { $time }から
when-weekday = { $weekday }{ $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }～{ $to }
period-short = { $kind ->
    [days-through] 産後{ $n }日まで
    [days-before] 産後{ $n }日未満
    [months-through] 産後{ $n }か月0日まで
    [months-before] 産後{ $n }か月未満
   *[years-within] 産後{ $n }年以内
}
period-long = { $kind ->
    [days-through] 産後{ $n }日まで
    [days-before] 産後{ $n }日未満
    [months-through] 産後{ $n }か月0日まで
    [months-before] 産後{ $n }か月未満
   *[years-within] 産後{ $n }年以内
}
status = { $status ->
    [booked] 予約済み
    [cancelled] 取消
    [cancelled_late] 取消（期限後）
    [no_show] 無断キャンセル
   *[used] 利用済み
}
length = { $kind ->
    [nights] { $n }泊{ $days }日
    [days] { $n }日
   *[visit] 1回
}
contact-name = { $name } { $section }

## The store at work (every screen, the kiosk too)

connecting = 接続中
reconnecting = 再接続中
store-working = 記録しています。お待ちください。
recording = 記録中
booking-working = 予約を記録しています。お待ちください。
not-confirmed = 接続が切れたため、記録されたか確認できません。予約一覧を確認してください。
store-damaged = データベースの破損が見つかりました。予約と変更を止めています。`sango store repair` を実行してください。

## Large text (the welcome screen)

text-size-label = 文字の大きさ
text-size-standard = ふつう
text-size-large = 大きい
key-large-text = 文字を大きく（1つずつ表示）
