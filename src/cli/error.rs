//! How the command line fails: one clear line on stderr and an exit code
//! (1 refused or invalid input, 2 usage error).

use std::process::ExitCode;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A rule refused, or the input (a date, a facility, a dataset, a file) is invalid.
    #[error("{0}")]
    Refused(String),
    /// The command was called wrongly.
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    pub fn refused(msg: impl std::fmt::Display) -> CliError {
        CliError::Refused(msg.to_string())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Refused(_) => ExitCode::from(1),
            CliError::Usage(_) => ExitCode::from(2),
        }
    }
}

impl From<crate::dataset::DatasetError> for CliError {
    fn from(e: crate::dataset::DatasetError) -> CliError {
        CliError::Refused(e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
