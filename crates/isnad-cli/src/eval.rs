//! Scoring the engine against gold annotations: span matching (one-to-one,
//! greedy by largest overlap, with a minimum share of both spans), counts and
//! precision/recall/F1, speaker accuracy on matched quotes, and the CT22
//! tweet-level claim detection score. Also the held-out split of the dev set
//! ([`is_held_out`]) and the naive quote baseline's counts.

use isnad_engine::{chars, Analysis, Detail, Kind, Span};
use serde::Serialize;

use crate::gold::{GoldArticle, Tweet};

/// Overlap share for a lenient quote match (30 % of both spans).
pub const QUOTE_LENIENT: f64 = 0.30;
/// Overlap share for a strict quote match (80 % of both spans).
pub const QUOTE_STRICT: f64 = 0.80;
/// Overlap share for claim and boilerplate matches (50 % of both spans).
pub const SPAN_SHARE: f64 = 0.50;

/// The held-out rule of the dev set: an article is held out when the number
/// in its id (`ar-08`, `en-12`, `fr-36`) is a multiple of 4, so a quarter of
/// each language, chosen by id before looking at any score. The other
/// articles are the tuned part: rules may be developed against their errors.
/// The held-out part only measures: do not read its errors to tune rules, or
/// its figures stop saying anything about articles the engine has never
/// seen. An id without a number is tuned.
pub fn is_held_out(id: &str) -> bool {
    id.rsplit_once('-')
        .and_then(|(_, n)| n.parse::<u32>().ok())
        .is_some_and(|n| n % 4 == 0)
}

/// Which part of the dev set an article is in (see [`is_held_out`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Rules may be tuned on these articles' errors.
    Tuned,
    /// Measured only; do not tune on these.
    HeldOut,
}

impl Part {
    /// The part of the article with this id.
    pub fn of(id: &str) -> Self {
        if is_held_out(id) {
            Part::HeldOut
        } else {
            Part::Tuned
        }
    }
    /// `tuned` or `held-out`.
    pub fn label(self) -> &'static str {
        match self {
            Part::Tuned => "tuned",
            Part::HeldOut => "held-out",
        }
    }
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted and gold, matched.
    pub tp: usize,
    /// Predicted, unmatched.
    pub fp: usize,
    /// Gold, unmatched.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// Counts from the sizes of the two sides and the number of matches.
    pub fn from_sizes(gold: usize, predicted: usize, matched: usize) -> Self {
        Counts {
            tp: matched,
            fp: predicted - matched,
            fn_: gold - matched,
        }
    }
    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `tp / (tp + fn)`, 0 when there is no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    /// Adds another set of counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    /// Precision, recall and F1 for JSON output.
    pub fn scores(&self) -> Scores {
        Scores {
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
            counts: *self,
        }
    }
}

/// Precision, recall, F1 and the counts behind them.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Scores {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// The counts.
    pub counts: Counts,
}

/// `num / den`, 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Harmonic mean, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// True when `a` and `b` share at least `share` of each one's length.
pub fn overlaps_enough(a: Span, b: Span, share: f64) -> bool {
    let shared = a.overlap(b);
    shared > 0 && shared as f64 >= share * a.len() as f64 && shared as f64 >= share * b.len() as f64
}

