//! The engine's one error type.
//!
//! Errors about a file being imported ([`crate::import`]) all start with the
//! file name, then say which annotation (1-based number and id, when known),
//! which field (a JSON path such as `first.items[3].target.selector[1].start`)
//! and why: `notes.json: annotation 4 (id "a4"), at
//! first.items[3].target.selector[1].start: must be a whole number ≥ 0, not
//! "abc"`.

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
    /// A file to import is larger than [`crate::import::MAX_IMPORT_BYTES`].
    #[error("{file}: the file is {size} bytes; files over {limit} bytes ({} MiB) are not read", limit / (1024 * 1024))]
    TooLarge {
        /// The file name.
        file: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A file holds more annotations than
    /// [`crate::import::MAX_IMPORT_ANNOTATIONS`].
    #[error("{file}: {count} annotations; at most {limit} are read from one file")]
    TooManyAnnotations {
        /// The file name.
        file: String,
        /// How many annotations it holds.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A file to import is not UTF-8 (for callers that read bytes).
    #[error("{file}: not UTF-8 text (first invalid byte at offset {offset})")]
    NotUtf8 {
        /// The file name.
        file: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A file is JSON of a kind isnad does not read, or not JSON at all.
    #[error("{file}: {problem}")]
    UnknownFormat {
        /// The file name.
        file: String,
        /// What it is, or why it is not understood.
        problem: String,
    },
    /// A file names a `schema` other than `isnad/1`.
    #[error("{file}: a file of another schema ({found:?}); isnad reads \"isnad/1\" files and W3C Web Annotation JSON-LD")]
    OtherSchema {
        /// The file name.
        file: String,
        /// The schema it names.
        found: String,
    },
    /// W3C annotations point into a text they do not contain.
    #[error("{file}: W3C Web Annotations do not contain the text they annotate: open that text first, then import the annotations onto it")]
    NoText {
        /// The file name.
        file: String,
    },
    /// A precise problem in a file being imported.
    #[error("{file}: {}", where_and_why(*.annotation, .id.as_deref(), .field, .problem))]
    Import {
        /// The file name.
        file: String,
        /// The annotation's 0-based index in the file, when the problem is in one.
        annotation: Option<usize>,
        /// The annotation's id, when it has one.
        id: Option<String>,
        /// The JSON path of the field (`annotations[2].start`); empty for
        /// the file as a whole.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// A saved document or library index could not be read.
    #[error("a saved document could not be read: {0}")]
    Store(String),
    /// A saved record comes from a newer version of isnad; it is left as
    /// it is.
    #[error("this document was saved by a newer version of isnad (store version {found}; this one reads up to {supported}); it is kept as it is")]
    NewerStore {
        /// The record's store version.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
}

/// `annotation 4 (id "q3"), at annotations[3].start: problem`.
fn where_and_why(
    annotation: Option<usize>,
    id: Option<&str>,
    field: &str,
    problem: &str,
) -> String {
    let mut out = String::new();
    if let Some(i) = annotation {
        out.push_str(&format!("annotation {}", i + 1));
        if let Some(id) = id {
            out.push_str(&format!(" (id {id:?})"));
        }
        out.push_str(", ");
    }
    if !field.is_empty() {
        out.push_str(&format!("at {field}: "));
    }
    out.push_str(problem);
    out
}
