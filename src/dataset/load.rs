//! Loading the dataset: the embedded default, a file named by `--dataset`, or `SANGO_DATASET`.
//! A file is read up to [`MAX_BYTES`]: a device or a pipe that never ends (`/dev/zero`) is
//! refused instead of read until memory runs out.
//!
//! The commands' loaders ([`load`], [`load_summary`], [`load_for_facility`], [`load_programme`])
//! first hash the text and look for its checked copy in the cache ([`super::cache`]), reading
//! only the parts they need; without one they read and check the whole text as before, and keep
//! it in the cache when it is sound.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::cache::{self, Cache};
use super::check::{self, Problem};
use super::model::{CareTypeRule, Dataset, Facility, Programme};
use crate::domain::care::CareType;

/// The Kita City dataset shipped in `assets/`, built into the binary.
pub const EMBEDDED: &str = include_str!("../../assets/kita.json");
/// The environment variable naming another dataset file.
pub const ENV_VAR: &str = "SANGO_DATASET";
/// The largest dataset file read: ten times the synthetic load of all 23 wards (`sango synth`
/// with 2,000 facilities writes ~3.2 MB), while the embedded one is ~60 KB.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read the dataset (データセット) {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "the dataset (データセット) {path} is larger than {} MiB, the most sango reads: is it the right file?",
        MAX_BYTES / (1024 * 1024)
    )]
    TooLarge { path: PathBuf },
    #[error("the dataset (データセット) {origin} is invalid:\n{}", render(.problems))]
    Invalid { origin: String, problems: Vec<Problem> },
}

fn render(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
}

/// Parses and validates dataset text; `origin` names it in messages.
pub fn parse(text: &str, origin: &str) -> Result<Dataset, DatasetError> {
    check::check_text(text)
        .map_err(|problems| DatasetError::Invalid { origin: origin.to_string(), problems })
}

/// How messages name the embedded dataset.
const EMBEDDED_ORIGIN: &str = "(embedded) assets/kita.json";

/// The embedded Kita City dataset.
pub fn load_embedded() -> Result<Dataset, DatasetError> {
    parse(EMBEDDED, EMBEDDED_ORIGIN)
}

/// A dataset file.
pub fn load_path(path: &Path) -> Result<Dataset, DatasetError> {
    let text = read(path)?;
    parse(&text, &path.display().to_string())
}

