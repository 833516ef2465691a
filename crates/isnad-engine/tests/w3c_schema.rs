//! The W3C export checked against `docs/schemas/w3c-annotation.schema.json`
//! (JSON Schema draft 2020-12): every annotation the exporter writes for
//! generated documents and for the real Karabakh wire story has the
//! required fields; and the schema does reject an annotation that lacks
//! one, so the check can fail.

mod common;

use isnad_engine::export::ExportMeta;
use isnad_engine::w3c::to_w3c;
use isnad_engine::{analyze, Analysis, ClaimStatus, Detail, Options, Origin};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Removes or spoils one field of an annotation.
type Breaker = fn(&mut Value);

fn validator() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/schemas/w3c-annotation.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// Every schema violation of every exported annotation, as text.
fn violations(validator: &jsonschema::Validator, export: &Value) -> Vec<String> {
    let items = export["first"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .flat_map(|item| {
            validator
                .iter_errors(item)
                .map(|e| format!("{} at {}: {e}", item["id"], e.instance_path()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Marks every other claim checked (with a note) and every third
/// annotation as the editor's, so every kind of body is exported.
fn reviewed(mut analysis: Analysis) -> Analysis {
    for (i, a) in analysis.annotations.iter_mut().enumerate() {
        if i % 3 == 0 {
            a.origin = Origin::Editor;
        }
        if let Detail::Claim(c) = &mut a.detail {
            c.status = ClaimStatus::ALL[i % ClaimStatus::ALL.len()];
            if i % 2 == 0 {
                c.note = format!("note {i}: «مصدر» 😀");
            }
        }
    }
    analysis
}

fn meta() -> ExportMeta {
    ExportMeta {
        creator: Some("Mona".into()),
        title: Some("تقرير".into()),
        ..ExportMeta::new("2026-05-01T09:30:00Z")
    }
}

fn news() -> impl Strategy<Value = String> {
    let pieces = vec![
        "قال وزير الخارجية",
        "إن",
        "«سنواصل المفاوضات»",
        "وأضاف أن 120 شخصا قتلوا أمس.",
        "مُحَمَّد",
        "الـــرئيس",
        "😀",
        "🇫🇷",
        "\u{a0}",
        "\u{202f}",
        "\r\n",
        "The minister said \"we will talk\" on Monday.",
        "Le ministre a déclaré que 40 % des aides sont arrivées.",
        "بحسب مصادر مطلعة",
        "وأعلنت الحكومة خطة بقيمة ٣٫٥ مليار دولار.",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 1..40).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_documents_export_valid_annotations(text in news()) {
        let analysis = reviewed(analyze(&text, &Options::default()));
        let export = to_w3c(&analysis, &meta());
        let v = violations(&validator(), &export);
        prop_assert!(v.is_empty(), "{v:#?}");
    }
}

#[test]
fn karabakh_export_is_valid() {
    let Some(shared) = common::shared_dir("karabakh_export_is_valid") else {
        return;
    };
    let text = common::karabakh(&shared);
    let analysis = reviewed(analyze(&text, &Options::default()));
    let export = to_w3c(&analysis, &meta());
    let items = export["first"]["items"].as_array().map_or(0, Vec::len);
    let quotes_and_claims = analysis
        .annotations
        .iter()
        .filter(|a| !matches!(a.detail, Detail::Boilerplate))
        .count();
    assert!(quotes_and_claims > 0, "the fixture has quotes and claims");
    assert_eq!(items, quotes_and_claims);
    let v = violations(&validator(), &export);
    assert!(v.is_empty(), "{v:#?}");
}

#[test]
fn the_schema_rejects_what_it_should() {
    let validator = validator();
    let analysis = reviewed(analyze(
        "قال وزير الخارجية إن 120 شخصا قتلوا أمس. وأضاف: «سنواصل المفاوضات».",
        &Options::default(),
    ));
    let export = to_w3c(&analysis, &meta());
    let good = export["first"]["items"][0].clone();
    assert!(validator.is_valid(&good), "the real output is valid");

    let broken: Vec<(&str, Breaker)> = vec![
        ("no motivation", |a| {
            drop(a.as_object_mut().map(|o| o.remove("motivation")))
        }),
        ("no generator", |a| {
            drop(a.as_object_mut().map(|o| o.remove("generator")))
        }),
        ("local time", |a| {
            a["created"] = json!("2026-05-01T09:30:00+02:00")
        }),
        (
            "no tagging body",
            |a| a["body"] = json!([{"type": "TextualBody", "purpose": "commenting", "value": "x"}]),
        ),
        ("boilerplate tag", |a| {
            a["body"][0]["value"] = json!("boilerplate")
        }),
        ("no language", |a| {
            drop(
                a["target"]["source"]
                    .as_object_mut()
                    .map(|o| o.remove("language")),
            )
        }),
        ("no direction", |a| {
            drop(
                a["target"]["source"]
                    .as_object_mut()
                    .map(|o| o.remove("textDirection")),
            )
        }),
        ("negative start", |a| {
            a["target"]["selector"][1]["start"] = json!(-1)
        }),
        ("fractional end", |a| {
            a["target"]["selector"][1]["end"] = json!(2.5)
        }),
        ("no prefix", |a| {
            drop(
                a["target"]["selector"][0]
                    .as_object_mut()
                    .map(|o| o.remove("prefix")),
            )
        }),
        ("wrong type", |a| a["type"] = json!("Note")),
    ];
    for (what, breaks) in broken {
        let mut bad = good.clone();
        breaks(&mut bad);
        assert!(
            !validator.is_valid(&bad),
            "the schema accepts an annotation with {what}"
        );
    }
}
