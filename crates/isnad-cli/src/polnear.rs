//! PolNeAR (Newell, Margolin and Ruths, "An Attribution Relations Corpus for
//! Political News", LREC 2018): English news with every attribution
//! annotated, read from `shared/fixtures/polnear/{train,dev}.jsonl`, and
//! scored exactly as `shared/tools/polnear_score.py` scores an `isnad/1`
//! prediction:
//!
//! - a gold attribution is its content's hull, from the start of its first
//!   span to the end of its last one, in code points;
//! - predicted quotes match contents one-to-one when they overlap by >= 30 %
//!   of both spans, largest overlap first, ties to the larger gold index then
//!   the larger predicted index (Python's `sorted(..., reverse=True)`);
//! - precision: matched predictions over all predicted quotes (any
//!   attribution counts); recall on all, on direct (in quotation marks) and
//!   on speech (direct, or a speech-verb / "according to" cue) attributions;
//! - speaker accuracy: over matched attributions whose source is present and
//!   not a pronoun, the source and the speaker's name or the quote's mention
//!   share a contiguous run of normalised tokens, either way round.

use std::path::{Path, PathBuf};

use isnad_engine::offsets::OffsetMap;
use isnad_engine::{Analysis, Detail, Span};
use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// Overlap share for a match, as in the script.
pub const SHARE: f64 = 0.30;

/// Sources the script does not score a speaker against (after lowercasing
/// and trimming).
pub const PRONOUNS: [&str; 18] = [
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "who", "him", "them", "us",
    "me", "this", "that", "which",
];

/// Spans in code points with their text.
#[derive(Clone, Debug, Deserialize)]
pub struct SpanSet {
    /// `[start, end)` pairs in code points; a content can be discontinuous.
    pub spans: Vec<[usize; 2]>,
    /// The text, the spans joined.
    #[serde(default)]
    pub text: String,
}

/// One gold attribution.
#[derive(Clone, Debug, Deserialize)]
pub struct Attribution {
    /// What is attributed.
    pub content: SpanSet,
    /// Who it is attributed to, as written.
    #[serde(default)]
    pub source: Option<SpanSet>,
    /// The cue.
    #[serde(default)]
    pub cue: Option<SpanSet>,
    /// The content is in quotation marks.
    #[serde(default)]
    pub direct: bool,
    /// The cue is a speech verb or "according to".
    #[serde(default)]
    pub speech: bool,
}

/// One PolNeAR article.
#[derive(Clone, Debug, Deserialize)]
pub struct Article {
    /// Article id.
    pub id: String,
    /// Publisher.
    #[serde(default)]
    pub publisher: String,
    /// The text.
    pub text: String,
    /// Every attribution.
    #[serde(default)]
    pub attributions: Vec<Attribution>,
}

/// `shared/fixtures/polnear/<split>.jsonl`.
pub fn path(shared: &Path, split: &str) -> PathBuf {
    shared
        .join("fixtures")
        .join("polnear")
        .join(format!("{split}.jsonl"))
}

/// Reads one JSON-lines split; blank lines are skipped.
pub fn load(path: &Path) -> Result<Vec<Article>, CliError> {
    let body = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| CliError::Data {
                path: path.to_path_buf(),
                problem: format!("line {}: {e}", n + 1),
            })
        })
        .collect()
}

/// A predicted quote as the script sees it: code-point span, the speaker's
/// name and the mention's text (empty when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Predicted {
    /// Start in code points.
    pub start: usize,
    /// End in code points.
    pub end: usize,
    /// The speaker's name, empty when there is none.
    pub speaker: String,
    /// The mention's text, empty when there is none.
    pub mention: String,
}

