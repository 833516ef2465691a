//! Importing a file onto an article that is already analysed
//! (`edit::merge_imported`, `docs/interchange.md`): an imported annotation
//! at the place of an automatic one brings its verdict, note, categories,
//! speaker and form into it instead of being skipped, an empty imported
//! field never erases what is there, and the counts say what happened.

use isnad_engine::edit::{merge_imported, Edit, History, ImportCounts, Layer};
use isnad_engine::export::ExportMeta;
use isnad_engine::import::import;
use isnad_engine::w3c::to_w3c;
use isnad_engine::{
    analyze, Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, Kind, Options,
    Origin, QuoteForm, QuoteInfo,
};
use serde_json::json;

const NOW: &str = "2026-05-01T09:30:00Z";

/// Invented: diacritics, an emoji, no-break spaces, a direct and an
/// indirect quote and three claims.
const TEXT: &str = "قالَ وزيرُ المالية 😀 سامي حدّاد، يوم الأحد، إنّ الأسعارَ ارتفعت بنسبة 5%\u{a0}في مايو. وأضاف: «ستخصّص الحكومةُ 200\u{a0}مليون دولار للدعم عام 2027».\nوبلغ عددُ المستفيدين 3000 أسرة.";

fn fresh() -> Analysis {
    analyze(TEXT, &Options::default())
}

/// The id of the `n`th (0-based) annotation of `kind`.
fn nth(layer: &Layer, kind: Kind, n: usize) -> String {
    layer
        .annotations
        .iter()
        .filter(|a| a.kind() == kind)
        .nth(n)
        .map(|a| a.id.clone())
        .unwrap_or_else(|| panic!("no {kind:?} #{n}"))
}

fn claim_of<'l>(layer: &'l Layer, id: &str) -> &'l ClaimInfo {
    match layer.annotation(id).map(|a| &a.detail) {
        Some(Detail::Claim(c)) => c,
        other => panic!("{id} is not a claim: {other:?}"),
    }
}

/// What an editor sees of each annotation: kind, text, origin and details,
/// with speakers by name.
fn seen(layer: &Layer) -> Vec<(Kind, String, Origin, String)> {
    layer
        .annotations
        .iter()
        .map(|a| {
            let detail = match &a.detail {
                Detail::Quote(q) => format!(
                    "{:?} {:?}",
                    q.form,
                    q.speaker.as_deref().and_then(|id| layer
                        .speakers
                        .iter()
                        .find(|s| s.id == id)
                        .map(|s| s.name.clone()))
                ),
                Detail::Claim(c) => {
                    format!("{:?} {:?} {:?}", c.status, c.note, c.categories)
                }
                Detail::Boilerplate => String::new(),
            };
            (
                a.kind(),
                a.span.slice(&layer.text).to_string(),
                a.origin,
                detail,
            )
        })
        .collect()
}

