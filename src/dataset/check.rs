//! Dataset validation: every problem, each naming where it is.
//!
//! Three passes, so that one mistake does not hide the others:
//! 1. the text must be JSON (one problem with line and column when it is not);
//! 2. the programme and EACH facility are read separately; a part that does not fit the model is
//!    walked field by field so that every missing, unknown or mistyped field is reported with its
//!    path (`facilities[3] (id "foo").periods`);
//! 3. the parts that were read are checked for sense (duplicate ids, a care type offered with no
//!    period, phone hours that end before they start…).

use crate::i18n::Locale::{En, Ja};
use crate::i18n::words;
use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::model::{Channel, Dataset, Facility, Programme, Text};
use crate::domain::care::{CareType, Unit};

/// The format version this program reads.
pub const VERSION: u32 = 1;

/// One problem in a dataset, with where it is (a JSON path or line:column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl Problem {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { at: at.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Parses and validates; on failure, every problem found.
pub fn check_text(text: &str) -> Result<Dataset, Vec<Problem>> {
    // A dataset that fits the model is read straight into it and only the sense checks run
    // (85 ms -> 15 ms at 2,000 facilities, BENCHMARKS.md); the slower walk over a JSON value,
    // which finds every problem of shape, runs only when that read fails.
    if let Ok(dataset) = serde_json::from_str::<Dataset>(text) {
        let problems = check_dataset(&dataset);
        return if problems.is_empty() { Ok(dataset) } else { Err(problems) };
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            format!("line {} column {}", e.line(), e.column()),
            format!("not valid JSON: {}", strip_position(&e.to_string())),
        )]
    })?;
    check_value(&value)
}

/// Validates a parsed JSON value; on failure, every problem found.
pub fn check_value(value: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let Some(root) = value.as_object() else {
        return Err(vec![Problem::new(
            TOP,
            format!(
                "expected an object with version, programme and facilities, found {}",
                describe(value)
            ),
        )]);
    };
    check_keys(
        root,
        TOP,
        &["version", "programme", "facilities"],
        &["version", "programme", "facilities"],
        &mut problems,
    );

    if let Some(v) = root.get("version") {
        match u32::deserialize(v) {
            Ok(n) if n != VERSION => problems.push(Problem::new(
                "version",
                format!("version {n} is not supported: this program reads version {VERSION}"),
            )),
            Ok(_) => {}
            Err(e) => problems.push(Problem::new("version", e.to_string())),
        }
    }

    let mut offered: Option<Vec<CareType>> = None;
    if let Some(v) = root.get("programme") {
        match Programme::deserialize(v) {
            Ok(p) => {
                check_programme(&p, &mut problems);
                offered = Some(p.offered().collect());
            }
            Err(e) => report_shape(&PROGRAMME, v, "programme", e, &mut problems),
        }
    }

    if let Some(v) = root.get("facilities") {
        match v.as_array() {
            None => problems.push(Problem::new(
                "facilities",
                format!("expected an array of facilities, found {}", describe(v)),
            )),
            Some(items) => {
                let mut read = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match Facility::deserialize(item) {
                        Ok(f) => read.push((i, f)),
                        Err(e) => report_shape(
                            &FACILITY,
                            item,
                            &facility_at_value(i, item),
                            e,
                            &mut problems,
                        ),
                    }
                }
                let refs: Vec<(usize, &Facility)> = read.iter().map(|(i, f)| (*i, f)).collect();
                check_facilities(&refs, offered.as_deref(), &mut problems);
            }
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    // Every part fits the model; reading the whole is the authority on the final shape.
    Dataset::deserialize(value).map_err(|e| vec![Problem::new(TOP, e.to_string())])
}

/// The sense checks on a dataset that already fits the model (built in code, say).
pub fn check_dataset(dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_version(dataset.version, &mut problems);
    check_programme(&dataset.programme, &mut problems);
    let refs: Vec<(usize, &Facility)> = dataset.facilities.iter().enumerate().collect();
    let offered: Vec<CareType> = dataset.programme.offered().collect();
    check_facilities(&refs, Some(&offered), &mut problems);
    problems
}

/// The checks of what a [`Summary`](super::load::Summary) reads: the version, the programme in
/// full, and each facility's id (valid, unique) and name.
pub fn check_summary(
    version: u32,
    programme: &Programme,
    facilities: &[super::load::FacilityName],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_version(version, &mut problems);
    check_programme(programme, &mut problems);
    let mut first_with_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, f) in facilities.iter().enumerate() {
        let at = || facility_at(i, Some(&f.id));
        check_facility_id(i, &f.id, &at, &mut first_with_id, &mut problems);
        if blank(&f.name) {
            problems.push(Problem::new(at(), "empty name"));
        }
        check_shown(&at, "name", &f.name, &mut problems);
    }
    problems
}

fn check_version(version: u32, out: &mut Vec<Problem>) {
    if version != VERSION {
        out.push(Problem::new(
            "version",
            format!("version {version} is not supported: this program reads version {VERSION}"),
        ));
    }
}

const TOP: &str = "(top level)";

/// serde_json's message ends with " at line L column C"; the place is given separately.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

fn facility_at(i: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("facilities[{i}] (id {id:?})"),
        _ => format!("facilities[{i}]"),
    }
}

fn facility_at_value(i: usize, item: &Value) -> String {
    facility_at(i, item.get("id").and_then(Value::as_str))
}

fn check_keys(
    map: &Map<String, Value>,
    at: &str,
    known: &[&str],
    required: &[&str],
    out: &mut Vec<Problem>,
) {
    for name in required {
        if !map.contains_key(*name) {
            out.push(Problem::new(at, format!("missing field `{name}`")));
        }
    }
    for key in map.keys() {
        if !known.contains(&key.as_str()) {
            out.push(Problem::new(
                at,
                format!("unknown field `{key}`, expected one of {}", expected_list(known)),
            ));
        }
    }
}

