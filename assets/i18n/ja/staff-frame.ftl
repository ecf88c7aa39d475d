# The staff screens' frame: the top line's keys, the bottom line's resident, the quit question
# and every key of the help box. Japanese and English only (staff screens speak those two).

## The top line

frame-app-title = { $name } 予約
frame-hints = ?:ヘルプ n:予約 b:予約一覧 u:利用者 /:検索 q:終了 L:English r:名簿 d:日別 m:月報 e:出力
# The end of the top line when not every key fits: ? shows the rest.
frame-more-keys = ?:その他

## The bottom line and the resident screen

frame-resident = 利用者
frame-no-resident = 利用者 未選択
frame-resident-title = 利用者

## The quit question

frame-quit-title = 終了の確認
frame-quit-question = 予約の途中です。終了すると選んだ内容は保存されません。終了しますか？
frame-quit-yes = 終了する
frame-quit-no = 続ける

## Her bookings through a ward's server (a staff terminal's outbox)

frame-waiting-title = 送信待ち（サーバーに接続したときに決定します）
# Instead of the status of a booking whose cancellation waits in the outbox.
frame-provisional-cancel-mark = 仮取消
frame-cancel-already-waiting = 取消は送信待ちです。
# time: the data's time (HH:MM), or - when unknown.
frame-provisional-cancelled = 仮取消: 接続したときにサーバーが決定します（データ{ $time }時点）。

## Every key (the help box, and docs/screen.txt in the README)

frame-keys-arrows = 矢印 / h j k l
frame-keys-mouse = マウス
frame-key-pane = ペインを移動
frame-key-move = 移動（カレンダーは日・週）
frame-key-month = 前の月 / 次の月
frame-key-today = カレンダーを今日へ
frame-key-enter = 決定・施設の詳細を開く
frame-key-esc = 戻る（入力は残ります）
frame-key-find = 施設を検索（名前・地域・予約方法）
frame-key-filter = 種類で絞り込む（全て・宿泊・日帰り・訪問）
frame-key-book = 新しい予約（途中からの再開も）
frame-key-resident = 利用者を選ぶ・登録する
frame-key-bookings = 利用者の予約一覧
frame-key-registry = 利用者名簿（検索・登録・変更）
frame-key-day = 日別の予約（Tab で施設の週間）
frame-key-report = 月次報告（施設別）
frame-key-export = 予約を書き出す（JSON・CSV・iCalendar）
frame-key-sign-in = サインイン（サーバー経由の端末）
frame-key-review = 要確認の一覧（サーバーが拒否した変更）
frame-key-guide = ご案内（料金・決まり・問合せ先）
frame-key-cancel = 予約を取消（予約一覧で）
frame-key-longer = 泊数・日数を増減（日程で）
frame-key-yes-no = はい / いいえ
frame-key-check = チェックを切替
frame-key-find-resident = 利用者の検索 / 新規登録を切替
frame-key-language = English / 日本語
frame-key-contrast = 高コントラスト表示の切替
frame-key-help = このヘルプ
frame-key-quit = 終了（予約の途中は確認します）
frame-key-reload = 最新の内容に更新（他の端末の変更は自動でも反映）
frame-key-mouse = 行・日付・ボタンをクリック、ホイールで移動
frame-key-large-text = 文字を大きく（ペインを1つずつ）
