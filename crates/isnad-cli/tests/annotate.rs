//! Runs the built `isnad` binary: every error case gives one line on stderr
//! and a non-zero exit (never a panic); a success prints valid `isnad/1`
//! JSON whose document text is the input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_isnad");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the isnad binary starts");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            // The binary may exit (rightly) before reading its input.
            let _ = pipe.write_all(bytes);
        }
    }
    child.wait_with_output().expect("the isnad binary finishes")
}

/// Asserts a clean failure: non-zero exit, one line on stderr mentioning
/// `needle`, nothing on stdout, no panic.
fn assert_clean_failure(output: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_eq!(
        output.status.code().map(|c| c != 101),
        Some(true),
        "panicked: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "panicked: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    assert!(
        stderr.contains(needle),
        "{stderr:?} should mention {needle:?}"
    );
    assert!(output.stdout.is_empty(), "nothing on stdout");
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

#[test]
fn empty_input_fails() {
    assert_clean_failure(&run(&["annotate"], Some(b"")), "empty");
    assert_clean_failure(
        &run(&["annotate", "-"], Some(b" \n\t\r\n\xc2\xa0 ")),
        "empty",
    );
    let path = temp_file("empty.txt", b"");
    assert_clean_failure(
        &run(&["annotate", path.to_str().expect("utf-8 path")], None),
        "empty",
    );
}

#[test]
fn directory_fails() {
    let dir = std::env::temp_dir();
    assert_clean_failure(
        &run(&["annotate", dir.to_str().expect("utf-8 path")], None),
        "directory",
    );
}

#[test]
fn missing_file_fails() {
    assert_clean_failure(
        &run(&["annotate", "/nonexistent/isnad/article.txt"], None),
        "/nonexistent/isnad/article.txt",
    );
}

#[test]
fn invalid_utf8_fails() {
    assert_clean_failure(&run(&["annotate"], Some(b"abc \xff\xfe def")), "UTF-8");
    let path = temp_file("latin1.txt", b"caf\xe9 cr\xe8me");
    assert_clean_failure(
        &run(&["annotate", path.to_str().expect("utf-8 path")], None),
        "UTF-8",
    );
}

#[test]
fn unknown_options_and_languages_fail() {
    assert_clean_failure(
        &run(&["annotate", "--lang", "de"], Some(b"text")),
        "unknown language",
    );
    assert_clean_failure(&run(&["annotate", "--lang"], Some(b"text")), "--lang");
    assert_clean_failure(
        &run(&["annotate", "--bogus"], Some(b"text")),
        "unknown option",
    );
    assert_clean_failure(&run(&["frobnicate"], None), "unknown command");
    assert_clean_failure(&run(&["--bogus"], None), "unknown option");
    assert_clean_failure(&run(&[], None), "no command");
}

#[cfg(unix)]
#[test]
fn unreadable_file_fails() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_file("locked.txt", "نص".as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads anything: then only check that it does not fail badly.
    let output = run(&["annotate", path.to_str().expect("utf-8 path")], None);
    if !output.status.success() {
        assert_clean_failure(&output, "locked.txt");
    }
}

#[test]
fn help_prints_usage() {
    let output = run(&["--help"], None);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("annotate"));
    let output = run(&["annotate", "--help"], None);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("--lang"));
}

fn check_success(output: &Output, input: &str, lang: Option<&str>) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "failed: {stderr}");
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("stdout is valid JSON");
    assert_eq!(json["schema"], "isnad/1");
    assert_eq!(json["document"]["text"], input);
    assert!(json["annotations"].is_array());
    if let Some(lang) = lang {
        assert_eq!(json["document"]["language"], lang);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    isnad_engine::schema::from_json(&text).expect("the output reads back as isnad/1");
}

#[test]
fn annotates_stdin_and_files() {
    let input =
        "قال وزير الخارجية\u{a0}«سنواصل المفاوضات» 😀\r\nThe minister said \"we will talk\".\n";
    check_success(&run(&["annotate"], Some(input.as_bytes())), input, None);
    check_success(
        &run(&["annotate", "--lang", "ar", "-"], Some(input.as_bytes())),
        input,
        Some("ar"),
    );
    let path = temp_file("article.txt", input.as_bytes());
    let path = path.to_str().expect("utf-8 path");
    check_success(
        &run(&["annotate", "--lang=fr", path], None),
        input,
        Some("fr"),
    );
}