/// One-to-one matching of gold and predicted spans: among pairs that
/// overlap by at least `share` of both spans, take the largest overlap
/// first. Returns `(gold index, predicted index)` pairs.
pub fn match_spans(gold: &[Span], predicted: &[Span], share: f64) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in predicted.iter().enumerate() {
            if overlaps_enough(*gs, *ps, share) {
                pairs.push((gs.overlap(*ps), g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut predicted_used = vec![false; predicted.len()];
    let mut out = Vec::new();
    for (_, g, p) in pairs {
        if !gold_used[g] && !predicted_used[p] {
            gold_used[g] = true;
            predicted_used[p] = true;
            out.push((g, p));
        }
    }
    out.sort_unstable();
    out
}

/// A speaker name reduced for comparison: folded, punctuation replaced by
/// spaces, whitespace collapsed, trimmed.
pub fn speaker_key(name: &str) -> String {
    let folded: String = chars::fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a predicted speaker compares with the gold one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerMatch {
    /// Equal after [`speaker_key`].
    Exact,
    /// One contains the other after [`speaker_key`].
    Contained,
    /// Different, or no speaker predicted.
    Wrong,
}

/// Compares a predicted speaker name (if any) with the gold one.
pub fn compare_speakers(gold: &str, predicted: Option<&str>) -> SpeakerMatch {
    let Some(predicted) = predicted else {
        return SpeakerMatch::Wrong;
    };
    let (g, p) = (speaker_key(gold), speaker_key(predicted));
    if g.is_empty() || p.is_empty() {
        SpeakerMatch::Wrong
    } else if g == p {
        SpeakerMatch::Exact
    } else if g.contains(&p) || p.contains(&g) {
        SpeakerMatch::Contained
    } else {
        SpeakerMatch::Wrong
    }
}

/// Speaker accuracy counts over lenient quote matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpeakerCounts {
    /// Matched quotes whose speaker was compared.
    pub matched: usize,
    /// Speakers equal after folding.
    pub exact: usize,
    /// Speakers equal or one containing the other.
    pub lenient: usize,
}

impl SpeakerCounts {
    /// Adds another set of counts.
    pub fn add(&mut self, other: SpeakerCounts) {
        self.matched += other.matched;
        self.exact += other.exact;
        self.lenient += other.lenient;
    }
}

/// Which list a shown item comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissKind {
    /// Gold, not found (false negative).
    Missed,
    /// Found, not gold (false positive).
    Spurious,
    /// Quote matched, speaker differs.
    WrongSpeaker,
}

/// One error a rule author may want to look at.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// Missed, spurious or wrong speaker.
    pub miss: MissKind,
    /// The gold side, described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
    /// The predicted side, described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted: Option<String>,
}

/// The scores of one article, with its errors by kind.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleScore {
    /// Article id.
    pub id: String,
    /// Article language code.
    pub lang: &'static str,
    /// Tuned or held out ([`is_held_out`]).
    pub part: Part,
    /// Text length in bytes.
    pub bytes: usize,
    /// Quotes matched at 30 %.
    pub quotes: Counts,
    /// Quotes matched at 80 %.
    pub quotes_strict: Counts,
    /// The naive baseline's quotes ([`crate::baseline`]) matched at 30 %.
    pub baseline_quotes: Counts,
    /// Speakers of quotes matched at 30 %.
    pub speakers: SpeakerCounts,
    /// Claims matched at 50 %.
    pub claims: Counts,
    /// Boilerplate matched at 50 %.
    pub boilerplate: Counts,
    /// Quote errors (missed and spurious).
    #[serde(skip)]
    pub quote_misses: Vec<Miss>,
    /// Speaker errors on matched quotes.
    #[serde(skip)]
    pub speaker_misses: Vec<Miss>,
    /// Claim errors.
    #[serde(skip)]
    pub claim_misses: Vec<Miss>,
    /// Boilerplate errors.
    #[serde(skip)]
    pub boilerplate_misses: Vec<Miss>,
}

/// Longest shown excerpt, in characters.
const SHOW_CHARS: usize = 120;

/// `text[span]` on one line, cut to [`SHOW_CHARS`] characters.
pub fn excerpt(text: &str, span: Span) -> String {
    let slice = text.get(span.start..span.end).unwrap_or("");
    let one_line: String = slice
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() > SHOW_CHARS {
        let head: String = one_line.chars().take(SHOW_CHARS).collect();
        format!("{head}…")
    } else {
        one_line
    }
}

fn span_misses(
    text: &str,
    gold: &[Span],
    predicted: &[Span],
    pairs: &[(usize, usize)],
) -> Vec<Miss> {
    let mut gold_hit = vec![false; gold.len()];
    let mut predicted_hit = vec![false; predicted.len()];
    for &(g, p) in pairs {
        gold_hit[g] = true;
        predicted_hit[p] = true;
    }
    let missed = gold
        .iter()
        .zip(&gold_hit)
        .filter(|(_, hit)| !**hit)
        .map(|(s, _)| Miss {
            miss: MissKind::Missed,
            gold: Some(excerpt(text, *s)),
            predicted: None,
        });
    let spurious = predicted
        .iter()
        .zip(&predicted_hit)
        .filter(|(_, hit)| !**hit)
        .map(|(s, _)| Miss {
            miss: MissKind::Spurious,
            gold: None,
            predicted: Some(excerpt(text, *s)),
        });
    missed.chain(spurious).collect()
}

