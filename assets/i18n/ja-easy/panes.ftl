# The shared panes in やさしい日本語: short sentences, common words, kana for hard kanji.

## The facility list

pane-facilities-title = しせつ
pane-type-label = しゅるい:
pane-all-types = ぜんぶ
pane-search-label = さがす(/):
pane-search-hint = 名前・ばしょ
pane-no-match = あう しせつが ありません（Esc で けす、t で しゅるい）
pane-col-type = 種類
pane-col-name = しせつの 名前
pane-col-period = 使える 日
pane-col-channel = よやく
pane-col-phone = 電話（いま）
pane-no-channel = 書いていません
pane-phone-hours-unknown = 電話 時間は 書いていません
pane-holiday-confirm-short = 祝日は 聞いてください

## A facility's detail

pane-address = 住所
pane-phone = 電話
pane-email = メール
pane-channels = よやくの しかた
pane-reservation = よやく
pane-hours = 電話の 時間
pane-now = いま
pane-holidays = 祝日
pane-holiday-confirm = 祝日に 電話が できるか 書いていません。しせつに 聞いてください。
pane-room = へや
pane-shared-room = ひとりの へやでは ない ことが あります。しせつに 聞いてください。
pane-message = メッセージ
pane-notes = ほかに
pane-none = なし
pane-window-label = 使える 日
pane-window-text = { $from }～{ $to }（{ $id }）
pane-detail-keys = 上・下で うごく  Esc で もどる

## Phone hours

pane-hours-none = 電話の 時間は ありません
pane-hours-daily = まいにち
pane-hours-day-run = { $from }～{ $to }
pane-hours-day-sep = ・
pane-hours-time-range = { $from }～{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = 、
pane-hours-except = { $hours }（{ $list }は 休み）
pane-hours-except-sep = ・
pane-hours-holidays = 祝日
pane-hours-nth-weekday = 第{ $n }{ $weekday ->
    [mon] 月
    [tue] 火
    [wed] 水
    [thu] 木
    [fri] 金
    [sat] 土
   *[sun] 日
}曜日
pane-hours-month-day = { $month }/{ $day }
pane-hours-date-range = { $from }～{ $to }

## The quota

pane-quota-title = 使った 数
pane-no-resident-quota = 本人確認の あとで 見られます
pane-col-limit = 上限
pane-col-used = 使用
pane-col-left = 残り
pane-col-late = 期限後取消
pane-units-short = { $n }{ $unit ->
    [day] 日
   *[visit] 回
}
pane-no-selection = えらんでいる よやくは ありません
pane-selection-refused = この 日は よやく できません:
pane-selection = えらんでいる: { $care } { $dates }
pane-upcoming = よやく（+）:
pane-fee-base = { $units }x{ $amount }円
pane-fee-extra = ふたご など +{ $babies }人 { $units }x{ $amount }円
pane-fee-exempt = お金は いりません
pane-fee-total = ぜんぶで
pane-resident-born = 生まれた 日 { $date }
pane-resident-babies = 子ども { $n }人
pane-resident-corrected = 修正月齢
pane-resident-exempt = お金 いらない

## The guide

pane-care-detail = 上限 { $limit }{ $multiples ->
    [yes] （ふたご などは { $more }）
   *[no] {""}
}・ふたご などは 1人 ふえると +{ $extra }{ $meals ->
    [yes] ・ごはん あり
   *[no] {""}
}
pane-exemption = つぎの 家の 人は お金が いりません: { $households }。
pane-households-sep = 、
pane-application = にんしん { $weeks }週から 申しこみが できます。クーポンが 来るまで 約{ $days }日（土日・祝日を のぞく）かかります。
pane-guide-bring = 持っていく もの
