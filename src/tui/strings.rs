//! Every user-visible string of the terminal app, in Japanese (default) and English.
//! Fixed words are fields of [`Strings`]; words with values are its methods. Keep symbols of
//! ambiguous East Asian width (※ ○ → ① – ×) out of here: terminals disagree on their width.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::dataset::{Application, CareTypeRule, Channel, Contact, FeeExemption, Programme, Text};
use crate::domain::booking::{Plan, Refusal};
use crate::domain::cancel::{CancelNotice, CancelOutcome};
use crate::domain::care::{CareType, Length, Unit};
use crate::domain::fees::yen;
use crate::domain::period::{Period, Window};
use crate::store::{Booking, Resident, Status};

use super::app::{App, Field, Screen};
use super::server_link::{ServerLink, hm};
use super::wizard::Step;

/// The app's language: the message files' [`Locale`](crate::i18n::Locale) (staff screens use
/// Japanese and English, a kiosk every language).
pub use crate::i18n::Locale as Lang;

/// The words of this file, which are Japanese and English only: easy Japanese reads the
/// Japanese, every other language the English, until their screens move to the message files.
impl Lang {
    pub fn strings(self) -> &'static Strings {
        if self.is_japanese() { &JA } else { &EN }
    }

    /// The staff terminal's `L`: Japanese and English.
    pub fn other(self) -> Lang {
        if self == Lang::Ja { Lang::En } else { Lang::Ja }
    }
}

/// The fixed words of one language.
pub struct Strings {
    pub lang: Lang,
    pub title_hints: &'static str,
    pub facilities_title: &'static str,
    pub quota_title: &'static str,
    pub bookings_title: &'static str,
    pub resident_title: &'static str,
    pub wizard_title: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub type_label: &'static str,
    pub all_types: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub no_match: &'static str,
    pub col_type: &'static str,
    pub col_type_short: &'static str,
    pub col_name: &'static str,
    pub col_period: &'static str,
    pub col_channel: &'static str,
    pub col_phone: &'static str,
    pub col_limit: &'static str,
    pub col_used: &'static str,
    pub col_left: &'static str,
    pub col_late: &'static str,
    pub col_dates: &'static str,
    pub col_fee: &'static str,
    pub col_status: &'static str,
    pub no_channel: &'static str,
    pub phone_hours_unknown: &'static str,
    pub holiday_confirm_short: &'static str,
    pub holiday_confirm: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub channels: &'static str,
    pub reservation: &'static str,
    pub hours: &'static str,
    pub now_label: &'static str,
    pub holidays: &'static str,
    pub room: &'static str,
    pub shared_room: &'static str,
    pub message: &'static str,
    pub notes: &'static str,
    pub none: &'static str,
    pub window_label: &'static str,
    pub detail_keys: &'static str,
    pub today: &'static str,
    pub holiday: &'static str,
    pub booked: &'static str,
    pub calendar_legend: &'static str,
    pub no_resident_quota: &'static str,
    pub no_selection: &'static str,
    pub upcoming: &'static str,
    pub selection_refused: &'static str,
    pub fee_exempt: &'static str,
    pub fee_total: &'static str,
    pub no_resident: &'static str,
    pub resident_label: &'static str,
    pub resident_intro: &'static str,
    pub find_tab: &'static str,
    pub register_tab: &'static str,
    pub switch_hint: &'static str,
    pub form_label_width: usize,
    pub help_number: &'static str,
    pub help_date: &'static str,
    pub help_due: &'static str,
    pub help_babies: &'static str,
    pub help_corrected: &'static str,
    pub help_exempt: &'static str,
    pub field_birth: &'static str,
    pub field_due: &'static str,
    pub need_number: &'static str,
    pub bad_babies: &'static str,
    pub birth_in_future: &'static str,
    pub choose_resident_first: &'static str,
    pub back: &'static str,
    pub leave: &'static str,
    pub next: &'static str,
    pub book: &'static str,
    pub close: &'static str,
    pub shorter: &'static str,
    pub longer: &'static str,
    pub screening_intro: &'static str,
    pub screening_stop: &'static str,
    pub screening_keys: &'static str,
    pub answer_all: &'static str,
    pub care_intro: &'static str,
    pub none_left_short: &'static str,
    pub facility_intro: &'static str,
    pub no_facility: &'static str,
    pub check_ok: &'static str,
    pub check_refused: &'static str,
    pub dates_keys: &'static str,
    pub booked_title: &'static str,
    pub booked_flash: &'static str,
    pub resident_label_long: &'static str,
    pub facility_label: &'static str,
    pub care_label: &'static str,
    pub dates_label: &'static str,
    pub what_to_bring: &'static str,
    pub no_bookings: &'static str,
    pub cancel_booking: &'static str,
    pub cancel_title: &'static str,
    pub cancel_yes: &'static str,
    pub cancel_no: &'static str,
    pub quit_title: &'static str,
    pub quit_question: &'static str,
    pub quit_yes: &'static str,
    pub quit_no: &'static str,
    keys: &'static [(&'static str, &'static str)],
}

pub static JA: Strings = Strings {
    lang: Lang::Ja,
    title_hints: "?:ヘルプ n:予約 b:予約一覧 u:利用者 /:検索 q:終了 L:English r:名簿 d:日別 m:月報 e:出力",
    facilities_title: "施設",
    quota_title: "利用状況",
    bookings_title: "予約一覧",
    resident_title: "利用者",
    wizard_title: "予約",
    help_title: "キー操作",
    help_close: "Esc・Enter・? で閉じる",
    type_label: "種類:",
    all_types: "全て",
    search_label: "検索(/):",
    search_hint: "名前・地域・予約方法",
    no_match: "条件に合う施設はありません（Esc で検索を消す、t で種類）",
    col_type: "種類",
    col_type_short: "種類",
    col_name: "施設名",
    col_period: "利用期間",
    col_channel: "予約方法",
    col_phone: "電話受付（いま）",
    col_limit: "上限",
    col_used: "利用",
    col_left: "残り",
    col_late: "期限後取消",
    col_dates: "日程",
    col_fee: "料金",
    col_status: "状態",
    no_channel: "記載なし",
    phone_hours_unknown: "電話 時間の記載なし",
    holiday_confirm_short: " 祝日は要確認",
    holiday_confirm: "祝日の受付は記載がありません。施設にご確認ください。",
    address: "住所",
    phone: "電話",
    email: "メール",
    channels: "予約方法",
    reservation: "予約",
    hours: "受付時間",
    now_label: "いま",
    holidays: "祝日",
    room: "部屋",
    shared_room: "個室ではない場合があります。詳細は施設にご確認ください。",
    message: "メッセージ",
    notes: "備考",
    none: "なし",
    window_label: "利用期間",
    detail_keys: "上下でスクロール  Esc で一覧へ",
    today: "今日",
    holiday: "祝日",
    booked: "予約",
    calendar_legend: "[]選択 ()今日 *祝日 +予約 #選択中",
    no_resident_quota: "利用者が未選択です（u で選択、n で予約）",
    no_selection: "選択中の予約はありません",
    upcoming: "予約中（+）:",
    selection_refused: "選択中の日程は予約できません:",
    fee_exempt: "利用料免除",
    fee_total: "合計",
    no_resident: "利用者 未選択",
    resident_label: "利用者",
    resident_intro: "利用者番号で探すか、新しく登録してください。",
    find_tab: "番号で検索",
    register_tab: "新規登録",
    switch_hint: "F2 で切替",
    form_label_width: 12,
    help_number: "英数字・-・_（32文字まで）",
    help_date: "例 2026-11-20",
    help_due: "任意（修正月齢に必要）",
    help_babies: "空欄は1人（双子は2）",
    help_corrected: "Space で切替（早産で相談済み）",
    help_exempt: "Space で切替（非課税・生活保護）",
    field_birth: "出生日",
    field_due: "出産予定日",
    need_number: "利用者番号を入力してください。",
    bad_babies: "子の人数は1から10で入力してください。",
    birth_in_future: "出生日が未来の日付です。",
    choose_resident_first: "先に利用者を選んでください。",
    back: "戻る",
    leave: "中断",
    next: "次へ",
    book: "予約する",
    close: "閉じる",
    shorter: "短く",
    longer: "長く",
    screening_intro: "次の状態のときは産後ケアを利用できません。あてはまるものを選んでください。",
    screening_stop: "この状態では産後ケアを利用できません。まず医療機関にご相談ください。ご不明な点は次の窓口へお問い合わせください。Esc で回答を直せます。",
    screening_keys: "y はい  n いいえ  上下で質問を選ぶ  すべて「いいえ」なら Enter で次へ",
    answer_all: "すべての質問に答えてください。",
    care_intro: "利用する種類を選んでください（料金は母と子1人の場合）。",
    none_left_short: "残りなし",
    facility_intro: "この種類を利用でき、利用期間が残っている施設です。",
    no_facility: "利用期間が残っている施設がありません。",
    check_ok: "予約できます",
    check_refused: "この日程は予約できません",
    dates_keys: "矢印・hjkl で日付、[ ] で月、+ - で長さ、Enter で確認へ。クリックでも選べます。",
    booked_title: "区の記録に登録しました",
    booked_flash: "区の記録に登録しました。施設への申込みをお忘れなく。",
    resident_label_long: "利用者番号",
    facility_label: "施設",
    care_label: "種類",
    dates_label: "日程",
    what_to_bring: "持ち物",
    no_bookings: "予約はありません（n で予約）",
    cancel_booking: "取消",
    cancel_title: "予約の取消",
    cancel_yes: "取消する",
    cancel_no: "やめる",
    quit_title: "終了の確認",
    quit_question: "予約の途中です。終了すると選んだ内容は保存されません。終了しますか？",
    quit_yes: "終了する",
    quit_no: "続ける",
    keys: &[
        ("Tab / Shift+Tab", "ペインを移動"),
        ("矢印 / h j k l", "移動（カレンダーは日・週）"),
        ("PgUp PgDn [ ]", "前の月 / 次の月"),
        (".", "カレンダーを今日へ"),
        ("Enter", "決定・施設の詳細を開く"),
        ("Esc", "戻る（入力は残ります）"),
        ("/", "施設を検索（名前・地域・予約方法）"),
        ("t", "種類で絞り込む（全て・宿泊・日帰り・訪問）"),
        ("n", "新しい予約（途中からの再開も）"),
        ("u", "利用者を選ぶ・登録する"),
        ("b", "利用者の予約一覧"),
        ("r", "利用者名簿（検索・登録・変更）"),
        ("d", "日別の予約（Tab で施設の週間）"),
        ("m", "月次報告（施設別）"),
        ("e", "予約を書き出す（JSON・CSV・iCalendar）"),
        ("s", "サインイン（サーバー経由の端末）"),
        ("v", "要確認の一覧（サーバーが拒否した変更）"),
        ("g", "ご案内（料金・決まり・問合せ先）"),
        ("x", "予約を取消（予約一覧で）"),
        ("+ / -", "泊数・日数を増減（日程で）"),
        ("y / n", "はい / いいえ"),
        ("Space", "チェックを切替"),
        ("F2", "利用者の検索 / 新規登録を切替"),
        ("L", "English / 日本語"),
        ("C", "高コントラスト表示の切替"),
        ("? / F1", "このヘルプ"),
        ("q / Ctrl+C", "終了（予約の途中は確認します）"),
        ("Ctrl+R", "最新の内容に更新（他の端末の変更は自動でも反映）"),
        ("マウス", "行・日付・ボタンをクリック、ホイールで移動"),
    ],
};

