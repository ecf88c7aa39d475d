//! Synthetic load for benchmarks: a valid dataset of many facilities, deterministic from a seed.
//!
//! Randomness comes from [`Rng`], a tiny SplitMix64 generator written here (no RNG crate): the
//! same seed gives the same dataset on every machine and every version of the dependencies.
//! Facilities mix every period kind ([`Period`]), every phone-hours shape the flyer uses (one
//! range, split morning and afternoon, a short Saturday, every day, and ranges that run to
//! midnight and on after it) and every exclusion kind ([`Exclusion`]), with every reservation
//! channel. The programme (care types, fees, cancellation…) is the embedded Kita City one.

use std::collections::BTreeMap;

use crate::dataset::{self, Channel, Dataset, Facility, PeriodEntry, Reservation};
use crate::domain::care::CareType;
use crate::domain::hours::{self, ClockTime, Day, Exclusion, MonthDay, PhoneHours, WeeklyRange};
use crate::domain::period::Period;

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
        periods.insert(*care, PeriodEntry { period, wording: period.wording_ja() });
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
        name: format!("{}{}{} {}", ward.trim_end_matches('区'), stem, kind, i + 1),
        section,
        types,
        periods,
        addresses,
        phones,
        email,
        reservations,
        shared_room: rng.chance(60),
        message: rng.chance(85).then(|| rng.pick(&MESSAGES).to_string()),
        notes: (0..n_notes).map(|_| rng.pick(&NOTES).to_string()).collect(),
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
    let names: Vec<&str> = channels.iter().map(|c| c.ja()).collect();
    let mut wording = names.join("/");
    if let Some(h) = &hours {
        wording.push(' ');
        wording.push_str(&hours::describe_ja(h));
    }
    Reservation { types, channels, hours, wording: Some(wording) }
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
        for care in CareType::ALL {
            assert!(ds.facilities.iter().any(|f| f.section == care));
        }
        for ch in [Channel::Phone, Channel::Web, Channel::Line, Channel::Email] {
            assert!(ds.facilities.iter().any(|f| f.channels().contains(&ch)), "{ch:?}");
        }
        assert!(ds.facilities.iter().any(|f| f.channels().is_empty()));
        assert!(ds.facilities.iter().any(|f| f.types.len() == 3));
        assert!(ds.facilities.iter().any(|f| f.reservations.len() > 1));
    }
}
