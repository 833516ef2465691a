//! Re-anchoring: placing annotations made on one version of a text onto
//! another. Used when W3C annotations are imported onto an open text and
//! when an `isnad/1` file's `document.text` differs from the open text.
//!
//! Each [`Anchor`] is the quoted text (`exact`), up to [`CONTEXT`] code
//! points of context on each side and, when known, its old position in code
//! points. [`place`] looks for it in this order:
//!
//! 1. **At its position** (or at its position shifted like the anchor placed
//!    before it): the text there equals `exact` and the context matches in
//!    full.
//! 2. **Exact occurrences**: those within a window around the hints; if
//!    none keeps its whole context, the quote with its whole context
//!    anywhere in the text (moved text); if there is still none, every
//!    occurrence in the text. Each is scored: two points per code point of
//!    context that matches (prefix compared from its end, suffix from its
//!    start), minus `log2(1 + distance)` from the nearest hint (in bytes).
//!    The best score wins; ties go to the nearest, then the first. When no
//!    occurrence keeps its whole context (an edit right next to the
//!    annotation), the best few are scored again by how much of each side's
//!    context survives in order (longest common subsequence), plus what
//!    survives right next to it.
//! 3. **Approximately** (exact text of at least [`MIN_FUZZY_CPS`] and at
//!    most [`MAX_FUZZY_CPS`] code points): near the hints and near where the
//!    prefix ends or the suffix starts, a stretch within
//!    `max(1, len / 10)` edits (Levenshtein, in code points) of `exact`.
//!    Candidates come from the pigeonhole filter (split `exact` into
//!    `edits + 1` pieces: one of them is intact), each checked by a
//!    semi-global alignment; the fewest edits win.
//!
//! Anything not placed is an [`Orphan`] with the reason: never silently
//! moved elsewhere, never dropped. Work is linear in the text for the index
//! plus, per anchor, a bounded window search; whole-text searches are
//! cached per quoted text and, past a few dozen, answered from an 8-byte
//! gram index built once.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use memchr::memmem;

use crate::export::context;
use crate::model::{Analysis, Annotation, Detail, Kind, Span};
use crate::offsets::{ceil_char_boundary, floor_char_boundary, OffsetMap};

/// Code points of context kept on each side of an anchor.
pub const CONTEXT: usize = 32;
/// Shorter quoted texts are only placed exactly: a few letters with an
/// edit could be anything.
pub const MIN_FUZZY_CPS: usize = 4;
/// Longer quoted texts are only placed exactly (the alignment is quadratic
/// in the length).
pub const MAX_FUZZY_CPS: usize = 1_000;

/// Bytes searched on each side of a hint before the whole text.
const WINDOW: usize = 16 * 1024;
/// Occurrences scored per anchor (the ones nearest the hint).
const MAX_CANDIDATES: usize = 1_024;
/// Occurrences rescored by their whole context when none keeps it intact.
const RESCORE: usize = 16;
/// Approximate matches checked per anchor.
const MAX_VERIFY: usize = 32;
/// Whole-text searches before the gram index is built.
const INDEX_AFTER: usize = 32;
/// Bytes in one gram of the index.
const GRAM: usize = 8;

/// Where to look for one annotated piece of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// The annotation's id (for orphan reports).
    pub id: String,
    /// The annotated text; empty when only a position is known.
    pub exact: String,
    /// Up to [`CONTEXT`] code points just before it.
    pub prefix: String,
    /// Up to [`CONTEXT`] code points just after it.
    pub suffix: String,
    /// Its old position `(start, end)` in code points, when known.
    pub position: Option<(usize, usize)>,
}

/// How an anchor was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Exactly where it was (or, without a position, found by its text).
    Exact,
    /// Found by its text at another position.
    Moved,
    /// Found with this many edits (the text was changed a little).
    Approximate {
        /// Levenshtein distance in code points.
        edits: usize,
    },
    /// Only a position was given, and it is inside the text.
    PositionOnly,
}

/// Where an anchor went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The range in the new text (bytes).
    pub span: Span,
    /// How it was found.
    pub how: How,
}

/// Why an annotation could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrphanReason {
    /// Its text is not in the document, not even approximately.
    NotFound,
    /// It has no quoted text and its position is past the end of the text.
    OutOfRange {
        /// Start, in code points.
        start: usize,
        /// End, in code points.
        end: usize,
        /// Text length, in code points.
        len: usize,
    },
    /// Its target has no text selector (it names a whole document, or uses
    /// only selectors isnad does not read).
    NoSelector,
}