pub static EN: Strings = Strings {
    lang: Lang::En,
    title_hints: "?:help n:book b:list u:resident /:find q:quit L:日本語 r:registry d:day m:report e:export",
    facilities_title: "Facilities",
    quota_title: "Quota",
    bookings_title: "Bookings",
    resident_title: "Resident",
    wizard_title: "Booking",
    help_title: "Keys",
    help_close: "Esc, Enter or ? closes",
    type_label: "Type:",
    all_types: "all",
    search_label: "Search(/):",
    search_hint: "name, area, channel",
    no_match: "No facility matches (Esc clears the search, t the type)",
    col_type: "Type",
    col_type_short: "Type",
    col_name: "Facility",
    col_period: "Period",
    col_channel: "Channel",
    col_phone: "Phone line now",
    col_limit: "limit",
    col_used: "used",
    col_left: "left",
    col_late: "late",
    col_dates: "Dates",
    col_fee: "Fee",
    col_status: "Status",
    no_channel: "not given",
    phone_hours_unknown: "phone, no hours",
    holiday_confirm_short: " (holiday: confirm)",
    holiday_confirm: "The flyer says nothing about public holidays: confirm with the facility.",
    address: "Address",
    phone: "Phone",
    email: "E-mail",
    channels: "Reserve by",
    reservation: "Reservation",
    hours: "Phone hours",
    now_label: "Now",
    holidays: "Holidays",
    room: "Room",
    shared_room: "Rooms may not be private. Ask the facility for details.",
    message: "Message",
    notes: "Notes",
    none: "none",
    window_label: "Window",
    detail_keys: "Up/Down scroll  Esc back to the list",
    today: "today",
    holiday: "holiday",
    booked: "booked",
    calendar_legend: "[]day ()today *hol +booked #new",
    no_resident_quota: "No resident chosen (u to choose, n to book)",
    no_selection: "Nothing being booked",
    upcoming: "Booked (+):",
    selection_refused: "These dates cannot be booked:",
    fee_exempt: "fee exemption",
    fee_total: "total",
    no_resident: "no resident",
    resident_label: "Resident",
    resident_intro: "Find a resident by user number, or register a new one.",
    find_tab: "Find by number",
    register_tab: "Register",
    switch_hint: "F2 switches",
    form_label_width: 14,
    help_number: "letters, digits, - _ (up to 32)",
    help_date: "e.g. 2026-11-20",
    help_due: "optional (needed for corrected age)",
    help_babies: "empty means 1 (twins: 2)",
    help_corrected: "Space toggles (premature, consulted)",
    help_exempt: "Space toggles (tax-exempt, assistance)",
    field_birth: "birth date",
    field_due: "due date",
    need_number: "Type the user number.",
    bad_babies: "Babies must be between 1 and 10.",
    birth_in_future: "The birth date is in the future.",
    choose_resident_first: "Choose a resident first.",
    back: "Back",
    leave: "Pause",
    next: "Next",
    book: "Book",
    close: "Close",
    shorter: "shorter",
    longer: "longer",
    screening_intro: "Care cannot be used in the following states. Answer each question.",
    screening_stop: "Care cannot be used in this state. Please see a doctor first. For questions, call one of these offices. Esc lets you change the answer.",
    screening_keys: "y yes  n no  Up/Down choose a question  Enter continues when all are no",
    answer_all: "Please answer every question.",
    care_intro: "Choose the type of care (fees for the mother and one baby).",
    none_left_short: "none left",
    facility_intro: "Facilities that offer this type and whose window still has days.",
    no_facility: "No facility has days left in the window.",
    check_ok: "These dates can be booked",
    check_refused: "These dates cannot be booked",
    dates_keys: "Arrows/hjkl move the day, [ ] the month, + - the length, Enter to confirm. Clicks work too.",
    booked_title: "Recorded with the ward",
    booked_flash: "Recorded with the ward. Remember to reserve with the facility.",
    resident_label_long: "User number",
    facility_label: "Facility",
    care_label: "Type",
    dates_label: "Dates",
    what_to_bring: "What to bring",
    no_bookings: "No bookings (n to book)",
    cancel_booking: "Cancel",
    cancel_title: "Cancel booking",
    cancel_yes: "Cancel it",
    cancel_no: "Keep it",
    quit_title: "Quit?",
    quit_question: "A booking is in progress. Quitting loses what was chosen. Quit?",
    quit_yes: "Quit",
    quit_no: "Go on",
    keys: &[
        ("Tab / Shift+Tab", "next / previous pane"),
        ("Arrows / h j k l", "move (calendar: day, week)"),
        ("PgUp PgDn [ ]", "previous / next month"),
        (".", "calendar to today"),
        ("Enter", "choose, open a facility's detail"),
        ("Esc", "back (what was typed stays)"),
        ("/", "search facilities (name, area, channel)"),
        ("t", "filter by type (all, stay, day, visit)"),
        ("n", "new booking (or resume)"),
        ("u", "choose or register the resident"),
        ("b", "the resident's bookings"),
        ("r", "resident registry (find, register, edit)"),
        ("d", "bookings of a day (Tab: a facility's week)"),
        ("m", "monthly report per facility"),
        ("e", "export bookings (JSON, CSV, iCalendar)"),
        ("s", "sign in (a terminal through a server)"),
        ("v", "review list (changes the server refused)"),
        ("g", "guide (fees, rules, contacts)"),
        ("x", "cancel a booking (in bookings)"),
        ("+ / -", "longer / shorter (dates step)"),
        ("y / n", "yes / no"),
        ("Space", "toggle a check box"),
        ("F2", "find / register a resident"),
        ("L", "日本語 / English"),
        ("C", "high-contrast theme on/off"),
        ("? / F1", "this help"),
        ("q / Ctrl+C", "quit (asks during a booking)"),
        ("Ctrl+R", "reload now (other terminals' changes show anyway)"),
        ("Mouse", "click rows, days, buttons; wheel scrolls"),
    ],
};

const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn wd_ja(d: NaiveDate) -> &'static str {
    crate::domain::jst::weekday_ja(d.weekday())
}

fn wd_en(d: NaiveDate) -> &'static str {
    WEEKDAYS_EN[d.weekday().num_days_from_monday() as usize]
}

impl Strings {
    fn ja(&self) -> bool {
        self.lang == Lang::Ja
    }

