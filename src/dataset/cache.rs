//! The checked dataset kept in the OS cache folder (`~/.cache/sango/` on Linux, or
//! `SANGO_CACHE_DIR`), so that a command reads the few parts it needs instead of parsing and
//! checking the whole file in every process (2,000 facilities: 3.2 MB, ~10 ms of typed read and
//! check; the programme alone is a few KB).
//!
//! A cache file is named by the content hash (XXH3-128) of the dataset text it was made from,
//! and holds the programme, each facility as compact JSON, and an index of ids and names with
//! where each facility is. It is written only after the full check passed, by this very build
//! (its identity is in the file: another version's model or rules read none of it). Every part
//! read carries its own hash and is verified; a file that is damaged, cut short, of another
//! build or another text, not a regular file of this user with no access for others, or that
//! does not parse, is no cache at all: the dataset is read and checked in full, as before, and
//! the cache written anew. So a cache never changes an answer, and a dataset with problems is
//! never cached (every command reports them as before).
//!
//! Layout: `sango-dataset-cache\n`, the length of the head (u32, little-endian), the head
//! (JSON: build, source hash, version, where the programme and the index are), then the body:
//! the programme, the facilities, and the index (one line per facility, in dataset order:
//! `id TAB name TAB at TAB len TAB hash`; the check refuses control characters in ids and names).

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use super::model::{Dataset, Facility, Programme};

/// The environment variable naming the cache folder.
pub const ENV_VAR: &str = "SANGO_CACHE_DIR";
const MAGIC: &[u8] = b"sango-dataset-cache\n";
/// This build: a cache written by a program with other model or rules is not read.
const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("SANGO_SOURCE_HASH"));
/// The most the head may take (it is a few hundred bytes).
const MAX_HEAD: usize = 4096;

/// The key of a dataset text.
pub fn key(text: &[u8]) -> u128 {
    xxh3_128(text)
}

/// What identifies a file's content without reading it: device, inode, size, modification and
/// change times (the change time is set by the kernel on every write and cannot be set by
/// other programs; this kernel keeps it to the nanosecond once it has been read).
#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    m.is_file().then(|| {
        format!(
            "{} {} {} {}.{:09} {}.{:09}",
            m.dev(),
            m.ino(),
            m.size(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec()
        )
    })
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<String> {
    None
}

fn memo_name(identity: &str) -> Option<String> {
    let inode = identity.split(' ').take(2).collect::<Vec<_>>().join(" ");
    Some(format!("file-{:016x}.key", xxh3_64(inode.as_bytes())))
}

/// The key of a dataset file remembered from the last time it was hashed, while the file is
/// exactly as it was then (so that a large dataset is not read in every process only to be
/// hashed). Anything else is no memory: the file is hashed again.
pub fn remembered_key(m: &std::fs::Metadata) -> Option<u128> {
    let id = identity(m)?;
    let path = folder()?.join(memo_name(&id)?);
    if !owner_only(&std::fs::symlink_metadata(&path).ok()?) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let (seen, key) = text.trim_end().rsplit_once(' ')?;
    (seen == id).then(|| u128::from_str_radix(key, 16).ok())?
}

/// Remembers the key of a dataset file hashed in the state `m` (best effort).
pub fn remember_key(m: &std::fs::Metadata, key: u128) {
    let Some(id) = identity(m) else { return };
    let (Some(dir), Some(name)) = (folder(), memo_name(&id)) else { return };
    if prepare(&dir).is_some() {
        let text = format!("{id} {key:032x}\n");
        let _ = crate::private_file::write_unsynced(&dir.join(name), text.as_bytes());
    }
}

/// Makes the cache folder (and its parents: `~/.cache` may not exist yet) owner-only.
fn prepare(dir: &std::path::Path) -> Option<()> {
    if let Some(parent) = dir.parent() {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(parent).ok()?;
    }
    crate::private_file::prepare_dir(dir).ok()
}

