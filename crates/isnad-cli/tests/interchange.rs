//! Runs the built `isnad` binary's `export` and `validate`: every format is
//! printed and reads back; annotation files are placed on texts; bad files
//! fail with one precise line on stderr and a non-zero exit (never a panic).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_isnad");

const TEXT: &str = "قال وزير الخارجية سامي العلي، اليوم الاثنين، إن 1200 شخص نزحوا منذ بداية الأزمة 😀.\r\nوأضاف في مؤتمر صحفي: «نأمل أن نصل إلى اتفاق قبل نهاية الشهر».\n";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1777628096")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the isnad binary starts");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            let _ = pipe.write_all(bytes);
        }
    }
    child.wait_with_output().expect("the isnad binary finishes")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-cli-interchange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

fn path_str(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn stdout(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "failed: {stderr}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Non-zero exit (not a panic), one stderr line holding every `needle`.
fn assert_clean_failure(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_ne!(output.status.code(), Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "panicked: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{stderr:?} should mention {needle:?}"
        );
    }
}

#[test]
fn exports_every_format() {
    let isnad = stdout(&run(
        &["export", "--format", "isnad"],
        Some(TEXT.as_bytes()),
    ));
    let analysis = isnad_engine::schema::from_json(&isnad).expect("isnad/1 reads back");
    assert_eq!(analysis.text, TEXT);
    let quotes = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() == isnad_engine::Kind::Quote)
        .count();
    assert!(quotes > 0, "the sample has quotes");

    let w3c = stdout(&run(
        &[
            "export",
            "--format=w3c",
            "--source",
            "https://example.org/a",
            "--title",
            "Wire",
            "-",
        ],
        Some(TEXT.as_bytes()),
    ));
    let value: serde_json::Value = serde_json::from_str(&w3c).expect("JSON");
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["label"], "Wire");
    let first = &value["first"]["items"][0];
    assert_eq!(
        first["created"], "2026-05-01T09:34:56Z",
        "from SOURCE_DATE_EPOCH"
    );
    assert_eq!(first["target"]["source"]["id"], "https://example.org/a");

    let csv = stdout(&run(
        &["export", "--format", "csv-quotes"],
        Some(TEXT.as_bytes()),
    ));
    assert!(csv.starts_with("\u{feff}speaker,title,cue,form,text,start,end\r\n"));
    assert_eq!(csv.matches("\r\n").count(), quotes + 1);
    let csv = stdout(&run(
        &["export", "--format", "csv-claims"],
        Some(TEXT.as_bytes()),
    ));
    assert!(csv.starts_with("\u{feff}text,categories,status,note,start,end\r\n"));

    let reviews = stdout(&run(
        &["export", "--format", "claimreview"],
        Some(TEXT.as_bytes()),
    ));
    assert_eq!(reviews.trim(), "[]", "nothing checked yet");

    let help = stdout(&run(&["export", "--help"], None));
    assert!(help.contains("csv-quotes") && help.contains("claimreview"));
    let help = stdout(&run(&["--help"], None));
    assert!(help.contains("export") && help.contains("validate"));
}

#[test]
fn exports_an_annotation_file_placed_on_a_text() {
    // An isnad/1 file with a checked claim, exported as ClaimReview onto a
    // text that gained a first line.
    let mut analysis = isnad_engine::analyze(TEXT, &Default::default());
    let claim = analysis
        .annotations
        .iter_mut()
        .find_map(|a| match &mut a.detail {
            isnad_engine::Detail::Claim(c) => Some(c),
            _ => None,
        })
        .expect("the sample has a claim");
    claim.status = isnad_engine::ClaimStatus::Misleading;
    claim.note = "the agency says 900".into();
    let file = temp_file(
        "checked.isnad.json",
        isnad_engine::schema::to_json(&analysis).as_bytes(),
    );
    let text = temp_file("changed.txt", format!("عاجل\n{TEXT}").as_bytes());
    let reviews = stdout(&run(
        &[
            "export",
            "--format",
            "claimreview",
            "--annotations",
            path_str(&file),
            path_str(&text),
        ],
        None,
    ));
    let value: serde_json::Value = serde_json::from_str(&reviews).expect("JSON");
    assert_eq!(value[0]["reviewRating"]["alternateName"], "Misleading");
    assert_eq!(value[0]["reviewBody"], "the agency says 900");
    assert_eq!(value[0]["datePublished"], "2026-05-01");

    // A W3C file of the same annotations, exported back as isnad/1.
    let w3c = stdout(&run(
        &[
            "export",
            "--format",
            "w3c",
            "--annotations",
            path_str(&file),
            "-",
        ],
        Some(TEXT.as_bytes()),
    ));
    let w3c_file = temp_file("notes.w3c.json", w3c.as_bytes());
    let isnad = stdout(&run(
        &[
            "export",
            "--format",
            "isnad",
            "--annotations",
            path_str(&w3c_file),
            path_str(&text),
        ],
        None,
    ));
    let back = isnad_engine::schema::from_json(&isnad).expect("reads back");
    assert_eq!(back.text, format!("عاجل\n{TEXT}"));
    let kept = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() != isnad_engine::Kind::Boilerplate)
        .count();
    assert_eq!(back.annotations.len(), kept);

    // Orphans are warned about on stderr; the export still succeeds.
    let other = temp_file("other.txt", "نص آخر تماما لا علاقة له بالخبر".as_bytes());
    let output = run(
        &[
            "export",
            "--format",
            "isnad",
            "--annotations",
            path_str(&file),
            path_str(&other),
        ],
        None,
    );
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("not in the document"),
        "{stderr}"
    );
}