    /// A text of the dataset in this language, or in Japanese where the dataset has none.
    pub fn text<'a>(&self, t: &'a Text) -> &'a str {
        t.get(self.lang.tag())
    }

    /// A contact's name with its section (北区保健所 保健サービス係).
    pub fn contact_name(&self, c: &Contact) -> String {
        match &c.section {
            Some(sec) if self.ja() => format!("{} {}", self.text(&c.name), self.text(sec)),
            Some(sec) => format!("{}, {}", self.text(&c.name), self.text(sec)),
            None => self.text(&c.name).to_string(),
        }
    }

    /// Every key with what it does (the help overlay and the README).
    pub fn keys(&self) -> &'static [(&'static str, &'static str)] {
        self.keys
    }

    pub fn care_name(&self, c: CareType) -> &'static str {
        match (self.lang, c) {
            (Lang::Ja, c) => c.name_ja(),
            (_, CareType::Stay) => "Overnight stay",
            (_, CareType::Day) => "Day care",
            (_, CareType::Visit) => "Home visit",
        }
    }

    pub fn care_short(&self, c: CareType) -> &'static str {
        match (self.lang, c) {
            (Lang::Ja, CareType::Stay) => "宿泊",
            (Lang::Ja, CareType::Day) => "日帰り",
            (Lang::Ja, CareType::Visit) => "訪問",
            (_, CareType::Stay) => "stay",
            (_, CareType::Day) => "day",
            (_, CareType::Visit) => "visit",
        }
    }

    /// One character per care type for narrow columns.
    pub fn care_mark(&self, c: CareType) -> &'static str {
        match (self.lang, c) {
            (Lang::Ja, CareType::Stay) => "宿",
            (Lang::Ja, CareType::Day) => "日",
            (Lang::Ja, CareType::Visit) => "訪",
            (_, CareType::Stay) => "S",
            (_, CareType::Day) => "D",
            (_, CareType::Visit) => "V",
        }
    }

    pub fn channel(&self, c: Channel) -> &'static str {
        match (self.lang, c) {
            (Lang::Ja, c) => c.ja(),
            (_, Channel::Phone) => "phone",
            (_, Channel::Web) => "WEB",
            (_, Channel::Line) => "LINE",
            (_, Channel::Email) => "e-mail",
        }
    }

    /// `WEBのみ` / `WEB only` for a reservation without a phone line.
    pub fn only(&self, channels: &[Channel]) -> String {
        let names: Vec<&str> = channels.iter().map(|c| self.channel(*c)).collect();
        if self.ja() {
            format!("{}のみ", names.join("・"))
        } else {
            format!("{} only", names.join("/"))
        }
    }

    fn hm(t: NaiveDateTime) -> String {
        t.format("%-H:%M").to_string()
    }

    /// `受付中 11:00まで` / `open until 11:00`.
    pub fn open_until(&self, closes: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
        match (closes, self.ja()) {
            (None, true) => "受付中".into(),
            (None, false) => "open".into(),
            (Some(c), true) => format!("受付中 {}まで", self.when(c, now)),
            (Some(c), false) => format!("open until {}", self.when(c, now)),
        }
    }

    /// `時間外 火 9:00から` / `closed, opens Tue 9:00`.
    pub fn closed_opens(&self, next: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
        match (next, self.ja()) {
            (None, true) => "受付時間外".into(),
            (None, false) => "closed".into(),
            (Some(n), true) => format!("時間外 {}から", self.when(n, now)),
            (Some(n), false) => format!("closed, opens {}", self.when(n, now)),
        }
    }

    /// A moment relative to now: the time today, the weekday and time within a week, else the date.
    fn when(&self, t: NaiveDateTime, now: NaiveDateTime) -> String {
        let days = t.date().signed_duration_since(now.date()).num_days();
        let d = t.date();
        match days {
            0 => Self::hm(t),
            1..=6 if self.ja() => format!("{}{}", wd_ja(d), Self::hm(t)),
            1..=6 => format!("{} {}", wd_en(d), Self::hm(t)),
            _ => format!("{}/{} {}", d.month(), d.day(), Self::hm(t)),
        }
    }

    pub fn period_short(&self, p: Period) -> String {
        if self.ja() {
            return p.wording_ja();
        }
        match p {
            Period::DaysThrough(n) => format!("to day {n}"),
            Period::DaysBefore(n) => format!("before day {n}"),
            Period::MonthsThrough(n) => format!("to {n} months 0d"),
            Period::MonthsBefore(n) => format!("under {n} months"),
            Period::YearsWithin(n) => format!("within {n} year{}", if n == 1 { "" } else { "s" }),
        }
    }

    pub fn period_long(&self, p: Period) -> String {
        if self.ja() { p.wording_ja() } else { format!("{} after birth", p.wording_en()) }
    }

    /// `3,300円` / `¥3,300` (the message files' `yen`).
    pub fn yen(&self, n: u32) -> String {
        crate::i18n::format::yen(self.lang, n)
    }

    pub fn units(&self, n: u32, unit: Unit) -> String {
        if self.ja() { format!("{n}{}", unit.ja()) } else { n.to_string() }
    }

    fn units_long(&self, n: u32, unit: Unit) -> String {
        if self.ja() { format!("{n}{}", unit.ja()) } else { format!("{n} {}", unit.en(n)) }
    }

    pub fn fee_base(&self, units: u32, unit: Unit, per: u32) -> String {
        if self.ja() {
            format!("基本 {}x{}", self.units_long(units, unit), self.yen(per))
        } else {
            format!("base {} x {}", self.units_long(units, unit), yen(per))
        }
    }

    pub fn fee_extra(&self, units: u32, unit: Unit, per: u32, extra_babies: u32) -> String {
        if self.ja() {
            format!("多胎加算 +{extra_babies}人 {}x{}", self.units_long(units, unit), self.yen(per))
        } else {
            let b = if extra_babies == 1 { "baby" } else { "babies" };
            format!("+{extra_babies} {b} {} x {}", self.units_long(units, unit), yen(per))
        }
    }

    /// `/日` or `/day`, `/visit`: the unit a fee is per, after the amount.
    pub fn per_unit(&self, unit: Unit) -> String {
        if self.ja() { format!("/{}", unit.ja()) } else { format!("/{}", unit.en(1)) }
    }

    /// Fewer units left than the type's shortest booking: why it cannot be chosen.
    pub fn too_few_left(&self, care: CareType, left: u32, shortest: u32) -> String {
        let unit = care.unit();
        if self.ja() {
            format!(
                "{}は残り{}のため選べません（最短でも{}必要です）",
                self.care_name(care),
                self.units_long(left, unit),
                self.units_long(shortest, unit)
            )
        } else {
            format!(
                "{} cannot be chosen: {} left, and the shortest booking takes {}",
                self.care_name(care),
                self.units_long(left, unit),
                self.units_long(shortest, unit)
            )
        }
    }

    /// The short form in the list of types.
    pub fn too_few_left_short(&self, left: u32, shortest: u32, unit: Unit) -> String {
        if self.ja() {
            format!(
                "残り{}（最短{}）選べません",
                self.units_long(left, unit),
                self.units_long(shortest, unit)
            )
        } else {
            format!(
                "{} left, needs {}",
                self.units_long(left, unit),
                self.units_long(shortest, unit)
            )
        }
    }

    /// `+` on a visit: a visit is one visit.
    pub fn visit_is_one(&self) -> &'static str {
        self.t("訪問は1回ずつの予約です", "A home visit is booked one visit at a time")
    }

    /// `+` at the limit: why the booking cannot be longer.
    pub fn longest_reached(&self, care: CareType, left: u32) -> String {
        let unit = care.unit();
        if self.ja() {
            format!("残りが{}のため、これ以上長くできません", self.units_long(left, unit))
        } else {
            format!("No longer: {} left of the limit", self.units_long(left, unit))
        }
    }

    pub fn fee_per_unit(&self, per: u32, unit: Unit) -> String {
        if self.ja() {
            format!("{}/{}", self.yen(per), unit.ja())
        } else {
            format!("{}/{}", self.yen(per), unit.en(1))
        }
    }

    pub fn left_of(&self, left: u32, limit: u32, unit: Unit) -> String {
        if self.ja() {
            format!("残り {} / 上限 {}", self.units_long(left, unit), self.units_long(limit, unit))
        } else {
            format!("{left} of {} left", self.units_long(limit, unit))
        }
    }

    pub fn none_left(&self, c: CareType) -> String {
        if self.ja() {
            format!("{}は利用上限に達しています。", self.care_short(c))
        } else {
            format!("No {} units left.", self.care_short(c))
        }
    }

    /// A care type's rule in a line: its limit (the dataset's wording in Japanese, the number
    /// in English; more for multiples where the programme gives more), the extra-baby fee, meals.
    pub fn care_detail(&self, c: CareType, rule: &CareTypeRule) -> String {
        let meals_ja = if rule.meals { "・食事あり" } else { "" };
        let meals_en = if rule.meals { ", meals included" } else { "" };
        let multiples = rule.limit_multiples.filter(|m| *m > rule.limit);
        if self.ja() {
            let more = multiples
                .map_or(String::new(), |m| format!("（多胎は{}）", self.units_long(m, c.unit())));
            format!(
                "上限 {}{more}・多胎は1人につき +{}/{}{meals_ja}",
                rule.limit_wording,
                self.yen(rule.fee.extra_baby_yen),
                c.unit().ja()
            )
        } else {
            let more = multiples.map_or(String::new(), |m| {
                format!(" ({} for multiples)", self.units_long(m, c.unit()))
            });
            format!(
                "limit {}{more}; each extra baby +{}/{}{meals_en}",
                self.units_long(rule.limit, c.unit()),
                self.yen(rule.fee.extra_baby_yen),
                c.unit().en(1)
            )
        }
    }

    pub fn length_text(&self, l: Length) -> String {
        match (l, self.ja()) {
            (Length::Nights(n), true) => format!("{n}泊{}日", n + 1),
            (Length::Nights(n), false) => {
                format!("{n} night{} ({} days)", if n == 1 { "" } else { "s" }, n + 1)
            }
            (Length::Days(n), true) => format!("{n}日"),
            (Length::Days(n), false) => format!("{n} day{}", if n == 1 { "" } else { "s" }),
            (Length::Visit, true) => "1回".into(),
            (Length::Visit, false) => "1 visit".into(),
        }
    }

    pub fn length_line(&self, l: Length) -> String {
        if self.ja() {
            format!("期間: {}", self.length_text(l))
        } else {
            format!("Length: {}", self.length_text(l))
        }
    }

    pub fn length_keys(&self, c: CareType) -> &'static str {
        match (c, self.ja()) {
            (CareType::Stay, true) => "+ - で泊数を変更",
            (CareType::Day, true) => "+ - で日数を変更",
            (CareType::Visit, true) => "訪問は1回ずつ予約します",
            (CareType::Stay, false) => "+ - change the nights",
            (CareType::Day, false) => "+ - change the days",
            (CareType::Visit, false) => "Visits are booked one at a time",
        }
    }

    /// `12/3(木)` / `Thu 12/3`.
    pub fn day_short(&self, d: NaiveDate) -> String {
        if self.ja() {
            format!("{}/{}({})", d.month(), d.day(), wd_ja(d))
        } else {
            format!("{} {}/{}", wd_en(d), d.month(), d.day())
        }
    }

    /// `2026年12月3日(木)` / `Thu 3 Dec 2026`.
    pub fn day_long(&self, d: NaiveDate) -> String {
        if self.ja() {
            format!("{}年{}月{}日({})", d.year(), d.month(), d.day(), wd_ja(d))
        } else {
            format!("{} {} {} {}", wd_en(d), d.day(), MONTHS_EN[d.month0() as usize], d.year())
        }
    }

    pub fn short_range(&self, a: NaiveDate, b: NaiveDate) -> String {
        let sep = if self.ja() { "～" } else { "-" };
        if a == b {
            format!("{}/{}", a.month(), a.day())
        } else {
            format!("{}/{}{sep}{}/{}", a.month(), a.day(), b.month(), b.day())
        }
    }

    pub fn month_title(&self, first: NaiveDate) -> String {
        if self.ja() {
            format!("{}年{}月", first.year(), first.month())
        } else {
            format!("{} {}", MONTHS_LONG_EN[first.month0() as usize], first.year())
        }
    }

    pub fn weekday_short(&self, i: usize) -> &'static str {
        if self.ja() {
            ["月", "火", "水", "木", "金", "土", "日"][i % 7]
        } else {
            ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][i % 7]
        }
    }

    fn ymd(d: NaiveDate) -> String {
        format!("{}/{}/{}", d.year(), d.month(), d.day())
    }

    /// `利用期間 2026/1/1～2026/5/1` / `Window 2026/1/1-2026/5/1`.
    pub fn window_line(&self, w: Window) -> String {
        if self.ja() {
            format!("利用期間 {}～{}", Self::ymd(w.first_day), Self::ymd(w.last_day))
        } else {
            format!("Window {}-{}", Self::ymd(w.first_day), Self::ymd(w.last_day))
        }
    }

    pub fn window_text(&self, id: &str, w: Window) -> String {
        if self.ja() {
            format!("{}～{}（{id}）", Self::ymd(w.first_day), Self::ymd(w.last_day))
        } else {
            format!("{} to {} ({id})", Self::ymd(w.first_day), Self::ymd(w.last_day))
        }
    }

    pub fn days_left(&self, w: Window, today: NaiveDate) -> String {
        let from = w.first_day.max(today);
        let n = w.last_day.signed_duration_since(from).num_days() + 1;
        if self.ja() { format!("残り{n}日") } else { format!("{n} days left") }
    }

    pub fn plan_dates(&self, p: &Plan) -> String {
        let length = match (p.care, p.units) {
            (CareType::Stay, u) => self.length_text(Length::Nights(u.saturating_sub(1))),
            (CareType::Day, u) => self.length_text(Length::Days(u)),
            (CareType::Visit, _) => self.length_text(Length::Visit),
        };
        let sep = if self.ja() { "～" } else { " to " };
        if p.first_day == p.last_day {
            format!("{} {length}", self.day_long(p.first_day))
        } else {
            format!("{}{sep}{} {length}", self.day_long(p.first_day), self.day_short(p.last_day))
        }
    }

    pub fn selection_line(&self, p: &Plan) -> String {
        if self.ja() {
            format!(
                "選択中: {} {}",
                self.care_short(p.care),
                self.short_range(p.first_day, p.last_day)
            )
        } else {
            format!(
                "Booking: {} {}",
                self.care_short(p.care),
                self.short_range(p.first_day, p.last_day)
            )
        }
    }

    /// What a booking's notice says about cancelling it: before the cutoff (and the last time
    /// the facility's phone is open before it, when that is earlier), or that any cancellation
    /// is late because it was booked after its own cutoff.
    pub fn cancel_notice(&self, n: &CancelNotice, unit: Unit) -> Vec<String> {
        let by = n.cancel_by;
        let one = self.units_long(n.late_units, unit);
        if n.already_late {
            return vec![if self.ja() {
                format!(
                    "取消期限（{} {}）を過ぎてからの予約のため、取消はすべて期限後の取消（{one}分を利用）になります。",
                    self.day_short(by.date()),
                    Self::hm(by)
                )
            } else {
                format!(
                    "Booked after its cancel deadline ({} on {}): any cancellation now uses up {one}.",
                    Self::hm(by),
                    self.day_short(by.date())
                )
            }];
        }
        let mut out = vec![self.cancel_by_line(by, n.late_units, unit)];
        if let Some(call) = n.last_call.filter(|c| c.end < by) {
            out.push(if self.ja() {
                format!(
                    "施設の電話は {} {} まで（それ以降は期限まで受付時間外）。",
                    self.day_short(call.end.date()),
                    Self::hm(call.end)
                )
            } else {
                format!(
                    "The facility's phone is open until {} on {}, then closed until the deadline.",
                    Self::hm(call.end),
                    self.day_short(call.end.date())
                )
            });
        }
        out
    }

    /// The booking code, to read over the phone.
    pub fn booking_code(&self, code: &str) -> String {
        if self.ja() { format!("予約番号 {code}") } else { format!("Booking code {code}") }
    }

    /// What the confirmation says the booking does, before it is made: it is recorded with the
    /// ward; the facility must be reserved separately, by its channels.
    pub fn records_with_ward(&self, channels: &str) -> String {
        if self.ja() {
            format!(
                "「予約する」で区の記録に登録します。施設への申込みは別に必要です（{channels}）。"
            )
        } else {
            format!(
                "\"Book\" records the booking with the ward. The facility must be reserved separately ({channels})."
            )
        }
    }

    /// What the confirmation says after the booking: what was done, and what remains.
    pub fn recorded_next_step(&self, channels: &str) -> String {
        if self.ja() {
            format!(
                "区の記録に登録しました。次に、施設へ{channels}で利用を申し込んでください（職員が申し込み済みの場合は不要です）。"
            )
        } else {
            format!(
                "Recorded with the ward. Next, reserve with the facility by {channels} (not needed if staff have already done so)."
            )
        }
    }

    /// `12/2(水) 11:00 より前に取消せば…` / `Cancel before 11:00 on Wed 12/2 …`.
    pub fn cancel_by_line(&self, by: NaiveDateTime, late_units: u32, unit: Unit) -> String {
        let one = self.units_long(late_units, unit);
        if self.ja() {
            format!(
                "取消は {} {} より前に（施設にも電話）。それ以降の取消は{one}分を利用したものとみなします。",
                self.day_short(by.date()),
                Self::hm(by)
            )
        } else {
            format!(
                "Cancel before {} on {} to keep it (and phone the facility); later, {one} is used up.",
                Self::hm(by),
                self.day_short(by.date())
            )
        }
    }

    pub fn cancel_state(&self, by: NaiveDateTime, late: bool) -> String {
        match (self.ja(), late) {
            (true, false) => format!("取消期限 {} {}", self.day_short(by.date()), Self::hm(by)),
            (true, true) => {
                format!("取消期限 {} {} を過ぎています", self.day_short(by.date()), Self::hm(by))
            }
            (false, false) => {
                format!("cancel before {} on {}", Self::hm(by), self.day_short(by.date()))
            }
            (false, true) => {
                format!(
                    "past the cancel deadline ({} on {})",
                    Self::hm(by),
                    self.day_short(by.date())
                )
            }
        }
    }

    pub fn cancel_outcome(&self, by: NaiveDateTime, o: &CancelOutcome, unit: Unit) -> String {
        let charged = self.units_long(o.units_charged, unit);
        let when = if self.ja() {
            format!("{}{}", self.day_short(by.date()), Self::hm(by))
        } else {
            format!("{} {}", self.day_short(by.date()), Self::hm(by))
        };
        match (self.ja(), o.late) {
            (true, false) => format!("期限内の取消です（期限 {when}）。利用日数は減りません。"),
            (true, true) => format!(
                "期限（{when}）を過ぎた取消です。{charged}分を利用したものとみなし、残りが減ります。"
            ),
            (false, false) => format!("On time (deadline {when}): nothing is used up."),
            (false, true) => format!("Late (deadline was {when}): {charged} used up."),
        }
    }

    pub fn phone_the_facility(&self, phones: &str) -> String {
        if self.ja() {
            format!("施設にも必ず電話で連絡してください: {phones}")
        } else {
            format!("Please also phone the facility: {phones}")
        }
    }

    pub fn cancelled_flash(&self, o: &CancelOutcome, unit: Unit, phones: &[String]) -> String {
        let p = phones.join(", ");
        let charged = self.units_long(o.units_charged, unit);
        match (self.ja(), o.late) {
            (true, false) => format!("取消しました（期限内）。施設にも電話してください: {p}"),
            (true, true) => {
                format!("取消しました（期限後: {charged}分を利用）。施設にも電話してください: {p}")
            }
            (false, false) => format!("Cancelled on time. Please also phone the facility: {p}"),
            (false, true) => {
                format!("Cancelled late ({charged} used). Please also phone the facility: {p}")
            }
        }
    }

    pub fn cannot_cancel(&self, st: Status) -> String {
        if self.ja() {
            format!("この予約は取消できません（{}）。", st.ja())
        } else {
            format!("This booking cannot be cancelled ({}).", st.en())
        }
    }

    pub fn charged(&self, n: u32, unit: Unit) -> String {
        if self.ja() {
            format!("期限後の取消: {}分を利用したものとみなしました", self.units_long(n, unit))
        } else {
            format!("late cancellation: {} used up", self.units_long(n, unit))
        }
    }

    pub fn status(&self, st: Status) -> &'static str {
        if self.ja() { st.ja() } else { st.en() }
    }

    /// A booking's status as of `today`, marked 後日記録 when it or its cancellation was
    /// entered more than 10 minutes after the moment it records.
    pub fn booking_status(&self, b: &Booking, today: NaiveDate) -> String {
        let st = self.status(b.status_at(today));
        if b.entered_late() || b.cancel_entered_late() {
            format!("{st} {}", self.t("後日記録", "entered late"))
        } else {
            st.to_string()
        }
    }

    pub fn booking_number(&self, id: &str) -> String {
        if self.ja() { format!("予約番号 {id}") } else { format!("Booking {id}") }
    }

    /// Why the rules refuse a booking, in words.
    pub fn refusal(&self, r: &Refusal) -> String {
        let d = |d: &NaiveDate| Self::ymd(*d);
        if !self.ja() {
            return match r {
                Refusal::NotOffered(c) => {
                    format!("The facility does not offer {}.", self.care_short(*c))
                }
                Refusal::NoPeriod(c) => {
                    format!("The facility has no window for {}.", self.care_short(*c))
                }
                Refusal::PeriodOutOfRange => {
                    "The window cannot be computed for this birth date.".into()
                }
                Refusal::InPast { start, today } => {
                    format!("{} is in the past (today is {}).", d(start), d(today))
                }
                Refusal::BeforeWindow { start, first_day } => {
                    format!("{} is before the window starts ({}).", d(start), d(first_day))
                }
                Refusal::AfterWindow { end, last_day } => {
                    format!("It would end on {}, after the window ends ({}).", d(end), d(last_day))
                }
                Refusal::OverLimit(o) => format!(
                    "Over the limit: {} needed, {} of {} left.",
                    self.units_long(o.requested, o.care.unit()),
                    o.remaining,
                    self.units_long(o.limit, o.care.unit())
                ),
                Refusal::NoBaby => "At least 1 baby is needed.".into(),
                Refusal::Overlaps { first_day, last_day } => format!(
                    "She already has care booked {} to {}: one booking a day.",
                    d(first_day),
                    d(last_day)
                ),
            };
        }
        match r {
            Refusal::NotOffered(c) => {
                format!("この施設では{}を利用できません。", self.care_short(*c))
            }
            Refusal::NoPeriod(c) => {
                format!("この施設には{}の利用期間がありません。", self.care_short(*c))
            }
            Refusal::PeriodOutOfRange => "この出生日では利用期間を計算できません。".into(),
            Refusal::InPast { start, today } => {
                format!("{}は過去の日付です（今日は{}）。", d(start), d(today))
            }
            Refusal::BeforeWindow { start, first_day } => {
                format!("{}は利用期間の始まり（{}）より前です。", d(start), d(first_day))
            }
            Refusal::AfterWindow { end, last_day } => {
                format!("終わりの日{}が利用期間の終わり（{}）を過ぎます。", d(end), d(last_day))
            }
            Refusal::OverLimit(o) => format!(
                "利用上限を超えます: {}必要、残り{}（上限{}）。",
                self.units_long(o.requested, o.care.unit()),
                self.units_long(o.remaining, o.care.unit()),
                self.units_long(o.limit, o.care.unit())
            ),
            Refusal::NoBaby => "子の人数が必要です。".into(),
            Refusal::Overlaps { first_day, last_day } => {
                format!("{}～{}の予約と重なります（1日に1件まで）。", d(first_day), d(last_day))
            }
        }
    }

    pub fn resident_summary(&self, r: &Resident) -> String {
        let mut parts = vec![r.id.clone()];
        if self.ja() {
            parts.push(format!("出生 {}", Self::ymd(r.birth)));
            if r.babies > 1 {
                parts.push(format!("子{}人", r.babies));
            }
            if r.corrected {
                parts.push("修正月齢".into());
            }
            if r.exempt {
                parts.push("免除".into());
            }
        } else {
            parts.push(format!("born {}", Self::ymd(r.birth)));
            if r.babies > 1 {
                parts.push(format!("{} babies", r.babies));
            }
            if r.corrected {
                parts.push("corrected age".into());
            }
            if r.exempt {
                parts.push("exempt".into());
            }
        }
        parts.join(" ")
    }

    pub fn resident_unknown(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者番号 {id} は登録されていません。")
        } else {
            format!("User number {id} is not registered.")
        }
    }

    pub fn not_registered(&self, id: &str) -> String {
        if self.ja() {
            format!(
                "利用者番号 {id} は未登録です。出生日などを入力して登録してください（F2 で検索に戻る）。"
            )
        } else {
            format!(
                "User number {id} is not registered yet: fill in the birth date to register (F2 to search again)."
            )
        }
    }

    pub fn already_registered(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者番号 {id} は登録済みです（F2 で検索）。")
        } else {
            format!("User number {id} is already registered (F2 to find it).")
        }
    }

    pub fn bad_date(&self, field: &str) -> String {
        if self.ja() {
            format!("{field}を 2026-11-20 の形で入力してください。")
        } else {
            format!("Type the {field} as 2026-11-20.")
        }
    }

    pub fn resident_chosen(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者 {id} を選びました。")
        } else {
            format!("Resident {id} chosen.")
        }
    }

    pub fn current_resident(&self, id: &str) -> String {
        if self.ja() {
            format!("いまの利用者: {id}")
        } else {
            format!("Current resident: {id}")
        }
    }

    pub fn field_label(&self, f: Field) -> &'static str {
        match (f, self.ja()) {
            (Field::Number, true) => "利用者番号",
            (Field::Birth, true) => "出生日",
            (Field::Due, true) => "出産予定日",
            (Field::Babies, true) => "子の人数",
            (Field::Corrected, true) => "修正月齢",
            (Field::Exempt, true) => "利用料免除",
            (Field::Number, false) => "User number",
            (Field::Birth, false) => "Birth date",
            (Field::Due, false) => "Due date",
            (Field::Babies, false) => "Babies",
            (Field::Corrected, false) => "Corrected age",
            (Field::Exempt, false) => "Fee exempt",
        }
    }

    pub fn check(&self, on: bool) -> String {
        match (on, self.ja()) {
            (true, true) => "[x] はい".into(),
            (false, true) => "[ ] いいえ".into(),
            (true, false) => "[x] yes".into(),
            (false, false) => "[ ] no".into(),
        }
    }

    pub fn yes_label(&self, chosen: bool) -> String {
        let mark = if chosen { "x" } else { " " };
        if self.ja() { format!("{mark} はい") } else { format!("{mark} yes") }
    }

    pub fn no_label(&self, chosen: bool) -> String {
        let mark = if chosen { "x" } else { " " };
        if self.ja() { format!("{mark} いいえ") } else { format!("{mark} no") }
    }

    pub fn step_name(&self, s: Step) -> &'static str {
        match (s, self.ja()) {
            (Step::Resident, true) => "利用者",
            (Step::Screening, true) => "体調の確認",
            (Step::Care, true) => "種類",
            (Step::Facility, true) => "施設",
            (Step::Dates, true) => "日程",
            (Step::Confirm, true) => "確認",
            (Step::Resident, false) => "Resident",
            (Step::Screening, false) => "Health",
            (Step::Care, false) => "Type",
            (Step::Facility, false) => "Facility",
            (Step::Dates, false) => "Dates",
            (Step::Confirm, false) => "Confirm",
        }
    }

    pub fn step_hint(&self, s: Step) -> &'static str {
        match (s, self.ja()) {
            (Step::Resident, true) => "Tab・上下で項目  F2 検索/新規",
            (Step::Screening, true) => "y はい  n いいえ",
            (Step::Care, true) | (Step::Facility, true) => "上下で選ぶ",
            (Step::Dates, true) => "矢印で日付  + - で長さ",
            (Step::Confirm, true) => "y でも予約できます",
            (Step::Resident, false) => "Tab/Up/Down fields  F2 find/register",
            (Step::Screening, false) => "y yes  n no",
            (Step::Care, false) | (Step::Facility, false) => "Up/Down choose",
            (Step::Dates, false) => "arrows: day  + -: length",
            (Step::Confirm, false) => "y books too",
        }
    }

    pub fn review_title(&self) -> &'static str {
        self.t("予約への影響を確認", "Effects on her bookings")
    }

    pub fn review_intro(&self) -> &'static str {
        self.t(
            "この変更は次の予約に影響します。期間外になる予約は、取り消すか保持するかを選んでから保存してください。",
            "This change affects the bookings below. For each that falls outside her period, choose to keep or cancel it, then save.",
        )
    }

    pub fn fee_change(&self, from: u32, to: u32) -> String {
        if self.ja() {
            format!("利用料 {} → {}", self.yen(from), self.yen(to))
        } else {
            format!("fee {} -> {}", self.yen(from), self.yen(to))
        }
    }

    pub fn keep_or_cancel(&self, cancel: bool) -> &'static str {
        match (self.ja(), cancel) {
            (true, false) => "[保持する]  取消（Space で切替）",
            (true, true) => "保持  [取り消す]（Space で切替）",
            (false, false) => "[keep]  cancel (Space switches)",
            (false, true) => "keep  [cancel] (Space switches)",
        }
    }

    pub fn review_keys(&self) -> &'static str {
        self.t(
            "上下 予約  Space 保持/取消  Enter 保存  Esc 戻る",
            "Up/Down booking  Space keep/cancel  Enter save  Esc back",
        )
    }

    pub fn saved_with_effects(
        &self,
        id: &str,
        fees: usize,
        kept: usize,
        cancelled: usize,
    ) -> String {
        if self.ja() {
            let mut s = format!(
                "{id} を保存しました（利用料の変更 {fees}件、期間外の保持 {kept}件、取消 {cancelled}件）"
            );
            if cancelled > 0 {
                s.push_str("。取り消した予約は施設にも電話してください");
            }
            s
        } else {
            let mut s = format!(
                "Saved {id} ({fees} fee changes, {kept} kept outside the period, {cancelled} cancelled)"
            );
            if cancelled > 0 {
                s.push_str(". Phone the facilities of the cancelled bookings");
            }
            s
        }
    }

    /// The banner on every screen of the practice store.
    pub fn practice_banner(&self) -> &'static str {
        if self.ja() {
            "練習 (本番データではありません)"
        } else {
            "練習 PRACTICE (not live data)"
        }
    }

    /// The mode shown at the left of the status line.
    pub fn mode(&self, app: &App) -> String {
        let ja = self.ja();
        match app.session.screen {
            Screen::Main if app.session.browser.searching => {
                (if ja { "検索" } else { "Search" }).into()
            }
            Screen::Main if app.session.browser.detail => {
                (if ja { "施設詳細" } else { "Facility" }).into()
            }
            Screen::Main => (if ja { "一覧" } else { "Browse" }).into(),
            Screen::Bookings => self.bookings_title.into(),
            Screen::Resident => self.resident_title.into(),
            Screen::Identify => app.t("identify-title"),
            Screen::Info => app.t("guide-title"),
            Screen::Registry => self.registry_title().into(),
            Screen::Day if app.session.day_view.week => self.week_title().into(),
            Screen::Day => self.day_title().into(),
            Screen::Report => self.report_title().into(),
            Screen::Review => self.review_mode().into(),
            Screen::Wizard => match &app.session.wizard {
                Some(w) => format!(
                    "{} {}/6 {}",
                    self.wizard_title,
                    w.step.number(),
                    self.step_name(w.step)
                ),
                None => self.wizard_title.into(),
            },
        }
    }

    /// `2026/12/1(火) 10:15` / `Tue 2026-12-01 10:15`.
    pub fn clock(&self, now: NaiveDateTime) -> String {
        let d = now.date();
        if self.ja() {
            format!("{}({}) {}", Self::ymd(d), wd_ja(d), now.format("%H:%M"))
        } else {
            format!("{} {} {}", wd_en(d), d.format("%Y-%m-%d"), now.format("%H:%M"))
        }
    }

    pub fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        if self.ja() {
            format!(
                "画面が小さすぎます。ウィンドウを {min_w}x{min_h} 以上に広げてください（いま {w}x{h}）。\nPlease enlarge the window to at least {min_w}x{min_h}."
            )
        } else {
            format!(
                "The window is too small. Please enlarge it to at least {min_w}x{min_h} (now {w}x{h}).\n画面を {min_w}x{min_h} 以上に広げてください。"
            )
        }
    }
}

