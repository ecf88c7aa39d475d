//! A text the screens show, in Japanese and optionally in other languages.
//!
//! In the file a text is either a string (Japanese only, as the flyer gives it) or an object of
//! texts by language tag with `ja` required: `{"ja": "宿泊型", "en": "Overnight stay"}`. A screen
//! in another language shows that language's text where the dataset has it and the Japanese text
//! where it does not, so a ward can translate as much or as little as it likes.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    ja: String,
    /// Other languages by tag (`en`, `zh-Hans`, `vi`...).
    other: BTreeMap<String, String>,
}

impl Text {
    /// A Japanese-only text.
    pub fn ja(ja: impl Into<String>) -> Text {
        Text { ja: ja.into(), other: BTreeMap::new() }
    }

    /// This text with its version in `lang` as well.
    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Text {
        if lang == "ja" {
            self.ja = text.into();
        } else {
            self.other.insert(lang.to_string(), text.into());
        }
        self
    }

    /// The Japanese text.
    pub fn as_str(&self) -> &str {
        &self.ja
    }

    /// The text in `lang`, or in Japanese when the dataset has none in that language.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "ja" {
            return &self.ja;
        }
        self.other.get(lang).map_or(&self.ja, String::as_str)
    }

    /// The text in `lang` when the dataset has it (Japanese always).
    pub fn exactly(&self, lang: &str) -> Option<&str> {
        if lang == "ja" { Some(&self.ja) } else { self.other.get(lang).map(String::as_str) }
    }

    /// Every version: `ja` first, then the others by tag.
    pub fn versions(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("ja", self.ja.as_str()))
            .chain(self.other.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

/// The Japanese text: the flyer's words, which every rule and record keeps.
impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.ja
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ja)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::ja(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::ja(s)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.ja == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.ja == *other
    }
}

/// A well-formed language tag as the dataset may use it: a 2–3 letter lowercase language, then
/// optional parts of 2–8 letters or digits (`en`, `zh-Hans`, `pt-BR`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    lang_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.other.is_empty() {
            return s.serialize_str(&self.ja);
        }
        let mut m = s.serialize_map(Some(1 + self.other.len()))?;
        for (k, v) in self.versions() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text: a string, or an object of strings by language with \"ja\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::ja(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::ja(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut ja = None;
        let mut other = BTreeMap::new();
        while let Some(tag) = map.next_key::<String>()? {
            if !is_language_tag(&tag) {
                return Err(de::Error::custom(format!(
                    "{tag:?} is not a language tag (ja, en, zh-Hans, pt-BR...)"
                )));
            }
            let text: String = map
                .next_value()
                .map_err(|_| de::Error::custom(format!("the text in {tag:?} must be a string")))?;
            let duplicate = if tag == "ja" {
                ja.replace(text).is_some()
            } else {
                other.insert(tag.clone(), text).is_some()
            };
            if duplicate {
                return Err(de::Error::custom(format!("language {tag:?} is given twice")));
            }
        }
        match ja {
            Some(ja) => Ok(Text { ja, other }),
            None => Err(de::Error::custom(
                "a text by language needs its Japanese version (\"ja\"): the screens fall back to it",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_japanese_and_every_language_falls_back_to_it() {
        let t: Text = serde_json::from_str("\"宿泊型\"").unwrap();
        assert_eq!(t.get("ja"), "宿泊型");
        assert_eq!(t.get("en"), "宿泊型");
        assert_eq!(t.exactly("en"), None);
        assert_eq!(&*t, "宿泊型");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"宿泊型\"");
    }

    #[test]
    fn an_object_gives_each_language_its_own_text() {
        let t: Text = serde_json::from_str(
            r#"{"ja": "宿泊型", "en": "Overnight stay", "zh-Hans": "住宿型"}"#,
        )
        .unwrap();
        assert_eq!(t.get("en"), "Overnight stay");
        assert_eq!(t.get("zh-Hans"), "住宿型");
        assert_eq!(t.get("vi"), "宿泊型");
        assert_eq!(&*t, "宿泊型");
        let back: Text = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn an_object_without_japanese_or_with_a_bad_tag_is_refused_saying_why() {
        let e = serde_json::from_str::<Text>(r#"{"en": "Overnight stay"}"#).unwrap_err();
        assert!(e.to_string().contains("\"ja\""), "{e}");
        let e = serde_json::from_str::<Text>(r#"{"ja": "宿泊型", "English": "x"}"#).unwrap_err();
        assert!(e.to_string().contains("\"English\" is not a language tag"), "{e}");
        let e = serde_json::from_str::<Text>(r#"{"ja": "宿泊型", "en": 3}"#).unwrap_err();
        assert!(e.to_string().contains("\"en\" must be a string"), "{e}");
        let e = serde_json::from_str::<Text>("3").unwrap_err();
        assert!(e.to_string().contains("a text: a string"), "{e}");
    }

    #[test]
    fn language_tags() {
        for ok in ["ja", "en", "zh-Hans", "pt-BR", "fil"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "EN", "e", "english", "en-", "en_US", "zh-Hans-toolongpart"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