/// The quotes of an analysis of `analysis.text`, in code points.
pub fn predicted_quotes(analysis: &Analysis) -> Vec<Predicted> {
    let text = analysis.text.as_str();
    let map = OffsetMap::new(text);
    analysis
        .annotations
        .iter()
        .filter_map(|a| match &a.detail {
            Detail::Quote(q) => Some(Predicted {
                start: map.cp_of_byte(a.span.start),
                end: map.cp_of_byte(a.span.end),
                speaker: q
                    .speaker
                    .as_deref()
                    .and_then(|id| analysis.speaker(id))
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                mention: q
                    .mention
                    .and_then(|m| text.get(m.start..m.end))
                    .unwrap_or_default()
                    .to_string(),
            }),
            _ => None,
        })
        .collect()
}

/// Byte spans of `text` as speakerless predictions in code points (the
/// naive baseline).
pub fn speakerless(text: &str, spans: &[Span]) -> Vec<Predicted> {
    let map = OffsetMap::new(text);
    spans
        .iter()
        .map(|s| Predicted {
            start: map.cp_of_byte(s.start),
            end: map.cp_of_byte(s.end),
            ..Default::default()
        })
        .collect()
}

/// The script's `match`: one-to-one, among pairs overlapping by at least
/// `share` of both spans, largest overlap first; ties go to the larger gold
/// index, then the larger predicted index. Returns `(gold, predicted)` in
/// the order taken.
pub fn match_hulls(
    gold: &[(usize, usize)],
    predicted: &[(usize, usize)],
    share: f64,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, &(gs, ge)) in gold.iter().enumerate() {
        for (pi, &(ps, pe)) in predicted.iter().enumerate() {
            let overlap = ge.min(pe).saturating_sub(gs.max(ps));
            if overlap > 0
                && overlap as f64 >= share * ge.saturating_sub(gs) as f64
                && overlap as f64 >= share * pe.saturating_sub(ps) as f64
            {
                candidates.push((overlap, gi, pi));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    let mut gold_used = vec![false; gold.len()];
    let mut predicted_used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, gi, pi) in candidates {
        if !gold_used[gi] && !predicted_used[pi] {
            gold_used[gi] = true;
            predicted_used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// The compatibility mappings of Unicode NFKC that occur in news text (no-break
/// and other spaces, the ellipsis, vulgar fractions, ligatures, full-width
/// ASCII, super- and subscript digits); every other character is kept. The
/// script applies full NFKC; PolNeAR's texts hold no other character that
/// NFKC changes (checked on train and dev).
fn push_compat(c: char, out: &mut String) {
    let code = c as u32;
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
        '…' => out.push_str("..."),
        '½' => out.push_str("1⁄2"),
        '¼' => out.push_str("1⁄4"),
        '¾' => out.push_str("3⁄4"),
        'ﬀ' => out.push_str("ff"),
        'ﬁ' => out.push_str("fi"),
        'ﬂ' => out.push_str("fl"),
        'ﬃ' => out.push_str("ffi"),
        'ﬄ' => out.push_str("ffl"),
        '¹' => out.push('1'),
        '²' => out.push('2'),
        '³' => out.push('3'),
        '\u{2070}'..='\u{2079}' if code != 0x2071 && code != 0x2072 && code != 0x2073 => {
            out.push(char::from_digit(code - 0x2070, 10).unwrap_or(c));
        }
        '\u{2080}'..='\u{2089}' => out.push(char::from_digit(code - 0x2080, 10).unwrap_or(c)),
        '\u{ff01}'..='\u{ff5e}' => out.push(char::from_u32(code - 0xff01 + 0x21).unwrap_or(c)),
        _ => out.push(c),
    }
}

/// The script's `tokens`: NFKC (see [`push_compat`]), lowercase, every
/// character that is neither a word character (letter, number, `_`) nor
/// white space replaced by a space, split on white space.
pub fn tokens(s: &str) -> Vec<String> {
    let mut compat = String::with_capacity(s.len());
    for c in s.chars() {
        push_compat(c, &mut compat);
    }
    let cleaned: String = compat
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().map(str::to_string).collect()
}

/// True when `needle` occurs as a contiguous run in `hay`.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The script's `name_match`: both have tokens, and one's tokens occur as a
/// contiguous run in the other's.
pub fn name_match(predicted: &str, gold: &str) -> bool {
    let (p, g) = (tokens(predicted), tokens(gold));
    !p.is_empty() && !g.is_empty() && (contains_run(&p, &g) || contains_run(&g, &p))
}

/// True when a source is absent from scoring: a pronoun after lowercasing
/// and trimming.
pub fn is_pronoun(source: &str) -> bool {
    let key = source.trim().to_lowercase();
    PRONOUNS.contains(&key.as_str())
}

/// The script's totals over a set of articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Articles.
    pub docs: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Matched predictions.
    pub tp: usize,
    /// Gold attributions.
    pub attributions: usize,
    /// Direct attributions.
    pub direct: usize,
    /// Direct or speech attributions.
    pub speech: usize,
    /// Matched attributions.
    pub hit: usize,
    /// Matched direct attributions.
    pub hit_direct: usize,
    /// Matched direct-or-speech attributions.
    pub hit_speech: usize,
    /// Matched attributions with a non-pronoun source.
    pub speaker_n: usize,
    /// Of those, with a matching speaker or mention.
    pub speaker_ok: usize,
}

impl Totals {
    /// Adds another article's (or set's) totals.
    pub fn add(&mut self, o: Totals) {
        self.docs += o.docs;
        self.predicted += o.predicted;
        self.tp += o.tp;
        self.attributions += o.attributions;
        self.direct += o.direct;
        self.speech += o.speech;
        self.hit += o.hit;
        self.hit_direct += o.hit_direct;
        self.hit_speech += o.hit_speech;
        self.speaker_n += o.speaker_n;
        self.speaker_ok += o.speaker_ok;
    }
    /// Matched predictions over predictions (0 when none).
    pub fn precision(&self) -> f64 {
        crate::eval::ratio(self.tp, self.predicted)
    }
    /// Recall over every attribution.
    pub fn recall_all(&self) -> f64 {
        crate::eval::ratio(self.hit, self.attributions.max(1))
    }
    /// Recall over direct attributions.
    pub fn recall_direct(&self) -> f64 {
        crate::eval::ratio(self.hit_direct, self.direct.max(1))
    }
    /// Recall over direct-or-speech attributions.
    pub fn recall_speech(&self) -> f64 {
        crate::eval::ratio(self.hit_speech, self.speech)
    }
    /// F1 of precision and speech recall.
    pub fn f1_speech(&self) -> f64 {
        crate::eval::f1(self.precision(), self.recall_speech())
    }
    /// Speaker accuracy on non-pronoun sources.
    pub fn speaker_accuracy(&self) -> f64 {
        crate::eval::ratio(self.speaker_ok, self.speaker_n)
    }
}

/// Scores one article's predictions as the script does.
pub fn score(article: &Article, predicted: &[Predicted]) -> Totals {
    let gold: Vec<(usize, usize)> = article
        .attributions
        .iter()
        .map(|a| {
            let start = a.content.spans.first().map_or(0, |s| s[0]);
            let end = a.content.spans.last().map_or(0, |s| s[1]);
            (start, end)
        })
        .collect();
    let spans: Vec<(usize, usize)> = predicted.iter().map(|p| (p.start, p.end)).collect();
    let pairs = match_hulls(&gold, &spans, SHARE);
    let mut hit = vec![false; gold.len()];
    for &(gi, _) in &pairs {
        hit[gi] = true;
    }
    let mut t = Totals {
        docs: 1,
        predicted: predicted.len(),
        tp: pairs.len(),
        ..Default::default()
    };
    for (a, &found) in article.attributions.iter().zip(&hit) {
        t.attributions += 1;
        t.hit += usize::from(found);
        if a.direct {
            t.direct += 1;
            t.hit_direct += usize::from(found);
        }
        if a.direct || a.speech {
            t.speech += 1;
            t.hit_speech += usize::from(found);
        }
    }
    for &(gi, pi) in &pairs {
        let Some(source) = &article.attributions[gi].source else {
            continue;
        };
        if is_pronoun(&source.text) {
            continue;
        }
        let p = &predicted[pi];
        t.speaker_n += 1;
        if name_match(&p.speaker, &source.text) || name_match(&p.mention, &source.text) {
            t.speaker_ok += 1;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution(start: usize, end: usize, source: Option<&str>, direct: bool) -> Attribution {
        Attribution {
            content: SpanSet {
                spans: vec![[start, end]],
                text: String::new(),
            },
            source: source.map(|s| SpanSet {
                spans: vec![[0, 1]],
                text: s.to_string(),
            }),
            cue: None,
            direct,
            speech: false,
        }
    }

    fn predicted(start: usize, end: usize, speaker: &str, mention: &str) -> Predicted {
        Predicted {
            start,
            end,
            speaker: speaker.to_string(),
            mention: mention.to_string(),
        }
    }

    #[test]
    fn ties_go_to_the_larger_indices_like_python_sorted_reverse() {
        // Both predictions overlap both golds by 5; Python takes (o, 1, 1) first.
        let gold = [(0, 10), (0, 10)];
        let predicted = [(5, 10), (0, 5)];
        assert_eq!(match_hulls(&gold, &predicted, 0.3), vec![(1, 1), (0, 0)]);
        // A 30 % share of both spans is needed.
        assert_eq!(match_hulls(&[(0, 100)], &[(0, 29)], 0.3), vec![]);
        assert_eq!(match_hulls(&[(0, 100)], &[(0, 30)], 0.3), vec![(0, 0)]);
    }

    #[test]
    fn discontinuous_content_is_its_hull() {
        let mut a = attribution(0, 4, None, true);
        a.content.spans.push([20, 24]);
        let article = Article {
            id: "x".into(),
            publisher: String::new(),
            text: String::new(),
            attributions: vec![a],
        };
        // 10..20 overlaps the hull 0..24 by 10 >= 30 % of 24.
        let t = score(&article, &[predicted(10, 20, "", "")]);
        assert_eq!((t.tp, t.hit_direct, t.direct), (1, 1, 1));
    }

    #[test]
    fn tokens_and_names_match_as_in_the_script() {
        assert_eq!(
            tokens("Sen.\u{a0}Ted Cruz’s"),
            vec!["sen", "ted", "cruz", "s"]
        );
        assert_eq!(tokens("½ ﬁne_x"), vec!["1", "2", "fine_x"]);
        assert!(name_match("Ted Cruz", "Sen. Ted Cruz (R-Texas)"));
        assert!(name_match("the campaign of Ted Cruz", "Cruz"));
        assert!(!name_match("Ted Smith Cruz", "Ted Cruz"));
        assert!(!name_match("", "Cruz"));
        assert!(!name_match("...", "..."));
    }

    #[test]
    fn pronoun_sources_are_not_scored_for_speakers() {
        let article = Article {
            id: "x".into(),
            publisher: String::new(),
            text: String::new(),
            attributions: vec![
                attribution(0, 10, Some(" He "), true),
                attribution(20, 30, Some("The senator"), false),
                attribution(40, 50, None, false),
                attribution(60, 70, Some("A spokesman"), false),
            ],
        };
        let preds = [
            predicted(0, 10, "Ann Lee", ""),
            predicted(20, 30, "Ann Lee", "the senator"),
            predicted(40, 50, "Ann Lee", ""),
            predicted(60, 70, "Bob", "he"),
            predicted(80, 90, "", ""),
        ];
        let t = score(&article, &preds);
        assert_eq!((t.predicted, t.tp, t.attributions, t.hit), (5, 4, 4, 4));
        assert_eq!((t.speaker_n, t.speaker_ok), (2, 1));
        assert_eq!((t.direct, t.hit_direct, t.speech), (1, 1, 1));
        assert!((t.precision() - 0.8).abs() < 1e-12);
    }

    #[test]
    fn empty_totals_follow_the_script_guards() {
        let t = Totals::default();
        assert_eq!(
            (
                t.precision(),
                t.recall_all(),
                t.recall_direct(),
                t.f1_speech()
            ),
            (0.0, 0.0, 0.0, 0.0)
        );
    }
}
