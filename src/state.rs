//! The page's one state, the [`Action`]s that change it and the pure
//! reducer. Analysis itself is requested here ([`State::request`]) and run
//! by an effect in [`crate::app`], which answers with [`Action::Analysed`].

use std::rc::Rc;

use isnad_engine::edit::{carry_over, merge_analysis, Edit, EditError, History, Layer, Orphaned};
use isnad_engine::offsets::OffsetMap;
use isnad_engine::{
    Analysis, ClaimInfo, ClaimStatus, Detail, Kind, Lang, Origin, QuoteForm, QuoteInfo,
};
use yew::{AttrValue, Reducible};

use crate::i18n::UiLang;
use crate::report::Report;
use crate::services::storage::StorageError;
use isnad_engine::store::{Library, SavedDocument};

/// The language select's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Let the engine detect the language.
    #[default]
    Auto,
    /// Arabic.
    Ar,
    /// English.
    En,
    /// French.
    Fr,
}

impl LangChoice {
    /// Every choice, in the order the select lists them.
    pub const ALL: [LangChoice; 4] = [
        LangChoice::Auto,
        LangChoice::Ar,
        LangChoice::En,
        LangChoice::Fr,
    ];

    /// The `<option>` value.
    pub const fn value(self) -> &'static str {
        match self {
            LangChoice::Auto => "auto",
            LangChoice::Ar => "ar",
            LangChoice::En => "en",
            LangChoice::Fr => "fr",
        }
    }

    /// Parses an `<option>` value; anything unknown means `Auto`.
    pub fn from_value(value: &str) -> LangChoice {
        LangChoice::ALL
            .into_iter()
            .find(|c| c.value() == value)
            .unwrap_or_default()
    }

    /// The language to give the engine (`None` detects it).
    pub const fn lang(self) -> Option<Lang> {
        match self {
            LangChoice::Auto => None,
            LangChoice::Ar => Some(Lang::Ar),
            LangChoice::En => Some(Lang::En),
            LangChoice::Fr => Some(Lang::Fr),
        }
    }
}

/// Texts longer than this (bytes) are saved without their undo steps.
pub const HISTORY_SAVE_LIMIT: usize = 1_000_000;

/// A message shown above the results (`role="alert"`) until the next
/// change: why a paste or an edit was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The clipboard held no text.
    Empty,
    /// The text is over the size limit (its size in bytes).
    TooLarge(usize),
    /// A speaker was given an empty name.
    EmptyName,
    /// Any other edit the engine refused (it names a missing annotation or
    /// speaker: the page was out of date).
    EditRefused,
    /// A change of the text was analysed: this many of the editor's
    /// annotations moved with it, and this many could not be placed.
    Carried {
        /// Placed on the new text.
        placed: usize,
        /// Listed as orphans.
        orphaned: usize,
    },
    /// A paste over the whole text of a document with editorial work
    /// opened as a new document (the old one stays in the library).
    PastedAsNew,
}

/// A pending analysis for the effect in [`crate::app`] to run.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Matches [`State::generation`]; older answers are dropped.
    pub generation: u32,
    /// The text to analyse.
    pub text: AttrValue,
    /// The language choice at the time of the request.
    pub language: LangChoice,
}

/// Where to put the textarea's caret after a paste, in UTF-16 units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    /// Changes with every paste, so the effect runs even at the same place.
    pub seq: u32,
    /// The caret position.
    pub at: u32,
}

/// The open document's place in the library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocMeta {
    /// Its id; empty until the first save gives it one.
    pub id: AttrValue,
    /// The editor's title; empty means the text's first line.
    pub title: AttrValue,
    /// When it was first saved (ms since 1970), 0 before.
    pub created_ms: f64,
    /// Changes whenever another document is opened, so that a save
    /// finishing late is not credited to the wrong document.
    pub seq: u32,
}

/// Whether autosave works.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum StorageStatus {
    /// Not opened yet (the first effect opens it).
    #[default]
    Starting,
    /// Every change is saved.
    On,
    /// No storage here: nothing is saved, everything stays in the page.
    Off,
    /// The quota is used up: the last change is not saved.
    Full,
    /// Turned off on purpose (an embedding page asked for no autosave).
    Disabled,
}

impl StorageStatus {
    /// The status a storage failure leads to.
    pub fn after(error: &StorageError) -> StorageStatus {
        match error {
            StorageError::Unavailable => StorageStatus::Off,
            StorageError::Full => StorageStatus::Full,
            StorageError::Unreadable(_) => StorageStatus::On,
        }
    }
}

/// A deleted document, kept until the next deletion so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Trash {
    /// Its id.
    pub id: AttrValue,
    /// Its title, for the "deleted" line.
    pub title: AttrValue,
    /// Its stored record, exactly.
    pub record: Rc<str>,
    /// Whether it was the open document.
    pub was_open: bool,
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// Annotations were added or a document opened.
    Done {
        /// The file's name.
        file: AttrValue,
        /// How many annotations were added.
        placed: usize,
        /// How many were merged into ones already there at the same place
        /// (their verdicts, notes and other editorial work kept).
        merged: usize,
        /// How many were the same as ones already there (not added twice).
        already: usize,
        /// Those that could not be placed: (exact text, why), listed for the
        /// editor, never silently moved or dropped.
        orphans: Rc<Vec<(AttrValue, AttrValue)>>,
    },
    /// The file was refused; the open document is untouched.
    Failed(AttrValue),
}

