//! One entry point for reading annotation files, for the browser app and the
//! command line alike: [`import`] sniffs the format (`isnad/1` or W3C Web
//! Annotation JSON-LD), checks it, and places its annotations on the open
//! text (re-anchoring them when the text differs). [`inspect`] checks a file
//! without a text and counts what it holds.
//!
//! A bad file is an [`EngineError`] naming the file, the annotation (number
//! and id), the field (a JSON path) and the reason; nothing partial is
//! returned. Annotations that are well-formed but cannot be placed on the
//! text are returned as [`Orphan`]s beside the result, never dropped.

use std::fmt;

use serde_json::Value;

use crate::anchor::{reanchor, Detached, Orphan};
use crate::error::EngineError;
use crate::model::{Analysis, Kind};
use crate::schema;
use crate::w3c::{self, describe};

/// The largest file [`import`] reads (20 MiB). The browser can refuse a
/// bigger file from its size before reading it.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The most annotations [`import`] reads from one file.
pub const MAX_IMPORT_ANNOTATIONS: usize = 50_000;

/// The format of an imported file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `isnad/1` JSON (docs/format.md).
    Isnad,
    /// W3C Web Annotation JSON-LD (docs/interchange.md).
    W3c,
}

impl Format {
    /// `isnad/1` or `W3C Web Annotation`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Isnad => "isnad/1",
            Format::W3c => "W3C Web Annotation",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An imported file, placed on a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// What the file was.
    pub format: Format,
    /// The text with every annotation that could be placed, and speakers.
    pub analysis: Analysis,
    /// Annotations that could not be placed on the text.
    pub orphans: Vec<Orphan>,
    /// Cues and mentions lost while re-anchoring (`isnad/1` only).
    pub detached: Vec<Detached>,
    /// Annotations found away from their recorded position.
    pub moved: usize,
}

/// What a file holds, counted without placing it on a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// What the file is.
    pub format: Format,
    /// Annotations in all.
    pub annotations: usize,
    /// Quotes among them.
    pub quotes: usize,
    /// Claims among them.
    pub claims: usize,
    /// Page noise among them.
    pub boilerplate: usize,
    /// W3C annotations whose target has no text selector (they can never
    /// be placed).
    pub without_selector: usize,
}