/// Words shared by every screen that are not yet in the message files (`crate::i18n`); the
/// kiosk's own words are there.
impl Strings {
    fn t(&self, ja: &'static str, en: &'static str) -> &'static str {
        if self.ja() { ja } else { en }
    }

    /// The daily check found the store damaged: writes are refused until it is repaired.
    pub fn store_damaged(&self) -> &'static str {
        self.t(
            "データベースの破損が見つかりました。予約と変更を止めています。`sango store repair` を実行してください。",
            "The database is damaged: bookings and changes are stopped. Run `sango store repair`.",
        )
    }

    /// The programme's name (北区 産後ケア) in the screen's language.
    pub fn kiosk_title<'a>(&self, p: &'a Programme) -> &'a str {
        self.text(&p.name)
    }

    /// The app's name on the top line: the programme's, and what the app does.
    pub fn app_title(&self, p: &Programme) -> String {
        if self.ja() {
            format!("{} 予約", self.text(&p.name))
        } else {
            self.text(&p.name).to_string()
        }
    }

    /// Who pays no fee: the dataset's words in the screen's language; where it has none in
    /// that language, the rule itself made from the dataset's list of households.
    pub fn exemption_text(&self, e: &FeeExemption) -> String {
        if let Some(w) = e.wording.exactly(self.lang.tag()) {
            return w.to_string();
        }
        let households: Vec<&str> = e.households.iter().map(|h| self.text(h)).collect();
        format!("These households pay 0 yen: {}.", households.join(", "))
    }

    /// How to apply: the dataset's words in the screen's language, else its rule's values.
    pub fn application_text(&self, a: &Application) -> String {
        if let Some(w) = a.wording.exactly(self.lang.tag()) {
            return w.to_string();
        }
        format!(
            "Apply from week {} of pregnancy. The coupon takes about {} business days.",
            a.opens_at_weeks, a.coupon_business_days
        )
    }
}

