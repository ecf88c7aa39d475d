//! Files of personal data (exports) that nobody but their owner can read and no reader ever sees
//! half of: written to a temporary file in the same folder that is created owner-only (0600,
//! whatever the umask), synced, then renamed over the target. Their folder is owner-only too
//! (0700).
//!
//! The target must be a regular file or not exist yet. A device, a FIFO or a folder is refused
//! before anything is written (writing a bookings export "into" `/dev/null` or a pipe is a
//! mistake, not a request), and so is a symbolic link: the rename would replace the link itself
//! rather than write where it points, and following it would let a link planted in a shared
//! folder send personal data anywhere.

use std::fs::{File, Metadata};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file older than this is a crashed write's leftover, not one being written now.
pub const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// Why a private file could not be written; nothing was written, and an earlier file at the
/// target is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} is {what}, not a regular file (通常のファイルではありません)", crate::visible::path(.path))]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("cannot write {}: {}", crate::visible::path(.path), describe(.source))]
    Io { path: PathBuf, source: std::io::Error },
}

/// An IO error in words; a full disk says so plainly.
pub fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::StorageFull => "the disk is full (ディスク容量不足)".to_string(),
        ErrorKind::QuotaExceeded => "the disk quota is used up (ディスク容量不足)".to_string(),
        ErrorKind::FileTooLarge => {
            "the file is larger than this process may write (ファイルサイズの上限)".to_string()
        }
        _ => e.to_string(),
    }
}

/// What a file that is not a regular one is, in words.
fn what(m: &Metadata) -> &'static str {
    let t = m.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// Refuses a target that exists and is not a regular file (see the module's words on links).
pub fn check_target(path: &Path) -> Result<(), WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => Err(WriteError::NotRegular { path: path.to_path_buf(), what: what(&m) }),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(source) => Err(WriteError::Io { path: path.to_path_buf(), source }),
    }
}

/// `.NAME.PID.tmp`, next to the target.
fn temporary(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `name` is one of [`temporary`]'s names.
fn is_temporary(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    match inner.rsplit_once('.') {
        Some((target, pid)) => {
            !target.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Writes `bytes` to `path`: owner-only, whole or not at all, and on disk when this returns.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut w = Private::create(path)?;
    w.write_all(bytes).map_err(|e| w.io(e))?;
    w.finish()
}

/// Writes a note that may be lost in a crash (a cache, the store's trust record): owner-only
/// and whole or not at all as [`write`], but not synced to the disk, which would cost more
/// than the note saves. A reader must take a missing or stale note as no knowledge.
pub fn write_unsynced(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut w = Private::create(path)?;
    w.sync = false;
    w.write_all(bytes).map_err(|e| w.io(e))?;
    w.finish()
}

/// A private file being written (an export streamed from the store): its bytes go to a
/// temporary file beside the target, which [`Private::finish`] syncs and renames over it.
/// Dropped without `finish`, the temporary file is removed and the target left as it was.
pub struct Private {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<File>>,
    sync: bool,
}

impl Private {
    /// Starts writing `path` (refused as [`check_target`] refuses it).
    pub fn create(path: &Path) -> Result<Private, WriteError> {
        check_target(path)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = temporary(&dir, &name);
        // A leftover of an earlier process with this id (the name is not taken over: create_new).
        let _ = std::fs::remove_file(&tmp);
        let file = create_private(&tmp)
            .map_err(|source| WriteError::Io { path: path.to_path_buf(), source })?;
        Ok(Private {
            target: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::with_capacity(64 * 1024, file)),
            sync: true,
        })
    }

    /// An IO error of this file, naming the target.
    pub fn io(&self, source: std::io::Error) -> WriteError {
        WriteError::Io { path: self.target.clone(), source }
    }

    /// Syncs the whole file and puts it at the target.
    pub fn finish(mut self) -> Result<(), WriteError> {
        let result = (|| {
            let f = self
                .file
                .take()
                .expect("finished once")
                .into_inner()
                .map_err(|e| e.into_error())?;
            if self.sync {
                f.sync_all()?;
            }
            drop(f);
            std::fs::rename(&self.tmp, &self.target)
        })();
        result.map_err(|e| self.io(e))
    }
}

impl Write for Private {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not finished").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not finished").flush()
    }
}

