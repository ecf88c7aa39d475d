//! Gives the build an identity for the dataset cache (`src/dataset/cache.rs`): a hash of the
//! sources, so that a cache written by a program with another model or other rules is not read.
//! Lists the message files (`assets/i18n/<lang>/<file>.ftl`) for `src/i18n` to embed, so a new
//! file or language needs no list kept by hand.

use std::hash::{Hash, Hasher};
use std::path::Path;

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "json") {
            files.push(p);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=assets");
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    walk(Path::new("assets"), &mut files);
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=SANGO_SOURCE_HASH={:016x}", h.finish());
    message_files();
}

/// `OUT_DIR/i18n_files.rs`: `[(language tag, file name, its text)]`, sorted.
fn message_files() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("assets/i18n");
    let mut found = Vec::new();
    for lang in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if !lang.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(lang.path()).into_iter().flatten().flatten() {
            let p = f.path();
            if p.extension().is_some_and(|x| x == "ftl") {
                let tag = lang.file_name().to_string_lossy().into_owned();
                let name = p.file_stem().unwrap_or_default().to_string_lossy().into_owned();
                found.push((tag, name, p));
            }
        }
    }
    found.sort();
    let mut out = String::from("&[\n");
    for (tag, name, p) in &found {
        out.push_str(&format!(
            "    ({tag:?}, {name:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("i18n_files.rs");
    std::fs::write(dest, out).unwrap_or_else(|e| panic!("writing i18n_files.rs: {e}"));
}
