//! W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>):
//! export of quotes and claims as an `AnnotationCollection`, and import of
//! annotations from isnad or from other tools. The mapping is documented in
//! `docs/interchange.md`.
//!
//! Export: every quote and claim becomes one `Annotation` (page noise is
//! not exported: it is a reading aid, not something to share; nor is an
//! annotation over an empty range, which has no text to quote). Its kind is
//! a `tagging` body (`quote`/`claim`); a quote's speaker is an
//! `identifying` body (the name) with a `describing` body (the title); a
//! quote's form and a claim's categories are `classifying` bodies; a
//! claim's fact-check status is an `assessing` body and its note a
//! `commenting` body. The target carries a `TextQuoteSelector` (exact text
//! with 32 code points of context) and a `TextPositionSelector` counted in
//! code points. Motivation: `identifying` for quotes (the annotation says
//! who is speaking), `assessing` for claims (they are marked to be checked).
//!
//! Import is tolerant of other tools' shapes (a single annotation, an array,
//! a collection or page; `target`, `selector`, `body`, `creator` and
//! `@context` as a string, an object or an array) and strict about values:
//! a field of the wrong type is an error naming the file, the annotation
//! and the JSON path. See [`parse`] and [`place`].

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use crate::anchor::{self, Anchor, How, Orphan, OrphanReason};
use crate::error::EngineError;
use crate::export::{context, doc_hash, ExportMeta};
use crate::import::MAX_IMPORT_ANNOTATIONS;
use crate::model::{
    Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Lang, Origin,
    QuoteForm, QuoteInfo, Span, Speaker,
};
use crate::offsets::OffsetMap;

/// The JSON-LD context of the Web Annotation vocabulary.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Annotation ids isnad writes: `urn:isnad:annotation:<doc hash>:<id>`.
pub const ANNOTATION_IRI_PREFIX: &str = "urn:isnad:annotation:";
/// The `generator` id.
pub const GENERATOR_IRI: &str = "urn:isnad:software";
/// Code points of context in a `TextQuoteSelector`'s prefix and suffix.
pub const SELECTOR_CONTEXT: usize = anchor::CONTEXT;