impl fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrphanReason::NotFound => {
                f.write_str("its text is not in the document, not even approximately")
            }
            OrphanReason::OutOfRange { start, end, len } => write!(
                f,
                "it gives only a position, {start}..{end}, and the text has {len} code points"
            ),
            OrphanReason::NoSelector => f.write_str(
                "its target has no TextQuoteSelector or TextPositionSelector, so there is no piece of text to place it on",
            ),
        }
    }
}

/// An annotation that could not be placed on the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// Its 0-based position in the file.
    pub index: usize,
    /// Its id (the file's id or IRI; empty when it had none).
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// The text it annotated (empty when unknown).
    pub exact: String,
    /// Why it could not be placed.
    pub reason: OrphanReason,
}

impl fmt::Display for Orphan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "annotation {}", self.index + 1)?;
        if !self.id.is_empty() {
            write!(f, " (id {:?})", self.id)?;
        }
        let kind = match self.kind {
            Kind::Quote => "quote",
            Kind::Claim => "claim",
            Kind::Boilerplate => "boilerplate",
        };
        write!(f, ", a {kind}")?;
        if !self.exact.is_empty() {
            let short: String = self.exact.chars().take(40).collect();
            let more = if short.len() < self.exact.len() {
                "…"
            } else {
                ""
            };
            write!(f, " on {:?}", format!("{short}{more}"))?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A cue, mention or speaker mention that did not survive re-anchoring
/// (the annotation it belongs to was kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detached {
    /// The id of the annotation or speaker it belonged to.
    pub owner: String,
    /// `cue`, `mention` or `speaker mention`.
    pub field: &'static str,
    /// Its text.
    pub text: String,
}

/// The result of [`reanchor`].
#[derive(Clone, Debug, PartialEq)]
pub struct Anchored {
    /// The annotations and speakers placed on the new text.
    pub analysis: Analysis,
    /// Annotations that could not be placed, in file order.
    pub orphans: Vec<Orphan>,
    /// Cues and mentions that could not be placed.
    pub detached: Vec<Detached>,
    /// Annotations found somewhere other than their old position.
    pub moved: usize,
}

/// Builds the anchor of `span` in `text` (old position and context).
pub fn anchor_of(map: &OffsetMap, id: &str, span: Span) -> Anchor {
    let text = map.text();
    let (prefix, suffix) = context(text, span.start, span.end, CONTEXT);
    Anchor {
        id: id.to_string(),
        exact: span.slice(text).to_string(),
        prefix,
        suffix,
        position: Some((map.cp_of_byte(span.start), map.cp_of_byte(span.end))),
    }
}

/// Places every anchor on `text`; one result per anchor, in order.
pub fn place(text: &str, anchors: &[Anchor]) -> Vec<Result<Placement, OrphanReason>> {
    let mut searcher = Searcher::new(text);
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by_key(|&i| anchors[i].position.map_or((1, 0), |(s, _)| (0, s)));
    let mut out = vec![Err(OrphanReason::NotFound); anchors.len()];
    let mut shift: i64 = 0;
    for i in order {
        let a = &anchors[i];
        let result = searcher.place_one(a, shift);
        if let (Ok(p), Some((start, _))) = (&result, a.position) {
            shift = searcher.map.cp_of_byte(p.span.start) as i64 - start as i64;
        }
        out[i] = result;
    }
    out
}

