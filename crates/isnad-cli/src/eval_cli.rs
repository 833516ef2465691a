//! The `isnad-eval` command: parses its options, runs the engine on every
//! selected gold article (and the CT22 tweets), and prints a plain table,
//! the errors of one kind (`--show`), or JSON (`--json`).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use isnad_engine::{analyze, Kind, Lang, Options};
use serde::Serialize;

use crate::error::CliError;
use crate::eval::{self, ArticleScore, Counts, GroupScore, Miss, MissKind, TweetScore};
use crate::gold;

/// Help text for `isnad-eval --help`.
pub const HELP: &str = "\
isnad-eval: score the engine on the gold development articles and CT22 tweets

usage: isnad-eval [--shared DIR] [--lang ar|en|fr] [--doc ID] [--show KIND] [--json] [--no-ct22]

  --shared DIR   the shared data folder (default: ../shared from the current
                 directory, else shared/ beside the workspace)
  --lang L       only articles in language L (ar, en, fr); CT22 runs for ar only
  --doc ID       only the article ID (e.g. ar-03); skips CT22
  --show KIND    print each article's errors of KIND: quotes, speakers,
                 claims or boilerplate
  --json         print the scores as JSON instead of a table
  --no-ct22      skip the CT22 tweet-level claim evaluation

Matching: quotes match when they overlap by >= 30% of both spans (strict:
80%), one-to-one, largest overlap first; claims and boilerplate at 50%.
Speakers are compared on lenient quote matches after folding.";

/// Which errors `--show` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowKind {
    /// Missed and spurious quotes.
    Quotes,
    /// Matched quotes whose speaker is wrong.
    Speakers,
    /// Missed and spurious claims.
    Claims,
    /// Missed and spurious boilerplate.
    Boilerplate,
}

/// Parsed `isnad-eval` options.
#[derive(Clone, Debug, Default)]
pub struct EvalArgs {
    /// `--shared DIR`.
    pub shared: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--doc`.
    pub doc: Option<String>,
    /// `--show`.
    pub show: Option<ShowKind>,
    /// `--json`.
    pub json: bool,
    /// `--no-ct22`.
    pub no_ct22: bool,
    /// `--help`.
    pub help: bool,
}

fn value_of<'a>(
    option: &str,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<&'a str, CliError> {
    rest.next()
        .map(String::as_str)
        .ok_or_else(|| CliError::Usage(format!("{option} needs a value")))
}

/// Parses the command line (without the program name).
pub fn parse_args(args: &[String]) -> Result<EvalArgs, CliError> {
    let mut parsed = EvalArgs::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let value = |rest: &mut std::slice::Iter<'_, String>| -> Result<String, CliError> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => value_of(name, rest).map(str::to_string),
            }
        };
        match name {
            "--shared" => parsed.shared = Some(PathBuf::from(value(&mut rest)?)),
            "--lang" => {
                let code = value(&mut rest)?;
                parsed.lang = Some(Lang::from_code(&code).ok_or_else(|| {
                    CliError::Usage(format!("unknown language {code:?}: use ar, en or fr"))
                })?);
            }
            "--doc" => parsed.doc = Some(value(&mut rest)?),
            "--show" => {
                let kind = value(&mut rest)?;
                parsed.show = Some(match kind.as_str() {
                    "quotes" | "quote" => ShowKind::Quotes,
                    "speakers" | "speaker" => ShowKind::Speakers,
                    "claims" | "claim" => ShowKind::Claims,
                    "boilerplate" => ShowKind::Boilerplate,
                    _ => {
                        return Err(CliError::Usage(format!(
                            "unknown --show {kind:?}: use quotes, speakers, claims or boilerplate"
                        )))
                    }
                });
            }
            "--json" => parsed.json = true,
            "--no-ct22" => parsed.no_ct22 = true,
            "-h" | "--help" => parsed.help = true,
            other => return Err(CliError::Usage(format!("unknown option {other:?}"))),
        }
    }
    Ok(parsed)
}

/// Everything one run measured, as printed by `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    /// Per language, then `all`.
    pub groups: Vec<GroupJson>,
    /// Per article.
    pub articles: Vec<ArticleScore>,
    /// CT22 tweet-level claim detection, when run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ct22: Option<Ct22Json>,
    /// Wall time of all `analyze` calls on the articles, in milliseconds.
    pub analyze_ms: f64,
}

/// A group's scores with the derived figures spelt out.
#[derive(Clone, Debug, Serialize)]
pub struct GroupJson {
    /// `ar`, `en`, `fr` or `all`.
    pub scope: String,
    /// Number of articles.
    pub articles: usize,
    /// Quotes at 30 %.
    pub quotes: eval::Scores,
    /// Quotes at 80 %.
    pub quotes_strict: eval::Scores,
    /// Exact speaker accuracy on matched quotes.
    pub speaker_accuracy: f64,
    /// Lenient speaker accuracy on matched quotes.
    pub speaker_accuracy_lenient: f64,
    /// Speaker counts.
    pub speakers: eval::SpeakerCounts,
    /// Claims at 50 %.
    pub claims: eval::Scores,
    /// Boilerplate at 50 %.
    pub boilerplate: eval::Scores,
}