/// The IRI isnad gives annotation `id` of the document with hash `hash`
/// (see [`crate::export::doc_hash`]); characters that an IRI cannot hold
/// are percent-encoded.
pub fn annotation_iri(hash: &str, id: &str) -> String {
    let mut out = format!("{ANNOTATION_IRI_PREFIX}{hash}:");
    for c in id.chars() {
        if c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || !c.is_ascii() && !c.is_control() && !c.is_whitespace()
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The isnad id inside an IRI written by [`annotation_iri`], if it is one.
pub fn isnad_id(iri: &str) -> Option<String> {
    let rest = iri.strip_prefix(ANNOTATION_IRI_PREFIX)?;
    let (_hash, id) = rest.split_once(':')?;
    let bytes = id.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = id.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let id = String::from_utf8(out).ok()?;
    (!id.is_empty()).then_some(id)
}

fn direction(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "rtl",
        Lang::En | Lang::Fr => "ltr",
    }
}

/// A JSON object of these fields.
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn textual(purpose: &str, value: &str) -> Value {
    object([
        ("type", Value::from("TextualBody")),
        ("purpose", Value::from(purpose)),
        ("value", Value::from(value)),
    ])
}

/// The analysis's quotes and claims as a W3C `AnnotationCollection` (one
/// page holding every annotation). Offsets are code points.
pub fn to_w3c(analysis: &Analysis, meta: &ExportMeta) -> Value {
    let text = analysis.text.as_str();
    let hash = doc_hash(text);
    let map = OffsetMap::new(text);
    let source = json!({
        "id": meta.source_iri(text),
        "type": "Text",
        "language": analysis.language.code(),
        "textDirection": direction(analysis.language),
    });
    let generator = json!({
        "id": GENERATOR_IRI,
        "type": "Software",
        "name": concat!("isnad ", env!("CARGO_PKG_VERSION")),
    });
    let person = meta
        .creator
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or("editor");
    let software = json!({"type": "Software", "name": "isnad"});
    let editor = json!({"type": "Person", "name": person});
    let mut items = Vec::new();
    for a in &analysis.annotations {
        if a.span.is_empty() {
            continue; // nothing to quote: a TextQuoteSelector needs text
        }
        let mut body = Vec::new();
        let motivation = match &a.detail {
            Detail::Quote(q) => {
                body.push(textual("tagging", "quote"));
                if let Some(s) = q.speaker.as_deref().and_then(|id| analysis.speaker(id)) {
                    body.push(textual("identifying", &s.name));
                    if let Some(t) = s.title.as_deref().filter(|t| !t.is_empty()) {
                        body.push(textual("describing", t));
                    }
                }
                body.push(textual("classifying", q.form.code()));
                "identifying"
            }
            Detail::Claim(c) => {
                body.push(textual("tagging", "claim"));
                for cat in &c.categories {
                    body.push(textual("classifying", cat.code()));
                }
                if c.status != ClaimStatus::Unchecked {
                    body.push(textual("assessing", c.status.code()));
                }
                if !c.note.is_empty() {
                    body.push(textual("commenting", &c.note));
                }
                "assessing"
            }
            Detail::Boilerplate => continue,
        };
        let (prefix, suffix) = context(text, a.span.start, a.span.end, SELECTOR_CONTEXT);
        let creator = match a.origin {
            Origin::Auto => software.clone(),
            Origin::Editor => editor.clone(),
        };
        // Built field by field: `json!` would serialise every nested value
        // again, which costs more than the rest of the export.
        let quote_selector = object([
            ("type", Value::from("TextQuoteSelector")),
            ("exact", Value::from(a.span.slice(text))),
            ("prefix", Value::from(prefix)),
            ("suffix", Value::from(suffix)),
        ]);
        let position_selector = object([
            ("type", Value::from("TextPositionSelector")),
            ("start", Value::from(map.cp_of_byte(a.span.start))),
            ("end", Value::from(map.cp_of_byte(a.span.end))),
        ]);
        let target = object([
            ("source", source.clone()),
            (
                "selector",
                Value::Array(vec![quote_selector, position_selector]),
            ),
        ]);
        items.push(object([
            ("@context", Value::from(ANNO_CONTEXT)),
            ("id", Value::from(annotation_iri(&hash, &a.id))),
            ("type", Value::from("Annotation")),
            ("motivation", Value::from(motivation)),
            ("created", Value::from(meta.now_utc.as_str())),
            ("modified", Value::from(meta.now_utc.as_str())),
            ("creator", creator),
            ("generator", generator.clone()),
            ("body", Value::Array(body)),
            ("target", target),
        ]));
    }
    let mut collection = Map::new();
    collection.insert("@context".into(), json!(ANNO_CONTEXT));
    collection.insert("id".into(), json!(format!("urn:isnad:collection:{hash}")));
    collection.insert("type".into(), json!("AnnotationCollection"));
    if let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        collection.insert("label".into(), json!(title));
    }
    collection.insert("total".into(), json!(items.len()));
    collection.insert(
        "first".into(),
        json!({"type": "AnnotationPage", "startIndex": 0, "items": items}),
    );
    Value::Object(collection)
}

/// What a W3C target selects in the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextTarget {
    /// `TextQuoteSelector.exact`; empty when only a position was given.
    pub exact: String,
    /// `TextQuoteSelector.prefix`.
    pub prefix: String,
    /// `TextQuoteSelector.suffix`.
    pub suffix: String,
    /// `TextPositionSelector` `(start, end)` in code points.
    pub position: Option<(usize, usize)>,
}

