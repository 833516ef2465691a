//! The `isnad-eval` command: parses its options, runs the engine on every
//! selected gold article (and the CT22 tweets), and prints a plain table,
//! the errors of one kind (`--show`), or JSON (`--json`).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use isnad_engine::{analyze, Kind, Lang, Options};
use serde::Serialize;

use crate::error::CliError;
use crate::eval::{self, ArticleScore, Counts, GroupScore, Miss, MissKind, Part, TweetScore};
use crate::{baseline, gold, polnear};

/// Help text for `isnad-eval --help`.
pub const HELP: &str = "\
isnad-eval: score the engine on the gold development articles, CT22 tweets
and PolNeAR

usage: isnad-eval [--shared DIR] [--lang ar|en|fr] [--doc ID] [--show KIND]
                  [--show-held-out] [--json] [--no-ct22] [--no-polnear]
                  [--polnear-only] [--polnear-limit N]

  --shared DIR   the shared data folder (default: $ISNAD_SHARED, else
                 ../shared from the current directory, else shared/ beside
                 the workspace)
  --lang L       only articles in language L (ar, en, fr); CT22 runs for ar
                 only, PolNeAR for en only
  --doc ID       only the article ID (e.g. ar-03); skips CT22 and PolNeAR
  --show KIND    print the errors of KIND of each tuned article: quotes,
                 speakers, claims or boilerplate
  --show-held-out
                 --show also lists the held-out articles' errors: do not
                 tune on this (their figures stop meaning anything)
  --json         print the scores as JSON instead of a table
  --no-ct22      skip the CT22 tweet-level claim evaluation
  --no-polnear   skip the PolNeAR evaluation
  --polnear-only run only the PolNeAR evaluation
  --polnear-limit N
                 score only the first N articles of each PolNeAR split

Held-out split: an article whose id number is a multiple of 4 (ar-04,
en-08, fr-36, ...) is held out, a quarter of each language; the table gives
the tuned part, the held-out part and the whole set. `base F1` is a naive
baseline: every span between matching quotation marks is a quote.

Matching: quotes match when they overlap by >= 30% of both spans (strict:
80%), one-to-one, largest overlap first; claims and boilerplate at 50%.
Speakers are compared on lenient quote matches after folding.

PolNeAR (train: tuned, readable; dev: held out) is scored as
shared/tools/polnear_score.py scores it: precision against any attribution,
recall on direct and on speech attributions, speaker accuracy on
non-pronoun sources.";

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
    /// `--show-held-out`: `--show` lists held-out articles too.
    pub show_held_out: bool,
    /// `--json`.
    pub json: bool,
    /// `--no-ct22`.
    pub no_ct22: bool,
    /// `--no-polnear`.
    pub no_polnear: bool,
    /// `--polnear-only`.
    pub polnear_only: bool,
    /// `--polnear-limit N`.
    pub polnear_limit: Option<usize>,
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
            "--show-held-out" => parsed.show_held_out = true,
            "--json" => parsed.json = true,
            "--no-ct22" => parsed.no_ct22 = true,
            "--no-polnear" => parsed.no_polnear = true,
            "--polnear-only" => parsed.polnear_only = true,
            "--polnear-limit" => {
                let n = value(&mut rest)?;
                parsed.polnear_limit = Some(n.parse().map_err(|_| {
                    CliError::Usage(format!("--polnear-limit needs a number, not {n:?}"))
                })?);
            }
            "-h" | "--help" => parsed.help = true,
            other => return Err(CliError::Usage(format!("unknown option {other:?}"))),
        }
    }
    if parsed.polnear_only && parsed.no_polnear {
        return Err(CliError::Usage(
            "--polnear-only and --no-polnear contradict each other".into(),
        ));
    }
    if parsed.polnear_only && (parsed.doc.is_some() || parsed.lang.is_some_and(|l| l != Lang::En)) {
        return Err(CliError::Usage(
            "--polnear-only runs English PolNeAR articles: drop --doc and --lang".into(),
        ));
    }
    Ok(parsed)
}

