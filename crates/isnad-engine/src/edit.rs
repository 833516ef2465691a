//! The editor's model: the annotations of one text as an editor corrects
//! them. Every change is an [`Edit`] applied by a pure function to an
//! immutable [`Layer`]; [`History`] keeps the layers for undo and redo, and
//! [`merge_analysis`] folds a fresh automatic analysis in without ever
//! overwriting the editor's own work.
//!
//! Layers are shared (`Rc`): an edit copies the annotation list once and
//! undo is a cursor move, so undo then redo returns the very same state.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use thiserror::Error;

use crate::model::{
    Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Origin, QuoteForm,
    QuoteInfo, Span, Speaker,
};

/// What went wrong applying an edit. The layer is left unchanged.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// No annotation has this id.
    #[error("no annotation {0:?}")]
    NoAnnotation(String),
    /// No speaker has this id.
    #[error("no speaker {0:?}")]
    NoSpeaker(String),
    /// The span is empty, outside the text, or not on character boundaries.
    #[error("the range {start}..{end} is not a piece of the text")]
    BadSpan {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
    },
    /// The edit needs a different kind of annotation ("set the form" of a claim).
    #[error("annotation {id:?} is a {found:?}, not a {wanted:?}")]
    WrongKind {
        /// The annotation id.
        id: String,
        /// Its kind.
        found: Kind,
        /// The kind the edit works on.
        wanted: Kind,
    },
    /// A speaker name must have a letter in it.
    #[error("a speaker needs a name")]
    EmptyName,
    /// Merging a speaker into itself.
    #[error("a speaker cannot be merged into itself")]
    SelfMerge,
    /// No orphan at this index.
    #[error("no orphaned annotation number {0}")]
    NoOrphan(usize),
}

/// One user intent on the annotations. Every edit that touches an
/// automatic annotation makes it the editor's (origin `editor`).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Mark a piece of text as a quote, claim or page noise.
    Add {
        /// The range (bytes).
        span: Span,
        /// What it is; for a quote, its form and speaker.
        detail: Detail,
    },
    /// Delete an annotation; a deleted automatic one stays rejected when
    /// the text is analysed again.
    Delete(String),
    /// Keep an automatic annotation as the editor's own.
    Accept(String),
    /// Move an annotation's range.
    SetSpan(String, Span),
    /// Give a quote a speaker (or none).
    SetSpeaker(String, Option<String>),
    /// Change a quote's form.
    SetForm(String, QuoteForm),
    /// Change a quote's cue word(s).
    SetCue(String, Option<Span>),
    /// Change a quote's speaker mention.
    SetMention(String, Option<Span>),
    /// Change a claim's categories.
    SetCategories(String, Vec<ClaimCategory>),
    /// Record a fact-check: the claim's status and note.
    SetReview(String, ClaimStatus, String),
    /// Add a speaker; its id is `id` (see [`Layer::next_speaker_id`]).
    AddSpeaker {
        /// The new speaker's id.
        id: String,
        /// Canonical name.
        name: String,
        /// Title or role.
        title: Option<String>,
    },
    /// Rename a speaker (name and title).
    RenameSpeaker {
        /// The speaker id.
        id: String,
        /// New canonical name.
        name: String,
        /// New title.
        title: Option<String>,
    },
    /// Merge the first speaker into the second: its quotes and mentions
    /// move, and it is removed.
    MergeSpeakers(String, String),
    /// Put the orphan at this index of [`Layer::orphans`] back on a piece
    /// of the text, with all its details; it leaves the orphan list.
    PlaceOrphan(usize, Span),
    /// Discard the orphan at this index (undo brings it back).
    DropOrphan(usize),
}

/// The annotations and speakers of a document at one moment of editing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layer {
    /// The text the spans refer to. A change of the text is a layer of its
    /// own (see [`carry_over`]), so undo brings the old text back with the
    /// annotations that were on it.
    pub text: Rc<str>,
    /// Annotations in document order.
    pub annotations: Vec<Annotation>,
    /// Speakers that quotes refer to by id.
    pub speakers: Vec<Speaker>,
    /// Automatic annotations the editor deleted: (kind, span). Analysing
    /// again does not bring them back.
    pub rejected: Vec<(Kind, Span)>,
    /// The number used for the next editor-made id.
    pub next_id: u64,
    /// The editor's annotations that a change of the text could not place:
    /// listed until the editor places them again or discards them, never
    /// dropped silently.
    pub orphans: Vec<Orphaned>,
}

/// An editor's annotation (made, changed or accepted) that a change of the
/// text could not place, kept whole: status, note, categories, speaker and
/// form survive, so the editor can put it back on a piece of the new text.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphaned {
    /// The annotation as it was. Its span is `0..exact.len()` (it refers to
    /// [`Orphaned::exact`]); a cue or mention is kept only when it was
    /// inside that span, shifted the same way.
    pub annotation: Annotation,
    /// The text it was on.
    pub exact: String,
    /// A quote's speaker as it was (mentions dropped), so that placing the
    /// quote again can find that speaker or bring it back.
    pub speaker: Option<Speaker>,
}

