//! Export and import of annotation files (`docs/interchange.md`): W3C Web
//! Annotation shapes written by other tools, precise error messages, the
//! size limits, CSV quoting and formula defusing, ClaimReview, code-point
//! offsets, and re-anchoring an `isnad/1` file onto a changed text.

use isnad_engine::anchor::{reanchor, OrphanReason};
use isnad_engine::claimreview::to_claim_review;
use isnad_engine::csv::{claims_csv, quotes_csv};
use isnad_engine::export::ExportMeta;
use isnad_engine::import::{import, inspect, Format, MAX_IMPORT_ANNOTATIONS, MAX_IMPORT_BYTES};
use isnad_engine::w3c::to_w3c;
use isnad_engine::{
    schema, Analysis, Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Detail, EngineError, Kind,
    Lang, Origin, QuoteForm, QuoteInfo, Span, Speaker,
};
use serde_json::{json, Value};

const NOW: &str = "2026-05-01T09:30:00Z";

/// The byte span of the `n`th (0-based) occurrence of `needle` in `text`.
fn span_of(text: &str, needle: &str, n: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in the text"))
        .0;
    Span::new(start, start + needle.len())
}

fn claim(id: &str, span: Span, status: ClaimStatus, note: &str) -> Annotation {
    Annotation {
        id: id.into(),
        span,
        origin: if status == ClaimStatus::Unchecked {
            Origin::Auto
        } else {
            Origin::Editor
        },
        detail: Detail::Claim(ClaimInfo {
            categories: vec![ClaimCategory::Statistic, ClaimCategory::Date],
            score: 0.75,
            status,
            note: note.into(),
        }),
    }
}

/// A short Arabic item: a claim holding an indirect quote by a minister,
/// a checked claim with a note, and a direct quote by the same speaker.
fn sample() -> Analysis {
    let text = "الرياض 😀 - وكالات\r\nقال وزير الصحة أحمد سالم، الأحد، إن 120 مستشفى تلقّت اللقاح. وأضاف سالم: «سنبدأ الحملة الأسبوع المقبل».\nوبلغ عدد الإصابات 3000 حالة.\n";
    let c1 = Span::new(
        span_of(text, "قال", 0).start,
        span_of(text, "اللقاح", 0).end,
    );
    let q1 = Span::new(
        span_of(text, "120", 0).start,
        span_of(text, "اللقاح", 0).end,
    );
    let q2 = span_of(text, "سنبدأ الحملة الأسبوع المقبل", 0);
    let c2 = Span::new(span_of(text, "وبلغ", 0).start, span_of(text, "حالة", 0).end);
    let mut annotations = vec![
        claim("c1", c1, ClaimStatus::Unchecked, ""),
        Annotation {
            id: "q1".into(),
            span: q1,
            origin: Origin::Auto,
            detail: Detail::Quote(QuoteInfo {
                form: QuoteForm::Indirect,
                speaker: Some("s1".into()),
                cue: Some(span_of(text, "قال", 0)),
                mention: Some(span_of(text, "أحمد سالم", 0)),
            }),
        },
        Annotation {
            id: "q2".into(),
            span: q2,
            origin: Origin::Editor,
            detail: Detail::Quote(QuoteInfo {
                form: QuoteForm::Direct,
                speaker: Some("s1".into()),
                cue: Some(span_of(text, "وأضاف", 0)),
                mention: Some(span_of(text, "سالم", 1)),
            }),
        },
        claim(
            "c2",
            c2,
            ClaimStatus::False,
            "=the ministry says 2,100 \"cases\"\nsource: report",
        ),
    ];
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Analysis {
        language: Lang::Ar,
        text: text.into(),
        annotations,
        speakers: vec![Speaker {
            id: "s1".into(),
            name: "أحمد سالم".into(),
            title: Some("وزير الصحة".into()),
            mentions: vec![span_of(text, "أحمد سالم", 0), span_of(text, "سالم", 1)],
        }],
    }
}

fn w3c_json(analysis: &Analysis) -> String {
    serde_json::to_string(&to_w3c(analysis, &ExportMeta::new(NOW))).expect("serialises")
}