/// A predicted quote as the scorer sees it.
struct PredictedQuote<'a> {
    span: Span,
    speaker: Option<&'a str>,
    cue: Option<Span>,
}

fn spans_of(analysis: &Analysis, kind: Kind) -> Vec<Span> {
    analysis
        .annotations
        .iter()
        .filter(|a| a.kind() == kind)
        .map(|a| a.span)
        .collect()
}

fn describe_gold_quote(text: &str, q: &crate::gold::GoldQuote) -> String {
    let cue = if q.cue.is_empty() {
        "-"
    } else {
        q.cue.as_str()
    };
    format!(
        "{} [speaker: {} | cue: {} | {}]",
        excerpt(text, q.span),
        q.speaker,
        cue,
        q.form
    )
}

fn describe_predicted_quote(text: &str, q: &PredictedQuote) -> String {
    let cue = q.cue.map_or_else(|| "-".to_string(), |c| excerpt(text, c));
    format!(
        "{} [speaker: {} | cue: {}]",
        excerpt(text, q.span),
        q.speaker.unwrap_or("-"),
        cue
    )
}

/// Scores one analysis against its gold article.
pub fn score_article(article: &GoldArticle, analysis: &Analysis) -> ArticleScore {
    let text = article.text.as_str();
    let predicted_quotes: Vec<PredictedQuote> = analysis
        .annotations
        .iter()
        .filter_map(|a| match &a.detail {
            Detail::Quote(q) => Some(PredictedQuote {
                span: a.span,
                speaker: q
                    .speaker
                    .as_deref()
                    .and_then(|id| analysis.speaker(id))
                    .map(|s| s.name.as_str()),
                cue: q.cue,
            }),
            _ => None,
        })
        .collect();
    let gold_quote_spans: Vec<Span> = article.quotes.iter().map(|q| q.span).collect();
    let predicted_quote_spans: Vec<Span> = predicted_quotes.iter().map(|q| q.span).collect();
    let lenient = match_spans(&gold_quote_spans, &predicted_quote_spans, QUOTE_LENIENT);
    let strict = match_spans(&gold_quote_spans, &predicted_quote_spans, QUOTE_STRICT);

    let mut speakers = SpeakerCounts::default();
    let mut speaker_misses = Vec::new();
    for &(g, p) in &lenient {
        let (gold, predicted) = (&article.quotes[g], &predicted_quotes[p]);
        speakers.matched += 1;
        match compare_speakers(&gold.speaker, predicted.speaker) {
            SpeakerMatch::Exact => {
                speakers.exact += 1;
                speakers.lenient += 1;
            }
            found => {
                if found == SpeakerMatch::Contained {
                    speakers.lenient += 1;
                }
                speaker_misses.push(Miss {
                    miss: MissKind::WrongSpeaker,
                    gold: Some(describe_gold_quote(text, gold)),
                    predicted: Some(describe_predicted_quote(text, predicted)),
                });
            }
        }
    }
    let mut gold_hit = vec![false; article.quotes.len()];
    let mut predicted_hit = vec![false; predicted_quotes.len()];
    for &(g, p) in &lenient {
        gold_hit[g] = true;
        predicted_hit[p] = true;
    }
    let mut quote_misses: Vec<Miss> = article
        .quotes
        .iter()
        .zip(&gold_hit)
        .filter(|(_, hit)| !**hit)
        .map(|(q, _)| Miss {
            miss: MissKind::Missed,
            gold: Some(describe_gold_quote(text, q)),
            predicted: None,
        })
        .collect();
    quote_misses.extend(
        predicted_quotes
            .iter()
            .zip(&predicted_hit)
            .filter(|(_, hit)| !**hit)
            .map(|(q, _)| Miss {
                miss: MissKind::Spurious,
                gold: None,
                predicted: Some(describe_predicted_quote(text, q)),
            }),
    );

    let naive = crate::baseline::naive_quotes(text);
    let naive_pairs = match_spans(&gold_quote_spans, &naive, QUOTE_LENIENT);

    let predicted_claims = spans_of(analysis, Kind::Claim);
    let claim_pairs = match_spans(&article.claims, &predicted_claims, SPAN_SHARE);
    let predicted_noise = spans_of(analysis, Kind::Boilerplate);
    let noise_pairs = match_spans(&article.boilerplate, &predicted_noise, SPAN_SHARE);

    ArticleScore {
        id: article.id.clone(),
        lang: article.lang.code(),
        part: Part::of(&article.id),
        bytes: text.len(),
        quotes: Counts::from_sizes(article.quotes.len(), predicted_quotes.len(), lenient.len()),
        quotes_strict: Counts::from_sizes(
            article.quotes.len(),
            predicted_quotes.len(),
            strict.len(),
        ),
        baseline_quotes: Counts::from_sizes(article.quotes.len(), naive.len(), naive_pairs.len()),
        speakers,
        claims: Counts::from_sizes(
            article.claims.len(),
            predicted_claims.len(),
            claim_pairs.len(),
        ),
        boilerplate: Counts::from_sizes(
            article.boilerplate.len(),
            predicted_noise.len(),
            noise_pairs.len(),
        ),
        quote_misses,
        speaker_misses,
        claim_misses: span_misses(text, &article.claims, &predicted_claims, &claim_pairs),
        boilerplate_misses: span_misses(text, &article.boilerplate, &predicted_noise, &noise_pairs),
    }
}

