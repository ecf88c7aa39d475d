//! `sango dataset check FILE` and `sango dataset show`: validate or print a dataset.

use std::path::PathBuf;

use super::{CliError, CliResult};
use crate::dataset::{self, DatasetError};
use crate::msg;
use crate::visible;

#[derive(Debug, clap::Subcommand)]
pub enum DatasetCommand {
    /// List every problem in a dataset file; exit 1 if there is any.
    Check {
        file: PathBuf,
        /// Print the result as JSON: {"ok", "problems": [{"at", "message"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Print the embedded dataset (a starting point for another ward or year).
    Show,
}

pub fn run(c: DatasetCommand) -> CliResult {
    match c {
        DatasetCommand::Show => {
            crate::out!("{}", dataset::load::EMBEDDED);
            Ok(())
        }
        DatasetCommand::Check { file, json } => match dataset::load_path(&file) {
            Ok(ds) => {
                if json {
                    super::output::json(
                        &serde_json::json!({"ok": true, "problems": [], "facilities": ds.facilities.len()}),
                    )
                } else {
                    let path = visible::path(&file).to_string();
                    crate::outln!(
                        "{}",
                        msg!("cli-dataset-ok", path = path, n = ds.facilities.len())
                    );
                    Ok(())
                }
            }
            Err(DatasetError::Invalid { origin, problems }) => {
                if json {
                    let list: Vec<_> = problems
                        .iter()
                        .map(|p| serde_json::json!({"at": p.at, "message": p.message}))
                        .collect();
                    super::output::json(&serde_json::json!({"ok": false, "problems": list}))?;
                } else {
                    let origin = visible::one_line(&origin).into_owned();
                    crate::outln!(
                        "{}",
                        msg!("cli-dataset-problems", origin = origin, n = problems.len())
                    );
                    for p in &problems {
                        crate::outln!("  - {}", visible::one_line(&p.to_string()));
                    }
                }
                Err(CliError::refused(msg!(
                    "cli-dataset-has-problems",
                    origin = origin,
                    n = problems.len()
                )))
            }
            Err(e) => Err(e.into()),
        },
    }
}