#[test]
fn validate_reports_counts_and_orphans() {
    let analysis = isnad_engine::analyze(TEXT, &Default::default());
    let file = temp_file(
        "ok.isnad.json",
        isnad_engine::schema::to_json(&analysis).as_bytes(),
    );
    let line = stdout(&run(&["validate", path_str(&file)], None));
    let quotes = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() == isnad_engine::Kind::Quote)
        .count();
    let claims = analysis
        .annotations
        .iter()
        .filter(|a| a.kind() == isnad_engine::Kind::Claim)
        .count();
    assert!(
        line.starts_with(&format!("{}: ok — ", path_str(&file))),
        "{line}"
    );
    assert!(line.contains(&format!("({quotes} quote")), "{line}");
    assert!(line.contains(&format!("{claims} claim")), "{line}");
    assert!(line.trim_end().ends_with("format isnad/1"), "{line}");

    let w3c = stdout(&run(&["export", "--format", "w3c"], Some(TEXT.as_bytes())));
    let w3c_file = temp_file("ok.w3c.json", w3c.as_bytes());
    let line = stdout(&run(&["validate", path_str(&w3c_file)], None));
    assert!(line.contains("format W3C Web Annotation"), "{line}");
    let text = temp_file("same.txt", TEXT.as_bytes());
    let line = stdout(&run(
        &["validate", path_str(&w3c_file), "--text", path_str(&text)],
        None,
    ));
    assert!(line.contains("all placed on"), "{line}");

    // Onto an unrelated text: every annotation listed, exit code 1.
    let other = temp_file("unrelated.txt", "The weather was fine all week.".as_bytes());
    let output = run(
        &["validate", path_str(&w3c_file), "--text", path_str(&other)],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        listed
            .lines()
            .filter(|l| l.starts_with("  annotation "))
            .count(),
        quotes + claims,
        "{listed}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not be placed on"), "{stderr}");
}

#[test]
fn bad_annotation_files_fail_precisely() {
    let bad = serde_json::json!({
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [
            {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}},
            {"type": "Annotation", "id": "urn:a:2", "target": {"selector": [{"type": "TextPositionSelector", "start": -3, "end": 4}]}}
        ]}
    });
    let file = temp_file("bad.json", bad.to_string().as_bytes());
    assert_clean_failure(
        &run(&["validate", path_str(&file)], None),
        &[
            "bad.json",
            "annotation 2",
            "urn:a:2",
            "first.items[1].target.selector[0].start",
            "whole number",
        ],
    );
    let other = temp_file("other-schema.json", br#"{"schema": "isnad/2"}"#);
    assert_clean_failure(
        &run(&["validate", path_str(&other)], None),
        &["other-schema.json", "another schema"],
    );
    let latin1 = temp_file("latin1.json", b"{\"x\": \"caf\xe9\"}");
    assert_clean_failure(
        &run(&["validate", path_str(&latin1)], None),
        &["latin1.json", "UTF-8"],
    );
    let text = temp_file("t.txt", TEXT.as_bytes());
    assert_clean_failure(
        &run(
            &[
                "export",
                "--format",
                "w3c",
                "--annotations",
                path_str(&file),
                path_str(&text),
            ],
            None,
        ),
        &["first.items[1]"],
    );
    // A W3C file with no text to place it on is fine to validate, but an
    // export needs the text.
    let w3c = stdout(&run(&["export", "--format", "w3c"], Some(TEXT.as_bytes())));
    let w3c_file = temp_file("notext.w3c.json", w3c.as_bytes());
    assert!(run(&["validate", path_str(&w3c_file)], None)
        .status
        .success());
    assert_clean_failure(&run(&["validate"], None), &["needs an annotation file"]);
    assert_clean_failure(&run(&["export"], Some(b"text")), &["--format"]);
    assert_clean_failure(
        &run(&["export", "--format", "csv"], Some(b"text")),
        &["csv-quotes"],
    );
    assert_clean_failure(
        &run(&["validate", "/nonexistent/isnad/notes.json"], None),
        &["/nonexistent/isnad/notes.json"],
    );
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let size = isnad_engine::import::MAX_IMPORT_BYTES as u64 + 1;
    let path = temp_file("huge.json", b"");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_len(size).expect("sparse file");
    assert_clean_failure(
        &run(&["validate", path_str(&path)], None),
        &["huge.json", "20 MiB"],
    );
    let _ = std::fs::remove_file(&path);
}
