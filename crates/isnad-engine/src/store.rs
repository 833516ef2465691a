//! Saved documents: what the web app keeps in browser storage so that a
//! reload or a crash loses nothing — the text, the analysis, and the whole
//! editing history with the undo position — plus the library index that
//! lists them. Pure: the app's storage service only moves these strings in
//! and out of the browser.
//!
//! Every record names its store version (`"store"`). Version 2 is current;
//! version 1 records (text and one `isnad/1` file, no title or history) are
//! migrated on load. A record from a newer version is refused with a clear
//! error and left where it is, never discarded.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::edit::{History, Layer, Orphaned};
use crate::error::EngineError;
use crate::model::{Analysis, Kind, Lang, Span};
use crate::offsets::OffsetMap;
use crate::schema::{self, File, FileAnnotation, FileDocument, FileSpeaker};

/// The store version this build writes.
pub const STORE_VERSION: u64 = 2;

/// Undo steps saved with a document at most (the newest ones): enough to
/// take back a session's work without making every save huge.
pub const SAVED_STEPS: usize = 50;

/// One document as the editor left it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedDocument {
    /// The document's id in the library.
    pub id: String,
    /// Its title (the first line, unless the editor renamed it).
    pub title: String,
    /// When it was first saved, in milliseconds since 1970 (UTC).
    pub created_ms: f64,
    /// When it was last saved.
    pub updated_ms: f64,
    /// The text in the text box (it may have changed since the analysis).
    pub text: String,
    /// The language the editor chose; `None` means detected.
    pub language: Option<Lang>,
    /// The analysed text with the current annotations, when analysed.
    pub analysis: Option<Analysis>,
    /// The editing history over `analysis.text`, oldest layer first.
    pub history: Vec<Layer>,
    /// Where the editor is in `history`.
    pub position: usize,
}

impl SavedDocument {
    /// A record of the editor's state. `history` is cut to the newest
    /// [`SAVED_STEPS`] undo steps (redo steps are kept).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &str,
        title: &str,
        created_ms: f64,
        updated_ms: f64,
        text: &str,
        language: Option<Lang>,
        analysis: Option<&Analysis>,
        history: Option<&History>,
    ) -> SavedDocument {
        let (layers, position) = match history {
            Some(h) => {
                let first = h.position().saturating_sub(SAVED_STEPS);
                let layers = h.layers()[first..]
                    .iter()
                    .map(|l| l.as_ref().clone())
                    .collect();
                (layers, h.position() - first)
            }
            None => (Vec::new(), 0),
        };
        SavedDocument {
            id: id.to_string(),
            title: title.to_string(),
            created_ms,
            updated_ms,
            text: text.to_string(),
            language,
            analysis: analysis.cloned(),
            history: layers,
            position,
        }
    }

    /// Drops the undo and redo steps, keeping the current state: what a
    /// save falls back to when the whole history does not fit in storage.
    pub fn without_history(&mut self) {
        if let Some(current) = self.history.get(self.position).cloned() {
            self.history = vec![current];
        } else {
            self.history.clear();
        }
        self.position = 0;
    }

    /// The editing history to resume with, when there is an analysis.
    pub fn resume_history(&self) -> Option<History> {
        let analysis = self.analysis.as_ref()?;
        let layers = if self.history.is_empty() {
            vec![Layer::from_analysis(analysis)]
        } else {
            self.history.clone()
        };
        History::from_layers(layers, self.position)
    }

    /// The library line for this document.
    pub fn entry(&self) -> LibraryEntry {
        let (quotes, claims) = self.analysis.as_ref().map_or((0, 0), |a| {
            let current = self.history.get(self.position);
            let annotations = current.map_or(&a.annotations, |l| &l.annotations);
            let count = |k: Kind| annotations.iter().filter(|x| x.kind() == k).count();
            (count(Kind::Quote), count(Kind::Claim))
        });
        LibraryEntry {
            id: self.id.clone(),
            title: self.title.clone(),
            language: self
                .language
                .or_else(|| self.analysis.as_ref().map(|a| a.language)),
            updated_ms: self.updated_ms,
            quotes,
            claims,
            bytes: self.text.len(),
        }
    }
}

/// A document's title: its first non-blank line, cut to 80 characters.
pub fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or_default();
    let mut title: String = line.chars().take(80).collect();
    if title.len() < line.len() {
        title.push('…');
    }
    title
}