impl Drop for Private {
    fn drop(&mut self) {
        // Not finished (an error on the way), or finished and renamed: either way nothing is
        // left at the temporary name.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// A new file readable and writable by its owner only, from its creation on.
pub(crate) fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let f = options.open(path)?;
        // The umask can only take bits away; this makes it exactly 0600 on the open file.
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(f)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// Makes `dir` an owner-only folder (0700): creates it (its parent must exist), or tightens an
/// existing one, and removes what crashed writes left in it ([`remove_leftovers`]). A symbolic
/// link or a file at `dir` is refused.
pub fn prepare_dir(dir: &Path) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: dir.to_path_buf(), source };
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => tighten_dir(dir, &m).map_err(io)?,
        Ok(m) => return Err(WriteError::NotRegular { path: dir.to_path_buf(), what: what(&m) }),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let mut b = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(dir).map_err(io)?;
            let m = std::fs::symlink_metadata(dir).map_err(io)?;
            tighten_dir(dir, &m).map_err(io)?;
        }
        Err(e) => return Err(io(e)),
    }
    remove_leftovers(dir);
    Ok(())
}

/// Takes group and others' access away from a folder that has it (the umask may have left it).
fn tighten_dir(dir: &Path, m: &Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if m.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, m);
    Ok(())
}

/// Removes the temporary files of crashed writes from `dir`: regular files named as
/// [`temporary`] names them and untouched for [`LEFTOVER_AGE`] (a write in progress in another
/// process is seconds old). Nothing else is touched; a failure only leaves the file.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temporary(name) {
            continue;
        }
        let Ok(m) = entry.metadata() else { continue };
        let old = m
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= LEFTOVER_AGE);
        if m.file_type().is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_behind() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.csv");
        write(&p, b"a,b\n").unwrap();
        write(&p, b"c,d\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"c,d\n");
        assert_eq!(names(d.path()), ["out.csv"]);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("no/such/out.csv");
        assert!(write(&p, b"x").is_err());
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_owner_only_whatever_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.json");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        write(&p, b"new").unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_a_folder_or_a_device_is_refused_and_left_alone() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.json");
        std::fs::write(&real, "keep").unwrap();
        let link = d.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let dangling = d.path().join("dangling.json");
        std::os::unix::fs::symlink(d.path().join("nowhere"), &dangling).unwrap();
        let folder = d.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        for (p, said) in [
            (link.as_path(), "a symbolic link"),
            (dangling.as_path(), "a symbolic link"),
            (folder.as_path(), "a folder"),
            (Path::new("/dev/null"), "a device"),
        ] {
            let e = write(p, b"x").unwrap_err();
            assert!(matches!(e, WriteError::NotRegular { .. }), "{e}");
            assert!(e.to_string().contains(said) && e.to_string().contains("not a regular file"));
        }
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(!d.path().join("nowhere").exists());
        assert_eq!(names(d.path()), ["dangling.json", "folder", "link.json", "real.json"]);
    }

    #[test]
    fn a_full_disk_says_so() {
        let full = std::io::Error::from_raw_os_error(if cfg!(windows) { 112 } else { 28 });
        assert_eq!(full.kind(), ErrorKind::StorageFull);
        let e = WriteError::Io { path: PathBuf::from("/x/out.json"), source: full };
        assert_eq!(e.to_string(), "cannot write /x/out.json: the disk is full (ディスク容量不足)");
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_made_owner_only_and_crashed_writes_are_swept_from_it() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("exports");
        prepare_dir(&dir).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let old = SystemTime::now() - 2 * LEFTOVER_AGE;
        for name in [".sango-20261120-103000.csv.4242.tmp", ".a.json.1.tmp", ".x.tmp", "a.1.tmp"] {
            let f = File::create(dir.join(name)).unwrap();
            f.set_modified(old).unwrap();
        }
        // Another process writing now, and a file of the user that looks alike.
        File::create(dir.join(".b.json.77.tmp")).unwrap();
        std::fs::write(dir.join("sango-1.csv"), "kept").unwrap();
        prepare_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(names(&dir), [".b.json.77.tmp", ".x.tmp", "a.1.tmp", "sango-1.csv"]);
        let file = d.path().join("plain");
        std::fs::write(&file, "").unwrap();
        assert!(matches!(prepare_dir(&file), Err(WriteError::NotRegular { .. })));
    }
}
