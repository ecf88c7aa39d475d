//! Dataset validation: every problem, each naming where it is.
//! PLACEHOLDER: the dataset helper makes this thorough.

use std::fmt;

use super::model::Dataset;

/// One problem in a dataset, with where it is (a JSON path or line:column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Parses and validates; on failure, every problem found.
pub fn check_text(text: &str) -> Result<Dataset, Vec<Problem>> {
    serde_json::from_str::<Dataset>(text).map_err(|e| {
        vec![Problem {
            at: format!("line {} column {}", e.line(), e.column()),
            message: e.to_string(),
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dataset_parses() {
        let ds = check_text(include_str!("../../assets/kita.json")).expect("parses");
        assert_eq!(ds.facilities.len(), 25);
    }
}
