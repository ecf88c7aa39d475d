//! Synthetic load for benchmarks: a valid dataset of many facilities, deterministic from a seed.
//!
//! Randomness comes from [`Rng`], a tiny SplitMix64 generator written here (no RNG crate): the
//! same seed gives the same dataset on every machine and every version of the dependencies.
//! Facilities mix every period kind ([`Period`]), every phone-hours shape the flyer uses (one
//! range, split morning and afternoon, a short Saturday, every day, and ranges that run to
//! midnight and on after it) and every exclusion kind ([`Exclusion`]), with every reservation
//! channel. The programme (care types, fees, cancellation…) is the embedded Kita City one.

use crate::i18n::{Locale::Ja, words};
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::dataset::{self, Channel, Dataset, Facility, PeriodEntry, Reservation, Text};
use crate::domain::booking::{self, Taken};
use crate::domain::booking_code;
use crate::domain::care::{CareType, Length};
use crate::domain::hours::{ClockTime, Day, Exclusion, MonthDay, PhoneHours, WeeklyRange};
use crate::domain::limits::Quota;
use crate::domain::period::{self, Period};
use crate::store::bulk;
use crate::store::events::CancelData;
use crate::store::{Booking, Resident, Status, StoreError};

/// SplitMix64 (Steele, Lea and Flood 2014; the constants of Vigna's reference version): small,
/// fast and good enough to make varied test data. Not for anything secret.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one part of the data, independent of the others (so that adding a field
    /// to facilities does not change the residents).
    pub fn stream(seed: u64, part: u64) -> Rng {
        let mut r = Rng(seed ^ part.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), by multiply-shift (the bias is below 2^-32 for the small
    /// ranges used here).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The 23 special wards of Tokyo, for addresses and names.
pub const WARDS: [&str; 23] = [
    "千代田区",
    "中央区",
    "港区",
    "新宿区",
    "文京区",
    "台東区",
    "墨田区",
    "江東区",
    "品川区",
    "目黒区",
    "大田区",
    "世田谷区",
    "渋谷区",
    "中野区",
    "杉並区",
    "豊島区",
    "北区",
    "荒川区",
    "板橋区",
    "練馬区",
    "足立区",
    "葛飾区",
    "江戸川区",
];

const TOWNS: [&str; 24] = [
    "赤羽",
    "王子",
    "十条",
    "田端",
    "滝野川",
    "上野",
    "本町",
    "東町",
    "西町",
    "南町",
    "北町",
    "中町",
    "栄町",
    "桜台",
    "緑が丘",
    "若葉",
    "旭町",
    "高島平",
    "成増",
    "小菅",
    "町屋",
    "駒込",
    "志茂",
    "神谷",
];

const STEMS: [&str; 24] = [
    "さくら",
    "ひまわり",
    "すみれ",
    "あおば",
    "みどり",
    "こもれび",
    "ほっこり",
    "たんぽぽ",
    "やまぶき",
    "つばき",
    "わかば",
    "ひだまり",
    "せせらぎ",
    "あかつき",
    "なでしこ",
    "もみじ",
    "かえで",
    "すずらん",
    "はなみずき",
    "こすもす",
    "ゆりかご",
    "おひさま",
    "そよかぜ",
    "ぬくもり",
];

/// Kinds of places, with the care types they usually offer (stay, day, visit as bits 1, 2, 4).
const KINDS: [(&str, u8); 8] = [
    ("総合病院", 0b011),
    ("医療センター", 0b011),
    ("レディースクリニック", 0b011),
    ("産婦人科医院", 0b001),
    ("助産院", 0b111),
    ("産後ケアハウス", 0b011),
    ("訪問助産所", 0b100),
    ("母乳相談室", 0b110),
];

const MESSAGES: [&str; 6] = [
    "ママと赤ちゃんに寄りそったサポートを心がけています。",
    "「育児が不安」「ゆっくり休みたい」など、ご要望にあわせてケアいたします。",
    "授乳や沐浴のご相談もお気軽にどうぞ。",
    "ご家族みなさまの休息の時間をご用意しています。",
    "助産師がご自宅に伺います。",
    "お困りごとはご相談ください。",
];

const NOTES: [&str; 3] = [
    "当日予約可 / Same-day reservations are accepted.",
    "ケア中は電話に出られません。留守メッセージを残してください。 / During care the phone is not answered: leave a message.",
    "電話受付は「営業時間内」とだけあり、時間の記載はありません。 / The flyer says only \"during business hours\".",
];

/// A synthetic dataset: the embedded programme and `n_facilities` generated facilities, the
/// same for the same seed. It passes [`crate::dataset::parse`].
pub fn dataset(seed: u64, n_facilities: usize) -> Dataset {
    let base = dataset::load_embedded().expect("the embedded dataset is valid");
    let mut rng = Rng::stream(seed, 1);
    let facilities = (0..n_facilities).map(|i| facility(&mut rng, i)).collect();
    Dataset { version: base.version, programme: base.programme, facilities }
}

/// The id of the `i`th synthetic facility (a contract with the store generator).
pub fn facility_id(i: usize) -> String {
    format!("synth-{i:05}")
}

fn facility(rng: &mut Rng, i: usize) -> Facility {
    let ward = *rng.pick(&WARDS);
    let stem = *rng.pick(&STEMS);
    let &(kind, usual) = rng.pick(&KINDS);
    // Most places offer their kind's usual types; some offer any other non-empty mix.
    let mask = if rng.chance(80) { usual } else { rng.range(1, 7) as u8 };
    let types: Vec<CareType> = CareType::ALL
        .iter()
        .enumerate()
        .filter(|(b, _)| mask & (1 << b) != 0)
        .map(|(_, c)| *c)
        .collect();
    let section = *rng.pick(&types);

    let mut periods = BTreeMap::new();
    for (k, care) in types.iter().enumerate() {
        // The section's period rotates through the kinds so that every kind is present in any
        // dataset of 5 facilities or more; the others are random.
        let which = if k == 0 { i % 5 } else { rng.below(5) as usize };
        let period = period_of_kind(rng, which, *care);
        periods
            .insert(*care, PeriodEntry { period, wording: words::period_short(Ja, period).into() });
    }

    let town = *rng.pick(&TOWNS);
    let visit_only = types == [CareType::Visit];
    let n_addresses = if visit_only && rng.chance(70) {
        0
    } else if rng.chance(8) {
        2
    } else {
        1
    };
    let addresses = (0..n_addresses)
        .map(|_| {
            let mut a = format!(
                "{ward}{town} {}-{}-{}",
                rng.range(1, 9),
                rng.range(1, 40),
                rng.range(1, 30)
            );
            if rng.chance(20) {
                a.push_str(&format!(" {}ビル {}", stem, rng.range(101, 905)));
            }
            a
        })
        .collect();
    let has_phone = rng.chance(97);
    let phones: Vec<String> = if has_phone {
        let n = if rng.chance(10) { 2 } else { 1 };
        (0..n)
            .map(|_| {
                let prefix = *rng.pick(&["03", "03", "03", "080", "090", "070"]);
                if prefix == "03" {
                    format!("03-{:04}-{:04}", rng.range(3000, 6999), rng.below(10_000))
                } else {
                    format!("{prefix}-{:04}-{:04}", rng.below(10_000), rng.below(10_000))
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let email = rng.chance(25).then(|| format!("info{i}@{}.example.jp", ascii_of(stem)));

    // One reservation entry for all types, or one per type.
    let groups: Vec<Vec<CareType>> = if types.len() > 1 && rng.chance(30) {
        types.iter().map(|t| vec![*t]).collect()
    } else {
        vec![types.clone()]
    };
    let reservations = groups
        .into_iter()
        .map(|types| reservation(rng, types, has_phone, email.is_some()))
        .collect();

    let n_notes = if rng.chance(15) { 1 } else { 0 };
    Facility {
        id: facility_id(i),
        name: format!("{}{}{} {}", ward.trim_end_matches('区'), stem, kind, i + 1).into(),
        section,
        types,
        periods,
        addresses,
        phones,
        email,
        reservations,
        shared_room: rng.chance(60),
        message: rng.chance(85).then(|| Text::ja(*rng.pick(&MESSAGES))),
        notes: (0..n_notes).map(|_| Text::ja(*rng.pick(&NOTES))).collect(),
    }
}

/// A sensible period of kind `which` (0..5, in the order of [`Period`]'s variants) with numbers
/// like the flyer's for the care type.
fn period_of_kind(rng: &mut Rng, which: usize, care: CareType) -> Period {
    match which {
        0 => Period::DaysThrough(*rng.pick(&[45, 60, 90, 120, 180])),
        1 => Period::DaysBefore(*rng.pick(&[60, 90, 120])),
        2 => Period::MonthsThrough(rng.range(3, 6)),
        3 => Period::MonthsBefore(rng.range(3, 6)),
        _ => Period::YearsWithin(if care == CareType::Visit || rng.chance(80) { 1 } else { 2 }),
    }
}

fn reservation(
    rng: &mut Rng,
    types: Vec<CareType>,
    has_phone: bool,
    has_email: bool,
) -> Reservation {
    // The flyer leaves some cells empty: no channel at all.
    if rng.chance(2) {
        return Reservation { types, channels: Vec::new(), hours: None, wording: None };
    }
    let mut channels = Vec::new();
    for (ch, percent) in
        [(Channel::Web, 45), (Channel::Phone, 75), (Channel::Line, 15), (Channel::Email, 30)]
    {
        let allowed = match ch {
            Channel::Phone => has_phone,
            Channel::Email => has_email,
            _ => true,
        };
        if allowed && rng.chance(percent) {
            channels.push(ch);
        }
    }
    if channels.is_empty() {
        channels.push(if has_phone { Channel::Phone } else { Channel::Web });
    }
    let hours = (channels.contains(&Channel::Phone) && rng.chance(80)).then(|| phone_hours(rng));
    let names: Vec<String> = channels.iter().map(|c| words::channel(Ja, *c)).collect();
    let mut wording = names.join("/");
    if let Some(h) = &hours {
        wording.push(' ');
        wording.push_str(&crate::i18n::hours::describe(Ja, h));
    }
    Reservation { types, channels, hours, wording: Some(wording.into()) }
}

const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

fn t(h: u16, m: u16) -> ClockTime {
    ClockTime::hm(h, m)
}

fn weekly(days: &[Day], start: ClockTime, end: ClockTime) -> WeeklyRange {
    WeeklyRange { days: days.to_vec(), start, end }
}

/// Phone hours of one of the shapes the flyer uses (and the midnight-crossing ones it could).
fn phone_hours(rng: &mut Rng) -> PhoneHours {
    let open = t(rng.range(8, 10) as u16, *rng.pick(&[0, 0, 30]));
    let close = t(rng.range(15, 18) as u16, *rng.pick(&[0, 0, 30]));
    let ranges = match rng.below(8) {
        // 平日 9 時～17 時
        0 | 1 => vec![weekly(&WEEKDAYS, open, close)],
        // 月～金 9 時～11 時、14 時～16 時
        2 => vec![weekly(&WEEKDAYS, open, t(11, 0)), weekly(&WEEKDAYS, t(14, 0), close)],
        // 月～金 8 時半～17 時、土 8 時半～14 時
        3 => vec![weekly(&WEEKDAYS, open, close), weekly(&[Day::Sat], open, t(12, 0))],
        // Some weekdays long, others short.
        4 => {
            let mut long = Vec::new();
            let mut short = Vec::new();
            for d in Day::ALL {
                if rng.chance(50) {
                    long.push(d);
                } else if rng.chance(40) {
                    short.push(d);
                }
            }
            if long.is_empty() {
                long.push(Day::Tue);
            }
            let mut r = vec![weekly(&long, open, close)];
            if !short.is_empty() {
                r.push(weekly(&short, open, t(12, 0)));
            }
            r
        }
        // 月～日 10 時～16 時半
        5 => vec![weekly(&Day::ALL, open, close)],
        // A night line: 18:00–24:00 and 00:00–09:00 every day (one span across midnight).
        6 => vec![weekly(&Day::ALL, t(18, 0), t(24, 0)), weekly(&Day::ALL, t(0, 0), t(9, 0))],
        // Overlapping ranges that merge into one span.
        _ => vec![weekly(&WEEKDAYS, open, t(13, 0)), weekly(&WEEKDAYS, t(12, 0), close)],
    };
    let mut exclusions = Vec::new();
    if rng.chance(55) {
        exclusions.push(Exclusion::Holidays);
    }
    if rng.chance(12) {
        exclusions.push(Exclusion::NthWeekday {
            n: rng.range(1, 5) as u8,
            weekday: *rng.pick(&Day::ALL),
        });
    }
    if rng.chance(15) {
        let (from, to) = *rng.pick(&[((12, 29), (1, 3)), ((8, 13), (8, 16)), ((12, 31), (1, 1))]);
        exclusions.push(Exclusion::DateRange {
            from: MonthDay { month: from.0, day: from.1 },
            to: MonthDay { month: to.0, day: to.1 },
        });
    }
    PhoneHours { ranges, exclusions }
}

/// An ASCII stand-in for a stem, for e-mail addresses.
fn ascii_of(stem: &str) -> String {
    let k = STEMS.iter().position(|s| *s == stem).unwrap_or(0);
    format!("care{k:02}")
}

// --- the booking history ---------------------------------------------------------------------

/// Terminal names the synthetic history is recorded from.
pub const TERMINALS: [&str; 8] = [
    "kita-1",
    "kita-2",
    "akabane-1",
    "oji-1",
    "adachi-1",
    "itabashi-1",
    "setagaya-1",
    "kiosk-akabane",
];

/// The last day of the synthetic history when none is given (fixed, so that the same seed
/// gives the same store whenever it is run).
pub const DEFAULT_UNTIL: (i32, u32, u32) = (2026, 11, 1);

/// Births per year in the 23 wards: the span of birth dates is residents ÷ this.
pub const BIRTHS_PER_YEAR: usize = 70_000;

/// A resident of the history: the record as it is at the end, and when its one update (the fee
/// exemption changed) happened, if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimResident {
    pub record: Resident,
    pub updated: bool,
    pub terminal: u8,
}

impl SimResident {
    /// The record as first registered.
    pub fn as_added(&self) -> Resident {
        let mut r = self.record.clone();
        if self.updated {
            r.exempt = !r.exempt;
            r.updated_at = r.created_at;
        }
        r
    }
}

/// A cancellation in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimCancel {
    pub at: NaiveDateTime,
    pub late: bool,
    pub terminal: u8,
}

/// A booking in the history, kept small (a million of them are held at once); expanded into a
/// store [`Booking`] by [`History::booking`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimBooking {
    pub id: u128,
    pub resident: u32,
    pub facility: u32,
    pub care: CareType,
    pub first_day: NaiveDate,
    /// Nights of a stay or days of day care (0 for a visit).
    pub length: u8,
    pub units: u8,
    pub fee_yen: u32,
    pub at: NaiveDateTime,
    pub terminal: u8,
    pub cancel: Option<SimCancel>,
}

/// One change of the history, in the order the store would have recorded them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    ResidentAdded(u32),
    ResidentUpdated(u32),
    Booked(u32),
    Cancelled(u32),
}

/// A synthetic history of residents and bookings over a dataset: every booking passes
/// `domain::booking::plan` at the moment it is made (against the usage so far), cancellations
/// are charged by `domain::cancel::outcome`.
#[derive(Debug, Clone)]
pub struct History {
    pub seed: u64,
    pub until: NaiveDate,
    pub facility_ids: Vec<String>,
    pub residents: Vec<SimResident>,
    pub bookings: Vec<SimBooking>,
}

/// The user number of the `i`th synthetic resident.
pub fn resident_id(i: usize) -> String {
    format!("R{:07}", i + 1)
}

fn office_time(rng: &mut Rng, day: NaiveDate) -> NaiveDateTime {
    let minutes = rng.range(8 * 60 + 30, 18 * 60 - 1);
    day.and_hms_opt(minutes / 60, minutes % 60, rng.range(0, 59)).unwrap_or_default()
}

fn days_before(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

fn days_after(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

/// A ULID for a moment (Japan time) and 80 random bits.
pub fn ulid_at(at: NaiveDateTime, random: u128) -> ulid::Ulid {
    let ms = (at - chrono::TimeDelta::hours(9)).and_utc().timestamp_millis().max(0) as u64;
    ulid::Ulid::from_parts(ms, random)
}

fn random80(rng: &mut Rng) -> u128 {
    (u128::from(rng.next_u64()) << 16) ^ u128::from(rng.next_u64() & 0xFFFF)
}

/// Generates `n_residents` residents and about `n_bookings` bookings (exactly, unless the limits
/// leave no room) over `ds`, the history ending on `until`.
pub fn history(
    seed: u64,
    ds: &Dataset,
    n_residents: usize,
    n_bookings: usize,
    until: NaiveDate,
) -> History {
    let mut rng = Rng::stream(seed, 2);
    let span_days = (n_residents * 365 / BIRTHS_PER_YEAR).max(365) as u64;
    let residents: Vec<SimResident> =
        (0..n_residents).map(|i| sim_resident(&mut rng, i, until, span_days)).collect();

    let by_care: Vec<Vec<u32>> = CareType::ALL
        .iter()
        .map(|c| {
            (0..ds.facilities.len() as u32)
                .filter(|&i| ds.facilities[i as usize].offers(*c))
                .collect()
        })
        .collect();
    let mut bookings = Vec::with_capacity(n_bookings);
    for (i, r) in residents.iter().enumerate() {
        let left = n_bookings - bookings.len();
        let residents_left = n_residents - i;
        let target = if residents_left == 1 {
            left
        } else {
            // About a third of mothers never book; the others spread what is left.
            let mean = left as f64 / residents_left as f64 / 0.65;
            if rng.chance(35) {
                0
            } else {
                let base = mean.floor() as usize
                    + usize::from(rng.below(1000) < ((mean.fract()) * 1000.0) as u64);
                match rng.below(10) {
                    0 => base.saturating_sub(1),
                    1 => base + 1,
                    _ => base,
                }
                .min(left)
            }
        };
        if target > 0 {
            sim_bookings(&mut rng, ds, &by_care, i as u32, r, target, until, &mut bookings);
        }
    }
    // What the limits and windows refused goes to mothers who have not booked yet.
    let mut has_booked = vec![false; n_residents];
    for b in &bookings {
        has_booked[b.resident as usize] = true;
    }
    for (i, r) in residents.iter().enumerate() {
        let left = n_bookings - bookings.len();
        if left == 0 {
            break;
        }
        if !has_booked[i] {
            sim_bookings(&mut rng, ds, &by_care, i as u32, r, left.min(3), until, &mut bookings);
        }
    }
    History {
        seed,
        until,
        facility_ids: ds.facilities.iter().map(|f| f.id.clone()).collect(),
        residents,
        bookings,
    }
}

fn sim_resident(rng: &mut Rng, i: usize, until: NaiveDate, span_days: u64) -> SimResident {
    let birth = days_before(until, rng.below(span_days));
    let registered = days_before(birth, rng.below(120));
    let created_at = office_time(rng, registered);
    let due = rng.chance(70).then(|| {
        let offset = rng.range(0, 54) as i64 - 14;
        if offset >= 0 {
            days_after(birth, offset as u64)
        } else {
            days_before(birth, (-offset) as u64)
        }
    });
    let corrected = matches!(due, Some(d) if d > days_after(birth, 21)) && rng.chance(50);
    let babies = match rng.below(1000) {
        0..=1 => 3,
        2..=29 => 2,
        _ => 1,
    };
    let exempt = rng.chance(8);
    // A few records are corrected once (the fee exemption is added or removed), a day to a month
    // after registration, if that is still inside the history.
    let update_day = days_after(created_at.date(), u64::from(rng.range(1, 30)));
    let updated = rng.chance(3) && update_day <= until;
    let updated_at = if updated { office_time(rng, update_day) } else { created_at };
    SimResident {
        record: Resident {
            id: resident_id(i),
            birth,
            due,
            corrected,
            babies,
            exempt,
            created_at,
            updated_at,
        },
        updated,
        terminal: rng.below(TERMINALS.len() as u64) as u8,
    }
}

/// Up to `target` bookings for one resident, in the order they were made, each checked by
/// `plan` against the usage of the ones before it (counted as if none were cancelled, so that
/// the check holds whatever the cancellations freed).
#[allow(clippy::too_many_arguments)]
fn sim_bookings(
    rng: &mut Rng,
    ds: &Dataset,
    by_care: &[Vec<u32>],
    ri: u32,
    r: &SimResident,
    target: usize,
    until: NaiveDate,
    out: &mut Vec<SimBooking>,
) {
    let mother = r.record.mother();
    let active = r.record.updated_at;
    let latest_start = days_after(until, 60);
    // Candidates: (made at, facility, care, start, length).
    let mut candidates = Vec::with_capacity(target);
    let mut tries = 0;
    while candidates.len() < target && tries < target * 4 {
        tries += 1;
        let care = match rng.below(100) {
            0..=24 => CareType::Stay,
            25..=64 => CareType::Day,
            _ => CareType::Visit,
        };
        let list = &by_care[care as usize];
        if list.is_empty() {
            continue;
        }
        let fi = *rng.pick(list);
        let Some(entry) = ds.facilities[fi as usize].period(care) else { continue };
        let Some(w) = period::window(entry.period, mother.birth, mother.due, mother.corrected)
        else {
            continue;
        };
        let length = match care {
            CareType::Stay => Length::Nights(*rng.pick(&[1, 1, 2, 2, 3])),
            CareType::Day => Length::Days(*rng.pick(&[1, 1, 1, 2])),
            CareType::Visit => Length::Visit,
        };
        let span = u64::from(length.calendar_days()) - 1;
        let lo = w.first_day.max(days_after(active.date(), 1));
        let hi = days_before(w.last_day, span).min(latest_start);
        if lo > hi {
            continue;
        }
        let start = days_after(lo, rng.below((hi - lo).num_days() as u64 + 1));
        let made_day = days_before(start, rng.below(31)).max(active.date()).min(until);
        let mut at = office_time(rng, made_day);
        if at <= active {
            at = active + chrono::TimeDelta::minutes(1 + rng.below(120) as i64);
        }
        if at.date() > start || at.date() > until {
            continue;
        }
        candidates.push((at, fi, care, start, length));
    }
    candidates.sort_by_key(|c| c.0);
    let mut used = [0u32; 3];
    // Days already booked (cancelled ones stay counted: fewer bookings, never an invalid one).
    let mut taken: Vec<Taken> = Vec::new();
    for (at, fi, care, start, length) in candidates {
        let Some(terms) = ds.terms(&ds.facilities[fi as usize], care) else { continue };
        let quota = Quota::new(terms.limit, used[care as usize], 0);
        let Ok(plan) = booking::plan(terms, mother, start, length, quota, &taken, at) else {
            continue;
        };
        used[care as usize] += plan.units;
        taken.push(Taken { first_day: plan.first_day, last_day: plan.last_day });
        let cancel = rng.chance(12).then(|| {
            // Some time between booking and the first day (or the end of the history).
            let last = start.min(until);
            let span = (last - at.date()).num_days().max(0) as u64;
            let day = days_after(at.date(), rng.below(span + 1));
            let mut c = day.and_hms_opt(rng.range(7, 21), rng.range(0, 59), rng.range(0, 59));
            if c.is_none_or(|c| c <= at) {
                c = Some(at + chrono::TimeDelta::minutes(1 + rng.below(30) as i64));
            }
            c.unwrap_or(at)
        });
        let cancel =
            cancel.filter(|c| c.date() <= until && c.date() <= plan.last_day).map(|c| SimCancel {
                at: c,
                late: terms.cancel.outcome(start, plan.units, c).late,
                terminal: rng.below(TERMINALS.len() as u64) as u8,
            });
        out.push(SimBooking {
            id: ulid_at(at, random80(rng)).0,
            resident: ri,
            facility: fi,
            care,
            first_day: start,
            length: match length {
                Length::Nights(n) | Length::Days(n) => n as u8,
                Length::Visit => 0,
            },
            units: plan.units as u8,
            fee_yen: plan.fee.total_yen,
            at,
            terminal: rng.below(TERMINALS.len() as u64) as u8,
            cancel,
        });
    }
}

/// A booking code for the `i`-th booking, unique by construction: multiplying by a number
/// prime to 24^8 (odd, not a multiple of 3) permutes the codes.
fn synthetic_code(seed: u64, i: usize) -> String {
    const STEP: u64 = 7_919_317;
    let space = u128::from(booking_code::SPACE);
    let n = (i as u128 * u128::from(STEP) + u128::from(seed)) % space;
    booking_code::encode(n as u64)
}

impl History {
    /// The booking as stored at the end of the history.
    pub fn booking(&self, i: usize) -> Booking {
        let b = &self.bookings[i];
        let (nights, days) = match b.care {
            CareType::Stay => (Some(u32::from(b.length)), None),
            CareType::Day => (None, Some(u32::from(b.length))),
            CareType::Visit => (None, None),
        };
        let units = u32::from(b.units);
        let (status, units_charged, cancelled_at, updated_at) = match b.cancel {
            None => (Status::Booked, 0, None, b.at),
            Some(c) if c.late => (Status::CancelledLate, 1, Some(c.at), c.at),
            Some(c) => (Status::Cancelled, 0, Some(c.at), c.at),
        };
        Booking {
            id: ulid::Ulid(b.id).to_string(),
            code: Some(synthetic_code(self.seed, i)),
            resident: self.residents[b.resident as usize].record.id.clone(),
            facility: self.facility_ids[b.facility as usize].clone(),
            care: b.care,
            first_day: b.first_day,
            last_day: days_after(b.first_day, u64::from(units.max(1)) - 1),
            nights,
            days,
            units,
            fee_yen: b.fee_yen,
            status,
            units_charged,
            terminal: TERMINALS[usize::from(b.terminal)].to_string(),
            created_at: b.at,
            updated_at,
            cancelled_at,
            // A synthetic history was entered as it happened.
            recorded_at: Some(b.at),
            cancel_recorded_at: cancelled_at,
        }
    }

    /// Every change in the order the store would have recorded it (by time; at the same second,
    /// registrations before updates before bookings before cancellations).
    pub fn actions(&self) -> Vec<(NaiveDateTime, Action)> {
        let mut all = Vec::with_capacity(self.residents.len() + self.bookings.len() * 9 / 8);
        for (i, r) in self.residents.iter().enumerate() {
            all.push((r.record.created_at, Action::ResidentAdded(i as u32)));
            if r.updated {
                all.push((r.record.updated_at, Action::ResidentUpdated(i as u32)));
            }
        }
        for (i, b) in self.bookings.iter().enumerate() {
            all.push((b.at, Action::Booked(i as u32)));
            if let Some(c) = b.cancel {
                all.push((c.at, Action::Cancelled(i as u32)));
            }
        }
        all.sort_unstable();
        all
    }

    /// The number of cancellations (in time and late).
    pub fn cancellations(&self) -> (usize, usize) {
        let late = self.bookings.iter().filter(|b| b.cancel.is_some_and(|c| c.late)).count();
        let all = self.bookings.iter().filter(|b| b.cancel.is_some()).count();
        (all - late, late)
    }

    /// Writes the whole history through a bulk writer, in the order of [`History::actions`].
    pub fn write(&self, w: &mut bulk::Writer<'_>) -> Result<(), StoreError> {
        // Event ids: the moment's milliseconds and 80 bits from a stream of their own.
        let mut ids = Rng::stream(self.seed, 3);
        for (at, action) in self.actions() {
            let id = ulid_at(at, random80(&mut ids));
            match action {
                Action::ResidentAdded(i) => {
                    let r = &self.residents[i as usize];
                    let terminal = TERMINALS[usize::from(r.terminal)];
                    w.resident_added(id, terminal, &r.as_added(), &r.record)?;
                }
                Action::ResidentUpdated(i) => {
                    let r = &self.residents[i as usize];
                    w.resident_updated(id, TERMINALS[usize::from(r.terminal)], &r.record)?;
                }
                Action::Booked(i) => {
                    let now = self.booking(i as usize);
                    let made = Booking {
                        status: Status::Booked,
                        units_charged: 0,
                        updated_at: now.created_at,
                        cancelled_at: None,
                        cancel_recorded_at: None,
                        ..now.clone()
                    };
                    w.booked(id, &made, &now)?;
                }
                Action::Cancelled(i) => {
                    let now = self.booking(i as usize);
                    let Some(c) = self.bookings[i as usize].cancel else { continue };
                    let change = CancelData {
                        status: now.status,
                        units_charged: now.units_charged,
                        cancelled_at: c.at,
                        updated_at: c.at,
                        recorded_at: Some(c.at),
                    };
                    w.cancelled(id, TERMINALS[usize::from(c.terminal)], &now.id, &change)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // First outputs of the reference splitmix64.c seeded with 0.
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = Rng::new(7);
        for n in [1, 2, 3, 7, 1000] {
            for _ in 0..1000 {
                assert!(r.below(n) < n);
            }
        }
    }

    #[test]
    fn the_dataset_passes_validation() {
        let ds = dataset(42, 2000);
        let text = serde_json::to_string(&ds).unwrap();
        let parsed = crate::dataset::parse(&text, "synth").unwrap();
        assert_eq!(parsed, ds);
        assert_eq!(ds.facilities.len(), 2000);
    }

    #[test]
    fn small_datasets_pass_validation_for_many_seeds() {
        for seed in 0..50 {
            let ds = dataset(seed, 40);
            let text = serde_json::to_string(&ds).unwrap();
            if let Err(e) = crate::dataset::parse(&text, "synth") {
                panic!("seed {seed}: {e}");
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_dataset() {
        assert_eq!(dataset(7, 300), dataset(7, 300));
        assert_ne!(dataset(7, 300), dataset(8, 300));
        // A bigger dataset starts with the smaller one.
        assert_eq!(dataset(7, 300).facilities[..], dataset(7, 500).facilities[..300]);
    }

    #[test]
    fn every_kind_is_present() {
        let ds = dataset(1, 2000);
        let periods: Vec<Period> =
            ds.facilities.iter().flat_map(|f| f.periods.values().map(|p| p.period)).collect();
        assert!(periods.iter().any(|p| matches!(p, Period::DaysThrough(_))));
        assert!(periods.iter().any(|p| matches!(p, Period::DaysBefore(_))));
        assert!(periods.iter().any(|p| matches!(p, Period::MonthsThrough(_))));
        assert!(periods.iter().any(|p| matches!(p, Period::MonthsBefore(_))));
        assert!(periods.iter().any(|p| matches!(p, Period::YearsWithin(_))));
        let hours: Vec<&PhoneHours> = ds
            .facilities
            .iter()
            .flat_map(|f| f.reservations.iter().filter_map(|r| r.hours.as_ref()))
            .collect();
        let excl = |f: fn(&Exclusion) -> bool| hours.iter().any(|h| h.exclusions.iter().any(f));
        assert!(excl(|e| matches!(e, Exclusion::Holidays)));
        assert!(excl(|e| matches!(e, Exclusion::NthWeekday { .. })));
        assert!(excl(|e| matches!(e, Exclusion::DateRange { from, to } if from > to)));
        assert!(excl(|e| matches!(e, Exclusion::DateRange { from, to } if from < to)));
        assert!(hours.iter().any(|h| h.exclusions.is_empty()));
        assert!(hours.iter().any(|h| h.ranges.iter().any(|r| r.end.0 == 24 * 60)));
        for &care in CareType::ALL {
            assert!(ds.facilities.iter().any(|f| f.section == care));
        }
        for ch in [Channel::Phone, Channel::Web, Channel::Line, Channel::Email] {
            assert!(ds.facilities.iter().any(|f| f.channels().contains(&ch)), "{ch:?}");
        }
        assert!(ds.facilities.iter().any(|f| f.channels().is_empty()));
        assert!(ds.facilities.iter().any(|f| f.types.len() == 3));
        assert!(ds.facilities.iter().any(|f| f.reservations.len() > 1));
    }

    fn small_history(seed: u64) -> (Dataset, History) {
        let ds = dataset(seed, 40);
        let until = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let h = history(seed, &ds, 150, 400, until);
        (ds, h)
    }

    #[test]
    fn the_history_is_deterministic_and_full() {
        let (_, a) = small_history(3);
        let (_, b) = small_history(3);
        assert_eq!(a.residents, b.residents);
        assert_eq!(a.bookings, b.bookings);
        assert_eq!(a.bookings.len(), 400);
        let (in_time, late) = a.cancellations();
        assert!(in_time > 0 && late > 0, "{in_time} {late}");
        assert!(a.residents.iter().any(|r| r.updated));
        assert!(a.bookings.iter().any(|b| b.first_day > a.until), "some bookings are ahead");
        for &care in CareType::ALL {
            assert!(a.bookings.iter().any(|b| b.care == care));
        }
    }

    fn rows(path: &std::path::Path, sql: &str) -> Vec<String> {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            let mut line = Vec::new();
            for c in 0..n {
                line.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(c)?));
            }
            Ok(line.join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    /// The bulk store holds exactly what the store's own API writes for the same history (ids
    /// aside): every booking is accepted by `Store::book` and every cancellation by
    /// `Store::cancel` at the same moments, and the rows and events are the same text.
    #[test]
    fn the_bulk_store_is_what_the_api_would_write() {
        use crate::store::{BookingRequest, Store};
        let (ds, h) = small_history(11);
        let bulk_dir = tempfile::tempdir().unwrap();
        let load = bulk::Bulk::create(bulk_dir.path()).unwrap();
        {
            let mut w = load.writer().unwrap();
            h.write(&mut w).unwrap();
        }
        let store = load.finish().unwrap();
        assert_eq!(store.verify_events().unwrap(), Ok(()));
        assert!(store.integrity_check().is_ok());

        // The history's moments are long past: the API replays them into a practice store,
        // whose time is the practice time (`recorded_at` is `at`, as in the bulk store).
        let api_dir = tempfile::tempdir().unwrap();
        let api_data = crate::store::DataDir { path: api_dir.path().to_path_buf(), explicit: true };
        let api = Store::open_kind(&api_data, crate::store::StoreKind::Practice).unwrap();
        let mut ids: Vec<(String, String)> = Vec::new();
        let mut api_id = vec![String::new(); h.bookings.len()];
        for (_, action) in h.actions() {
            match action {
                Action::ResidentAdded(i) => {
                    let r = &h.residents[i as usize];
                    let t = TERMINALS[usize::from(r.terminal)];
                    api.add_resident(&r.as_added().input(), r.record.created_at, t).unwrap();
                }
                Action::ResidentUpdated(i) => {
                    let r = &h.residents[i as usize];
                    let t = TERMINALS[usize::from(r.terminal)];
                    api.update_resident(&ds, &r.record.input(), r.record.updated_at, t, &[])
                        .unwrap();
                }
                Action::Booked(i) => {
                    let b = h.booking(i as usize);
                    let req = BookingRequest {
                        resident: b.resident.clone(),
                        facility: b.facility.clone(),
                        care: b.care,
                        start: b.first_day,
                        length: b.length(),
                    };
                    let done = api.book(&ds, &req, b.created_at, &b.terminal).unwrap();
                    assert_eq!(done.plan.fee.total_yen, b.fee_yen);
                    ids.push((done.booking.id.clone(), b.id.clone()));
                    // Codes are random in the API, made from the index in the bulk store.
                    ids.push((done.booking.code.clone().unwrap(), b.code.clone().unwrap()));
                    api_id[i as usize] = done.booking.id;
                }
                Action::Cancelled(i) => {
                    let c = h.bookings[i as usize].cancel.unwrap();
                    let t = TERMINALS[usize::from(c.terminal)];
                    let done = api.cancel(&ds, &api_id[i as usize], c.at, t).unwrap();
                    assert_eq!(done.outcome.late, c.late);
                }
            }
        }
        let swap = |line: String| {
            ids.iter().fold(line, |l, (from, to)| l.replace(from.as_str(), to.as_str()))
        };
        let api_db = api_data.store_file(crate::store::StoreKind::Practice);
        let bulk_db = bulk_dir.path().join(crate::store::paths::DB_FILE);
        for sql in [
            "SELECT * FROM residents ORDER BY rowid",
            "SELECT * FROM bookings ORDER BY rowid",
            "SELECT seq, at, recorded_at, terminal, kind, subject, data, imported_at, imported_by
             FROM events ORDER BY seq",
        ] {
            let want: Vec<String> = rows(&api_db, sql).into_iter().map(swap).collect();
            let got = rows(&bulk_db, sql);
            assert_eq!(got.len(), want.len(), "{sql}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g, w, "{sql}");
            }
        }
        // Ids are ULIDs of the moment they were made.
        for b in store.bookings(&Default::default()).unwrap() {
            b.validate().unwrap();
            let ms = ulid::Ulid::from_string(&b.id).unwrap().timestamp_ms();
            assert_eq!(ulid_at(b.created_at, 0).timestamp_ms(), ms);
        }
    }

    #[test]
    fn bulk_loading_refuses_an_existing_store() {
        let dir = tempfile::tempdir().unwrap();
        drop(crate::store::Store::open(dir.path()).unwrap());
        assert!(bulk::Bulk::create(dir.path()).is_err());
    }
}
