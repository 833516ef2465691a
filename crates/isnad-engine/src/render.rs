//! What the article view needs to draw annotations and take selections,
//! without touching the DOM: highlight runs and selection snapping.
//!
//! **Highlight runs.** The view shows each paragraph (a non-blank line, as
//! in [`crate::segment`]) as a sequence of [`Run`]s. Runs partition the
//! paragraph exactly: consecutive, non-empty, covering every byte. A run
//! boundary sits at every annotation, cue and mention edge, so inside one
//! run the set of covering [`Layer`]s is constant and the view renders the
//! run as one stack of nested inline elements, outermost layer first.
//!
//! **Letters stay joined.** Chromium keeps Arabic letters joined across an
//! element boundary only when the boundary does not fall between two
//! joining letters of one word. Display boundaries are therefore
//! word-safe (see [`word_safe`]): when an annotation edge falls inside a
//! word (editor selections are snapped with [`snap_to_words`], but imported
//! files may carry any offsets), its *display* boundary moves outward to the
//! word edge: a start moves to the word's start, an end to the word's end.
//! The annotation's own span in the model is never changed; only the runs
//! render it word-aligned, so a highlight can look one partial word wider
//! than the stored span. Paragraph ends always stay where they are.
//!
//! **Deep stacks are capped.** Imported files may pile thousands of
//! annotations on the same few words. A run keeps at most [`MAX_LAYERS`]
//! layers (the outermost ones and the innermost one) and counts the rest in
//! [`Run::hidden`], so the view never nests more than [`MAX_LAYERS`]
//! elements and building the runs stays linear in the number of runs, not
//! in runs × depth. Every annotation stays in the analysis and its lists.
//!
//! **Selection snapping.** [`snap_to_words`] and [`snap_utf16`] turn a raw
//! DOM selection into a span an editor means: whole words, whole grapheme
//! clusters (diacritics and tatweel with their letter, emoji sequences
//! whole), without the surrounding white space or the quotation marks the
//! selection happened to start just outside of.
//!
//! All offsets are byte offsets on char boundaries; UTF-16 DOM offsets are
//! converted only through [`OffsetMap`].

use std::cmp::Reverse;
use std::collections::BTreeSet;

use unicode_segmentation::GraphemeCursor;

use crate::chars::{classify, is_arabic_mark, is_quote_mark, Class, TATWEEL};
use crate::model::{Analysis, Annotation, Detail, Span};
use crate::offsets::{ceil_char_boundary, floor_char_boundary, OffsetMap};

/// What part of an annotation a layer draws. The declaration order is the
/// nesting order used when two layers cover exactly the same text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Page noise.
    Boilerplate,
    /// A checkable claim.
    Claim,
    /// What a quote says (its content, without the marks).
    QuoteContent,
    /// A quote's cue word(s): قال، said, a déclaré.
    Cue,
    /// The mention of a quote's speaker.
    Mention,
}

/// One highlight over a run: which annotation, and which part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Layer {
    /// Index into the annotations the runs were built from.
    pub annotation: usize,
    /// The part of the annotation drawn.
    pub role: Role,
}

/// The most layers a run keeps (see [`Run::hidden`]).
pub const MAX_LAYERS: usize = 8;

/// A stretch of a paragraph covered by one constant set of layers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Byte span in the document text; never empty.
    pub span: Span,
    /// The covering layers, outermost first (earlier start, then longer,
    /// then by [`Role`], then by annotation index); empty for plain text.
    /// When more than the limit ([`MAX_LAYERS`] unless asked otherwise)
    /// cover the run, only the outermost `limit - 1` and the innermost one.
    pub layers: Vec<Layer>,
    /// How many more layers cover the run than `layers` holds: the ones
    /// between the kept outer layers and the innermost. Zero when every
    /// covering layer is kept.
    pub hidden: usize,
}

/// The runs of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphRuns {
    /// The paragraph's byte span (a non-blank line without surrounding
    /// white space).
    pub paragraph: Span,
    /// Runs partitioning `paragraph` exactly.
    pub runs: Vec<Run>,
}

/// The paragraphs of `text`: maximal non-blank lines without their
/// surrounding white space, exactly as [`crate::segment::segment`] finds
/// them (lines split at every line break, `\r\n` counting as one), in text
/// order. Everything between two paragraphs is white space and line breaks.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut found = Vec::new();
    // First and one-past-last byte of the visible characters on this line.
    let mut line: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        match classify(c) {
            Class::LineBreak => {
                if let Some((start, end)) = line.take() {
                    found.push(Span::new(start, end));
                }
            }
            Class::Space => {}
            _ => {
                let end = i + c.len_utf8();
                line = Some(line.map_or((i, end), |(start, _)| (start, end)));
            }
        }
    }
    if let Some((start, end)) = line {
        found.push(Span::new(start, end));
    }
    found
}

