//! The `isnad` command: subcommand dispatch and option parsing. Each
//! subcommand is one function taking its own arguments: `annotate`,
//! `export` and `validate`.

use std::io::Write;

use isnad_engine::export::{utc_timestamp, ExportMeta};
use isnad_engine::import::{import, inspect, Summary};
use isnad_engine::{analyze, claimreview, csv, schema, w3c, Analysis, Lang, Options};

use crate::error::CliError;
use crate::input::{read_annotation_file, read_text, Source};

/// Help text for `isnad --help`.
pub const HELP: &str = "\
isnad: find attributed quotes, checkable claims and page noise in Arabic,
English and French news text

usage: isnad <command> [options]

commands:
  annotate [--lang auto|ar|en|fr] [FILE|-]
        print the isnad/1 JSON annotation of a text file (or stdin when FILE
        is - or absent); offsets are Unicode code points (docs/format.md)
  export --format isnad|w3c|csv-quotes|csv-claims|claimreview
         [--lang auto|ar|en|fr] [--annotations FILE] [FILE|-]
        analyse a text (or place an isnad/1 or W3C annotation file on it)
        and print it in one format (docs/interchange.md)
  validate FILE [--text TEXTFILE]
        check an isnad/1 or W3C annotation file; with --text, also place it
        on that text and list what cannot be placed
  help  print this help

options:
  -h, --help     print this help
  -V, --version  print the version";

/// Help text for `isnad annotate --help`.
pub const ANNOTATE_HELP: &str = "\
usage: isnad annotate [--lang auto|ar|en|fr] [FILE|-]

Prints the isnad/1 JSON annotation of FILE (stdin when FILE is - or absent).
--lang  the document language; auto (default) detects it";

/// Help text for `isnad export --help`.
pub const EXPORT_HELP: &str = "\
usage: isnad export --format FORMAT [--lang auto|ar|en|fr] [--annotations FILE]
                    [--source IRI] [--title TITLE] [--creator NAME] [FILE|-]

Analyses the text FILE (stdin when FILE is - or absent) and prints it as:
  isnad        isnad/1 JSON (docs/format.md)
  w3c          a W3C Web Annotation collection (JSON-LD) of quotes and claims
  csv-quotes   a CSV of the quotes (UTF-8 with BOM, CRLF, code points)
  csv-claims   a CSV of the claims
  claimreview  schema.org ClaimReview JSON for every checked claim
(csv alone is refused: say which of the two files you want.)

--annotations FILE  instead of analysing, read this isnad/1 or W3C file and
                    place its annotations on the text; annotations that
                    cannot be placed are listed on stderr as warnings
--lang              the document language; auto (default) detects it
--source IRI        the document's URL (W3C target, ClaimReview url)
--title TITLE       the collection label (W3C)
--creator NAME      the person named as creator of editor annotations (W3C)
                    and as author of the reviews (ClaimReview)
Timestamps are the current UTC time, or $SOURCE_DATE_EPOCH when set.";

/// Help text for `isnad validate --help`.
pub const VALIDATE_HELP: &str = "\
usage: isnad validate FILE [--text TEXTFILE]

Checks an isnad/1 or W3C Web Annotation file and prints
  FILE: ok — N annotations (Q quotes, C claims), format F
or the precise error (file, annotation, JSON path, reason) with exit code 1.
--text  also place the annotations on TEXTFILE; each one that cannot be
        placed is listed, and the exit code is 1 when any cannot";

/// Runs `isnad` with the given arguments (without the program name),
/// writing results to `out`.
pub fn run(args: &[String], out: &mut impl Write) -> Result<(), CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::Usage("no command given".into()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => write_line(out, HELP),
        "-V" | "--version" => write_line(out, concat!("isnad ", env!("CARGO_PKG_VERSION"))),
        "annotate" => annotate(rest, out),
        "export" => export(rest, out),
        "validate" => validate(rest, out),
        other if other.starts_with('-') => {
            Err(CliError::Usage(format!("unknown option {other:?}")))
        }
        other => Err(CliError::Usage(format!("unknown command {other:?}"))),
    }
}

fn write_line(out: &mut impl Write, text: &str) -> Result<(), CliError> {
    writeln!(out, "{text}").map_err(CliError::Write)
}

/// Options of `isnad annotate`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotateArgs {
    /// `None` detects the language.
    pub lang: Option<Lang>,
    /// Where the text comes from.
    pub source: Source,
    /// `--help` was given.
    pub help: bool,
}