/// Moves an analysis made on its own `text` onto `new_text`: annotations,
/// cues, mentions and speaker mentions. Unchanged stretches at the start
/// and end of the text keep their annotations without a search; the rest
/// go through [`place`]. Annotations that cannot be placed are returned as
/// orphans (and left out of the analysis); lost cues and mentions are
/// listed as detached.
pub fn reanchor(analysis_from_file: &Analysis, new_text: &str) -> Anchored {
    let old = analysis_from_file;
    let old_text = old.text.as_str();
    // Common prefix and suffix, in bytes on char boundaries.
    let lcp = {
        let n = old_text
            .bytes()
            .zip(new_text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        floor_char_boundary(old_text, n)
    };
    let lcs = {
        let max = old_text.len().min(new_text.len()) - lcp;
        let n = old_text
            .bytes()
            .rev()
            .zip(new_text.bytes().rev())
            .take(max)
            .take_while(|(a, b)| a == b)
            .count();
        old_text.len() - ceil_char_boundary(old_text, old_text.len() - n)
    };
    let tail_old = old_text.len() - lcs;
    let delta = new_text.len() as i64 - old_text.len() as i64;
    let quick = |span: Span| -> Option<Span> {
        if span.end <= lcp {
            Some(span)
        } else if span.start >= tail_old {
            let s = (span.start as i64 + delta) as usize;
            Some(Span::new(s, s + span.len()))
        } else {
            None
        }
    };

    let old_map = OffsetMap::new(old_text);
    let cp_delta = new_text.chars().count() as i64 - old_map.cp_len() as i64;
    // Every span to place: (what, old span), with its anchor when the quick
    // mapping does not apply.
    #[derive(Clone, Copy)]
    enum Part {
        Whole(usize),
        Cue(usize),
        Mention(usize),
        SpeakerMention(usize, usize),
    }
    let mut parts: Vec<(Part, Span)> = Vec::new();
    for (i, a) in old.annotations.iter().enumerate() {
        parts.push((Part::Whole(i), a.span));
        if let Detail::Quote(q) = &a.detail {
            if let Some(c) = q.cue {
                parts.push((Part::Cue(i), c));
            }
            if let Some(m) = q.mention {
                parts.push((Part::Mention(i), m));
            }
        }
    }
    for (s, sp) in old.speakers.iter().enumerate() {
        for (m, &span) in sp.mentions.iter().enumerate() {
            parts.push((Part::SpeakerMention(s, m), span));
        }
    }
    let mut placed: Vec<Option<Placement>> = vec![None; parts.len()];
    let mut pending: Vec<usize> = Vec::new();
    let mut anchors: Vec<Anchor> = Vec::new();
    for (k, (part, span)) in parts.iter().enumerate() {
        match quick(*span) {
            Some(s) => {
                // Before the first change nothing moved; after the last one
                // everything moved by the change in length.
                let how = if span.end <= lcp || cp_delta == 0 {
                    How::Exact
                } else {
                    How::Moved
                };
                placed[k] = Some(Placement { span: s, how });
            }
            None => {
                let id = match part {
                    Part::Whole(i) | Part::Cue(i) | Part::Mention(i) => &old.annotations[*i].id,
                    Part::SpeakerMention(s, _) => &old.speakers[*s].id,
                };
                pending.push(k);
                anchors.push(anchor_of(&old_map, id, *span));
            }
        }
    }
    for (k, result) in pending.into_iter().zip(place(new_text, &anchors)) {
        placed[k] = result.ok();
    }

    let mut annotations: Vec<Option<Annotation>> =
        old.annotations.iter().cloned().map(Some).collect();
    let mut speakers = old.speakers.clone();
    let mut orphans = Vec::new();
    let mut detached = Vec::new();
    let mut moved = 0;
    let mut lost_mentions: Vec<(usize, usize)> = Vec::new();
    for (k, (part, span)) in parts.iter().enumerate() {
        let got = placed[k];
        match *part {
            Part::Whole(i) => match got {
                Some(p) => {
                    if p.how != How::Exact {
                        moved += 1;
                    }
                    if let Some(a) = annotations[i].as_mut() {
                        a.span = p.span;
                    }
                }
                None => {
                    let a = &old.annotations[i];
                    orphans.push(Orphan {
                        index: i,
                        id: a.id.clone(),
                        kind: a.kind(),
                        exact: span.slice(old_text).to_string(),
                        reason: OrphanReason::NotFound,
                    });
                    annotations[i] = None;
                }
            },
            Part::Cue(i) | Part::Mention(i) => {
                let is_cue = matches!(part, Part::Cue(_));
                if let Some(Annotation {
                    detail: Detail::Quote(q),
                    ..
                }) = annotations[i].as_mut()
                {
                    let slot = if is_cue { &mut q.cue } else { &mut q.mention };
                    *slot = got.map(|p| p.span);
                    if got.is_none() {
                        detached.push(Detached {
                            owner: old.annotations[i].id.clone(),
                            field: if is_cue { "cue" } else { "mention" },
                            text: span.slice(old_text).to_string(),
                        });
                    }
                }
            }
            Part::SpeakerMention(s, m) => match got {
                Some(p) => speakers[s].mentions[m] = p.span,
                None => {
                    lost_mentions.push((s, m));
                    detached.push(Detached {
                        owner: old.speakers[s].id.clone(),
                        field: "speaker mention",
                        text: span.slice(old_text).to_string(),
                    });
                }
            },
        }
    }
    for &(s, m) in lost_mentions.iter().rev() {
        speakers[s].mentions.remove(m);
    }
    for s in &mut speakers {
        s.mentions.sort();
        s.mentions.dedup();
    }
    let mut annotations: Vec<Annotation> = annotations.into_iter().flatten().collect();
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Anchored {
        analysis: Analysis {
            language: old.language,
            text: new_text.to_string(),
            annotations,
            speakers,
        },
        orphans,
        detached,
        moved,
    }
}

/// Searches one text for many anchors, caching whole-text searches.
struct Searcher<'t> {
    text: &'t str,
    map: OffsetMap<'t>,
    cache: HashMap<String, Rc<[usize]>>,
    global_searches: usize,
    index: Option<GramIndex>,
}

