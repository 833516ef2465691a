//! Property tests of the interchange formats on generated documents: Arabic
//! with diacritics (U+064E–U+0652) and tatweel, emoji (flags, skin tones,
//! ZWJ sequences), combining marks, no-break spaces (U+00A0, U+202F) and
//! CRLF, with random quotes and claims on char boundaries (speakers, forms,
//! categories, statuses, notes, origins).
//!
//! - `isnad/1` export → import is the identity;
//! - W3C export → import is the identity on what W3C carries (kind, span,
//!   origin, speaker name and title, form, categories, status, note; ids);
//! - after random insertions and deletions elsewhere in the text (never
//!   overlapping or touching an annotated piece, never inserting a copy of
//!   one: then where it went would be ambiguous), re-anchoring an `isnad/1` file and
//!   importing a W3C export onto the new text both find every annotation
//!   exactly where the edits moved it;
//! - a one-character change inside a long annotated piece is tolerated: the
//!   piece is found approximately, over the same range.

use isnad_engine::anchor::reanchor;
use isnad_engine::export::ExportMeta;
use isnad_engine::import::import;
use isnad_engine::w3c::to_w3c;
use isnad_engine::{
    schema, Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Lang,
    Origin, QuoteForm, QuoteInfo, Span, Speaker,
};
use proptest::prelude::*;

/// One piece of generated text.
fn piece() -> impl Strategy<Value = String> {
    let fixed = vec![
        "😀",
        "🇫🇷",
        "🇸🇦",
        "👍🏽",
        "👩\u{200d}👩\u{200d}👧",
        "🧑\u{200d}💻",
        "e\u{301}",
        "a\u{308}\u{323}",
        "\u{a0}",
        "\u{202f}",
        "\r\n",
        "\n",
        "ـــ",
        "«",
        "»",
        "،",
        ".",
        "٢٠٢٦",
        "\"",
        ",",
        "=",
    ];
    prop_oneof![
        // Arabic words: letters, each maybe with a diacritic or tatweel.
        5 => proptest::collection::vec(
            ("[\u{0621}-\u{063A}\u{0641}-\u{064A}]", "[\u{064E}-\u{0652}\u{0640}]{0,1}"),
            1..8
        )
        .prop_map(|letters| letters.into_iter().map(|(l, d)| l + &d).collect()),
        2 => "[a-zA-Zéàç]{1,9}",
        2 => proptest::sample::select(fixed).prop_map(str::to_string),
        1 => "[0-9]{1,4}",
    ]
}

fn text_of(pieces: Vec<(String, &'static str)>) -> String {
    pieces
        .into_iter()
        .flat_map(|(p, gap)| [p, gap.to_string()])
        .collect()
}

fn gap() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![" ", " ", " ", "\u{a0}", "\n", "\r\n", ""])
}

fn doc_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), gap()), 1..60).prop_map(text_of)
}

/// What one generated annotation is, before it is put on a text.
#[derive(Clone, Debug)]
struct Spec {
    /// Start and length as fractions of the text, in code points.
    at: (f64, f64),
    quote: bool,
    editor: bool,
    form: QuoteForm,
    speaker: Option<usize>,
    categories: Vec<ClaimCategory>,
    status: ClaimStatus,
    note: String,
    with_cue: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    let forms = vec![QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed];
    let notes = vec![
        "",
        "",
        "المصدر: وزارة الصحة",
        "=1+1, \"quoted\"\nline two",
        "see 😀 report",
    ];
    (
        (0.0..1.0f64, 0.0..0.15f64),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::select(forms),
        proptest::option::of(0..3usize),
        proptest::sample::subsequence(ClaimCategory::ALL.to_vec(), 0..4),
        proptest::sample::select(ClaimStatus::ALL.to_vec()),
        proptest::sample::select(notes),
        any::<bool>(),
    )
        .prop_map(
            |(at, quote, editor, form, speaker, categories, status, note, with_cue)| Spec {
                at,
                quote,
                editor,
                form,
                speaker,
                categories,
                status,
                note: note.to_string(),
                with_cue,
            },
        )
}

