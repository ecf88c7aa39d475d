//! Where the database lives: `--data-dir DIR`, else `SANGO_DATA_DIR`, else the OS data folder
//! (`~/.local/share/sango` on Linux, `%APPDATA%\Kita City\sango\data` on Windows); and the
//! terminal app's exports, in its `exports/`.

use std::path::{Path, PathBuf};

use super::error::StoreError;

/// The environment variable naming the data folder.
pub const ENV_VAR: &str = "SANGO_DATA_DIR";
/// The database file inside the data folder.
pub const DB_FILE: &str = "sango.sqlite3";
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

    /// Checks the folder exists (creating the default one if needed) and returns the database path.
    pub fn prepare(&self) -> Result<PathBuf, StoreError> {
        match std::fs::metadata(&self.path) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(StoreError::NotAFolder { path: self.path.clone() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !self.explicit => {
                std::fs::create_dir_all(&self.path).map_err(|source| StoreError::FolderCreate {
                    path: self.path.clone(),
                    source,
                })?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::FolderMissing { path: self.path.clone() });
            }
            Err(e) => {
                return Err(StoreError::CannotOpen {
                    path: self.path.clone(),
                    detail: e.to_string(),
                });
            }
        }
        Ok(self.path.join(DB_FILE))
    }
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
    fn the_default_folder_is_created() {
        let tmp = tempfile::tempdir().unwrap();
        let d = DataDir { path: tmp.path().join("x/y"), explicit: false };
        let db = d.prepare().unwrap();
        assert!(tmp.path().join("x/y").is_dir());
        assert_eq!(db.file_name().unwrap(), DB_FILE);
    }
}