/// The runs of every paragraph of an analysed document, in text order.
/// Runs in `O(pieces log pieces + output + n)`, where a piece is one layer
/// clipped to one paragraph it overlaps (each annotation is placed only in
/// its own paragraphs) and the `n` term is the widening of edges that fall
/// inside words, which walks each byte at most once.
/// Runs keep at most [`MAX_LAYERS`] layers (see [`runs_limited`]).
pub fn runs(analysis: &Analysis) -> Vec<ParagraphRuns> {
    runs_limited(analysis, MAX_LAYERS)
}

/// [`runs`] keeping at most `limit` layers per run (at least 1: the
/// innermost is always kept); `usize::MAX` keeps them all. Adds
/// `O(runs × min(limit, depth))` for the layer lists, never the full depth.
pub fn runs_limited(analysis: &Analysis, limit: usize) -> Vec<ParagraphRuns> {
    let text = analysis.text.as_str();
    let paragraphs = paragraphs(text);
    let mut pieces_of: Vec<Vec<Piece>> = vec![Vec::new(); paragraphs.len()];
    for (index, annotation) in analysis.annotations.iter().enumerate() {
        for (role, span) in layer_spans(annotation) {
            let first = paragraphs.partition_point(|p| p.end <= span.start);
            for (p, paragraph) in paragraphs.iter().enumerate().skip(first) {
                if paragraph.start >= span.end {
                    break;
                }
                if let Some(clipped) = clip(text, span, *paragraph) {
                    pieces_of[p].push(Piece {
                        span: clipped,
                        layer: Layer {
                            annotation: index,
                            role,
                        },
                    });
                }
            }
        }
    }
    paragraphs
        .into_iter()
        .zip(pieces_of)
        .map(|(paragraph, pieces)| ParagraphRuns {
            paragraph,
            runs: build_runs(text, paragraph, pieces, limit),
        })
        .collect()
}

/// The runs of one paragraph (any byte span of `text`; clamped to the text
/// and to char boundaries). Annotations crossing the paragraph's ends are
/// clipped to it. Looks at every annotation: to draw a whole document use
/// [`runs`], which places each annotation only in its own paragraphs.
/// Runs keep at most [`MAX_LAYERS`] layers.
pub fn paragraph_runs(text: &str, paragraph: Span, annotations: &[Annotation]) -> Vec<Run> {
    paragraph_runs_limited(text, paragraph, annotations, MAX_LAYERS)
}

/// [`paragraph_runs`] keeping at most `limit` layers per run, as
/// [`runs_limited`].
pub fn paragraph_runs_limited(
    text: &str,
    paragraph: Span,
    annotations: &[Annotation],
    limit: usize,
) -> Vec<Run> {
    let end = ceil_char_boundary(text, paragraph.end);
    let start = floor_char_boundary(text, paragraph.start.min(end));
    let paragraph = Span::new(start, end);
    let pieces = annotations
        .iter()
        .enumerate()
        .flat_map(|(index, annotation)| {
            layer_spans(annotation).filter_map(move |(role, span)| {
                clip(text, span, paragraph).map(|clipped| Piece {
                    span: clipped,
                    layer: Layer {
                        annotation: index,
                        role,
                    },
                })
            })
        })
        .collect();
    build_runs(text, paragraph, pieces, limit)
}

/// One layer's stretch inside one paragraph.
#[derive(Clone, Copy, Debug)]
struct Piece {
    span: Span,
    layer: Layer,
}

/// The spans an annotation draws: its own, and a quote's cue and mention.
pub fn layer_spans(annotation: &Annotation) -> impl Iterator<Item = (Role, Span)> {
    let (role, cue, mention) = match &annotation.detail {
        Detail::Quote(quote) => (Role::QuoteContent, quote.cue, quote.mention),
        Detail::Claim(_) => (Role::Claim, None, None),
        Detail::Boilerplate => (Role::Boilerplate, None, None),
    };
    [
        Some((role, annotation.span)),
        cue.map(|span| (Role::Cue, span)),
        mention.map(|span| (Role::Mention, span)),
    ]
    .into_iter()
    .flatten()
}

/// `span` clipped to `paragraph` and widened to char boundaries (imported
/// offsets may be anywhere); `None` when nothing is left.
fn clip(text: &str, span: Span, paragraph: Span) -> Option<Span> {
    let start = span.start.max(paragraph.start);
    let end = span.end.min(paragraph.end);
    if start >= end {
        return None;
    }
    Some(Span::new(
        floor_char_boundary(text, start),
        ceil_char_boundary(text, end),
    ))
}