/// A document's title from its analysis: the first line that is not page
/// noise (a section label such as "أخبار" or a byline is not a title), else
/// [`title_of`].
pub fn title_of_analysis(analysis: &Analysis) -> String {
    let noise: Vec<Span> = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() == Kind::Boilerplate)
        .map(|a| a.span)
        .collect();
    let text = &analysis.text;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let at = start + (line.len() - line.trim_start().len());
        start += line.len();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(at, at + trimmed.len());
        if !noise
            .iter()
            .any(|n| n.start <= span.start && span.end <= n.end)
        {
            return title_of(trimmed);
        }
    }
    title_of(text)
}

/// One line of the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    /// The document id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its language, chosen or detected.
    #[serde(default)]
    pub language: Option<Lang>,
    /// Last saved, in milliseconds since 1970 (UTC).
    pub updated_ms: f64,
    /// How many quotes it has.
    pub quotes: usize,
    /// How many claims it has.
    pub claims: usize,
    /// Its text's size in bytes.
    pub bytes: usize,
}

/// The library index, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// Always [`STORE_VERSION`] when written.
    pub store: u64,
    /// The saved documents.
    pub documents: Vec<LibraryEntry>,
}

impl Library {
    /// Puts `entry` first, replacing the line with the same id.
    pub fn upsert(&mut self, entry: LibraryEntry) {
        self.documents.retain(|e| e.id != entry.id);
        self.documents.insert(0, entry);
    }

    /// Removes a document's line; returns it.
    pub fn remove(&mut self, id: &str) -> Option<LibraryEntry> {
        let at = self.documents.iter().position(|e| e.id == id)?;
        Some(self.documents.remove(at))
    }

    /// The index as JSON.
    pub fn to_json(&self) -> String {
        let library = Library {
            store: STORE_VERSION,
            documents: self.documents.clone(),
        };
        serde_json::to_string(&library).unwrap_or_default()
    }

    /// Reads the index; an unreadable one is an error (the caller keeps
    /// the stored string and rebuilds the index from the records).
    pub fn from_json(json: &str) -> Result<Library, EngineError> {
        let value: Value = serde_json::from_str(json).map_err(|e| store_error(e.to_string()))?;
        let version = value.get("store").and_then(Value::as_u64).unwrap_or(1);
        if version > STORE_VERSION {
            return Err(EngineError::NewerStore {
                found: version,
                supported: STORE_VERSION,
            });
        }
        serde_json::from_value(value).map_err(|e| store_error(e.to_string()))
    }
}

fn store_error(why: String) -> EngineError {
    EngineError::Store(why)
}

/// A rejected automatic annotation in a saved layer, in code points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct SavedRejection {
    kind: Kind,
    start: usize,
    end: usize,
}

/// One saved layer: annotations and speakers as in `isnad/1` (code points,
/// each with its text), plus the editor's bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct SavedLayer {
    annotations: Vec<FileAnnotation>,
    #[serde(default)]
    speakers: Vec<FileSpeaker>,
    #[serde(default)]
    rejected: Vec<SavedRejection>,
    #[serde(default = "one")]
    next_id: u64,
    /// The layer's own text, when it is not the record's analysed text (a
    /// step from before a change of the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Annotations a change of the text could not place, each as a small
    /// `isnad/1` file over its own text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<File>,
}

fn one() -> u64 {
    1
}

/// A version-2 record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RecordV2 {
    store: u64,
    id: String,
    title: String,
    created: f64,
    updated: f64,
    text: String,
    /// `auto`, `ar`, `en` or `fr`.
    language: String,
    /// The analysed text with the current annotations (`isnad/1`).
    #[serde(default)]
    analysis: Option<File>,
    #[serde(default)]
    history: Vec<SavedLayer>,
    #[serde(default)]
    position: usize,
}

/// A version-1 record: the text and its `isnad/1` file, nothing more.
#[derive(Clone, Debug, Deserialize)]
struct RecordV1 {
    id: String,
    #[serde(default)]
    saved: f64,
    text: String,
    #[serde(default)]
    file: Option<File>,
}

