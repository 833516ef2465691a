//! Properties of the article view's pure logic (`render`): highlight runs
//! tile each paragraph and, with the gaps between paragraphs, the whole
//! text; every annotation is drawn over at least its own bytes, widened only
//! to the nearest word edges; no run boundary splits a word; selection
//! snapping lands on word and grapheme boundaries and is idempotent. Checked
//! on generated news-like text (Arabic with diacritics and tatweel, emoji
//! sequences, no-break spaces, every line break, quotation marks, digits),
//! on arbitrary strings, on the real Karabakh fixture, and on a 5 MB
//! document with 10,000 annotations. Deep stacks: runs keep at most
//! `MAX_LAYERS` layers (the outermost and the innermost) and count the rest,
//! exactly as cutting the full lists would, and in time linear in the runs
//! (20,000 nested spans).

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use isnad_engine::chars::{classify, is_arabic_mark, Class, TATWEEL};
use isnad_engine::model::{ClaimInfo, Origin, QuoteForm, QuoteInfo};
use isnad_engine::offsets::{ceil_char_boundary, floor_char_boundary, OffsetMap};
use isnad_engine::render::{
    paragraph_runs, paragraph_runs_limited, paragraphs, runs, runs_limited, snap_to_words,
    snap_utf16, word_safe, Layer, ParagraphRuns, Role, Run, MAX_LAYERS,
};
use isnad_engine::{analyze, Analysis, Annotation, Detail, Options, Prepared, Span};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces generated text is made of: Arabic letters with diacritics, shadda
/// and tatweel, Latin with a combining accent, digits, every white space and
/// line break the engine knows, quotation marks, punctuation, emoji with ZWJ
/// and skin tones, joiners on their own, and an Arabic prepended sign.
const PIECES: &[&str] = &[
    "قال",
    "الوزيرُ",
    "الرئيـــس",
    "إنّ",
    "َ",
    "ّ",
    "ـ",
    "ب",
    "ة",
    "ي",
    "ل",
    " ",
    " ",
    " ",
    "\u{a0}",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    "\u{0B}",
    "\u{85}",
    "\u{200B}",
    "Reuters",
    "l'homme",
    "e\u{301}",
    "a",
    "B",
    "1",
    "٢٠٢٥",
    "7ر2",
    "«",
    "»",
    "\"",
    "'",
    "’",
    "“",
    "”",
    ",",
    "،",
    ".",
    "؟",
    ":",
    "-",
    "👩\u{200D}👩\u{200D}👧",
    "👍🏽",
    "🏽",
    "\u{200D}",
    "\u{200C}",
    "\u{0600}",
    "😀",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|parts| parts.concat())
}

/// One generated annotation: kind, span and (for quotes) cue and mention,
/// as raw positions scaled onto the text later.
type RawAnnotation = (u8, (u16, u16), Option<(u16, u16)>, Option<(u16, u16)>);

fn raw_annotations() -> impl Strategy<Value = Vec<RawAnnotation>> {
    let pair = (any::<u16>(), any::<u16>());
    prop::collection::vec(
        (0u8..3, pair, prop::option::of(pair), prop::option::of(pair)),
        0..12,
    )
}

/// A span of `text` on char boundaries from two raw positions (ordered).
fn span_in(text: &str, (a, b): (u16, u16)) -> Span {
    let len = text.len() + 1;
    let (a, b) = (usize::from(a) % len, usize::from(b) % len);
    Span::new(
        floor_char_boundary(text, a.min(b)),
        ceil_char_boundary(text, a.max(b)),
    )
}