impl From<&GroupScore> for GroupJson {
    fn from(g: &GroupScore) -> Self {
        GroupJson {
            scope: g.scope.clone(),
            articles: g.articles,
            quotes: g.quotes.scores(),
            quotes_strict: g.quotes_strict.scores(),
            speaker_accuracy: g.speaker_accuracy(),
            speaker_accuracy_lenient: g.speaker_accuracy_lenient(),
            speakers: g.speakers,
            claims: g.claims.scores(),
            boilerplate: g.boilerplate.scores(),
        }
    }
}

/// CT22 scores with the derived figures spelt out.
#[derive(Clone, Debug, Serialize)]
pub struct Ct22Json {
    /// Raw confusion counts.
    pub raw: TweetScore,
    /// Engine: class 1 (claim).
    pub claim: eval::Scores,
    /// Engine: class 0 (no claim).
    pub no_claim: eval::Scores,
    /// Engine macro-F1.
    pub macro_f1: f64,
    /// Baseline (everything a claim) macro-F1.
    pub baseline_macro_f1: f64,
    /// Baseline class-1 F1.
    pub baseline_claim_f1: f64,
}

impl From<TweetScore> for Ct22Json {
    fn from(t: TweetScore) -> Self {
        Ct22Json {
            claim: t.engine.positive().scores(),
            no_claim: t.engine.negative().scores(),
            macro_f1: t.engine.macro_f1(),
            baseline_macro_f1: t.all_claim_baseline.macro_f1(),
            baseline_claim_f1: t.all_claim_baseline.positive().f1(),
            raw: t,
        }
    }
}

/// Runs `isnad-eval` with the given arguments (without the program name).
pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = parse_args(args)?;
    let mut out = std::io::stdout().lock();
    if args.help {
        writeln!(out, "{HELP}").map_err(CliError::Write)?;
        return Ok(());
    }
    let shared = crate::shared::locate(args.shared.as_deref())?;

    let mut articles = Vec::new();
    for path in gold::dev_paths(&shared)? {
        let article = gold::load(&path)?;
        if args.lang.is_some_and(|l| l != article.lang) {
            continue;
        }
        if args.doc.as_ref().is_some_and(|d| *d != article.id) {
            continue;
        }
        articles.push(article);
    }
    if let Some(doc) = &args.doc {
        if articles.is_empty() {
            return Err(CliError::Usage(format!("no gold article with id {doc:?}")));
        }
    }

    let mut scores = Vec::with_capacity(articles.len());
    let mut analyze_time = std::time::Duration::ZERO;
    for article in &articles {
        let options = Options {
            language: Some(article.lang),
            ..Default::default()
        };
        let started = Instant::now();
        let analysis = analyze(&article.text, &options);
        analyze_time += started.elapsed();
        scores.push(eval::score_article(article, &analysis));
    }

    let run_ct22 = !args.no_ct22 && args.doc.is_none() && args.lang.is_none_or(|l| l == Lang::Ar);
    let ct22 = if run_ct22 {
        let tweets = gold::load_ct22(&shared)?;
        let options = Options {
            language: Some(Lang::Ar),
            ..Default::default()
        };
        let predicted: Vec<bool> = tweets
            .iter()
            .map(|t| {
                analyze(&t.text, &options)
                    .annotations
                    .iter()
                    .any(|a| a.kind() == Kind::Claim)
            })
            .collect();
        Some(eval::score_tweets(&tweets, &predicted))
    } else {
        None
    };

    let mut groups: Vec<GroupScore> = ["ar", "en", "fr"]
        .iter()
        .map(|l| GroupScore::over(l, &scores))
        .filter(|g| g.articles > 0)
        .collect();
    groups.push(GroupScore::over("all", &scores));

    let write =
        |out: &mut std::io::StdoutLock, s: &str| writeln!(out, "{s}").map_err(CliError::Write);
    if args.json {
        let report = EvalReport {
            groups: groups.iter().map(GroupJson::from).collect(),
            articles: scores,
            ct22: ct22.map(Ct22Json::from),
            analyze_ms: analyze_time.as_secs_f64() * 1000.0,
        };
        let json = serde_json::to_string_pretty(&report).unwrap_or_default();
        return write(&mut out, &json);
    }
    if let Some(kind) = args.show {
        write(&mut out, &show(kind, &scores))?;
    }
    write(
        &mut out,
        &table(&groups, &scores, args.doc.is_some() || args.lang.is_some()),
    )?;
    if let Some(t) = ct22 {
        write(&mut out, &ct22_table(&t))?;
    }
    let bytes: usize = scores.iter().map(|s| s.bytes).sum();
    write(
        &mut out,
        &format!(
            "analyze: {} articles, {} bytes in {:.1} ms",
            scores.len(),
            bytes,
            analyze_time.as_secs_f64() * 1000.0
        ),
    )
}

