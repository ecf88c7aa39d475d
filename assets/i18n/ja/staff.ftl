# staff: the staff-only screens (registry, day and week views, report, export, the resident
# form, the store's connection, a terminal through a ward's server). Japanese and English only:
# staff screens speak those two (tests/i18n_catalog.rs). No symbols of ambiguous East Asian
# width (※ ○ → ① – × … ↑ ←): terminals disagree on their width.

## The resident registry (r)

staff-registry-title = 利用者名簿
staff-registry-count = { $shown }/{ $all }人
staff-registry-filter = 番号で絞り込み(/):
staff-registry-col-number = 利用者番号
staff-registry-col-born = 出生日
staff-registry-col-babies = 子
staff-registry-col-flags = 区分
staff-registry-col-bookings = 予約
# One character each, in the list's flags column: 修正月齢, 利用料免除.
staff-flag-corrected = 修
staff-flag-exempt = 免
staff-registry-empty = 登録された利用者はいません（F2 で登録）
staff-registry-no-match = この番号の利用者はいません（Esc で解除）
staff-registry-hints = / 絞込 Enter 編集 F2 新規 u 選択 Esc 戻る
staff-registry-form-hints = Enter 保存  Esc 取消
staff-edit-title = 登録内容の変更
staff-editing-resident = 利用者番号 { $id } の登録内容を変更します。Enter で保存、Esc で取り消し。
# After the form: saved (an edit), registered (a new one), found (by her number).
staff-resident-done = { $kind ->
    [saved] 利用者 { $id } を保存しました。
    [registered] 利用者 { $id } を登録しました。
   *[found] 利用者 { $id } です。
}
staff-record-times = 登録 { $created }  更新 { $updated }
staff-no-bookings-short = 予約はありません

## The resident form (the booking's first step, u, and the registry's form)

staff-resident-title = 利用者
staff-resident-label = 利用者
staff-resident-intro = 利用者番号で探すか、新しく登録してください。
staff-find-tab = 番号で検索
staff-register-tab = 新規登録
staff-switch-hint = F2 で切替
staff-field = { $field ->
    [number] 利用者番号
    [birth] 出生日
    [due] 出産予定日
    [babies] 子の人数
    [corrected] 修正月齢
   *[exempt] 利用料免除
}
staff-help = { $field ->
    [number] 英数字・-・_（32文字まで）
    [birth] 例 2026-11-20
    [due] 任意（修正月齢に必要）
    [babies] 空欄は1人（双子は2）
    [corrected] Space で切替（早産で相談済み）
   *[exempt] Space で切替（非課税・生活保護）
}
staff-need-number = 利用者番号を入力してください。
staff-bad-date = { $field ->
    [birth] 出生日
   *[due] 出産予定日
}を 2026-11-20 の形で入力してください。
staff-bad-babies = 子の人数は1から10で入力してください。
staff-birth-in-future = 出生日が未来の日付です。
staff-corrected-needs-due = 修正月齢で数えるには出産予定日が必要です。
staff-choose-resident-first = 先に利用者を選んでください。
staff-not-registered = 利用者番号 { $id } は未登録です。出生日などを入力して登録してください（F2 で検索に戻る）。
staff-already-registered = 利用者番号 { $id } は登録済みです（F2 で検索）。
staff-resident-chosen = 利用者 { $id } を選びました。
staff-current-resident = いまの利用者: { $id }

## An edit's effects on her bookings, reviewed before it is saved

staff-effects-title = 予約への影響を確認
staff-effects-intro = この変更は次の予約に影響します。期間外になる予約は、取り消すか保持するかを選んでから保存してください。
staff-fee-change = 利用料 { $from } -> { $to }
staff-keep-or-cancel = { $choice ->
    [keep] [保持する]  取消（Space で切替）
   *[cancel] 保持  [取り消す]（Space で切替）
}
staff-effects-keys = 上下 予約  Space 保持/取消  Enter 保存  Esc 戻る
staff-saved-with-effects = { $id } を保存しました（利用料の変更 { $fees }件、期間外の保持 { $kept }件、取消 { $cancelled }件）{ $cancelled ->
    [0] {""}
   *[other] 。取り消した予約は施設にも電話してください
}

## The day and week views (d)

staff-day-title = 日別の予約
staff-week-title = 施設の週間予約
staff-day-col-resident = 利用者
staff-day-col-facility = 施設
staff-day-col-type = 種類
staff-day-col-dates = 日程
staff-day-col-status = 状態
staff-booking-count = 利用 { $n }件（取消を除く）
staff-day-none = この日の予約はありません
staff-week-none = この週の予約はありません
staff-week-count = 件数
staff-day-hints = 左右 日  PgUp PgDn 週  . 今日  上下 行  Tab 施設の週間  Esc 戻る
staff-week-hints = 左右 週  上下 施設  . 今週  Tab 日別  Esc 戻る