/// Refuses a file over [`MAX_IMPORT_BYTES`] from its size alone (before
/// reading it).
pub fn check_size(file_name: &str, size: usize) -> Result<(), EngineError> {
    if size > MAX_IMPORT_BYTES {
        return Err(EngineError::TooLarge {
            file: file_name.to_string(),
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// The bytes of a file as text, or [`EngineError::NotUtf8`].
pub fn utf8<'b>(file_name: &str, bytes: &'b [u8]) -> Result<&'b str, EngineError> {
    std::str::from_utf8(bytes).map_err(|e| EngineError::NotUtf8 {
        file: file_name.to_string(),
        offset: e.valid_up_to(),
    })
}

/// Reads an annotation file and places it on a text.
///
/// - `isnad/1`: with no `open_text` (or a blank one) the file's own text is
///   used; when `open_text` differs from the file's text, the annotations
///   are re-anchored onto it ([`crate::anchor::reanchor`]).
/// - W3C: the annotations are placed on `open_text`, which is required
///   ([`EngineError::NoText`] without it).
///
/// Errors: [`EngineError::TooLarge`], [`EngineError::TooManyAnnotations`],
/// [`EngineError::UnknownFormat`], [`EngineError::OtherSchema`],
/// [`EngineError::Import`] (file, annotation, JSON path, reason).
pub fn import(
    file_name: &str,
    input: &str,
    open_text: Option<&str>,
) -> Result<Imported, EngineError> {
    let open_text = open_text.filter(|t| !t.trim().is_empty());
    match sniff(file_name, input)? {
        (Format::Isnad, value) => {
            let from_file = read_isnad(file_name, value)?;
            match open_text {
                Some(text) if text != from_file.text => {
                    let anchored = reanchor(&from_file, text);
                    Ok(Imported {
                        format: Format::Isnad,
                        analysis: anchored.analysis,
                        orphans: anchored.orphans,
                        detached: anchored.detached,
                        moved: anchored.moved,
                    })
                }
                _ => Ok(Imported {
                    format: Format::Isnad,
                    analysis: from_file,
                    orphans: Vec::new(),
                    detached: Vec::new(),
                    moved: 0,
                }),
            }
        }
        (Format::W3c, value) => {
            let items = w3c::parse(file_name, &value)?;
            let Some(text) = open_text else {
                return Err(EngineError::NoText {
                    file: file_name.to_string(),
                });
            };
            let placed = w3c::place(items, text);
            Ok(Imported {
                format: Format::W3c,
                analysis: placed.analysis,
                orphans: placed.orphans,
                detached: Vec::new(),
                moved: placed.moved,
            })
        }
    }
}

/// The format of an annotation file, from a size check and a JSON parse
/// only (cheaper than [`inspect`]): lets a caller decide whether a file
/// needs an open text before importing it. Same errors as [`import`] for
/// size, JSON and schema.
pub fn format_of(file_name: &str, input: &str) -> Result<Format, EngineError> {
    sniff(file_name, input).map(|(format, _)| format)
}

/// Checks an annotation file without a text to place it on, and counts what
/// it holds. Same errors as [`import`] (except [`EngineError::NoText`]).
pub fn inspect(file_name: &str, input: &str) -> Result<Summary, EngineError> {
    let (format, kinds, without_selector): (Format, Vec<Kind>, usize) =
        match sniff(file_name, input)? {
            (Format::Isnad, value) => {
                let analysis = read_isnad(file_name, value)?;
                (
                    Format::Isnad,
                    analysis.annotations.iter().map(|a| a.kind()).collect(),
                    0,
                )
            }
            (Format::W3c, value) => {
                let items = w3c::parse(file_name, &value)?;
                let none = items.iter().filter(|a| a.target.is_none()).count();
                (Format::W3c, items.iter().map(|a| a.kind).collect(), none)
            }
        };
    let count = |k: Kind| kinds.iter().filter(|&&x| x == k).count();
    Ok(Summary {
        format,
        annotations: kinds.len(),
        quotes: count(Kind::Quote),
        claims: count(Kind::Claim),
        boilerplate: count(Kind::Boilerplate),
        without_selector,
    })
}

fn unknown(file: &str, problem: impl Into<String>) -> EngineError {
    EngineError::UnknownFormat {
        file: file.to_string(),
        problem: problem.into(),
    }
}

/// True for a JSON-LD `@context` that names the Web Annotation vocabulary.
fn is_anno_context(v: &Value) -> bool {
    match v {
        Value::String(s) => s.contains("w3.org/ns/anno"),
        Value::Array(list) => list.iter().any(is_anno_context),
        _ => false,
    }
}

fn looks_like_annotation(v: &Value) -> bool {
    let Value::Object(o) = v else {
        return false;
    };
    let typed = |t: &Value| match t {
        Value::String(s) => s.starts_with("Annotation") || s.starts_with("oa:Annotation"),
        Value::Array(list) => list
            .iter()
            .any(|x| x.as_str().is_some_and(|s| s.starts_with("Annotation"))),
        _ => false,
    };
    o.get("type").is_some_and(typed)
        || o.get("@type").is_some_and(typed)
        || o.get("@context").is_some_and(is_anno_context)
        || o.contains_key("target")
}

/// Size check, JSON parse and format detection.
fn sniff(file: &str, input: &str) -> Result<(Format, Value), EngineError> {
    check_size(file, input.len())?;
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(unknown(file, "the file is empty"));
    }
    let value: Value =
        serde_json::from_str(input).map_err(|e| unknown(file, format!("not valid JSON ({e})")))?;
    let format = match &value {
        Value::Object(o) => match o.get("schema") {
            Some(Value::String(s)) if s == schema::SCHEMA => Format::Isnad,
            Some(Value::String(s)) => {
                return Err(EngineError::OtherSchema {
                    file: file.to_string(),
                    found: s.clone(),
                })
            }
            Some(other) => {
                return Err(EngineError::Import {
                    file: file.to_string(),
                    annotation: None,
                    id: None,
                    field: "schema".into(),
                    problem: format!("must be the string \"isnad/1\", not {}", describe(other)),
                })
            }
            None if looks_like_annotation(&value) => Format::W3c,
            None if o.contains_key("@context") => {
                let t = o.get("@type").or_else(|| o.get("type"));
                let what = t.map_or("no type".to_string(), describe);
                return Err(unknown(
                    file,
                    format!("JSON-LD of another vocabulary ({what}), not W3C Web Annotations"),
                ));
            }
            None => {
                return Err(unknown(
                    file,
                    "a JSON object with neither \"schema\" (isnad/1) nor \"@context\" or \"type\" (W3C Web Annotation)",
                ))
            }
        },
        Value::Array(list) if list.is_empty() || list.iter().any(looks_like_annotation) => Format::W3c,
        Value::Array(_) => {
            return Err(unknown(
                file,
                "a JSON array that holds no W3C annotation (no \"type\": \"Annotation\" or \"target\")",
            ))
        }
        other => return Err(unknown(file, format!("the JSON is {}, not an annotation file", describe(other)))),
    };
    Ok((format, value))
}

// ---- isnad/1 with precise errors -------------------------------------

struct Checker<'a> {
    file: &'a str,
    annotation: Option<usize>,
    id: Option<String>,
}