/// The text of a dataset file, refused above [`MAX_BYTES`] without reading further.
fn read(path: &Path) -> Result<String, DatasetError> {
    let io = |source| DatasetError::Io { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(DatasetError::TooLarge { path: path.to_path_buf() });
    }
    String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// The dataset to use: an explicit path, else `SANGO_DATASET`, else the embedded one.
pub fn load(path: Option<&Path>) -> Result<Dataset, DatasetError> {
    let found = lookup(source(path).as_deref())?;
    if let Lookup::Hit(c, _) = &found
        && let Some(ds) = c.dataset()
    {
        return Ok(ds);
    }
    let (text, origin) = found.text()?;
    full(&text, &origin)
}

/// What the cache has for a dataset: its sound copy, or the text to read in full.
enum Lookup {
    Hit(Cache, Option<PathBuf>),
    Miss(Cow<'static, str>, String),
}

/// The text of the dataset [`load`] reads and its name in messages.
fn text_of(src: Option<&Path>) -> Result<(Cow<'static, str>, String), DatasetError> {
    Ok(match src {
        Some(p) => (read(p)?.into(), p.display().to_string()),
        None => (EMBEDDED.into(), EMBEDDED_ORIGIN.to_string()),
    })
}

/// The full read and check of a text, kept in the cache when sound.
fn full(text: &str, origin: &str) -> Result<Dataset, DatasetError> {
    let ds = parse(text, origin)?;
    cache::keep(cache::key(text.as_bytes()), &ds);
    Ok(ds)
}

/// Looks for the cache of the dataset's text. A regular file is hashed as it is read, in
/// pieces (most of a large dataset is never held in memory), up to the cap, and read again
/// when there is no cache; anything else (a pipe) is read once.
fn lookup(src: Option<&Path>) -> Result<Lookup, DatasetError> {
    let key = match src {
        None => cache::key(EMBEDDED.as_bytes()),
        Some(path) => {
            let io = |source| DatasetError::Io { path: path.to_path_buf(), source };
            // Asked before opening: a pipe is opened once, to be read once.
            if !std::fs::metadata(path).map_err(io)?.is_file() {
                let (text, origin) = text_of(src)?;
                return Ok(Lookup::Miss(text, origin));
            }
            let before = std::fs::metadata(path).map_err(io)?;
            if let Some(key) = cache::remembered_key(&before) {
                return Ok(match Cache::open(key) {
                    Some(c) => Lookup::Hit(c, src.map(Path::to_path_buf)),
                    None => {
                        let (text, origin) = text_of(src)?;
                        Lookup::Miss(text, origin)
                    }
                });
            }
            let mut file = std::fs::File::open(path).map_err(io)?;
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            let mut buf = vec![0; 64 * 1024];
            let mut total: u64 = 0;
            loop {
                let n = match file.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(io(e)),
                };
                total += n as u64;
                if total > MAX_BYTES {
                    return Err(DatasetError::TooLarge { path: path.to_path_buf() });
                }
                hasher.update(&buf[..n]);
            }
            let key = hasher.digest128();
            // Remembered only when nothing changed the file while it was read.
            if std::fs::metadata(path).is_ok_and(|after| same_file_state(&before, &after)) {
                cache::remember_key(&before, key);
            }
            key
        }
    };
    match Cache::open(key) {
        Some(c) => Ok(Lookup::Hit(c, src.map(Path::to_path_buf))),
        None => {
            let (text, origin) = text_of(src)?;
            Ok(Lookup::Miss(text, origin))
        }
    }
}

/// Whether two reads of a file's metadata describe the same content.
fn same_file_state(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok() && {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            (a.ino(), a.ctime(), a.ctime_nsec()) == (b.ino(), b.ctime(), b.ctime_nsec())
        }
        #[cfg(not(unix))]
        true
    }
}

impl Lookup {
    /// The text to read in full: a miss, or a cache that turned out unsound.
    fn text(self) -> Result<(Cow<'static, str>, String), DatasetError> {
        match self {
            Lookup::Hit(_, src) => text_of(src.as_deref()),
            Lookup::Miss(text, origin) => Ok((text, origin)),
        }
    }
}

/// The key of the dataset [`load`] reads, when a checked copy of it is in the cache (a
/// command's view of it may be kept under that key: [`cache::view`]).
pub fn checked_key(path: Option<&Path>) -> Result<Option<u128>, DatasetError> {
    Ok(match lookup(source(path).as_deref())? {
        Lookup::Hit(c, _) => Some(c.key()),
        Lookup::Miss(..) => None,
    })
}

/// Only the programme (`quota`, `fee`, `resident show`: the limits and fees).
pub fn load_programme(path: Option<&Path>) -> Result<Programme, DatasetError> {
    let found = lookup(source(path).as_deref())?;
    if let Lookup::Hit(c, _) = &found
        && let Some(p) = c.programme()
    {
        return Ok(p);
    }
    summary_of(found).map(|s| s.programme)
}

/// The dataset file [`load`] reads: the path, else `SANGO_DATASET`; `None` for the embedded one.
fn source(path: Option<&Path>) -> Option<PathBuf> {
    match path {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()).map(PathBuf::from),
    }
}

/// A facility as [`Summary`] reads it: its id and name (the other fields are skipped).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FacilityName {
    pub id: String,
    pub name: String,
}

/// The programme and each facility's id and name: all that a command which only reports on
/// bookings (`quota`, `bookings`) uses of the dataset. Reading it skips the facilities' other
/// fields, which is most of a large dataset (2,000 facilities: ~4 ms instead of ~12 ms, and
/// much less memory). What it reads is checked as [`load`] checks it: the whole text must be
/// JSON; the version and the programme are read into the model and checked in full; each
/// facility needs a valid, unique id and a name. The facilities' other fields are left to the
/// commands that use them, which read the whole dataset with [`load`].
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub programme: Programme,
    pub facilities: Vec<FacilityName>,
}