impl Orphaned {
    /// `annotation` of `text`, cut loose from it.
    fn of(text: &str, annotation: &Annotation, speakers: &[Speaker]) -> Orphaned {
        let span = annotation.span;
        let inside = |s: Option<Span>| {
            s.filter(|s| s.start >= span.start && s.end <= span.end)
                .map(|s| Span::new(s.start - span.start, s.end - span.start))
        };
        let mut a = annotation.clone();
        a.span = Span::new(0, span.len());
        let mut speaker = None;
        if let Detail::Quote(q) = &mut a.detail {
            q.cue = inside(q.cue);
            q.mention = inside(q.mention);
            speaker = q
                .speaker
                .as_deref()
                .and_then(|id| speakers.iter().find(|s| s.id == id))
                .map(|s| Speaker {
                    mentions: Vec::new(),
                    ..s.clone()
                });
            if speaker.is_none() {
                q.speaker = None;
            }
        }
        Orphaned {
            annotation: a,
            exact: span.slice(text).to_string(),
            speaker,
        }
    }
}

impl Layer {
    /// The layer of a fresh analysis.
    pub fn from_analysis(analysis: &Analysis) -> Layer {
        Layer {
            text: Rc::from(analysis.text.as_str()),
            annotations: analysis.annotations.clone(),
            speakers: analysis.speakers.clone(),
            rejected: Vec::new(),
            next_id: 1,
            orphans: Vec::new(),
        }
    }

    /// The analysis this layer describes: its own text and annotations, in
    /// `base`'s language.
    pub fn to_analysis(&self, base: &Analysis) -> Analysis {
        Analysis {
            language: base.language,
            text: if self.text.is_empty() || *self.text == *base.text {
                base.text.clone()
            } else {
                self.text.to_string()
            },
            annotations: self.annotations.clone(),
            speakers: self.speakers.clone(),
        }
    }

    /// The annotation with this id.
    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// An id no annotation or speaker uses yet, for [`Edit::AddSpeaker`].
    pub fn next_speaker_id(&self) -> String {
        let mut n = self.next_id;
        loop {
            let id = format!("es{n}");
            if !self.speakers.iter().any(|s| s.id == id) {
                return id;
            }
            n += 1;
        }
    }

    fn position(&self, id: &str) -> Result<usize, EditError> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| EditError::NoAnnotation(id.to_string()))
    }

    fn speaker_position(&self, id: &str) -> Result<usize, EditError> {
        self.speakers
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| EditError::NoSpeaker(id.to_string()))
    }

    fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("e{}", self.next_id);
            self.next_id += 1;
            if !self.annotations.iter().any(|a| a.id == id) {
                return id;
            }
        }
    }

    /// Changes the quote `id`'s details; the quote becomes the editor's.
    fn change_quote(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut QuoteInfo),
    ) -> Result<(), EditError> {
        let i = self.position(id)?;
        let a = &mut self.annotations[i];
        let found = a.kind();
        let Detail::Quote(q) = &mut a.detail else {
            return Err(EditError::WrongKind {
                id: id.to_string(),
                found,
                wanted: Kind::Quote,
            });
        };
        change(q);
        a.origin = Origin::Editor;
        Ok(())
    }

    /// Changes the claim `id`'s details; the claim becomes the editor's.
    fn change_claim(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut ClaimInfo),
    ) -> Result<(), EditError> {
        let i = self.position(id)?;
        let a = &mut self.annotations[i];
        let found = a.kind();
        let Detail::Claim(c) = &mut a.detail else {
            return Err(EditError::WrongKind {
                id: id.to_string(),
                found,
                wanted: Kind::Claim,
            });
        };
        change(c);
        a.origin = Origin::Editor;
        Ok(())
    }

    /// Adds an annotation from another analysis: its speaker id mapped by
    /// `renamed`, its id given a suffix if one here already has it.
    /// `taken` holds every id of `self.annotations` (kept up to date
    /// here), so adopting thousands of annotations stays linear.
    fn adopt(
        &mut self,
        mut a: Annotation,
        renamed: &impl Fn(&str) -> String,
        taken: &mut HashSet<String>,
    ) {
        if let Detail::Quote(q) = &mut a.detail {
            q.speaker = q.speaker.as_deref().map(renamed);
        }
        let base = a.id.clone();
        let mut n = 1;
        while taken.contains(&a.id) {
            a.id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(a.id.clone());
        self.annotations.push(a);
    }

    /// Every annotation id, for [`Layer::adopt`].
    fn ids(&self) -> HashSet<String> {
        self.annotations.iter().map(|a| a.id.clone()).collect()
    }

    /// The id of the speaker here with `speaker`'s id and name, or of one
    /// with its name, or `speaker` itself added back under a free id.
    fn speaker_for(&mut self, speaker: Speaker) -> String {
        if let Some(s) = self
            .speakers
            .iter()
            .find(|s| s.id == speaker.id && s.name == speaker.name)
            .or_else(|| self.speakers.iter().find(|s| s.name == speaker.name))
        {
            return s.id.clone();
        }
        let mut id = speaker.id.clone();
        let mut n = 1;
        while self.speakers.iter().any(|s| s.id == id) {
            id = format!("{}-{n}", speaker.id);
            n += 1;
        }
        self.speakers.push(Speaker {
            id: id.clone(),
            ..speaker
        });
        id
    }

    fn sort(&mut self) {
        self.annotations
            .sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    }
}

