//! The programme as data: the JSON model, loading (embedded default or a file) and validation.

pub mod cache;
pub mod check;
pub mod load;
pub mod model;
pub mod text;

pub use load::{
    DatasetError, Summary, load, load_embedded, load_for_facility, load_path, load_programme,
    load_summary, parse,
};
pub use model::*;