/// One scored occurrence.
#[derive(Clone, Copy)]
struct Scored {
    at: usize,
    /// Code points of context matching right next to it.
    adjacent: usize,
    value: i64,
    dist: usize,
    full: bool,
}

impl<'t> Searcher<'t> {
    fn new(text: &'t str) -> Self {
        Searcher {
            text,
            map: OffsetMap::new(text),
            cache: HashMap::new(),
            global_searches: 0,
            index: None,
        }
    }

    fn place_one(&mut self, a: &Anchor, shift: i64) -> Result<Placement, OrphanReason> {
        let len = self.map.cp_len();
        if a.exact.is_empty() {
            let Some((start, end)) = a.position else {
                return Err(OrphanReason::NoSelector);
            };
            return match (self.map.byte_of_cp(start), self.map.byte_of_cp(end)) {
                (Some(s), Some(e)) if s <= e => Ok(Placement {
                    span: Span::new(s, e),
                    how: How::PositionOnly,
                }),
                _ => Err(OrphanReason::OutOfRange { start, end, len }),
            };
        }
        // Hints: the old position, and the old position shifted like the
        // anchor placed before this one.
        let mut hints: Vec<usize> = Vec::with_capacity(2);
        let mut origin = None;
        if let Some((start, _)) = a.position {
            origin = self.map.byte_of_cp(start.min(len));
            hints.extend(origin);
            if shift != 0 {
                let cp = (start as i64 + shift).clamp(0, len as i64) as usize;
                if let Some(b) = self.map.byte_of_cp(cp) {
                    if !hints.contains(&b) {
                        hints.push(b);
                    }
                }
            }
        }
        let how_at = |at: usize| {
            if a.position.is_none() || Some(at) == origin {
                How::Exact
            } else {
                How::Moved
            }
        };
        let found = |at: usize, how: How| Placement {
            span: Span::new(at, at + a.exact.len()),
            how,
        };

        // 1. At a hint, with its whole context.
        for &h in &hints {
            if self.text[h..].starts_with(a.exact.as_str()) && self.score(a, h, &hints).full {
                return Ok(found(h, how_at(h)));
            }
        }
        // 2. Exact occurrences: near the hints first, then everywhere.
        let mut scored: Vec<Scored> = Vec::new();
        for &h in &hints {
            let lo = floor_char_boundary(self.text, h.saturating_sub(WINDOW));
            let hi = ceil_char_boundary(self.text, h + a.exact.len() + WINDOW);
            for at in find_all(&self.text.as_bytes()[lo..hi], a.exact.as_bytes()) {
                scored.push(self.score(a, lo + at, &hints));
            }
        }
        let has_context = !a.prefix.is_empty() || !a.suffix.is_empty();
        if has_context && !scored.iter().any(|s| s.full) {
            // The quote with its whole context, anywhere: moved text.
            let whole = format!("{}{}{}", a.prefix, a.exact, a.suffix);
            let all = self.occurrences(&whole);
            for &at in nearest(&all, hints.first().copied(), MAX_CANDIDATES) {
                scored.push(self.score(a, at + a.prefix.len(), &hints));
            }
        }
        if scored.is_empty() {
            // Nothing near and no intact context: every occurrence.
            let all = self.occurrences(&a.exact);
            for &at in nearest(&all, hints.first().copied(), MAX_CANDIDATES) {
                scored.push(self.score(a, at, &hints));
            }
        }
        let rank = |x: &Scored| (x.value, std::cmp::Reverse(x.dist), std::cmp::Reverse(x.at));
        scored.sort_by_key(|x| std::cmp::Reverse(rank(x)));
        scored.dedup_by_key(|x| x.at);
        if let Some(first) = scored.first() {
            if first.full || scored.len() == 1 {
                return Ok(found(first.at, how_at(first.at)));
            }
            // No occurrence keeps its whole context: the context may have
            // been edited next to the annotation. Rescore the best few by
            // how much of each side's context survives anywhere in order
            // (longest common subsequence), not only right next to it.
            let old_before: Vec<char> = a.prefix.chars().rev().collect();
            let old_after: Vec<char> = a.suffix.chars().collect();
            let best = scored
                .iter()
                .take(RESCORE)
                .map(|x| {
                    let end = x.at + a.exact.len();
                    let before: Vec<char> = self.text[..x.at]
                        .chars()
                        .rev()
                        .take(old_before.len() + CONTEXT)
                        .collect();
                    let after: Vec<char> = self.text[end..]
                        .chars()
                        .take(old_after.len() + CONTEXT)
                        .collect();
                    let kept = lcs(&old_before, &before) + lcs(&old_after, &after);
                    let penalty = i64::from((x.dist as u64 + 1).ilog2());
                    // What survives anywhere nearby, plus what survives
                    // right next to it (ties between the two are common).
                    Scored {
                        value: 2 * kept as i64 + x.adjacent as i64 - penalty,
                        ..*x
                    }
                })
                .max_by_key(rank);
            if let Some(b) = best {
                return Ok(found(b.at, how_at(b.at)));
            }
        }
        // 3. Approximately.
        if let Some((span, edits)) = self.fuzzy(a, &hints) {
            return Ok(Placement {
                span,
                how: How::Approximate { edits },
            });
        }
        Err(OrphanReason::NotFound)
    }