fn expected_list(known: &[&str]) -> String {
    known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

// ---------------------------------------------------------------------------------------------
// Pass 2: the shape of a part that did not fit the model, field by field.

/// What a JSON value must look like.
enum Shape {
    /// A value read by serde (a string, a number, a period…); the fn says what is wrong.
    Leaf(fn(&Value) -> Result<(), String>),
    /// `null` or the inner shape.
    Nullable(&'static Shape),
    ArrayOf(&'static Shape),
    Object(&'static [Field]),
    /// An object keyed by care type id.
    CareMap(&'static Shape),
}

struct Field {
    name: &'static str,
    required: bool,
    shape: &'static Shape,
}

const fn req(name: &'static str, shape: &'static Shape) -> Field {
    Field { name, required: true, shape }
}

const fn opt(name: &'static str, shape: &'static Shape) -> Field {
    Field { name, required: false, shape }
}

fn leaf<T: DeserializeOwned>(v: &Value) -> Result<(), String> {
    T::deserialize(v).map(|_| ()).map_err(|e| e.to_string())
}

fn care_type_leaf(v: &Value) -> Result<(), String> {
    match v.as_str() {
        Some(s) => s.parse::<CareType>().map(|_| ()).map_err(|e| e.to_string()),
        None => leaf::<CareType>(v),
    }
}

static STRING: Shape = Shape::Leaf(leaf::<String>);
static STRINGS: Shape = Shape::ArrayOf(&STRING);
static OPT_STRING: Shape = Shape::Nullable(&STRING);
static TEXT: Shape = Shape::Leaf(leaf::<super::text::Text>);
static TEXTS: Shape = Shape::ArrayOf(&TEXT);
static OPT_TEXT: Shape = Shape::Nullable(&TEXT);
static U32: Shape = Shape::Leaf(leaf::<u32>);
static BOOL: Shape = Shape::Leaf(leaf::<bool>);
static CARE_TYPE: Shape = Shape::Leaf(care_type_leaf);
static CARE_TYPES: Shape = Shape::ArrayOf(&CARE_TYPE);
static UNIT: Shape = Shape::Leaf(leaf::<Unit>);
static CLOCK: Shape = Shape::Leaf(leaf::<crate::domain::hours::ClockTime>);
static CHANNEL: Shape = Shape::Leaf(leaf::<Channel>);
static CHANNELS: Shape = Shape::ArrayOf(&CHANNEL);
static DAY: Shape = Shape::Leaf(leaf::<crate::domain::hours::Day>);
static DAYS: Shape = Shape::ArrayOf(&DAY);
static PERIOD: Shape = Shape::Leaf(leaf::<crate::domain::period::Period>);
static EXCLUSION: Shape = Shape::Leaf(leaf::<crate::domain::hours::Exclusion>);
static EXCLUSIONS: Shape = Shape::ArrayOf(&EXCLUSION);
static DAY_COUNT: Shape = Shape::Leaf(leaf::<crate::domain::cancel::DayCount>);

static CARE_TYPE_RULE: Shape = Shape::Object(&[
    req("id", &CARE_TYPE),
    req("name", &TEXT),
    req("unit", &UNIT),
    req("limit", &U32),
    opt("limit_multiples", &U32),
    req("base_yen", &U32),
    req("extra_baby_yen", &U32),
    req("limit_wording", &TEXT),
    req("meals", &BOOL),
    opt("notes", &TEXTS),
]);
static CARE_TYPE_RULES: Shape = Shape::ArrayOf(&CARE_TYPE_RULE);
static FEE_EXEMPTION: Shape = Shape::Object(&[req("households", &TEXTS), req("wording", &TEXT)]);
static CANCELLATION: Shape = Shape::Object(&[
    req("cutoff", &CLOCK),
    req("days_before", &U32),
    opt("count", &DAY_COUNT),
    req("units_charged", &U32),
    opt("no_show_units", &U32),
    req("wording", &TEXT),
]);
static APPLICATION: Shape = Shape::Object(&[
    req("opens_at_weeks", &U32),
    req("coupon_business_days", &U32),
    req("wording", &TEXT),
]);
static SCREENING: Shape =
    Shape::Object(&[req("id", &STRING), req("ja", &STRING), req("en", &STRING)]);
static SCREENINGS: Shape = Shape::ArrayOf(&SCREENING);
static CONTACT: Shape =
    Shape::Object(&[req("name", &TEXT), opt("section", &OPT_TEXT), req("phone", &STRING)]);
static CONTACTS: Shape = Shape::ArrayOf(&CONTACT);
static PROGRAMME: Shape = Shape::Object(&[
    req("name", &TEXT),
    req("ward", &TEXT),
    opt("ward_code", &STRING),
    req("source", &STRING),
    req("care_types", &CARE_TYPE_RULES),
    req("fee_exemption", &FEE_EXEMPTION),
    req("cancellation", &CANCELLATION),
    req("application", &APPLICATION),
    req("what_to_bring", &TEXTS),
    req("screening", &SCREENINGS),
    req("notes", &TEXTS),
    req("contacts", &CONTACTS),
]);

static PERIOD_ENTRY: Shape = Shape::Object(&[req("period", &PERIOD), req("wording", &TEXT)]);
static PERIODS: Shape = Shape::CareMap(&PERIOD_ENTRY);
static RANGE: Shape =
    Shape::Object(&[req("days", &DAYS), req("start", &CLOCK), req("end", &CLOCK)]);
static RANGES: Shape = Shape::ArrayOf(&RANGE);
static HOURS: Shape = Shape::Object(&[req("ranges", &RANGES), opt("exclusions", &EXCLUSIONS)]);
static OPT_HOURS: Shape = Shape::Nullable(&HOURS);
static RESERVATION: Shape = Shape::Object(&[
    req("types", &CARE_TYPES),
    req("channels", &CHANNELS),
    opt("hours", &OPT_HOURS),
    opt("wording", &OPT_TEXT),
]);
static RESERVATIONS: Shape = Shape::ArrayOf(&RESERVATION);
static FACILITY: Shape = Shape::Object(&[
    req("id", &STRING),
    req("name", &TEXT),
    req("section", &CARE_TYPE),
    req("types", &CARE_TYPES),
    req("periods", &PERIODS),
    req("addresses", &STRINGS),
    req("phones", &STRINGS),
    opt("email", &OPT_STRING),
    req("reservations", &RESERVATIONS),
    req("shared_room", &BOOL),
    opt("message", &OPT_TEXT),
    opt("notes", &TEXTS),
]);

/// Reports why a part did not fit the model: every problem the walk finds, or serde's own
/// message (at the part) when the walk finds nothing more precise.
fn report_shape(
    shape: &Shape,
    v: &Value,
    at: &str,
    serde_error: serde_json::Error,
    out: &mut Vec<Problem>,
) {
    let before = out.len();
    walk(shape, v, at, out);
    if out.len() == before {
        out.push(Problem::new(at, serde_error.to_string()));
    }
}

fn walk(shape: &Shape, v: &Value, at: &str, out: &mut Vec<Problem>) {
    match shape {
        Shape::Leaf(check) => {
            if let Err(m) = check(v) {
                out.push(Problem::new(at, m));
            }
        }
        Shape::Nullable(inner) => {
            if !v.is_null() {
                walk(inner, v, at, out);
            }
        }
        Shape::ArrayOf(inner) => match v.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(inner, item, &format!("{at}[{i}]"), out);
                }
            }
            None => out.push(Problem::new(at, format!("expected an array, found {}", describe(v)))),
        },
        Shape::Object(fields) => match v.as_object() {
            Some(map) => {
                let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
                let required: Vec<&str> =
                    fields.iter().filter(|f| f.required).map(|f| f.name).collect();
                check_keys(map, at, &known, &required, out);
                for f in fields.iter() {
                    if let Some(x) = map.get(f.name) {
                        walk(f.shape, x, &format!("{at}.{}", f.name), out);
                    }
                }
            }
            None => {
                out.push(Problem::new(at, format!("expected an object, found {}", describe(v))))
            }
        },
        Shape::CareMap(inner) => match v.as_object() {
            Some(map) => {
                for (key, x) in map {
                    match key.parse::<CareType>() {
                        Ok(_) => walk(inner, x, &format!("{at}.{key}"), out),
                        Err(_) => out.push(Problem::new(
                            at,
                            format!("unknown care type {key:?} (expected stay, day or visit)"),
                        )),
                    }
                }
            }
            None => out.push(Problem::new(
                at,
                format!("expected an object keyed by care type, found {}", describe(v)),
            )),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Pass 3: sense.

fn unit_id(u: Unit) -> &'static str {
    match u {
        Unit::Day => "day",
        Unit::Visit => "visit",
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A name or id that people read must show as it is: a control character (ESC, CR, LF...), a
/// bidi override or a zero-width character ([`crate::visible`]) would let a terminal act on it
/// or make two different names look alike.
fn check_shown(at: &dyn Fn() -> String, what: &str, value: &str, out: &mut Vec<Problem>) {
    if let Some(c) = value.chars().find(|c| crate::visible::is_unsafe(*c)) {
        out.push(Problem::new(
            at(),
            format!(
                "the {what} holds U+{:04X}, a control, bidi or zero-width character (制御文字) \
                 that does not show as it is: {}",
                u32::from(c),
                crate::visible::one_line(value)
            ),
        ));
    }
}

/// Every language's version of a text: shown as it is, and not empty (a language left out
/// falls back to Japanese; an empty one would show nothing).
fn check_wording(at: &dyn Fn() -> String, what: &str, text: &Text, out: &mut Vec<Problem>) {
    for (lang, value) in text.versions() {
        let at_lang = || if lang == "ja" { at() } else { format!("{}.{lang}", at()) };
        if lang != "ja" && blank(value) {
            out.push(Problem::new(
                at_lang(),
                format!("the {what} in {lang:?} is empty: leave it out to show the Japanese"),
            ));
        }
        check_shown(&at_lang, what, value, out);
    }
}

/// The texts of a list, each checked as [`check_wording`] does.
fn check_wordings(at: &str, what: &str, texts: &[Text], out: &mut Vec<Problem>) {
    for (i, t) in texts.iter().enumerate() {
        check_wording(&|| format!("{at}[{i}]"), what, t, out);
    }
}

fn check_programme(p: &Programme, out: &mut Vec<Problem>) {
    for (field, value) in [("name", &*p.name), ("ward", &*p.ward), ("source", &p.source)] {
        if blank(value) {
            out.push(Problem::new(format!("programme.{field}"), "is empty"));
        }
    }
    for (field, value) in [("name", &p.name), ("ward", &p.ward)] {
        check_wording(&|| format!("programme.{field}"), "name", value, out);
    }
    check_wordings("programme.what_to_bring", "text", &p.what_to_bring, out);
    check_wordings("programme.notes", "note", &p.notes, out);
    check_wordings("programme.fee_exemption.households", "text", &p.fee_exemption.households, out);
    for (field, value) in [
        ("fee_exemption.wording", &p.fee_exemption.wording),
        ("cancellation.wording", &p.cancellation.wording),
        ("application.wording", &p.application.wording),
    ] {
        check_wording(&|| format!("programme.{field}"), "wording", value, out);
    }

    // A ward offers one, two or all three care types, each once.
    if p.care_types.is_empty() {
        out.push(Problem::new(
            "programme.care_types",
            "the programme offers no care type: at least one of stay, day, visit",
        ));
    }
    for &care in CareType::ALL {
        let n = p.care_types.iter().filter(|r| r.id == care).count();
        if n > 1 {
            out.push(Problem::new(
                "programme.care_types",
                format!("care type {care} is listed {n} times: each at most once"),
            ));
        }
    }
    for (i, rule) in p.care_types.iter().enumerate() {
        let at = format!("programme.care_types[{i}] ({})", rule.id);
        if rule.limit < 1 {
            out.push(Problem::new(format!("{at}.limit"), "limit (利用上限) must be at least 1"));
        }
        if let Some(m) = rule.limit_multiples
            && m < rule.limit
        {
            out.push(Problem::new(
                format!("{at}.limit_multiples"),
                format!(
                    "the limit for multiples ({m}) is below the limit ({}): it must be at least that",
                    rule.limit
                ),
            ));
        }
        if rule.unit != rule.id.unit() {
            out.push(Problem::new(
                &at,
                format!(
                    "unit {} does not fit {}: expected {}",
                    unit_id(rule.unit),
                    rule.id,
                    unit_id(rule.id.unit())
                ),
            ));
        }
        if blank(&rule.name) {
            out.push(Problem::new(&at, "empty name"));
        }
        check_wording(&|| at.clone(), "name", &rule.name, out);
        check_wording(&|| format!("{at}.limit_wording"), "wording", &rule.limit_wording, out);
        check_wordings(&format!("{at}.notes"), "note", &rule.notes, out);
    }

    if blank(&p.cancellation.wording) {
        out.push(Problem::new("programme.cancellation.wording", "is empty"));
    }
    if p.cancellation.units_charged < 1 {
        out.push(Problem::new(
            "programme.cancellation.units_charged",
            "a late cancellation must consume at least 1 unit",
        ));
    }
    if p.cancellation.no_show_units == Some(0) {
        out.push(Problem::new(
            "programme.cancellation.no_show_units",
            "a no-show (無断キャンセル) must consume at least 1 unit",
        ));
    }
    if p.cancellation.days_before > 60 {
        out.push(Problem::new(
            "programme.cancellation.days_before",
            format!(
                "{} days before the first day makes no sense (at most 60)",
                p.cancellation.days_before
            ),
        ));
    }
    if let Some(code) = &p.ward_code
        && let Err(e) = crate::domain::ward_code::validate(code)
    {
        out.push(Problem::new(
            "programme.ward_code",
            format!(
                "{e}: a 全国地方公共団体コード has 6 digits, the last a check digit (北区: 131172)"
            ),
        ));
    }
    if blank(&p.fee_exemption.wording) {
        out.push(Problem::new("programme.fee_exemption.wording", "is empty"));
    }

    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, s) in p.screening.iter().enumerate() {
        let at = format!("programme.screening[{i}]");
        check_shown(&|| at.clone(), "id", &s.id, out);
        if blank(&s.id) {
            out.push(Problem::new(&at, "empty id"));
        } else if let Some(first) = seen.insert(&s.id, i) {
            out.push(Problem::new(
                &at,
                format!("duplicate id {:?} (also programme.screening[{first}])", s.id),
            ));
        }
        if blank(&s.ja) || blank(&s.en) {
            out.push(Problem::new(&at, "the question needs both ja and en"));
        }
    }

    if p.contacts.is_empty() {
        out.push(Problem::new("programme.contacts", "no contacts (問合せ・受付窓口)"));
    }
    for (i, c) in p.contacts.iter().enumerate() {
        let at = if blank(&c.name) {
            format!("programme.contacts[{i}]")
        } else {
            format!("programme.contacts[{i}] ({})", crate::visible::one_line(&c.name))
        };
        if blank(&c.name) {
            out.push(Problem::new(&at, "contact has no name"));
        }
        check_wording(&|| at.clone(), "name", &c.name, out);
        if let Some(section) = &c.section {
            check_wording(&|| format!("{at}.section"), "section", section, out);
        }
        if blank(&c.phone) {
            out.push(Problem::new(&at, "contact has no phone number"));
        }
    }
}

const ALL_CHANNELS: [Channel; 4] = [Channel::Phone, Channel::Web, Channel::Line, Channel::Email];

fn valid_id(id: &str) -> bool {
    id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn type_list(types: &[CareType]) -> String {
    if types.is_empty() {
        return "none".to_string();
    }
    types.iter().map(|t| t.id()).collect::<Vec<_>>().join(", ")
}

/// Each facility; `offered` is the programme's care types when the programme could be read (a
/// facility may offer only those).
fn check_facilities(
    facilities: &[(usize, &Facility)],
    offered: Option<&[CareType]>,
    out: &mut Vec<Problem>,
) {
    let mut first_with_id: BTreeMap<&str, usize> = BTreeMap::new();
    for &(i, f) in facilities {
        // The place is written out only for a problem (2,000 facilities check in ~1 ms less).
        let at = || facility_at(i, Some(&f.id));
        check_facility_id(i, &f.id, &at, &mut first_with_id, out);
        check_facility(f, &at, out);
        for care in f.types.iter().filter(|c| offered.is_some_and(|o| !o.contains(c))) {
            out.push(Problem::new(
                format!("{}.types", at()),
                format!("{care} is not a care type the programme offers (programme.care_types)"),
            ));
        }
    }
}

/// A facility's id: not empty, only `a-z 0-9 -`, not the id of an earlier facility.
fn check_facility_id<'a>(
    i: usize,
    id: &'a str,
    at: &dyn Fn() -> String,
    first_with_id: &mut BTreeMap<&'a str, usize>,
    out: &mut Vec<Problem>,
) {
    if id.is_empty() {
        out.push(Problem::new(at(), "empty id"));
        return;
    }
    if !valid_id(id) {
        out.push(Problem::new(
            at(),
            format!(
                "id {id:?} must use only lowercase ASCII letters, digits and hyphens (a-z, 0-9, -)"
            ),
        ));
    }
    if let Some(first) = first_with_id.insert(id, i) {
        first_with_id.insert(id, first);
        out.push(Problem::new(at(), format!("duplicate id {id:?} (also facilities[{first}])")));
    }
}

/// `at` writes out the facility's place (for a problem's message only).
fn check_facility(f: &Facility, at: &dyn Fn() -> String, out: &mut Vec<Problem>) {
    let at_field = |field: &str| format!("{}.{field}", at());
    if blank(&f.name) {
        out.push(Problem::new(at(), "empty name"));
    }
    check_wording(at, "name", &f.name, out);
    if let Some(m) = &f.message {
        check_wording(&|| at_field("message"), "message", m, out);
    }
    check_wordings(&at_field("notes"), "note", &f.notes, out);

    // Care types and periods.
    if f.types.is_empty() {
        out.push(Problem::new(at_field("types"), "the facility offers no care type"));
    }
    for &care in CareType::ALL {
        let n = f.types.iter().filter(|t| **t == care).count();
        if n > 1 {
            out.push(Problem::new(at_field("types"), format!("{care} is listed {n} times")));
        }
    }
    if !f.types.is_empty() && !f.offers(f.section) {
        out.push(Problem::new(
            at_field("section"),
            format!(
                "section {} is not one of the care types the facility offers ({})",
                f.section,
                type_list(&f.types)
            ),
        ));
    }
    for &care in CareType::ALL {
        if f.offers(care) && f.period(care).is_none() {
            out.push(Problem::new(
                at_field("periods"),
                format!("no period (利用期間) for {care}, which the facility offers"),
            ));
        }
    }
    for (care, entry) in &f.periods {
        let pat = || at_field(&format!("periods.{care}"));
        if !f.offers(*care) {
            out.push(Problem::new(
                pat(),
                format!(
                    "a period for {care}, which the facility does not offer (types: {})",
                    type_list(&f.types)
                ),
            ));
        }
        if !entry.period.is_sensible() {
            out.push(Problem::new(
                pat(),
                format!(
                    "the period {:?} ({}) makes no sense",
                    words::period_long(En, entry.period),
                    words::period_short(Ja, entry.period)
                ),
            ));
        }
        if blank(&entry.wording) {
            out.push(Problem::new(pat(), "empty wording"));
        }
        check_wording(&|| format!("{}.wording", pat()), "wording", &entry.wording, out);
    }

    // Contact details.
    for (k, a) in f.addresses.iter().enumerate() {
        if blank(a) {
            out.push(Problem::new(at_field(&format!("addresses[{k}]")), "empty address"));
        }
    }
    for (k, p) in f.phones.iter().enumerate() {
        if blank(p) {
            out.push(Problem::new(at_field(&format!("phones[{k}]")), "empty phone number"));
        }
    }
    let has_phone = f.phones.iter().any(|p| !blank(p));
    if let Some(e) = &f.email
        && (blank(e) || !e.contains('@'))
    {
        out.push(Problem::new(at_field("email"), format!("{e:?} is not an e-mail address")));
    }

    // Reservations.
    for (k, r) in f.reservations.iter().enumerate() {
        let rat = || at_field(&format!("reservations[{k}]"));
        if r.types.is_empty() {
            out.push(Problem::new(rat(), "lists no care type"));
        }
        for care in &r.types {
            if !f.offers(*care) {
                out.push(Problem::new(
                    rat(),
                    format!(
                        "lists {care}, which the facility does not offer (types: {})",
                        type_list(&f.types)
                    ),
                ));
            }
        }
        for ch in ALL_CHANNELS {
            let n = r.channels.iter().filter(|c| **c == ch).count();
            if n > 1 {
                out.push(Problem::new(rat(), format!("channel {} is listed {n} times", ch.id())));
            }
        }
        let phone = r.channels.contains(&Channel::Phone);
        if let Some(hours) = &r.hours {
            for p in hours.problems() {
                out.push(Problem::new(format!("{}.hours", rat()), p));
            }
            if !phone {
                out.push(Problem::new(
                    rat(),
                    "phone hours (電話受付時間) are given but phone is not one of the channels",
                ));
            }
        }
        if phone && !has_phone {
            out.push(Problem::new(
                rat(),
                if r.hours.is_some() {
                    "the phone channel has hours but the facility has no phone number"
                } else {
                    "the phone channel is listed but the facility has no phone number"
                },
            ));
        }
        if r.channels.contains(&Channel::Email) && f.email.as_deref().is_none_or(blank) {
            out.push(Problem::new(
                rat(),
                "the email channel is listed but the facility has no e-mail address",
            ));
        }
    }
    for &care in CareType::ALL {
        if !f.offers(care) {
            continue;
        }
        let n = f.reservations.iter().filter(|r| r.types.contains(&care)).count();
        if n == 0 {
            out.push(Problem::new(
                at_field("reservations"),
                format!("no reservation entry for {care}, which the facility offers"),
            ));
        } else if n > 1 {
            out.push(Problem::new(
                at_field("reservations"),
                format!("{care} appears in {n} reservation entries: give it one"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const EMBEDDED: &str = include_str!("../../assets/kita.json");

    /// The 25 facilities in the flyer's order, names as the flyer writes them.
    const FLYER_NAMES: [&str; 25] = [
        "東京北医療センター",
        "荒木記念東京リバーサイド病院",
        "あらかわレディースクリニック",
        "東京都立豊島病院",
        "板橋区医師会病院",
        "医療法人財団 仁寿会 荘病院",
        "永寿総合病院",
        "スワンレディスクリニック",
        "綾瀬産後ケア",
        "みづき助産院",
        "はあとほっと",
        "晴ル・助産院",
        "加塚医院",
        "ほっこりへの 志茂店",
        "ほっこりへの 北赤羽店",
        "はうおり助産院",
        "ムックムク",
        "おくだいら助産所",
        "出張専門助産院 ばんぶう",
        "胎の実助産院",
        "なかの助産院",
        "いかだい助産所",
        "がまへず助産院",
        "ふたむら母乳育児相談処",
        "さくら助産院",
    ];

    fn embedded() -> Value {
        serde_json::from_str(EMBEDDED).unwrap()
    }

    fn problems(v: &Value) -> Vec<Problem> {
        match check_text(&serde_json::to_string_pretty(v).unwrap()) {
            Ok(_) => panic!("expected problems"),
            Err(p) => p,
        }
    }

    /// The problems whose place contains `at` and message contains `message`.
    fn find<'a>(ps: &'a [Problem], at: &str, message: &str) -> Vec<&'a Problem> {
        ps.iter().filter(|p| p.at.contains(at) && p.message.contains(message)).collect()
    }

    #[track_caller]
    fn assert_has(ps: &[Problem], at: &str, message: &str) {
        assert!(
            !find(ps, at, message).is_empty(),
            "no problem at {at:?} saying {message:?} in:\n{}",
            ps.iter().map(|p| format!("  {p}\n")).collect::<String>()
        );
    }

    fn facility_index(v: &Value, id: &str) -> usize {
        v["facilities"].as_array().unwrap().iter().position(|f| f["id"] == id).unwrap()
    }

    fn facility_mut<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
        let i = facility_index(v, id);
        &mut v["facilities"][i]
    }

    // --- the embedded dataset -----------------------------------------------------------------

    #[test]
    fn embedded_dataset_is_valid_and_has_the_flyers_25_facilities() {
        let ds = check_text(EMBEDDED).unwrap_or_else(|ps| {
            panic!("{}", ps.iter().map(|p| format!("{p}\n")).collect::<String>())
        });
        assert_eq!(ds.version, 1);
        assert!(check_dataset(&ds).is_empty());
        let names: Vec<&str> = ds.facilities.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, FLYER_NAMES);
        let in_section = |c: CareType| ds.facilities.iter().filter(|f| f.section == c).count();
        assert_eq!(
            (in_section(CareType::Stay), in_section(CareType::Day), in_section(CareType::Visit)),
            (7, 9, 9)
        );
        let offering = |c: CareType| ds.facilities.iter().filter(|f| f.offers(c)).count();
        assert_eq!(
            (offering(CareType::Stay), offering(CareType::Day), offering(CareType::Visit)),
            (8, 10, 9)
        );
        let mut ids: Vec<&str> = ds.facilities.iter().map(|f| f.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 25);
        assert!(ds.facilities.iter().all(|f| valid_id(&f.id)));
    }

    #[test]
    fn embedded_programme_matches_the_flyer() {
        let ds = check_text(EMBEDDED).unwrap();
        let rule = |c| ds.care_rule(c).unwrap();
        let stay = rule(CareType::Stay);
        assert_eq!((stay.limit, stay.fee.base_yen, stay.fee.extra_baby_yen), (4, 3300, 1100));
        assert!(stay.meals);
        let day = rule(CareType::Day);
        assert_eq!((day.limit, day.fee.base_yen, day.fee.extra_baby_yen), (6, 2500, 840));
        assert!(!day.meals);
        let visit = rule(CareType::Visit);
        assert_eq!((visit.limit, visit.fee.base_yen, visit.fee.extra_baby_yen), (3, 1000, 340));
        assert_eq!(visit.unit, Unit::Visit);
        let p = &ds.programme;
        assert_eq!(p.cancellation.cutoff.to_string(), "11:00");
        assert_eq!((p.cancellation.days_before, p.cancellation.units_charged), (1, 1));
        assert_eq!((p.application.opens_at_weeks, p.application.coupon_business_days), (28, 10));
        let phones: Vec<&str> = p.contacts.iter().map(|c| c.phone.as_str()).collect();
        assert_eq!(phones, ["03-3908-7050", "03-3919-7588", "03-3903-6481", "03-3915-0184"]);
        assert_eq!(p.screening.len(), 3);
        assert!(p.screening.iter().any(|s| s.ja.contains("乳腺炎")));
    }

    #[test]
    fn embedded_facilities_keep_the_flyers_special_cases() {
        use crate::domain::hours::Exclusion;
        use crate::domain::period::Period;
        let ds = check_text(EMBEDDED).unwrap();
        let f = |id: &str| ds.facility(id).unwrap();

        let ayase = f("ayase-sango-care");
        assert_eq!(ayase.types, [CareType::Stay, CareType::Day]);
        assert_eq!(ayase.period(CareType::Stay).unwrap().period, Period::DaysThrough(60));
        assert_eq!(ayase.period(CareType::Day).unwrap().period, Period::DaysThrough(120));
        assert_eq!(ayase.reservation(CareType::Day).unwrap().channels, [Channel::Web]);
        assert!(ayase.phone_hours(Some(CareType::Stay)).is_some());
        assert!(!ayase.phone_hours(Some(CareType::Stay)).unwrap().states_holidays());

        let muku = f("mukkumuku");
        assert_eq!(muku.types, [CareType::Day, CareType::Visit]);
        assert_eq!(muku.period(CareType::Visit).unwrap().period, Period::YearsWithin(1));
        assert!(muku.phone_hours(None).is_none());

        let kita_akabane = f("hokkori-heno-kita-akabane");
        assert!(kita_akabane.message.is_none());
        assert!(kita_akabane.channels().is_empty());
        assert!(kita_akabane.reservation(CareType::Day).unwrap().wording.is_none());

        let sho = f("sho-hospital");
        let hours = sho.phone_hours(None).unwrap();
        assert!(hours.exclusions.contains(&Exclusion::Holidays));
        assert_eq!(hours.exclusions.len(), 3);

        assert_eq!(f("hauoli-josanin").addresses.len(), 2);
        assert!(f("hauoli-josanin").shared_room);
        assert_eq!(f("bamboo-josanin").email.as_deref(), Some("mw.bamboo1103@gmail.com"));
        assert_eq!(
            f("tokyo-metropolitan-toshima-hospital").period(CareType::Stay).unwrap().period,
            Period::DaysBefore(60)
        );
        assert_eq!(
            f("eiju-general-hospital").period(CareType::Stay).unwrap().period,
            Period::MonthsBefore(4)
        );
        for id in ["eiju-general-hospital", "okudaira-josanjo", "bamboo-josanin"] {
            assert!(!f(id).phone_hours(None).unwrap().states_holidays(), "{id}");
        }
        for id in ["nakano-josanin", "sakura-josanin", "tokyo-kita-medical-center"] {
            assert!(f(id).phone_hours(None).unwrap().states_holidays(), "{id}");
        }
        // Every stay facility has (※) rooms; the visit midwives list no address but ムックムク.
        assert!(
            ds.facilities.iter().filter(|f| f.section == CareType::Stay).all(|f| f.shared_room)
        );
        let no_address = ds.facilities.iter().filter(|f| f.addresses.is_empty()).count();
        assert_eq!(no_address, 8);
        assert!(ds.facilities.iter().all(|f| !f.name.contains('※')));
    }

    // --- pass 1: JSON syntax ------------------------------------------------------------------

    #[test]
    fn bad_json_is_one_problem_with_line_and_column() {
        let ps = check_text("{\n  \"version\": 1,\n  \"programme\": ,\n}").unwrap_err();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].at, "line 3 column 16");
        assert!(ps[0].message.starts_with("not valid JSON: expected value"), "{}", ps[0]);
        assert!(!ps[0].message.contains(" at line "));
    }

    #[test]
    fn not_an_object_at_the_top() {
        let ps = check_text("[1, 2]").unwrap_err();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].at, TOP);
    }

    // --- pass 2: shape ------------------------------------------------------------------------

    #[test]
    fn missing_and_unknown_top_level_fields() {
        let mut v = embedded();
        let obj = v.as_object_mut().unwrap();
        obj.remove("version");
        obj.insert("extra".into(), json!(true));
        let ps = problems(&v);
        assert_has(&ps, TOP, "missing field `version`");
        assert_has(&ps, TOP, "unknown field `extra`");
    }

    #[test]
    fn missing_facility_field_names_the_facility() {
        let mut v = embedded();
        v["facilities"][3].as_object_mut().unwrap().remove("name");
        let ps = problems(&v);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].at, "facilities[3] (id \"tokyo-metropolitan-toshima-hospital\")");
        assert_eq!(ps[0].message, "missing field `name`");
    }

    #[test]
    fn unknown_care_type_in_periods_is_named() {
        let mut v = embedded();
        let periods = v["facilities"][5]["periods"].as_object_mut().unwrap();
        let entry = periods.remove("stay").unwrap();
        periods.insert("night".into(), entry);
        let ps = problems(&v);
        assert_has(
            &ps,
            "facilities[5] (id \"sho-hospital\").periods",
            "unknown care type \"night\"",
        );
    }

    #[test]
    fn unknown_field_and_wrong_types_are_named_by_path() {
        let mut v = embedded();
        let f = facility_mut(&mut v, "bamboo-josanin");
        f["shared_room"] = json!("yes");
        f["fax"] = json!("03-0000-0000");
        f["reservations"][0]["hours"]["ranges"][1]["start"] = json!("25:00");
        f["reservations"][0]["channels"][2] = json!("fax");
        f["types"][0] = json!("night");
        let ps = problems(&v);
        let at = "facilities[18] (id \"bamboo-josanin\")";
        assert_has(&ps, &format!("{at}.shared_room"), "invalid type");
        assert_has(&ps, at, "unknown field `fax`");
        assert_has(&ps, &format!("{at}.reservations[0].hours.ranges[1].start"), "25:00");
        assert_has(&ps, &format!("{at}.reservations[0].channels[2]"), "fax");
        assert_has(&ps, &format!("{at}.types[0]"), "unknown care type");
        assert_eq!(ps.len(), 5, "{ps:?}");
    }

    #[test]
    fn unknown_fields_inside_hours_are_reported() {
        let mut v = embedded();
        let f = facility_mut(&mut v, "sho-hospital");
        // A typo that serde alone would silently ignore.
        f["reservations"][0]["hours"]["exclusion"] = json!([]);
        f["reservations"][0]["hours"]["ranges"][0]["from"] = json!("09:00");
        let ps = problems(&v);
        let at = "facilities[5] (id \"sho-hospital\").reservations[0].hours";
        assert_has(&ps, at, "unknown field `exclusion`");
        assert_has(&ps, &format!("{at}.ranges[0]"), "unknown field `from`");
        assert_eq!(ps.len(), 2, "{ps:?}");
        // And together with a real error, reported once each.
        facility_mut(&mut v, "sho-hospital")["reservations"][0]["hours"]["ranges"][0]["days"][0] =
            json!("monday");
        let ps = problems(&v);
        assert_has(&ps, "reservations[0].hours.ranges[0].days[0]", "monday");
        assert_eq!(ps.len(), 3, "{ps:?}");
    }

    #[test]
    fn a_broken_programme_does_not_hide_facility_problems() {
        let mut v = embedded();
        v["programme"]["care_types"][1]["limit"] = json!(-1);
        v["programme"]["contacts"][0].as_object_mut().unwrap().remove("phone");
        v["facilities"][0].as_object_mut().unwrap().remove("types");
        let ps = problems(&v);
        assert_has(&ps, "programme.care_types[1].limit", "invalid value");
        assert_has(&ps, "programme.contacts[0]", "missing field `phone`");
        assert_has(
            &ps,
            "facilities[0] (id \"tokyo-kita-medical-center\")",
            "missing field `types`",
        );
    }

    #[test]
    fn several_broken_facilities_are_all_listed() {
        let mut v = embedded();
        v["facilities"][2].as_object_mut().unwrap().remove("name");
        v["facilities"][9]["section"] = json!("night");
        v["facilities"][20]["periods"]["visit"]["period"] = json!({"kind": "weeks", "n": 3});
        v["facilities"][24]["id"] = json!("Sakura");
        v["facilities"][24]["periods"]["visit"]["period"]["n"] = json!(0);
        let ps = problems(&v);
        assert_has(&ps, "facilities[2] (id \"arakawa-ladies-clinic\")", "missing field `name`");
        assert_has(&ps, "facilities[9] (id \"mizuki-josanin\").section", "unknown care type");
        assert_has(&ps, "facilities[20] (id \"nakano-josanin\").periods.visit.period", "weeks");
        assert_has(&ps, "facilities[24] (id \"Sakura\")", "lowercase ASCII");
        assert_has(&ps, "facilities[24] (id \"Sakura\").periods.visit", "makes no sense");
        assert_eq!(ps.len(), 5, "{ps:?}");
    }

    // --- pass 3: sense ------------------------------------------------------------------------

    #[test]
    fn version_must_be_1() {
        let mut v = embedded();
        v["version"] = json!(2);
        let ps = problems(&v);
        assert_eq!(
            ps,
            [Problem::new("version", "version 2 is not supported: this program reads version 1")]
        );
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let mut v = embedded();
        v["facilities"][7]["id"] = json!("tokyo-kita-medical-center");
        let ps = problems(&v);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].at, "facilities[7] (id \"tokyo-kita-medical-center\")");
        assert!(ps[0].message.contains("also facilities[0]"));
    }

    #[test]
    fn empty_id_and_name() {
        let mut v = embedded();
        v["facilities"][1]["id"] = json!("");
        v["facilities"][2]["name"] = json!("  ");
        let ps = problems(&v);
        assert_has(&ps, "facilities[1]", "empty id");
        assert_has(&ps, "facilities[2] (id \"arakawa-ladies-clinic\")", "empty name");
        assert_eq!(ps.len(), 2);
    }

    #[test]
    fn ids_must_be_lowercase_ascii() {
        for bad in ["Tokyo", "tokyo_kita", "東京北", "tokyo kita"] {
            let mut v = embedded();
            v["facilities"][0]["id"] = json!(bad);
            let ps = problems(&v);
            assert_has(&ps, "facilities[0]", "lowercase ASCII");
        }
        assert!(valid_id("tokyo-kita-2"));
    }

    #[test]
    fn offered_type_without_period_and_period_without_type() {
        let mut v = embedded();
        let f = facility_mut(&mut v, "ayase-sango-care");
        f["periods"].as_object_mut().unwrap().remove("day");
        let f = facility_mut(&mut v, "swan-ladies-clinic");
        f["periods"]["visit"] =
            json!({"period": {"kind": "years_within", "n": 1}, "wording": "産後 1 年以内"});
        let ps = problems(&v);
        assert_has(&ps, "(id \"ayase-sango-care\").periods", "no period (利用期間) for day");
        assert_has(&ps, "(id \"swan-ladies-clinic\").periods.visit", "does not offer");
        assert_eq!(ps.len(), 2, "{ps:?}");
    }

    #[test]
    fn senseless_periods() {
        let mut v = embedded();
        facility_mut(&mut v, "sakura-josanin")["periods"]["visit"]["period"] =
            json!({"kind": "days_before", "n": 0});
        facility_mut(&mut v, "nakano-josanin")["periods"]["visit"]["period"] =
            json!({"kind": "years_within", "n": 0});
        let ps = problems(&v);
        assert_eq!(find(&ps, "", "makes no sense").len(), 2, "{ps:?}");
    }

    #[test]
    fn programme_care_types_each_once_with_a_limit() {
        let mut v = embedded();
        let rules = v["programme"]["care_types"].as_array_mut().unwrap();
        rules[2] = rules[0].clone();
        rules[1]["limit"] = json!(0);
        rules[1]["unit"] = json!("visit");
        let ps = problems(&v);
        // Without a rule for visits, the facilities offering them are named.
        assert_has(
            &ps,
            "(id \"mukkumuku\").types",
            "visit is not a care type the programme offers",
        );
        assert_has(&ps, "programme.care_types", "stay is listed 2 times");
        assert_has(&ps, "programme.care_types[1] (day).limit", "at least 1");
        assert_has(&ps, "programme.care_types[1] (day)", "unit visit does not fit day");
    }

    #[test]
    fn a_ward_without_home_visits_is_a_valid_programme() {
        let mut v = embedded();
        v["programme"]["care_types"].as_array_mut().unwrap().truncate(2);
        let facilities = v["facilities"].as_array_mut().unwrap();
        facilities.retain(|f| f["types"].as_array().unwrap().iter().all(|t| t != "visit"));
        assert!(check_value(&v).is_ok(), "{:?}", check_value(&v).err());
    }

    #[test]
    fn the_rule_values_are_checked_naming_the_field() {
        let mut v = embedded();
        v["programme"]["cancellation"]["cutoff"] = json!("11時");
        v["programme"]["cancellation"]["count"] = json!("working_days");
        let ps = problems(&v);
        assert_has(&ps, "programme.cancellation.cutoff", "not a time");
        assert_has(&ps, "programme.cancellation.count", "working_days");
        let mut v = embedded();
        v["programme"]["cancellation"]["units_charged"] = json!(0);
        v["programme"]["cancellation"]["no_show_units"] = json!(0);
        v["programme"]["care_types"][0]["limit_multiples"] = json!(3);
        v["programme"]["ward_code"] = json!("131173");
        let ps = problems(&v);
        assert_has(&ps, "programme.cancellation.units_charged", "at least 1");
        assert_has(&ps, "programme.cancellation.no_show_units", "at least 1");
        assert_has(&ps, "programme.care_types[0] (stay).limit_multiples", "below the limit");
        assert_has(&ps, "programme.ward_code", "check digit");
        let mut v = embedded();
        v["programme"]["care_types"] = json!([]);
        assert_has(&problems(&v), "programme.care_types", "offers no care type");
    }

    #[test]
    fn texts_in_other_languages_are_checked_naming_the_field_and_the_language() {
        let mut v = embedded();
        v["programme"]["name"] = json!({"en": "Kita City postpartum care"});
        v["programme"]["notes"][1] = json!({"ja": "注意", "English": "Note"});
        facility_mut(&mut v, "eiju-general-hospital")["message"] =
            json!({"ja": "ようこそ", "en": 5});
        let ps = problems(&v);
        assert_has(&ps, "programme.name", "needs its Japanese version");
        assert_has(&ps, "programme.notes[1]", "\"English\" is not a language tag");
        assert_has(
            &ps,
            "facilities[6] (id \"eiju-general-hospital\").message",
            "\"en\" must be a string",
        );

        let mut v = embedded();
        v["programme"]["care_types"][0]["name"] = json!({"ja": "宿泊型", "en": " "});
        v["programme"]["contacts"][0]["section"] = json!({"ja": "係", "en": "Section\u{1b}[2J"});
        let ps = problems(&v);
        assert_has(&ps, "programme.care_types[0] (stay).en", "leave it out to show the Japanese");
        assert_has(&ps, "programme.contacts[0] (北区保健サービス課).section.en", "U+001B");
    }

    #[test]
    fn hours_problems_are_reported_at_the_reservation() {
        use crate::domain::hours::PhoneHours;
        let bad = json!({"ranges": [{"days": [], "start": "16:00", "end": "09:00"}]});
        let expected = PhoneHours::deserialize(&bad).unwrap().problems();
        let mut v = embedded();
        facility_mut(&mut v, "eiju-general-hospital")["reservations"][0]["hours"] = bad;
        let result = check_text(&v.to_string());
        let at = "facilities[6] (id \"eiju-general-hospital\").reservations[0].hours";
        if expected.is_empty() {
            // PhoneHours::problems finds nothing wrong yet: nothing to report.
            assert!(result.is_ok());
        } else {
            let ps = result.unwrap_err();
            for m in &expected {
                assert!(ps.contains(&Problem::new(at, m.clone())), "{m} not in {ps:?}");
            }
            assert_eq!(ps.len(), expected.len());
        }
    }

    #[test]
    fn reservation_types_must_be_offered_and_every_type_reserved() {
        let mut v = embedded();
        let f = facility_mut(&mut v, "ayase-sango-care");
        f["reservations"][1]["types"] = json!(["visit"]);
        let ps = problems(&v);
        assert_has(&ps, "(id \"ayase-sango-care\").reservations[1]", "lists visit");
        assert_has(&ps, "(id \"ayase-sango-care\").reservations", "no reservation entry for day");
        assert_eq!(ps.len(), 2, "{ps:?}");
    }

    #[test]
    fn a_type_in_two_reservation_entries() {
        let mut v = embedded();
        facility_mut(&mut v, "ayase-sango-care")["reservations"][1]["types"] =
            json!(["stay", "day"]);
        let ps = problems(&v);
        assert_has(&ps, "reservations", "stay appears in 2 reservation entries");
    }

    #[test]
    fn phone_hours_without_a_phone_number() {
        let mut v = embedded();
        facility_mut(&mut v, "okudaira-josanjo")["phones"] = json!([]);
        let ps = problems(&v);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].at, "facilities[17] (id \"okudaira-josanjo\").reservations[0]");
        assert!(ps[0].message.contains("has hours but the facility has no phone number"));
    }

    #[test]
    fn hours_without_the_phone_channel_and_email_without_address() {
        let mut v = embedded();
        let f = facility_mut(&mut v, "bamboo-josanin");
        f["reservations"][0]["channels"] = json!(["web", "email"]);
        f["email"] = json!(null);
        let ps = problems(&v);
        assert_has(&ps, "reservations[0]", "phone is not one of the channels");
        assert_has(&ps, "reservations[0]", "no e-mail address");
        assert_eq!(ps.len(), 2, "{ps:?}");
    }

    #[test]
    fn contacts_need_a_phone() {
        let mut v = embedded();
        v["programme"]["contacts"][2]["phone"] = json!("");
        let ps = problems(&v);
        assert_eq!(
            ps,
            [Problem::new(
                "programme.contacts[2] (赤羽健康支援センター)",
                "contact has no phone number"
            )]
        );
    }

    #[test]
    fn section_must_be_offered() {
        let mut v = embedded();
        facility_mut(&mut v, "mukkumuku")["section"] = json!("stay");
        let ps = problems(&v);
        assert_has(&ps, "(id \"mukkumuku\").section", "not one of the care types");
    }

    #[test]
    fn names_and_ids_with_control_bidi_or_zero_width_characters_are_refused() {
        let unsafe_texts = ["東京\u{1b}]0;x\u{7}", "A\u{202E}B", "R\u{200B}1", "a\nb", "\u{FEFF}x"];
        for bad in unsafe_texts {
            let mut v = embedded();
            v["programme"]["name"] = json!(bad);
            v["programme"]["ward"] = json!(bad);
            v["programme"]["care_types"][1]["name"] = json!(bad);
            v["programme"]["screening"][0]["id"] = json!(bad);
            v["programme"]["contacts"][0]["name"] = json!(bad);
            v["facilities"][2]["name"] = json!(bad);
            v["facilities"][4]["id"] = json!(bad);
            let ps = problems(&v);
            let said = "control, bidi or zero-width";
            assert_has(&ps, "programme.name", said);
            assert_has(&ps, "programme.ward", said);
            assert_has(&ps, "programme.care_types[1]", said);
            assert_has(&ps, "programme.screening[0]", said);
            assert_has(&ps, "programme.contacts[0]", said);
            assert_has(&ps, "facilities[2] (id \"arakawa-ladies-clinic\")", said);
            assert_has(&ps, "facilities[4]", "lowercase ASCII");
            for p in &ps {
                assert!(!crate::visible::has_unsafe(&p.to_string()), "shown as it is: {p:?}");
            }
            // The summary that quota and bookings read refuses a facility's name too.
            let mut v = embedded();
            v["facilities"][2]["name"] = json!(bad);
            let t = serde_json::to_string(&v).unwrap();
            let ps = match crate::dataset::load::parse_summary(&t, "x") {
                Err(crate::dataset::DatasetError::Invalid { problems, .. }) => problems,
                other => panic!("{bad:?}: {other:?}"),
            };
            assert_has(&ps, "facilities[2]", said);
        }
        // Japanese names with ordinary spaces and punctuation are fine (the embedded ones).
        assert!(check_text(EMBEDDED).is_ok());
    }

    #[test]
    fn shape_and_sense_problems_are_listed_together() {
        let mut v = embedded();
        v["version"] = json!(3);
        v["facilities"][0].as_object_mut().unwrap().remove("phones");
        v["facilities"][1]["id"] = json!("tokyo-metropolitan-toshima-hospital");
        v["programme"]["contacts"][3]["phone"] = json!(" ");
        let ps = problems(&v);
        assert_has(&ps, "version", "version 3");
        assert_has(&ps, "facilities[0]", "missing field `phones`");
        assert_has(&ps, "facilities[3]", "duplicate id");
        assert_has(&ps, "programme.contacts[3]", "no phone number");
        assert_eq!(ps.len(), 4, "{ps:?}");
    }

    #[test]
    fn check_dataset_agrees_on_a_typed_dataset() {
        let mut ds = check_text(EMBEDDED).unwrap();
        ds.facilities[4].types.clear();
        let ps = check_dataset(&ds);
        assert_has(
            &ps,
            "facilities[4] (id \"itabashi-medical-association-hospital\").types",
            "no care type",
        );
        assert_has(&ps, "periods.stay", "does not offer");
        assert_has(&ps, "reservations[0]", "lists stay");
    }
}