fn error_text(r: Result<impl std::fmt::Debug, EngineError>) -> String {
    match r {
        Ok(v) => panic!("should fail, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for p in parts {
        assert!(message.contains(p), "{message:?} should mention {p:?}");
    }
}

#[test]
fn positions_are_code_points_not_bytes_or_utf16() {
    let text = "😀 قال";
    let analysis = Analysis {
        language: Lang::Ar,
        text: text.into(),
        annotations: vec![claim(
            "c1",
            span_of(text, "قال", 0),
            ClaimStatus::Unchecked,
            "",
        )],
        speakers: vec![],
    };
    let w3c = to_w3c(&analysis, &ExportMeta::new(NOW));
    let selectors = &w3c["first"]["items"][0]["target"]["selector"];
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[0]["exact"], "قال");
    assert_eq!(selectors[0]["prefix"], "😀 ");
    assert_eq!(selectors[0]["suffix"], "");
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    assert_eq!(selectors[1]["start"], 2, "😀 is one code point");
    assert_eq!(selectors[1]["end"], 5);
    let csv = claims_csv(&analysis);
    assert!(csv.ends_with(",2,5\r\n"), "{csv:?}");
}

#[test]
fn w3c_export_carries_the_mapping() {
    let analysis = sample();
    let meta = ExportMeta {
        creator: Some("Mona".into()),
        source: Some("https://example.org/news/1".into()),
        title: Some("Wire".into()),
        ..ExportMeta::new(NOW)
    };
    let w3c = to_w3c(&analysis, &meta);
    assert_eq!(w3c["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["label"], "Wire");
    assert_eq!(w3c["total"], 4);
    assert_eq!(w3c["first"]["type"], "AnnotationPage");
    assert_eq!(w3c["first"]["startIndex"], 0);
    let items = w3c["first"]["items"].as_array().expect("items");
    let q2 = items
        .iter()
        .find(|a| a["id"].as_str().is_some_and(|id| id.ends_with(":q2")))
        .expect("q2 exported");
    assert_eq!(q2["motivation"], "identifying");
    assert_eq!(q2["creator"], json!({"type": "Person", "name": "Mona"}));
    assert_eq!(q2["created"], NOW);
    assert_eq!(q2["target"]["source"]["id"], "https://example.org/news/1");
    assert_eq!(q2["target"]["source"]["textDirection"], "rtl");
    assert_eq!(q2["target"]["source"]["language"], "ar");
    let bodies = q2["body"].as_array().expect("bodies");
    let body = |purpose: &str| -> Vec<&str> {
        bodies
            .iter()
            .filter(|b| b["purpose"] == purpose)
            .filter_map(|b| b["value"].as_str())
            .collect()
    };
    assert_eq!(body("tagging"), ["quote"]);
    assert_eq!(body("identifying"), ["أحمد سالم"]);
    assert_eq!(body("describing"), ["وزير الصحة"]);
    assert_eq!(body("classifying"), ["direct"]);
    let c2 = items
        .iter()
        .find(|a| a["id"].as_str().is_some_and(|id| id.ends_with(":c2")))
        .expect("c2 exported");
    assert_eq!(c2["motivation"], "assessing");
    let c1 = items
        .iter()
        .find(|a| a["id"].as_str().is_some_and(|id| id.ends_with(":c1")))
        .expect("c1 exported");
    assert_eq!(c1["creator"], json!({"type": "Software", "name": "isnad"}));
    assert!(
        !c1["body"]
            .as_array()
            .expect("bodies")
            .iter()
            .any(|b| b["purpose"] == "assessing"),
        "an unchecked claim has no assessing body"
    );
    // Without a source, the document is named by its hash.
    let plain = to_w3c(&analysis, &ExportMeta::new(NOW));
    let src = plain["first"]["items"][0]["target"]["source"]["id"]
        .as_str()
        .expect("source id");
    assert!(src.starts_with("urn:isnad:doc:") && src.len() == "urn:isnad:doc:".len() + 16);
}

#[test]
fn w3c_round_trip_keeps_what_w3c_carries() {
    let analysis = sample();
    let back = import("a.json", &w3c_json(&analysis), Some(&analysis.text)).expect("imports");
    assert_eq!(back.format, Format::W3c);
    assert!(back.orphans.is_empty());
    assert_eq!(back.moved, 0);
    assert_eq!(back.analysis.language, Lang::Ar);
    assert_eq!(back.analysis.annotations.len(), 4);
    for a in &analysis.annotations {
        let b = back
            .analysis
            .annotations
            .iter()
            .find(|b| b.id == a.id)
            .unwrap_or_else(|| panic!("{} came back", a.id));
        assert_eq!((b.span, b.origin, b.kind()), (a.span, a.origin, a.kind()));
        match (&a.detail, &b.detail) {
            (Detail::Quote(x), Detail::Quote(y)) => {
                assert_eq!(x.form, y.form);
                let name = |an: &Analysis, q: &QuoteInfo| {
                    q.speaker
                        .as_deref()
                        .and_then(|s| an.speaker(s))
                        .map(|s| (s.name.clone(), s.title.clone()))
                };
                assert_eq!(name(&analysis, x), name(&back.analysis, y));
            }
            (Detail::Claim(x), Detail::Claim(y)) => {
                assert_eq!(
                    (&x.categories, x.status, &x.note),
                    (&y.categories, y.status, &y.note)
                );
            }
            _ => panic!("{}: kind changed", a.id),
        }
    }
    // Both quotes name one speaker.
    assert_eq!(back.analysis.speakers.len(), 1);
}

#[test]
fn third_party_single_annotation_with_only_a_quote_selector() {
    let text = "The minister said on Monday that 40% of the aid had arrived, officials said.";
    let file = json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"extra": "http://example.org/"}],
        "id": "http://example.org/anno/17",
        "type": "Annotation",
        "motivation": "commenting",
        "bodyValue": "Check against the UN report.",
        "target": {
            "source": "http://example.org/page",
            "selector": {"type": "TextQuoteSelector", "exact": "40% of the aid had arrived"}
        }
    });
    let got = import("hypothesis.json", &file.to_string(), Some(text)).expect("imports");
    assert!(got.orphans.is_empty());
    let [a] = &got.analysis.annotations[..] else {
        panic!("one annotation: {:?}", got.analysis.annotations)
    };
    assert_eq!(a.span.slice(text), "40% of the aid had arrived");
    assert_eq!(a.id, "w1", "a foreign IRI gets a fresh id");
    assert_eq!(a.origin, Origin::Editor, "no isnad creator: the editor's");
    let Detail::Claim(c) = &a.detail else {
        panic!("untagged annotations become claims")
    };
    assert_eq!(c.note, "Check against the UN report.");
    assert_eq!(c.status, ClaimStatus::Unchecked);
    assert_eq!(got.analysis.language, Lang::En, "detected from the text");
}