fn check_span(text: &str, span: Span) -> Result<(), EditError> {
    let ok = span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    ok.then_some(()).ok_or(EditError::BadSpan {
        start: span.start,
        end: span.end,
    })
}

fn check_optional(text: &str, span: Option<Span>) -> Result<(), EditError> {
    span.map_or(Ok(()), |s| check_span(text, s))
}

/// Applies one edit to a layer over `text` and returns the new layer;
/// `layer` itself is not changed, and on error nothing is.
pub fn apply(text: &str, layer: &Layer, edit: &Edit) -> Result<Layer, EditError> {
    let mut next = layer.clone();
    match edit {
        Edit::Add { span, detail } => {
            check_span(text, *span)?;
            if let Detail::Quote(q) = detail {
                check_optional(text, q.cue)?;
                check_optional(text, q.mention)?;
                if let Some(s) = &q.speaker {
                    next.speaker_position(s)?;
                }
            }
            let id = next.fresh_id();
            next.annotations.push(Annotation {
                id,
                span: *span,
                origin: Origin::Editor,
                detail: detail.clone(),
            });
            next.sort();
        }
        Edit::Delete(id) => {
            let i = next.position(id)?;
            let removed = next.annotations.remove(i);
            if removed.origin == Origin::Auto {
                next.rejected.push((removed.kind(), removed.span));
            }
        }
        Edit::Accept(id) => {
            let i = next.position(id)?;
            next.annotations[i].origin = Origin::Editor;
        }
        Edit::SetSpan(id, span) => {
            check_span(text, *span)?;
            let i = next.position(id)?;
            let a = &mut next.annotations[i];
            a.span = *span;
            a.origin = Origin::Editor;
            next.sort();
        }
        Edit::SetSpeaker(id, speaker) => {
            if let Some(s) = speaker {
                next.speaker_position(s)?;
            }
            next.change_quote(id, |q| q.speaker = speaker.clone())?;
        }
        Edit::SetForm(id, form) => next.change_quote(id, |q| q.form = *form)?,
        Edit::SetCue(id, cue) => {
            check_optional(text, *cue)?;
            next.change_quote(id, |q| q.cue = *cue)?;
        }
        Edit::SetMention(id, mention) => {
            check_optional(text, *mention)?;
            next.change_quote(id, |q| q.mention = *mention)?;
        }
        Edit::SetCategories(id, categories) => {
            let mut categories = categories.clone();
            categories.sort();
            categories.dedup();
            next.change_claim(id, |c| c.categories = categories)?;
        }
        Edit::SetReview(id, status, note) => next.change_claim(id, |c| {
            c.status = *status;
            c.note = note.trim().to_string();
        })?,
        Edit::AddSpeaker { id, name, title } => {
            let name = name.trim();
            if !name.chars().any(char::is_alphanumeric) {
                return Err(EditError::EmptyName);
            }
            if next.speakers.iter().any(|s| &s.id == id) {
                return Err(EditError::NoSpeaker(format!("{id} (already used)")));
            }
            next.speakers.push(Speaker {
                id: id.clone(),
                name: name.to_string(),
                title: title.clone().filter(|t| !t.trim().is_empty()),
                mentions: Vec::new(),
            });
            next.next_id += 1;
        }
        Edit::RenameSpeaker { id, name, title } => {
            let name = name.trim();
            if !name.chars().any(char::is_alphanumeric) {
                return Err(EditError::EmptyName);
            }
            let i = next.speaker_position(id)?;
            next.speakers[i].name = name.to_string();
            next.speakers[i].title = title.clone().filter(|t| !t.trim().is_empty());
            for a in &mut next.annotations {
                if matches!(&a.detail, Detail::Quote(q) if q.speaker.as_deref() == Some(id)) {
                    a.origin = Origin::Editor;
                }
            }
        }
        Edit::MergeSpeakers(from, into) => {
            if from == into {
                return Err(EditError::SelfMerge);
            }
            let f = next.speaker_position(from)?;
            next.speaker_position(into)?;
            let gone = next.speakers.remove(f);
            let t = next.speaker_position(into)?;
            next.speakers[t].mentions.extend(gone.mentions);
            next.speakers[t].mentions.sort();
            next.speakers[t].mentions.dedup();
            if next.speakers[t].title.is_none() {
                next.speakers[t].title = gone.title;
            }
            for a in &mut next.annotations {
                if let Detail::Quote(q) = &mut a.detail {
                    if q.speaker.as_deref() == Some(from) {
                        q.speaker = Some(into.clone());
                        a.origin = Origin::Editor;
                    }
                }
            }
        }
        Edit::PlaceOrphan(index, span) => {
            check_span(text, *span)?;
            if *index >= next.orphans.len() {
                return Err(EditError::NoOrphan(*index));
            }
            let orphan = next.orphans.remove(*index);
            let mut a = orphan.annotation;
            // Cue and mention keep their place inside the quote only when
            // the quote lands on the very same words.
            let same = span.slice(text) == orphan.exact;
            let shift = |s: Option<Span>| {
                s.filter(|_| same)
                    .map(|s| Span::new(s.start + span.start, s.end + span.start))
            };
            if let Detail::Quote(q) = &mut a.detail {
                q.cue = shift(q.cue);
                q.mention = shift(q.mention);
                q.speaker = orphan.speaker.map(|s| next.speaker_for(s));
            }
            a.span = *span;
            a.origin = Origin::Editor;
            a.id = next.fresh_id();
            next.annotations.push(a);
            next.sort();
        }
        Edit::DropOrphan(index) => {
            if *index >= next.orphans.len() {
                return Err(EditError::NoOrphan(*index));
            }
            next.orphans.remove(*index);
        }
    }
    Ok(next)
}