fn prf(c: Counts) -> String {
    format!("{:>5.3} {:>5.3} {:>5.3}", c.precision(), c.recall(), c.f1())
}

fn row(
    label: &str,
    articles: usize,
    quotes: Counts,
    strict: Counts,
    speakers: eval::SpeakerCounts,
    claims: Counts,
    noise: Counts,
) -> String {
    format!(
        "{label:<8} {articles:>4} | {} {:>5.3} {:>4}/{:<4} | {:>5.3} {:>5.3} {:>5} | {} {:>4}/{:<4} | {} {:>3}/{:<3}",
        prf(quotes),
        strict.f1(),
        quotes.tp,
        quotes.tp + quotes.fn_,
        eval::ratio(speakers.exact, speakers.matched),
        eval::ratio(speakers.lenient, speakers.matched),
        speakers.matched,
        prf(claims),
        claims.tp,
        claims.tp + claims.fn_,
        prf(noise),
        noise.tp,
        noise.tp + noise.fn_,
    )
}

/// The plain score table: one row per language and `all`; with `per_article`,
/// one row per article first.
pub fn table(groups: &[GroupScore], articles: &[ArticleScore], per_article: bool) -> String {
    let rule = "-".repeat(132);
    let mut lines = vec![
        format!(
            "{:<13} | {:<17} {:>5} {:>9} | {:<17} | {:<17} {:>9} | {:<17} {:>7}",
            "", "quotes (30%)", "F1@80", "tp/gold", "speaker on 30%", "claims (50%)", "tp/gold", "boilerplate (50%)", "tp/gold"
        ),
        format!(
            "{:<8} {:>4} | {:>5} {:>5} {:>5} {:>5} {:>9} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} {:>9} | {:>5} {:>5} {:>5}",
            "scope", "docs", "P", "R", "F1", "", "", "exact", "lennt", "n", "P", "R", "F1", "", "P", "R", "F1"
        ),
        rule.clone(),
    ];
    if per_article {
        for a in articles {
            lines.push(row(
                &a.id,
                1,
                a.quotes,
                a.quotes_strict,
                a.speakers,
                a.claims,
                a.boilerplate,
            ));
        }
        lines.push(rule.clone());
    }
    for g in groups {
        lines.push(row(
            &g.scope,
            g.articles,
            g.quotes,
            g.quotes_strict,
            g.speakers,
            g.claims,
            g.boilerplate,
        ));
    }
    lines.join("\n")
}

/// The CT22 table: per-class P/R/F1 and macro-F1, engine beside the
/// everything-is-a-claim baseline.
pub fn ct22_table(t: &TweetScore) -> String {
    let e = t.engine;
    let b = t.all_claim_baseline;
    [
        String::new(),
        format!("CT22 Arabic tweets ({}): tweet = claim when analyze() finds >= 1 claim", t.tweets),
        "                 engine: P     R     F1    | baseline (all claim): P     R     F1".to_string(),
        format!("claim (1)              {}  |                       {}", prf(e.positive()), prf(b.positive())),
        format!("no claim (0)           {}  |                       {}", prf(e.negative()), prf(b.negative())),
        format!("macro-F1                           {:>5.3}  |                                   {:>5.3}", e.macro_f1(), b.macro_f1()),
        format!("accuracy                           {:>5.3}  |                                   {:>5.3}", e.accuracy(), b.accuracy()),
        format!("engine confusion: tp {} fp {} fn {} tn {}", e.tp, e.fp, e.fn_, e.tn),
        String::new(),
    ]
    .join("\n")
}

fn miss_line(m: &Miss) -> String {
    let label = match m.miss {
        MissKind::Missed => "  FN gold:",
        MissKind::Spurious => "  FP pred:",
        MissKind::WrongSpeaker => "  SPK gold:",
    };
    match (&m.gold, &m.predicted) {
        (Some(g), Some(p)) => format!("{label} {g}\n       pred: {p}"),
        (Some(g), None) => format!("{label} {g}"),
        (None, Some(p)) => format!("{label} {p}"),
        (None, None) => label.to_string(),
    }
}

/// Each article's errors of one kind.
pub fn show(kind: ShowKind, articles: &[ArticleScore]) -> String {
    let mut lines = Vec::new();
    for a in articles {
        let misses = match kind {
            ShowKind::Quotes => &a.quote_misses,
            ShowKind::Speakers => &a.speaker_misses,
            ShowKind::Claims => &a.claim_misses,
            ShowKind::Boilerplate => &a.boilerplate_misses,
        };
        if misses.is_empty() {
            continue;
        }
        lines.push(format!("== {} ({} errors)", a.id, misses.len()));
        lines.extend(misses.iter().map(miss_line));
    }
    lines.push(String::new());
    lines.join("\n")
}