/// One annotation read from a W3C file, not yet placed on a text.
#[derive(Clone, Debug, PartialEq)]
pub struct W3cAnnotation {
    /// 0-based position in the file.
    pub index: usize,
    /// Its JSON path in the file (`first.items[3]`).
    pub path: String,
    /// Its `id`, when it has one.
    pub iri: Option<String>,
    /// The isnad id inside [`W3cAnnotation::iri`], when isnad wrote it.
    pub isnad_id: Option<String>,
    /// Quote, claim or (tagged `boilerplate`) page noise.
    pub kind: Kind,
    /// `auto` when the creator is the isnad software, else `editor`.
    pub origin: Origin,
    /// What it selects; `None` when the target has no text selector.
    pub target: Option<TextTarget>,
    /// The language of the target's source, when given.
    pub language: Option<Lang>,
    /// Quotes: the speaker's name and title.
    pub speaker: Option<(String, Option<String>)>,
    /// Quotes: the form.
    pub form: QuoteForm,
    /// Claims: the categories.
    pub categories: Vec<ClaimCategory>,
    /// Claims: the fact-check status.
    pub status: ClaimStatus,
    /// Claims: the note.
    pub note: String,
}

/// Where an error is: file, annotation index and id.
struct At<'a> {
    file: &'a str,
    index: Option<usize>,
    id: Option<String>,
    base: String,
}

impl At<'_> {
    fn path(&self, field: &str) -> String {
        match (self.base.is_empty(), field.is_empty()) {
            (true, _) => field.to_string(),
            (false, true) => self.base.clone(),
            (false, false) if field.starts_with('[') => format!("{}{field}", self.base),
            (false, false) => format!("{}.{field}", self.base),
        }
    }

    fn err(&self, field: &str, problem: impl Into<String>) -> EngineError {
        EngineError::Import {
            file: self.file.to_string(),
            annotation: self.index,
            id: self.id.clone(),
            field: self.path(field),
            problem: problem.into(),
        }
    }
}

/// `a string "abc"`, `the number 3`, `an object`… for error messages.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if short.len() < s.len() { "…" } else { "" };
            format!("the string {:?}", format!("{short}{more}"))
        }
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The `type` names of an object (`"type"` or `"@type"`, a string or an
/// array of strings), without an `oa:` prefix.
fn type_names(o: &Map<String, Value>) -> Vec<&str> {
    let t = o.get("type").or_else(|| o.get("@type"));
    let list: Vec<&Value> = match t {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    list.into_iter()
        .filter_map(Value::as_str)
        .map(|s| s.strip_prefix("oa:").unwrap_or(s))
        .collect()
}

/// The annotations of a W3C document (an annotation, an array of them, or a
/// collection / page), each with its JSON path. The limit on their number is
/// checked before any is read.
fn items<'v>(file: &str, root: &'v Value) -> Result<Vec<(String, &'v Value)>, EngineError> {
    let top = At {
        file,
        index: None,
        id: None,
        base: String::new(),
    };
    let mut out: Vec<(String, &Value)> = Vec::new();
    let push_array =
        |out: &mut Vec<(String, &'v Value)>, path: &str, v: &'v Value| -> Result<(), EngineError> {
            let Value::Array(list) = v else {
                return Err(top.err(
                    path,
                    format!("must be an array of annotations, not {}", describe(v)),
                ));
            };
            out.extend(
                list.iter()
                    .enumerate()
                    .map(|(i, item)| (format!("{path}[{i}]"), item)),
            );
            Ok(())
        };
    match root {
        Value::Array(list) => {
            out.extend(
                list.iter()
                    .enumerate()
                    .map(|(i, item)| (format!("[{i}]"), item)),
            );
        }
        Value::Object(o) => {
            let types = type_names(o);
            let is_annotation = types.contains(&"Annotation")
                || (!types.iter().any(|t| t.starts_with("Annotation")) && o.contains_key("target"));
            if is_annotation {
                out.push((String::new(), root));
            } else if types.contains(&"AnnotationCollection")
                || types.contains(&"AnnotationPage")
                || o.contains_key("first")
                || o.contains_key("items")
            {
                if let Some(list) = o.get("items") {
                    push_array(&mut out, "items", list)?;
                }
                match o.get("first") {
                    None | Some(Value::Null) => {}
                    Some(Value::String(link)) => {
                        return Err(top.err(
                            "first",
                            format!("the collection's annotations are elsewhere (a link to {link:?}); only collections that hold their annotations can be read"),
                        ))
                    }
                    Some(list @ Value::Array(_)) => push_array(&mut out, "first", list)?,
                    Some(Value::Object(_)) => {
                        let mut path = "first".to_string();
                        let mut page = o.get("first");
                        while let Some(p) = page {
                            match p {
                                Value::Null => break,
                                Value::Object(po) => {
                                    match po.get("items") {
                                        Some(list) => push_array(&mut out, &format!("{path}.items"), list)?,
                                        None => {
                                            return Err(top.err(&path, "an AnnotationPage needs an \"items\" array"))
                                        }
                                    }
                                    page = po.get("next");
                                    path.push_str(".next");
                                }
                                Value::String(link) => {
                                    return Err(top.err(
                                        &path,
                                        format!("the next page is elsewhere (a link to {link:?}); only collections that hold all their pages can be read"),
                                    ))
                                }
                                other => {
                                    return Err(top.err(&path, format!("must be an AnnotationPage object, not {}", describe(other))))
                                }
                            }
                            if out.len() > MAX_IMPORT_ANNOTATIONS {
                                break;
                            }
                        }
                    }
                    Some(other) => {
                        return Err(top.err("first", format!("must be an AnnotationPage object, not {}", describe(other))))
                    }
                }
                if !o.contains_key("items") && !o.contains_key("first") {
                    return Err(top.err(
                        "",
                        "an AnnotationCollection needs \"first\" (an AnnotationPage) or \"items\"",
                    ));
                }
            } else {
                return Err(EngineError::UnknownFormat {
                    file: file.to_string(),
                    problem:
                        "a JSON object that is neither an Annotation nor an AnnotationCollection"
                            .into(),
                });
            }
        }
        other => {
            return Err(EngineError::UnknownFormat {
                file: file.to_string(),
                problem: format!("the JSON is {}, not W3C annotations", describe(other)),
            })
        }
    }
    if out.len() > MAX_IMPORT_ANNOTATIONS {
        return Err(EngineError::TooManyAnnotations {
            file: file.to_string(),
            count: out.len(),
            limit: MAX_IMPORT_ANNOTATIONS,
        });
    }
    Ok(out)
}

/// A body reduced to what isnad reads (borrowed from the parsed file).
struct Body<'v> {
    purposes: Vec<&'v str>,
    value: Option<&'v str>,
}

impl Body<'_> {
    fn has(&self, purpose: &str) -> bool {
        self.purposes
            .iter()
            .any(|p| p.eq_ignore_ascii_case(purpose))
    }
}