/// The sweep: sorts the (word-widened) pieces into nesting order, then walks
/// their edges left to right keeping the set of open layers. Each run takes
/// at most `limit` of them (read off the ordered set's ends, never all of
/// it); a run whose kept layers and hidden count equal the previous run's
/// is merged into it.
fn build_runs(text: &str, paragraph: Span, mut pieces: Vec<Piece>, limit: usize) -> Vec<Run> {
    if paragraph.is_empty() {
        return Vec::new();
    }
    let limit = limit.max(1);
    let words = SplitWords::find(text, paragraph, &pieces);
    for piece in &mut pieces {
        piece.span = Span::new(
            words.start_of(piece.span.start),
            words.end_of(piece.span.end),
        );
    }
    // After this sort a piece's index is its nesting rank, so an ordered set
    // of indices lists the open layers outermost first.
    pieces.sort_unstable_by_key(|p| {
        (
            p.span.start,
            Reverse(p.span.end),
            p.layer.role,
            p.layer.annotation,
        )
    });
    let mut edges: Vec<(usize, usize)> = Vec::with_capacity(pieces.len() * 2);
    for (i, piece) in pieces.iter().enumerate() {
        edges.push((piece.span.start, i));
        edges.push((piece.span.end, i));
    }
    edges.sort_unstable();

    let mut runs: Vec<Run> = Vec::with_capacity(edges.len() + 1);
    let mut open: BTreeSet<usize> = BTreeSet::new();
    let mut at = paragraph.start;
    let mut k = 0;
    while k < edges.len() {
        let position = edges[k].0;
        if position > at {
            push_run(&mut runs, Span::new(at, position), &open, &pieces, limit);
            at = position;
        }
        // Every piece is non-empty, so its start edge toggles it open and its
        // end edge, at a later position, toggles it closed.
        while k < edges.len() && edges[k].0 == position {
            let piece = edges[k].1;
            if !open.remove(&piece) {
                open.insert(piece);
            }
            k += 1;
        }
    }
    if at < paragraph.end {
        push_run(
            &mut runs,
            Span::new(at, paragraph.end),
            &open,
            &pieces,
            limit,
        );
    }
    runs
}

/// Appends the run over `span` covered by the `open` pieces, keeping at
/// most `limit` (≥ 1) layers: all of them when they fit, otherwise the
/// outermost `limit - 1` and the innermost. `O(limit + log open)`.
fn push_run(
    runs: &mut Vec<Run>,
    span: Span,
    open: &BTreeSet<usize>,
    pieces: &[Piece],
    limit: usize,
) {
    let (layers, hidden): (Vec<Layer>, usize) = if open.len() <= limit {
        (open.iter().map(|&i| pieces[i].layer).collect(), 0)
    } else {
        let outer = open.iter().take(limit - 1);
        let inner = open.last();
        (
            outer.chain(inner).map(|&i| pieces[i].layer).collect(),
            open.len() - limit,
        )
    };
    if let Some(last) = runs.last_mut() {
        if last.span.end == span.start && last.hidden == hidden && last.layers == layers {
            last.span = Span::new(last.span.start, span.end);
            return;
        }
    }
    runs.push(Run {
        span,
        layers,
        hidden,
    });
}

/// The words that piece edges fall inside, found once per paragraph: each
/// entry is `(edge, word start, word end)`, sorted by edge.
struct SplitWords {
    found: Vec<(usize, usize, usize)>,
}

impl SplitWords {
    /// Looks at every edge strictly inside `paragraph` (its own ends are
    /// always boundaries). Edges are visited in order and a word already
    /// walked is reused, so each byte of the paragraph is walked at most
    /// once even when thousands of edges fall inside one long word.
    fn find(text: &str, paragraph: Span, pieces: &[Piece]) -> Self {
        let mut inner: Vec<usize> = pieces
            .iter()
            .flat_map(|p| [p.span.start, p.span.end])
            .filter(|&e| paragraph.start < e && e < paragraph.end)
            .collect();
        inner.sort_unstable();
        inner.dedup();
        let mut found = Vec::new();
        let mut word: Option<(usize, usize)> = None;
        for edge in inner {
            if let Some((start, end)) = word {
                // Edges are increasing and nothing strictly inside a word is
                // safe, so an edge before the last word's end is inside it.
                if edge < end {
                    found.push((edge, start, end));
                    continue;
                }
            }
            if word_safe(text, edge) {
                continue;
            }
            let start = safe_at_or_before(text, edge, paragraph.start);
            let end = safe_at_or_after(text, edge, paragraph.end);
            word = Some((start, end));
            found.push((edge, start, end));
        }
        SplitWords { found }
    }

