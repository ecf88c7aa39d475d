//! Where the database lives: `--data-dir DIR`, else `SANGO_DATA_DIR`, else the OS data folder
//! (`~/.local/share/sango` on Linux, `%APPDATA%\Kita City\sango\data` on Windows); and the
//! terminal app's exports, in its `exports/`.

use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::moment::StoreKind;

/// The environment variable naming the data folder.
pub const ENV_VAR: &str = "SANGO_DATA_DIR";
/// The live database file inside the data folder.
pub const DB_FILE: &str = "sango.sqlite3";
/// The practice database file (`--practice`), beside the live one and never mixed with it.
pub const PRACTICE_DB_FILE: &str = "sango-practice.sqlite3";
/// The terminal app's exports inside the data folder.
pub const EXPORTS_DIR: &str = "exports";

/// The data folder's `exports/`, ready for an export: owner-only (0700), created if needed,
/// what crashed writes left in it removed ([`crate::private_file::prepare_dir`]).
pub fn exports_dir(data_dir: &Path) -> Result<PathBuf, crate::private_file::WriteError> {
    let dir = data_dir.join(EXPORTS_DIR);
    crate::private_file::prepare_dir(&dir)?;
    Ok(dir)
}

/// A data folder and whether the user named it (a named folder must exist; the default one is
/// created on first use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub path: PathBuf,
    pub explicit: bool,
}

impl DataDir {
    /// The folder to use: `flag` (from `--data-dir`), else `SANGO_DATA_DIR`, else the OS default.
    pub fn resolve(flag: Option<&Path>) -> Result<DataDir, StoreError> {
        let env = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()).map(PathBuf::from);
        Self::resolve_with(flag, env)
    }

    /// `resolve` with the environment passed in (for tests).
    pub fn resolve_with(flag: Option<&Path>, env: Option<PathBuf>) -> Result<DataDir, StoreError> {
        if let Some(p) = flag {
            return Ok(DataDir { path: p.to_path_buf(), explicit: true });
        }
        if let Some(p) = env {
            return Ok(DataDir { path: p, explicit: true });
        }
        let dirs = directories::ProjectDirs::from("jp", "Kita City", "sango")
            .ok_or(StoreError::NoDefaultFolder)?;
        Ok(DataDir { path: dirs.data_dir().to_path_buf(), explicit: false })
    }

    /// The database file of a kind of store in this folder.
    pub fn store_file(&self, kind: StoreKind) -> PathBuf {
        self.path.join(match kind {
            StoreKind::Live => DB_FILE,
            StoreKind::Practice => PRACTICE_DB_FILE,
        })
    }

    /// Checks the folder exists (creating the default one if needed, owner-only: 0700) and
    /// returns the live database's path.
    pub fn prepare(&self) -> Result<PathBuf, StoreError> {
        match self.locate()? {
            Some(db) => Ok(db),
            None => {
                let mut b = std::fs::DirBuilder::new();
                b.recursive(true);
                #[cfg(unix)]
                std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
                b.create(&self.path).map_err(|source| StoreError::FolderCreate {
                    path: self.path.clone(),
                    source,
                })?;
                Ok(self.path.join(DB_FILE))
            }
        }
    }

    /// The database path, creating nothing: `None` when the default folder does not exist yet
    /// (a named folder must exist).
    pub fn locate(&self) -> Result<Option<PathBuf>, StoreError> {
        match std::fs::metadata(&self.path) {
            Ok(m) if m.is_dir() => Ok(Some(self.path.join(DB_FILE))),
            Ok(_) => Err(StoreError::NotAFolder { path: self.path.clone() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !self.explicit => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(StoreError::FolderMissing { path: self.path.clone() })
            }
            Err(e) => {
                Err(StoreError::CannotOpen { path: self.path.clone(), detail: e.to_string() })
            }
        }
    }
}