impl Checker<'_> {
    fn err(&self, field: String, problem: impl Into<String>) -> EngineError {
        EngineError::Import {
            file: self.file.to_string(),
            annotation: self.annotation,
            id: self.id.clone(),
            field,
            problem: problem.into(),
        }
    }

    fn string(
        &self,
        o: &serde_json::Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Result<(), EngineError> {
        match o.get(key) {
            None if required => Err(self.err(format!("{path}.{key}"), "is missing")),
            None => Ok(()),
            Some(Value::Null) if !required => Ok(()),
            Some(Value::String(_)) => Ok(()),
            Some(other) => Err(self.err(
                format!("{path}.{key}"),
                format!("must be a string, not {}", describe(other)),
            )),
        }
    }

    fn number(
        &self,
        o: &serde_json::Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<(), EngineError> {
        match o.get(key) {
            None => Err(self.err(format!("{path}.{key}"), "is missing")),
            Some(v) if v.as_u64().is_some_and(|n| usize::try_from(n).is_ok()) => Ok(()),
            Some(other) => Err(self.err(
                format!("{path}.{key}"),
                format!("must be a whole number ≥ 0, not {}", describe(other)),
            )),
        }
    }

    fn one_of(
        &self,
        o: &serde_json::Map<String, Value>,
        key: &str,
        path: &str,
        allowed: &[&str],
        required: bool,
    ) -> Result<(), EngineError> {
        match o.get(key) {
            None if required => Err(self.err(format!("{path}.{key}"), "is missing")),
            None => Ok(()),
            Some(Value::Null) if !required && key != "origin" => Ok(()),
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
            Some(other) => {
                let list: Vec<String> = allowed.iter().map(|a| format!("{a:?}")).collect();
                Err(self.err(
                    format!("{path}.{key}"),
                    format!(
                        "must be one of {}, not {}",
                        list.join(", "),
                        describe(other)
                    ),
                ))
            }
        }
    }

    fn object<'v>(
        &self,
        v: &'v Value,
        path: &str,
    ) -> Result<&'v serde_json::Map<String, Value>, EngineError> {
        v.as_object().ok_or_else(|| {
            self.err(
                path.to_string(),
                format!("must be an object, not {}", describe(v)),
            )
        })
    }

    fn span(
        &self,
        o: &serde_json::Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<(), EngineError> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(()),
            Some(v) => {
                let p = format!("{path}.{key}");
                let so = self.object(v, &p)?;
                self.number(so, "start", &p)?;
                self.number(so, "end", &p)?;
                self.string(so, "text", &p, true)
            }
        }
    }
}