/// Everything one run measured, as printed by `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    /// Per part (`tuned`, `held_out`, `all`), per language, then `all`.
    pub groups: Vec<GroupJson>,
    /// Per article.
    pub articles: Vec<ArticleScore>,
    /// CT22 tweet-level claim detection, when run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ct22: Option<Ct22Json>,
    /// PolNeAR, when run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub polnear: Vec<PolnearJson>,
    /// Wall time of all `analyze` calls on the articles, in milliseconds.
    pub analyze_ms: f64,
}

/// A group's scores with the derived figures spelt out.
#[derive(Clone, Debug, Serialize)]
pub struct GroupJson {
    /// `tuned`, `held_out` or `all` (the whole set).
    pub part: &'static str,
    /// `ar`, `en`, `fr` or `all`.
    pub scope: String,
    /// Number of articles.
    pub articles: usize,
    /// Quotes at 30 %.
    pub quotes: eval::Scores,
    /// Quotes at 80 %.
    pub quotes_strict: eval::Scores,
    /// The naive baseline's quotes at 30 %.
    pub baseline_quotes: eval::Scores,
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

fn part_key(part: Option<Part>) -> &'static str {
    match part {
        Some(Part::Tuned) => "tuned",
        Some(Part::HeldOut) => "held_out",
        None => "all",
    }
}

impl From<&GroupScore> for GroupJson {
    fn from(g: &GroupScore) -> Self {
        GroupJson {
            part: part_key(g.part),
            scope: g.scope.clone(),
            articles: g.articles,
            quotes: g.quotes.scores(),
            quotes_strict: g.quotes_strict.scores(),
            baseline_quotes: g.baseline_quotes.scores(),
            speaker_accuracy: g.speaker_accuracy(),
            speaker_accuracy_lenient: g.speaker_accuracy_lenient(),
            speakers: g.speakers,
            claims: g.claims.scores(),
            boilerplate: g.boilerplate.scores(),
        }
    }
}

/// One PolNeAR split scored for the engine and the naive baseline.
#[derive(Clone, Debug, Serialize)]
pub struct PolnearScore {
    /// `train` or `dev`.
    pub split: &'static str,
    /// The engine's totals.
    pub engine: polnear::Totals,
    /// The naive quotation-mark baseline's totals (no speakers).
    pub baseline: polnear::Totals,
    /// Wall time of the `analyze` calls, in milliseconds.
    pub analyze_ms: f64,
}

/// The script's figures for one detector on one split.
#[derive(Clone, Debug, Serialize)]
pub struct PolnearFigures {
    /// Articles.
    pub docs: usize,
    /// Gold attributions.
    pub attributions: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Precision against any attribution.
    pub precision: f64,
    /// Recall on all attributions.
    pub recall_all: f64,
    /// Recall on direct attributions.
    pub recall_direct: f64,
    /// Recall on direct or speech attributions.
    pub recall_speech: f64,
    /// F1 of precision and speech recall.
    pub f1_speech: f64,
    /// Speaker accuracy on non-pronoun sources.
    pub speaker_acc: f64,
    /// Speakers scored.
    pub speaker_n: usize,
}

impl From<polnear::Totals> for PolnearFigures {
    fn from(t: polnear::Totals) -> Self {
        PolnearFigures {
            docs: t.docs,
            attributions: t.attributions,
            predicted: t.predicted,
            precision: t.precision(),
            recall_all: t.recall_all(),
            recall_direct: t.recall_direct(),
            recall_speech: t.recall_speech(),
            f1_speech: t.f1_speech(),
            speaker_acc: t.speaker_accuracy(),
            speaker_n: t.speaker_n,
        }
    }
}

/// A PolNeAR split in `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct PolnearJson {
    /// `train` (tuned) or `dev` (held out).
    pub split: &'static str,
    /// The engine.
    pub engine: PolnearFigures,
    /// The naive baseline.
    pub baseline: PolnearFigures,
    /// Raw engine totals.
    pub engine_totals: polnear::Totals,
    /// Wall time of the `analyze` calls, in milliseconds.
    pub analyze_ms: f64,
}