fn parse_lang(code: &str) -> Result<Option<Lang>, CliError> {
    if code.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    Lang::from_code(code).map(Some).ok_or_else(|| {
        CliError::Usage(format!("unknown language {code:?}: use auto, ar, en or fr"))
    })
}

/// Parses the arguments of `isnad annotate`.
pub fn parse_annotate(args: &[String]) -> Result<AnnotateArgs, CliError> {
    let mut lang = None;
    let mut file: Option<&str> = None;
    let mut help = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--lang" => {
                let code = rest
                    .next()
                    .ok_or_else(|| CliError::Usage("--lang needs a value".into()))?;
                lang = parse_lang(code)?;
            }
            "-h" | "--help" => help = true,
            "-" => file = Some("-"),
            "--" => {
                if let Some(path) = rest.next() {
                    file = Some(path);
                }
            }
            option if option.starts_with("--lang=") => {
                lang = parse_lang(&option["--lang=".len()..])?;
            }
            option if option.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option {option:?}")))
            }
            path => {
                if file.is_some() {
                    return Err(CliError::Usage("annotate takes one file".into()));
                }
                file = Some(path);
            }
        }
    }
    Ok(AnnotateArgs {
        lang,
        source: Source::from_arg(file),
        help,
    })
}

/// `isnad annotate`: reads the text, analyses it, prints `isnad/1` JSON.
pub fn annotate(args: &[String], out: &mut impl Write) -> Result<(), CliError> {
    let args = parse_annotate(args)?;
    if args.help {
        return write_line(out, ANNOTATE_HELP);
    }
    let text = read_text(&args.source)?;
    let options = Options {
        language: args.lang,
        ..Default::default()
    };
    let analysis = analyze(&text, &options);
    write_line(out, &schema::to_json(&analysis))
}

/// What `isnad export` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// `isnad/1` JSON.
    Isnad,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// CSV of the quotes.
    CsvQuotes,
    /// CSV of the claims.
    CsvClaims,
    /// schema.org ClaimReview JSON.
    ClaimReview,
}

impl ExportFormat {
    fn parse(name: &str) -> Result<Self, CliError> {
        Ok(match name {
            "isnad" => ExportFormat::Isnad,
            "w3c" => ExportFormat::W3c,
            "csv-quotes" => ExportFormat::CsvQuotes,
            "csv-claims" => ExportFormat::CsvClaims,
            "claimreview" => ExportFormat::ClaimReview,
            "csv" => {
                return Err(CliError::Usage(
                    "--format csv: say csv-quotes or csv-claims".into(),
                ))
            }
            other => {
                return Err(CliError::Usage(format!(
                "unknown format {other:?}: use isnad, w3c, csv-quotes, csv-claims or claimreview"
            )))
            }
        })
    }
}

/// Options of `isnad export`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportArgs {
    /// The output format.
    pub format: ExportFormat,
    /// `None` detects the language.
    pub lang: Option<Lang>,
    /// An annotation file to place on the text instead of analysing it.
    pub annotations: Option<Source>,
    /// Where the text comes from.
    pub source: Source,
    /// Export metadata (the time is filled in when exporting).
    pub document_iri: Option<String>,
    /// The collection label.
    pub title: Option<String>,
    /// The person exporting.
    pub creator: Option<String>,
    /// `--help` was given.
    pub help: bool,
}

/// The value after an option, or a usage error naming the option.
fn value<'a>(
    option: &str,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<&'a str, CliError> {
    rest.next()
        .map(String::as_str)
        .ok_or_else(|| CliError::Usage(format!("{option} needs a value")))
}

