//! One way to say anything to a person: every language's messages are Fluent files,
//! `assets/i18n/<tag>/<part>.ftl` (one part per group of screens), embedded in the binary, and
//! [`tr`] looks one up by its id.
//! Japanese is the reference: a message missing in another language falls back to it (the
//! catalogue test, `tests/i18n_catalog.rs`, fails first), an unknown id to the id itself, so a
//! lookup never panics in a release build.
//!
//! Numbers, yen and dates are put together here ([`format`]) from the words the files give, in
//! each language's habits.

pub mod catalog;
pub mod format;
pub mod hours;
pub mod words;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use strum::{EnumCount, EnumIter, IntoEnumIterator, IntoStaticStr};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Value;

/// A language the app speaks: staff screens in Japanese and English, the kiosk in all of them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    EnumIter,
    EnumCount,
    IntoStaticStr,
)]
pub enum Locale {
    #[default]
    #[strum(serialize = "ja")]
    Ja,
    /// やさしい日本語: short sentences, common words, kana for hard kanji.
    #[strum(serialize = "ja-easy")]
    JaEasy,
    #[strum(serialize = "en")]
    En,
    /// Simplified Chinese.
    #[strum(serialize = "zh-Hans")]
    ZhHans,
    #[strum(serialize = "ko")]
    Ko,
    #[strum(serialize = "vi")]
    Vi,
    #[strum(serialize = "ne")]
    Ne,
    #[strum(serialize = "tl")]
    Tl,
}

impl Locale {
    /// The folder name under `assets/i18n/` and the tag the dataset's texts are keyed by.
    pub fn tag(self) -> &'static str {
        self.into()
    }

    /// Every language, Japanese first: the order the kiosk's welcome screen offers them in.
    pub fn all() -> impl Iterator<Item = Locale> {
        Locale::iter()
    }

    /// `ja`, `ja-easy`, `en`, `zh`/`zh-hans`, `ko`, `vi`, `ne`, `tl` (also a few names, any case).
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.trim().to_ascii_lowercase();
        let found = match s.as_str() {
            "jp" | "japanese" | "日本語" => Locale::Ja,
            "easy" | "ja-easy" | "yasashii" | "やさしいにほんご" => Locale::JaEasy,
            "english" => Locale::En,
            "zh" | "zh-cn" | "zh-hans" | "chinese" | "中文" => Locale::ZhHans,
            "korean" | "한국어" => Locale::Ko,
            "vietnamese" => Locale::Vi,
            "nepali" => Locale::Ne,
            "tagalog" | "fil" | "filipino" => Locale::Tl,
            _ => return Locale::all().find(|l| l.tag().eq_ignore_ascii_case(&s)),
        };
        Some(found)
    }

    /// The language named in itself (日本語, English, 한국어…), from its own file.
    pub fn native_name(self) -> String {
        tr(self, "language-name", &[])
    }

    /// Japanese and easy Japanese: the Japanese text is theirs, no note that it is authoritative.
    pub fn is_japanese(self) -> bool {
        matches!(self, Locale::Ja | Locale::JaEasy)
    }

    /// The other language of the staff screens (`L` on a staff terminal): Japanese and English.
    pub fn other(self) -> Locale {
        if self == Locale::Ja { Locale::En } else { Locale::Ja }
    }

    /// The next language a kiosk's `L` moves to, round all of them.
    pub fn next(self) -> Locale {
        let all: Vec<Locale> = Locale::all().collect();
        let i = all.iter().position(|l| *l == self).unwrap_or(0);
        all[(i + 1) % all.len()]
    }

    /// The language a message is formatted with (plural rules): easy Japanese is Japanese.
    fn langid(self) -> LanguageIdentifier {
        let tag = if self == Locale::JaEasy { "ja" } else { self.tag() };
        tag.parse().unwrap_or_default()
    }

    /// This language's message files as embedded: `(name, text)`, by name.
    pub fn files(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        FILES.iter().filter(move |(tag, ..)| *tag == self.tag()).map(|(_, name, src)| (*name, *src))
    }

    /// Where one of its files is in the repository, to name it in a test's failure.
    pub fn path(self, file: &str) -> String {
        format!("assets/i18n/{}/{file}.ftl", self.tag())
    }

    /// Whether this language has the messages of `file`: every language has the kiosk's and the
    /// shared panes', Japanese and English alone the staff screens' (files named `staff*`).
    pub fn has_file(self, file: &str) -> bool {
        !is_staff_file(file) || matches!(self, Locale::Ja | Locale::En)
    }
}