/// Everything the page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The textarea's content.
    pub text: AttrValue,
    /// The language select's value.
    pub language: LangChoice,
    /// Counts analysis requests.
    pub generation: u32,
    /// The analysis waiting to run, if any.
    pub request: Option<Request>,
    /// The latest finished analysis; `None` before the first one.
    pub report: Option<Rc<Report>>,
    /// The text `report` was made from (to mark it out of date after edits).
    pub analysed_text: AttrValue,
    /// Set by a paste; an effect moves the caret there.
    pub caret: Option<Caret>,
    /// The interface language (the article's language is separate).
    pub ui: UiLang,
    /// Why the last paste was refused; cleared by the next edit or paste.
    pub notice: Option<Notice>,
    /// The editor's work on the analysed text: every state since the
    /// analysis, for undo and redo. `report` always shows its current layer.
    pub history: Option<History>,
    /// The selected annotation (highlight or list item), if any.
    pub selected: Option<AttrValue>,
    /// True while the keyboard-shortcut help is open.
    pub help: bool,
    /// What the lists show.
    pub filter: Filter,
    /// The open document's place in the library.
    pub doc: DocMeta,
    /// Whether autosave works.
    pub storage: StorageStatus,
    /// The saved documents, newest first.
    pub library: Rc<Library>,
    /// The last deleted document, for undo.
    pub trash: Option<Trash>,
    /// True while the document library is shown.
    pub library_open: bool,
    /// What the last import did.
    pub import: Option<ImportOutcome>,
    /// The editor's annotations a change of the text could not place (the
    /// current layer's, shared so the page compares a pointer).
    pub orphans: Rc<Vec<Orphaned>>,
    /// The claim whose note is being typed, when the current undo step is
    /// that typing (the next letters amend it instead of adding a step).
    pub typing: Option<AttrValue>,
    /// A document that failed to open at the last start, offered once.
    pub failed: Option<Rc<SavedDocument>>,
    /// True while the open document is shown without its highlighted
    /// article (it failed to open before).
    pub safe_mode: bool,
}

/// Which annotations the lists show. `None` in a field means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only quotes, claims or page noise.
    pub kind: Option<Kind>,
    /// Only automatic or only the editor's annotations.
    pub origin: Option<Origin>,
    /// Only claims with this fact-check status.
    pub status: Option<ClaimStatus>,
    /// Only quotes of this speaker (id).
    pub speaker: Option<AttrValue>,
}

impl Filter {
    /// True when annotations of `kind` and `origin` are shown.
    pub fn shows(&self, kind: Kind, origin: Origin) -> bool {
        self.kind.is_none_or(|k| k == kind) && self.origin.is_none_or(|o| o == origin)
    }
}

/// What the editor marks a selection of the article as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A new quote (direct, speaker to be given).
    Quote,
    /// A new claim.
    Claim,
    /// The speaker mention of the selected quote.
    Mention,
    /// The cue word(s) of the selected quote.
    Cue,
    /// Where the orphan at this index goes back, with its details.
    Orphan(usize),
}

