//! The `isnad/1` file format (documented in `docs/format.md`): the
//! engine's [`Analysis`] with every offset counted in Unicode code points,
//! and the checked way back.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::EngineError;
use crate::model::{
    Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Lang, Origin,
    QuoteForm, QuoteInfo, Span, Speaker,
};
use crate::offsets::OffsetMap;

/// The schema name this version writes and reads.
pub const SCHEMA: &str = "isnad/1";

/// A whole `isnad/1` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct File {
    /// Always `"isnad/1"`.
    pub schema: String,
    /// The annotated document.
    pub document: FileDocument,
    /// Annotations in document order.
    pub annotations: Vec<FileAnnotation>,
    /// Speakers that quotes refer to.
    #[serde(default)]
    pub speakers: Vec<FileSpeaker>,
}

/// The document part of a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileDocument {
    /// `ar`, `en` or `fr`.
    pub language: Lang,
    /// The text exactly as pasted.
    pub text: String,
}

/// A span in code points, with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text, equal to the document slice.
    pub text: String,
}

/// One annotation in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileAnnotation {
    /// Unique id.
    pub id: String,
    /// `quote`, `claim` or `boilerplate`.
    pub kind: Kind,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The annotated text (a quote's content without its marks).
    pub text: String,
    /// `auto` or `editor`.
    #[serde(default)]
    pub origin: Origin,
    /// Quotes: `direct`, `indirect` or `mixed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<QuoteForm>,
    /// Quotes: the speaker id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Quotes: the cue word(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<FileSpan>,
    /// Quotes: the nearest explicit mention of the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<FileSpan>,
    /// Claims: what makes it checkable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<ClaimCategory>>,
    /// Claims: confidence in `0..=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Claims: the fact-check status; absent means `unchecked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
    /// Claims: the fact-checker's note; absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One speaker in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileSpeaker {
    /// Unique id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Title or role, kept apart from the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Every explicit mention.
    #[serde(default)]
    pub mentions: Vec<FileSpan>,
}

fn file_span(map: &OffsetMap, span: Span) -> FileSpan {
    FileSpan {
        start: map.cp_of_byte(span.start),
        end: map.cp_of_byte(span.end),
        text: span.slice(map.text()).to_string(),
    }
}

/// Writes an analysis as an `isnad/1` file (offsets in code points).
pub fn to_file(analysis: &Analysis) -> File {
    let map = OffsetMap::new(&analysis.text);
    let annotations = analysis
        .annotations
        .iter()
        .map(|a| {
            let s = file_span(&map, a.span);
            let mut out = FileAnnotation {
                id: a.id.clone(),
                kind: a.kind(),
                start: s.start,
                end: s.end,
                text: s.text,
                origin: a.origin,
                form: None,
                speaker: None,
                cue: None,
                mention: None,
                categories: None,
                score: None,
                status: None,
                note: None,
            };
            match &a.detail {
                Detail::Quote(q) => {
                    out.form = Some(q.form);
                    out.speaker = q.speaker.clone();
                    out.cue = q.cue.map(|c| file_span(&map, c));
                    out.mention = q.mention.map(|m| file_span(&map, m));
                }
                Detail::Claim(c) => {
                    out.categories = Some(c.categories.clone());
                    out.score = Some(c.score);
                    out.status = (c.status != ClaimStatus::Unchecked).then_some(c.status);
                    out.note = (!c.note.is_empty()).then(|| c.note.clone());
                }
                Detail::Boilerplate => {}
            }
            out
        })
        .collect();
    let speakers = analysis
        .speakers
        .iter()
        .map(|s| FileSpeaker {
            id: s.id.clone(),
            name: s.name.clone(),
            title: s.title.clone(),
            mentions: s.mentions.iter().map(|&m| file_span(&map, m)).collect(),
        })
        .collect();
    File {
        schema: SCHEMA.to_string(),
        document: FileDocument {
            language: analysis.language,
            text: analysis.text.clone(),
        },
        annotations,
        speakers,
    }
}

/// Serialises an analysis as pretty-printed `isnad/1` JSON.
pub fn to_json(analysis: &Analysis) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&to_file(analysis)).unwrap_or_default()
}