    /// Scores an occurrence of `a.exact` at byte `at`.
    fn score(&self, a: &Anchor, at: usize, hints: &[usize]) -> Scored {
        let end = at + a.exact.len();
        let (p, p_all) = common_suffix(&self.text[..at], &a.prefix);
        let (s, s_all) = common_prefix(&self.text[end..], &a.suffix);
        let dist = hints.iter().map(|&h| h.abs_diff(at)).min().unwrap_or(0);
        let penalty = i64::from((dist as u64 + 1).ilog2());
        Scored {
            at,
            adjacent: p + s,
            value: 2 * (p + s) as i64 - penalty,
            dist,
            full: p_all && s_all,
        }
    }

    /// Every occurrence of `needle` in the text (byte offsets, ascending),
    /// shared with the cache.
    fn occurrences(&mut self, needle: &str) -> Rc<[usize]> {
        if let Some(found) = self.cache.get(needle) {
            return Rc::clone(found);
        }
        self.global_searches += 1;
        if self.index.is_none() && self.global_searches > INDEX_AFTER {
            self.index = Some(GramIndex::new(self.text));
        }
        let found: Rc<[usize]> = match &self.index {
            Some(index) if needle.len() >= GRAM => index.find(self.text, needle).into(),
            _ => find_all(self.text.as_bytes(), needle.as_bytes()).collect(),
        };
        self.cache.insert(needle.to_string(), Rc::clone(&found));
        found
    }