/// Overlap of two spans as a share of the shorter one.
fn overlap_share(a: Span, b: Span) -> f64 {
    let shorter = a.len().min(b.len()).max(1);
    a.overlap(b) as f64 / shorter as f64
}

/// Folds a fresh automatic analysis into the editor's layer: the editor's
/// annotations (made, changed or accepted) stay exactly as they are, with
/// their speakers; the old automatic ones are replaced by the fresh ones,
/// except those the editor rejected and those that would sit on an
/// editor annotation of the same kind.
pub fn merge_analysis(current: &Layer, fresh: &Analysis) -> Layer {
    let kept: Vec<&Annotation> = current
        .annotations
        .iter()
        .filter(|a| a.origin == Origin::Editor)
        .collect();
    let mut out = Layer {
        text: Rc::from(fresh.text.as_str()),
        annotations: kept.iter().map(|a| (*a).clone()).collect(),
        speakers: Vec::new(),
        rejected: current.rejected.clone(),
        next_id: current.next_id,
        orphans: current.orphans.clone(),
    };
    // Speakers the editor's quotes use, and the editor's own speakers.
    for s in &current.speakers {
        let used = kept
            .iter()
            .any(|a| matches!(&a.detail, Detail::Quote(q) if q.speaker.as_deref() == Some(&s.id)));
        if used || s.id.starts_with("es") {
            out.speakers.push(s.clone());
        }
    }
    let renamed = adopt_speakers(&mut out, &fresh.speakers);
    let mut taken = out.ids();
    let rejected: HashSet<(Kind, Span)> = current.rejected.iter().copied().collect();
    for a in &fresh.annotations {
        let kind = a.kind();
        if rejected.contains(&(kind, a.span)) {
            continue;
        }
        if kept
            .iter()
            .any(|k| k.kind() == kind && overlap_share(k.span, a.span) >= 0.5)
        {
            continue;
        }
        out.adopt(a.clone(), &renamed, &mut taken);
    }
    out.sort();
    out
}

/// What [`carry_over`] did with the editor's work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    /// The editor's annotations placed on the new text.
    pub placed: usize,
    /// Those found somewhere other than their old place.
    pub moved: usize,
    /// Those that could not be placed (now in [`Layer::orphans`]).
    pub orphaned: usize,
}

/// The editor's work moved onto a changed text, with a fresh analysis of
/// the new text around it: every annotation the editor made, changed or
/// accepted is re-anchored (position, then quote and context, then an
/// approximate match: see [`crate::anchor::reanchor`]) with its status,
/// note, speaker and form; rejections follow their text; what cannot be
/// placed joins [`Layer::orphans`]. The automatic annotations are the fresh
/// ones, as in [`merge_analysis`]. The result is one layer, so one undo
/// brings back the old text with everything on it.
pub fn carry_over(current: &Layer, fresh: &Analysis) -> (Layer, Carried) {
    const REJECTED: &str = "\u{0}rejected";
    let editor: Vec<&Annotation> = current
        .annotations
        .iter()
        .filter(|a| a.origin == Origin::Editor)
        .collect();
    let mut annotations: Vec<Annotation> = editor.iter().map(|a| (*a).clone()).collect();
    // Rejections travel as stand-in annotations, so they follow their text.
    annotations.extend(
        current
            .rejected
            .iter()
            .enumerate()
            .map(|(i, &(_, span))| Annotation {
                id: format!("{REJECTED}{i}"),
                span,
                origin: Origin::Auto,
                detail: Detail::Boilerplate,
            }),
    );
    let old = Analysis {
        language: fresh.language,
        text: current.text.to_string(),
        annotations,
        speakers: current.speakers.clone(),
    };
    let anchored = crate::anchor::reanchor(&old, &fresh.text);
    let mut orphans = current.orphans.clone();
    let mut carried = Carried {
        moved: anchored.moved,
        ..Carried::default()
    };
    for orphan in &anchored.orphans {
        if let Some(a) = editor.get(orphan.index) {
            orphans.push(Orphaned::of(&current.text, a, &current.speakers));
            carried.orphaned += 1;
        }
    }
    let mut rejected = Vec::new();
    let mut placed = Vec::new();
    for a in anchored.analysis.annotations {
        match a.id.strip_prefix(REJECTED) {
            Some(i) => {
                let kind = i
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| current.rejected.get(i))
                    .map(|&(kind, _)| kind);
                if let Some(kind) = kind {
                    rejected.push((kind, a.span));
                }
            }
            None => placed.push(a),
        }
    }
    carried.placed = placed.len();
    let moved_layer = Layer {
        text: Rc::from(fresh.text.as_str()),
        annotations: placed,
        speakers: anchored.analysis.speakers,
        rejected,
        next_id: current.next_id,
        orphans,
    };
    (merge_analysis(&moved_layer, fresh), carried)
}