fn saved_layer(layer: &Layer, analysis: &Analysis) -> SavedLayer {
    let own_text = !layer.text.is_empty() && *layer.text != *analysis.text;
    let text: &str = if own_text {
        &layer.text
    } else {
        &analysis.text
    };
    let with_layer = Analysis {
        language: analysis.language,
        text: text.to_string(),
        annotations: layer.annotations.clone(),
        speakers: layer.speakers.clone(),
    };
    let file = schema::to_file(&with_layer);
    let map = OffsetMap::new(text);
    SavedLayer {
        annotations: file.annotations,
        speakers: file.speakers,
        rejected: layer
            .rejected
            .iter()
            .map(|&(kind, span)| SavedRejection {
                kind,
                start: map.cp_of_byte(span.start),
                end: map.cp_of_byte(span.end),
            })
            .collect(),
        next_id: layer.next_id,
        text: own_text.then(|| layer.text.to_string()),
        orphans: layer
            .orphans
            .iter()
            .map(|o| {
                schema::to_file(&Analysis {
                    language: analysis.language,
                    text: o.exact.clone(),
                    annotations: vec![o.annotation.clone()],
                    speakers: o.speaker.iter().cloned().collect(),
                })
            })
            .collect(),
    }
}

fn layer_of(saved: SavedLayer, analysis: &Analysis) -> Result<Layer, EngineError> {
    let text = saved.text.unwrap_or_else(|| analysis.text.clone());
    let file = File {
        schema: schema::SCHEMA.to_string(),
        document: FileDocument {
            language: analysis.language,
            text: text.clone(),
        },
        annotations: saved.annotations,
        speakers: saved.speakers,
    };
    let checked = schema::from_file(file)?;
    let map = OffsetMap::new(&text);
    let mut rejected = Vec::with_capacity(saved.rejected.len());
    for r in saved.rejected {
        let (Some(a), Some(b)) = (map.byte_of_cp(r.start), map.byte_of_cp(r.end)) else {
            return Err(store_error(format!(
                "a rejected span {}..{} is outside the text",
                r.start, r.end
            )));
        };
        rejected.push((r.kind, Span::new(a.min(b), a.max(b))));
    }
    let mut orphans = Vec::with_capacity(saved.orphans.len());
    for file in saved.orphans {
        let mut one = schema::from_file(file)?;
        let Some(annotation) = one.annotations.pop() else {
            return Err(store_error("an orphaned annotation record is empty".into()));
        };
        orphans.push(Orphaned {
            annotation,
            exact: one.text,
            speaker: one.speakers.pop(),
        });
    }
    Ok(Layer {
        text: text.into(),
        annotations: checked.annotations,
        speakers: checked.speakers,
        rejected,
        next_id: saved.next_id,
        orphans,
    })
}

fn language_code(language: Option<Lang>) -> String {
    language.map_or_else(|| "auto".to_string(), |l| l.code().to_string())
}