/// A string or an array of strings. Paths are built only for errors.
fn strings<'v>(
    at: &At,
    field: impl Fn() -> String,
    v: &'v Value,
) -> Result<Vec<&'v str>, EngineError> {
    match v {
        Value::String(s) => Ok(vec![s.as_str()]),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x.as_str().ok_or_else(|| {
                    at.err(
                        &format!("{}[{i}]", field()),
                        format!("must be a string, not {}", describe(x)),
                    )
                })
            })
            .collect(),
        Value::Null => Ok(Vec::new()),
        other => Err(at.err(
            &field(),
            format!(
                "must be a string or an array of strings, not {}",
                describe(other)
            ),
        )),
    }
}

fn optional_string<'v>(
    at: &At,
    o: &'v Map<String, Value>,
    field: &str,
    path: impl Fn() -> String,
) -> Result<Option<&'v str>, EngineError> {
    match o.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(at.err(
            &path(),
            format!("must be a string, not {}", describe(other)),
        )),
    }
}

fn body_of<'v>(
    at: &At,
    path: impl Fn() -> String,
    v: &'v Value,
    out: &mut Vec<Body<'v>>,
) -> Result<(), EngineError> {
    match v {
        // An IRI: an external body isnad cannot read; nothing to take.
        Value::String(_) | Value::Null => Ok(()),
        Value::Object(o) => {
            let purposes = match o.get("purpose") {
                Some(p) => strings(at, || format!("{}.purpose", path()), p)?
                    .into_iter()
                    .map(|s| s.strip_prefix("oa:").unwrap_or(s).trim())
                    .collect(),
                None => Vec::new(),
            };
            let value = optional_string(at, o, "value", || format!("{}.value", path()))?;
            out.push(Body { purposes, value });
            Ok(())
        }
        other => Err(at.err(
            &path(),
            format!(
                "a body must be an object or an IRI string, not {}",
                describe(other)
            ),
        )),
    }
}