/// Parses and checks `isnad/1` JSON.
pub fn from_json(json: &str) -> Result<Analysis, EngineError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| EngineError::Json(e.to_string()))?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(SCHEMA) => {}
        Some(other) => {
            return Err(EngineError::Schema {
                found: other.to_string(),
            })
        }
        None => return Err(EngineError::Json("missing \"schema\" field".into())),
    }
    let file: File = serde_json::from_value(value).map_err(|e| EngineError::Json(e.to_string()))?;
    from_file(file)
}

/// Checks a parsed file and converts it back to byte spans.
pub fn from_file(file: File) -> Result<Analysis, EngineError> {
    let text = file.document.text;
    let map = OffsetMap::new(&text);
    let len = map.cp_len();
    let span_of = |id: &str, field: &'static str, start: usize, end: usize, given: &str| {
        let (Some(a), Some(b)) = (map.byte_of_cp(start), map.byte_of_cp(end)) else {
            return Err(EngineError::OutOfBounds {
                id: id.to_string(),
                field,
                start,
                end,
                len,
            });
        };
        if a > b {
            return Err(EngineError::OutOfBounds {
                id: id.to_string(),
                field,
                start,
                end,
                len,
            });
        }
        if &text[a..b] != given {
            return Err(EngineError::TextMismatch {
                id: id.to_string(),
                start,
                end,
                expected: given.to_string(),
                found: text[a..b].to_string(),
            });
        }
        Ok(Span::new(a, b))
    };
    let mut speaker_index = HashMap::new();
    let mut speakers = Vec::with_capacity(file.speakers.len());
    for s in file.speakers {
        if speaker_index.insert(s.id.clone(), speakers.len()).is_some() {
            return Err(EngineError::DuplicateId(s.id));
        }
        let mentions = s
            .mentions
            .iter()
            .map(|m| span_of(&s.id, "mention", m.start, m.end, &m.text))
            .collect::<Result<Vec<_>, _>>()?;
        speakers.push(Speaker {
            id: s.id,
            name: s.name,
            title: s.title,
            mentions,
        });
    }
    let mut seen = HashMap::new();
    let mut annotations = Vec::with_capacity(file.annotations.len());
    for a in file.annotations {
        if seen.insert(a.id.clone(), ()).is_some() {
            return Err(EngineError::DuplicateId(a.id));
        }
        let span = span_of(&a.id, "start/end", a.start, a.end, &a.text)?;
        let detail = match a.kind {
            Kind::Quote => {
                let form = a.form.ok_or_else(|| EngineError::Field {
                    id: a.id.clone(),
                    problem: "a quote needs a \"form\" (direct, indirect or mixed)".into(),
                })?;
                let speaker = match &a.speaker {
                    None => None,
                    Some(sid) if speaker_index.contains_key(sid) => Some(sid.clone()),
                    Some(sid) => {
                        return Err(EngineError::UnknownSpeaker {
                            id: a.id.clone(),
                            speaker: sid.clone(),
                        })
                    }
                };
                let cue = a
                    .cue
                    .as_ref()
                    .map(|c| span_of(&a.id, "cue", c.start, c.end, &c.text))
                    .transpose()?;
                let mention = a
                    .mention
                    .as_ref()
                    .map(|m| span_of(&a.id, "mention", m.start, m.end, &m.text))
                    .transpose()?;
                Detail::Quote(QuoteInfo {
                    form,
                    speaker,
                    cue,
                    mention,
                })
            }
            Kind::Claim => Detail::Claim(ClaimInfo {
                categories: a.categories.unwrap_or_default(),
                score: a.score.unwrap_or(1.0),
                status: a.status.unwrap_or_default(),
                note: a.note.unwrap_or_default(),
            }),
            Kind::Boilerplate => Detail::Boilerplate,
        };
        annotations.push(Annotation {
            id: a.id,
            span,
            origin: a.origin,
            detail,
        });
    }
    Ok(Analysis {
        language: file.document.language,
        text,
        annotations,
        speakers,
    })
}