/// Whether there is a store at `db`: `false` when nothing is there. What is there must be a
/// regular file with something in it, or a symbolic link to one; a link to nothing, a folder, a
/// device and an empty file are refused (an empty file is not a store, and is never silently
/// made into one: sango creates a store whole, see `Store::open_with`).
pub fn existing_store(db: &Path) -> Result<bool, StoreError> {
    let path = || db.to_path_buf();
    let cannot = |e: std::io::Error| StoreError::CannotOpen { path: path(), detail: e.to_string() };
    let own = match std::fs::symlink_metadata(db) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(cannot(e)),
    };
    let m = if own.file_type().is_symlink() {
        match std::fs::metadata(db) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let target = std::fs::read_link(db).unwrap_or_default();
                return Err(StoreError::DanglingLink { path: path(), target });
            }
            Err(e) => return Err(cannot(e)),
        }
    } else {
        own
    };
    if !m.is_file() {
        let what = if m.is_dir() { "a folder" } else { "not a regular file (a device or a pipe)" };
        return Err(StoreError::NotAFile { path: path(), what });
    }
    if m.len() == 0 {
        return Err(StoreError::EmptyFile { path: path() });
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_default() {
        let flag = Path::new("/tmp/a");
        let env = Some(PathBuf::from("/tmp/b"));
        assert_eq!(DataDir::resolve_with(Some(flag), env.clone()).unwrap().path, flag);
        let d = DataDir::resolve_with(None, env).unwrap();
        assert_eq!(d.path, Path::new("/tmp/b"));
        assert!(d.explicit);
        if let Ok(d) = DataDir::resolve_with(None, None) {
            assert!(!d.explicit);
            assert!(d.path.to_string_lossy().contains("sango"));
        }
    }

    #[test]
    fn a_named_folder_that_is_missing_is_an_error_and_is_not_created() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("nope");
        let d = DataDir { path: missing.clone(), explicit: true };
        assert!(matches!(d.prepare(), Err(StoreError::FolderMissing { .. })));
        assert!(!missing.exists());
    }

    #[test]
    fn the_default_folder_is_created_owner_only_but_not_to_locate_it() {
        let tmp = tempfile::tempdir().unwrap();
        let d = DataDir { path: tmp.path().join("x/y"), explicit: false };
        assert_eq!(d.locate().unwrap(), None);
        assert!(!tmp.path().join("x").exists());
        let db = d.prepare().unwrap();
        assert!(tmp.path().join("x/y").is_dir());
        assert_eq!(db.file_name().unwrap(), DB_FILE);
        assert_eq!(d.locate().unwrap(), Some(db));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(tmp.path().join("x/y")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn only_a_regular_file_with_something_in_it_is_a_store() {
        let tmp = tempfile::tempdir().unwrap();
        let db = tmp.path().join(DB_FILE);
        assert!(!existing_store(&db).unwrap());
        std::fs::write(&db, "").unwrap();
        let e = existing_store(&db).unwrap_err();
        assert!(matches!(e, StoreError::EmptyFile { .. }), "{e}");
        std::fs::write(&db, "x").unwrap();
        assert!(existing_store(&db).unwrap());
        std::fs::remove_file(&db).unwrap();
        std::fs::create_dir(&db).unwrap();
        assert!(matches!(existing_store(&db), Err(StoreError::NotAFile { .. })));
        #[cfg(unix)]
        {
            std::fs::remove_dir(&db).unwrap();
            std::os::unix::fs::symlink(tmp.path().join("moved.sqlite3"), &db).unwrap();
            let e = existing_store(&db).unwrap_err();
            assert!(matches!(e, StoreError::DanglingLink { .. }), "{e}");
            assert!(e.to_string().contains("moved.sqlite3"), "{e}");
            std::fs::write(tmp.path().join("moved.sqlite3"), "x").unwrap();
            assert!(existing_store(&db).unwrap(), "a link to a store is followed");
        }
    }
}