/// Staff words: the registry, the day and week views, the report, the export.
impl Strings {
    pub fn registry_title(&self) -> &'static str {
        self.t("利用者名簿", "Registry")
    }

    pub fn registry_count(&self, shown: usize, all: usize) -> String {
        if self.ja() { format!("{shown}/{all}人") } else { format!("{shown}/{all}") }
    }

    pub fn registry_filter(&self) -> &'static str {
        self.t("番号で絞り込み(/):", "Find number (/):")
    }

    /// Column heads: number, birth, babies, flags, active bookings.
    pub fn registry_cols(&self) -> [&'static str; 5] {
        if self.ja() {
            ["利用者番号", "出生日", "子", "区分", "予約"]
        } else {
            ["User no.", "Born", "Bb", "Flags", "Bkd"]
        }
    }

    pub fn flag_corrected(&self) -> &'static str {
        self.t("修", "C")
    }

    pub fn flag_exempt(&self) -> &'static str {
        self.t("免", "E")
    }

    pub fn registry_empty(&self) -> &'static str {
        self.t("登録された利用者はいません（F2 で登録）", "No residents yet (F2 registers)")
    }

    pub fn registry_no_match(&self) -> &'static str {
        self.t("この番号の利用者はいません（Esc で解除）", "No user number matches (Esc clears)")
    }

    pub fn registry_hints(&self) -> &'static str {
        self.t(
            "/ 絞込 Enter 編集 F2 新規 u 選択 Esc 戻る",
            "/ find Enter edit F2 new u choose Esc back",
        )
    }

    pub fn registry_form_hints(&self) -> &'static str {
        self.t("Enter 保存  Esc 取消", "Enter saves  Esc cancels")
    }

    pub fn corrected_needs_due(&self) -> &'static str {
        self.t(
            "修正月齢で数えるには出産予定日が必要です。",
            "Counting from the due date (corrected age) needs a due date.",
        )
    }

    pub fn help_scroll(&self) -> &'static str {
        self.t("上下でスクロール", "Up/Down scroll")
    }

    pub fn edit_title(&self) -> &'static str {
        self.t("登録内容の変更", "Edit resident")
    }

    pub fn editing_resident(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者番号 {id} の登録内容を変更します。Enter で保存、Esc で取り消し。")
        } else {
            format!("Editing user number {id}. Enter saves, Esc cancels.")
        }
    }

    pub fn saved_resident(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者 {id} を保存しました。")
        } else {
            format!("Resident {id} saved.")
        }
    }

    pub fn registered_resident(&self, id: &str) -> String {
        if self.ja() {
            format!("利用者 {id} を登録しました。")
        } else {
            format!("Resident {id} registered.")
        }
    }

    pub fn found_resident(&self, id: &str) -> String {
        if self.ja() { format!("利用者 {id} です。") } else { format!("Resident {id}.") }
    }

    pub fn record_times(&self, created: NaiveDateTime, updated: NaiveDateTime) -> String {
        let f = |t: NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
        if self.ja() {
            format!("登録 {}  更新 {}", f(created), f(updated))
        } else {
            format!("added {}  changed {}", f(created), f(updated))
        }
    }

    pub fn no_bookings_short(&self) -> &'static str {
        self.t("予約はありません", "No bookings")
    }

    pub fn day_title(&self) -> &'static str {
        self.t("日別の予約", "By day")
    }

    pub fn week_title(&self) -> &'static str {
        self.t("施設の週間予約", "Facility week")
    }

    /// Column heads: who, where, type, dates, status.
    pub fn day_cols(&self) -> [&'static str; 5] {
        if self.ja() {
            ["利用者", "施設", "種類", "日程", "状態"]
        } else {
            ["Resident", "Facility", "Type", "Dates", "Status"]
        }
    }

    pub fn booking_count(&self, n: usize) -> String {
        if self.ja() {
            format!("利用 {n}件（取消を除く）")
        } else {
            format!("{n} in use (cancelled left out)")
        }
    }

    pub fn day_none(&self) -> &'static str {
        self.t("この日の予約はありません", "No bookings on this day")
    }

    pub fn week_none(&self) -> &'static str {
        self.t("この週の予約はありません", "No bookings this week")
    }

    pub fn week_count(&self) -> &'static str {
        self.t("件数", "count")
    }

    pub fn day_hints(&self) -> &'static str {
        self.t(
            "左右 日  PgUp PgDn 週  . 今日  上下 行  Tab 施設の週間  Esc 戻る",
            "Left/Right day  PgUp/PgDn week  . today  Up/Down row  Tab facility week  Esc back",
        )
    }

    pub fn week_hints(&self) -> &'static str {
        self.t(
            "左右 週  上下 施設  . 今週  Tab 日別  Esc 戻る",
            "Left/Right week  Up/Down facility  . this week  Tab by day  Esc back",
        )
    }

    pub fn report_title(&self) -> &'static str {
        self.t("月次報告", "Monthly report")
    }

    /// Column heads: facility, uses, stay days, day-care days, visits, fees, late cancels.
    pub fn report_cols(&self) -> [&'static str; 7] {
        if self.ja() {
            ["施設", "件数", "宿泊日", "日帰日", "訪問", "利用料", "期限後取消"]
        } else {
            ["Facility", "Uses", "Stay d", "Day d", "Visit", "Fees", "Late/units"]
        }
    }

    pub fn report_period(&self, first: NaiveDate, last: NaiveDate) -> String {
        if self.ja() {
            format!("{}～{}（開始日の月に計上）", Self::ymd(first), Self::ymd(last))
        } else {
            format!("{} to {} (by the month of the first day)", Self::ymd(first), Self::ymd(last))
        }
    }

    pub fn report_total(&self) -> &'static str {
        self.t("合計", "Total")
    }

    pub fn report_none(&self) -> &'static str {
        self.t("この月の利用はありません", "No use this month")
    }

    pub fn report_note(&self) -> &'static str {
        self.t(
            "件数は期限後取消を含み、日数・回数・利用料は含みません。期限後取消は件数/計上単位。",
            "Uses include late cancellations; days, visits and fees do not. Late: count/units.",
        )
    }

    pub fn report_hints(&self) -> &'static str {
        self.t(
            "左右・[ ] で月  . 今月  上下でスクロール  Esc 戻る",
            "Left/Right or [ ] month  . this month  Up/Down scroll  Esc back",
        )
    }

    pub fn export_title(&self) -> &'static str {
        self.t("書き出し", "Export")
    }

    pub fn export_intro(&self) -> &'static str {
        self.t(
            "すべての予約を、データフォルダの exports に書き出します。形式を選んで Enter。",
            "Every booking, written into the data folder's exports. Choose a format, Enter.",
        )
    }

    pub fn export_format(&self, f: crate::store::ExportFormat) -> &'static str {
        use crate::store::ExportFormat as F;
        match f {
            F::Json => self.t("JSON（他の端末へ取り込む）", "JSON (to import on another terminal)"),
            F::Csv => self.t("CSV（Excel で開く）", "CSV (for Excel)"),
            F::Ics => self.t("iCalendar（カレンダーに読み込む）", "iCalendar (for calendars)"),
        }
    }

    pub fn export_done(&self) -> &'static str {
        self.t("書き出しました:", "Written:")
    }

    pub fn export_no_dir(&self) -> &'static str {
        self.t("データフォルダがないため書き出せません。", "There is no data folder to write into.")
    }

    pub fn export_hints(&self) -> &'static str {
        self.t("上下で選ぶ  Enter 書き出す  Esc 閉じる", "Up/Down choose  Enter write  Esc close")
    }
}