impl Summary {
    pub fn care_rule(&self, care: CareType) -> Option<&CareTypeRule> {
        self.programme.care_rule(care)
    }

    /// The name of the facility with this id.
    pub fn facility_name(&self, id: &str) -> Option<&str> {
        self.facilities.iter().find(|f| f.id == id).map(|f| f.name.as_str())
    }
}

impl From<Dataset> for Summary {
    fn from(ds: Dataset) -> Summary {
        let facilities = ds
            .facilities
            .into_iter()
            .map(|f| FacilityName { id: f.id, name: f.name.to_string() })
            .collect();
        Summary { programme: ds.programme, facilities }
    }
}

/// Reads and checks a [`Summary`] of dataset text; `origin` names it in messages. A text that
/// does not fit even the summary gets the full check of [`parse`], so its problems are reported
/// exactly as every command reports them.
pub fn parse_summary(text: &str, origin: &str) -> Result<Summary, DatasetError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Read {
        version: u32,
        programme: Programme,
        facilities: Vec<FacilityName>,
    }
    let invalid = |problems| DatasetError::Invalid { origin: origin.to_string(), problems };
    match serde_json::from_str::<Read>(text) {
        Ok(r) => {
            let problems = check::check_summary(r.version, &r.programme, &r.facilities);
            if problems.is_empty() {
                Ok(Summary { programme: r.programme, facilities: r.facilities })
            } else {
                Err(invalid(problems))
            }
        }
        Err(_) => check::check_text(text).map(Summary::from).map_err(invalid),
    }
}

/// The [`Summary`] of the dataset [`load`] would read.
pub fn load_summary(path: Option<&Path>) -> Result<Summary, DatasetError> {
    let found = lookup(source(path).as_deref())?;
    if let Lookup::Hit(c, _) = &found
        && let (Some(programme), Some(index)) = (c.programme(), c.index())
    {
        let facilities =
            index.into_iter().map(|e| FacilityName { id: e.id, name: e.name }).collect();
        return Ok(Summary { programme, facilities });
    }
    summary_of(found)
}

/// The summary read from the text in full (see [`load_summary`]).
fn summary_of(found: Lookup) -> Result<Summary, DatasetError> {
    let (text, origin) = found.text()?;
    match full(&text, &origin) {
        Ok(ds) => Ok(Summary::from(ds)),
        // Problems in fields the summary does not read are left to the commands that use them.
        Err(_) => parse_summary(&text, &origin),
    }
}

/// The dataset for a command about one facility (`book`): the programme and that facility,
/// read and checked in full; every facility's id and name checked as [`Summary`] checks them; the
/// other facilities' fields skipped (2,000 facilities: the cost of a booking process is mostly
/// reading the dataset, BENCHMARKS.md). The result holds at most that one facility, none when no
/// facility has the id. A text that does not fit gets the full check of [`parse`].
pub fn parse_for_facility(text: &str, origin: &str, id: &str) -> Result<Dataset, DatasetError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Read<'a> {
        version: u32,
        programme: Programme,
        #[serde(borrow)]
        facilities: Vec<&'a serde_json::value::RawValue>,
    }
    let invalid = |problems| DatasetError::Invalid { origin: origin.to_string(), problems };
    let full = || {
        check::check_text(text)
            .map(|mut ds| {
                ds.facilities.retain(|f| f.id == id);
                ds
            })
            .map_err(invalid)
    };
    let Ok(read) = serde_json::from_str::<Read>(text) else { return full() };
    let Ok(names) = read
        .facilities
        .iter()
        .map(|raw| serde_json::from_str::<FacilityName>(raw.get()))
        .collect::<Result<Vec<_>, _>>()
    else {
        return full();
    };
    let mut problems = check::check_summary(read.version, &read.programme, &names);
    let facilities = match names.iter().position(|f| f.id == id) {
        None => Vec::new(),
        Some(i) => match serde_json::from_str::<Facility>(read.facilities[i].get()) {
            Ok(f) => vec![f],
            Err(_) => return full(),
        },
    };
    let dataset = Dataset { version: read.version, programme: read.programme, facilities };
    if problems.is_empty() {
        problems = check::check_dataset(&dataset);
    }
    if problems.is_empty() { Ok(dataset) } else { Err(invalid(problems)) }
}