/// Summed scores over a group of articles (one language, or all; of one
/// part of the dev set, or of both).
#[derive(Clone, Debug, Default, Serialize)]
pub struct GroupScore {
    /// `ar`, `en`, `fr` or `all`.
    pub scope: String,
    /// The part summed over; `None` for the whole set.
    pub part: Option<Part>,
    /// Number of articles.
    pub articles: usize,
    /// Quotes matched at 30 %.
    pub quotes: Counts,
    /// Quotes matched at 80 %.
    pub quotes_strict: Counts,
    /// The naive baseline's quotes matched at 30 %.
    pub baseline_quotes: Counts,
    /// Speakers of quotes matched at 30 %.
    pub speakers: SpeakerCounts,
    /// Claims matched at 50 %.
    pub claims: Counts,
    /// Boilerplate matched at 50 %.
    pub boilerplate: Counts,
}

impl GroupScore {
    /// Sums the articles whose language is `scope` (`all` takes every one).
    pub fn over(scope: &str, articles: &[ArticleScore]) -> Self {
        Self::over_part(scope, None, articles)
    }
    /// Sums the articles of `part` (both when `None`) whose language is
    /// `scope` (`all` takes every language).
    pub fn over_part(scope: &str, part: Option<Part>, articles: &[ArticleScore]) -> Self {
        let mut group = GroupScore {
            scope: scope.to_string(),
            part,
            ..Default::default()
        };
        for a in articles
            .iter()
            .filter(|a| scope == "all" || a.lang == scope)
            .filter(|a| part.is_none_or(|p| a.part == p))
        {
            group.articles += 1;
            group.quotes.add(a.quotes);
            group.quotes_strict.add(a.quotes_strict);
            group.baseline_quotes.add(a.baseline_quotes);
            group.speakers.add(a.speakers);
            group.claims.add(a.claims);
            group.boilerplate.add(a.boilerplate);
        }
        group
    }
    /// Exact speaker accuracy on matched quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers.exact, self.speakers.matched)
    }
    /// Lenient (containment) speaker accuracy on matched quotes.
    pub fn speaker_accuracy_lenient(&self) -> f64 {
        ratio(self.speakers.lenient, self.speakers.matched)
    }
}

/// Binary confusion counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// Gold 1, predicted 1.
    pub tp: usize,
    /// Gold 0, predicted 1.
    pub fp: usize,
    /// Gold 1, predicted 0.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold 0, predicted 0.
    pub tn: usize,
}

impl Confusion {
    /// Counts for the positive class.
    pub fn positive(&self) -> Counts {
        Counts {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        }
    }
    /// Counts for the negative class (its own true positives are `tn`).
    pub fn negative(&self) -> Counts {
        Counts {
            tp: self.tn,
            fp: self.fn_,
            fn_: self.fp,
        }
    }
    /// Mean of the two classes' F1.
    pub fn macro_f1(&self) -> f64 {
        (self.positive().f1() + self.negative().f1()) / 2.0
    }
    /// Share of correct predictions.
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
}