fn build_annotations(text: &str, raw: &[RawAnnotation]) -> Vec<Annotation> {
    raw.iter()
        .enumerate()
        .map(|(i, &(kind, span, cue, mention))| Annotation {
            id: format!("x{i}"),
            span: span_in(text, span),
            origin: Origin::Editor,
            detail: match kind {
                0 => Detail::Quote(QuoteInfo {
                    form: QuoteForm::Indirect,
                    speaker: None,
                    cue: cue.map(|c| span_in(text, c)),
                    mention: mention.map(|m| span_in(text, m)),
                }),
                1 => Detail::Claim(ClaimInfo {
                    categories: Vec::new(),
                    score: 0.5,
                    ..Default::default()
                }),
                _ => Detail::Boilerplate,
            },
        })
        .collect()
}

/// Every (layer, span) an annotation list draws.
fn layer_spans(annotations: &[Annotation]) -> Vec<(Layer, Span)> {
    let mut out = Vec::new();
    for (annotation, a) in annotations.iter().enumerate() {
        let layer = |role| Layer { annotation, role };
        match &a.detail {
            Detail::Quote(q) => {
                out.push((layer(Role::QuoteContent), a.span));
                out.extend(q.cue.map(|s| (layer(Role::Cue), s)));
                out.extend(q.mention.map(|s| (layer(Role::Mention), s)));
            }
            Detail::Claim(_) => out.push((layer(Role::Claim), a.span)),
            Detail::Boilerplate => out.push((layer(Role::Boilerplate), a.span)),
        }
    }
    out
}

fn is_blank(c: char) -> bool {
    matches!(classify(c), Class::Space | Class::LineBreak)
}