/// Keeping the screens current with the store (see `tui::refresh`).
impl Strings {
    /// The status line's time of the data on screen: `更新 10:42:05` / `data as of 10:42:05`.
    pub fn data_as_of(&self, t: NaiveDateTime) -> String {
        let hms = t.format("%H:%M:%S");
        if self.ja() { format!("更新 {hms}") } else { format!("data as of {hms}") }
    }

    /// After Ctrl-R.
    pub fn refreshed(&self, t: NaiveDateTime) -> String {
        let hms = t.format("%H:%M:%S");
        if self.ja() {
            format!("最新の内容を読み込みました（{hms}）。")
        } else {
            format!("Reloaded from the store ({hms}).")
        }
    }

    /// The end of the top line when not every key fits: `?` shows the rest.
    pub fn title_more_keys(&self) -> &'static str {
        self.t("?:その他", "?:more keys")
    }

    /// A cancel question closed because the booking was cancelled elsewhere meanwhile.
    pub fn changed_elsewhere(&self) -> &'static str {
        self.t(
            "この予約は別の端末で変更されました。一覧を確認してください。",
            "This booking was changed at another terminal. Please check the list.",
        )
    }
}

/// The store's connection and answers still to come (see `tui::store_worker`).
impl Strings {
    /// The status line while the store opens or an answer is late.
    pub fn connecting(&self) -> &'static str {
        self.t("接続中", "Connecting")
    }

    /// The status line after the connection to the store was lost, until it is back.
    pub fn reconnecting(&self) -> &'static str {
        self.t("再接続中", "Reconnecting")
    }

    /// A change asked again while the same one is still being recorded.
    pub fn store_working(&self) -> &'static str {
        self.t("記録しています。お待ちください。", "Saving: please wait.")
    }

    /// The booking button while the booking is being recorded.
    pub fn recording(&self) -> &'static str {
        self.t("記録中", "Recording")
    }

    /// The confirmation step while the booking is being recorded.
    pub fn booking_working(&self) -> &'static str {
        self.t("予約を記録しています。お待ちください。", "Recording the booking: please wait.")
    }

    /// A change whose connection was lost on the way: it may or may not have been made.
    pub fn not_confirmed(&self) -> &'static str {
        self.t(
            "接続が切れたため、記録されたか確認できません。予約一覧を確認してください。",
            "The connection was lost: it is not confirmed whether this was recorded. Check the bookings.",
        )
    }
}