/// Byte offsets of every char boundary of `text` (the end included).
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Builds an analysis of `text` from the specs: every span non-empty and on
/// char boundaries; three speakers with distinct names, two with titles.
fn build(text: &str, specs: &[Spec]) -> Analysis {
    let cuts = boundaries(text);
    let cps = cuts.len() - 1;
    let speakers = vec![
        Speaker {
            id: "s1".into(),
            name: "أحمد سالم".into(),
            title: Some("وزير الصحة".into()),
            mentions: vec![],
        },
        Speaker {
            id: "s2".into(),
            name: "Jean-Yves Le Drian".into(),
            title: None,
            mentions: vec![],
        },
        Speaker {
            id: "s3".into(),
            name: "مصادر مطلعة 😀".into(),
            title: Some("\"sources\", عسكرية".into()),
            mentions: vec![],
        },
    ];
    let mut annotations = Vec::new();
    if cps == 0 {
        return Analysis {
            language: Lang::Ar,
            text: text.into(),
            annotations,
            speakers,
        };
    }
    for (i, s) in specs.iter().enumerate() {
        let start = ((s.at.0 * cps as f64) as usize).min(cps - 1);
        let len = ((s.at.1 * cps as f64) as usize).clamp(1, cps - start);
        let span = Span::new(cuts[start], cuts[start + len]);
        let detail = if s.quote {
            // The cue: the code point just before the quote, when there is one.
            let cue = (s.with_cue && start > 0).then(|| Span::new(cuts[start - 1], cuts[start]));
            Detail::Quote(QuoteInfo {
                form: s.form,
                speaker: s.speaker.map(|k| format!("s{}", k + 1)),
                cue,
                mention: None,
            })
        } else {
            Detail::Claim(ClaimInfo {
                categories: s.categories.clone(),
                score: 0.5,
                status: s.status,
                note: s.note.clone(),
            })
        };
        annotations.push(Annotation {
            id: format!("{}{}", if s.quote { "q" } else { "c" }, i + 1),
            span,
            origin: if s.editor {
                Origin::Editor
            } else {
                Origin::Auto
            },
            detail,
        });
    }
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Analysis {
        language: Lang::Ar,
        text: text.into(),
        annotations,
        speakers,
    }
}

fn doc() -> impl Strategy<Value = Analysis> {
    (doc_text(), proptest::collection::vec(spec(), 0..8))
        .prop_map(|(text, specs)| build(&text, &specs))
}

/// What a W3C round trip must keep of an annotation.
fn w3c_view(analysis: &Analysis, a: &Annotation) -> String {
    let detail = match &a.detail {
        Detail::Quote(q) => {
            let speaker = q
                .speaker
                .as_deref()
                .and_then(|id| analysis.speaker(id))
                .map(|s| (s.name.clone(), s.title.clone()));
            format!("quote {:?} {speaker:?}", q.form)
        }
        Detail::Claim(c) => format!("claim {:?} {:?} {:?}", c.categories, c.status, c.note),
        Detail::Boilerplate => "boilerplate".into(),
    };
    format!("{} {:?} {:?} {detail}", a.id, a.span, a.origin)
}

fn w3c_views(analysis: &Analysis) -> Vec<String> {
    let mut views: Vec<String> = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() != Kind::Boilerplate)
        .map(|a| w3c_view(analysis, a))
        .collect();
    views.sort();
    views
}

/// A random edit: insert a piece, or delete a stretch, at a place that
/// touches no annotated span (nor a cue).
#[derive(Clone, Debug)]
enum EditSpec {
    Insert(f64, String),
    Delete(f64, f64),
}

fn edit_spec() -> impl Strategy<Value = EditSpec> {
    prop_oneof![
        (
            0.0..1.0f64,
            proptest::collection::vec((piece(), gap()), 1..4).prop_map(text_of)
        )
            .prop_map(|(at, s)| EditSpec::Insert(at, s)),
        (0.0..1.0f64, 0.0..0.2f64).prop_map(|(at, len)| EditSpec::Delete(at, len)),
    ]
}

