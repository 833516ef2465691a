//! Reading gold annotation files (`fixtures/dev/*.json`): spans are given as
//! exact text plus an occurrence index and resolved here to byte spans, the
//! same way `tools/gold_validate.py` resolves them to code points
//! (occurrences may overlap).

use std::path::{Path, PathBuf};

use isnad_engine::{Lang, Span};
use serde::Deserialize;

use crate::error::CliError;

/// One gold quote as written in the file.
#[derive(Clone, Debug, Deserialize)]
pub struct RawGoldQuote {
    /// `direct`, `indirect` or `mixed`.
    #[serde(default)]
    pub form: String,
    /// Exact text of what was said, without quotation marks.
    pub content: String,
    /// Occurrence index of `content` in the text.
    #[serde(default)]
    pub occ: usize,
    /// The cue word(s), empty when none.
    #[serde(default)]
    pub cue: String,
    /// The canonical speaker.
    #[serde(default)]
    pub speaker: String,
    /// The nearest explicit mention, empty when implicit.
    #[serde(default)]
    pub mention: String,
}

/// A gold span given as exact text (claims, boilerplate).
#[derive(Clone, Debug, Deserialize)]
pub struct RawGoldText {
    /// Exact text.
    pub text: String,
    /// Occurrence index of `text`.
    #[serde(default)]
    pub occ: usize,
}

/// A gold file as written.
#[derive(Clone, Debug, Deserialize)]
pub struct RawGoldFile {
    /// Article id (`ar-03`).
    pub id: String,
    /// Article language code.
    pub lang: String,
    /// The article text.
    pub text: String,
    /// Gold quotes.
    #[serde(default)]
    pub quotes: Vec<RawGoldQuote>,
    /// Gold claims.
    #[serde(default)]
    pub claims: Vec<RawGoldText>,
    /// Gold page noise.
    #[serde(default)]
    pub boilerplate: Vec<RawGoldText>,
}

/// A gold quote resolved to a byte span.
#[derive(Clone, Debug)]
pub struct GoldQuote {
    /// The content span (bytes).
    pub span: Span,
    /// `direct`, `indirect` or `mixed`.
    pub form: String,
    /// The cue as written (may be empty).
    pub cue: String,
    /// The canonical speaker.
    pub speaker: String,
}

/// A gold article with every span resolved to bytes.
#[derive(Clone, Debug)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Article language.
    pub lang: Lang,
    /// The text exactly as in the file.
    pub text: String,
    /// Quotes.
    pub quotes: Vec<GoldQuote>,
    /// Claim spans.
    pub claims: Vec<Span>,
    /// Boilerplate spans.
    pub boilerplate: Vec<Span>,
}

/// Byte span of the `occ`-th (0-based) occurrence of `needle` in `text`,
/// counting overlapping occurrences.
pub fn find_occurrence(text: &str, needle: &str, occ: usize) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    let mut seen = 0;
    loop {
        let at = from + text.get(from..)?.find(needle)?;
        if seen == occ {
            return Some(Span::new(at, at + needle.len()));
        }
        seen += 1;
        let step = text[at..].chars().next().map_or(1, char::len_utf8);
        from = at + step;
    }
}

fn gold_error(path: &Path, problem: impl Into<String>) -> CliError {
    CliError::Gold {
        path: path.to_path_buf(),
        problem: problem.into(),
    }
}

fn resolve(path: &Path, text: &str, exact: &str, occ: usize) -> Result<Span, CliError> {
    find_occurrence(text, exact, occ).ok_or_else(|| {
        let head: String = exact.chars().take(60).collect();
        gold_error(path, format!("span not found (occ {occ}): {head:?}"))
    })
}

/// Reads and resolves one gold file.
pub fn load(path: &Path) -> Result<GoldArticle, CliError> {
    let json = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let raw: RawGoldFile =
        serde_json::from_str(&json).map_err(|e| gold_error(path, e.to_string()))?;
    let lang = Lang::from_code(&raw.lang)
        .ok_or_else(|| gold_error(path, format!("unknown language {:?}", raw.lang)))?;
    let text = raw.text;
    let quotes = raw
        .quotes
        .into_iter()
        .map(|q| {
            Ok(GoldQuote {
                span: resolve(path, &text, &q.content, q.occ)?,
                form: q.form,
                cue: q.cue,
                speaker: q.speaker,
            })
        })
        .collect::<Result<Vec<_>, CliError>>()?;
    let claims = raw
        .claims
        .iter()
        .map(|c| resolve(path, &text, &c.text, c.occ))
        .collect::<Result<Vec<_>, _>>()?;
    let boilerplate = raw
        .boilerplate
        .iter()
        .map(|b| resolve(path, &text, &b.text, b.occ))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GoldArticle {
        id: raw.id,
        lang,
        text,
        quotes,
        claims,
        boilerplate,
    })
}

/// Paths of every gold file in `shared/fixtures/dev`, sorted by name.
pub fn dev_paths(shared: &Path) -> Result<Vec<PathBuf>, CliError> {
    let dir = shared.join("fixtures").join("dev");
    let entries = std::fs::read_dir(&dir).map_err(|source| CliError::Read {
        path: dir.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// One CT22 tweet: its text and whether it contains a verifiable claim.
#[derive(Clone, Debug)]
pub struct Tweet {
    /// Tweet id.
    pub id: String,
    /// Tweet text.
    pub text: String,
    /// Gold label: true when it contains a verifiable claim.
    pub is_claim: bool,
}

/// Reads `data/ct22-arabic-claims-dev.tsv` (header line, then `topic,
/// tweet_id, tweet_url, tweet_text, class_label` split on tabs, no quoting).
pub fn load_ct22(shared: &Path) -> Result<Vec<Tweet>, CliError> {
    let path = shared.join("data").join("ct22-arabic-claims-dev.tsv");
    let body = std::fs::read_to_string(&path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })?;
    let mut tweets = Vec::new();
    for (n, line) in body.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [_, id, _, text, label] = fields.as_slice() else {
            return Err(CliError::Data {
                path,
                problem: format!("line {}: expected 5 tab-separated fields", n + 1),
            });
        };
        let is_claim = match label.trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(CliError::Data {
                    path,
                    problem: format!("line {}: class_label {other:?} is not 0 or 1", n + 1),
                })
            }
        };
        tweets.push(Tweet {
            id: id.to_string(),
            text: text.to_string(),
            is_claim,
        });
    }
    Ok(tweets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_occurrences_like_the_python_validator() {
        assert_eq!(find_occurrence("aaa", "aa", 1), Some(Span::new(1, 3)));
        assert_eq!(find_occurrence("قال قال", "قال", 1), Some(Span::new(7, 13)));
        assert_eq!(find_occurrence("abc", "x", 0), None);
        assert_eq!(find_occurrence("abc", "", 0), None);
    }
}
