//! Invariants of the editor's model under random edit sequences: undo
//! after any edits returns exactly the earlier state, redo replays them,
//! every state keeps its spans inside the text and its speaker references
//! resolvable, and re-analysis keeps every editor annotation unchanged.

use isnad_engine::edit::{apply, merge_analysis, Edit, History, Layer};
use isnad_engine::{
    analyze, ClaimCategory, ClaimInfo, Detail, Options, Origin, QuoteForm, QuoteInfo, Span,
};
use proptest::prelude::*;

const TEXT: &str = "قال وزير الخارجية\u{a0}جان لو دريان، اليوم، إن المحادثات ستجري غدا 😀.\n\
وأضاف: «نأمل التوصل إلى اتفاق».\n\
The minister said prices rose 4.5% in May, according to the office.";

/// Char-boundary positions of the text, for building spans.
fn boundaries() -> Vec<usize> {
    TEXT.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(TEXT.len()))
        .collect()
}

/// An edit built from random numbers against the current layer.
fn edit_from(layer: &Layer, op: u8, a: usize, b: usize, c: usize) -> Edit {
    let cuts = boundaries();
    let (x, y) = (cuts[a % cuts.len()], cuts[b % cuts.len()]);
    let span = Span::new(x.min(y), x.max(y));
    let ann = |n: usize| {
        layer
            .annotations
            .get(n % layer.annotations.len().max(1))
            .map_or_else(|| "missing".to_string(), |a| a.id.clone())
    };
    let speaker = |n: usize| {
        layer
            .speakers
            .get(n % layer.speakers.len().max(1))
            .map(|s| s.id.clone())
    };
    match op % 9 {
        0 => Edit::Add {
            span,
            detail: Detail::Claim(ClaimInfo {
                categories: vec![ClaimCategory::Event],
                score: 1.0,
                ..Default::default()
            }),
        },
        1 => Edit::Add {
            span,
            detail: Detail::Quote(QuoteInfo {
                form: QuoteForm::Direct,
                speaker: speaker(c),
                cue: None,
                mention: None,
            }),
        },
        2 => Edit::Delete(ann(a)),
        3 => Edit::Accept(ann(a)),
        4 => Edit::SetSpan(ann(c), span),
        5 => Edit::SetSpeaker(ann(a), speaker(c)),
        6 => Edit::AddSpeaker {
            id: layer.next_speaker_id(),
            name: format!("Speaker {c}"),
            title: None,
        },
        7 => Edit::MergeSpeakers(
            speaker(a).unwrap_or_default(),
            speaker(c).unwrap_or_default(),
        ),
        _ => Edit::SetForm(ann(a), QuoteForm::Mixed),
    }
}

fn check_layer(layer: &Layer) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for a in &layer.annotations {
        if !ids.insert(a.id.clone()) {
            return Err(format!("duplicate id {}", a.id));
        }
        let s = a.span;
        if s.end > TEXT.len() || !TEXT.is_char_boundary(s.start) || !TEXT.is_char_boundary(s.end) {
            return Err(format!("{} out of the text: {s:?}", a.id));
        }
        if let Detail::Quote(q) = &a.detail {
            if let Some(id) = &q.speaker {
                if !layer.speakers.iter().any(|sp| &sp.id == id) {
                    return Err(format!("{} refers to missing speaker {id}", a.id));
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn undo_and_redo_walk_back_and_forth(ops in prop::collection::vec((any::<u8>(), 0usize..400, 0usize..400, 0usize..50), 1..25)) {
        let analysis = analyze(TEXT, &Options::default());
        let mut history = History::new(Layer::from_analysis(&analysis));
        let mut states = vec![history.current().as_ref().clone()];
        for (op, a, b, c) in ops {
            let edit = edit_from(history.current(), op, a, b, c);
            if history.apply(TEXT, &edit).is_ok() {
                states.push(history.current().as_ref().clone());
            }
            prop_assert!(check_layer(history.current()).is_ok(), "{:?}", check_layer(history.current()));
        }
        // Undo back to the start, checking each state on the way.
        for expected in states.iter().rev().skip(1) {
            prop_assert!(history.undo());
            prop_assert_eq!(history.current().as_ref(), expected);
        }
        prop_assert!(!history.undo());
        // Redo forward to the end.
        for expected in states.iter().skip(1) {
            prop_assert!(history.redo());
            prop_assert_eq!(history.current().as_ref(), expected);
        }
    }

    #[test]
    fn reanalysis_keeps_every_editor_annotation(ops in prop::collection::vec((any::<u8>(), 0usize..400, 0usize..400, 0usize..50), 1..25)) {
        let analysis = analyze(TEXT, &Options::default());
        let mut layer = Layer::from_analysis(&analysis);
        for (op, a, b, c) in ops {
            let edit = edit_from(&layer, op, a, b, c);
            if let Ok(next) = apply(TEXT, &layer, &edit) {
                layer = next;
            }
        }
        let merged = merge_analysis(&layer, &analysis);
        prop_assert!(check_layer(&merged).is_ok(), "{:?}", check_layer(&merged));
        for a in layer.annotations.iter().filter(|a| a.origin == Origin::Editor) {
            prop_assert_eq!(merged.annotation(&a.id), Some(a));
        }
        // Rejected automatic annotations do not come back.
        for (kind, span) in &layer.rejected {
            let back = merged.annotations.iter().any(|m| m.origin == Origin::Auto && m.kind() == *kind && m.span == *span);
            prop_assert!(!back, "rejected {kind:?} {span:?} came back");
        }
        // Merging the same analysis again changes nothing.
        prop_assert_eq!(&merge_analysis(&merged, &analysis).annotations, &merged.annotations);
    }
}