fn whole_number(
    at: &At,
    o: &Map<String, Value>,
    field: &str,
    path: impl Fn() -> String,
) -> Result<usize, EngineError> {
    match o.get(field) {
        None => Err(at.err(
            &path(),
            "is missing: a TextPositionSelector needs \"start\" and \"end\"",
        )),
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                at.err(
                    &path(),
                    format!("must be a whole number ≥ 0, not {}", describe(v)),
                )
            }),
    }
}

/// Reads one target object (at `path`, relative to the annotation): its
/// text selectors and its source's language.
fn target_object(
    at: &At,
    path: &str,
    o: &Map<String, Value>,
) -> Result<(Option<TextTarget>, Option<Lang>), EngineError> {
    let mut language = None;
    if let Some(Value::Object(src)) = o.get("source") {
        if let Some(lang) = src.get("language") {
            let codes = strings(at, || format!("{path}.source.language"), lang)?;
            language = codes.iter().find_map(|c| Lang::from_code(c));
        }
    }
    let selectors: Vec<(Option<usize>, &Value)> = match o.get("selector") {
        None | Some(Value::Null) | Some(Value::String(_)) => Vec::new(),
        Some(Value::Array(list)) => list.iter().enumerate().map(|(i, s)| (Some(i), s)).collect(),
        Some(one) => vec![(None, one)],
    };
    let mut quote: Option<(&str, &str, &str)> = None;
    let mut position: Option<(usize, usize)> = None;
    for (index, s) in selectors {
        let spath = |field: &str| match index {
            Some(i) => format!("{path}.selector[{i}]{field}"),
            None => format!("{path}.selector{field}"),
        };
        let Value::Object(so) = s else {
            if s.is_string() {
                continue; // an IRI naming a selector elsewhere
            }
            return Err(at.err(
                &spath(""),
                format!("a selector must be an object, not {}", describe(s)),
            ));
        };
        let types = type_names(so);
        let is_quote =
            types.contains(&"TextQuoteSelector") || (types.is_empty() && so.contains_key("exact"));
        let is_position = types.contains(&"TextPositionSelector")
            || (types.is_empty() && so.contains_key("start"));
        if is_quote && quote.is_none() {
            let exact = match so.get("exact") {
                Some(Value::String(e)) if !e.is_empty() => e.as_str(),
                Some(Value::String(_)) => {
                    return Err(at.err(
                        &spath(".exact"),
                        "is empty: a TextQuoteSelector must quote some text",
                    ))
                }
                None => {
                    return Err(at.err(
                        &spath(".exact"),
                        "is missing: a TextQuoteSelector needs \"exact\"",
                    ))
                }
                Some(other) => {
                    return Err(at.err(
                        &spath(".exact"),
                        format!("must be a string, not {}", describe(other)),
                    ))
                }
            };
            let prefix = optional_string(at, so, "prefix", || spath(".prefix"))?.unwrap_or("");
            let suffix = optional_string(at, so, "suffix", || spath(".suffix"))?.unwrap_or("");
            quote = Some((exact, prefix, suffix));
        } else if is_position && position.is_none() {
            let start = whole_number(at, so, "start", || spath(".start"))?;
            let end = whole_number(at, so, "end", || spath(".end"))?;
            if start > end {
                return Err(at.err(&spath(".end"), format!("is {end}, before start {start}")));
            }
            position = Some((start, end));
        }
    }
    let target = match (quote, position) {
        (None, None) => None,
        (q, position) => {
            let (exact, prefix, suffix) = q.unwrap_or_default();
            Some(TextTarget {
                exact: exact.to_string(),
                prefix: prefix.to_string(),
                suffix: suffix.to_string(),
                position,
            })
        }
    };
    Ok((target, language))
}

