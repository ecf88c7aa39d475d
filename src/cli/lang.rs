//! The command line's own words, from `assets/i18n/<lang>/staff-cli.ftl`: Japanese (the
//! default, each line bilingual as it has always been printed, which scripts and tests read)
//! or English alone, by the settings' `lang` (`--lang`, `SANGO_LANG`, config.toml).
//! `--json` never changes with the language.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::config::Flags;
use crate::i18n::{self, Locale, Value};

static LANG: OnceLock<Locale> = OnceLock::new();

/// Chooses the language once per process from the raw arguments (`--lang`, `--config`), before
/// they are parsed: the parsers of dates and times speak it too.
pub fn choose(args: impl IntoIterator<Item = OsString>) {
    let (mut config, mut lang) = (None, None);
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = args.next() {
        let mut value = |flag: &str| match a.strip_prefix(flag) {
            Some("") => args.next(),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value("--lang") {
            lang = Some(v);
        } else if let Some(v) = value("--config") {
            config = Some(PathBuf::from(v));
        }
    }
    let _ = LANG.set(resolve(config, lang));
}

/// The language of this run; Japanese until [`choose`] (unit tests).
pub fn lang() -> Locale {
    LANG.get().copied().unwrap_or_default()
}

/// The settings' language. A settings file that cannot be read must not make a command fail
/// that never read it before: then the flag or the environment alone decide, else Japanese,
/// silently (a command that reads the settings reports the problem itself).
fn resolve(config: Option<PathBuf>, lang: Option<String>) -> Locale {
    let flags = Flags { lang: lang.clone(), ..Flags::default() };
    if let Ok(loaded) = crate::config::load(config.as_deref(), &flags) {
        return loaded.config.lang;
    }
    let staff = |s: &str| Locale::parse(s).filter(|l| matches!(l, Locale::Ja | Locale::En));
    lang.as_deref()
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