/// All the checks on the runs of one document; `Err` names what broke.
fn check_runs(text: &str, annotations: &[Annotation], all: &[ParagraphRuns]) -> Result<(), String> {
    // Paragraphs are exactly the segmenter's.
    let segmented: Vec<Span> = Prepared::new(text, None)
        .paragraphs
        .iter()
        .map(|p| p.span)
        .collect();
    let mine: Vec<Span> = all.iter().map(|p| p.paragraph).collect();
    if mine != segmented || mine != paragraphs(text) {
        return Err(format!("paragraphs {mine:?} != segmenter's {segmented:?}"));
    }

    // Gaps and runs joined give back the text; gaps are blank and contain a
    // line break between two paragraphs.
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for (p, para) in all.iter().enumerate() {
        let gap = &text[at..para.paragraph.start];
        if !gap.chars().all(is_blank) {
            return Err(format!("gap {gap:?} before paragraph {p} is not blank"));
        }
        if p > 0 && !gap.chars().any(|c| classify(c) == Class::LineBreak) {
            return Err(format!("no line break before paragraph {p}"));
        }
        rebuilt.push_str(gap);
        let mut run_at = para.paragraph.start;
        for (r, run) in para.runs.iter().enumerate() {
            if run.span.start != run_at || run.span.is_empty() {
                return Err(format!(
                    "paragraph {p} run {r} {:?} is not next or empty",
                    run.span
                ));
            }
            if run.span.start > para.paragraph.start && !word_safe(text, run.span.start) {
                return Err(format!("run boundary {} splits a word", run.span.start));
            }
            if r > 0 && para.runs[r - 1].layers == run.layers {
                return Err(format!(
                    "paragraph {p} runs {} and {r} have equal layers",
                    r - 1
                ));
            }
            let unique: HashSet<Layer> = run.layers.iter().copied().collect();
            if unique.len() != run.layers.len() {
                return Err(format!("run {:?} repeats a layer", run.span));
            }
            rebuilt.push_str(run.span.slice(text));
            run_at = run.span.end;
        }
        if run_at != para.paragraph.end {
            return Err(format!(
                "paragraph {p} runs end at {run_at}, not {}",
                para.paragraph.end
            ));
        }
        let joined: String = para.runs.iter().map(|r| r.span.slice(text)).collect();
        if joined != para.paragraph.slice(text) {
            return Err(format!("paragraph {p} runs do not join to its text"));
        }
        at = para.paragraph.end;
    }
    rebuilt.push_str(&text[at..]);
    if !text[at..].chars().all(is_blank) {
        return Err("text after the last paragraph is not blank".into());
    }
    if rebuilt != text {
        return Err("runs and gaps do not join back to the text".into());
    }

    // Each layer covers its clipped span, widened only to the nearest word
    // edges, as one contiguous stretch of runs; and nothing else.
    let layers = layer_spans(annotations);
    let drawn: HashSet<Layer> = layers.iter().map(|(l, _)| *l).collect();
    for para in all {
        for run in &para.runs {
            if let Some(stray) = run.layers.iter().find(|l| !drawn.contains(l)) {
                return Err(format!("run {:?} has unknown layer {stray:?}", run.span));
            }
        }
        let mut shown_range = std::collections::HashMap::new();
        for &(layer, span) in &layers {
            let carrying: Vec<&Run> = para
                .runs
                .iter()
                .filter(|r| r.layers.contains(&layer))
                .collect();
            let start = span.start.max(para.paragraph.start);
            let end = span.end.min(para.paragraph.end);
            if start >= end {
                if !carrying.is_empty() {
                    return Err(format!("{layer:?} drawn in a paragraph it misses"));
                }
                continue;
            }
            let (Some(first), Some(last)) = (carrying.first(), carrying.last()) else {
                return Err(format!("{layer:?} {start}..{end} not drawn"));
            };
            let shown = Span::new(first.span.start, last.span.end);
            let contiguous = carrying
                .windows(2)
                .all(|w| w[0].span.end == w[1].span.start);
            if !contiguous || shown.start > start || shown.end < end {
                return Err(format!(
                    "{layer:?} {start}..{end} drawn over {shown:?} (contiguous: {contiguous})"
                ));
            }
            // Minimal widening: no word-safe place between the drawn and the
            // real edge.
            let skipped_safe = (shown.start + 1..=start)
                .chain(end..shown.end)
                .any(|p| word_safe(text, p));
            if skipped_safe {
                return Err(format!(
                    "{layer:?} {start}..{end} widened past a word edge to {shown:?}"
                ));
            }
            shown_range.insert(layer, shown);
        }
        // Outermost first: a layer never comes before one whose drawn range
        // strictly contains its own.
        for run in &para.runs {
            for (i, a) in run.layers.iter().enumerate() {
                for b in &run.layers[i + 1..] {
                    let (ra, rb) = (shown_range[a], shown_range[b]);
                    if ra != rb && rb.contains(ra) {
                        return Err(format!("{a:?} {ra:?} nested outside {b:?} {rb:?}"));
                    }
                }
            }
        }
        // The one-paragraph entry point agrees with the whole-document one.
        if paragraph_runs_limited(text, para.paragraph, annotations, usize::MAX) != para.runs {
            return Err(format!("paragraph_runs differs for {:?}", para.paragraph));
        }
    }
    Ok(())
}

