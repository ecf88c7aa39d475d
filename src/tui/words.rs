//! The screens' words for the rules' values live in `crate::i18n::words` (the CLI and the
//! exports name them too); this name stays while screens still import it from here.

pub use crate::i18n::words::*;
