//! Locating the read-only `shared/` folder that sits beside the repository
//! (gold development articles, the CT22 tweets). Nothing from it is ever
//! copied into the repository: it is read at run time.

use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Finds the shared folder: `explicit` when given, else `../shared` from the
/// current directory, else `shared` beside the workspace this crate was
/// built from. Fails when the chosen folder has no `fixtures/dev`.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(dir) = explicit {
        return if dir.join("fixtures").is_dir() {
            Ok(dir.to_path_buf())
        } else {
            Err(CliError::SharedMissing(dir.to_path_buf()))
        };
    }
    let from_manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let candidates = [PathBuf::from("../shared"), from_manifest];
    for dir in &candidates {
        if dir.join("fixtures").is_dir() {
            return Ok(dir.clone());
        }
    }
    Err(CliError::SharedMissing(candidates[0].clone()))
}
