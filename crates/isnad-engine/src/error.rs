//! The engine's one error type.

use thiserror::Error;

/// Everything that can go wrong reading or checking an annotation file.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EngineError {
    /// The input is not JSON, or not JSON of the expected shape.
    #[error("not a valid isnad file: {0}")]
    Json(String),
    /// The file names a schema this version cannot read.
    #[error("unsupported schema {found:?}: this version reads \"isnad/1\"")]
    Schema {
        /// The schema the file names.
        found: String,
    },
    /// An annotation's offsets do not fit the document.
    #[error("annotation {id}: {field} {start}..{end} is outside the text ({len} code points)")]
    OutOfBounds {
        /// The annotation id.
        id: String,
        /// Which span (`start/end`, `cue`, `mention`).
        field: &'static str,
        /// Start, in code points.
        start: usize,
        /// End, in code points.
        end: usize,
        /// Text length in code points.
        len: usize,
    },
    /// An annotation's `text` differs from the slice its offsets name.
    #[error("annotation {id}: text {expected:?} does not match the document at {start}..{end} ({found:?})")]
    TextMismatch {
        /// The annotation id.
        id: String,
        /// Start, in code points.
        start: usize,
        /// End, in code points.
        end: usize,
        /// The text the file gives.
        expected: String,
        /// The text the document has there.
        found: String,
    },
    /// An annotation refers to a speaker the file does not define.
    #[error("annotation {id}: unknown speaker {speaker:?}")]
    UnknownSpeaker {
        /// The annotation id.
        id: String,
        /// The speaker id it names.
        speaker: String,
    },
    /// Two annotations or speakers share an id.
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
    /// A field is missing or has the wrong kind of value.
    #[error("annotation {id}: {problem}")]
    Field {
        /// The annotation id.
        id: String,
        /// What is wrong.
        problem: String,
    },
}