/// Parses the arguments of `isnad export`.
pub fn parse_export(args: &[String]) -> Result<ExportArgs, CliError> {
    let mut format = None;
    let mut lang = None;
    let mut annotations = None;
    let mut file: Option<&str> = None;
    let (mut document_iri, mut title, mut creator) = (None, None, None);
    let mut help = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (arg.as_str(), None),
        };
        let take = |rest: &mut std::slice::Iter<'_, String>| -> Result<String, CliError> {
            match inline {
                Some(v) => Ok(v.to_string()),
                None => value(name, rest).map(str::to_string),
            }
        };
        match name {
            "--format" => format = Some(ExportFormat::parse(&take(&mut rest)?)?),
            "--lang" => lang = parse_lang(&take(&mut rest)?)?,
            "--annotations" => annotations = Some(Source::from_arg(Some(&take(&mut rest)?))),
            "--source" => document_iri = Some(take(&mut rest)?),
            "--title" => title = Some(take(&mut rest)?),
            "--creator" => creator = Some(take(&mut rest)?),
            "-h" | "--help" => help = true,
            "-" => file = Some("-"),
            "--" => {
                if let Some(path) = rest.next() {
                    file = Some(path);
                }
            }
            option if option.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option {option:?}")))
            }
            path => {
                if file.is_some() {
                    return Err(CliError::Usage("export takes one text file".into()));
                }
                file = Some(path);
            }
        }
    }
    let format = match (format, help) {
        (Some(f), _) => f,
        (None, true) => ExportFormat::Isnad,
        (None, false) => {
            return Err(CliError::Usage(
                "export needs --format (isnad, w3c, csv-quotes, csv-claims or claimreview)".into(),
            ))
        }
    };
    if annotations == Some(Source::Stdin) && Source::from_arg(file) == Source::Stdin {
        return Err(CliError::Usage(
            "the text and --annotations cannot both come from stdin".into(),
        ));
    }
    Ok(ExportArgs {
        format,
        lang,
        annotations,
        source: Source::from_arg(file),
        document_iri,
        title,
        creator,
        help,
    })
}

/// The export time: `$SOURCE_DATE_EPOCH` (seconds) when set, else now, as
/// RFC 3339 UTC.
pub fn now_utc() -> String {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let secs = from_env.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    });
    utc_timestamp(secs)
}

/// `isnad export`: analyses the text (or places an annotation file on it)
/// and prints it in the chosen format.
pub fn export(args: &[String], out: &mut impl Write) -> Result<(), CliError> {
    let args = parse_export(args)?;
    if args.help {
        return write_line(out, EXPORT_HELP);
    }
    let text = read_text(&args.source)?;
    let analysis: Analysis = match &args.annotations {
        None => analyze(
            &text,
            &Options {
                language: args.lang,
                ..Default::default()
            },
        ),
        Some(file) => {
            let name = file.display_path().to_string_lossy().into_owned();
            let json = read_annotation_file(file)?;
            let imported = import(&name, &json, Some(&text))?;
            for orphan in &imported.orphans {
                eprintln!("isnad: warning: {name}: {orphan}");
            }
            let mut analysis = imported.analysis;
            if let Some(lang) = args.lang {
                analysis.language = lang;
            }
            analysis
        }
    };
    let meta = ExportMeta {
        now_utc: now_utc(),
        creator: args.creator,
        source: args.document_iri,
        title: args.title,
    };
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
    match args.format {
        ExportFormat::Isnad => write_line(out, &schema::to_json(&analysis)),
        ExportFormat::W3c => write_line(out, &pretty(&w3c::to_w3c(&analysis, &meta))),
        ExportFormat::ClaimReview => write_line(
            out,
            &pretty(&claimreview::to_claim_review(&analysis, &meta)),
        ),
        ExportFormat::CsvQuotes => out
            .write_all(csv::quotes_csv(&analysis).as_bytes())
            .map_err(CliError::Write),
        ExportFormat::CsvClaims => out
            .write_all(csv::claims_csv(&analysis).as_bytes())
            .map_err(CliError::Write),
    }
}

/// Options of `isnad validate`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidateArgs {
    /// The annotation file.
    pub file: Source,
    /// A text to place it on.
    pub text: Option<Source>,
    /// `--help` was given.
    pub help: bool,
}

/// Parses the arguments of `isnad validate`.
pub fn parse_validate(args: &[String]) -> Result<ValidateArgs, CliError> {
    let mut file: Option<&str> = None;
    let mut text = None;
    let mut help = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--text" => text = Some(Source::from_arg(Some(value("--text", &mut rest)?))),
            option if option.starts_with("--text=") => {
                text = Some(Source::from_arg(Some(&option["--text=".len()..])))
            }
            "-h" | "--help" => help = true,
            "-" => file = Some("-"),
            option if option.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option {option:?}")))
            }
            path => {
                if file.is_some() {
                    return Err(CliError::Usage("validate takes one annotation file".into()));
                }
                file = Some(path);
            }
        }
    }
    if file.is_none() && !help {
        return Err(CliError::Usage("validate needs an annotation file".into()));
    }
    let file = Source::from_arg(file);
    if text == Some(Source::Stdin) && file == Source::Stdin {
        return Err(CliError::Usage(
            "the file and --text cannot both come from stdin".into(),
        ));
    }
    Ok(ValidateArgs { file, text, help })
}