/// Every protected span of an analysis: annotations and cues.
fn protected(analysis: &Analysis) -> Vec<Span> {
    let mut out = Vec::new();
    for a in &analysis.annotations {
        out.push(a.span);
        if let Detail::Quote(q) = &a.detail {
            out.extend(q.cue);
            out.extend(q.mention);
        }
    }
    out
}

/// Applies the edits that touch no protected span; returns the new text and
/// the function that moves an old byte offset of a protected span's edge.
fn apply_edits(analysis: &Analysis, edits: &[EditSpec]) -> (String, Vec<(usize, isize)>) {
    let text = analysis.text.as_str();
    let spans = protected(analysis);
    let cuts = boundaries(text);
    let cps = cuts.len() - 1;
    // Edits in old-text byte coordinates: (at, deleted bytes, inserted text).
    let mut chosen: Vec<(usize, usize, String)> = Vec::new();
    for e in edits {
        let (from, to, insert) = match e {
            EditSpec::Insert(at, s) => {
                let b = cuts[((at * cps as f64) as usize).min(cps)];
                (b, b, s.clone())
            }
            EditSpec::Delete(at, len) => {
                let start = ((at * cps as f64) as usize).min(cps);
                let n = ((len * cps as f64) as usize).max(1).min(cps - start);
                (cuts[start], cuts[start + n], String::new())
            }
        };
        // "Elsewhere": not inside a protected span nor touching one (an
        // insertion right at a span's edge could belong on either side of
        // it when the inserted text ends like the span begins).
        let touches = spans.iter().any(|s| from <= s.end && s.start <= to);
        // Edits neither overlap nor touch each other.
        let clash = chosen.iter().any(|(f, t, _)| from <= *t && *f <= to);
        // An inserted copy of an annotated piece would make "where it went"
        // a matter of taste: such insertions are not "elsewhere" either.
        let copies = spans.iter().any(|s| insert.contains(s.slice(text)));
        if touches || clash || copies || (from == to && insert.is_empty()) {
            continue;
        }
        chosen.push((from, to, insert));
    }
    chosen.sort_by_key(|(f, t, _)| (*f, *t));
    let mut out = String::new();
    let mut at = 0;
    let mut shifts = Vec::new(); // (old byte at or after which the shift applies, shift)
    let mut shift: isize = 0;
    for (from, to, insert) in &chosen {
        out.push_str(&text[at..*from]);
        out.push_str(insert);
        shift += insert.len() as isize - (to - from) as isize;
        shifts.push((*to, shift));
        at = *to;
    }
    out.push_str(&text[at..]);
    (out, shifts)
}

