//! The command line's own words, from `assets/i18n/<lang>/staff-cli.ftl`: Japanese (the
//! default, each line bilingual as it has always been printed, which scripts and tests read)
//! or English alone, by the settings' `lang` (`--lang`, `SANGO_LANG`, config.toml).
//! `--json` never changes with the language.

use std::sync::OnceLock;

use super::Context;
use crate::i18n::{self, Locale, Value};

static LANG: OnceLock<Locale> = OnceLock::new();

/// Chooses the language once per process, before any command runs.
pub fn choose(ctx: &Context) {
    let _ = LANG.set(resolve(ctx));
}

/// The language of this run; Japanese until [`choose`] (unit tests).
pub fn lang() -> Locale {
    LANG.get().copied().unwrap_or_default()
}

/// The settings' language. A settings file that cannot be read must not make a command fail
/// that never read it before: then the flag or the environment alone decide, else Japanese,
/// silently (a command that reads the settings reports the problem itself).
fn resolve(ctx: &Context) -> Locale {
    if let Ok(loaded) = crate::config::load(ctx.config_path.as_deref(), &ctx.config_flags()) {
        return loaded.config.lang;
    }
    let staff = |s: &str| Locale::parse(s).filter(|l| matches!(l, Locale::Ja | Locale::En));
    ctx.lang
        .as_deref()
        .and_then(staff)
        .or_else(|| std::env::var("SANGO_LANG").ok().as_deref().and_then(staff))
        .unwrap_or_default()
}

/// A message without variables.
pub fn t(id: &str) -> String {
    i18n::t(lang(), id)
}

/// A message with its variables.
pub fn tr(id: &str, args: &[(&str, Value)]) -> String {
    i18n::tr(lang(), id, args)
}

/// `msg!("cli-id")`, `msg!("cli-id", name = value, …)`: a message of this run's language; a
/// value is anything Fluent takes (`String`, `&str`, a number for a plural).
#[macro_export]
macro_rules! msg {
    ($id:literal) => { $crate::cli::lang::t($id) };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::cli::lang::tr($id, &[$((stringify!($k), $crate::i18n::Value::from($v))),+])
    };
}