/// The capped runs (`limit` layers at most) against the full ones: the
/// same tiling, each capped run being the full runs it spans cut to the
/// outermost `limit - 1` layers and the innermost, with the rest counted;
/// adjacent capped runs differ; nothing changes where the depth fits.
fn check_capped(
    full: &[ParagraphRuns],
    capped: &[ParagraphRuns],
    limit: usize,
) -> Result<(), String> {
    if full.len() != capped.len() {
        return Err("capped runs have other paragraphs".into());
    }
    for (f, c) in full.iter().zip(capped) {
        if f.paragraph != c.paragraph {
            return Err(format!("paragraph {:?} != {:?}", f.paragraph, c.paragraph));
        }
        if f.runs.iter().all(|r| r.layers.len() <= limit) && f.runs != c.runs {
            return Err(format!(
                "capping changed shallow paragraph {:?}",
                f.paragraph
            ));
        }
        let mut full_runs = f.runs.iter().peekable();
        for (r, run) in c.runs.iter().enumerate() {
            if r > 0 && c.runs[r - 1].layers == run.layers && c.runs[r - 1].hidden == run.hidden {
                return Err(format!("capped runs {} and {r} are equal", r - 1));
            }
            if run.layers.len() > limit {
                return Err(format!(
                    "run {:?} keeps {} layers",
                    run.span,
                    run.layers.len()
                ));
            }
            let mut at = run.span.start;
            while at < run.span.end {
                let Some(whole) = full_runs.next() else {
                    return Err(format!("capped run {:?} past the full runs", run.span));
                };
                if whole.span.start != at || whole.span.end > run.span.end {
                    return Err(format!("capped run {:?} cuts {:?}", run.span, whole.span));
                }
                let depth = whole.layers.len();
                let (kept, hidden) = if depth <= limit {
                    (whole.layers.clone(), 0)
                } else {
                    let mut kept = whole.layers[..limit - 1].to_vec();
                    kept.push(whole.layers[depth - 1]);
                    (kept, depth - limit)
                };
                if kept != run.layers || hidden != run.hidden {
                    return Err(format!(
                        "run {:?}: kept {:?} +{}, expected {kept:?} +{hidden}",
                        run.span, run.layers, run.hidden
                    ));
                }
                at = whole.span.end;
            }
        }
        if full_runs.next().is_some() {
            return Err("full runs past the capped ones".into());
        }
    }
    Ok(())
}

fn analysis_of(text: &str, annotations: Vec<Annotation>) -> Analysis {
    Analysis {
        text: text.to_string(),
        annotations,
        ..Analysis::default()
    }
}

