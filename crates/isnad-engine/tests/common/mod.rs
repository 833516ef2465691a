//! The one place tests find the read-only `shared/` folder beside the
//! repository (gold articles, fixtures). When it is missing a test skips
//! with a printed message, except under `CI=true`, where a missing folder is
//! a failure. Shared by the engine's and the CLI's integration tests (the
//! CLI includes this file by path).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared folder: `$ISNAD_SHARED` when set, else `shared/` beside the
/// workspace (`<workspace>/../shared`).
pub fn shared_path() -> PathBuf {
    if let Some(dir) = std::env::var_os("ISNAD_SHARED") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The shared folder when it exists. When it does not: panics under
/// `CI=true`, otherwise prints why `test` is skipped and returns `None`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = shared_path();
    if dir.join("fixtures").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{test}: ../shared is missing ({}) and CI=true",
            dir.display()
        );
    }
    println!("{test}: skipped: ../shared is missing ({})", dir.display());
    None
}

/// Every gold dev article as `(file name, text, language code)`, read at run
/// time from `shared/fixtures/dev`.
pub fn dev_articles(shared: &Path) -> Vec<(String, String, String)> {
    let dir = shared.join("fixtures/dev");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let json = std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            let value: serde_json::Value = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()));
            let text = value["text"].as_str().unwrap_or_default().to_string();
            let lang = value["lang"].as_str().unwrap_or_default().to_string();
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, text, lang)
        })
        .collect()
}

/// The first real document (`fixtures/ar-karabakh-wire.txt`).
pub fn karabakh(shared: &Path) -> String {
    let path = shared.join("fixtures/ar-karabakh-wire.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