/// The dataset [`load`] would read, cut down to one facility (none when no facility has the
/// id) as [`parse_for_facility`] reads it.
pub fn load_for_facility(path: Option<&Path>, id: &str) -> Result<Dataset, DatasetError> {
    let found = lookup(source(path).as_deref())?;
    if let Lookup::Hit(c, _) = &found
        && let (Some(programme), Some(entry)) = (c.programme(), c.entry(id))
    {
        let facilities = match entry {
            None => Some(Vec::new()),
            Some(e) => c.facility(&e).map(|f| vec![f]),
        };
        if let Some(facilities) = facilities {
            return Ok(Dataset { version: c.version(), programme, facilities });
        }
    }
    let (text, origin) = found.text()?;
    match full(&text, &origin) {
        Ok(mut ds) => {
            ds.facilities.retain(|f| f.id == id);
            Ok(ds)
        }
        Err(_) => parse_for_facility(&text, &origin, id),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn text(v: &Value) -> String {
        serde_json::to_string_pretty(v).unwrap()
    }

    fn problems(r: Result<impl std::fmt::Debug, DatasetError>) -> Vec<Problem> {
        match r {
            Err(DatasetError::Invalid { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn the_summary_is_the_programme_and_the_names_of_the_whole_dataset() {
        let ds = crate::synth::dataset(1, 60);
        let t = serde_json::to_string_pretty(&ds).unwrap();
        let full = parse(&t, "synth").unwrap();
        let summary = parse_summary(&t, "synth").unwrap();
        assert_eq!(summary, Summary::from(full.clone()));
        assert_eq!(summary.facilities.len(), full.facilities.len());
        let f = &full.facilities[7];
        assert_eq!(summary.facility_name(&f.id), Some(f.name.as_str()));
        assert_eq!(summary.facility_name("no-such-facility"), None);
        for &care in CareType::ALL {
            assert_eq!(summary.care_rule(care), full.care_rule(care));
        }
        let embedded = parse_summary(EMBEDDED, "kita").unwrap();
        assert_eq!(embedded, Summary::from(load_embedded().unwrap()));
    }

    #[test]
    fn a_facility_field_the_summary_does_not_read_is_left_to_the_full_check() {
        let mut v: Value = serde_json::from_str(EMBEDDED).unwrap();
        v["facilities"][3]["types"] = json!(["stay", "massage"]);
        v["facilities"][4]["periods"] = json!({});
        let t = text(&v);
        assert!(parse(&t, "x").is_err());
        let s = parse_summary(&t, "x").unwrap();
        assert_eq!(s.facilities.len(), 25);
    }

    #[test]
    fn what_the_summary_reads_is_checked_as_the_full_check_does() {
        let base: Value = serde_json::from_str(EMBEDDED).unwrap();
        // Each is refused with the problems the full check gives.
        let mut cases: Vec<Value> = Vec::new();
        let mut v = base.clone();
        v["programme"]["care_types"][0]["limit"] = json!(0);
        cases.push(v);
        let mut v = base.clone();
        v["programme"]["care_types"][1]["limit"] = json!("six");
        cases.push(v);
        let mut v = base.clone();
        v["programme"]["colour"] = json!("blue");
        cases.push(v);
        let mut v = base.clone();
        v["version"] = json!(2);
        cases.push(v);
        let mut v = base.clone();
        v["extra"] = json!(1);
        cases.push(v);
        let mut v = base.clone();
        v["facilities"] = json!({});
        cases.push(v);
        for v in cases {
            let t = text(&v);
            assert_eq!(problems(parse_summary(&t, "x")), problems(parse(&t, "x")), "{t:.200}");
        }
        let broken = "{\"version\": 1, \"programme\": ";
        assert_eq!(problems(parse_summary(broken, "x")), problems(parse(broken, "x")));
    }

    #[test]
    fn facility_ids_and_names_are_checked() {
        let base: Value = serde_json::from_str(EMBEDDED).unwrap();
        let id1 = base["facilities"][1]["id"].clone();
        let mut v = base.clone();
        v["facilities"][2]["id"] = id1;
        let ps = problems(parse_summary(&text(&v), "x"));
        assert!(
            ps.iter()
                .any(|p| p.at.starts_with("facilities[2]") && p.message.contains("duplicate id"))
        );
        let mut v = base.clone();
        v["facilities"][5]["id"] = json!("Bad Id");
        let ps = problems(parse_summary(&text(&v), "x"));
        assert!(ps.iter().any(|p| p.message.contains("lowercase ASCII")), "{ps:?}");
        let mut v = base.clone();
        v["facilities"][6]["name"] = json!("  ");
        let ps = problems(parse_summary(&text(&v), "x"));
        assert!(ps.iter().any(|p| p.at.starts_with("facilities[6]") && p.message == "empty name"));
        let mut v = base;
        v["facilities"][0].as_object_mut().unwrap().remove("name");
        let ps = problems(parse_summary(&text(&v), "x"));
        assert!(ps.iter().any(|p| p.at.starts_with("facilities[0]")), "{ps:?}");
    }

    #[test]
    fn a_file_above_the_cap_is_refused_by_every_reader_and_says_the_cap() {
        let tmp = tempfile::tempdir().unwrap();
        let big = tmp.path().join("big.json");
        // Sparse: no 32 MiB written to the disk.
        std::fs::File::create(&big).unwrap().set_len(MAX_BYTES + 1).unwrap();
        for e in [
            load_path(&big).map(|_| ()).unwrap_err(),
            load_summary(Some(&big)).map(|_| ()).unwrap_err(),
            load_for_facility(Some(&big), "x").map(|_| ()).unwrap_err(),
        ] {
            assert!(matches!(e, DatasetError::TooLarge { .. }), "{e}");
            assert!(e.to_string().contains("32 MiB") && e.to_string().contains("big.json"), "{e}");
        }
        // At the cap it is read (and then found not to be JSON).
        std::fs::File::create(&big).unwrap().set_len(MAX_BYTES).unwrap();
        assert!(matches!(load_path(&big), Err(DatasetError::Invalid { .. })));
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let e = load_summary(Some(Path::new("/nonexistent/dataset.json"))).unwrap_err();
        assert!(matches!(e, DatasetError::Io { .. }));
    }

    #[test]
    fn for_one_facility_the_programme_and_that_facility_are_read_in_full() {
        let ds = crate::synth::dataset(1, 60);
        let t = serde_json::to_string_pretty(&ds).unwrap();
        let full = parse(&t, "synth").unwrap();
        let f = &full.facilities[11];
        let one = parse_for_facility(&t, "synth", &f.id).unwrap();
        assert_eq!(one.programme, full.programme);
        assert_eq!(one.facilities, vec![f.clone()]);
        assert!(parse_for_facility(&t, "synth", "no-such-facility").unwrap().facilities.is_empty());
    }

    #[test]
    fn for_one_facility_a_broken_chosen_facility_gets_the_full_check() {
        let mut v: Value = serde_json::from_str(EMBEDDED).unwrap();
        v["facilities"][3]["types"] = json!(["stay", "massage"]);
        v["facilities"][4]["periods"] = json!({});
        let t = text(&v);
        let id3 = v["facilities"][3]["id"].as_str().unwrap().to_string();
        let id4 = v["facilities"][4]["id"].as_str().unwrap().to_string();
        let full = problems(parse(&t, "x"));
        assert_eq!(problems(parse_for_facility(&t, "x", &id3)), full);
        // A sense problem of the chosen facility (a type without a period) is found too.
        assert!(!problems(parse_for_facility(&t, "x", &id4)).is_empty());
        // Another facility's fields are left to the commands that read it.
        let other = v["facilities"][0]["id"].as_str().unwrap().to_string();
        assert_eq!(parse_for_facility(&t, "x", &other).unwrap().facilities.len(), 1);
        // Bad JSON is reported with its place, as everywhere.
        let bad = problems(parse_for_facility("{\"version\": 1,", "x", &other));
        assert!(bad[0].at.starts_with("line 1"), "{bad:?}");
    }
}
