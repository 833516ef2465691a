//! The command-line crate's one error type. Every failure the binaries can
//! meet is one of these; `main` prints it as a single line and exits non-zero.

use std::path::PathBuf;

use thiserror::Error;

/// Everything that can go wrong in `isnad` or `isnad-eval`.
#[derive(Debug, Error)]
pub enum CliError {
    /// The command line could not be understood.
    #[error("{0} (try --help)")]
    Usage(String),
    /// The shared folder (gold articles, data sets) is not where it was looked for.
    #[error("shared data folder not found: {} (pass --shared DIR or set ISNAD_SHARED)", .0.display())]
    SharedMissing(PathBuf),
    /// A path names a directory where a file is needed.
    #[error("{}: is a directory, not a text file", .0.display())]
    IsDirectory(PathBuf),
    /// A file or stdin could not be read.
    #[error("{}: {source}", .path.display())]
    Read {
        /// The path (or `-` for stdin).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not valid UTF-8.
    #[error("{}: not valid UTF-8 text (byte {offset})", .path.display())]
    NotUtf8 {
        /// The path (or `-` for stdin).
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
    },
    /// The input is empty or holds only whitespace.
    #[error("{}: no text to annotate (the input is empty or only whitespace)", .0.display())]
    EmptyInput(PathBuf),
    /// A gold file is malformed or one of its spans is not in its text.
    #[error("gold file {}: {problem}", .path.display())]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// A data file (TSV) is malformed.
    #[error("data file {}: {problem}", .path.display())]
    Data {
        /// The data file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// An annotation file could not be read (the message names the file,
    /// the annotation, the field and the reason).
    #[error("{0}")]
    Annotations(#[from] isnad_engine::EngineError),
    /// Some annotations of a file could not be placed on the text.
    #[error("{file}: {count} of {total} annotations could not be placed on {text}")]
    Orphans {
        /// The annotation file.
        file: String,
        /// The text file.
        text: String,
        /// How many could not be placed.
        count: usize,
        /// How many the file holds.
        total: usize,
    },
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Write(std::io::Error),
}

impl CliError {
    /// The process exit code for this error: 2 for usage errors and missing
    /// shared data, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::SharedMissing(_) => 2,
            _ => 1,
        }
    }
}