#[test]
fn third_party_shapes_array_collection_page_and_position_only() {
    let text = "قال الوزير إن الاتفاق سيوقع غدا، وأضاف أن المحادثات ستستمر.";
    let ann = |exact: &str, tag: Option<&str>| {
        let mut body = vec![json!({"type": "TextualBody", "value": "x", "purpose": "commenting"})];
        if let Some(t) = tag {
            body.push(json!({"type": "TextualBody", "value": t, "purpose": "tagging"}));
        }
        json!({
            "type": "Annotation",
            "body": body,
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact}]}
        })
    };
    let a = ann("الاتفاق سيوقع غدا", Some("quote"));
    let b = ann("المحادثات ستستمر", None);
    let shapes = [
        json!([a, b]),
        json!({"type": "AnnotationCollection", "items": [a, b]}),
        json!({"type": "AnnotationCollection", "first": [a, b]}),
        json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [a, b]}),
        json!({"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [a], "next": {"type": "AnnotationPage", "items": [b]}}}),
    ];
    for shape in shapes {
        let got = import("x.json", &shape.to_string(), Some(text))
            .unwrap_or_else(|e| panic!("{shape}: {e}"));
        let kinds: Vec<(Kind, &str)> = got
            .analysis
            .annotations
            .iter()
            .map(|a| (a.kind(), a.span.slice(text)))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Quote, "الاتفاق سيوقع غدا"),
                (Kind::Claim, "المحادثات ستستمر")
            ],
            "{shape}"
        );
        assert_eq!(
            inspect("x.json", &shape.to_string())
                .expect("inspects")
                .annotations,
            2
        );
    }
    // Position only, a selector object (not an array), target in an array.
    let pos = json!({
        "type": "Annotation",
        "body": "http://example.org/tag/claim",
        "target": ["http://example.org/page", {"selector": {"type": "TextPositionSelector", "start": 4, "end": 10}}]
    });
    let got = import("p.json", &pos.to_string(), Some(text)).expect("imports");
    assert_eq!(got.analysis.annotations[0].span.slice(text), "الوزير");
}