/// Tweet-level claim detection on CT22.
#[derive(Clone, Debug, Serialize)]
pub struct TweetScore {
    /// Number of tweets.
    pub tweets: usize,
    /// The engine: positive when it finds at least one claim.
    pub engine: Confusion,
    /// The baseline that labels every tweet a claim.
    pub all_claim_baseline: Confusion,
}

/// Scores tweet-level claim detection: `predicted[i]` is the engine's call
/// for `tweets[i]`.
pub fn score_tweets(tweets: &[Tweet], predicted: &[bool]) -> TweetScore {
    let mut engine = Confusion::default();
    let mut baseline = Confusion::default();
    for (tweet, &says_claim) in tweets.iter().zip(predicted) {
        match (tweet.is_claim, says_claim) {
            (true, true) => engine.tp += 1,
            (false, true) => engine.fp += 1,
            (true, false) => engine.fn_ += 1,
            (false, false) => engine.tn += 1,
        }
        if tweet.is_claim {
            baseline.tp += 1;
        } else {
            baseline.fp += 1;
        }
    }
    TweetScore {
        tweets: tweets.len(),
        engine,
        all_claim_baseline: baseline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_is_one_to_one_and_prefers_the_largest_overlap() {
        let gold = [Span::new(0, 10), Span::new(10, 20)];
        let predicted = [Span::new(0, 8), Span::new(0, 9), Span::new(12, 30)];
        assert_eq!(match_spans(&gold, &predicted, 0.3), vec![(0, 1), (1, 2)]);
        assert_eq!(match_spans(&gold, &predicted, 0.8), vec![(0, 1)]);
    }

    #[test]
    fn overlap_must_cover_a_share_of_both_spans() {
        assert!(!overlaps_enough(Span::new(0, 100), Span::new(0, 10), 0.3));
        assert!(overlaps_enough(Span::new(0, 10), Span::new(5, 12), 0.5));
    }

    #[test]
    fn speakers_compare_after_folding() {
        assert_eq!(
            compare_speakers("أحمد أبو الغيط", Some("احمد ابو الغيط.")),
            SpeakerMatch::Exact
        );
        assert_eq!(
            compare_speakers("Jean-Yves Le Drian", Some("Le Drian")),
            SpeakerMatch::Contained
        );
        assert_eq!(compare_speakers("X", None), SpeakerMatch::Wrong);
    }

    #[test]
    fn held_out_is_every_fourth_article_by_number() {
        let held: Vec<&str> = [
            "ar-01", "ar-04", "en-08", "fr-36", "fr-35", "fr-10", "x", "ar-",
        ]
        .into_iter()
        .filter(|id| is_held_out(id))
        .collect();
        assert_eq!(held, vec!["ar-04", "en-08", "fr-36"]);
        assert_eq!(Part::of("en-16"), Part::HeldOut);
        assert_eq!(Part::of("en-15"), Part::Tuned);
    }

    #[test]
    fn groups_sum_one_part_at_a_time() {
        let article = |id: &str, tp: usize| ArticleScore {
            id: id.to_string(),
            lang: "en",
            part: Part::of(id),
            bytes: 0,
            quotes: Counts { tp, fp: 0, fn_: 1 },
            quotes_strict: Counts::default(),
            baseline_quotes: Counts {
                tp: 1,
                fp: 1,
                fn_: 0,
            },
            speakers: SpeakerCounts::default(),
            claims: Counts::default(),
            boilerplate: Counts::default(),
            quote_misses: Vec::new(),
            speaker_misses: Vec::new(),
            claim_misses: Vec::new(),
            boilerplate_misses: Vec::new(),
        };
        let scores = [
            article("en-01", 1),
            article("en-04", 2),
            article("en-05", 3),
        ];
        let tuned = GroupScore::over_part("en", Some(Part::Tuned), &scores);
        let held = GroupScore::over_part("all", Some(Part::HeldOut), &scores);
        let all = GroupScore::over("en", &scores);
        assert_eq!((tuned.articles, tuned.quotes.tp), (2, 4));
        assert_eq!((held.articles, held.quotes.tp), (1, 2));
        assert_eq!(
            (all.articles, all.quotes.tp, all.baseline_quotes.fp),
            (3, 6, 3)
        );
        assert_eq!(GroupScore::over("fr", &scores).articles, 0);
    }

    #[test]
    fn counts_give_zero_not_nan() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall(), c.f1()), (0.0, 0.0, 0.0));
    }
}