#[test]
fn a_w3c_export_with_verdicts_gives_them_back_on_a_fresh_analysis() {
    let analysis = fresh();
    let mut history = History::new(Layer::from_analysis(&analysis));
    let layer = history.current().as_ref().clone();
    let (c1, c2) = (nth(&layer, Kind::Claim, 0), nth(&layer, Kind::Claim, 1));
    let (q1, q2) = (nth(&layer, Kind::Quote, 0), nth(&layer, Kind::Quote, 1));
    let speaker = layer.next_speaker_id();
    history
        .apply_all(
            TEXT,
            &[
                Edit::SetReview(
                    c1.clone(),
                    ClaimStatus::False,
                    "المصدر: تقرير الوزارة 😀\u{a0}ص 4".into(),
                ),
                Edit::SetReview(c2.clone(), ClaimStatus::Misleading, String::new()),
                Edit::SetCategories(c2.clone(), vec![ClaimCategory::Plan]),
                Edit::SetForm(q1.clone(), QuoteForm::Mixed),
                Edit::AddSpeaker {
                    id: speaker.clone(),
                    name: "سامي حدّاد".into(),
                    title: Some("وزير المالية".into()),
                },
                Edit::SetSpeaker(q2.clone(), Some(speaker)),
            ],
        )
        .expect("edits apply");
    let worked = history.current().as_ref().clone();
    let file = to_w3c(&worked.to_analysis(&analysis), &ExportMeta::new(NOW)).to_string();

    // Another browser: the same text, analysed afresh, then the file.
    let start = Layer::from_analysis(&fresh());
    let imported = import("work.w3c.jsonld", &file, Some(TEXT)).expect("imports");
    assert!(imported.orphans.is_empty());
    let (merged, counts) = merge_imported(&start, &imported.analysis);
    assert_eq!(
        counts,
        ImportCounts {
            merged: 4,
            added: 0,
            already: 1,
        }
    );
    assert_eq!(seen(&merged), seen(&worked));
    assert_eq!(claim_of(&merged, &c1).status, ClaimStatus::False);
    assert_eq!(
        claim_of(&merged, &c1).note,
        "المصدر: تقرير الوزارة 😀\u{a0}ص 4"
    );
    assert_eq!(claim_of(&merged, &c2).categories, [ClaimCategory::Plan]);
    // The untouched claim stays automatic; the rest are the editor's.
    let editors: Vec<&str> = merged
        .annotations
        .iter()
        .filter(|a| a.origin == Origin::Editor)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(editors.len(), 4);
    assert!([&c1, &c2, &q1, &q2]
        .iter()
        .all(|id| editors.contains(&id.as_str())));

    // One undoable step.
    let mut other = History::new(start.clone());
    other.push(merged);
    assert!(other.undo());
    assert_eq!(other.current().as_ref(), &start);

    // Importing the same file again changes nothing.
    let (again, counts) = merge_imported(other.layers()[1].as_ref(), &imported.analysis);
    assert_eq!(&again, other.layers()[1].as_ref());
    assert_eq!(
        counts,
        ImportCounts {
            already: 5,
            ..ImportCounts::default()
        }
    );
}

#[test]
fn an_empty_imported_field_does_not_erase_the_work_there() {
    let analysis = fresh();
    let layer = Layer::from_analysis(&analysis);
    let c1 = nth(&layer, Kind::Claim, 0);
    let q1 = nth(&layer, Kind::Quote, 0);
    let mut history = History::new(layer);
    history
        .apply_all(
            TEXT,
            &[
                Edit::SetReview(c1.clone(), ClaimStatus::False, "ملاحظةٌ أولى".into()),
                Edit::SetCategories(c1.clone(), vec![ClaimCategory::Statistic]),
            ],
        )
        .expect("edits apply");
    let worked = history.current().as_ref().clone();
    let span_of = |id: &str| worked.annotation(id).map(|a| a.span).unwrap_or_default();
    let quote_form = |layer: &Layer| match layer.annotation(&q1).map(|a| &a.detail) {
        Some(Detail::Quote(q)) => (q.form, q.speaker.clone()),
        other => panic!("{other:?}"),
    };
    let (form, speaker) = quote_form(&worked);
    assert!(speaker.is_some(), "the engine found the quote's speaker");

    // Unchecked, no note, no categories; a quote with no speaker whose
    // file says isnad's software made it (its form is no editor's choice).
    let bare = Analysis {
        annotations: vec![
            Annotation {
                id: "w1".into(),
                span: span_of(&c1),
                origin: Origin::Editor,
                detail: Detail::Claim(ClaimInfo::default()),
            },
            Annotation {
                id: "w2".into(),
                span: span_of(&q1),
                origin: Origin::Auto,
                detail: Detail::Quote(QuoteInfo {
                    form: if form == QuoteForm::Direct {
                        QuoteForm::Indirect
                    } else {
                        QuoteForm::Direct
                    },
                    speaker: None,
                    cue: None,
                    mention: None,
                }),
            },
        ],
        speakers: Vec::new(),
        ..analysis.clone()
    };
    let (same, counts) = merge_imported(&worked, &bare);
    assert_eq!(same, worked);
    assert_eq!(
        counts,
        ImportCounts {
            already: 2,
            ..ImportCounts::default()
        }
    );

    // A note alone replaces the note and keeps the verdict and categories.
    let note_only = Analysis {
        annotations: vec![Annotation {
            detail: Detail::Claim(ClaimInfo {
                note: "  مصدرٌ جديد 😀 ".into(),
                ..ClaimInfo::default()
            }),
            ..bare.annotations[0].clone()
        }],
        ..bare.clone()
    };
    let (next, counts) = merge_imported(&worked, &note_only);
    assert_eq!(counts.merged, 1);
    let c = claim_of(&next, &c1);
    assert_eq!(
        (c.status, c.note.as_str(), c.categories.as_slice()),
        (
            ClaimStatus::False,
            "مصدرٌ جديد 😀",
            &[ClaimCategory::Statistic][..]
        )
    );
    assert_eq!(quote_form(&next), (form, speaker));
}

