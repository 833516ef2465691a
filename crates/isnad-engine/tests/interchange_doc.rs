//! Keeps `docs/interchange.md` honest: its W3C example is exactly what the
//! exporter writes for the direct quote of the `docs/format.md` example,
//! and it reads back as that quote.

use isnad_engine::export::ExportMeta;
use isnad_engine::import::import;
use isnad_engine::w3c::to_w3c;
use isnad_engine::{schema, Detail, Origin};
use serde_json::Value;

/// The first ```json block of a document under `docs/`.
fn first_json_block(name: &str) -> String {
    let path = format!("{}/../../docs/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = doc.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("\n```").expect("the example is closed");
    doc[start..end].to_string()
}

#[test]
fn the_documented_w3c_example_is_what_the_exporter_writes() {
    let analysis = schema::from_json(&first_json_block("format.md")).expect("format.md example");
    let meta = ExportMeta {
        creator: Some("Mona".into()),
        source: Some("https://example.org/news/riyadh-vaccine".into()),
        ..ExportMeta::new("2026-05-01T09:30:00Z")
    };
    let export = to_w3c(&analysis, &meta);
    let mut written = export["first"]["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|a| a["id"].as_str().is_some_and(|id| id.ends_with(":q2")))
        })
        .cloned()
        .expect("q2 is exported");
    let mut documented: Value =
        serde_json::from_str(&first_json_block("interchange.md")).expect("the example is JSON");
    // The generator names the version, which moves on.
    for v in [&mut written, &mut documented] {
        let name = v["generator"]["name"].as_str().unwrap_or_default();
        assert!(name.starts_with("isnad "), "{name}");
        v["generator"]["name"] = Value::from("isnad");
    }
    assert_eq!(documented, written);

    // And it reads back as the editor's direct quote by أحمد سالم.
    let got = import(
        "example.json",
        &documented.to_string(),
        Some(&analysis.text),
    )
    .expect("imports");
    let [q] = &got.analysis.annotations[..] else {
        panic!("one annotation")
    };
    assert_eq!(q.id, "q2");
    assert_eq!(q.origin, Origin::Editor);
    assert_eq!(q.span.slice(&analysis.text), "سنبدأ الحملة الأسبوع المقبل");
    let Detail::Quote(info) = &q.detail else {
        panic!("a quote")
    };
    let speaker = info
        .speaker
        .as_deref()
        .and_then(|s| got.analysis.speaker(s))
        .expect("a speaker");
    assert_eq!(speaker.name, "أحمد سالم");
    assert_eq!(speaker.title.as_deref(), Some("وزير الصحة"));
}
