//! # isnad-cli
//!
//! The command-line side of isnad: `isnad` annotates text files with the
//! same engine as the browser; `isnad-eval` scores the engine on the gold
//! development articles and the CT22 Arabic tweets in the read-only
//! `shared/` folder beside the repository.

pub mod baseline;
pub mod cli;
pub mod error;
pub mod eval;
pub mod eval_cli;
pub mod gold;
pub mod input;
pub mod polnear;
pub mod shared;

pub use error::CliError;

/// The command-line arguments as strings; an argument that is not valid
/// UTF-8 is a usage error, not a panic.
pub fn utf8_args(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Vec<String>, CliError> {
    args.map(|a| {
        a.into_string()
            .map_err(|a| CliError::Usage(format!("argument {a:?} is not valid UTF-8")))
    })
    .collect()
}