/// Writes a saved document as a current-version record.
pub fn to_json(doc: &SavedDocument) -> String {
    let (analysis, history) = match &doc.analysis {
        Some(a) => (
            Some(schema::to_file(a)),
            doc.history.iter().map(|l| saved_layer(l, a)).collect(),
        ),
        None => (None, Vec::new()),
    };
    let record = RecordV2 {
        store: STORE_VERSION,
        id: doc.id.clone(),
        title: doc.title.clone(),
        created: doc.created_ms,
        updated: doc.updated_ms,
        text: doc.text.clone(),
        language: language_code(doc.language),
        analysis,
        history,
        position: doc.position,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads a record of any known version, migrating older ones.
pub fn from_json(json: &str) -> Result<SavedDocument, EngineError> {
    let value: Value = serde_json::from_str(json).map_err(|e| store_error(e.to_string()))?;
    let version = value.get("store").and_then(Value::as_u64).unwrap_or(0);
    match version {
        1 => migrate_v1(serde_json::from_value(value).map_err(|e| store_error(e.to_string()))?),
        2 => read_v2(serde_json::from_value(value).map_err(|e| store_error(e.to_string()))?),
        v if v > STORE_VERSION => Err(EngineError::NewerStore {
            found: v,
            supported: STORE_VERSION,
        }),
        _ => Err(store_error("the record names no store version".into())),
    }
}

fn read_v2(record: RecordV2) -> Result<SavedDocument, EngineError> {
    let analysis = record.analysis.map(schema::from_file).transpose()?;
    let history = match &analysis {
        Some(a) => record
            .history
            .into_iter()
            .map(|l| layer_of(l, a))
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    let language = match record.language.as_str() {
        "auto" => None,
        code => Some(
            Lang::from_code(code)
                .ok_or_else(|| store_error(format!("unknown language {code:?}")))?,
        ),
    };
    let position = record.position.min(history.len().saturating_sub(1));
    Ok(SavedDocument {
        id: record.id,
        title: record.title,
        created_ms: record.created,
        updated_ms: record.updated,
        text: record.text,
        language,
        analysis,
        history,
        position,
    })
}

/// Version 1 kept the text and one `isnad/1` file: the title is derived
/// from the text, the language is the file's, and the history starts at
/// the saved annotations.
fn migrate_v1(record: RecordV1) -> Result<SavedDocument, EngineError> {
    let analysis = record.file.map(schema::from_file).transpose()?;
    let history = analysis
        .as_ref()
        .map(|a| vec![Layer::from_analysis(a)])
        .unwrap_or_default();
    Ok(SavedDocument {
        id: record.id,
        title: title_of(&record.text),
        created_ms: record.saved,
        updated_ms: record.saved,
        language: analysis.as_ref().map(|a| a.language),
        text: record.text,
        analysis,
        history,
        position: 0,
    })
}

/// The format name of a library backup file.
pub const BACKUP_FORMAT: &str = "isnad-library/1";

/// A whole library as one file: every document's record (text,
/// annotations, speakers and editing history), current store version.
pub fn backup_to_json(docs: &[SavedDocument]) -> String {
    let records: Vec<Value> = docs
        .iter()
        .filter_map(|d| serde_json::from_str(&to_json(d)).ok())
        .collect();
    serde_json::json!({ "format": BACKUP_FORMAT, "documents": records }).to_string()
}

/// Reads a library backup: every record is checked (and migrated from an
/// older store version) before anything is used; one bad record refuses
/// the file with its number and why.
pub fn backup_from_json(json: &str) -> Result<Vec<SavedDocument>, EngineError> {
    let value: Value = serde_json::from_str(json).map_err(|e| store_error(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(store_error(format!(
            "this is not an isnad library backup (no \"format\": \"{BACKUP_FORMAT}\")"
        )));
    }
    let records = value
        .get("documents")
        .and_then(Value::as_array)
        .ok_or_else(|| store_error("the backup has no \"documents\" list".into()))?;
    records
        .iter()
        .enumerate()
        .map(|(i, record)| {
            from_json(&record.to_string())
                .map_err(|e| store_error(format!("document {}: {e}", i + 1)))
        })
        .collect()
}

/// What restoring one backed-up document does, given the library's own
/// document with the same id (if any).
#[derive(Clone, Debug, PartialEq)]
pub enum Restore {
    /// Not in the library: add it as it is.
    Add(Box<SavedDocument>),
    /// The same as the library's: nothing to do.
    Same,
    /// The backup's is newer: it takes the id, and the library's own is
    /// kept as a copy under a new id.
    Replace {
        /// The backup's document, under the shared id.
        newer: Box<SavedDocument>,
        /// The library's older one, to save under a new id.
        older: Box<SavedDocument>,
    },
    /// The library's is newer: it stays, and the backup's is kept as a
    /// copy under a new id.
    KeepCopy(Box<SavedDocument>),
}

/// Decides how a backed-up document merges into the library by document
/// id: the newer copy wins the id, the other is kept (never lost).
/// `new_id` names the copy.
pub fn restore(incoming: SavedDocument, existing: Option<&SavedDocument>, new_id: &str) -> Restore {
    let Some(existing) = existing else {
        return Restore::Add(Box::new(incoming));
    };
    if to_json(existing) == to_json(&incoming) {
        return Restore::Same;
    }
    let copy = |mut d: SavedDocument| {
        d.id = new_id.to_string();
        Box::new(d)
    };
    if incoming.updated_ms > existing.updated_ms {
        Restore::Replace {
            newer: Box::new(incoming),
            older: copy(existing.clone()),
        }
    } else {
        Restore::KeepCopy(copy(incoming))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::{analyze, Options};

    fn sample() -> (Analysis, History) {
        let text = "قَالَ الوزير 😀: «الأسعار سترتفع 5%»\u{a0}في مايو.\nBy Jane Doe";
        let analysis = analyze(text, &Options::default());
        let mut history = History::new(Layer::from_analysis(&analysis));
        let claim_span = Span::new(0, text.find(':').unwrap_or(text.len()));
        history
            .apply(
                text,
                &Edit::Add {
                    span: claim_span,
                    detail: crate::Detail::Claim(Default::default()),
                },
            )
            .expect("add a claim");
        if let Some(first) = history.current().annotations.first().map(|a| a.id.clone()) {
            history
                .apply(text, &Edit::Delete(first))
                .expect("delete one");
        }
        history.undo();
        (analysis, history)
    }

    #[test]
    fn a_record_round_trips_with_its_history_and_undo_position() {
        let (analysis, history) = sample();
        let doc = SavedDocument::new(
            "d1",
            "Title",
            1.0,
            2.0,
            &analysis.text,
            Some(Lang::Ar),
            Some(&analysis),
            Some(&history),
        );
        let back = from_json(&to_json(&doc)).expect("reads back");
        assert_eq!(back, doc);
        let resumed = back.resume_history().expect("a history");
        assert_eq!(resumed.position(), history.position());
        assert_eq!(resumed.current().as_ref(), history.current().as_ref());
        assert!(resumed.can_redo() && resumed.can_undo());
    }

    #[test]
    fn steps_across_a_text_change_and_orphans_round_trip() {
        let (analysis, mut history) = sample();
        history.redo();
        // The editor's claim survives a small change; a quote on words that
        // are then deleted becomes an orphan with its speaker.
        let quote_span = Span::new(analysis.text.find("By").unwrap_or(0), analysis.text.len());
        let speaker = history.current().next_speaker_id();
        history
            .apply_all(
                &analysis.text,
                &[
                    Edit::AddSpeaker {
                        id: speaker.clone(),
                        name: "Jane Doe".into(),
                        title: None,
                    },
                    Edit::Add {
                        span: quote_span,
                        detail: crate::Detail::Quote(crate::QuoteInfo {
                            form: crate::QuoteForm::Direct,
                            speaker: Some(speaker),
                            cue: None,
                            mention: None,
                        }),
                    },
                ],
            )
            .expect("a hand-made quote");
        let new_text = analysis
            .text
            .replace("\nBy Jane Doe", " 🎉")
            .replace("مايو", "يونيو");
        let fresh = analyze(&new_text, &Options::default());
        let (carried, how) = crate::edit::carry_over(history.current(), &fresh);
        assert_eq!(how.orphaned, 1);
        history.push(carried);
        let current = history.current().to_analysis(&fresh);
        let doc = SavedDocument::new(
            "d1",
            "Title",
            1.0,
            2.0,
            &new_text,
            None,
            Some(&current),
            Some(&history),
        );
        let back = from_json(&to_json(&doc)).expect("reads back");
        assert_eq!(back, doc);
        let mut resumed = back.resume_history().expect("a history");
        assert_eq!(resumed.current().orphans.len(), 1);
        assert_eq!(
            resumed.current().orphans[0]
                .speaker
                .as_ref()
                .map(|s| s.name.as_str()),
            Some("Jane Doe")
        );
        assert!(resumed.undo());
        assert_eq!(&*resumed.current().text, analysis.text.as_str());
    }

    #[test]
    fn a_library_backup_round_trips_and_merges_by_id_keeping_both() {
        let (analysis, history) = sample();
        let doc = |id: &str, updated: f64| {
            SavedDocument::new(
                id,
                "عنوان 😀",
                1.0,
                updated,
                &analysis.text,
                None,
                Some(&analysis),
                Some(&history),
            )
        };
        let docs = vec![doc("a", 5.0), doc("b", 7.0)];
        let back = backup_from_json(&backup_to_json(&docs)).expect("reads back");
        assert_eq!(back, docs);
        assert!(backup_from_json("{\"documents\": []}").is_err());
        assert!(backup_from_json(
            "{\"format\": \"isnad-library/1\", \"documents\": [{\"store\": 2}]}"
        )
        .is_err_and(|e| e.to_string().contains("document 1")));
        assert_eq!(
            restore(doc("a", 5.0), None, "n"),
            Restore::Add(Box::new(doc("a", 5.0)))
        );
        assert_eq!(
            restore(doc("a", 5.0), Some(&doc("a", 5.0)), "n"),
            Restore::Same
        );
        match restore(doc("a", 9.0), Some(&doc("a", 5.0)), "n") {
            Restore::Replace { newer, older } => {
                assert_eq!((newer.id.as_str(), newer.updated_ms), ("a", 9.0));
                assert_eq!((older.id.as_str(), older.updated_ms), ("n", 5.0));
            }
            other => panic!("{other:?}"),
        }
        match restore(doc("a", 1.0), Some(&doc("a", 5.0)), "n") {
            Restore::KeepCopy(copy) => assert_eq!((copy.id.as_str(), copy.updated_ms), ("n", 1.0)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_version_1_record_is_migrated() {
        let analysis = analyze(
            "The minister said prices rose 5% in May.",
            &Options::default(),
        );
        let file = schema::to_json(&analysis);
        let v1 = format!(
            r#"{{"store":1,"id":"old","saved":5,"text":"The minister said prices rose 5% in May.","file":{file}}}"#
        );
        let doc = from_json(&v1).expect("migrates");
        assert_eq!(doc.title, "The minister said prices rose 5% in May.");
        assert_eq!(doc.analysis.as_ref(), Some(&analysis));
        assert_eq!(doc.history.len(), 1);
        let again = from_json(&to_json(&doc)).expect("current version");
        assert_eq!(again, doc);
    }

    #[test]
    fn newer_and_broken_records_are_refused_clearly() {
        let newer = from_json(r#"{"store":9,"id":"x"}"#).unwrap_err();
        assert_eq!(
            newer,
            EngineError::NewerStore {
                found: 9,
                supported: STORE_VERSION
            }
        );
        assert!(newer.to_string().contains("newer"));
        assert!(matches!(from_json("{"), Err(EngineError::Store(_))));
        assert!(matches!(from_json("{}"), Err(EngineError::Store(_))));
    }

    #[test]
    fn history_is_cut_to_the_newest_steps() {
        let text = "Prices rose 5% in May.";
        let analysis = analyze(text, &Options::default());
        let mut history = History::new(Layer::from_analysis(&analysis));
        for _ in 0..(SAVED_STEPS + 10) {
            let layer = apply(text, history.current(), &Edit::Accept(String::new()))
                .unwrap_or_else(|_| history.current().as_ref().clone());
            history.push(layer);
        }
        let doc = SavedDocument::new(
            "d",
            "t",
            0.0,
            0.0,
            text,
            None,
            Some(&analysis),
            Some(&history),
        );
        assert_eq!(doc.history.len(), SAVED_STEPS + 1);
        assert_eq!(doc.position, SAVED_STEPS);
    }

    #[test]
    fn without_history_keeps_the_current_state() {
        let (analysis, history) = sample();
        let mut doc = SavedDocument::new(
            "d",
            "t",
            0.0,
            0.0,
            &analysis.text,
            None,
            Some(&analysis),
            Some(&history),
        );
        let current = doc.history[doc.position].clone();
        doc.without_history();
        assert_eq!(doc.history, vec![current.clone()]);
        let resumed = from_json(&to_json(&doc))
            .expect("reads")
            .resume_history()
            .expect("history");
        assert_eq!(resumed.current().as_ref(), &current);
        assert!(!resumed.can_undo());
    }

    #[test]
    fn titles_and_library_entries() {
        assert_eq!(title_of("\n  First line  \nsecond"), "First line");
        let labelled = analyze("By Jane Doe\nPrices rose 5% in May.", &Options::default());
        assert_eq!(title_of_analysis(&labelled), "Prices rose 5% in May.");
        assert_eq!(title_of(&"ب".repeat(100)).chars().count(), 81);
        let (analysis, history) = sample();
        let doc = SavedDocument::new(
            "d1",
            "T",
            0.0,
            3.0,
            &analysis.text,
            None,
            Some(&analysis),
            Some(&history),
        );
        let entry = doc.entry();
        assert_eq!(entry.language, Some(analysis.language));
        let mut library = Library::default();
        library.upsert(entry.clone());
        library.upsert(LibraryEntry {
            id: "d2".into(),
            ..entry.clone()
        });
        library.upsert(entry.clone());
        assert_eq!(library.documents[0].id, "d1");
        assert_eq!(library.documents.len(), 2);
        let back = Library::from_json(&library.to_json()).expect("index");
        assert_eq!(back.documents, library.documents);
        assert_eq!(library.remove("d2").map(|e| e.id), Some("d2".into()));
    }
}
