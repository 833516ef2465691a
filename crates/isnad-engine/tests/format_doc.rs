//! Keeps `docs/format.md` honest: its example JSON must be a valid
//! `isnad/1` file that reads back and writes out unchanged.

use isnad_engine::schema;

#[test]
fn the_documented_example_is_a_valid_isnad_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/format.md");
    let doc = std::fs::read_to_string(path).expect("docs/format.md is readable");
    let start = doc.find("```json\n").expect("the doc has a JSON example") + "```json\n".len();
    let end = start
        + doc[start..]
            .find("\n```")
            .expect("the JSON example is closed");
    let example = &doc[start..end];
    let analysis = schema::from_json(example).unwrap_or_else(|e| panic!("example rejected: {e}"));
    assert_eq!(analysis.annotations.len(), 4);
    assert_eq!(analysis.speakers.len(), 1);
    assert_eq!(
        schema::to_json(&analysis),
        example,
        "the example is written exactly as to_json writes it"
    );
}
