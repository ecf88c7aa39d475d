//! What a language's file holds, read for the catalogue and glossary tests: each message's id,
//! the variables it uses and its words, and every line the parser could not read.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

use super::Locale;

/// One message as written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Message {
    /// The variables (`$name`) its value and attributes use.
    pub vars: BTreeSet<String>,
    /// Its text outside placeables, every variant's, joined by a space: where a glossary term
    /// must appear.
    pub words: String,
}

/// The messages of one file by id.
pub type Messages = BTreeMap<String, Message>;

/// One of a language's files' messages, or every problem in it as `path:line: what`; a file the
/// language does not have has none.
pub fn messages(l: Locale, file: &str) -> Result<Messages, Vec<String>> {
    match l.files().find(|(name, _)| *name == file) {
        Some((_, src)) => read(src, &l.path(file)),
        None => Ok(Messages::new()),
    }
}

/// The messages of a Fluent source; `path` names it in the problems.
pub fn read(source: &str, path: &str) -> Result<Messages, Vec<String>> {
    let line = |byte: usize| source[..byte.min(source.len())].matches('\n').count() + 1;
    let (resource, mut problems) = match parser::parse(source) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => {
            let problems = errors
                .iter()
                .map(|e| format!("{path}:{}: {}", line(e.pos.start), e.kind))
                .collect();
            (r, problems)
        }
    };
    let mut out = Messages::new();
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let mut msg = Message::default();
        let patterns = m.value.iter().chain(m.attributes.iter().map(|a| &a.value));
        for p in patterns {
            pattern_walk(p, &mut msg);
        }
        msg.words = msg.words.trim().to_string();
        if out.insert(m.id.name.to_string(), msg).is_some() {
            problems.push(format!("{path}: message {} is defined twice", m.id.name));
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

fn pattern_walk(p: &Pattern<&str>, out: &mut Message) {
    for e in &p.elements {
        match e {
            PatternElement::TextElement { value } => out.words.push_str(value),
            PatternElement::Placeable { expression } => expression_walk(expression, out),
        }
    }
}

fn expression_walk(e: &Expression<&str>, out: &mut Message) {
    match e {
        Expression::Select { selector, variants } => {
            inline_walk(selector, out);
            for v in variants {
                out.words.push(' ');
                pattern_walk(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_walk(i, out),
    }
}

fn inline_walk(e: &InlineExpression<&str>, out: &mut Message) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.vars.insert(id.name.to_string());
        }
        InlineExpression::StringLiteral { value } => out.words.push_str(value),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_walk(a, out);
            }
            for a in &arguments.named {
                inline_walk(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_walk(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_and_variables_and_names_bad_lines() {
        let src = "a = x { $n ->\n [one] { $n } day\n *[other] { $m }\n}\nb = plain\n";
        let m = read(src, "f.ftl").unwrap();
        assert_eq!(m["a"].vars, ["m".to_string(), "n".to_string()].into());
        assert_eq!(m["a"].words, "x   day");
        assert!(m["b"].vars.is_empty());
        assert_eq!(m["b"].words, "plain");
        let bad = read("a = ok\nb = { }\nc = fine\n", "f.ftl").unwrap_err();
        assert!(bad[0].starts_with("f.ftl:2:"), "{bad:?}");
        let twice = read("a = 1\na = 2\n", "f.ftl").unwrap_err();
        assert!(twice[0].contains("twice"), "{twice:?}");
    }
}