impl From<&PolnearScore> for PolnearJson {
    fn from(p: &PolnearScore) -> Self {
        PolnearJson {
            split: p.split,
            engine: p.engine.into(),
            baseline: p.baseline.into(),
            engine_totals: p.engine,
            analyze_ms: p.analyze_ms,
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

/// Runs the engine (English) and the naive baseline on the first `limit`
/// articles of one PolNeAR split and scores both as `polnear_score.py` does.
pub fn run_polnear(
    articles: &[polnear::Article],
    split: &'static str,
    limit: Option<usize>,
) -> PolnearScore {
    let options = Options {
        language: Some(Lang::En),
        ..Default::default()
    };
    let mut engine = polnear::Totals::default();
    let mut baseline = polnear::Totals::default();
    let mut analyze_time = std::time::Duration::ZERO;
    for article in articles.iter().take(limit.unwrap_or(usize::MAX)) {
        let started = Instant::now();
        let analysis = analyze(&article.text, &options);
        analyze_time += started.elapsed();
        engine.add(polnear::score(
            article,
            &polnear::predicted_quotes(&analysis),
        ));
        let naive = baseline::naive_quotes(&article.text);
        baseline.add(polnear::score(
            article,
            &polnear::speakerless(&article.text, &naive),
        ));
    }
    PolnearScore {
        split,
        engine,
        baseline,
        analyze_ms: analyze_time.as_secs_f64() * 1000.0,
    }
}

/// Scores every selected gold dev article.
fn score_dev(
    args: &EvalArgs,
    shared: &std::path::Path,
) -> Result<(Vec<ArticleScore>, std::time::Duration), CliError> {
    let mut articles = Vec::new();
    for path in gold::dev_paths(shared)? {
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
    Ok((scores, analyze_time))
}

/// The groups of the table: for the tuned part, the held-out part and the
/// whole set, each language present and `all`.
pub fn part_groups(scores: &[ArticleScore]) -> Vec<GroupScore> {
    let mut groups = Vec::new();
    for part in [Some(Part::Tuned), Some(Part::HeldOut), None] {
        let mut these: Vec<GroupScore> = ["ar", "en", "fr"]
            .iter()
            .map(|l| GroupScore::over_part(l, part, scores))
            .filter(|g| g.articles > 0)
            .collect();
        let all = GroupScore::over_part("all", part, scores);
        if all.articles > 0 {
            these.push(all);
        }
        groups.extend(these);
    }
    groups
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

    let (scores, analyze_time) = if args.polnear_only {
        (Vec::new(), std::time::Duration::ZERO)
    } else {
        score_dev(&args, &shared)?
    };

    let run_ct22 = !args.polnear_only
        && !args.no_ct22
        && args.doc.is_none()
        && args.lang.is_none_or(|l| l == Lang::Ar);
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

    let polnear_wanted =
        !args.no_polnear && args.doc.is_none() && args.lang.is_none_or(|l| l == Lang::En);
    let mut polnear_scores = Vec::new();
    if polnear_wanted {
        for split in ["train", "dev"] {
            let articles = polnear::load(&polnear::path(&shared, split))?;
            polnear_scores.push(run_polnear(&articles, split, args.polnear_limit));
        }
    }

    let groups = part_groups(&scores);
    let write =
        |out: &mut std::io::StdoutLock, s: &str| writeln!(out, "{s}").map_err(CliError::Write);
    if args.json {
        let report = EvalReport {
            groups: groups.iter().map(GroupJson::from).collect(),
            articles: scores,
            ct22: ct22.map(Ct22Json::from),
            polnear: polnear_scores.iter().map(PolnearJson::from).collect(),
            analyze_ms: analyze_time.as_secs_f64() * 1000.0,
        };
        let json = serde_json::to_string_pretty(&report).unwrap_or_default();
        return write(&mut out, &json);
    }
    if !args.polnear_only {
        if let Some(kind) = args.show {
            write(&mut out, &show(kind, &scores, args.show_held_out))?;
        }
        write(
            &mut out,
            &table(&groups, &scores, args.doc.is_some() || args.lang.is_some()),
        )?;
    }
    if let Some(t) = ct22 {
        write(&mut out, &ct22_table(&t))?;
    }
    if !polnear_scores.is_empty() {
        write(&mut out, &polnear_table(&polnear_scores))?;
    }
    if !args.polnear_only {
        let bytes: usize = scores.iter().map(|s| s.bytes).sum();
        write(
            &mut out,
            &format!(
                "analyze: {} articles, {} bytes in {:.1} ms",
                scores.len(),
                bytes,
                analyze_time.as_secs_f64() * 1000.0
            ),
        )?;
    }
    Ok(())
}

fn prf(c: Counts) -> String {
    format!("{:>5.3} {:>5.3} {:>5.3}", c.precision(), c.recall(), c.f1())
}

/// One table row: scores of an article or a group.
pub struct Row<'a> {
    /// Label (article id, or part and scope).
    pub label: &'a str,
    /// Number of articles.
    pub articles: usize,
    /// Quotes at 30 %.
    pub quotes: Counts,
    /// Quotes at 80 %.
    pub strict: Counts,
    /// Baseline quotes at 30 %.
    pub baseline: Counts,
    /// Speakers.
    pub speakers: eval::SpeakerCounts,
    /// Claims.
    pub claims: Counts,
    /// Boilerplate.
    pub noise: Counts,
}

fn row(r: &Row) -> String {
    format!(
        "{:<13} {:>4} | {} {:>5.3} {:>5.3} {:>4}/{:<4} | {:>5.3} {:>5.3} {:>5} | {} {:>4}/{:<4} | {} {:>3}/{:<3}",
        r.label,
        r.articles,
        prf(r.quotes),
        r.strict.f1(),
        r.baseline.f1(),
        r.quotes.tp,
        r.quotes.tp + r.quotes.fn_,
        eval::ratio(r.speakers.exact, r.speakers.matched),
        eval::ratio(r.speakers.lenient, r.speakers.matched),
        r.speakers.matched,
        prf(r.claims),
        r.claims.tp,
        r.claims.tp + r.claims.fn_,
        prf(r.noise),
        r.noise.tp,
        r.noise.tp + r.noise.fn_,
    )
}

fn group_label(g: &GroupScore) -> String {
    match g.part {
        Some(part) => format!("{} {}", part.label(), g.scope),
        None if g.scope == "all" => "all".to_string(),
        None => format!("all {}", g.scope),
    }
}

/// The plain score table: rows for the tuned part, the held-out part and
/// the whole set (one per language and `all` in each); with `per_article`,
/// one row per article first (held-out ones marked `(h)`).
pub fn table(groups: &[GroupScore], articles: &[ArticleScore], per_article: bool) -> String {
    let rule = "-".repeat(143);
    let mut lines = vec![
        format!(
            "{:<18} | {:<17} {:>5} {:>5} {:>9} | {:<17} | {:<17} {:>9} | {:<17} {:>7}",
            "", "quotes (30%)", "F1@80", "base", "tp/gold", "speaker on 30%", "claims (50%)", "tp/gold", "boilerplate (50%)", "tp/gold"
        ),
        format!(
            "{:<13} {:>4} | {:>5} {:>5} {:>5} {:>5} {:>5} {:>9} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} {:>9} | {:>5} {:>5} {:>5}",
            "scope", "docs", "P", "R", "F1", "", "F1", "", "exact", "lennt", "n", "P", "R", "F1", "", "P", "R", "F1"
        ),
        rule.clone(),
    ];
    if per_article {
        for a in articles {
            let label = match a.part {
                Part::Tuned => a.id.clone(),
                Part::HeldOut => format!("{} (h)", a.id),
            };
            lines.push(row(&Row {
                label: &label,
                articles: 1,
                quotes: a.quotes,
                strict: a.quotes_strict,
                baseline: a.baseline_quotes,
                speakers: a.speakers,
                claims: a.claims,
                noise: a.boilerplate,
            }));
        }
        lines.push(rule.clone());
    }
    let mut previous = None;
    for g in groups {
        if previous.is_some() && previous != Some(g.part) {
            lines.push(rule.clone());
        }
        previous = Some(g.part);
        let label = group_label(g);
        lines.push(row(&Row {
            label: &label,
            articles: g.articles,
            quotes: g.quotes,
            strict: g.quotes_strict,
            baseline: g.baseline_quotes,
            speakers: g.speakers,
            claims: g.claims,
            noise: g.boilerplate,
        }));
    }
    lines.push(
        "held-out: id number a multiple of 4, do not tune on it | base: naive baseline (text between quotation marks)"
            .to_string(),
    );
    lines.join("\n")
}

/// The PolNeAR table: per split, the engine beside the naive baseline, with
/// the figures `polnear_score.py` prints.
pub fn polnear_table(splits: &[PolnearScore]) -> String {
    let mut lines = vec![
        String::new(),
        "PolNeAR (Newell, Margolin and Ruths, LREC 2018), English, scored as shared/tools/polnear_score.py".to_string(),
        format!(
            "{:<16} {:>4} {:>6} {:>6} | {:>5} {:>6} {:>6} {:>6} {:>6} | {:>7} {:>5}",
            "split", "docs", "attr", "pred", "P", "R dir", "R sp", "F1 sp", "R all", "speaker", "n"
        ),
        "-".repeat(86),
    ];
    for s in splits {
        let part = if s.split == "dev" {
            "held out"
        } else {
            "tuned"
        };
        for (who, t) in [("engine", s.engine), ("baseline", s.baseline)] {
            let speaker = if who == "baseline" {
                format!("{:>7} {:>5}", "-", "-")
            } else {
                format!("{:>7.3} {:>5}", t.speaker_accuracy(), t.speaker_n)
            };
            lines.push(format!(
                "{:<16} {:>4} {:>6} {:>6} | {:>5.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} | {speaker}",
                format!("{} {}", s.split, who),
                t.docs,
                t.attributions,
                t.predicted,
                t.precision(),
                t.recall_direct(),
                t.recall_speech(),
                t.f1_speech(),
                t.recall_all(),
            ));
        }
        lines.push(format!("  ({part}; analyze {:.1} ms)", s.analyze_ms));
    }
    lines.push(
        "P: predicted quotes overlapping any attribution (30%) | R dir/sp/all: recall on direct, direct-or-speech, all attributions"
            .to_string(),
    );
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

/// Each tuned article's errors of one kind; the held-out articles' errors
/// too with `held_out` (do not tune on those).
pub fn show(kind: ShowKind, articles: &[ArticleScore], held_out: bool) -> String {
    let mut lines = Vec::new();
    let hidden: Vec<&str> = articles
        .iter()
        .filter(|a| a.part == Part::HeldOut && !held_out)
        .map(|a| a.id.as_str())
        .collect();
    for a in articles {
        if a.part == Part::HeldOut && !held_out {
            continue;
        }
        let misses = match kind {
            ShowKind::Quotes => &a.quote_misses,
            ShowKind::Speakers => &a.speaker_misses,
            ShowKind::Claims => &a.claim_misses,
            ShowKind::Boilerplate => &a.boilerplate_misses,
        };
        if misses.is_empty() {
            continue;
        }
        let tag = if a.part == Part::HeldOut {
            " [held out: do not tune on this]"
        } else {
            ""
        };
        lines.push(format!("== {}{tag} ({} errors)", a.id, misses.len()));
        lines.extend(misses.iter().map(miss_line));
    }
    if !hidden.is_empty() {
        lines.push(format!(
            "({} held-out article(s) not shown: {}; --show-held-out lists them, do not tune on them)",
            hidden.len(),
            hidden.join(" ")
        ));
    }
    lines.push(String::new());
    lines.join("\n")
}