/// Checks every field's type in an `isnad/1` value, so that a wrong one is
/// reported with its path (serde alone would give a line and column).
fn check_isnad_fields(file: &str, value: &Value) -> Result<(), EngineError> {
    let mut c = Checker {
        file,
        annotation: None,
        id: None,
    };
    let root = c.object(value, "")?;
    let doc = root
        .get("document")
        .ok_or_else(|| c.err("document".into(), "is missing"))?;
    let doc = c.object(doc, "document")?;
    c.one_of(doc, "language", "document", &["ar", "en", "fr"], true)?;
    c.string(doc, "text", "document", true)?;
    let list = root
        .get("annotations")
        .ok_or_else(|| c.err("annotations".into(), "is missing"))?;
    let list = list.as_array().ok_or_else(|| {
        c.err(
            "annotations".into(),
            format!("must be an array, not {}", describe(list)),
        )
    })?;
    if list.len() > MAX_IMPORT_ANNOTATIONS {
        return Err(EngineError::TooManyAnnotations {
            file: file.to_string(),
            count: list.len(),
            limit: MAX_IMPORT_ANNOTATIONS,
        });
    }
    let categories: Vec<&str> = crate::model::ClaimCategory::ALL
        .iter()
        .map(|k| k.code())
        .collect();
    let statuses: Vec<&str> = crate::model::ClaimStatus::ALL
        .iter()
        .map(|k| k.code())
        .collect();
    for (i, a) in list.iter().enumerate() {
        let path = format!("annotations[{i}]");
        c.annotation = Some(i);
        c.id = a.get("id").and_then(Value::as_str).map(str::to_string);
        let o = c.object(a, &path)?;
        c.string(o, "id", &path, true)?;
        c.one_of(o, "kind", &path, &["quote", "claim", "boilerplate"], true)?;
        c.number(o, "start", &path)?;
        c.number(o, "end", &path)?;
        c.string(o, "text", &path, true)?;
        c.one_of(o, "origin", &path, &["auto", "editor"], false)?;
        c.one_of(o, "form", &path, &["direct", "indirect", "mixed"], false)?;
        c.string(o, "speaker", &path, false)?;
        c.span(o, "cue", &path)?;
        c.span(o, "mention", &path)?;
        match o.get("categories") {
            None | Some(Value::Null) => {}
            Some(Value::Array(cats)) => {
                for (j, cat) in cats.iter().enumerate() {
                    if !cat.as_str().is_some_and(|s| categories.contains(&s)) {
                        return Err(c.err(
                            format!("{path}.categories[{j}]"),
                            format!(
                                "must be one of {}, not {}",
                                categories.join(", "),
                                describe(cat)
                            ),
                        ));
                    }
                }
            }
            Some(other) => {
                return Err(c.err(
                    format!("{path}.categories"),
                    format!("must be an array, not {}", describe(other)),
                ))
            }
        }
        match o.get("score") {
            None | Some(Value::Null) | Some(Value::Number(_)) => {}
            Some(other) => {
                return Err(c.err(
                    format!("{path}.score"),
                    format!("must be a number, not {}", describe(other)),
                ))
            }
        }
        c.one_of(o, "status", &path, &statuses, false)?;
        c.string(o, "note", &path, false)?;
    }
    c.annotation = None;
    c.id = None;
    match root.get("speakers") {
        None => {}
        Some(Value::Array(speakers)) => {
            for (i, s) in speakers.iter().enumerate() {
                let path = format!("speakers[{i}]");
                let o = c.object(s, &path)?;
                c.string(o, "id", &path, true)?;
                c.string(o, "name", &path, true)?;
                c.string(o, "title", &path, false)?;
                match o.get("mentions") {
                    None => {}
                    Some(Value::Array(ms)) => {
                        for (j, m) in ms.iter().enumerate() {
                            let mp = format!("{path}.mentions[{j}]");
                            let mo = c.object(m, &mp)?;
                            c.number(mo, "start", &mp)?;
                            c.number(mo, "end", &mp)?;
                            c.string(mo, "text", &mp, true)?;
                        }
                    }
                    Some(other) => {
                        return Err(c.err(
                            format!("{path}.mentions"),
                            format!("must be an array, not {}", describe(other)),
                        ))
                    }
                }
            }
        }
        Some(other) => {
            return Err(c.err(
                "speakers".into(),
                format!("must be an array, not {}", describe(other)),
            ))
        }
    }
    Ok(())
}

/// Reads a checked `isnad/1` value; errors from [`schema::from_file`] are
/// given the file name and the JSON path of the field at fault.
fn read_isnad(file: &str, value: Value) -> Result<Analysis, EngineError> {
    check_isnad_fields(file, &value)?;
    let parsed: schema::File =
        serde_json::from_value(value.clone()).map_err(|e| EngineError::Import {
            file: file.to_string(),
            annotation: None,
            id: None,
            field: String::new(),
            problem: e.to_string(),
        })?;
    schema::from_file(parsed).map_err(|e| locate(file, &value, e))
}