/// All the checks on one snapped selection.
fn check_snap(text: &str, selection: Span) -> Result<(), String> {
    let snapped = snap_to_words(text, selection);
    let boundaries: HashSet<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    if snapped.start > snapped.end || snapped.end > text.len() {
        return Err(format!("{snapped:?} out of order or past the text"));
    }
    if !text.is_char_boundary(snapped.start) || !text.is_char_boundary(snapped.end) {
        return Err(format!("{snapped:?} off char boundaries"));
    }
    if !boundaries.contains(&snapped.start) || !boundaries.contains(&snapped.end) {
        return Err(format!("{snapped:?} splits a grapheme cluster"));
    }
    let on_word_edges = word_safe(text, snapped.start) && word_safe(text, snapped.end);
    if !snapped.is_empty() && !on_word_edges {
        return Err(format!("{snapped:?} splits a word"));
    }
    let again = snap_to_words(text, snapped);
    if again != snapped {
        return Err(format!(
            "not idempotent: {selection:?} -> {snapped:?} -> {again:?}"
        ));
    }
    // Whatever the selection held besides white space and quotation marks
    // is kept.
    let start = floor_char_boundary(text, selection.start.min(selection.end));
    let end = ceil_char_boundary(text, selection.start.max(selection.end));
    let kept = |c: char| !is_blank(c) && !isnad_engine::chars::is_quote_mark(c);
    let content: Vec<usize> = text[start..end]
        .char_indices()
        .filter(|&(_, c)| kept(c))
        .map(|(i, c)| start + i + c.len_utf8())
        .collect();
    if let (Some(&first_end), Some(&last_end)) = (content.first(), content.last()) {
        let first_start = floor_char_boundary(text, first_end - 1);
        if snapped.start > first_start || snapped.end < last_end {
            return Err(format!(
                "{snapped:?} drops selected content {first_start}..{last_end}"
            ));
        }
    }
    // DOM offsets give the same answer.
    let map = OffsetMap::new(text);
    let via_dom = snap_utf16(text, map.utf16_of_byte(start), map.utf16_of_byte(end));
    if via_dom != Some(snap_to_words(text, Span::new(start, end))) {
        return Err(format!("snap_utf16 gives {via_dom:?}"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn runs_tile_the_text_and_cover_annotations(text in news_text(), raw in raw_annotations()) {
        let annotations = build_annotations(&text, &raw);
        let analysis = analysis_of(&text, annotations.clone());
        let all = runs_limited(&analysis, usize::MAX);
        if let Err(e) = check_runs(&text, &annotations, &all) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}\nannotations: {annotations:?}")));
        }
        if let Err(e) = check_capped(&all, &runs(&analysis), MAX_LAYERS) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}\nannotations: {annotations:?}")));
        }
    }

    #[test]
    fn runs_on_arbitrary_strings(text in "\\PC{0,120}", raw in raw_annotations()) {
        let annotations = build_annotations(&text, &raw);
        let all = runs_limited(&analysis_of(&text, annotations.clone()), usize::MAX);
        if let Err(e) = check_runs(&text, &annotations, &all) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
    }

    #[test]
    fn capped_runs_are_the_full_runs_cut(
        text in news_text(),
        raw in raw_annotations(),
        limit in 1usize..6,
    ) {
        // Small limits, so the generated stacks (up to 36 layers) overflow
        // them often.
        let annotations = build_annotations(&text, &raw);
        let analysis = analysis_of(&text, annotations.clone());
        let full = runs_limited(&analysis, usize::MAX);
        let capped = runs_limited(&analysis, limit);
        if let Err(e) = check_capped(&full, &capped, limit) {
            return Err(TestCaseError::fail(format!("{e}\nlimit {limit}\ntext: {text:?}\nannotations: {annotations:?}")));
        }
        for para in &capped {
            let one = paragraph_runs_limited(&text, para.paragraph, &annotations, limit);
            prop_assert_eq!(&one, &para.runs);
        }
        prop_assert_eq!(runs(&analysis).iter().map(|p| p.runs.clone()).collect::<Vec<_>>(),
            runs(&analysis).iter().map(|p| paragraph_runs(&text, p.paragraph, &annotations)).collect::<Vec<_>>());
    }

    #[test]
    fn runs_tolerate_any_offsets(
        text in news_text(),
        spans in prop::collection::vec((0usize..400, 0usize..400), 0..6),
        para in (0usize..400, 0usize..400),
    ) {
        // Imported files may hold reversed spans, spans past the end or
        // inside a character: no panic, and the runs still tile.
        let annotations: Vec<Annotation> = spans
            .iter()
            .map(|&(a, b)| Annotation {
                id: String::new(),
                span: Span::new(a, b),
                origin: Origin::Editor,
                detail: Detail::Boilerplate,
            })
            .collect();
        let _ = runs(&analysis_of(&text, annotations.clone()));
        let got = paragraph_runs(&text, Span::new(para.0, para.1), &annotations);
        for w in got.windows(2) {
            prop_assert_eq!(w[0].span.end, w[1].span.start);
        }
        prop_assert!(got.iter().all(|r| !r.span.is_empty() && r.span.end <= text.len()));
    }

    #[test]
    fn snapping_is_aligned_and_idempotent(text in news_text(), a in 0usize..700, b in 0usize..700) {
        let len = text.len() + 2;
        let selection = Span::new(a % len, b % len);
        if let Err(e) = check_snap(&text, selection) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}\nselection: {selection:?}")));
        }
    }

    #[test]
    fn snapping_arbitrary_strings(text in "\\PC{0,80}", a in 0usize..400, b in 0usize..400) {
        let len = text.len() + 1;
        let selection = Span::new(a % len, b % len);
        if let Err(e) = check_snap(&text, selection) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}\nselection: {selection:?}")));
        }
    }
}

/// True for the characters of an Arabic word (letters, diacritics, tatweel).
fn arabic_word_char(c: char) -> bool {
    classify(c) == Class::ArabicLetter || c == TATWEEL || is_arabic_mark(c)
}

