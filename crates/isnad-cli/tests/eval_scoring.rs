//! Checks the scorer behind `isnad-eval` on the real gold articles: a
//! prediction equal to the gold scores 1.0 everywhere, an empty one 0.

#[path = "../../isnad-engine/tests/common/mod.rs"]
mod common;

use isnad_cli::{eval, gold};
use isnad_engine::{
    Analysis, Annotation, ClaimCategory, ClaimInfo, Detail, Origin, QuoteForm, QuoteInfo, Speaker,
};

fn gold_as_analysis(article: &gold::GoldArticle) -> Analysis {
    let mut annotations = Vec::new();
    let mut speakers = Vec::new();
    for (i, q) in article.quotes.iter().enumerate() {
        speakers.push(Speaker {
            id: format!("s{i}"),
            name: q.speaker.clone(),
            title: None,
            mentions: Vec::new(),
        });
        annotations.push(Annotation {
            id: format!("q{i}"),
            span: q.span,
            origin: Origin::Auto,
            detail: Detail::Quote(QuoteInfo {
                form: QuoteForm::Direct,
                speaker: Some(format!("s{i}")),
                cue: None,
                mention: None,
            }),
        });
    }
    for (i, c) in article.claims.iter().enumerate() {
        annotations.push(Annotation {
            id: format!("c{i}"),
            span: *c,
            origin: Origin::Auto,
            detail: Detail::Claim(ClaimInfo {
                categories: vec![ClaimCategory::Event],
                score: 1.0,
                ..Default::default()
            }),
        });
    }
    for (i, b) in article.boilerplate.iter().enumerate() {
        annotations.push(Annotation {
            id: format!("b{i}"),
            span: *b,
            origin: Origin::Auto,
            detail: Detail::Boilerplate,
        });
    }
    Analysis {
        language: article.lang,
        text: article.text.clone(),
        annotations,
        speakers,
    }
}

#[test]
fn gold_scored_against_itself_is_perfect_and_empty_scores_zero() {
    let Some(shared) = common::shared_dir("gold_scored_against_itself_is_perfect") else {
        return;
    };
    let paths = gold::dev_paths(&shared).expect("dev folder lists");
    // The dev set grows: at least the first 22 articles.
    assert!(paths.len() >= 22, "{} dev articles", paths.len());
    let mut perfect = Vec::new();
    let mut empty = Vec::new();
    let (mut gold_quotes, mut gold_claims) = (0, 0);
    for path in &paths {
        let article = gold::load(path).expect("every gold span resolves");
        gold_quotes += article.quotes.len();
        gold_claims += article.claims.len();
        perfect.push(eval::score_article(&article, &gold_as_analysis(&article)));
        let nothing = Analysis {
            text: article.text.clone(),
            ..Default::default()
        };
        empty.push(eval::score_article(&article, &nothing));
    }
    let all = eval::GroupScore::over("all", &perfect);
    assert!(gold_quotes >= 107 && gold_claims >= 135);
    assert_eq!(all.quotes.tp, gold_quotes);
    assert_eq!(all.claims.tp, gold_claims);
    for counts in [all.quotes, all.quotes_strict, all.claims, all.boilerplate] {
        assert_eq!((counts.fp, counts.fn_), (0, 0));
        assert!((counts.f1() - 1.0).abs() < 1e-9);
    }
    assert_eq!(all.speakers.exact, all.speakers.matched);
    let none = eval::GroupScore::over("all", &empty);
    assert_eq!(none.quotes.fn_, gold_quotes);
    assert_eq!(none.quotes.f1(), 0.0);
}

#[test]
fn ct22_reads_all_tweets() {
    let Some(shared) = common::shared_dir("ct22_reads_all_tweets") else {
        return;
    };
    let tweets = gold::load_ct22(&shared).expect("TSV parses");
    assert_eq!(tweets.len(), 339);
    assert!(tweets.iter().any(|t| t.is_claim) && tweets.iter().any(|t| !t.is_claim));
}

#[test]
fn eval_without_shared_folder_fails_with_one_line_and_exit_2() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_isnad-eval"))
        .args(["--shared", "/nonexistent/isnad-shared"])
        .output()
        .expect("isnad-eval starts");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
    assert!(
        stderr.contains("shared data folder not found"),
        "{stderr:?}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn eval_prints_a_table_and_json() {
    let Some(shared) = common::shared_dir("eval_prints_a_table_and_json") else {
        return;
    };
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_isnad-eval"))
            .arg("--shared")
            .arg(&shared)
            .args(extra)
            .output()
            .expect("isnad-eval starts")
    };
    let table = run(&["--doc", "ar-01", "--show", "quotes"]);
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    assert!(String::from_utf8_lossy(&table.stdout).contains("ar-01"));
    let json = run(&["--json", "--lang", "fr", "--no-ct22"]);
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let fr_files = std::fs::read_dir(shared.join("fixtures/dev"))
        .expect("dev folder")
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("fr-") && name.ends_with(".json")
        })
        .count();
    assert_eq!(value["articles"].as_array().map(Vec::len), Some(fr_files));
}
