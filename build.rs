//! Gives the build an identity for the dataset cache (`src/dataset/cache.rs`): a hash of the
//! sources, so that a cache written by a program with another model or other rules is not read.

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
}