#[test]
fn karabakh_runs_never_split_an_arabic_word() {
    let Some(shared) = common::shared_dir("karabakh_runs_never_split_an_arabic_word") else {
        return;
    };
    let text = common::karabakh(&shared);
    let analysis = analyze(&text, &Options::default());
    assert!(
        !analysis.annotations.is_empty(),
        "the fixture has annotations"
    );
    let all = runs_limited(&analysis, usize::MAX);
    if let Err(e) = check_runs(&text, &analysis.annotations, &all) {
        panic!("{e}");
    }
    // Real stacks are shallow: capping changes nothing.
    assert_eq!(runs(&analysis), all);
    let mut boundaries = 0;
    for para in &all {
        for run in &para.runs[1..] {
            let at = run.span.start;
            // Checked directly on the characters, not through word_safe.
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            let splits =
                before.is_some_and(arabic_word_char) && after.is_some_and(arabic_word_char);
            assert!(
                !splits,
                "run boundary at {at} splits {:?}|{:?}",
                &text[floor_char_boundary(&text, at.saturating_sub(20))..at],
                &text[at..ceil_char_boundary(&text, at + 20)]
            );
            boundaries += 1;
        }
    }
    assert!(
        boundaries > 0,
        "the fixture's annotations make run boundaries"
    );
    // Engine spans sit on token edges, which are word-safe: nothing widens.
    for para in &all {
        for (layer, span) in layer_spans(&analysis.annotations) {
            let start = span.start.max(para.paragraph.start);
            let end = span.end.min(para.paragraph.end);
            if start < end {
                assert!(
                    para.runs
                        .iter()
                        .any(|r| r.span.start == start && r.layers.contains(&layer)),
                    "{layer:?} starting at {start} was widened"
                );
            }
        }
    }
}

/// A deterministic pseudo-random sequence (no extra dependency).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn ten_thousand_annotations_on_five_megabytes() {
    let line =
        "قالَ الوزيرُ «إنّ الوضع هادئـــاً» في 2025، وقال Reuters إن 👩\u{200D}👩\u{200D}👧 بخير.\n";
    let mut text = String::with_capacity(5_100_000);
    while text.len() < 5_000_000 {
        text.push_str(line);
    }
    let mut rng = Lcg(7);
    let mut annotations = Vec::with_capacity(10_000);
    for i in 0..10_000 {
        let start = floor_char_boundary(&text, rng.below(text.len()));
        // Mostly short spans (many mid-word), some across many paragraphs.
        let length = if i % 100 == 0 {
            rng.below(200_000)
        } else {
            rng.below(300)
        };
        let end = ceil_char_boundary(&text, start + length);
        let cue_at = floor_char_boundary(&text, start.saturating_sub(rng.below(40)));
        annotations.push(Annotation {
            id: format!("a{i}"),
            span: Span::new(start, end),
            origin: Origin::Auto,
            detail: match i % 3 {
                0 => Detail::Quote(QuoteInfo {
                    form: QuoteForm::Direct,
                    speaker: None,
                    cue: Some(Span::new(cue_at, ceil_char_boundary(&text, cue_at + 7))),
                    mention: None,
                }),
                1 => Detail::Claim(ClaimInfo {
                    categories: Vec::new(),
                    score: 0.5,
                    ..Default::default()
                }),
                _ => Detail::Boilerplate,
            },
        });
    }
    let analysis = analysis_of(&text, annotations);
    let started = Instant::now();
    let all = runs(&analysis);
    let took = started.elapsed();
    println!("runs over 5 MB, 10,000 annotations: {took:?}");
    // Generous (debug build, shared machine): a quadratic sweep would take hours.
    assert!(took < Duration::from_secs(60), "took {took:?}");
    let covered: usize = all.iter().flat_map(|p| &p.runs).map(|r| r.span.len()).sum();
    let paragraph_bytes: usize = all.iter().map(|p| p.paragraph.len()).sum();
    assert_eq!(covered, paragraph_bytes);
}

