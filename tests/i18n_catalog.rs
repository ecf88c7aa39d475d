//! The message files (assets/i18n/<lang>/<file>.ftl) against the reference, Japanese: every
//! language has exactly its ids, file by file (the staff files in Japanese and English only),
//! each with the same variables, and parses cleanly; the
//! glossary's official terms are where it says they are.

use std::collections::{BTreeMap, BTreeSet};

use sango::i18n::{Locale, catalog};
use unicode_width::UnicodeWidthStr;

/// Every file's messages by language and file name.
fn all_files() -> BTreeMap<Locale, BTreeMap<String, catalog::Messages>> {
    let names: BTreeSet<&str> = Locale::all().flat_map(|l| l.files().map(|(n, _)| n)).collect();
    let mut problems = Vec::new();
    let mut out = BTreeMap::new();
    for l in Locale::all() {
        let files: &mut BTreeMap<String, catalog::Messages> = out.entry(l).or_default();
        for name in &names {
            match catalog::messages(l, name) {
                Ok(m) => {
                    files.insert(name.to_string(), m);
                }
                Err(p) => problems.extend(p),
            }
        }
    }
    assert!(problems.is_empty(), "the message files do not parse:\n{}", problems.join("\n"));
    out
}

/// Every language's messages, its files together; an id in two files is a failure.
fn all_messages() -> BTreeMap<Locale, catalog::Messages> {
    let mut problems = Vec::new();
    let mut out = BTreeMap::new();
    for (l, files) in all_files() {
        let all: &mut catalog::Messages = out.entry(l).or_default();
        for (file, messages) in files {
            for (id, m) in messages {
                if all.insert(id.clone(), m).is_some() {
                    problems.push(format!("{}: {id} is in another file too", l.path(&file)));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    out
}

#[test]
fn every_language_has_exactly_the_references_messages_and_variables() {
    let all = all_files();
    let reference = &all[&Locale::Ja];
    let mut problems = Vec::new();
    for (l, files) in &all {
        for (file, messages) in files {
            let path = l.path(file);
            let empty = catalog::Messages::new();
            let wanted = if l.has_file(file) { &reference[file] } else { &empty };
            if l.has_file(file) && !l.files().any(|(n, _)| n == file) {
                problems.push(format!("{path}: missing file"));
                continue;
            }
            for (id, m) in wanted {
                match messages.get(id) {
                    None => problems.push(format!("{path}: missing {id}")),
                    Some(t) if t.vars != m.vars => problems.push(format!(
                        "{path}: {id} uses {:?}, the reference {:?}",
                        t.vars, m.vars
                    )),
                    Some(_) => {}
                }
            }
            for id in messages.keys().filter(|id| !wanted.contains_key(*id)) {
                problems.push(format!("{path}: unknown message {id} (not in the reference)"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_message_uses_a_symbol_of_ambiguous_width() {
    // Terminals disagree on their width (see text.rs), a CJK font draws them wide. Vietnamese
    // letters (à, ệ) are of ambiguous width too and cannot be avoided: its file is checked for
    // the symbols alone.
    let symbols = ['※', '○', '→', '①', '–', '×', '·', '…', '“', '”', '’'];
    for (l, files) in all_files() {
        for (file, messages) in files {
            for (id, m) in messages {
                let bad: Vec<char> = m.words.chars().filter(|c| symbols.contains(c)).collect();
                assert!(bad.is_empty(), "{}: {id} has {bad:?}", l.path(&file));
                if matches!(l, Locale::Ja | Locale::JaEasy | Locale::ZhHans | Locale::Ko) {
                    assert_eq!(m.words.width(), m.words.width_cjk(), "{}: {id}", l.path(&file));
                }
            }
        }
    }
}

#[derive(serde::Deserialize)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(serde::Deserialize)]
struct Term {
    what: String,
    #[serde(rename = "is")]
    is_in: Vec<String>,
    #[serde(rename = "in")]
    within: Vec<String>,
    #[serde(flatten)]
    words: BTreeMap<String, String>,
}

#[test]
fn the_glossarys_terms_are_used_where_it_says() {
    let glossary: Glossary = toml::from_str(include_str!("../assets/i18n/glossary.toml"))
        .expect("assets/i18n/glossary.toml parses");
    let all = all_messages();
    let mut problems = Vec::new();
    for term in &glossary.term {
        for l in Locale::all() {
            let Some(word) = term.words.get(l.tag()) else {
                problems.push(format!("glossary: {} has no {}", term.what, l.tag()));
                continue;
            };
            let messages = &all[&l];
            for id in &term.is_in {
                let said = messages.get(id).map(|m| m.words.as_str());
                // Case aside: a term may start a sentence.
                if said.map(str::to_lowercase) != Some(word.to_lowercase()) {
                    problems.push(format!("{}: {id} is {said:?}, the glossary {word:?}", l.tag()));
                }
            }
            for id in &term.within {
                let said = messages.get(id).map(|m| m.words.to_lowercase()).unwrap_or_default();
                if !said.contains(&word.to_lowercase()) {
                    problems.push(format!("{}: {id} lacks {word:?} ({})", l.tag(), term.what));
                }
            }
        }
        let unknown: Vec<&String> = term
            .words
            .keys()
            .filter(|k| Locale::parse(k).is_none_or(|l| l.tag() != k.as_str()))
            .collect();
        if !unknown.is_empty() {
            problems.push(format!("glossary: {} has unknown languages {unknown:?}", term.what));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