    /// Where a display boundary starting at `edge` goes.
    fn start_of(&self, edge: usize) -> usize {
        self.lookup(edge).map_or(edge, |(start, _)| start)
    }

    /// Where a display boundary ending at `edge` goes.
    fn end_of(&self, edge: usize) -> usize {
        self.lookup(edge).map_or(edge, |(_, end)| end)
    }

    fn lookup(&self, edge: usize) -> Option<(usize, usize)> {
        let i = self.found.binary_search_by_key(&edge, |w| w.0).ok()?;
        let (_, start, end) = self.found[i];
        Some((start, end))
    }
}

/// The nearest word-safe position at or before `at`, not before `floor`.
fn safe_at_or_before(text: &str, at: usize, floor: usize) -> usize {
    let mut at = at;
    while at > floor && !word_safe(text, at) {
        at = previous_char_boundary(text, at);
    }
    at.max(floor)
}

/// The nearest word-safe position at or after `at`, not after `ceiling`.
fn safe_at_or_after(text: &str, at: usize, ceiling: usize) -> usize {
    let mut at = at;
    while at < ceiling && !word_safe(text, at) {
        at = next_char_boundary(text, at);
    }
    at.min(ceiling)
}

fn previous_char_boundary(text: &str, at: usize) -> usize {
    floor_char_boundary(text, at.saturating_sub(1))
}

fn next_char_boundary(text: &str, at: usize) -> usize {
    ceil_char_boundary(text, at + 1)
}

/// A writing system, for deciding where a word ends: letters of one script
/// run on, a change of script is a word edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    /// Arabic letters, diacritics and tatweel (the joining script).
    Arabic,
    /// Letters of any other script, and their combining marks.
    OtherLetters,
    /// Decimal digits of any script (they never join).
    Digits,
}

/// The script of a word character; `None` for white space, punctuation,
/// symbols and emoji, which are never inside a word.
fn script(c: char) -> Option<Script> {
    match classify(c) {
        Class::ArabicLetter => Some(Script::Arabic),
        Class::Letter => Some(Script::OtherLetters),
        Class::Digit => Some(Script::Digits),
        Class::Mark if c == TATWEEL || is_arabic_mark(c) => Some(Script::Arabic),
        Class::Mark => Some(Script::OtherLetters),
        Class::Space | Class::LineBreak | Class::Other => None,
    }
}

/// Combining marks looked through to find the letter they sit on.
const MARK_LOOKBACK: usize = 32;

/// The script of the character before `at`, looking through combining
/// marks and joiners to the letter carrying them (tatweel is a letter for
/// this: it joins on both sides).
fn script_before(text: &str, at: usize) -> Option<Script> {
    let before = &text[..at];
    for c in before.chars().rev().take(MARK_LOOKBACK) {
        if classify(c) == Class::Mark && c != TATWEEL {
            continue;
        }
        return script(c);
    }
    // Only marks (a text starting with marks, or an absurd stack of them):
    // they belong to a word of their own script.
    before.chars().next_back().and_then(script)
}

/// Bytes of context a grapheme decision may look back over (emoji ZWJ
/// sequences and flag pairs need some). Beyond it the window start is taken
/// as a text start, which keeps every check local even on a pathological
/// text made of one endless cluster.
const GRAPHEME_LOOKBACK: usize = 256;

/// True when `at` is an extended grapheme cluster boundary of `text` (false
/// off a char boundary or past the end).
pub fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    if at > text.len() || !text.is_char_boundary(at) {
        return false;
    }
    if at == 0 || at == text.len() {
        return true;
    }
    let window_start = floor_char_boundary(text, at.saturating_sub(GRAPHEME_LOOKBACK));
    // The decision at `at` looks at one character after it.
    let window_end = ceil_char_boundary(text, at + 1);
    let window = &text[window_start..window_end];
    let mut cursor = GraphemeCursor::new(at - window_start, window.len(), true);
    // The window is complete from its own start, so the cursor never asks
    // for more context; should it, a boundary is the harmless answer.
    cursor.is_boundary(window, 0).unwrap_or(true)
}