/// `auto` only when every creator is software named isnad; otherwise (a
/// person, another tool, or no creator) `editor`, so re-analysis keeps it.
fn origin_of(creator: Option<&Value>) -> Origin {
    let is_isnad = |v: &Value| match v {
        Value::Object(o) => {
            let software = type_names(o).contains(&"Software");
            let name = o.get("name").and_then(Value::as_str).unwrap_or("");
            let name = name.trim().as_bytes();
            software && name.len() >= 5 && name[..5].eq_ignore_ascii_case(b"isnad")
        }
        _ => false,
    };
    match creator {
        Some(Value::Array(list)) if !list.is_empty() && list.iter().all(is_isnad) => Origin::Auto,
        Some(v @ Value::Object(_)) if is_isnad(v) => Origin::Auto,
        _ => Origin::Editor,
    }
}

fn parse_item(
    file: &str,
    index: usize,
    path: String,
    v: &Value,
) -> Result<W3cAnnotation, EngineError> {
    let mut at = At {
        file,
        index: Some(index),
        id: None,
        base: path.clone(),
    };
    let Value::Object(o) = v else {
        return Err(at.err(
            "",
            format!("an annotation must be a JSON object, not {}", describe(v)),
        ));
    };
    let iri = match o.get("id").or_else(|| o.get("@id")) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err(at.err(
                "id",
                format!("must be a string (an IRI), not {}", describe(other)),
            ))
        }
    };
    at.id = iri.clone();
    let types = type_names(o);
    if o.contains_key("type") && !types.contains(&"Annotation") {
        return Err(at.err(
            "type",
            format!("is {}, not \"Annotation\"", describe(&o["type"])),
        ));
    }
    if let Some(m) = o.get("motivation") {
        strings(&at, || "motivation".to_string(), m)?;
    }
    if let Some(c) = o.get("@context") {
        match c {
            Value::String(_) | Value::Array(_) | Value::Object(_) => {}
            other => {
                return Err(at.err(
                    "@context",
                    format!(
                        "must be a string, an array or an object, not {}",
                        describe(other)
                    ),
                ))
            }
        }
    }
    let origin = origin_of(o.get("creator"));

    let mut bodies = Vec::new();
    match o.get("body") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (i, b) in list.iter().enumerate() {
                body_of(&at, || format!("body[{i}]"), b, &mut bodies)?;
            }
        }
        Some(b) => body_of(&at, || "body".to_string(), b, &mut bodies)?,
    }
    if let Some(bv) = o.get("bodyValue") {
        match bv {
            Value::String(s) => bodies.push(Body {
                purposes: Vec::new(),
                value: Some(s),
            }),
            Value::Null => {}
            other => {
                return Err(at.err(
                    "bodyValue",
                    format!("must be a string, not {}", describe(other)),
                ))
            }
        }
    }

    let (target, language) = match o.get("target") {
        None | Some(Value::Null) => {
            return Err(at.err("target", "is missing: every annotation needs a target"))
        }
        Some(Value::String(_)) => (None, None),
        Some(Value::Object(t)) => target_object(&at, "target", t)?,
        Some(Value::Array(list)) => {
            let mut found = (None, None);
            for (i, t) in list.iter().enumerate() {
                match t {
                    Value::String(_) => {}
                    Value::Object(to) => {
                        let (sel, lang) = target_object(&at, &format!("target[{i}]"), to)?;
                        if found.1.is_none() {
                            found.1 = lang;
                        }
                        if found.0.is_none() {
                            found.0 = sel;
                        }
                    }
                    other => {
                        return Err(at.err(
                            &format!("target[{i}]"),
                            format!(
                                "must be an object or an IRI string, not {}",
                                describe(other)
                            ),
                        ))
                    }
                }
            }
            found
        }
        Some(other) => {
            return Err(at.err(
                "target",
                format!(
                    "must be an object, an array or an IRI string, not {}",
                    describe(other)
                ),
            ))
        }
    };
    let with = |purpose: &'static str| {
        bodies
            .iter()
            .filter(move |b| b.has(purpose))
            .filter_map(|b| b.value)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let kind = with("tagging")
        .find_map(|v| {
            [
                ("quote", Kind::Quote),
                ("claim", Kind::Claim),
                ("boilerplate", Kind::Boilerplate),
            ]
            .into_iter()
            .find_map(|(name, kind)| v.eq_ignore_ascii_case(name).then_some(kind))
        })
        .unwrap_or(Kind::Claim);
    let form = with("classifying")
        .find_map(|v| {
            [QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed]
                .into_iter()
                .find(|f| v.eq_ignore_ascii_case(f.code()))
        })
        .unwrap_or(QuoteForm::Direct);
    let mut categories = Vec::new();
    for v in with("classifying") {
        if let Some(cat) = ClaimCategory::ALL
            .into_iter()
            .find(|k| v.eq_ignore_ascii_case(k.code()))
        {
            if !categories.contains(&cat) {
                categories.push(cat);
            }
        }
    }
    let status = with("assessing")
        .find_map(|v| {
            if v.eq_ignore_ascii_case("true") {
                return Some(ClaimStatus::Verified);
            }
            ClaimStatus::ALL
                .into_iter()
                .find(|k| v.eq_ignore_ascii_case(k.code()))
        })
        .unwrap_or_default();
    let note: Vec<&str> = bodies
        .iter()
        .filter(|b| b.purposes.is_empty() || b.has("commenting"))
        .filter_map(|b| b.value)
        .filter(|v| !v.trim().is_empty())
        .collect();
    let speaker = with("identifying").next().map(|name| {
        (
            name.to_string(),
            with("describing").next().map(str::to_string),
        )
    });
    Ok(W3cAnnotation {
        index,
        path,
        isnad_id: iri.as_deref().and_then(isnad_id),
        iri,
        kind,
        origin,
        target,
        language,
        speaker,
        form,
        categories,
        status,
        note: note.join("\n\n"),
    })
}