    /// Step 3: a stretch within `max(1, len/10)` edits of `a.exact`.
    fn fuzzy(&mut self, a: &Anchor, hints: &[usize]) -> Option<(Span, usize)> {
        let pattern: Vec<char> = a.exact.chars().collect();
        let m = pattern.len();
        if !(MIN_FUZZY_CPS..=MAX_FUZZY_CPS).contains(&m) {
            return None;
        }
        let k = (m / 10).max(1);
        let mut hints = hints.to_vec();
        // Where the context says the text should start.
        if a.prefix.chars().count() >= 8 {
            for at in self.context_hits(&a.prefix, &hints) {
                hints.push(at + a.prefix.len());
            }
        }
        if a.suffix.chars().count() >= 8 {
            for at in self.context_hits(&a.suffix, &hints) {
                hints.push(floor_char_boundary(
                    self.text,
                    at.saturating_sub(a.exact.len()),
                ));
            }
        }
        if hints.is_empty() {
            return None;
        }
        hints.truncate(6);
        // Pigeonhole: k + 1 pieces, one of which survives k edits intact.
        let bounds: Vec<usize> = (0..=k + 1)
            .map(|i| {
                let cp = i * m / (k + 1);
                a.exact
                    .char_indices()
                    .nth(cp)
                    .map_or(a.exact.len(), |(b, _)| b)
            })
            .collect();
        let slack = 256 + 8 * k;
        let mut estimates: Vec<usize> = Vec::new();
        for &h in &hints {
            let lo = floor_char_boundary(self.text, h.saturating_sub(a.exact.len() + slack));
            let hi = ceil_char_boundary(self.text, h + 2 * a.exact.len() + slack);
            let window = &self.text.as_bytes()[lo..hi];
            for piece in bounds.windows(2) {
                let (from, to) = (piece[0], piece[1]);
                if from == to {
                    continue;
                }
                for at in find_all(window, &a.exact.as_bytes()[from..to]) {
                    estimates.push((lo + at).saturating_sub(from));
                }
            }
        }
        let first = hints[0];
        estimates.sort_by_key(|&e| (e.abs_diff(first), e));
        estimates.dedup();
        let mut best: Option<(usize, usize, usize, Span)> = None; // (edits, len diff, dist, span)
        let mut checked: Vec<usize> = Vec::new();
        for est in estimates {
            if checked.len() >= MAX_VERIFY {
                break;
            }
            if checked.iter().any(|&c| c.abs_diff(est) <= 2 * k) {
                continue;
            }
            checked.push(est);
            let lo = floor_char_boundary(self.text, est.saturating_sub(4 * k));
            let hi = ceil_char_boundary(self.text, est + a.exact.len() + 4 * k);
            if let Some((edits, span)) = align(&pattern, self.text, lo, hi, k) {
                let span_cps = self.text[span.start..span.end].chars().count();
                let key = (
                    edits,
                    span_cps.abs_diff(m),
                    span.start.abs_diff(first),
                    span,
                );
                if best.is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2)) {
                    best = Some(key);
                }
            }
        }
        best.map(|(edits, _, _, span)| (span, edits))
    }

    /// Occurrences of a context string: near the hints, else anywhere (the
    /// few nearest the first hint, or the first few).
    fn context_hits(&mut self, needle: &str, hints: &[usize]) -> Vec<usize> {
        let mut hits = Vec::new();
        for &h in hints {
            let lo = floor_char_boundary(self.text, h.saturating_sub(WINDOW));
            let hi = ceil_char_boundary(self.text, h + WINDOW);
            hits.extend(
                find_all(&self.text.as_bytes()[lo..hi], needle.as_bytes()).map(|at| lo + at),
            );
        }
        if hits.is_empty() {
            let all = self.occurrences(needle);
            hits.extend_from_slice(nearest(&all, hints.first().copied(), 4));
        }
        let first = hints.first().copied().unwrap_or(0);
        hits.sort_by_key(|&at| at.abs_diff(first));
        hits.dedup();
        hits.truncate(4);
        hits
    }
}

/// Every occurrence of `needle` in `hay`, overlapping ones included
/// (`memmem::find_iter` skips those).
fn find_all<'h>(hay: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let finder = memmem::Finder::new(needle);
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() || from > hay.len() {
            return None;
        }
        let at = from + finder.find(&hay[from..])?;
        from = at + 1;
        Some(at)
    })
}

/// Length of the longest common subsequence of two short sequences.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Up to `n` of the sorted `all`, nearest to `hint` (the first `n` without one).
fn nearest(all: &[usize], hint: Option<usize>, n: usize) -> &[usize] {
    if all.len() <= n {
        return all;
    }
    let Some(h) = hint else {
        return &all[..n];
    };
    let mid = all.partition_point(|&x| x < h);
    let lo = mid.saturating_sub(n / 2).min(all.len() - n);
    &all[lo..lo + n]
}

