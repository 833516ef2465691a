//! # isnad-cli
//!
//! The command-line side of isnad: `isnad` annotates text files with the
//! same engine as the browser; `isnad-eval` scores the engine on the gold
//! development articles and the CT22 Arabic tweets in the read-only
//! `shared/` folder beside the repository.

pub mod error;
pub mod eval;
pub mod eval_cli;
pub mod gold;
pub mod shared;

pub use error::CliError;