/// What can happen on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The user typed or deleted: the textarea's whole new value.
    Edit(AttrValue),
    /// The user pasted `pasted` over the UTF-16 selection `start..end`:
    /// insert it and analyse.
    Paste {
        /// The pasted plain text.
        pasted: AttrValue,
        /// Selection start (UTF-16 units).
        start: u32,
        /// Selection end (UTF-16 units).
        end: u32,
    },
    /// The language select changed.
    SetLanguage(LangChoice),
    /// The Analyse button.
    Analyse,
    /// A paste was refused (empty, or too large); the text is unchanged.
    PasteRefused(Notice),
    /// The interface-language switcher changed.
    SetUiLang(UiLang),
    /// An annotation was clicked or reached with the keyboard (or none).
    Select(Option<AttrValue>),
    /// Mark the article selection `start16..end16` (UTF-16 units of the
    /// text) as a quote, a claim or the selected quote's speaker mention.
    /// The range is snapped to whole words first.
    MarkSelection {
        /// What to mark it as.
        mark: Mark,
        /// Selection start.
        start16: u32,
        /// Selection end.
        end16: u32,
    },
    /// Select the next (`true`) or previous annotation in document order.
    Step(bool),
    /// Give the quote `quote` a new speaker called `name`, in one step.
    NewSpeaker {
        /// The quote's id.
        quote: AttrValue,
        /// The new speaker's name.
        name: AttrValue,
    },
    /// Open or close the keyboard-shortcut help.
    ToggleHelp,
    /// Change what the lists show.
    SetFilter(Filter),
    /// Any other change to the annotations.
    Apply(Edit),
    /// A fact-check note being typed (every input event): saved at once,
    /// so closing the tab mid-word keeps it; a run of typing in one note
    /// is one undo step.
    TypeNote {
        /// The claim's id.
        id: AttrValue,
        /// The note as typed so far.
        note: AttrValue,
    },
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z, Ctrl+Y.
    Redo,
    /// Storage was opened at start: its status, the library and the
    /// document open last (restored exactly, with its undo position).
    Started {
        /// Whether autosave works.
        storage: StorageStatus,
        /// The saved documents.
        library: Rc<Library>,
        /// The document to reopen.
        doc: Option<Rc<SavedDocument>>,
        /// The document open last, when the previous start never finished
        /// drawing it: not reopened, offered once in safe mode.
        failed: Option<Rc<SavedDocument>>,
    },
    /// Open the document that failed to open, in safe mode: its text and
    /// lists, no highlighted article.
    OpenSafely,
    /// Open a saved or imported document (the open one is saved first).
    Open(Rc<SavedDocument>),
    /// Start a new, empty document.
    NewDocument,
    /// A save finished.
    Saved {
        /// The document's `DocMeta::seq` when the save was taken.
        seq: u32,
        /// The id it was saved under.
        id: AttrValue,
        /// Its creation time.
        created_ms: f64,
        /// The new library, or why the save failed.
        result: Result<Rc<Library>, StorageError>,
    },
    /// Storage failed outside a save (library actions).
    StorageFailed(StorageError),
    /// The library changed (rename, duplicate, restore).
    LibraryChanged(Rc<Library>),
    /// Rename the open document.
    SetTitle(AttrValue),
    /// A document was deleted from the library.
    Deleted(Trash, Rc<Library>),
    /// The deletion was undone (the record is back in storage).
    Undeleted(Rc<Library>),
    /// Show or hide the library.
    ToggleLibrary,
    /// An `isnad/1` file opened as a new document, or W3C annotations were
    /// placed on the open text; `orphans` could not be placed.
    Imported {
        /// The file's name.
        file: AttrValue,
        /// The file's annotations on the open text (W3C), or its own
        /// document (`isnad/1`).
        analysis: Rc<Analysis>,
        /// True when the file brings its own text.
        opens: bool,
        /// (exact text, why) of each annotation not placed.
        orphans: Rc<Vec<(AttrValue, AttrValue)>>,
    },
    /// An import was refused with this message.
    ImportFailed(AttrValue),
    /// The embedding page set the text, or a text with its annotations.
    Replace(crate::config::Initial),
    /// The effect finished the analysis of request `generation`.
    Analysed {
        /// The request it answers.
        generation: u32,
        /// The result.
        report: Rc<Report>,
    },
}

impl State {
    /// True when there is nothing to analyse: the page shows a hint.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when the shown report was made from a different text.
    pub fn is_stale(&self) -> bool {
        self.report.is_some() && self.analysed_text != self.text
    }

    /// Requests an analysis of the current text, or clears the results when
    /// the text is blank.
    fn analyse(mut self) -> State {
        if self.is_blank() {
            self.request = None;
            self.report = None;
            return self;
        }
        self.generation = self.generation.wrapping_add(1);
        self.request = Some(Request {
            generation: self.generation,
            text: self.text.clone(),
            language: self.language,
        });
        self
    }
}

impl State {
    /// The edit that marks a selection; `None` when the selection holds no
    /// word, or a mention is marked with no quote selected.
    fn mark_edit(&self, mark: Mark, start16: u32, end16: u32) -> Option<Edit> {
        let report = self.report.as_ref()?;
        let text = &report.analysis.text;
        let span = isnad_engine::render::snap_utf16(text, start16 as usize, end16 as usize)
            .filter(|s| !s.is_empty())?;
        Some(match mark {
            Mark::Quote => Edit::Add {
                span,
                detail: Detail::Quote(QuoteInfo {
                    form: QuoteForm::Direct,
                    speaker: None,
                    cue: None,
                    mention: None,
                }),
            },
            Mark::Claim => Edit::Add {
                span,
                detail: Detail::Claim(ClaimInfo {
                    categories: Vec::new(),
                    score: 1.0,
                    ..Default::default()
                }),
            },
            Mark::Mention => Edit::SetMention(self.selected.as_ref()?.to_string(), Some(span)),
            Mark::Cue => Edit::SetCue(self.selected.as_ref()?.to_string(), Some(span)),
            Mark::Orphan(index) => Edit::PlaceOrphan(index, span),
        })
    }