/// Code points `before` ends with of `prefix`'s end, and whether that is all
/// of `prefix`.
fn common_suffix(before: &str, prefix: &str) -> (usize, bool) {
    let mut n = 0;
    let mut ours = prefix.chars().rev();
    let mut theirs = before.chars().rev();
    loop {
        match (ours.next(), theirs.next()) {
            (None, _) => return (n, true),
            (Some(a), Some(b)) if a == b => n += 1,
            _ => return (n, false),
        }
    }
}

/// Code points `after` starts with of `suffix`, and whether that is all of it.
fn common_prefix(after: &str, suffix: &str) -> (usize, bool) {
    let mut n = 0;
    let mut ours = suffix.chars();
    let mut theirs = after.chars();
    loop {
        match (ours.next(), theirs.next()) {
            (None, _) => return (n, true),
            (Some(a), Some(b)) if a == b => n += 1,
            _ => return (n, false),
        }
    }
}

/// Semi-global alignment of `pattern` against `text[lo..hi]`: the stretch
/// with the fewest edits (then the length closest to the pattern's), when
/// at most `k`. Returns `(edits, byte span)`.
fn align(pattern: &[char], text: &str, lo: usize, hi: usize, k: usize) -> Option<(usize, Span)> {
    let region: Vec<(usize, char)> = text[lo..hi]
        .char_indices()
        .map(|(b, c)| (lo + b, c))
        .collect();
    let n = region.len();
    let byte_at = |j: usize| region.get(j).map_or(hi, |&(b, _)| b);
    // Row i: cost and start column of the best alignment of pattern[..i]
    // ending at column j.
    let mut cost: Vec<usize> = vec![0; n + 1];
    let mut start: Vec<usize> = (0..=n).collect();
    let mut next_cost = vec![0usize; n + 1];
    let mut next_start = vec![0usize; n + 1];
    for (i, &p) in pattern.iter().enumerate() {
        next_cost[0] = i + 1;
        next_start[0] = 0;
        for j in 1..=n {
            let diag = cost[j - 1] + usize::from(region[j - 1].1 != p);
            let up = cost[j] + 1;
            let left = next_cost[j - 1] + 1;
            let (c, s) = if diag <= up && diag <= left {
                (diag, start[j - 1])
            } else if up <= left {
                (up, start[j])
            } else {
                (left, next_start[j - 1])
            };
            next_cost[j] = c;
            next_start[j] = s;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
        if cost.iter().all(|&c| c > k) {
            return None;
        }
    }
    let m = pattern.len();
    (0..=n)
        .filter(|&j| cost[j] <= k && j > start[j])
        .min_by_key(|&j| (cost[j], (j - start[j]).abs_diff(m), j))
        .map(|j| (cost[j], Span::new(byte_at(start[j]), byte_at(j))))
}

/// Every char-boundary position of a text, grouped by a hash of the 8
/// bytes starting there: whole-text searches for needles of 8 bytes or more
/// look at one bucket instead of scanning the text.
struct GramIndex {
    /// `starts[b]..starts[b + 1]` are bucket `b`'s positions in `positions`.
    starts: Vec<u32>,
    positions: Vec<u32>,
    shift: u32,
}

impl GramIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let count = bytes.len().saturating_sub(GRAM - 1);
        let bits = (count / 4)
            .max(16)
            .next_power_of_two()
            .trailing_zeros()
            .min(22);
        let shift = 64 - bits;
        let buckets = 1usize << bits;
        let key = |at: usize| gram_hash(&bytes[at..at + GRAM], shift);
        let boundary = |at: usize| text.is_char_boundary(at);
        let mut starts = vec![0u32; buckets + 1];
        for at in (0..count).filter(|&at| boundary(at)) {
            starts[key(at) + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        let mut fill = starts.clone();
        let mut positions = vec![0u32; starts[buckets] as usize];
        for at in (0..count).filter(|&at| boundary(at)) {
            let b = key(at);
            positions[fill[b] as usize] = at as u32;
            fill[b] += 1;
        }
        GramIndex {
            starts,
            positions,
            shift,
        }
    }

    /// Every occurrence of `needle` (at least [`GRAM`] bytes), ascending.
    fn find(&self, text: &str, needle: &str) -> Vec<usize> {
        let b = gram_hash(&needle.as_bytes()[..GRAM], self.shift);
        let (lo, hi) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        // Positions in a bucket were filled in text order.
        self.positions[lo..hi]
            .iter()
            .map(|&p| p as usize)
            .filter(|&p| text.as_bytes()[p..].starts_with(needle.as_bytes()))
            .collect()
    }
}

fn gram_hash(gram: &[u8], shift: u32) -> usize {
    let mut b = [0u8; GRAM];
    b.copy_from_slice(gram);
    (u64::from_le_bytes(b).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(exact: &str, prefix: &str, suffix: &str, position: Option<(usize, usize)>) -> Anchor {
        Anchor {
            id: "a".into(),
            exact: exact.into(),
            prefix: prefix.into(),
            suffix: suffix.into(),
            position,
        }
    }

    fn placed(text: &str, a: Anchor) -> Result<(String, How), OrphanReason> {
        place(text, &[a])
            .remove(0)
            .map(|p| (p.span.slice(text).to_string(), p.how))
    }

    #[test]
    fn finds_at_position_then_by_context() {
        let text = "قال الوزير: نعم. وقال الوزير: لا.";
        // Right position.
        let r = place(text, &[anchor("الوزير", "وقال ", ": لا", Some((22, 28)))]);
        let span = r[0].as_ref().unwrap().span;
        assert_eq!(OffsetMap::new(text).cp_of_byte(span.start), 22);
        assert_eq!(r[0].as_ref().unwrap().how, How::Exact);
        // Wrong position: the context picks the second one.
        let r = place(text, &[anchor("الوزير", "وقال ", ": لا", Some((4, 10)))]);
        let p = r[0].as_ref().unwrap();
        assert_eq!(OffsetMap::new(text).cp_of_byte(p.span.start), 22);
        assert_eq!(p.how, How::Moved);
        // No position, no context: the first.
        let r = place(text, &[anchor("الوزير", "", "", None)]);
        assert_eq!(
            OffsetMap::new(text).cp_of_byte(r[0].as_ref().unwrap().span.start),
            4
        );
    }

    #[test]
    fn tolerates_small_edits() {
        let text = "The minister said on Monday that the talks will resume next week in Amman.";
        let (found, how) = placed(
            text,
            anchor(
                "the talks would resume next week",
                "said on Monday that ",
                " in Amman",
                Some((32, 64)),
            ),
        )
        .unwrap();
        assert_eq!(found, "the talks will resume next week");
        assert!(matches!(how, How::Approximate { edits } if edits <= 3));
        // Without a position, the prefix leads there.
        let (found, _) = placed(
            text,
            anchor(
                "the talks would resume next week",
                "said on Monday that ",
                "",
                None,
            ),
        )
        .unwrap();
        assert_eq!(found, "the talks will resume next week");
        // Too many edits: an orphan.
        assert_eq!(
            placed(
                text,
                anchor("a completely different sentence", "", "", Some((3, 30)))
            ),
            Err(OrphanReason::NotFound)
        );
    }

    #[test]
    fn position_only() {
        let text = "😀 قال";
        assert_eq!(
            placed(text, anchor("", "", "", Some((2, 5)))),
            Ok(("قال".to_string(), How::PositionOnly))
        );
        assert_eq!(
            placed(text, anchor("", "", "", Some((2, 9)))),
            Err(OrphanReason::OutOfRange {
                start: 2,
                end: 9,
                len: 5
            })
        );
        assert_eq!(
            placed(text, anchor("", "", "", None)),
            Err(OrphanReason::NoSelector)
        );
    }

    #[test]
    fn index_finds_what_a_scan_finds() {
        let text = "ابتثجحخ دذرزسشص ضطظعغ ".repeat(300) + "abcdefgh abcdefghij 😀😀😀";
        let index = GramIndex::new(&text);
        for needle in [
            "ابتثجحخ",
            "دذرزسشص ضط",
            "abcdefgh",
            "😀😀",
            "not there at all",
        ] {
            if needle.len() < GRAM {
                continue;
            }
            let scan: Vec<usize> = find_all(text.as_bytes(), needle.as_bytes()).collect();
            assert_eq!(index.find(&text, needle), scan, "{needle}");
        }
    }

    #[test]
    fn align_counts_code_point_edits() {
        let pat: Vec<char> = "وزيرُ الخارجية".chars().collect();
        let text = "قال وزير الخارجيه أمس";
        let (edits, span) = align(&pat, text, 0, text.len(), 3).unwrap();
        assert_eq!(span.slice(text), "وزير الخارجيه");
        assert_eq!(edits, 2);
    }
}