/// `N annotations (Q quotes, C claims)` plus page noise and unplaceable
/// targets when there are any.
fn counts(s: &Summary) -> String {
    let mut out = format!(
        "{} annotation{} ({} quote{}, {} claim{}",
        s.annotations,
        if s.annotations == 1 { "" } else { "s" },
        s.quotes,
        if s.quotes == 1 { "" } else { "s" },
        s.claims,
        if s.claims == 1 { "" } else { "s" },
    );
    if s.boilerplate > 0 {
        out.push_str(&format!(", {} page noise", s.boilerplate));
    }
    out.push(')');
    if s.without_selector > 0 {
        out.push_str(&format!(", {} without a text selector", s.without_selector));
    }
    out
}

/// `isnad validate`: checks an annotation file (and places it on a text).
pub fn validate(args: &[String], out: &mut impl Write) -> Result<(), CliError> {
    let args = parse_validate(args)?;
    if args.help {
        return write_line(out, VALIDATE_HELP);
    }
    let name = args.file.display_path().to_string_lossy().into_owned();
    let json = read_annotation_file(&args.file)?;
    let summary = inspect(&name, &json)?;
    let line = format!(
        "{name}: ok — {}, format {}",
        counts(&summary),
        summary.format
    );
    let Some(text_source) = &args.text else {
        return write_line(out, &line);
    };
    let text_name = text_source.display_path().to_string_lossy().into_owned();
    let text = read_text(text_source)?;
    let imported = import(&name, &json, Some(&text))?;
    if imported.orphans.is_empty() {
        return write_line(
            out,
            &format!(
                "{line}; all placed on {text_name} ({} moved)",
                imported.moved
            ),
        );
    }
    write_line(
        out,
        &format!(
            "{line}; {} could not be placed on {text_name}:",
            imported.orphans.len()
        ),
    )?;
    for orphan in &imported.orphans {
        write_line(out, &format!("  {orphan}"))?;
    }
    Err(CliError::Orphans {
        file: name,
        text: text_name,
        count: imported.orphans.len(),
        total: summary.annotations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_annotate_options() {
        let parsed = parse_annotate(&strings(&["--lang", "fr", "a.txt"])).expect("parses");
        assert_eq!(parsed.lang, Some(Lang::Fr));
        assert_eq!(parsed.source, Source::File("a.txt".into()));
        let parsed = parse_annotate(&strings(&["--lang=auto"])).expect("parses");
        assert_eq!((parsed.lang, parsed.source), (None, Source::Stdin));
    }

    #[test]
    fn rejects_bad_options() {
        for args in [
            &["--lang"][..],
            &["--lang", "de"],
            &["--frobnicate"],
            &["a", "b"],
        ] {
            assert!(matches!(
                parse_annotate(&strings(args)),
                Err(CliError::Usage(_))
            ));
        }
    }

    #[test]
    fn parses_export_options() {
        let parsed = parse_export(&strings(&[
            "--format",
            "w3c",
            "--lang=ar",
            "--annotations",
            "a.json",
            "--source=https://example.org/a",
            "--title",
            "T",
            "--creator",
            "Mona",
            "text.txt",
        ]))
        .expect("parses");
        assert_eq!(parsed.format, ExportFormat::W3c);
        assert_eq!(parsed.lang, Some(Lang::Ar));
        assert_eq!(parsed.annotations, Some(Source::File("a.json".into())));
        assert_eq!(parsed.source, Source::File("text.txt".into()));
        assert_eq!(
            parsed.document_iri.as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(parsed.title.as_deref(), Some("T"));
        assert_eq!(parsed.creator.as_deref(), Some("Mona"));
        for bad in [
            &["text.txt"][..],
            &["--format", "csv"],
            &["--format", "xml"],
            &["--format"],
            &["--format", "w3c", "a", "b"],
            &["--format", "w3c", "--annotations", "-"],
            &["--format", "w3c", "--bogus"],
        ] {
            assert!(
                matches!(parse_export(&strings(bad)), Err(CliError::Usage(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn parses_validate_options() {
        let parsed = parse_validate(&strings(&["a.json", "--text", "t.txt"])).expect("parses");
        assert_eq!(parsed.file, Source::File("a.json".into()));
        assert_eq!(parsed.text, Some(Source::File("t.txt".into())));
        for bad in [
            &[][..],
            &["a", "b"],
            &["a", "--text"],
            &["-", "--text=-"],
            &["a", "-x"],
        ] {
            assert!(
                matches!(parse_validate(&strings(bad)), Err(CliError::Usage(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let now = now_utc();
        assert_eq!(now.len(), "2026-05-01T09:30:00Z".len(), "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
        assert!(now.as_str() > "2025-01-01", "{now}");
    }
}
