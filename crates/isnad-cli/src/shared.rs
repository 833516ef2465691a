//! Locating the read-only `shared/` folder that sits beside the repository
//! (gold development articles, the CT22 tweets). Nothing from it is ever
//! copied into the repository: it is read at run time.

use std::path::{Path, PathBuf};

use crate::error::CliError;

/// The environment variable that names the shared folder (as the tests'
/// `common::shared_path` also reads it), e.g. for a git worktree elsewhere.
pub const ENV_VAR: &str = "ISNAD_SHARED";

/// Finds the shared folder: `explicit` when given, else `$ISNAD_SHARED` when
/// set, else `../shared` from the current directory, else `shared` beside
/// the workspace this crate was built from. Fails when the chosen folder has
/// no `fixtures`.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    let from_env = std::env::var_os(ENV_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    if let Some(dir) = explicit.map(Path::to_path_buf).or(from_env) {
        return if dir.join("fixtures").is_dir() {
            Ok(dir)
        } else {
            Err(CliError::SharedMissing(dir))
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
