//! The dataset cache never changes an answer: the same output with and without it, a damaged
//! cache is ignored and written anew, a dataset with problems is never cached.

mod common;

use std::path::Path;

fn synth(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("load");
    let r = common::sango(&[
        "synth",
        "--seed",
        "5",
        "--facilities",
        "30",
        "--residents",
        "0",
        "--bookings",
        "0",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out.join("dataset.json")
}

/// `sango ARGS` with this dataset and cache folder.
fn run(dataset: &Path, cache: &Path, args: &[&str]) -> common::Run {
    let mut all = vec!["--dataset", dataset.to_str().unwrap()];
    all.extend_from_slice(args);
    common::finish(common::command(&all).env("SANGO_CACHE_DIR", cache).output().unwrap())
}

fn answers(dataset: &Path, cache: &Path, facility: &str) -> Vec<String> {
    [
        vec!["facilities", "--json"],
        vec!["facilities", "--type", "stay"],
        vec!["facilities"],
        vec!["hours", facility, "--at", "2026-11-20T10:00", "--json"],
        vec!["fee", "--type", "day", "--units", "2", "--json"],
        vec!["window", facility, "--type", "day", "--birth", "2026-10-01", "--json"],
    ]
    .iter()
    .map(|a| {
        let r = run(dataset, cache, a);
        format!("{} {} {}", r.code, r.stdout, r.stderr)
    })
    .collect()
}

/// The cache's files (datasets and views; not the remembered keys of the files).
fn cache_files(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "cache"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn cached_or_not_the_answers_are_the_same_and_a_damaged_cache_is_rebuilt() {
    let d = tempfile::tempdir().unwrap();
    let dataset = synth(d.path());
    let text: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dataset).unwrap()).unwrap();
    let facility = text["facilities"][3]["id"].as_str().unwrap().to_string();
    let cache = d.path().join("cache");
    let first = answers(&dataset, &cache, &facility);
    let files: Vec<_> = cache_files(&cache)
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("dataset-"))
        .collect();
    assert_eq!(files.len(), 1, "one cache for one dataset");
    let second = answers(&dataset, &cache, &facility);
    assert_eq!(first, second);

    // Every byte of the cache's body changed: ignored, the same answers, written anew.
    let good = std::fs::read(&files[0]).unwrap();
    let mut bad = good.clone();
    let n = bad.len();
    for b in &mut bad[n / 3..] {
        *b = b.wrapping_add(1);
    }
    std::fs::write(&files[0], &bad).unwrap();
    assert_eq!(answers(&dataset, &cache, &facility), first);
    assert_eq!(std::fs::read(&files[0]).unwrap(), good, "rebuilt");

    // A damaged view (the facilities list kept for this dataset) is not shown.
    for view in cache_files(&cache) {
        if view.file_name().unwrap().to_string_lossy().starts_with("view-") {
            let mut bytes = std::fs::read(&view).unwrap();
            let n = bytes.len();
            bytes[n - 5] ^= 0x01;
            std::fs::write(&view, bytes).unwrap();
        }
    }
    assert_eq!(answers(&dataset, &cache, &facility), first);

    // Another dataset: another cache, its own answers.
    let mut other = text.clone();
    other["facilities"][3]["name"] = "別の名前".into();
    let other_path = d.path().join("other.json");
    std::fs::write(&other_path, serde_json::to_string_pretty(&other).unwrap()).unwrap();
    for _ in 0..2 {
        let r = run(&other_path, &cache, &["facilities", "--json"]);
        assert!(r.stdout.contains("別の名前"), "{}", r.stdout);
    }
    let datasets = cache_files(&cache)
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("dataset-"))
        .count();
    assert_eq!(datasets, 2);
}

#[test]
fn a_dataset_with_problems_is_never_cached_and_says_so_every_time() {
    let d = tempfile::tempdir().unwrap();
    let dataset = synth(d.path());
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dataset).unwrap()).unwrap();
    v["programme"]["care_types"][0]["limit"] = 0.into();
    std::fs::write(&dataset, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let cache = d.path().join("cache");
    for _ in 0..2 {
        let r = run(&dataset, &cache, &["fee", "--type", "stay", "--units", "1"]);
        assert_eq!(r.code, 1);
        assert!(r.stderr.contains("invalid") && r.stderr.contains("limit"), "{}", r.stderr);
    }
    assert!(cache_files(&cache).is_empty());
}

#[test]
fn a_dataset_changed_in_place_is_read_again_even_at_the_same_size() {
    let d = tempfile::tempdir().unwrap();
    let dataset = synth(d.path());
    let cache = d.path().join("cache");
    let fee = |units: &str| run(&dataset, &cache, &["fee", "--type", "stay", "--units", units]);
    assert_eq!(fee("4").code, 0);
    assert_eq!(fee("4").code, 0, "from the cache");
    // The stay limit 4 → 3, written into the same file, same size.
    let text = std::fs::read_to_string(&dataset).unwrap();
    let changed = text.replacen("\"limit\": 4,", "\"limit\": 3,", 1);
    assert_ne!(text, changed);
    assert_eq!(text.len(), changed.len());
    std::fs::OpenOptions::new()
        .write(true)
        .open(&dataset)
        .and_then(|mut f| std::io::Write::write_all(&mut f, changed.as_bytes()))
        .unwrap();
    let r = fee("4");
    assert_eq!(r.code, 1, "the new limit: {}", r.stdout);
    assert!(r.stderr.contains("limit"), "{}", r.stderr);
}