/// A terminal working through a ward's server (see `tui::server_link`, `tui::signin`,
/// `tui::review_view`).
impl Strings {
    /// The status line's link: `オンライン 送信待ち0件` / `online, 0 waiting`; offline, since
    /// when; the review list and a missing sign-in when there are. (The data's age is said
    /// with each provisional change: the line has no room for it at 80 columns.)
    pub fn server_link(&self, link: &ServerLink) -> String {
        let Some(st) = &link.state else {
            return self.t("サーバー確認中", "checking the server").to_string();
        };
        let ja = self.ja();
        let mut parts = vec![match &st.offline_since {
            None if ja => "オンライン".to_string(),
            None => "online".to_string(),
            Some(since) if ja => format!("オフライン({}から)", hm(since)),
            Some(since) => format!("offline since {}", hm(since)),
        }];
        parts.push(if ja {
            format!("送信待ち{}件", st.pending)
        } else {
            format!("{} waiting", st.pending)
        });
        if st.review > 0 {
            parts.push(if ja {
                format!("要確認{}件(v)", st.review)
            } else {
                format!("{} review (v)", st.review)
            });
        }
        if link.needs_sign_in() {
            parts.push(self.t("未サインイン(s)", "not signed in (s)").to_string());
        }
        parts.join(if ja { " " } else { ", " })
    }