#[test]
fn counts_say_what_was_merged_added_already_there_and_not_placed() {
    let analysis = fresh();
    let layer = Layer::from_analysis(&analysis);
    let text_of = |kind: Kind, n: usize| -> String {
        let id = nth(&layer, kind, n);
        layer
            .annotation(&id)
            .map(|a| a.span.slice(TEXT).to_string())
            .unwrap_or_default()
    };
    let categories_reversed: Vec<serde_json::Value> = match layer
        .annotation(&nth(&layer, Kind::Claim, 1))
        .map(|a| &a.detail)
    {
        Some(Detail::Claim(c)) => c
            .categories
            .iter()
            .rev()
            .map(|k| json!({"type": "TextualBody", "purpose": "classifying", "value": k.code()}))
            .collect(),
        _ => panic!("two claims"),
    };
    let item = |n: usize, body: serde_json::Value, exact: &str| {
        json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("https://example.org/anno/{n}"),
            "type": "Annotation",
            "creator": {"type": "Person", "name": "Mona"},
            "body": body,
            "target": {"selector": {"type": "TextQuoteSelector", "exact": exact}},
        })
    };
    let mut reordered =
        vec![json!({"type": "TextualBody", "purpose": "tagging", "value": "claim"})];
    reordered.extend(categories_reversed);
    let file = json!([
        // The third claim, checked: merged.
        item(
            1,
            json!([
                {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
                {"type": "TextualBody", "purpose": "assessing", "value": "verified"},
                {"type": "TextualBody", "purpose": "commenting", "value": "سجلّ الوزارة"},
            ]),
            &text_of(Kind::Claim, 2),
        ),
        // A claim where there is none: added.
        item(
            2,
            json!({"type": "TextualBody", "purpose": "tagging", "value": "claim"}),
            "200\u{a0}مليون دولار",
        ),
        // The second claim's categories in another order: already there.
        item(3, json!(reordered), &text_of(Kind::Claim, 1)),
        // Text that is not in the article: not placed.
        item(
            4,
            json!({"type": "TextualBody", "purpose": "tagging", "value": "claim"}),
            "نصٌّ ليس في المقال",
        ),
    ]);
    let imported = import("other.jsonld", &file.to_string(), Some(TEXT)).expect("imports");
    assert_eq!(imported.orphans.len(), 1);
    let (merged, counts) = merge_imported(&layer, &imported.analysis);
    assert_eq!(
        counts,
        ImportCounts {
            merged: 1,
            added: 1,
            already: 1,
        }
    );
    assert_eq!(merged.annotations.len(), layer.annotations.len() + 1);
    let checked = claim_of(&merged, &nth(&layer, Kind::Claim, 2));
    assert_eq!(
        (checked.status, checked.note.as_str()),
        (ClaimStatus::Verified, "سجلّ الوزارة")
    );
    let added = merged
        .annotations
        .iter()
        .find(|a| a.span.slice(TEXT) == "200\u{a0}مليون دولار")
        .expect("added");
    assert_eq!((added.kind(), added.origin), (Kind::Claim, Origin::Editor));
    // The reordered categories changed nothing: still automatic.
    let second = merged
        .annotation(&nth(&layer, Kind::Claim, 1))
        .expect("second claim");
    assert_eq!(second.origin, Origin::Auto);
    assert_eq!(Some(second), layer.annotation(&nth(&layer, Kind::Claim, 1)));
}