/// Where an old span goes: edits at or before its start shift it (an
/// insertion exactly at its start goes before it).
fn moved(span: Span, shifts: &[(usize, isize)]) -> Span {
    let d = shifts
        .iter()
        .take_while(|(at, _)| *at <= span.start)
        .last()
        .map_or(0, |(_, s)| *s);
    Span::new(
        (span.start as isize + d) as usize,
        (span.end as isize + d) as usize,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn isnad_file_round_trip_is_the_identity(analysis in doc()) {
        let back = schema::from_json(&schema::to_json(&analysis));
        prop_assert_eq!(back, Ok(analysis.clone()));
        let imported = import("p.json", &schema::to_json(&analysis), Some(&analysis.text));
        prop_assert!(imported.is_ok());
        if let Ok(got) = imported {
            prop_assert_eq!(got.analysis, analysis);
        }
    }

    #[test]
    fn w3c_round_trip_is_the_identity_on_what_it_carries(analysis in doc()) {
        prop_assume!(!analysis.text.trim().is_empty());
        let json = to_w3c(&analysis, &ExportMeta::new("2026-05-01T00:00:00Z")).to_string();
        let got = import("w.json", &json, Some(&analysis.text));
        prop_assert!(got.is_ok(), "{:?}", got.err());
        if let Ok(got) = got {
            prop_assert!(got.orphans.is_empty(), "{:?}", got.orphans);
            prop_assert_eq!(got.moved, 0);
            prop_assert_eq!(w3c_views(&got.analysis), w3c_views(&analysis));
        }
    }

    #[test]
    fn reanchoring_follows_edits_elsewhere(
        analysis in doc(),
        edits in proptest::collection::vec(edit_spec(), 1..8),
    ) {
        let (new_text, shifts) = apply_edits(&analysis, &edits);
        prop_assume!(!new_text.trim().is_empty());

        // isnad/1: the whole file re-anchored.
        let got = reanchor(&analysis, &new_text);
        prop_assert!(got.orphans.is_empty(), "orphans: {:?}", got.orphans);
        prop_assert!(got.detached.is_empty(), "detached: {:?}", got.detached);
        for a in &analysis.annotations {
            let b = got.analysis.annotations.iter().find(|b| b.id == a.id);
            prop_assert!(b.is_some(), "{} lost", a.id);
            if let Some(b) = b {
                prop_assert_eq!(b.span, moved(a.span, &shifts), "{} in {:?}", a.id, new_text);
                if let (Detail::Quote(x), Detail::Quote(y)) = (&a.detail, &b.detail) {
                    prop_assert_eq!(y.cue, x.cue.map(|c| moved(c, &shifts)), "{} cue", a.id);
                }
            }
        }

        // W3C: exported from the old text, imported onto the new one.
        let json = to_w3c(&analysis, &ExportMeta::new("2026-05-01T00:00:00Z")).to_string();
        let got = import("w.json", &json, Some(&new_text));
        prop_assert!(got.is_ok(), "{:?}", got.err());
        if let Ok(got) = got {
            prop_assert!(got.orphans.is_empty(), "orphans: {:?}", got.orphans);
            for a in &analysis.annotations {
                let b = got.analysis.annotations.iter().find(|b| b.id == a.id);
                prop_assert!(b.is_some(), "{} lost", a.id);
                if let Some(b) = b {
                    prop_assert_eq!(b.span, moved(a.span, &shifts), "{} (W3C) in {:?}", a.id, new_text);
                }
            }
        }
    }

    #[test]
    fn one_changed_character_inside_a_quote_is_tolerated(
        text in doc_text(),
        place in (0.0..1.0f64, 8..60usize, any::<proptest::sample::Index>()),
        replacement in "[\u{0621}-\u{063A}a-z😀]",
    ) {
        // One quote of at least 8 code points whose text occurs only once.
        let cuts = boundaries(&text);
        let cps = cuts.len() - 1;
        prop_assume!(cps >= 8);
        let len = place.1.min(cps);
        let start = ((place.0 * (cps - len + 1) as f64) as usize).min(cps - len);
        let span = Span::new(cuts[start], cuts[start + len]);
        prop_assume!(text.matches(span.slice(&text)).count() == 1);
        let analysis = Analysis {
            language: Lang::Ar,
            text: text.clone(),
            annotations: vec![Annotation {
                id: "q1".into(),
                span,
                origin: Origin::Editor,
                detail: Detail::Quote(QuoteInfo {
                    form: QuoteForm::Direct,
                    speaker: None,
                    cue: None,
                    mention: None,
                }),
            }],
            speakers: vec![],
        };
        let k = start + place.2.index(len);
        let (from, to) = (cuts[k], cuts[k + 1]);
        prop_assume!(text[from..to] != replacement);
        let new_text = format!("{}{}{}", &text[..from], replacement, &text[to..]);
        let delta = replacement.len() as isize - (to - from) as isize;
        let expected = Span::new(span.start, (span.end as isize + delta) as usize);

        let got = reanchor(&analysis, &new_text);
        prop_assert!(got.orphans.is_empty(), "lost: {:?}", got.orphans);
        prop_assert_eq!(got.analysis.annotations[0].span, expected, "in {:?}", new_text);
    }
}