    pub fn signin_title(&self) -> &'static str {
        self.t("サインイン", "Sign in")
    }

    pub fn signin_intro(&self) -> &'static str {
        self.t(
            "この端末はサーバー経由で予約します。記録の前に職員IDとパスワードでサインインしてください。",
            "This terminal books through the ward's server. Sign in with your staff ID and password before recording anything.",
        )
    }

    pub fn signin_id(&self) -> &'static str {
        self.t("職員ID", "Staff ID")
    }

    pub fn signin_password(&self) -> &'static str {
        self.t("パスワード", "Password")
    }

    pub fn signin_button(&self) -> &'static str {
        self.t("サインイン", "Sign in")
    }

    pub fn signin_working(&self) -> &'static str {
        self.t("サーバーに確認しています…", "Asking the server...")
    }

    pub fn signin_incomplete(&self) -> &'static str {
        self.t("職員IDとパスワードを入力してください。", "Type your staff ID and password.")
    }

    /// The server ended the sign-in (idle, restarted): what waits is sent after a new one.
    pub fn signin_needed(&self) -> &'static str {
        self.t(
            "サインインが終了しました。もう一度サインインしてください（未送信の変更は保たれています）。",
            "The sign-in has ended: please sign in again (changes not yet sent are kept).",
        )
    }

    /// A write asked with nobody signed in: nothing was sent.
    pub fn signin_first(&self) -> &'static str {
        self.t(
            "記録の前にサインインしてください（まだ何も送っていません）。",
            "Sign in before recording (nothing was sent).",
        )
    }

    pub fn signin_skipped(&self) -> &'static str {
        self.t(
            "サインインせずに閲覧します。記録するには s でサインインしてください。",
            "Browsing without a sign-in: press s to sign in before recording.",
        )
    }

    pub fn signed_in_as(&self, id: &str) -> String {
        let id = crate::visible::one_line(id);
        if self.ja() {
            format!("{id} でサインインしました。")
        } else {
            format!("Signed in as {id}.")
        }
    }

    pub fn provisional_title(&self) -> &'static str {
        self.t("仮予約（未確定）", "Provisional booking (not confirmed)")
    }

    /// A booking kept in the outbox: never to be taken for a confirmed one.
    pub fn provisional_booked(&self, as_of: Option<&str>) -> String {
        let asof = as_of.map_or("-", hm);
        if self.ja() {
            format!(
                "仮予約: サーバーに接続できません。接続したときにサーバーが決定します（データ{asof}時点）。"
            )
        } else {
            format!(
                "Provisional (仮予約): the server will decide when it is reached (data as of {asof})."
            )
        }
    }

    pub fn provisional_cancelled(&self, as_of: Option<&str>) -> String {
        let asof = as_of.map_or("-", hm);
        if self.ja() {
            format!("仮取消: 接続したときにサーバーが決定します（データ{asof}時点）。")
        } else {
            format!(
                "Provisional cancellation: the server will decide when it is reached (data as of {asof})."
            )
        }
    }

    /// The bookings view's section of provisional bookings waiting in the outbox.
    pub fn waiting_title(&self) -> &'static str {
        self.t(
            "送信待ち（サーバーに接続したときに決定します）",
            "Waiting to be sent (the server decides when it is reached)",
        )
    }

    pub fn provisional_mark(&self) -> &'static str {
        self.t("仮予約", "provisional")
    }

    pub fn provisional_cancel_mark(&self) -> &'static str {
        self.t("仮取消", "cancel waiting")
    }

    pub fn cancel_already_waiting(&self) -> &'static str {
        self.t("取消は送信待ちです。", "Its cancellation waits.")
    }

    pub fn review_mode(&self) -> &'static str {
        self.t("要確認", "Review")
    }

    pub fn review_list_title(&self, n: usize) -> String {
        if self.ja() {
            format!("要確認 - サーバーが拒否した変更 {n}件")
        } else {
            format!("Review - changes the server refused: {n}")
        }
    }

    pub fn review_empty(&self) -> &'static str {
        self.t("確認が必要な変更はありません。", "Nothing waits for review.")
    }

    pub fn review_no_server(&self) -> &'static str {
        self.t(
            "要確認の一覧はサーバー経由の端末にあります。",
            "The review list is kept by a terminal that works through a server.",
        )
    }

    pub fn review_when(&self, made: &str, refused: &str) -> String {
        let (made, refused) =
            (made.get(..16).unwrap_or(made), refused.get(..16).unwrap_or(refused));
        if self.ja() {
            format!("作成 {made}  拒否 {refused}")
        } else {
            format!("made {made}  refused {refused}")
        }
    }

    /// The resolutions in the order of `review_view::RESOLUTIONS`.
    pub fn review_resolutions(&self) -> [&'static str; 3] {
        if self.ja() {
            ["メモ", "取消済み", "予約し直し"]
        } else {
            ["note", "cancelled", "rebooked"]
        }
    }

    pub fn review_fields(&self) -> [&'static str; 3] {
        if self.ja() {
            ["対応", "メモ", "新しい予約ID"]
        } else {
            ["Resolution", "Note", "New booking"]
        }
    }

    pub fn review_note_needed(&self) -> &'static str {
        self.t("メモを入力してください。", "Type a note.")
    }

    pub fn review_resolved(&self) -> &'static str {
        self.t("対応をサーバーに記録しました。", "The resolution is recorded on the server.")
    }

    pub fn review_list_keys(&self) -> &'static str {
        self.t(
            "↑↓:選択 Enter:対応を記録 Ctrl+R:同期 Esc:戻る",
            "Up/Down:choose Enter:resolve Ctrl+R:sync Esc:back",
        )
    }

    pub fn review_form_keys(&self) -> &'static str {
        self.t(
            "↑↓:項目 ←→:対応を選ぶ Enter:記録 Esc:やめる",
            "Up/Down:field Left/Right:resolution Enter:record Esc:cancel",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn all_fixed(s: &Strings) -> Vec<&'static str> {
        let mut v = vec![
            s.title_hints,
            s.calendar_legend,
            s.screening_stop,
            s.holiday_confirm,
            s.shared_room,
            s.no_match,
        ];
        for (k, d) in s.keys() {
            v.push(k);
            v.push(d);
        }
        v.extend(s.registry_cols());
        v.extend(s.day_cols());
        v.extend(s.report_cols());
        v.extend([
            s.registry_hints(),
            s.registry_empty(),
            s.day_hints(),
            s.week_hints(),
            s.report_note(),
            s.report_hints(),
            s.export_intro(),
            s.export_hints(),
            s.corrected_needs_due(),
            s.title_more_keys(),
            s.changed_elsewhere(),
            s.connecting(),
            s.reconnecting(),
            s.store_working(),
            s.booking_working(),
            s.recording(),
            s.not_confirmed(),
        ]);
        v
    }

    #[test]
    fn no_ambiguous_width_symbols() {
        for s in [&JA, &EN] {
            for t in all_fixed(s) {
                assert_eq!(t.width(), t.width_cjk(), "{t}");
            }
        }
    }

    #[test]
    fn both_languages_list_the_same_keys() {
        assert_eq!(JA.keys().len(), EN.keys().len());
    }

    #[test]
    fn lang_parses() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("ja"), Some(Lang::Ja));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::Ko.strings().lang, Lang::En);
        assert_eq!(Lang::JaEasy.strings().lang, Lang::Ja);
    }
}