/// Reads the annotations of a parsed W3C document without placing them.
/// Errors name the file, the annotation and the field; a file with more
/// than [`MAX_IMPORT_ANNOTATIONS`] annotations, or two annotations with the
/// same `id`, is refused.
pub fn parse(file: &str, root: &Value) -> Result<Vec<W3cAnnotation>, EngineError> {
    let list = items(file, root)?;
    let mut out = Vec::with_capacity(list.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, (path, v)) in list.into_iter().enumerate() {
        let a = parse_item(file, index, path, v)?;
        if let Some(iri) = v.get("id").and_then(Value::as_str) {
            if let Some(first) = seen.insert(iri, index) {
                return Err(EngineError::Import {
                    file: file.to_string(),
                    annotation: Some(index),
                    id: Some(iri.to_string()),
                    field: if a.path.is_empty() {
                        "id".into()
                    } else {
                        format!("{}.id", a.path)
                    },
                    problem: format!("the same id as annotation {}", first + 1),
                });
            }
        }
        out.push(a);
    }
    Ok(out)
}

/// W3C annotations placed on a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The text with the annotations that could be placed, and their speakers.
    pub analysis: Analysis,
    /// Those that could not be placed.
    pub orphans: Vec<Orphan>,
    /// How many were found away from their `TextPositionSelector`.
    pub moved: usize,
}