#[test]
fn whole_document_targets_become_orphans_not_errors() {
    let text = "The minister said the talks would resume.";
    let file = json!([
        {"type": "Annotation", "target": "http://example.org/page"},
        {"type": "Annotation", "target": {"source": "http://example.org/page", "selector": {"type": "CssSelector", "value": "p"}}},
        {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "the talks would resume"}}},
        {"type": "Annotation", "id": "urn:x:4", "target": {"selector": {"type": "TextQuoteSelector", "exact": "not in this text at all"}}},
        {"type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 40, "end": 90}}}
    ]);
    let got = import("o.json", &file.to_string(), Some(text)).expect("imports");
    assert_eq!(got.analysis.annotations.len(), 1);
    let reasons: Vec<(usize, &OrphanReason)> =
        got.orphans.iter().map(|o| (o.index, &o.reason)).collect();
    assert_eq!(
        reasons,
        [
            (0, &OrphanReason::NoSelector),
            (1, &OrphanReason::NoSelector),
            (3, &OrphanReason::NotFound),
            (
                4,
                &OrphanReason::OutOfRange {
                    start: 40,
                    end: 90,
                    len: 41
                }
            ),
        ]
    );
    let shown = got.orphans[2].to_string();
    assert_mentions(
        &shown,
        &[
            "annotation 4",
            "urn:x:4",
            "not in this text",
            "not in the document",
        ],
    );
    let summary = inspect("o.json", &file.to_string()).expect("inspects");
    assert_eq!((summary.annotations, summary.without_selector), (5, 2));
}