/// Adds the file name, annotation number and JSON path to an error of
/// [`schema::from_file`].
fn locate(file: &str, value: &Value, e: EngineError) -> EngineError {
    let empty = Vec::new();
    let annotations = value["annotations"].as_array().unwrap_or(&empty);
    let speakers = value["speakers"].as_array().unwrap_or(&empty);
    let index_of =
        |list: &[Value], id: &str| list.iter().position(|a| a["id"].as_str() == Some(id));
    let import =
        |annotation: Option<usize>, id: &str, field: String, problem: String| EngineError::Import {
            file: file.to_string(),
            annotation,
            id: Some(id.to_string()),
            field,
            problem,
        };
    // A span field of annotation `i` (or speaker mention) with these values.
    let span_path = |id: &str,
                     start: usize,
                     end: usize,
                     text: Option<&str>,
                     field: &str|
     -> (Option<usize>, String) {
        let matches = |v: &Value| {
            v["start"].as_u64() == Some(start as u64)
                && v["end"].as_u64() == Some(end as u64)
                && text.is_none_or(|t| v["text"].as_str() == Some(t))
        };
        if let Some(i) = index_of(annotations, id) {
            let a = &annotations[i];
            let base = format!("annotations[{i}]");
            for key in ["cue", "mention"] {
                if (field == key || field.is_empty()) && matches(&a[key]) {
                    return (Some(i), format!("{base}.{key}"));
                }
            }
            if field == "start/end" || field.is_empty() {
                return (Some(i), base);
            }
            return (Some(i), format!("{base}.{field}"));
        }
        if let Some(s) = index_of(speakers, id) {
            let base = format!("speakers[{s}]");
            if let Some(ms) = speakers[s]["mentions"].as_array() {
                if let Some(j) = ms.iter().position(matches) {
                    return (None, format!("{base}.mentions[{j}]"));
                }
            }
            return (None, format!("{base}.mentions"));
        }
        (None, String::new())
    };
    match e {
        EngineError::OutOfBounds {
            id,
            field,
            start,
            end,
            len,
        } => {
            let (i, path) = span_path(&id, start, end, None, field);
            let (which, problem) = if start > len {
                (
                    "start",
                    format!("is {start}, past the end of the text ({len} code points)"),
                )
            } else if end > len {
                (
                    "end",
                    format!("is {end}, past the end of the text ({len} code points)"),
                )
            } else {
                ("end", format!("is {end}, before start {start}"))
            };
            import(i, &id, format!("{path}.{which}"), problem)
        }
        EngineError::TextMismatch {
            id,
            start,
            end,
            expected,
            found,
        } => {
            let (i, path) = span_path(&id, start, end, Some(&expected), "");
            import(
                i,
                &id,
                format!("{path}.text"),
                format!("is {expected:?} but the text at {start}..{end} is {found:?}"),
            )
        }
        EngineError::UnknownSpeaker { id, speaker } => {
            let i = index_of(annotations, &id);
            let path = i.map_or(String::new(), |i| format!("annotations[{i}].speaker"));
            import(
                i,
                &id,
                path,
                format!("names speaker {speaker:?}, which \"speakers\" does not define"),
            )
        }
        EngineError::DuplicateId(id) => {
            let second = |list: &[Value]| {
                let mut found = list
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a["id"].as_str() == Some(id.as_str()));
                found.nth(1).map(|(i, _)| i)
            };
            if let Some(i) = second(annotations) {
                import(
                    Some(i),
                    &id,
                    format!("annotations[{i}].id"),
                    "another annotation has the same id".into(),
                )
            } else {
                let path = second(speakers).map_or(String::new(), |s| format!("speakers[{s}].id"));
                import(None, &id, path, "another speaker has the same id".into())
            }
        }
        EngineError::Field { id, problem } => {
            let i = index_of(annotations, &id);
            let path = i.map_or(String::new(), |i| format!("annotations[{i}].form"));
            import(i, &id, path, problem)
        }
        other => EngineError::Import {
            file: file.to_string(),
            annotation: None,
            id: None,
            field: String::new(),
            problem: other.to_string(),
        },
    }
}