/// Places parsed annotations on `text` (see [`crate::anchor`]). Ids: the
/// isnad id inside an isnad IRI is kept (when unique); other annotations
/// get `w1`, `w2`…. Speakers are grouped by name and title (`s1`, `s2`…).
/// The language is the first target's, else detected from the text.
pub fn place(mut items: Vec<W3cAnnotation>, text: &str) -> Placed {
    let has_target: Vec<bool> = items.iter().map(|a| a.target.is_some()).collect();
    let anchors: Vec<Anchor> = items
        .iter_mut()
        .map(|a| match a.target.take() {
            Some(t) => Anchor {
                id: String::new(),
                exact: t.exact,
                prefix: t.prefix,
                suffix: t.suffix,
                position: t.position,
            },
            None => Anchor::default(),
        })
        .collect();
    let results = anchor::place(text, &anchors);

    let mut used: HashSet<String> = HashSet::new();
    let mut ids: Vec<Option<String>> = items
        .iter()
        .map(|a| a.isnad_id.clone().filter(|id| used.insert(id.clone())))
        .collect();
    let mut n = 0;
    for id in ids.iter_mut().filter(|id| id.is_none()) {
        loop {
            n += 1;
            let fresh = format!("w{n}");
            if used.insert(fresh.clone()) {
                *id = Some(fresh);
                break;
            }
        }
    }

    let mut speakers: Vec<Speaker> = Vec::new();
    let mut speaker_ids: HashMap<(String, Option<String>), String> = HashMap::new();
    let mut annotations = Vec::with_capacity(items.len());
    let mut orphans = Vec::new();
    let mut moved = 0;
    for (((a, result), id), (anchor, targeted)) in items
        .iter()
        .zip(results)
        .zip(ids)
        .zip(anchors.iter().zip(has_target))
    {
        let placement = if targeted {
            result
        } else {
            Err(OrphanReason::NoSelector)
        };
        let span: Span = match placement {
            Ok(p) => {
                if matches!(p.how, How::Moved | How::Approximate { .. })
                    && anchor.position.is_some()
                {
                    moved += 1;
                }
                p.span
            }
            Err(reason) => {
                orphans.push(Orphan {
                    index: a.index,
                    id: a.iri.clone().unwrap_or_default(),
                    kind: a.kind,
                    exact: anchor.exact.clone(),
                    reason,
                });
                continue;
            }
        };
        let detail = match a.kind {
            Kind::Quote => {
                let speaker = a.speaker.as_ref().map(|(name, title)| {
                    let key = (name.clone(), title.clone());
                    speaker_ids
                        .entry(key)
                        .or_insert_with(|| {
                            let sid = format!("s{}", speakers.len() + 1);
                            speakers.push(Speaker {
                                id: sid.clone(),
                                name: name.clone(),
                                title: title.clone(),
                                mentions: Vec::new(),
                            });
                            sid
                        })
                        .clone()
                });
                Detail::Quote(QuoteInfo {
                    form: a.form,
                    speaker,
                    cue: None,
                    mention: None,
                })
            }
            Kind::Claim => Detail::Claim(ClaimInfo {
                categories: a.categories.clone(),
                score: 1.0,
                status: a.status,
                note: a.note.clone(),
            }),
            Kind::Boilerplate => Detail::Boilerplate,
        };
        annotations.push(Annotation {
            id: id.unwrap_or_default(),
            span,
            origin: a.origin,
            detail,
        });
    }
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    let language = items.iter().find_map(|a| a.language).unwrap_or_else(|| {
        let tokens = crate::tokens::Tokens::new(text);
        crate::lang::detect(text, &tokens)
    });
    Placed {
        analysis: Analysis {
            language,
            text: text.to_string(),
            annotations,
            speakers,
        },
        orphans,
        moved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_iris_carry_any_id() {
        for id in ["q1", "e12", "my id/1?", "ق١", "a%b", "x:y"] {
            let iri = annotation_iri("0123456789abcdef", id);
            assert!(!iri.contains(' ') && !iri.contains('?'), "{iri}");
            assert_eq!(isnad_id(&iri).as_deref(), Some(id), "{iri}");
        }
        assert_eq!(isnad_id("http://example.org/anno/1"), None);
        assert_eq!(isnad_id("urn:isnad:annotation:abc:"), None);
        assert_eq!(isnad_id("urn:isnad:annotation:abc:%zz"), None);
    }

    #[test]
    fn creators_decide_the_origin() {
        let auto = serde_json::json!({"type": "Software", "name": "isnad 0.1.0"});
        assert_eq!(origin_of(Some(&auto)), Origin::Auto);
        assert_eq!(origin_of(Some(&serde_json::json!([auto]))), Origin::Auto);
        for other in [
            serde_json::json!({"type": "Person", "name": "isnad"}),
            serde_json::json!({"type": "Software", "name": "Hypothesis"}),
            serde_json::json!("http://example.org/me"),
            serde_json::json!([auto, {"type": "Person", "name": "Mona"}]),
        ] {
            assert_eq!(origin_of(Some(&other)), Origin::Editor, "{other}");
        }
        assert_eq!(origin_of(None), Origin::Editor);
    }
}