## The monthly report (m)

staff-report-title = 月次報告
staff-report-col-facility = 施設
staff-report-col-uses = 件数
staff-report-col-stay = 宿泊日
staff-report-col-day = 日帰日
staff-report-col-visit = 訪問
staff-report-col-fees = 利用料
staff-report-col-late = 期限後取消
staff-report-period = { $first }～{ $last }（開始日の月に計上）
staff-report-total = 合計
staff-report-none = この月の利用はありません
staff-report-note = 件数は期限後取消を含み、日数・回数・利用料は含みません。期限後取消は件数/計上単位。
staff-report-hints = 左右・[ ] で月  . 今月  上下でスクロール  Esc 戻る

## The export (e)

staff-export-title = 書き出し
staff-export-intro = すべての予約を、データフォルダの exports に書き出します。形式を選んで Enter。
staff-export-format = { $format ->
    [json] JSON（他の端末へ取り込む）
    [csv] CSV（Excel で開く）
   *[ics] iCalendar（カレンダーに読み込む）
}
staff-export-done = 書き出しました:
staff-export-no-dir = データフォルダがないため書き出せません。
staff-export-hints = 上下で選ぶ  Enter 書き出す  Esc 閉じる

## Keeping the screens current

# The status line: the time of the data on screen.
staff-data-as-of = 更新 { $time }
staff-refreshed = 最新の内容を読み込みました（{ $time }）。
# The end of the top line when not every key fits.
staff-title-more-keys = ?:その他
staff-changed-elsewhere = この予約は別の端末で変更されました。一覧を確認してください。

## The store's connection


## A terminal working through a ward's server

# The status line's link, its parts joined by staff-link-sep.
staff-link-checking = サーバー確認中
staff-link-online = オンライン
staff-link-offline = オフライン({ $since }から)
staff-link-waiting = 送信待ち{ $n }件
staff-link-review = 要確認{ $n }件(v)
staff-link-not-signed-in = 未サインイン(s)
staff-link-sep = { " " }
staff-signin-title = サインイン
staff-signin-intro = この端末はサーバー経由で予約します。記録の前に職員IDとパスワードでサインインしてください。
staff-signin-id = 職員ID
staff-signin-password = パスワード
staff-signin-button = サインイン
staff-signin-working = サーバーに確認しています...
staff-signin-incomplete = 職員IDとパスワードを入力してください。
# The server ended the sign-in: what waits is sent after a new one.
staff-signin-needed = サインインが終了しました。もう一度サインインしてください（未送信の変更は保たれています）。
staff-signin-first = 記録の前にサインインしてください（まだ何も送っていません）。
staff-signin-skipped = サインインせずに閲覧します。記録するには s でサインインしてください。
staff-signed-in-as = { $id } でサインインしました。
staff-provisional-title = 仮予約（未確定）
# A change kept in the outbox: never to be taken for a confirmed one. $asof: HH:MM or -.
staff-provisional-booked = 仮予約: サーバーに接続できません。接続したときにサーバーが決定します（データ{ $asof }時点）。
staff-provisional-cancelled = 仮取消: 接続したときにサーバーが決定します（データ{ $asof }時点）。
staff-waiting-title = 送信待ち（サーバーに接続したときに決定します）
staff-provisional-mark = 仮予約
staff-provisional-cancel-mark = 仮取消
staff-cancel-already-waiting = 取消は送信待ちです。

## The review list (v): changes the server refused

staff-review-mode = 要確認
staff-review-list-title = 要確認 - サーバーが拒否した変更 { $n }件
staff-review-empty = 確認が必要な変更はありません。
staff-review-no-server = 要確認の一覧はサーバー経由の端末にあります。
staff-review-when = 作成 { $made }  拒否 { $refused }
staff-review-resolution = { $resolution ->
    [note] メモ
    [cancelled] 取消済み
   *[rebooked] 予約し直し
}
staff-review-field-resolution = 対応
staff-review-field-note = メモ
staff-review-field-booking = 新しい予約ID
staff-review-note-needed = メモを入力してください。
staff-review-resolved = 対応をサーバーに記録しました。
staff-review-list-keys = 上下:選択 Enter:対応を記録 Ctrl+R:同期 Esc:戻る
staff-review-form-keys = 上下:項目 左右:対応を選ぶ Enter:記録 Esc:やめる
staff-check = { $on ->
    [yes] {"[x]"} はい
   *[no] {"[ ]"} いいえ
}
