//! Loading the dataset: the embedded default, a file named by `--dataset`, or `SANGO_DATASET`.

use std::path::{Path, PathBuf};

use super::check::{self, Problem};
use super::model::Dataset;

/// The Kita City dataset shipped in `assets/`, built into the binary.
pub const EMBEDDED: &str = include_str!("../../assets/kita.json");
/// The environment variable naming another dataset file.
pub const ENV_VAR: &str = "SANGO_DATASET";

#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read the dataset (データセット) {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
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

/// The embedded Kita City dataset.
pub fn load_embedded() -> Result<Dataset, DatasetError> {
    parse(EMBEDDED, "(embedded) assets/kita.json")
}

/// A dataset file.
pub fn load_path(path: &Path) -> Result<Dataset, DatasetError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| DatasetError::Io { path: path.to_path_buf(), source })?;
    parse(&text, &path.display().to_string())
}

/// The dataset to use: an explicit path, else `SANGO_DATASET`, else the embedded one.
pub fn load(path: Option<&Path>) -> Result<Dataset, DatasetError> {
    match path {
        Some(p) => load_path(p),
        None => match std::env::var_os(ENV_VAR) {
            Some(p) if !p.is_empty() => load_path(Path::new(&p)),
            _ => load_embedded(),
        },
    }
}
