//! How the command line fails: one clear line on stderr (a list of problems: one line each) and
//! an exit code (1 refused or invalid input, 2 usage error). What is printed goes through
//! [`crate::visible`]: an id or path echoed in a message never breaks the line or reaches the
//! terminal as a control sequence.

use std::process::ExitCode;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A rule refused, or the input (a date, a facility, a dataset, a file) is invalid.
    #[error("{0}")]
    Refused(String),
    /// The command was called wrongly.
    #[error("{0}")]
    Usage(String),
    /// Refused for a list of problems (a dataset's): a heading and one line per problem.
    #[error("{head}\n{}", items.iter().map(|i| format!("  - {i}")).collect::<Vec<_>>().join("\n"))]
    Problems { head: String, items: Vec<String> },
}

impl CliError {
    pub fn refused(msg: impl std::fmt::Display) -> CliError {
        CliError::Refused(msg.to_string())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Refused(_) | CliError::Problems { .. } => ExitCode::from(1),
            CliError::Usage(_) => ExitCode::from(2),
        }
    }

    /// The message as it is printed: each line made visible ([`crate::visible::one_line`]), so
    /// a message is one line (a list, one line per problem) whatever the values it echoes.
    pub fn shown(&self) -> String {
        use crate::visible::one_line;
        match self {
            CliError::Refused(m) | CliError::Usage(m) => one_line(m).into_owned(),
            CliError::Problems { head, items } => {
                let mut out = one_line(head).into_owned();
                for i in items {
                    out.push_str("\n  - ");
                    out.push_str(&one_line(i));
                }
                out
            }
        }
    }
}

impl From<crate::dataset::DatasetError> for CliError {
    fn from(e: crate::dataset::DatasetError) -> CliError {
        match e {
            crate::dataset::DatasetError::Invalid { origin, problems } => CliError::Problems {
                head: crate::msg!("cli-dataset-invalid", origin = origin),
                items: problems.iter().map(ToString::to_string).collect(),
            },
            other => CliError::Refused(other.to_string()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_printed_on_one_line_with_its_echoed_values_made_visible() {
        let e = CliError::refused("unknown resident (利用者番号) X\u{1b}]0;T\u{7}\nY");
        assert_eq!(e.shown(), "unknown resident (利用者番号) X\\u{1b}]0;T\\u{7}\\u{a}Y");
        let e = CliError::Problems {
            head: "the dataset x.json is invalid:".into(),
            items: vec!["a: bad\rname".into(), "b: ok".into()],
        };
        assert_eq!(e.shown(), "the dataset x.json is invalid:\n  - a: bad\\u{d}name\n  - b: ok");
    }
}