    /// The annotation after (or before) the selected one, in document
    /// order; from no selection, the first (or last).
    fn step(&self, forward: bool) -> Option<AttrValue> {
        let annotations = &self.history.as_ref()?.current().annotations;
        if annotations.is_empty() {
            return None;
        }
        let at = self
            .selected
            .as_ref()
            .and_then(|id| annotations.iter().position(|a| a.id == id.as_str()));
        let i = match (at, forward) {
            (None, true) => 0,
            (None, false) => annotations.len() - 1,
            (Some(i), true) => (i + 1).min(annotations.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        Some(AttrValue::from(annotations[i].id.clone()))
    }

    /// Applies an edit; a refused one (stale id, bad range) changes nothing.
    fn apply(mut self, edit: &Edit) -> State {
        let Some(report) = self.report.clone() else {
            return self;
        };
        let Some(history) = self.history.as_mut() else {
            return self;
        };
        // The ids before the edit (shared, not copied: the layer is an Rc),
        // to find the annotation the edit added.
        let before = history.current().clone();
        if let Err(error) = history.apply(&report.analysis.text, edit) {
            self.notice = Some(match error {
                EditError::EmptyName => Notice::EmptyName,
                _ => Notice::EditRefused,
            });
            return self;
        }
        self.notice = None;
        // A new annotation becomes the selection; a deleted one stops being it.
        let current = history.current();
        let added = (current.annotations.len() > before.annotations.len())
            .then(|| {
                let known: std::collections::HashSet<&str> =
                    before.annotations.iter().map(|a| a.id.as_str()).collect();
                current
                    .annotations
                    .iter()
                    .find(|a| !known.contains(a.id.as_str()))
            })
            .flatten()
            .map(|a| AttrValue::from(a.id.clone()));
        if added.is_some() {
            self.selected = added;
        } else if let Some(sel) = &self.selected {
            if history.current().annotation(sel).is_none() {
                self.selected = None;
            }
        }
        self.refresh();
        self
    }

    /// Rebuilds the shown report from the history's current layer. A layer
    /// on another text (undo or redo across a change of the text) brings
    /// that text back into the text box.
    fn refresh(&mut self) {
        let (Some(report), Some(history)) = (&self.report, &self.history) else {
            return;
        };
        let current = history.current();
        if current.orphans != *self.orphans {
            self.orphans = Rc::new(current.orphans.clone());
        }
        let analysis: Analysis = current.to_analysis(&report.analysis);
        let same_text = analysis.text == report.analysis.text;
        if same_text
            && analysis.annotations == report.analysis.annotations
            && analysis.speakers == report.analysis.speakers
        {
            return;
        }
        if !same_text {
            self.text = AttrValue::from(analysis.text.clone());
            self.analysed_text = self.text.clone();
            self.request = None;
            if let Some(sel) = &self.selected {
                if current.annotation(sel).is_none() {
                    self.selected = None;
                }
            }
        }
        self.report = Some(Rc::new(report.updated(analysis)));
    }

    /// True when the open document holds the editor's work: annotations
    /// made, changed or accepted, or orphans waiting to be placed.
    pub fn has_editorial_work(&self) -> bool {
        self.history.as_ref().is_some_and(|h| {
            let current = h.current();
            !current.orphans.is_empty()
                || current
                    .annotations
                    .iter()
                    .any(|a| a.origin == Origin::Editor)
        })
    }
}

/// Replaces the UTF-16 range `start..end` of `text` with `pasted`; returns
/// the new text and the UTF-16 position just after the pasted part. Ranges
/// outside the text are clamped to its end.
pub fn splice_utf16(text: &str, start: u32, end: u32, pasted: &str) -> (String, u32) {
    let map = OffsetMap::new(text);
    let at = |unit: u32| map.byte_of_utf16(unit as usize).unwrap_or(text.len());
    let (a, b) = (at(start.min(end)), at(start.max(end)));
    let mut out = String::with_capacity(text.len() - (b - a) + pasted.len());
    out.push_str(&text[..a]);
    out.push_str(pasted);
    out.push_str(&text[b..]);
    let caret = OffsetMap::new(&out).utf16_of_byte(a + pasted.len());
    (out, u32::try_from(caret).unwrap_or(u32::MAX))
}

impl State {
    /// The editor's state as a saved document (the id and times are the
    /// caller's: the reducer has no clock).
    pub fn snapshot(&self, id: &str, created_ms: f64, now_ms: f64) -> SavedDocument {
        let title = if self.doc.title.is_empty() {
            self.derived_title()
        } else {
            self.doc.title.to_string()
        };
        // A very long text saves its current layer only (with the editor's
        // rejections): copying and writing fifty layers of it on every save
        // would cost seconds.
        let current_only = self
            .history
            .as_ref()
            .filter(|_| self.text.len() > HISTORY_SAVE_LIMIT)
            .and_then(|h| History::from_layers(vec![h.current().as_ref().clone()], 0));
        let history = current_only.as_ref().or(self.history.as_ref());
        SavedDocument::new(
            id,
            &title,
            created_ms,
            now_ms,
            &self.text,
            self.language.lang(),
            self.report.as_ref().map(|r| r.analysis.as_ref()),
            history,
        )
    }

    /// The title the document has when the editor gave it none: the first
    /// line that is not page noise.
    pub fn derived_title(&self) -> String {
        match &self.report {
            Some(report) if !self.is_stale() => {
                isnad_engine::store::title_of_analysis(&report.analysis)
            }
            _ => isnad_engine::store::title_of(&self.text),
        }
    }

    /// True when there is something worth saving.
    pub fn has_document(&self) -> bool {
        !self.is_blank() || !self.doc.id.is_empty()
    }

    /// The page showing `doc`, exactly as it was saved.
    fn open_document(mut self, doc: &SavedDocument) -> State {
        self.safe_mode = false;
        self.doc = DocMeta {
            id: AttrValue::from(doc.id.clone()),
            title: AttrValue::from(doc.title.clone()),
            created_ms: doc.created_ms,
            seq: self.doc.seq.wrapping_add(1),
        };
        // A derived title stays derived: it follows the text.
        let derived = match &doc.analysis {
            Some(a) if a.text == doc.text => isnad_engine::store::title_of_analysis(a),
            _ => isnad_engine::store::title_of(&doc.text),
        };
        if doc.title == derived {
            self.doc.title = AttrValue::default();
        }
        self.text = AttrValue::from(doc.text.clone());
        self.language = match doc.language {
            None => LangChoice::Auto,
            Some(Lang::Ar) => LangChoice::Ar,
            Some(Lang::En) => LangChoice::En,
            Some(Lang::Fr) => LangChoice::Fr,
        };
        self.request = None;
        self.caret = None;
        self.selected = None;
        self.notice = None;
        self.import = None;
        self.filter = Filter::default();
        self.history = doc.resume_history();
        self.orphans = Rc::new(
            self.history
                .as_ref()
                .map(|h| h.current().orphans.clone())
                .unwrap_or_default(),
        );
        match (&doc.analysis, &self.history) {
            (Some(analysis), Some(history)) => {
                self.analysed_text = AttrValue::from(analysis.text.clone());
                let current = history.current().to_analysis(analysis);
                self.report = Some(Rc::new(Report::from_analysis(
                    current,
                    doc.language.is_none(),
                )));
            }
            _ => {
                self.analysed_text = AttrValue::default();
                self.report = None;
                if !self.is_blank() {
                    self = self.analyse();
                }
            }
        }
        self
    }

    /// The page showing what an embedding page (or `mount()`) gave.
    pub fn replace(self, initial: crate::config::Initial) -> State {
        match initial {
            // The embedding page's new text is this document's text edited
            // (a typo fixed in the CMS): the editor's work moves onto it
            // when it is analysed, and what cannot be placed is listed.
            crate::config::Initial::Text(text) if self.has_editorial_work() => {
                let mut next = self;
                next.text = AttrValue::from(text);
                next.selected = None;
                next.analyse()
            }
            crate::config::Initial::Text(text) => {
                let language = self.language;
                let mut next = self.blank_document();
                next.language = language;
                next.text = AttrValue::from(text);
                next.analyse()
            }
            crate::config::Initial::Document(analysis) => {
                let language = match self.language {
                    LangChoice::Auto => None,
                    _ => Some(analysis.language),
                };
                let doc = SavedDocument::new(
                    "",
                    "",
                    0.0,
                    0.0,
                    &analysis.text,
                    language,
                    Some(&analysis),
                    None,
                );
                let mut next = self.open_document(&doc);
                next.doc.title = AttrValue::default();
                next
            }
        }
    }

    /// An empty page for a new document.
    fn blank_document(mut self) -> State {
        self.safe_mode = false;
        self.doc = DocMeta {
            seq: self.doc.seq.wrapping_add(1),
            ..DocMeta::default()
        };
        self.text = AttrValue::default();
        self.request = None;
        self.report = None;
        self.history = None;
        self.orphans = Rc::default();
        self.analysed_text = AttrValue::default();
        self.selected = None;
        self.notice = None;
        self.import = None;
        self.caret = None;
        self.filter = Filter::default();
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Any other intent ends a run of typing in a note.
        if !matches!(
            action,
            Action::TypeNote { .. }
                | Action::Saved { .. }
                | Action::LibraryChanged(_)
                | Action::StorageFailed(_)
        ) {
            next.typing = None;
        }
        match action {
            Action::Edit(text) => {
                next.notice = None;
                next.text = text;
                if next.is_blank() && !next.has_editorial_work() {
                    next.report = None;
                    next.request = None;
                    next.history = None;
                    next.orphans = Rc::default();
                    next.selected = None;
                }
                next.caret = None;
            }
            Action::Paste { pasted, start, end } => {
                next.notice = None;
                let whole = start.min(end) == 0
                    && start.max(end) as usize >= next.text.encode_utf16().count();
                if whole && !next.is_blank() && next.has_editorial_work() {
                    // Another article over the whole text: a new document,
                    // so the work on this one is kept (autosave writes it
                    // before the new one replaces it).
                    let language = next.language;
                    next = next.blank_document();
                    next.language = language;
                    next.notice = Some(Notice::PastedAsNew);
                }
                let (text, at) = splice_utf16(&next.text, start, end, &pasted);
                next.text = AttrValue::from(text);
                let seq = next.caret.map_or(0, |c| c.seq.wrapping_add(1));
                next.caret = Some(Caret { seq, at });
                next = next.analyse();
            }
            Action::SetLanguage(language) => {
                next.language = language;
                if next.report.is_some() || next.request.is_some() {
                    next = next.analyse();
                }
            }
            Action::Analyse => next = next.analyse(),
            Action::SetUiLang(ui) => next.ui = ui,
            Action::Select(id) => next.selected = id,
            Action::Step(forward) => next.selected = next.step(forward),
            Action::ToggleHelp => next.help = !next.help,
            Action::SetFilter(filter) => next.filter = filter,
            Action::NewSpeaker { quote, name } => {
                let (Some(report), Some(history)) = (next.report.clone(), next.history.as_mut())
                else {
                    return self;
                };
                // A name the article already has is that speaker, not a
                // second one of the same name.
                let wanted = name.trim().to_lowercase();
                let existing = history
                    .current()
                    .speakers
                    .iter()
                    .find(|s| s.name.trim().to_lowercase() == wanted)
                    .map(|s| s.id.clone());
                if let Some(existing) = existing {
                    let edit = Edit::SetSpeaker(quote.to_string(), Some(existing));
                    return Rc::new(next.apply(&edit));
                }
                let id = history.current().next_speaker_id();
                let edits = [
                    Edit::AddSpeaker {
                        id: id.clone(),
                        name: name.to_string(),
                        title: None,
                    },
                    Edit::SetSpeaker(quote.to_string(), Some(id)),
                ];
                if history.apply_all(&report.analysis.text, &edits).is_err() {
                    return self;
                }
                next.refresh();
            }
            Action::MarkSelection {
                mark,
                start16,
                end16,
            } => {
                let Some(edit) = next.mark_edit(mark, start16, end16) else {
                    return self;
                };
                return Rc::new(next.apply(&edit));
            }
            Action::Apply(edit) => return Rc::new(next.apply(&edit)),
            Action::TypeNote { id, note } => {
                let (Some(report), Some(history)) = (next.report.clone(), next.history.as_mut())
                else {
                    return self;
                };
                let status = match history.current().annotation(&id).map(|a| &a.detail) {
                    Some(Detail::Claim(c)) => c.status,
                    _ => return self,
                };
                let edit = Edit::SetReview(id.to_string(), status, note.to_string());
                let Ok(layer) =
                    isnad_engine::edit::apply(&report.analysis.text, history.current(), &edit)
                else {
                    return self;
                };
                if next.typing.as_ref() == Some(&id) {
                    history.amend(layer);
                } else {
                    history.push(layer);
                    next.typing = Some(id);
                }
                next.notice = None;
                next.refresh();
            }
            Action::Undo => {
                if next.history.as_mut().is_some_and(History::undo) {
                    next.refresh();
                }
            }
            Action::Redo => {
                if next.history.as_mut().is_some_and(History::redo) {
                    next.refresh();
                }
            }
            Action::PasteRefused(notice) => next.notice = Some(notice),
            Action::Started {
                storage,
                library,
                doc,
                failed,
            } => {
                next.storage = storage;
                next.library = library;
                next.failed = failed;
                // Only when the editor has not started typing meanwhile.
                if let (Some(doc), false) = (doc, next.has_document()) {
                    next = next.open_document(&doc);
                }
            }
            Action::Open(doc) => {
                next = next.open_document(&doc);
                next.failed = None;
            }
            Action::OpenSafely => {
                if let Some(doc) = next.failed.take() {
                    next = next.open_document(&doc);
                    next.safe_mode = true;
                }
            }
            Action::NewDocument => next = next.blank_document(),
            Action::Saved {
                seq,
                id,
                created_ms,
                result,
            } => {
                if seq == next.doc.seq && next.doc.id.is_empty() {
                    next.doc.id = id;
                    next.doc.created_ms = created_ms;
                }
                match result {
                    Ok(library) => {
                        next.storage = StorageStatus::On;
                        next.library = library;
                    }
                    Err(error) => next.storage = StorageStatus::after(&error),
                }
            }
            Action::StorageFailed(error) => next.storage = StorageStatus::after(&error),
            Action::LibraryChanged(library) => next.library = library,
            Action::SetTitle(title) => next.doc.title = AttrValue::from(title.trim().to_string()),
            Action::Deleted(trash, library) => {
                next.library = library;
                if trash.was_open {
                    next = next.blank_document();
                }
                next.trash = Some(trash);
            }
            Action::Undeleted(library) => {
                next.library = library;
                next.trash = None;
            }
            Action::ToggleLibrary => next.library_open = !next.library_open,
            Action::ImportFailed(message) => next.import = Some(ImportOutcome::Failed(message)),
            Action::Replace(initial) => next = next.replace(initial),
            Action::Imported {
                file,
                analysis,
                opens,
                orphans,
            } => {
                let mut placed = analysis.annotations.len();
                let (mut merged, mut already) = (0, 0);
                if opens {
                    let doc = SavedDocument::new(
                        "",
                        &isnad_engine::store::title_of(&analysis.text),
                        0.0,
                        0.0,
                        &analysis.text,
                        Some(analysis.language),
                        Some(&analysis),
                        None,
                    );
                    next = next.open_document(&doc);
                    next.doc.title = AttrValue::default();
                } else {
                    let (Some(history), Some(_)) = (next.history.as_mut(), next.report.as_ref())
                    else {
                        return self;
                    };
                    let (layer, counts) =
                        isnad_engine::edit::merge_imported(history.current(), &analysis);
                    (placed, merged, already) = (counts.added, counts.merged, counts.already);
                    // Nothing new: no empty undo step.
                    if layer != **history.current() {
                        history.push(layer);
                        next.refresh();
                    }
                }
                next.import = Some(ImportOutcome::Done {
                    file,
                    placed,
                    merged,
                    already,
                    orphans,
                });
            }
            Action::Analysed { generation, report } => {
                match &next.request {
                    Some(request) if request.generation == generation => {
                        // Re-analysing the same text keeps the editor's work.
                        let same_text = next.analysed_text == request.text;
                        next.analysed_text = request.text.clone();
                        next.request = None;
                        let fresh = report.analysis.clone();
                        match next.history.as_mut() {
                            Some(history) if same_text => {
                                let merged = merge_analysis(history.current(), &fresh);
                                history.push(merged);
                            }
                            // The text changed: the editor's work moves onto
                            // it, in the same undoable step as the analysis.
                            Some(history) => {
                                let had_work = history
                                    .current()
                                    .annotations
                                    .iter()
                                    .any(|a| a.origin == Origin::Editor);
                                let (carried, how) = carry_over(history.current(), &fresh);
                                history.push(carried);
                                if had_work {
                                    next.notice = Some(Notice::Carried {
                                        placed: how.placed,
                                        orphaned: how.orphaned,
                                    });
                                }
                                if let Some(sel) = &next.selected {
                                    if history.current().annotation(sel).is_none() {
                                        next.selected = None;
                                    }
                                }
                            }
                            _ => {
                                next.history = Some(History::new(Layer::from_analysis(&fresh)));
                                next.selected = None;
                            }
                        }
                        next.report = Some(report);
                        next.refresh();
                    }
                    // An answer to an older request: a newer one is pending.
                    _ => return self,
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn empty_report() -> Rc<Report> {
        Rc::new(Report::build("", Some(Lang::En), Default::default()))
    }

    #[test]
    fn splice_counts_utf16_units() {
        // "😀" is two UTF-16 units; "ا" one.
        assert_eq!(splice_utf16("😀ا", 2, 2, "ب"), ("😀با".to_string(), 3));
        assert_eq!(splice_utf16("abc", 1, 2, "XY"), ("aXYc".to_string(), 3));
        assert_eq!(splice_utf16("abc", 2, 1, ""), ("ac".to_string(), 1));
        assert_eq!(splice_utf16("ab", 99, 99, "c"), ("abc".to_string(), 3));
        assert_eq!(splice_utf16("", 0, 0, "قال"), ("قال".to_string(), 3));
    }

    #[test]
    fn paste_inserts_and_requests_analysis() {
        let state = reduce(
            State::default(),
            Action::Paste {
                pasted: "قال الوزير".into(),
                start: 0,
                end: 0,
            },
        );
        assert_eq!(state.text.as_str(), "قال الوزير");
        assert_eq!(state.caret.map(|c| c.at), Some(10));
        let request = state.request.clone().expect("a request");
        assert_eq!(request.text.as_str(), "قال الوزير");
        assert_eq!(request.generation, state.generation);
    }

    #[test]
    fn blank_text_requests_nothing_and_clears_results() {
        let state = State {
            report: Some(empty_report()),
            ..State::default()
        };
        let state = reduce(state, Action::Edit("  \n".into()));
        assert!(state.is_blank());
        assert!(state.report.is_none());
        let state = reduce(state, Action::Analyse);
        assert!(state.request.is_none());
    }

    #[test]
    fn only_the_latest_answer_is_kept() {
        let state = reduce(State::default(), Action::Edit("one".into()));
        let state = reduce(state, Action::Analyse);
        let old = state.generation;
        let state = reduce(state, Action::Edit("two".into()));
        let state = reduce(state, Action::Analyse);
        let stale = reduce(
            state.clone(),
            Action::Analysed {
                generation: old,
                report: empty_report(),
            },
        );
        assert!(stale.report.is_none());
        assert!(stale.request.is_some());
        let fresh = reduce(
            state.clone(),
            Action::Analysed {
                generation: state.generation,
                report: empty_report(),
            },
        );
        assert!(fresh.report.is_some());
        assert!(fresh.request.is_none());
        assert!(!fresh.is_stale());
        assert!(reduce(fresh, Action::Edit("three".into())).is_stale());
    }

    #[test]
    fn language_change_reanalyses_shown_results_only() {
        let state = reduce(State::default(), Action::Edit("text".into()));
        let state = reduce(state, Action::SetLanguage(LangChoice::Fr));
        assert!(state.request.is_none());
        let state = reduce(state, Action::Analyse);
        let generation = state.generation;
        let state = reduce(
            state,
            Action::Analysed {
                generation,
                report: empty_report(),
            },
        );
        let state = reduce(state, Action::SetLanguage(LangChoice::Ar));
        assert_eq!(state.request.map(|r| r.language), Some(LangChoice::Ar));
    }

    /// A state showing the analysis of `text`, as after a paste.
    fn analysed(text: &str) -> State {
        analyse_now(reduce(State::default(), Action::Edit(text.into())))
    }

    fn editor_claims(state: &State) -> Vec<String> {
        let report = state.report.as_ref().expect("a report");
        report
            .claims
            .iter()
            .filter(|c| c.id.starts_with('e'))
            .map(|c| c.text.to_string())
            .collect()
    }

    #[test]
    fn marking_snaps_to_words_and_undo_redo_walk_back() {
        let text = "Officials met on Tuesday in Paris.";
        let state = analysed(text);
        // "fficials met on Tues" in UTF-16 units: mid-word at both ends.
        let state = marked(state, Mark::Claim, 1, 20);
        assert_eq!(editor_claims(&state), ["Officials met on Tuesday"]);
        assert!(state
            .selected
            .as_deref()
            .is_some_and(|id| id.starts_with('e')));
        let undone = reduce(state.clone(), Action::Undo);
        assert!(editor_claims(&undone).is_empty());
        assert_eq!(
            undone.selected, state.selected,
            "undo keeps the selection field"
        );
        let redone = reduce(undone, Action::Redo);
        assert_eq!(editor_claims(&redone), ["Officials met on Tuesday"]);
    }

    /// The article selection `start16..end16` marked as `mark`.
    fn marked(state: State, mark: Mark, start16: u32, end16: u32) -> State {
        reduce(
            state,
            Action::MarkSelection {
                mark,
                start16,
                end16,
            },
        )
    }

    /// Analyses the state's current text (the Analyse button, then the
    /// effect's answer).
    fn analyse_now(state: State) -> State {
        let state = reduce(state, Action::Analyse);
        let generation = state.generation;
        let text = state.text.to_string();
        let report = Rc::new(Report::build(&text, Some(Lang::En), Default::default()));
        reduce(state, Action::Analysed { generation, report })
    }

    #[test]
    fn a_text_edit_then_analyse_keeps_the_work_and_one_undo_restores_the_old_text() {
        let text = "Officials met on Tuesday in Paris.";
        let state = analysed(text);
        let state = marked(state, Mark::Claim, 0, 24);
        let id = state.selected.clone().expect("the new claim");
        let state = reduce(
            state,
            Action::Apply(Edit::SetReview(
                id.to_string(),
                ClaimStatus::False,
                "no meeting".into(),
            )),
        );
        let edited = "Officials met on Tuesday in Paris, again.";
        let state = analyse_now(reduce(state, Action::Edit(edited.into())));
        assert_eq!(state.text.as_str(), edited);
        assert_eq!(editor_claims(&state), ["Officials met on Tuesday"]);
        let layer = state.history.as_ref().expect("a history").current().clone();
        let claim = layer
            .annotations
            .iter()
            .find(|a| a.origin == Origin::Editor)
            .expect("the claim moved");
        assert!(
            matches!(&claim.detail, Detail::Claim(c) if c.status == ClaimStatus::False && c.note == "no meeting")
        );
        assert_eq!(
            state.notice,
            Some(Notice::Carried {
                placed: 1,
                orphaned: 0
            })
        );
        let undone = reduce(state.clone(), Action::Undo);
        assert_eq!(undone.text.as_str(), text);
        assert_eq!(
            undone.report.as_ref().map(|r| r.analysis.text.as_str()),
            Some(text)
        );
        assert_eq!(editor_claims(&undone), ["Officials met on Tuesday"]);
        let redone = reduce(undone, Action::Redo);
        assert_eq!(redone.text.as_str(), edited);
    }

    #[test]
    fn work_that_cannot_be_placed_is_listed_and_can_be_placed_again() {
        let state = analysed("Officials met on Tuesday in Paris.");
        let state = marked(state, Mark::Quote, 0, 9);
        let state = analyse_now(reduce(
            state,
            Action::Edit("The board voted in Rome.".into()),
        ));
        assert_eq!(state.orphans.len(), 1);
        assert_eq!(state.orphans[0].exact, "Officials");
        let placed = marked(state, Mark::Orphan(0), 4, 9);
        assert!(placed.orphans.is_empty());
        let report = placed.report.as_ref().expect("a report");
        assert!(report.quotes.iter().any(|q| q.content.as_str() == "board"));
        let undone = reduce(placed, Action::Undo);
        assert_eq!(undone.orphans.len(), 1);
    }

    #[test]
    fn pasting_over_the_whole_text_of_worked_on_document_opens_a_new_one() {
        let text = "Officials met on Tuesday in Paris.";
        let state = analysed(text);
        let plain = reduce(
            state.clone(),
            Action::Paste {
                pasted: "Another story.".into(),
                start: 0,
                end: 34,
            },
        );
        assert_eq!(plain.doc.seq, state.doc.seq, "no work: the same document");
        let state = marked(state, Mark::Claim, 0, 24);
        let pasted = reduce(
            state.clone(),
            Action::Paste {
                pasted: "Another story.".into(),
                start: 0,
                end: 34,
            },
        );
        assert_ne!(pasted.doc.seq, state.doc.seq);
        assert!(pasted.history.is_none());
        assert_eq!(pasted.text.as_str(), "Another story.");
        assert_eq!(pasted.notice, Some(Notice::PastedAsNew));
    }

    #[test]
    fn a_new_speaker_with_an_existing_name_is_that_speaker() {
        let state = analysed("\"We will not resign,\" Jane Smith said.\nOfficials met in Paris.");
        let speakers = |s: &State| s.history.as_ref().map_or(0, |h| h.current().speakers.len());
        let before = speakers(&state);
        let state = marked(state, Mark::Quote, 33, 51);
        let quote = state.selected.clone().expect("the new quote");
        let named = reduce(
            state,
            Action::NewSpeaker {
                quote: quote.clone(),
                name: " jane smith ".into(),
            },
        );
        assert_eq!(speakers(&named), before);
        let layer = named.history.as_ref().expect("a history").current().clone();
        let given = layer.annotation(&quote).and_then(|a| match &a.detail {
            Detail::Quote(q) => q.speaker.clone(),
            _ => None,
        });
        let speaker = given.and_then(|id| {
            layer
                .speakers
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone())
        });
        assert_eq!(speaker.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn blank_selections_and_mentions_without_a_quote_change_nothing() {
        let state = analysed("Officials met on Tuesday in Paris.");
        let blank = marked(state.clone(), Mark::Quote, 9, 10);
        assert_eq!(blank.history, state.history);
        let state = reduce(state, Action::Select(None));
        let mention = marked(state.clone(), Mark::Mention, 0, 9);
        assert_eq!(mention.history, state.history);
    }

    #[test]
    fn option_values_round_trip() {
        for choice in LangChoice::ALL {
            assert_eq!(LangChoice::from_value(choice.value()), choice);
        }
        assert_eq!(LangChoice::from_value("xx"), LangChoice::Auto);
    }
}