/// What [`merge_imported`] did with an imported file's annotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Those at the place of one already there (same kind and span) whose
    /// editorial work changed it: status, note, categories, speaker or form.
    pub merged: usize,
    /// Those added as new annotations.
    pub added: usize,
    /// Those at the place of one already there that changed nothing.
    pub already: usize,
}

/// The current layer with an imported file's annotations (already placed
/// on this text) merged in, and what happened to them.
///
/// - An imported annotation at the place of one already there (same kind
///   and span) is merged into it: the imported status, note, categories,
///   speaker and form win where they carry editorial work (a status other
///   than unchecked, a non-empty note, categories, a named speaker; a
///   quote's form when the file says the editor made or changed it). An
///   empty or default imported field never erases the value there. If
///   that changed anything, the annotation becomes the editor's (merged);
///   otherwise it counts as already there.
/// - Any other imported annotation is added as the editor's; a clashing
///   id gets a suffix.
/// - A speaker with the same name as an existing one is that one; only the
///   speakers that added or merged quotes use are brought in.
///
/// One layer, so one undo takes it all back.
pub fn merge_imported(current: &Layer, imported: &Analysis) -> (Layer, ImportCounts) {
    let mut out = current.clone();
    let mut counts = ImportCounts::default();
    // The id here of an imported speaker (brought in on first use).
    let speaker_here = |out: &mut Layer, id: &str| -> Option<String> {
        imported.speaker(id).map(|s| {
            out.speaker_for(Speaker {
                mentions: Vec::new(),
                ..s.clone()
            })
        })
    };
    let mut taken = out.ids();
    // Where each (kind, span) is, so a large file merges in linear time
    // (added annotations go at the end: the indices stay valid).
    let mut at: HashMap<(Kind, Span), usize> = HashMap::new();
    for (i, k) in out.annotations.iter().enumerate() {
        at.entry((k.kind(), k.span)).or_insert(i);
    }
    for a in &imported.annotations {
        let place = at.get(&(a.kind(), a.span)).copied();
        let Some(i) = place else {
            at.insert((a.kind(), a.span), out.annotations.len());
            let mut a = a.clone();
            if let Detail::Quote(q) = &mut a.detail {
                q.speaker = q.speaker.as_deref().and_then(|s| speaker_here(&mut out, s));
            }
            a.origin = Origin::Editor;
            out.adopt(a, &str::to_string, &mut taken);
            counts.added += 1;
            continue;
        };
        let speaker = match &a.detail {
            Detail::Quote(q) => q.speaker.as_deref().and_then(|s| speaker_here(&mut out, s)),
            _ => None,
        };
        let by_editor = a.origin == Origin::Editor;
        let target = &mut out.annotations[i];
        let changed = match (&mut target.detail, &a.detail) {
            (Detail::Claim(here), Detail::Claim(there)) => merge_claim(here, there),
            (Detail::Quote(here), Detail::Quote(there)) => {
                let before = here.clone();
                if speaker.is_some() {
                    here.speaker = speaker;
                }
                if by_editor {
                    here.form = there.form;
                }
                *here != before
            }
            _ => false,
        };
        if changed {
            target.origin = Origin::Editor;
            counts.merged += 1;
        } else {
            counts.already += 1;
        }
    }
    out.sort();
    (out, counts)
}

/// Puts the editorial work of the imported claim `there` into `here`;
/// true when that changed it.
fn merge_claim(here: &mut ClaimInfo, there: &ClaimInfo) -> bool {
    let before = here.clone();
    if there.status != ClaimStatus::Unchecked {
        here.status = there.status;
    }
    let note = there.note.trim();
    if !note.is_empty() {
        here.note = note.to_string();
    }
    let mut categories = there.categories.clone();
    categories.sort();
    categories.dedup();
    let mut current = here.categories.clone();
    current.sort();
    current.dedup();
    // The same categories in another order are no change.
    if !categories.is_empty() && categories != current {
        here.categories = categories;
    }
    *here != before
}