/// A language is written as its tag (`ja`, `zh-Hans`), in settings shown as JSON too.
impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// Every message file, `(language tag, name, text)`, listed by build.rs from `assets/i18n`.
const FILES: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// A file only staff read (`staff.ftl`, `staff-*.ftl`), so only in Japanese and English: staff
/// screens speak those two.
pub fn is_staff_file(file: &str) -> bool {
    file == "staff" || file.starts_with("staff-")
}

/// One bundle per language, parsed the first time the language is used (a terminal reads one
/// or two; parsing all eight at start cost 5 ms of the first frame). A file that does not parse
/// keeps its good entries (the catalogue test names the bad lines).
static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; Locale::COUNT] =
    [const { OnceLock::new() }; Locale::COUNT];

fn bundle(l: Locale) -> &'static FluentBundle<FluentResource> {
    // `Locale` is a fieldless enum of COUNT variants, so every language has its index.
    BUNDLES[l as usize].get_or_init(|| {
        let mut bundle = FluentBundle::new_concurrent(vec![l.langid()]);
        // Unicode isolation marks (FSI/PDI) around every value would be counted as
        // characters by terminals and break the columns.
        bundle.set_use_isolating(false);
        for (_, src) in l.files() {
            let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
            // A duplicate id keeps the first; the catalogue test reports it.
            let _ = bundle.add_resource(res);
        }
        bundle
    })
}

/// The message `id` in `lang` with its variables. A message the language lacks comes in
/// Japanese; an unknown id comes back as itself (and fails a debug build at once).
pub fn tr(lang: Locale, id: &str, args: &[(&str, Value)]) -> String {
    let fargs = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        a
    });
    for l in [lang, Locale::Ja] {
        let b = bundle(l);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else { continue };
        let mut errors = Vec::new();
        let text = b.format_pattern(pattern, fargs.as_ref(), &mut errors);
        debug_assert!(errors.is_empty(), "message {id} in {}: {errors:?}", l.tag());
        return text.into_owned();
    }
    debug_assert!(false, "no message {id}");
    id.to_string()
}

/// A message with no variables.
pub fn t(lang: Locale, id: &str) -> String {
    tr(lang, id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_is_parsed_by_its_tag_and_named_in_itself() {
        for l in Locale::all() {
            assert_eq!(Locale::parse(l.tag()), Some(l));
            assert_ne!(l.native_name(), "language-name");
        }
        assert_eq!(Locale::parse("中文"), Some(Locale::ZhHans));
        assert_eq!(Locale::parse("xx"), None);
        assert_eq!(Locale::COUNT, 8);
    }

    #[test]
    fn the_kiosk_key_goes_round_every_language() {
        let mut l = Locale::Ja;
        for _ in 0..Locale::COUNT {
            l = l.next();
        }
        assert_eq!(l, Locale::Ja);
        assert_eq!(Locale::Tl.next(), Locale::Ja);
    }

    #[test]
    fn values_have_no_isolation_marks() {
        let s = tr(Locale::En, "identified-as", &[("id", "R-0001".into())]);
        assert_eq!(s, "User number R-0001");
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'));
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |l, n: u32| tr(l, "units-long", &[("n", n.into()), ("unit", "day".into())]);
        assert_eq!(n(Locale::En, 1), "1 day");
        assert_eq!(n(Locale::En, 2), "2 days");
        assert_eq!(n(Locale::Ja, 2), "2日");
        assert_eq!(n(Locale::Tl, 1), "1 araw");
    }
}