#[test]
fn one_endless_word_is_walked_once() {
    // 400 KB without a word edge and 10,000 edges inside it.
    let text = "بـ".repeat(100_000);
    let mut rng = Lcg(11);
    let annotations: Vec<Annotation> = (0..10_000)
        .map(|i| {
            let a = floor_char_boundary(&text, rng.below(text.len()));
            Annotation {
                id: format!("w{i}"),
                span: Span::new(a, ceil_char_boundary(&text, a + 5)),
                origin: Origin::Auto,
                detail: Detail::Boilerplate,
            }
        })
        .collect();
    let started = Instant::now();
    let all = runs(&analysis_of(&text, annotations));
    let took = started.elapsed();
    println!("one 400 KB word, 10,000 edges: {took:?}");
    assert!(took < Duration::from_secs(60), "took {took:?}");
    // Every display edge moved to the word's ends: one run, all layers
    // (kept up to the cap, the rest counted).
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].runs.len(), 1);
    assert_eq!(all[0].runs[0].layers.len(), MAX_LAYERS);
    assert_eq!(all[0].runs[0].hidden, 10_000 - MAX_LAYERS);
}

fn boilerplate(id: String, span: Span) -> Annotation {
    Annotation {
        id,
        span,
        origin: Origin::Editor,
        detail: Detail::Boilerplate,
    }
}

#[test]
fn three_thousand_identical_spans_make_one_capped_run() {
    // An imported file of 3,000 annotations over the same five characters.
    let text = "Avant hello après.";
    let hello = Span::new(6, 11);
    assert_eq!(hello.slice(text), "hello");
    let annotations: Vec<Annotation> = (0..3_000)
        .map(|i| boilerplate(format!("b{i}"), hello))
        .collect();
    let all = runs(&analysis_of(text, annotations));
    assert_eq!(all.len(), 1);
    let inside: Vec<&Run> = all[0].runs.iter().filter(|r| r.span == hello).collect();
    assert_eq!(inside.len(), 1, "{:?}", all[0].runs);
    let run = inside[0];
    assert_eq!(run.layers.len(), MAX_LAYERS);
    assert_eq!(run.hidden, 3_000 - MAX_LAYERS);
    // Identical spans nest by annotation index: the first ones outermost,
    // the last one innermost.
    let kept: Vec<usize> = run.layers.iter().map(|l| l.annotation).collect();
    let mut expected: Vec<usize> = (0..MAX_LAYERS - 1).collect();
    expected.push(2_999);
    assert_eq!(kept, expected);
    // The runs around it are plain text.
    assert!(all[0]
        .runs
        .iter()
        .filter(|r| r.span != hello)
        .all(|r| r.layers.is_empty() && r.hidden == 0));
}

#[test]
fn twenty_thousand_nested_spans_stay_linear() {
    // Each span one word shorter on both sides than the one around it, like
    // a chain of quotes inside quotes: 40,000 runs whose full layer lists
    // would hold 400 million entries.
    let n = 20_000;
    let text = "a ".repeat(n) + "b" + &" a".repeat(n);
    let annotations: Vec<Annotation> = (0..n)
        .map(|i| boilerplate(format!("n{i}"), Span::new(2 * i, text.len() - 2 * i)))
        .collect();
    let started = Instant::now();
    let all = runs(&analysis_of(&text, annotations));
    println!("20,000 nested spans: {:?}", started.elapsed());
    assert_eq!(all.len(), 1);
    let runs = &all[0].runs;
    let covered: usize = runs.iter().map(|r| r.span.len()).sum();
    assert_eq!(covered, text.len());
    assert!(runs.iter().all(|r| r.layers.len() <= MAX_LAYERS));
    // The middle "b" sits under all of them.
    let middle = runs
        .iter()
        .find(|r| r.span.contains(Span::new(2 * n, 2 * n + 1)))
        .expect("a run over the middle");
    assert_eq!(middle.layers.len(), MAX_LAYERS);
    assert_eq!(middle.hidden, n - MAX_LAYERS);
    assert_eq!(middle.layers[MAX_LAYERS - 1].annotation, n - 1);
}
