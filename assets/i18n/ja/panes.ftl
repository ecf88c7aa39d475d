# The shared panes (facility list, facility detail, quota, guide), staff screens and kiosk alike.
# Japanese, the reference: every other language has exactly these ids and variables.
# No symbols of ambiguous East Asian width (※ ○ → ① – ×): terminals disagree on their width.

## The facility list

pane-facilities-title = 施設
pane-type-label = 種類:
pane-all-types = 全て
pane-search-label = 検索(/):
pane-search-hint = 名前・地域・予約方法
pane-no-match = 条件に合う施設はありません（Esc で検索を消す、t で種類）
pane-col-type = 種類
pane-col-name = 施設名
pane-col-period = 利用期間
pane-col-channel = 予約方法
pane-col-phone = 電話受付（いま）
pane-no-channel = 記載なし
pane-phone-hours-unknown = 電話 時間の記載なし
# After the phone line's state, on a public holiday the flyer says nothing about.
pane-holiday-confirm-short = 祝日は要確認

## A facility's detail

pane-address = 住所
pane-phone = 電話
pane-email = メール
pane-channels = 予約方法
pane-reservation = 予約
pane-hours = 受付時間
pane-now = いま
pane-holidays = 祝日
pane-holiday-confirm = 祝日の受付は記載がありません。施設にご確認ください。
pane-room = 部屋
pane-shared-room = 個室ではない場合があります。詳細は施設にご確認ください。
pane-message = メッセージ
pane-notes = 備考
pane-none = なし
pane-window-label = 利用期間
pane-window-text = { $from }～{ $to }（{ $id }）
pane-detail-keys = 上下でスクロール  Esc で一覧へ

## Phone hours, as the flyer writes them

pane-hours-none = 電話受付時間なし
pane-hours-daily = 毎日
# Three or more days in a row.
pane-hours-day-run = { $from }～{ $to }
pane-hours-day-sep = ・
pane-hours-time-range = { $from }～{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = 、
pane-hours-except = { $hours }（{ $list }除く）
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

pane-quota-title = 利用状況
pane-no-resident-quota = 利用者が未選択です（u で選択、n で予約）
pane-col-limit = 上限
pane-col-used = 利用
pane-col-left = 残り
pane-col-late = 期限後取消
# A count in a column five cells wide.
pane-units-short = { $n }{ $unit ->
    [day] 日
   *[visit] 回
}
pane-no-selection = 選択中の予約はありません
pane-selection-refused = 選択中の日程は予約できません:
pane-selection = 選択中: { $care } { $dates }
pane-upcoming = 予約中（+）:
pane-fee-base = 基本 { $units }x{ $amount }円
pane-fee-extra = 多胎加算 +{ $babies }人 { $units }x{ $amount }円
pane-fee-exempt = 利用料免除
pane-fee-total = 合計
pane-resident-born = 出生 { $date }
pane-resident-babies = 子{ $n }人
pane-resident-corrected = 修正月齢
pane-resident-exempt = 免除

## The guide

# A care type's rule: its limit (the flyer's wording in Japanese), more for multiples, the fee
# for each extra baby, meals.
pane-care-detail = 上限 { $limit }{ $multiples ->
    [yes] （多胎は{ $more }）
   *[no] {""}
}・多胎は1人につき +{ $extra }{ $meals ->
    [yes] ・食事あり
   *[no] {""}
}
# Where the dataset has no wording in the language.
pane-exemption = 次の世帯は利用料が0円です: { $households }。
pane-households-sep = 、
pane-application = 妊娠{ $weeks }週から申請できます。クーポンの発行まで約{ $days }営業日かかります。
pane-guide-bring = 持ち物
# After an amount in a column: 3,300円/日.