/// Adds speakers from another analysis to `out`: one with the same name as
/// a speaker already there is that speaker; a clashing id gets a suffix.
/// Returns how the incoming ids map to the ids in `out`.
fn adopt_speakers(out: &mut Layer, incoming: &[Speaker]) -> impl Fn(&str) -> String {
    // Looked up by name and id in maps: articles can name thousands of
    // speakers, and a long text carries tens of thousands of quotes.
    let mut by_name: HashMap<String, String> = HashMap::new();
    for k in &out.speakers {
        by_name
            .entry(k.name.clone())
            .or_insert_with(|| k.id.clone());
    }
    let mut ids: HashSet<String> = out.speakers.iter().map(|k| k.id.clone()).collect();
    let mut rename: HashMap<String, String> = HashMap::new();
    for s in incoming {
        if let Some(k) = by_name.get(&s.name) {
            rename.insert(s.id.clone(), k.clone());
            continue;
        }
        let mut id = s.id.clone();
        let mut n = 1;
        while ids.contains(&id) {
            id = format!("{}-{n}", s.id);
            n += 1;
        }
        ids.insert(id.clone());
        by_name.insert(s.name.clone(), id.clone());
        rename.insert(s.id.clone(), id.clone());
        out.speakers.push(Speaker { id, ..s.clone() });
    }
    move |id: &str| rename.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// The editing history of one document: every layer since it was opened,
/// and where the editor is in it. Two histories are equal when they hold
/// the very same layers (a pointer comparison: cheap for UI change checks).
#[derive(Clone, Debug)]
pub struct History {
    layers: Vec<Rc<Layer>>,
    at: usize,
    limit: usize,
}

impl History {
    /// Undo steps kept by default.
    pub const DEFAULT_LIMIT: usize = 500;

    /// A history starting at `layer`.
    pub fn new(layer: Layer) -> History {
        History {
            layers: vec![Rc::new(layer)],
            at: 0,
            limit: Self::DEFAULT_LIMIT,
        }
    }

    /// A history rebuilt from saved layers (oldest first) with the editor
    /// at `at` (clamped to the last layer); `None` when `layers` is empty.
    pub fn from_layers(layers: Vec<Layer>, at: usize) -> Option<History> {
        if layers.is_empty() {
            return None;
        }
        let at = at.min(layers.len() - 1);
        Some(History {
            layers: layers.into_iter().map(Rc::new).collect(),
            at,
            limit: Self::DEFAULT_LIMIT,
        })
    }

    /// Every layer, oldest first (for saving).
    pub fn layers(&self) -> &[Rc<Layer>] {
        &self.layers
    }

    /// Where the editor is in [`History::layers`].
    pub fn position(&self) -> usize {
        self.at
    }

    /// The current layer.
    pub fn current(&self) -> &Rc<Layer> {
        &self.layers[self.at]
    }

    /// Applies an edit; the redo steps after the current one are dropped.
    pub fn apply(&mut self, text: &str, edit: &Edit) -> Result<(), EditError> {
        let next = apply(text, self.current(), edit)?;
        self.push(next);
        Ok(())
    }

    /// Applies several edits as one undoable step (a new speaker and the
    /// quote that gets it); if any is refused, none is applied.
    pub fn apply_all(&mut self, text: &str, edits: &[Edit]) -> Result<(), EditError> {
        let mut layer = self.current().as_ref().clone();
        for edit in edits {
            layer = apply(text, &layer, edit)?;
        }
        self.push(layer);
        Ok(())
    }

    /// Makes `layer` the current state as one undoable step (re-analysis).
    pub fn push(&mut self, layer: Layer) {
        self.layers.truncate(self.at + 1);
        self.layers.push(Rc::new(layer));
        if self.layers.len() > self.limit {
            self.layers.remove(0);
        }
        self.at = self.layers.len() - 1;
    }

    /// Replaces the current layer (no new undo step; redo steps are
    /// dropped): a note typed letter by letter is one step, not one per
    /// letter.
    pub fn amend(&mut self, layer: Layer) {
        self.layers.truncate(self.at + 1);
        self.layers[self.at] = Rc::new(layer);
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let can = self.at > 0;
        self.at -= usize::from(can);
        can
    }

    /// Steps forward; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let can = self.at + 1 < self.layers.len();
        self.at += usize::from(can);
        can
    }

    /// True when undo would change something.
    pub fn can_undo(&self) -> bool {
        self.at > 0
    }

    /// True when redo would change something.
    pub fn can_redo(&self) -> bool {
        self.at + 1 < self.layers.len()
    }
}