#[test]
fn w3c_errors_name_file_annotation_and_field() {
    let good = json!({"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}});
    let bad = json!({
        "type": "Annotation",
        "id": "urn:bad:4",
        "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": "x"},
            {"type": "TextPositionSelector", "start": "abc", "end": 3}
        ]}
    });
    let file = json!({"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [good, good, good, bad]}});
    let message = error_text(import("notes.json", &file.to_string(), Some("x y")));
    assert_mentions(
        &message,
        &[
            "notes.json: ",
            "annotation 4",
            "urn:bad:4",
            "first.items[3].target.selector[1].start",
            "whole number",
            "\"abc\"",
        ],
    );
    // The same problems without a text to place on.
    assert_eq!(
        error_text(inspect("notes.json", &file.to_string())),
        message
    );

    let cases: Vec<(Value, &[&str])> = vec![
        (
            json!([{"type": "Annotation"}]),
            &["annotation 1", "[0].target", "missing"],
        ),
        (
            json!([good, {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": 7}}}]),
            &[
                "annotation 2",
                "[1].target.selector.exact",
                "must be a string",
                "number 7",
            ],
        ),
        (
            json!([{"type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 5, "end": 2}}}]),
            &["[0].target.selector.end", "before start 5"],
        ),
        (
            json!([{"type": "Annotation", "body": [{"value": 3}], "target": "x"}]),
            &["[0].body[0].value", "must be a string"],
        ),
        (
            json!({"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": ""}}}),
            &["at target.selector.exact", "empty"],
        ),
        (
            json!([{"type": "Annotation", "id": "a", "target": "x"}, {"type": "Annotation", "id": "a", "target": "x"}]),
            &["annotation 2", "[1].id", "same id as annotation 1"],
        ),
        (
            json!({"type": "AnnotationCollection", "first": "http://example.org/page1"}),
            &["at first", "elsewhere"],
        ),
        (
            json!([{"type": "Annotation", "target": 5}]),
            &["[0].target", "number 5"],
        ),
    ];
    for (file, parts) in cases {
        let message = error_text(import("bad.json", &file.to_string(), Some("x")));
        assert_mentions(&message, parts);
        assert!(message.starts_with("bad.json: "), "{message}");
    }
}

#[test]
fn isnad_errors_name_file_annotation_and_field() {
    let analysis = sample();
    let good: Value = serde_json::from_str(&schema::to_json(&analysis)).expect("json");

    let mut f = good.clone();
    f["annotations"][1]["start"] = json!("x");
    let message = error_text(import("work.isnad.json", &f.to_string(), None));
    assert_mentions(
        &message,
        &[
            "work.isnad.json: annotation 2",
            "annotations[1].start",
            "whole number",
        ],
    );

    let mut f = good.clone();
    f["annotations"][0]["text"] = json!("something else");
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(
        &message,
        &[
            "annotation 1 (id \"c1\")",
            "annotations[0].text",
            "something else",
        ],
    );

    let mut f = good.clone();
    let q = f["annotations"]
        .as_array()
        .and_then(|l| l.iter().position(|a| a["kind"] == "quote"))
        .expect("a quote");
    f["annotations"][q]["cue"]["end"] = json!(100_000);
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(
        &message,
        &[
            &format!("annotations[{q}].cue.end"),
            "is 100000, past the end of the text",
        ],
    );

    let mut f = good.clone();
    let start = f["annotations"][1]["start"].clone();
    f["annotations"][1]["end"] = json!(start.as_u64().expect("start") - 1);
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(
        &message,
        &["annotation 2", "annotations[1].end", "before start"],
    );

    let mut f = good.clone();
    f["speakers"][0]["mentions"][0]["start"] = json!(99_999);
    f["speakers"][0]["mentions"][0]["end"] = json!(100_000);
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(&message, &["speakers[0].mentions[0].start", "past the end"]);

    let mut f = good.clone();
    f["annotations"][q]["speaker"] = json!("nobody");
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(&message, &[&format!("annotations[{q}].speaker"), "nobody"]);

    let mut f = good.clone();
    f["annotations"][2]["kind"] = json!("quip");
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(&message, &["annotations[2].kind", "\"quip\""]);

    let mut f = good.clone();
    f["annotations"][3]["id"] = f["annotations"][0]["id"].clone();
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(&message, &["annotation 4", "annotations[3].id", "same id"]);

    let mut f = good;
    f["speakers"][0]["mentions"][1]["text"] = json!("غيره");
    let message = error_text(import("w.json", &f.to_string(), None));
    assert_mentions(&message, &["speakers[0].mentions[1].text", "غيره"]);
}

#[test]
fn formats_and_limits_are_refused_clearly() {
    let other = json!({"schema": "isnad/2", "document": {}});
    let e = import("new.json", &other.to_string(), None).expect_err("refused");
    assert!(matches!(e, EngineError::OtherSchema { .. }));
    assert_mentions(
        &e.to_string(),
        &["new.json", "another schema", "isnad/2", "isnad/1"],
    );

    for (input, needle) in [
        ("", "empty"),
        ("   \n", "empty"),
        ("{\"schema\": \"isnad/1\"", "not valid JSON"),
        ("[1, 2]", "no W3C annotation"),
        ("\"hello\"", "string"),
        ("{\"name\": \"x\"}", "neither"),
        (
            "{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\"}",
            "another vocabulary",
        ),
    ] {
        let message = error_text(import("f.json", input, Some("text")));
        assert_mentions(&message, &["f.json: ", needle]);
    }

    // W3C needs a text to place on.
    let w3c = w3c_json(&sample());
    let e = import("a.json", &w3c, None).expect_err("no text");
    assert!(matches!(e, EngineError::NoText { .. }), "{e}");
    let e = import("a.json", &w3c, Some("  \n")).expect_err("blank text");
    assert!(matches!(e, EngineError::NoText { .. }), "{e}");

    // Too many annotations: 100,000 tiny ones (well under the byte limit).
    let one = r#"{"type":"Annotation","target":"x"}"#;
    let many = format!("[{}]", vec![one; 100_000].join(","));
    assert!(many.len() < MAX_IMPORT_BYTES);
    let e = import("many.json", &many, Some("x")).expect_err("too many");
    assert_eq!(
        e,
        EngineError::TooManyAnnotations {
            file: "many.json".into(),
            count: 100_000,
            limit: MAX_IMPORT_ANNOTATIONS
        }
    );
    assert_mentions(&e.to_string(), &["many.json", "100000", "50000"]);
    // The limit applies to isnad/1 files too.
    let isnad_many = format!(
        r#"{{"schema":"isnad/1","document":{{"language":"ar","text":"x"}},"annotations":[{}]}}"#,
        vec![r#"{"id":"a","kind":"claim","start":0,"end":1,"text":"x"}"#; 50_001].join(",")
    );
    assert!(matches!(
        import("m.json", &isnad_many, None),
        Err(EngineError::TooManyAnnotations { count: 50_001, .. })
    ));

    // Too large: refused before parsing.
    let huge = format!("[{}]", " ".repeat(MAX_IMPORT_BYTES));
    let e = import("huge.json", &huge, Some("x")).expect_err("too large");
    assert!(matches!(e, EngineError::TooLarge { .. }));
    assert_mentions(&e.to_string(), &["huge.json", "20 MiB"]);
    assert!(isnad_engine::import::check_size("big.json", 50 * 1024 * 1024).is_err());
    assert!(isnad_engine::import::check_size("ok.json", 1024).is_ok());
    let e = isnad_engine::import::utf8("latin1.json", b"caf\xe9").expect_err("not UTF-8");
    assert_eq!(
        e.to_string(),
        "latin1.json: not UTF-8 text (first invalid byte at offset 3)"
    );
}

#[test]
fn isnad_file_round_trips_and_reads_with_a_bom() {
    let analysis = sample();
    let json = schema::to_json(&analysis);
    let back = import("a.isnad.json", &json, None).expect("imports");
    assert_eq!(back.format, Format::Isnad);
    assert_eq!(back.analysis, analysis);
    let with_bom = format!("\u{feff}{json}");
    assert_eq!(
        import("a.isnad.json", &with_bom, Some(&analysis.text))
            .expect("imports")
            .analysis,
        analysis
    );
    assert_eq!(
        isnad_engine::import::format_of("a.isnad.json", &json),
        Ok(Format::Isnad)
    );
    assert_eq!(
        isnad_engine::import::format_of("a.json", &w3c_json(&analysis)),
        Ok(Format::W3c)
    );
    let s = inspect("a.isnad.json", &json).expect("inspects");
    assert_eq!((s.annotations, s.quotes, s.claims), (4, 2, 2));
}

#[test]
fn isnad_file_is_reanchored_onto_a_changed_text() {
    let analysis = sample();
    let json = schema::to_json(&analysis);
    // A paragraph added before everything, the second claim's sentence
    // rewritten, and a word added between the two quotes.
    let new_text = format!(
        "عاجل\n{}",
        analysis
            .text
            .replace("وبلغ عدد الإصابات 3000 حالة.", "سطر جديد لا علاقة له.")
            .replace(". وأضاف", ". ثم وأضاف")
    );
    let got = import("a.json", &json, Some(&new_text)).expect("imports");
    let ids: Vec<&str> = got
        .analysis
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["c1", "q1", "q2"]);
    for a in &got.analysis.annotations {
        let old = analysis
            .annotations
            .iter()
            .find(|o| o.id == a.id)
            .expect("same id");
        assert_eq!(a.span.slice(&new_text), old.span.slice(&analysis.text));
    }
    assert_eq!(got.moved, 3);
    let [orphan] = &got.orphans[..] else {
        panic!("one orphan: {:?}", got.orphans)
    };
    assert_eq!((orphan.index, orphan.id.as_str()), (3, "c2"));
    assert_eq!(orphan.reason, OrphanReason::NotFound);
    // Cues, mentions and speaker mentions moved along.
    let Detail::Quote(q) = &got.analysis.annotations[2].detail else {
        panic!("q2 is a quote")
    };
    assert_eq!(q.cue.map(|c| c.slice(&new_text)), Some("وأضاف"));
    assert_eq!(q.mention.map(|c| c.slice(&new_text)), Some("سالم"));
    let mentions: Vec<&str> = got.analysis.speakers[0]
        .mentions
        .iter()
        .map(|m| m.slice(&new_text))
        .collect();
    assert_eq!(mentions, ["أحمد سالم", "سالم"]);
    assert!(got.detached.is_empty());

    // A small edit inside a quote: found approximately.
    let edited = analysis.text.replace("سنبدأ الحملة", "سنبدا الحملة");
    let got = reanchor(&analysis, &edited);
    let q2 = got
        .analysis
        .annotations
        .iter()
        .find(|a| a.id == "q2")
        .expect("q2 kept");
    assert_eq!(q2.span.slice(&edited), "سنبدا الحملة الأسبوع المقبل");
    assert!(got.orphans.is_empty());
}

#[test]
fn csv_has_bom_crlf_quoting_and_no_formulas() {
    let analysis = sample();
    let quotes = quotes_csv(&analysis);
    assert!(quotes.starts_with("\u{feff}speaker,title,cue,form,text,start,end\r\n"));
    let lines: Vec<&str> = quotes
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .collect();
    assert_eq!(lines.len(), 4, "header, two quotes, empty tail: {lines:?}");
    assert!(lines[1].starts_with("أحمد سالم,وزير الصحة,قال,indirect,120 مستشفى تلقّت اللقاح,"));
    assert!(lines[2].starts_with("أحمد سالم,وزير الصحة,وأضاف,direct,سنبدأ الحملة الأسبوع المقبل,"));

    let claims = claims_csv(&analysis);
    assert!(claims.starts_with("\u{feff}text,categories,status,note,start,end\r\n"));
    assert!(claims.contains(",statistic; date,unchecked,,"));
    // The note starts with "=": defused, then quoted because of the quote
    // marks, comma and line break it holds.
    assert!(
        claims.contains(
            ",statistic; date,false,\"'=the ministry says 2,100 \"\"cases\"\"\nsource: report\","
        ),
        "{claims}"
    );
    // Every record ends with CRLF; the only bare LF is inside the quoted note.
    assert_eq!(
        claims.matches('\n').count(),
        claims.matches("\r\n").count() + 1
    );
}

#[test]
fn claim_review_only_for_checked_claims() {
    let mut analysis = sample();
    let none = to_claim_review(&analysis, &ExportMeta::new(NOW));
    assert_eq!(none.as_array().map(Vec::len), Some(1), "only c2 is checked");
    // Check c1 too: it holds q1, whose speaker becomes the claim's author.
    for a in &mut analysis.annotations {
        if let Detail::Claim(c) = &mut a.detail {
            if a.id == "c1" {
                c.status = ClaimStatus::Verified;
            }
        }
    }
    let meta = ExportMeta {
        source: Some("https://example.org/news/1".into()),
        creator: Some("Fact Desk".into()),
        ..ExportMeta::new(NOW)
    };
    let reviews = to_claim_review(&analysis, &meta);
    let list = reviews.as_array().expect("array");
    assert_eq!(list.len(), 2);
    let c1 = &list[0];
    assert_eq!(c1["@context"], "https://schema.org");
    assert_eq!(c1["@type"], "ClaimReview");
    assert_eq!(
        c1["claimReviewed"],
        "قال وزير الصحة أحمد سالم، الأحد، إن 120 مستشفى تلقّت اللقاح"
    );
    assert_eq!(c1["datePublished"], "2026-05-01");
    assert_eq!(c1["reviewRating"]["ratingValue"], 5);
    assert_eq!(c1["reviewRating"]["alternateName"], "True");
    assert_eq!(c1["reviewRating"]["bestRating"], 5);
    assert_eq!(c1["reviewRating"]["worstRating"], 1);
    assert_eq!(c1["itemReviewed"]["@type"], "Claim");
    assert_eq!(
        c1["itemReviewed"]["author"],
        json!({"@type": "Person", "name": "أحمد سالم", "jobTitle": "وزير الصحة"})
    );
    assert_eq!(
        c1["itemReviewed"]["appearance"]["url"],
        "https://example.org/news/1"
    );
    assert_eq!(
        c1["author"],
        json!({"@type": "Organization", "name": "Fact Desk"})
    );
    assert_eq!(c1["url"], "https://example.org/news/1");
    assert_eq!(c1["inLanguage"], "ar");
    assert!(c1.get("reviewBody").is_none());
    let c2 = &list[1];
    assert_eq!(c2["reviewRating"]["ratingValue"], 1);
    assert_eq!(c2["reviewRating"]["alternateName"], "False");
    assert!(c2["reviewBody"]
        .as_str()
        .is_some_and(|b| b.contains("2,100")));
    assert!(c2["itemReviewed"].get("author").is_none(), "no quote in c2");
}

#[test]
fn editor_annotations_round_trip_their_origin_and_ids() {
    let analysis = sample();
    let json = w3c_json(&analysis);
    let value: Value = serde_json::from_str(&json).expect("json");
    // Another isnad document's ids with characters an IRI cannot hold.
    let mut odd = analysis.clone();
    odd.annotations[0].id = "my id/1?".into();
    let w = to_w3c(&odd, &ExportMeta::new(NOW));
    let iri = w["first"]["items"][0]["id"].as_str().expect("id");
    assert!(!iri.contains(' ') && !iri.contains('?'), "{iri}");
    let back = import("o.json", &w.to_string(), Some(&odd.text)).expect("imports");
    assert!(back.analysis.annotations.iter().any(|a| a.id == "my id/1?"));
    // Origins: q2 and c2 are the editor's.
    let editors: Vec<&str> = value["first"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|a| a["creator"]["type"] == "Person")
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(editors.len(), 2);
    assert!(editors
        .iter()
        .all(|id| id.ends_with(":q2") || id.ends_with(":c2")));
}
