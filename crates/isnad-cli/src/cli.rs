//! The `isnad` command: subcommand dispatch and option parsing. Each
//! subcommand is one function taking its own arguments, so later ones
//! (`export`, `validate`) slot in beside `annotate`.

use std::io::Write;

use isnad_engine::{analyze, schema, Lang, Options};

use crate::error::CliError;
use crate::input::{read_text, Source};

/// Help text for `isnad --help`.
pub const HELP: &str = "\
isnad: find attributed quotes, checkable claims and page noise in Arabic,
English and French news text

usage: isnad <command> [options]

commands:
  annotate [--lang auto|ar|en|fr] [FILE|-]
        print the isnad/1 JSON annotation of a text file (or stdin when FILE
        is - or absent); offsets are Unicode code points (docs/format.md)
  help  print this help

options:
  -h, --help     print this help
  -V, --version  print the version";

/// Help text for `isnad annotate --help`.
pub const ANNOTATE_HELP: &str = "\
usage: isnad annotate [--lang auto|ar|en|fr] [FILE|-]

Prints the isnad/1 JSON annotation of FILE (stdin when FILE is - or absent).
--lang  the document language; auto (default) detects it";

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
}