impl PartialEq for History {
    fn eq(&self, other: &History) -> bool {
        self.at == other.at
            && self.layers.len() == other.layers.len()
            && self
                .layers
                .iter()
                .zip(&other.layers)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    const TEXT: &str = "قال الوزير إن الأسعار ارتفعت 5% في مايو. وأضاف أن الحكومة ستتدخل.";

    fn base() -> Analysis {
        analyze(TEXT, &Options::default())
    }

    /// The id of the layer's first claim.
    fn first_claim(layer: &Layer) -> String {
        layer
            .annotations
            .iter()
            .find(|a| a.kind() == Kind::Claim)
            .map(|a| a.id.clone())
            .unwrap_or_default()
    }

    fn span_of(s: &str) -> Span {
        let start = TEXT.find(s).unwrap_or(0);
        Span::new(start, start + s.len())
    }

    #[test]
    fn add_marks_editor_origin_and_keeps_order() {
        let layer = Layer::from_analysis(&base());
        let edit = Edit::Add {
            span: span_of("الحكومة ستتدخل"),
            detail: Detail::Claim(ClaimInfo {
                categories: vec![ClaimCategory::Plan],
                score: 1.0,
                ..Default::default()
            }),
        };
        let next = apply(TEXT, &layer, &edit).unwrap_or_default();
        let added = next.annotations.iter().find(|a| a.id.starts_with('e'));
        assert_eq!(added.map(|a| a.origin), Some(Origin::Editor));
        let starts: Vec<usize> = next.annotations.iter().map(|a| a.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn imported_annotations_join_as_the_editors_without_clashes() {
        let analysis = base();
        let layer = Layer::from_analysis(&analysis);
        // Importing the same annotations again adds nothing.
        let n = layer.annotations.len();
        assert_eq!(
            merge_imported(&layer, &analysis),
            (
                layer.clone(),
                ImportCounts {
                    already: n,
                    ..ImportCounts::default()
                }
            )
        );
        // A new claim whose id clashes gets a new id and editor origin.
        let clash = analysis.annotations[0].id.clone();
        let imported = Analysis {
            annotations: vec![Annotation {
                id: clash.clone(),
                span: span_of("الحكومة ستتدخل"),
                origin: Origin::Auto,
                detail: Detail::Claim(ClaimInfo::default()),
            }],
            speakers: Vec::new(),
            ..analysis.clone()
        };
        let (merged, counts) = merge_imported(&layer, &imported);
        assert_eq!(merged.annotations.len(), layer.annotations.len() + 1);
        assert_eq!((counts.added, counts.merged, counts.already), (1, 0, 0));
        let added = merged
            .annotations
            .iter()
            .find(|a| a.span == span_of("الحكومة ستتدخل") && a.kind() == Kind::Claim)
            .expect("added");
        assert_ne!(added.id, clash);
        assert_eq!(added.origin, Origin::Editor);
    }

    #[test]
    fn bad_input_changes_nothing() {
        let layer = Layer::from_analysis(&base());
        let bad = Edit::SetSpan("nope".into(), span_of("الوزير"));
        assert_eq!(
            apply(TEXT, &layer, &bad),
            Err(EditError::NoAnnotation("nope".into()))
        );
        let inside_letter = Span::new(1, 3);
        let add = Edit::Add {
            span: inside_letter,
            detail: Detail::Boilerplate,
        };
        assert!(matches!(
            apply(TEXT, &layer, &add),
            Err(EditError::BadSpan { .. })
        ));
    }

    #[test]
    fn quote_edits_on_a_claim_are_refused() {
        let layer = Layer::from_analysis(&base());
        let claim = first_claim(&layer);
        assert_eq!(
            apply(
                TEXT,
                &layer,
                &Edit::SetForm(claim.clone(), QuoteForm::Mixed)
            ),
            Err(EditError::WrongKind {
                id: claim,
                found: Kind::Claim,
                wanted: Kind::Quote
            })
        );
    }

    #[test]
    fn deleted_automatic_annotations_stay_rejected_on_reanalysis() {
        let analysis = base();
        let layer = Layer::from_analysis(&analysis);
        let quote = layer
            .annotations
            .iter()
            .find(|a| a.kind() == Kind::Quote)
            .map(|a| a.id.clone())
            .unwrap_or_default();
        let next = apply(TEXT, &layer, &Edit::Delete(quote.clone())).unwrap_or_default();
        let merged = merge_analysis(&next, &analysis);
        assert_eq!(
            merged.annotations.len(),
            analysis.annotations.len() - 1,
            "{merged:#?}"
        );
        assert!(merged.annotation(&quote).is_none());
    }

    #[test]
    fn editor_work_survives_reanalysis() {
        let analysis = base();
        let mut h = History::new(Layer::from_analysis(&analysis));
        let id = h.current().next_speaker_id();
        let add_speaker = Edit::AddSpeaker {
            id: id.clone(),
            name: "وزير المالية".into(),
            title: None,
        };
        h.apply(TEXT, &add_speaker).unwrap_or_default();
        let quote = h
            .current()
            .annotations
            .iter()
            .find(|a| a.kind() == Kind::Quote)
            .map(|a| a.id.clone())
            .unwrap_or_default();
        h.apply(TEXT, &Edit::SetSpeaker(quote.clone(), Some(id.clone())))
            .unwrap_or_default();
        let merged = merge_analysis(h.current(), &analysis);
        let q = merged.annotation(&quote).cloned();
        assert!(matches!(
            q.map(|a| a.detail),
            Some(Detail::Quote(QuoteInfo { speaker: Some(s), .. })) if s == id
        ));
        assert!(merged.speakers.iter().any(|s| s.id == id));
        // No duplicate of the edited quote from the fresh analysis.
        let quotes_here = merged
            .annotations
            .iter()
            .filter(|a| {
                a.kind() == Kind::Quote
                    && a.span
                        == merged
                            .annotation(&quote)
                            .map_or(Span::default(), |x| x.span)
            })
            .count();
        assert_eq!(quotes_here, 1);
    }

    #[test]
    fn merge_moves_quotes_and_mentions() {
        let analysis = base();
        let mut h = History::new(Layer::from_analysis(&analysis));
        let s1 = h
            .current()
            .speakers
            .first()
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let id = h.current().next_speaker_id();
        h.apply(
            TEXT,
            &Edit::AddSpeaker {
                id: id.clone(),
                name: "Someone".into(),
                title: Some("Minister".into()),
            },
        )
        .unwrap_or_default();
        h.apply(TEXT, &Edit::MergeSpeakers(s1.clone(), id.clone()))
            .unwrap_or_default();
        let layer = h.current();
        assert!(layer.speakers.iter().all(|s| s.id != s1));
        assert!(layer.annotations.iter().all(|a| match &a.detail {
            Detail::Quote(q) => q.speaker.as_deref() != Some(s1.as_str()),
            _ => true,
        }));
        assert_eq!(
            apply(TEXT, layer, &Edit::MergeSpeakers(id.clone(), id.clone())),
            Err(EditError::SelfMerge)
        );
    }

    #[test]
    fn undo_redo_walk_the_history() {
        let mut h = History::new(Layer::from_analysis(&base()));
        let start = h.current().clone();
        assert!(!h.undo());
        let id = h.current().annotations[0].id.clone();
        h.apply(TEXT, &Edit::Delete(id)).unwrap_or_default();
        let after = h.current().clone();
        assert!(h.undo());
        assert!(Rc::ptr_eq(h.current(), &start));
        assert!(h.redo());
        assert!(Rc::ptr_eq(h.current(), &after));
        assert!(!h.redo());
    }

    /// The first claim of a layer, with a verdict and a note set on it.
    fn with_verdict(layer: &Layer, text: &str) -> (Layer, String) {
        let claim = first_claim(layer);
        let edit = Edit::SetReview(claim.clone(), ClaimStatus::False, "خطأ 😀".into());
        (apply(text, layer, &edit).unwrap_or_default(), claim)
    }

    fn reviewed(layer: &Layer) -> Vec<(ClaimStatus, String, String)> {
        layer
            .annotations
            .iter()
            .filter_map(|a| match &a.detail {
                Detail::Claim(c) if c.status != ClaimStatus::Unchecked => Some((
                    c.status,
                    c.note.clone(),
                    a.span.slice(&layer.text).to_string(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_typo_fixed_elsewhere_keeps_verdicts_notes_and_hand_made_quotes() {
        let layer = Layer::from_analysis(&base());
        let (layer, _) = with_verdict(&layer, TEXT);
        let hand = apply(
            TEXT,
            &layer,
            &Edit::Add {
                span: span_of("الحكومة ستتدخل"),
                detail: Detail::Quote(QuoteInfo {
                    form: QuoteForm::Indirect,
                    speaker: None,
                    cue: None,
                    mention: None,
                }),
            },
        )
        .unwrap_or_default();
        let before = reviewed(&hand);
        assert_eq!(before.len(), 1);
        // A word added at the start and a letter fixed at the end.
        let edited = format!("عاجل: {}", TEXT.replace("ستتدخل.", "ستتدخل فورا."));
        let fresh = analyze(&edited, &Options::default());
        let (next, carried) = carry_over(&hand, &fresh);
        assert_eq!(&*next.text, edited.as_str());
        assert_eq!(reviewed(&next), before);
        assert_eq!(carried.orphaned, 0);
        assert!(next.orphans.is_empty());
        let quote = next
            .annotations
            .iter()
            .find(|a| a.origin == Origin::Editor && a.kind() == Kind::Quote);
        assert_eq!(quote.map(|a| a.span.slice(&edited)), Some("الحكومة ستتدخل"));
        // Every span is on the new text.
        for a in &next.annotations {
            assert!(edited.get(a.span.start..a.span.end).is_some());
        }
    }

    #[test]
    fn work_whose_text_is_gone_becomes_an_orphan_and_can_be_placed_again() {
        let layer = Layer::from_analysis(&base());
        let (layer, _) = with_verdict(&layer, TEXT);
        let before = reviewed(&layer);
        let other = "The council said on Monday that taxes would rise by 3% in 2027.";
        let fresh = analyze(other, &Options::default());
        let (next, carried) = carry_over(&layer, &fresh);
        assert_eq!(carried.orphaned, 1);
        assert_eq!(next.orphans.len(), 1);
        assert_eq!(next.orphans[0].exact, before[0].2);
        assert!(reviewed(&next).is_empty());
        // Placed on a piece of the new text, with its verdict and note.
        let start = other.find("taxes").unwrap_or(0);
        let span = Span::new(start, start + "taxes would rise by 3%".len());
        let placed = apply(other, &next, &Edit::PlaceOrphan(0, span)).unwrap_or_default();
        assert!(placed.orphans.is_empty());
        assert_eq!(
            reviewed(&placed),
            vec![(
                ClaimStatus::False,
                "خطأ 😀".to_string(),
                "taxes would rise by 3%".to_string()
            )]
        );
        assert_eq!(
            apply(other, &next, &Edit::DropOrphan(3)),
            Err(EditError::NoOrphan(3))
        );
        let dropped = apply(other, &next, &Edit::DropOrphan(0)).unwrap_or_default();
        assert!(dropped.orphans.is_empty());
    }

    #[test]
    fn rejections_follow_their_text_and_one_undo_brings_the_old_text_back() {
        let layer = Layer::from_analysis(&base());
        let claim = first_claim(&layer);
        let mut history = History::new(layer);
        assert_eq!(history.apply(TEXT, &Edit::Delete(claim)), Ok(()));
        let edited = format!("بيروت - {TEXT}");
        let fresh = analyze(&edited, &Options::default());
        let (next, _) = carry_over(history.current(), &fresh);
        let rejected_text: Vec<&str> = next
            .rejected
            .iter()
            .map(|(_, s)| s.slice(&edited))
            .collect();
        let old_rejected: Vec<&str> = history
            .current()
            .rejected
            .iter()
            .map(|(_, s)| s.slice(TEXT))
            .collect();
        assert_eq!(rejected_text, old_rejected);
        // The rejected claim does not come back.
        assert!(!next
            .annotations
            .iter()
            .any(|a| a.kind() == Kind::Claim && next.rejected.iter().any(|r| r.1 == a.span)));
        history.push(next);
        assert!(history.undo());
        assert_eq!(&*history.current().text, TEXT);
    }
}
