//! Which store a terminal uses: the SQLite file of its data folder (one terminal, the default),
//! or a shared PostgreSQL database (`--database`, `SANGO_DATABASE`, `database` in the
//! settings).

use std::path::PathBuf;

use super::Store;
use super::error::StoreError;
use super::moment::{Clock, StoreKind};
use super::paths::DataDir;
use super::server::ServerUrl;

/// Where the store is.
#[derive(Debug, Clone)]
pub enum Location {
    Folder(DataDir),
    Server(Box<ServerUrl>),
}

impl Location {
    /// The server when a database URL is given, else the data folder (`--data-dir`, then
    /// `SANGO_DATA_DIR`, then the OS default).
    pub fn resolve(
        database: Option<&str>,
        data_dir: Option<&std::path::Path>,
    ) -> Result<Location, StoreError> {
        match database {
            Some(url) => Ok(Location::Server(Box::new(ServerUrl::parse(url)?))),
            None => Ok(Location::Folder(DataDir::resolve(data_dir)?)),
        }
    }

    /// Opens the store of `kind`, creating it on first use.
    pub fn open(&self, kind: StoreKind) -> Result<Store, StoreError> {
        match self {
            Location::Folder(dir) => Store::open_kind(dir, kind),
            Location::Server(url) => Store::open_server(url, kind, Clock::system()),
        }
    }

    /// Opens the store of `kind` for a command that only reads; `None` before it exists.
    pub fn open_read_only(&self, kind: StoreKind) -> Result<Option<Store>, StoreError> {
        match self {
            Location::Folder(dir) => Store::open_read_only(dir, kind),
            Location::Server(url) => Store::open_server_read_only(url, kind),
        }
    }

    /// Where messages say the store of `kind` is: its file, or the server without a password.
    pub fn place(&self, kind: StoreKind) -> PathBuf {
        match self {
            Location::Folder(dir) => dir.store_file(kind),
            Location::Server(url) => url.place(),
        }
    }

    /// The data folder, where there is one (the terminal app's exports go there).
    pub fn folder(&self) -> Option<&DataDir> {
        match self {
            Location::Folder(dir) => Some(dir),
            Location::Server(_) => None,
        }
    }
}