/// Where a part of the body is, and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Span {
    at: u64,
    len: u64,
    sum: u64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    build: String,
    source: String,
    version: u32,
    programme: Span,
    index: Span,
    count: usize,
}

/// One facility in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    span: Span,
}

/// An open cache file whose head matched.
#[derive(Debug)]
pub struct Cache {
    file: File,
    key: u128,
    head: Head,
    /// Where the body starts in the file.
    base: u64,
}

/// The cache folder: `SANGO_CACHE_DIR`, else the OS cache folder.
fn folder() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("jp", "Kita City", "sango").map(|d| d.cache_dir().to_path_buf())
}

fn file_name(key: u128) -> String {
    format!("dataset-{key:032x}.cache")
}

/// Only a regular file of this user that nobody else may read or write is taken.
#[cfg(unix)]
fn owner_only(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    m.is_file()
        && m.uid() == rustix::process::geteuid().as_raw()
        && m.permissions().mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn owner_only(m: &std::fs::Metadata) -> bool {
    m.is_file()
}

#[cfg(unix)]
fn read_at(file: &File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(not(unix))]
fn read_at(mut file: &File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(buf)
}

impl Cache {
    /// The cache of the dataset text with this key, if there is a sound one.
    pub fn open(key: u128) -> Option<Cache> {
        Cache::open_in(&folder()?, key)
    }

    /// [`Cache::open`] in the folder `dir`.
    pub fn open_in(dir: &std::path::Path, key: u128) -> Option<Cache> {
        let path = dir.join(file_name(key));
        if !owner_only(&std::fs::symlink_metadata(&path).ok()?) {
            return None;
        }
        let mut file = File::open(&path).ok()?;
        let mut start = vec![0; MAGIC.len() + 4 + MAX_HEAD];
        let mut got = 0;
        while got < start.len() {
            match file.read(&mut start[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(_) => return None,
            }
        }
        let start = &start[..got];
        let rest = start.strip_prefix(MAGIC)?;
        let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let head: Head = serde_json::from_slice(rest.get(4..4 + len)?).ok()?;
        if head.build != BUILD || head.source != format!("{key:032x}") {
            return None;
        }
        let base = (MAGIC.len() + 4 + len) as u64;
        Some(Cache { file, key, head, base })
    }

    /// The key of the text this is the cache of.
    pub fn key(&self) -> u128 {
        self.key
    }

    /// A part of the body, verified against its hash.
    fn part(&self, s: Span) -> Option<Vec<u8>> {
        let mut buf = vec![0; usize::try_from(s.len).ok()?];
        read_at(&self.file, self.base.checked_add(s.at)?, &mut buf).ok()?;
        (xxh3_64(&buf) == s.sum).then_some(buf)
    }

    /// The dataset's format version.
    pub fn version(&self) -> u32 {
        self.head.version
    }

    pub fn programme(&self) -> Option<Programme> {
        serde_json::from_slice(&self.part(self.head.programme)?).ok()
    }

    /// Every facility's id and name, in dataset order.
    pub fn index(&self) -> Option<Vec<Entry>> {
        let text = String::from_utf8(self.part(self.head.index)?).ok()?;
        let mut out = Vec::with_capacity(self.head.count);
        for line in text.lines() {
            let mut f = line.split('\t');
            let (id, name) = (f.next()?, f.next()?);
            let mut num = || f.next()?.parse::<u64>().ok();
            let span = Span { at: num()?, len: num()?, sum: num()? };
            out.push(Entry { id: id.to_string(), name: name.to_string(), span });
        }
        (out.len() == self.head.count).then_some(out)
    }

    /// The index entry of one facility, found without reading the others' entries into
    /// memory: `Some(None)` when no facility has the id.
    pub fn entry(&self, id: &str) -> Option<Option<Entry>> {
        let bytes = self.part(self.head.index)?;
        let mut lines = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty());
        let Some(line) = lines.find(|l| l.split(|&b| b == b'\t').next() == Some(id.as_bytes()))
        else {
            return Some(None);
        };
        let line = std::str::from_utf8(line).ok()?;
        let mut f = line.split('\t');
        let (id, name) = (f.next()?, f.next()?);
        let mut num = || f.next()?.parse::<u64>().ok();
        let span = Span { at: num()?, len: num()?, sum: num()? };
        Some(Some(Entry { id: id.to_string(), name: name.to_string(), span }))
    }

    /// One facility of the index.
    pub fn facility(&self, e: &Entry) -> Option<Facility> {
        let f: Facility = serde_json::from_slice(&self.part(e.span)?).ok()?;
        (f.id == e.id && f.name.as_str() == e.name).then_some(f)
    }

    /// The whole dataset.
    pub fn dataset(&self) -> Option<Dataset> {
        let index = self.index()?;
        let facilities = index.iter().map(|e| self.facility(e)).collect::<Option<Vec<_>>>()?;
        Some(Dataset { version: self.version(), programme: self.programme()?, facilities })
    }
}

/// A command's output that depends on nothing but the dataset and the command's arguments
/// (`facilities`: 1.4 MB of JSON for 2,000 facilities), kept for the checked dataset with
/// this key: `view-<key>-<name>.cache`, this build's, its bytes verified by their hash.
/// Copies the view to `out` when a sound one is kept: `None` (nothing written) when there is
/// none, else the copy's outcome. The view is hashed in pieces and then copied from the same
/// open file (which no writer changes: they replace the file), so a large one is never held in
/// memory.
pub fn copy_view(
    key: u128,
    name: &str,
    out: &mut dyn std::io::Write,
) -> Option<std::io::Result<()>> {
    use std::io::{BufRead, Seek};
    let path = folder()?.join(view_name(key, name));
    if !owner_only(&std::fs::symlink_metadata(&path).ok()?) {
        return None;
    }
    let mut file = std::io::BufReader::with_capacity(64 * 1024, File::open(path).ok()?);
    let mut head = Vec::new();
    file.read_until(b'\n', &mut head).ok()?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    loop {
        let chunk = file.fill_buf().ok()?;
        if chunk.is_empty() {
            break;
        }
        hasher.update(chunk);
        let n = chunk.len();
        file.consume(n);
    }
    let expected = format!("sango-view {BUILD} {key:032x} {name} {:016x}\n", hasher.digest());
    if head != expected.as_bytes() {
        return None;
    }
    file.seek(std::io::SeekFrom::Start(head.len() as u64)).ok()?;
    Some(std::io::copy(&mut file, out).map(drop))
}

/// Keeps a view (best effort).
pub fn keep_view(key: u128, name: &str, body: &[u8]) {
    let Some(dir) = folder() else { return };
    if prepare(&dir).is_none() {
        return;
    }
    let mut bytes =
        format!("sango-view {BUILD} {key:032x} {name} {:016x}\n", xxh3_64(body)).into_bytes();
    bytes.extend_from_slice(body);
    let _ = crate::private_file::write_unsynced(&dir.join(view_name(key, name)), &bytes);
}

fn view_name(key: u128, name: &str) -> String {
    format!("view-{key:032x}-{name}.cache")
}

/// Keeps a checked dataset, read from the text with this key, in the cache (best effort: a
/// cache that cannot be written costs the next command the full read).
pub fn keep(key: u128, ds: &Dataset) {
    if let Some(dir) = folder() {
        keep_in(&dir, key, ds);
    }
}

/// [`keep`] in the folder `dir`.
pub fn keep_in(dir: &std::path::Path, key: u128, ds: &Dataset) {
    let _ = try_keep(dir, key, ds);
}

fn try_keep(dir: &std::path::Path, key: u128, ds: &Dataset) -> Option<()> {
    let plain = |s: &str| !s.contains(['\t', '\n', '\r']);
    if !ds.facilities.iter().all(|f| plain(&f.id) && plain(&f.name)) {
        return None;
    }
    let mut body = Vec::new();
    let mut push = |bytes: &[u8]| {
        let span = Span { at: body.len() as u64, len: bytes.len() as u64, sum: xxh3_64(bytes) };
        body.extend_from_slice(bytes);
        span
    };
    let programme = push(&serde_json::to_vec(&ds.programme).ok()?);
    let mut index = String::new();
    for f in &ds.facilities {
        let s = push(&serde_json::to_vec(f).ok()?);
        index.push_str(&format!("{}\t{}\t{}\t{}\t{}\n", f.id, f.name, s.at, s.len, s.sum));
    }
    let index = push(index.as_bytes());
    let head = Head {
        build: BUILD.to_string(),
        source: format!("{key:032x}"),
        version: ds.version,
        programme,
        index,
        count: ds.facilities.len(),
    };
    let head = serde_json::to_vec(&head).ok()?;
    let mut file = Vec::with_capacity(MAGIC.len() + 4 + head.len() + body.len());
    file.extend_from_slice(MAGIC);
    file.extend_from_slice(&u32::try_from(head.len()).ok()?.to_le_bytes());
    file.extend_from_slice(&head);
    file.extend_from_slice(&body);
    prepare(dir)?;
    crate::private_file::write_unsynced(&dir.join(file_name(key)), &file).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synth() -> (u128, Dataset) {
        let ds = crate::synth::dataset(3, 40);
        let text = serde_json::to_string_pretty(&ds).unwrap();
        (key(text.as_bytes()), crate::dataset::parse(&text, "synth").unwrap())
    }

    #[test]
    fn the_cache_gives_back_the_checked_dataset_part_by_part() {
        let tmp = tempfile::tempdir().unwrap();
        // A folder whose parents do not exist yet (a new user's `~/.cache/sango`).
        let dir = tmp.path().join("home/.cache/sango");
        let (k, ds) = synth();
        assert!(Cache::open_in(&dir, k).is_none());
        keep_in(&dir, k, &ds);
        let c = Cache::open_in(&dir, k).unwrap();
        assert_eq!(c.dataset().unwrap(), ds);
        assert_eq!(c.programme().unwrap(), ds.programme);
        let index = c.index().unwrap();
        let names: Vec<_> =
            ds.facilities.iter().map(|f| (f.id.clone(), f.name.to_string())).collect();
        assert_eq!(index.iter().map(|e| (e.id.clone(), e.name.clone())).collect::<Vec<_>>(), names);
        assert_eq!(c.facility(&index[17]).unwrap(), ds.facilities[17]);
        // Another text's key finds nothing.
        assert!(Cache::open_in(&dir, k ^ 1).is_none());
    }

    #[test]
    fn a_damaged_foreign_or_open_cache_file_is_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let (k, ds) = synth();
        keep_in(dir.path(), k, &ds);
        let path = dir.path().join(file_name(k));
        let good = std::fs::read(&path).unwrap();
        // One byte changed in a facility: that facility and the whole dataset are refused.
        let at = good.len() / 2;
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        std::fs::write(&path, &bad).unwrap();
        let c = Cache::open_in(dir.path(), k).unwrap();
        assert!(c.dataset().is_none(), "a damaged part is never read");
        // Cut short.
        std::fs::write(&path, &good[..good.len() - 10]).unwrap();
        assert!(Cache::open_in(dir.path(), k).and_then(|c| c.dataset()).is_none());
        // Written for another text (renamed), or by another build.
        std::fs::write(&path, &good).unwrap();
        std::fs::rename(&path, dir.path().join(file_name(k ^ 1))).unwrap();
        assert!(Cache::open_in(dir.path(), k ^ 1).is_none());
        let other = String::from_utf8_lossy(&good).replacen(BUILD, &"x".repeat(BUILD.len()), 1);
        std::fs::write(&path, other.as_bytes()).unwrap();
        assert!(Cache::open_in(dir.path(), k).is_none());
        // Readable by others.
        keep_in(dir.path(), k, &ds);
        assert!(Cache::open_in(dir.path(), k).is_some());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            assert!(Cache::open_in(dir.path(), k).is_none());
        }
    }
}