/// True when a boundary at byte `at` does not split a word: at the start or
/// end of the text, or next to white space, punctuation, symbols or emoji,
/// or between two scripts (Arabic letters, other letters, digits: the same
/// edges the tokeniser uses, so engine spans never need widening). Never
/// true inside a grapheme cluster (a letter and its diacritics, an emoji
/// sequence) or off a char boundary. Arabic diacritics and tatweel belong to
/// the Arabic word they are in.
pub fn word_safe(text: &str, at: usize) -> bool {
    if at > text.len() || !text.is_char_boundary(at) {
        return false;
    }
    if at == 0 || at == text.len() {
        return true;
    }
    if !is_grapheme_boundary(text, at) {
        return false;
    }
    let Some(after) = text[at..].chars().next().and_then(script) else {
        return true;
    };
    script_before(text, at) != Some(after)
}

/// Snaps a user selection to what the editor means: trims white space at
/// both ends; drops the quotation marks the selection started or ended just
/// outside of (a selection of «نعم» gives نعم, of `«نعم` gives نعم; a pair
/// of marks enclosing the whole selection is dropped together, a lone mark
/// at one end only when the selection holds no other mark, and the
/// ambiguous apostrophes `'` `’` `‘` `‛` only as an enclosing pair); then
/// widens both ends to word edges ([`word_safe`]), which also keeps grapheme
/// clusters whole. A reversed span is read forwards; offsets past the text
/// or inside a character are clamped outward. An empty or white-space-only
/// selection gives an empty span at its start (on a grapheme boundary).
/// Idempotent: snapping a snapped span changes nothing.
pub fn snap_to_words(text: &str, span: Span) -> Span {
    // Widening to word edges can bring a quotation mark to an end, which
    // the next pass would strip: repeat to a fixed point, so snapping a
    // snapped span changes nothing (a few passes at most).
    let mut current = snap_once(text, span);
    for _ in 0..8 {
        let next = snap_once(text, current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// One pass of [`snap_to_words`].
fn snap_once(text: &str, span: Span) -> Span {
    let start = floor_char_boundary(text, span.start.min(span.end));
    let end = ceil_char_boundary(text, span.start.max(span.end));
    let empty = {
        let at = safe_grapheme_floor(text, start);
        Span::new(at, at)
    };
    let (start, end) = trim_spaces(text, start, end);
    if start >= end {
        return empty;
    }
    let (start, end) = strip_outer_marks(text, start, end);
    let (start, end) = trim_spaces(text, start, end);
    if start >= end {
        return empty;
    }
    Span::new(
        safe_at_or_before(text, start, 0),
        safe_at_or_after(text, end, text.len()),
    )
}

/// [`snap_to_words`] for DOM selection offsets: `start16` and `end16` count
/// UTF-16 units from the start of `text`. `None` when either is past the
/// end. Builds an [`OffsetMap`] (`O(n)`); a caller holding one uses
/// [`snap_utf16_in`].
pub fn snap_utf16(text: &str, start16: usize, end16: usize) -> Option<Span> {
    snap_utf16_in(&OffsetMap::new(text), start16, end16)
}

/// [`snap_utf16`] with an existing [`OffsetMap`] of the text. An offset
/// inside a surrogate pair takes in the whole character it splits.
pub fn snap_utf16_in(map: &OffsetMap<'_>, start16: usize, end16: usize) -> Option<Span> {
    let (first16, last16) = (start16.min(end16), start16.max(end16));
    let start = map.byte_of_utf16(first16)?;
    let mut end = map.byte_of_utf16(last16)?;
    if map.utf16_of_byte(end) < last16 {
        end = next_char_boundary(map.text(), end);
    }
    Some(snap_to_words(map.text(), Span::new(start, end)))
}

/// The nearest grapheme boundary at or before `at` (a char boundary).
fn safe_grapheme_floor(text: &str, at: usize) -> usize {
    let mut at = at;
    while at > 0 && !is_grapheme_boundary(text, at) {
        at = previous_char_boundary(text, at);
    }
    at
}

/// `start..end` without white space or line breaks at either end.
fn trim_spaces(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let is_blank = |c: char| matches!(classify(c), Class::Space | Class::LineBreak);
    let trimmed_start = slice.trim_start_matches(is_blank);
    let new_start = end - trimmed_start.len();
    let new_end = new_start + trimmed_start.trim_end_matches(is_blank).len();
    (new_start, new_end)
}

/// Quotation marks that are also apostrophes ("l'homme", "ministers’"):
/// dropped only as an enclosing pair.
fn is_apostrophe_like(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '‛')
}

/// Drops the quotation marks a selection started or ended just outside of
/// (see [`snap_to_words`]).
fn strip_outer_marks(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let mut marks = slice.char_indices().filter(|&(_, c)| is_quote_mark(c));
    let Some((first_at, first)) = marks.next() else {
        return (start, end);
    };
    let last = marks.next();
    if marks.next().is_some() {
        return (start, end);
    }
    let starts_with_mark = first_at == 0;
    match last {
        // Two marks: drop them when they enclose the whole selection.
        Some((last_at, mark)) => {
            let ends_with_mark = last_at + mark.len_utf8() == slice.len();
            if starts_with_mark && ends_with_mark {
                (start + first.len_utf8(), start + last_at)
            } else {
                (start, end)
            }
        }
        // One mark: drop it at either end unless it may be an apostrophe.
        None if is_apostrophe_like(first) => (start, end),
        None if starts_with_mark => (start + first.len_utf8(), end),
        None if first_at + first.len_utf8() == slice.len() => (start, start + first_at),
        None => (start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimInfo, Origin, QuoteForm, QuoteInfo};

    fn span_of(text: &str, part: &str) -> Span {
        let start = text
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} not in text"));
        Span::new(start, start + part.len())
    }

    fn annotation(span: Span, detail: Detail) -> Annotation {
        Annotation {
            id: String::new(),
            span,
            origin: Origin::Editor,
            detail,
        }
    }

    fn quote(span: Span, cue: Option<Span>, mention: Option<Span>) -> Annotation {
        annotation(
            span,
            Detail::Quote(QuoteInfo {
                form: QuoteForm::Direct,
                speaker: None,
                cue,
                mention,
            }),
        )
    }

    fn claim(span: Span) -> Annotation {
        annotation(
            span,
            Detail::Claim(ClaimInfo {
                categories: Vec::new(),
                score: 1.0,
                ..Default::default()
            }),
        )
    }

    /// Runs as (text, roles) for compact assertions.
    fn shown<'t>(text: &'t str, runs: &[Run]) -> Vec<(&'t str, Vec<Role>)> {
        runs.iter()
            .map(|r| {
                (
                    r.span.slice(text),
                    r.layers.iter().map(|l| l.role).collect(),
                )
            })
            .collect()
    }

    fn snapped<'t>(text: &'t str, selection: &str) -> &'t str {
        snap_to_words(text, span_of(text, selection)).slice(text)
    }

    #[test]
    fn quote_with_cue_and_mention_splits_into_runs() {
        let text = "قالَ الوزيرُ «نعم» أمس";
        let q = quote(
            span_of(text, "نعم"),
            Some(span_of(text, "قالَ")),
            Some(span_of(text, "الوزيرُ")),
        );
        let para = Span::new(0, text.len());
        assert_eq!(
            shown(text, &paragraph_runs(text, para, &[q])),
            [
                ("قالَ", vec![Role::Cue]),
                (" ", vec![]),
                ("الوزيرُ", vec![Role::Mention]),
                (" «", vec![]),
                ("نعم", vec![Role::QuoteContent]),
                ("» أمس", vec![]),
            ]
        );
    }

    #[test]
    fn claim_containing_quote_nests_claim_outermost() {
        let text = "وقال إن «الاقتصاد نما 5%» هذا العام";
        let quote_span = span_of(text, "الاقتصاد نما 5%");
        let claim_span = Span::new(span_of(text, "إن").start, text.len());
        // Given in the "wrong" order: nesting comes from the spans.
        let annotations = [quote(quote_span, None, None), claim(claim_span)];
        let runs = paragraph_runs(text, Span::new(0, text.len()), &annotations);
        let inside = runs
            .iter()
            .find(|r| r.span == quote_span)
            .unwrap_or_else(|| panic!("no run for the quote: {runs:?}"));
        assert_eq!(
            inside.layers,
            [
                Layer {
                    annotation: 1,
                    role: Role::Claim
                },
                Layer {
                    annotation: 0,
                    role: Role::QuoteContent
                }
            ]
        );
    }

    #[test]
    fn identical_spans_nest_by_role() {
        let text = "one two";
        let span = span_of(text, "two");
        let annotations = [
            quote(span, None, None),
            claim(span),
            annotation(span, Detail::Boilerplate),
        ];
        let runs = paragraph_runs(text, Span::new(0, text.len()), &annotations);
        assert_eq!(
            shown(text, &runs),
            [
                ("one ", vec![]),
                (
                    "two",
                    vec![Role::Boilerplate, Role::Claim, Role::QuoteContent]
                )
            ]
        );
    }

    #[test]
    fn annotation_edge_inside_a_word_is_shown_at_the_word_edge() {
        let text = "قالَ الوزيرُ إن الوضع هادئ";
        // An imported span starting inside الوزيرُ (after ال) and ending inside هادئ.
        let start = span_of(text, "وزيرُ").start;
        let end = span_of(text, "هادئ").start + "ها".len();
        let c = claim(Span::new(start, end));
        let runs = paragraph_runs(text, Span::new(0, text.len()), std::slice::from_ref(&c));
        assert_eq!(
            shown(text, &runs),
            [
                ("قالَ ", vec![]),
                ("الوزيرُ إن الوضع هادئ", vec![Role::Claim])
            ]
        );
        // The model's span is untouched.
        assert_eq!(c.span, Span::new(start, end));
    }

    #[test]
    fn edge_between_letter_and_diacritic_or_tatweel_is_widened() {
        let text = "قــالَ نعم";
        // Between ق and the tatweel, and between ل and its fatha.
        let after_qaf = 'ق'.len_utf8();
        let before_fatha = span_of(text, "\u{64E}").start;
        assert!(!word_safe(text, after_qaf));
        assert!(!word_safe(text, before_fatha));
        let runs = paragraph_runs(
            text,
            Span::new(0, text.len()),
            &[claim(Span::new(after_qaf, before_fatha))],
        );
        assert_eq!(
            shown(text, &runs),
            [("قــالَ", vec![Role::Claim]), (" نعم", vec![])]
        );
    }

    #[test]
    fn word_safe_edges() {
        let text = "قال\u{a0}Reuters: ٢٠٢٥م 👍🏽 x";
        assert!(word_safe(text, 0));
        assert!(word_safe(text, text.len()));
        assert!(!word_safe(text, 'ق'.len_utf8()));
        // NBSP is white space.
        assert!(word_safe(text, span_of(text, "\u{a0}").start));
        assert!(word_safe(text, span_of(text, "Reuters").start));
        assert!(!word_safe(text, span_of(text, "euters").start));
        assert!(word_safe(text, span_of(text, ":").start));
        // Digits run on; a digit next to a letter is a change of script.
        assert!(!word_safe(text, span_of(text, "٠٢٥").start));
        assert!(word_safe(text, span_of(text, "م").start));
        // The skin tone stays on its emoji.
        assert!(!word_safe(text, span_of(text, "🏽").start));
        assert!(word_safe(text, span_of(text, "👍").start));
        // Off a char boundary or past the end.
        assert!(!word_safe(text, 1));
        assert!(!word_safe(text, text.len() + 1));
    }

    #[test]
    fn mixed_scripts_meet_at_a_safe_edge() {
        let text = "شبكةCNN الأمريكية";
        let cnn = span_of(text, "CNN");
        assert!(word_safe(text, cnn.start));
        let runs = paragraph_runs(text, Span::new(0, text.len()), &[claim(cnn)]);
        assert_eq!(
            shown(text, &runs),
            [
                ("شبكة", vec![]),
                ("CNN", vec![Role::Claim]),
                (" الأمريكية", vec![])
            ]
        );
    }

    #[test]
    fn paragraphs_match_lines_and_clip_annotations() {
        let text = "  أولى\r\n\r\nثانية\u{a0}\rثالثة\u{2028}رابعة\u{2029}\n";
        let found: Vec<&str> = paragraphs(text).iter().map(|p| p.slice(text)).collect();
        assert_eq!(found, ["أولى", "ثانية", "ثالثة", "رابعة"]);
        let tokens = crate::tokens::Tokens::new(text);
        let (segmented, _) = crate::segment::segment(text, &tokens);
        let segmented: Vec<Span> = segmented.iter().map(|p| p.span).collect();
        assert_eq!(paragraphs(text), segmented);

        // A claim from inside the first paragraph to inside the second.
        let c = claim(Span::new(
            span_of(text, "ولى").start,
            span_of(text, "انية").start,
        ));
        let analysis = Analysis {
            text: text.to_string(),
            annotations: vec![c],
            ..Analysis::default()
        };
        let all = runs(&analysis);
        assert_eq!(all.len(), 4);
        assert_eq!(shown(text, &all[0].runs), [("أولى", vec![Role::Claim])]);
        assert_eq!(shown(text, &all[1].runs), [("ثانية", vec![Role::Claim])]);
        assert_eq!(shown(text, &all[2].runs), [("ثالثة", vec![])]);
    }

    #[test]
    fn empty_and_out_of_range_inputs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\t\r\n").is_empty());
        assert!(runs(&Analysis::default()).is_empty());
        let text = "نعم";
        assert!(paragraph_runs(text, Span::new(9, 12), &[]).is_empty());
        // Spans past the text, reversed and inside a character are tolerated.
        let odd = [
            claim(Span::new(1, 100)),
            claim(Span::new(4, 2)),
            quote(Span::new(0, 0), Some(Span::new(50, 60)), None),
        ];
        let got = paragraph_runs(text, Span::new(0, text.len()), &odd);
        assert_eq!(shown(text, &got), [("نعم", vec![Role::Claim])]);
    }

    #[test]
    fn snaps_to_whole_words_with_diacritics() {
        let text = "قالَ الوزيرُ إن الوضع هادئ";
        assert_eq!(snapped(text, "الَ الوز"), "قالَ الوزيرُ");
        // A selection ending between a letter and its damma keeps the damma.
        let end = span_of(text, "\u{64F}").start;
        let start = span_of(text, "الوزير").start;
        assert_eq!(
            snap_to_words(text, Span::new(start, end)).slice(text),
            "الوزيرُ"
        );
        // Reversed selections read forwards.
        let s = span_of(text, "وزي");
        assert_eq!(
            snap_to_words(text, Span::new(s.end, s.start)).slice(text),
            "الوزيرُ"
        );
    }

    #[test]
    fn snaps_tatweel_with_its_word() {
        let text = "قال الرئيـــس كلمته";
        assert_eq!(snapped(text, "ـــس"), "الرئيـــس");
        assert_eq!(snapped(text, "الرئيـ"), "الرئيـــس");
    }

    #[test]
    fn snaps_emoji_sequences_whole() {
        let family = "👩\u{200D}👩\u{200D}👧";
        let text = format!("عائلة {family} و 👍🏽 هنا");
        // From inside the ZWJ sequence (after the first woman) to its end.
        let at = span_of(&text, family).start + "👩".len();
        let got = snap_to_words(&text, Span::new(at, at + "\u{200D}👩".len()));
        assert_eq!(got.slice(&text), family);
        // The skin tone alone takes its emoji with it.
        assert_eq!(snapped(&text, "🏽"), "👍🏽");
        // A thumbs up without its skin tone gets it back.
        assert_eq!(snapped(&text, "👍"), "👍🏽");
    }

    #[test]
    fn snap_trims_white_space_and_outer_marks() {
        let text = "قال: «نعم» ثم « Non » et \"yes\" l'homme";
        assert_eq!(snapped(text, " «نعم» "), "نعم");
        assert_eq!(snapped(text, "«نعم"), "نعم");
        assert_eq!(snapped(text, "نعم»"), "نعم");
        // French spacing inside the marks.
        assert_eq!(snapped(text, "« Non »"), "Non");
        assert_eq!(snapped(text, "\"yes\""), "yes");
        // A selection with marks inside keeps them.
        assert_eq!(snapped(text, "«نعم» ثم"), "«نعم» ثم");
        // An apostrophe is not a quotation mark to drop.
        assert_eq!(snapped(text, "l'hom"), "l'homme");
        // NBSP is trimmed like a space.
        let nbsp = "نعم\u{a0}\u{a0}لا";
        assert_eq!(snapped(nbsp, "م\u{a0}\u{a0}"), "نعم");
    }

    #[test]
    fn empty_or_blank_selection_is_empty_at_its_start() {
        let text = "نعم   لا";
        let blank = span_of(text, "  ");
        assert_eq!(
            snap_to_words(text, blank),
            Span::new(blank.start, blank.start)
        );
        assert_eq!(snap_to_words(text, Span::new(2, 2)), Span::new(2, 2));
        // An empty selection inside a letter+diacritic cluster moves to the cluster start.
        let marked = "قالَ";
        let inside = span_of(marked, "\u{64E}").start;
        assert_eq!(
            snap_to_words(marked, Span::new(inside, inside)),
            Span::new(span_of(marked, "ل").start, span_of(marked, "ل").start)
        );
        assert_eq!(
            snap_to_words("«»", Span::new(0, "«»".len())),
            Span::new(0, 0)
        );
        assert_eq!(snap_to_words("", Span::new(3, 9)), Span::new(0, 0));
    }

    #[test]
    fn snap_utf16_converts_dom_offsets() {
        let text = "😀 قالَ الوزيرُ";
        // The emoji is two UTF-16 units; "قا" starts at unit 3.
        assert_eq!(snap_utf16(text, 3, 5).map(|s| s.slice(text)), Some("قالَ"));
        // Reversed, and the end inside the surrogate pair takes the emoji.
        assert_eq!(snap_utf16(text, 1, 0).map(|s| s.slice(text)), Some("😀"));
        let units = text.encode_utf16().count();
        assert!(snap_utf16(text, 0, units).is_some());
        assert_eq!(snap_utf16(text, 0, units + 1), None);
        assert_eq!(snap_utf16(text, units + 1, 0), None);
    }
}
