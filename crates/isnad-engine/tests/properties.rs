//! Property tests of the whole engine: on arbitrary strings and on
//! generated news-like text (Arabic with diacritics and tatweel, emoji,
//! no-break spaces, every kind of quotation mark, unbalanced marks, digits of
//! every script, `\r\n`), `analyze` never panics, every span is in bounds and
//! on char boundaries, the `isnad/1` file round-trips, and tokens and
//! sentences tile the text. The same invariants are checked on the real
//! Karabakh fixture and every gold development article.

mod common;

use isnad_engine::chars::{is_line_break, is_space};
use isnad_engine::offsets::OffsetMap;
use isnad_engine::schema::{self, FileSpan};
use isnad_engine::tokens::TokenKind;
use isnad_engine::{analyze, Analysis, Detail, Lang, Options, Prepared, Span};
use proptest::prelude::*;

/// Checks one span against the text; `what` names it in failures.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end {
        return Err(format!("{what}: start {} > end {}", span.start, span.end));
    }
    if span.end > text.len() {
        return Err(format!(
            "{what}: end {} past the text ({} bytes)",
            span.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!(
            "{what}: {}..{} not on char boundaries",
            span.start, span.end
        ));
    }
    Ok(())
}

/// The text between code points `start..end`.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn check_file_span(text: &str, map: &OffsetMap, s: &FileSpan, what: &str) -> Result<(), String> {
    if s.start > s.end || s.end > map.cp_len() {
        return Err(format!(
            "{what}: code points {}..{} out of bounds",
            s.start, s.end
        ));
    }
    let slice = cp_slice(text, s.start, s.end);
    if slice != s.text {
        return Err(format!("{what}: text {:?} != slice {slice:?}", s.text));
    }
    Ok(())
}

/// Every invariant of one analysis of `text`.
fn check_analysis(text: &str, analysis: &Analysis) -> Result<(), String> {
    if analysis.text != text {
        return Err("analysis.text differs from the input".into());
    }
    let mut ids = std::collections::HashSet::new();
    for a in &analysis.annotations {
        if !ids.insert(a.id.clone()) {
            return Err(format!("duplicate annotation id {}", a.id));
        }
        check_span(text, a.span, &a.id)?;
        if let Detail::Quote(q) = &a.detail {
            if let Some(cue) = q.cue {
                check_span(text, cue, &format!("{} cue", a.id))?;
            }
            if let Some(mention) = q.mention {
                check_span(text, mention, &format!("{} mention", a.id))?;
            }
            if let Some(s) = &q.speaker {
                if analysis.speaker(s).is_none() {
                    return Err(format!("{}: unknown speaker {s}", a.id));
                }
            }
        }
        if let Detail::Claim(c) = &a.detail {
            if !(0.0..=1.0).contains(&c.score) {
                return Err(format!("{}: score {} outside 0..=1", a.id, c.score));
            }
        }
    }
    for w in analysis.annotations.windows(2) {
        let key = |s: Span| (s.start, std::cmp::Reverse(s.end));
        if key(w[0].span) > key(w[1].span) {
            return Err(format!(
                "annotations {} and {} out of order",
                w[0].id, w[1].id
            ));
        }
    }
    for s in &analysis.speakers {
        if !ids.insert(s.id.clone()) {
            return Err(format!("duplicate speaker id {}", s.id));
        }
        for m in &s.mentions {
            check_span(text, *m, &format!("speaker {} mention", s.id))?;
        }
    }

    let file = schema::to_file(analysis);
    let map = OffsetMap::new(text);
    if file.schema != schema::SCHEMA || file.document.text != text {
        return Err("file schema or document text wrong".into());
    }
    for a in &file.annotations {
        let whole = FileSpan {
            start: a.start,
            end: a.end,
            text: a.text.clone(),
        };
        check_file_span(text, &map, &whole, &a.id)?;
        if let Some(cue) = &a.cue {
            check_file_span(text, &map, cue, &format!("{} cue", a.id))?;
        }
        if let Some(mention) = &a.mention {
            check_file_span(text, &map, mention, &format!("{} mention", a.id))?;
        }
    }
    for s in &file.speakers {
        for m in &s.mentions {
            check_file_span(text, &map, m, &format!("speaker {} mention", s.id))?;
        }
    }
    match schema::from_json(&schema::to_json(analysis)) {
        Ok(back) if back == *analysis => {}
        Ok(_) => return Err("from_json(to_json(a)) differs from a".into()),
        Err(e) => return Err(format!("from_json(to_json(a)) failed: {e}")),
    }
    Ok(())
}

/// Tokens, paragraphs and sentences are in order, do not overlap, and only
/// white space lies outside them.
fn check_segmentation(text: &str, language: Option<Lang>) -> Result<(), String> {
    let prepared = Prepared::new(text, language);
    let tokens = &prepared.tokens.list;
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        check_span(text, t.span, &format!("token {i}"))?;
        if t.span.is_empty() {
            return Err(format!("token {i} is empty"));
        }
        if t.span.start < at {
            return Err(format!("token {i} overlaps or precedes the one before"));
        }
        if let Some(c) = text[at..t.span.start]
            .chars()
            .find(|&c| !is_space(c) || is_line_break(c))
        {
            return Err(format!("{c:?} before token {i} is in no token"));
        }
        at = t.span.end;
    }
    if let Some(c) = text[at..]
        .chars()
        .find(|&c| !is_space(c) || is_line_break(c))
    {
        return Err(format!("{c:?} after the last token is in no token"));
    }
    let joined: String = {
        let mut out = String::new();
        let mut at = 0;
        for t in tokens {
            out.push_str(&text[at..t.span.start]);
            out.push_str(t.span.slice(text));
            at = t.span.end;
        }
        out.push_str(&text[at..]);
        out
    };
    if joined != text {
        return Err("joining gaps and tokens does not give the input back".into());
    }

    let outside_ok = |s: &str| s.chars().all(|c| is_space(c) || is_line_break(c));
    let mut at = 0;
    for (i, p) in prepared.paragraphs.iter().enumerate() {
        check_span(text, p.span, &format!("paragraph {i}"))?;
        if p.span.start < at || !outside_ok(&text[at..p.span.start]) {
            return Err(format!("paragraph {i} overlaps, or text before it is lost"));
        }
        at = p.span.end;
    }
    if !outside_ok(&text[at..]) {
        return Err("text after the last paragraph is lost".into());
    }
    let mut at = 0;
    let mut covered_tokens = 0;
    for (i, s) in prepared.sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {i}"))?;
        check_span(text, s.body, &format!("sentence {i} body"))?;
        if !s.span.contains(s.body) {
            return Err(format!("sentence {i}: body outside the sentence"));
        }
        if s.span.start < at || !outside_ok(&text[at..s.span.start]) {
            return Err(format!("sentence {i} overlaps, or text before it is lost"));
        }
        let paragraph = prepared
            .paragraphs
            .get(s.paragraph)
            .ok_or_else(|| format!("sentence {i}: paragraph {} does not exist", s.paragraph))?;
        if !paragraph.span.contains(s.span) {
            return Err(format!("sentence {i} is not inside its paragraph"));
        }
        covered_tokens += s.tokens.1.saturating_sub(s.tokens.0);
        at = s.span.end;
    }
    if !outside_ok(&text[at..]) {
        return Err("text after the last sentence is lost".into());
    }
    let words = tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Newline)
        .count();
    if covered_tokens != words {
        return Err(format!(
            "sentences cover {covered_tokens} tokens of {words}"
        ));
    }
    Ok(())
}

/// Every check on one text with one language setting.
fn check_everything(text: &str, language: Option<Lang>) -> Result<(), String> {
    let options = Options {
        language,
        ..Default::default()
    };
    let analysis = std::panic::catch_unwind(|| analyze(text, &options))
        .map_err(|_| format!("analyze panicked on {text:?} (language {language:?})"))?;
    check_analysis(text, &analysis)?;
    check_segmentation(text, language)
}

/// Pieces that news text is made of, chosen to stress the engine.
fn news_piece() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        "قال",
        "وقال",
        "وأضاف",
        "أكد",
        "أن",
        "إن",
        "بحسب",
        "حسب",
        "مصادر مطلعة",
        "الوزير",
        "وزيرُ الخارجيّة",
        "الـــرئيس",
        "مُحَمَّد",
        "لو دريان",
        "لكنه",
        "مضيفا أن",
        "قائلا:",
        "said",
        "told reporters",
        "according to",
        "he added",
        "that",
        "the minister",
        "Mr.",
        "a déclaré",
        "selon",
        "a-t-il ajouté",
        "que",
        "qu’il",
        "M.",
        "le ministre",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "‹",
        "›",
        "„",
        "‘",
        "’",
        "«« ",
        "»»",
        "”“",
        "😀",
        "👍🏽",
        "🇫🇷",
        "\u{a0}",
        "\u{202f}",
        "\u{200f}",
        "\u{200c}",
        "\u{feff}",
        "\r\n",
        "\n",
        "\n\n",
        "\r",
        "\t",
        ".",
        "،",
        "؟",
        "!",
        "?",
        ":",
        "؛",
        "…",
        "...",
        "-",
        "—",
        "٢٠٢٠",
        "۱۲",
        "१२३",
        "7ر2",
        "1,200.5",
        "٣٫٥",
        "40%",
        "٪",
        "08:49",
        "$",
        "€",
        "About the author",
        "Leave a Comment",
        "Written by",
        "اقرأ أيضا",
        "e\u{301}t\u{e9}",
    ];
    prop_oneof![
        4 => proptest::sample::select(fixed).prop_map(str::to_string),
        2 => "[\u{0621}-\u{064A}\u{0640}\u{064B}-\u{0652}]{1,9}",
        1 => "[a-zA-ZéèàçÉ]{1,10}",
        1 => "[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,5}",
        1 => "\\PC{1,3}",
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            news_piece(),
            proptest::sample::select(vec!["", " ", " ", "\u{a0}", "\n"]),
        ),
        0..120,
    )
    .prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(piece, gap)| [piece, gap.to_string()])
            .collect()
    })
}

fn language() -> impl Strategy<Value = Option<Lang>> {
    proptest::sample::select(vec![None, Some(Lang::Ar), Some(Lang::En), Some(Lang::Fr)])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings_keep_every_invariant(text in any::<String>(), language in language()) {
        if let Err(e) = check_everything(&text, language) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn news_like_text_keeps_every_invariant(text in news_text(), language in language()) {
        if let Err(e) = check_everything(&text, language) {
            prop_assert!(false, "{e}");
        }
    }
}

#[test]
fn unbalanced_and_empty_inputs_keep_every_invariant() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "«",
        "»",
        "“",
        "\"",
        "« “ \" ‹ word ",
        "قال: «",
        "said \"",
        "”قال“",
        "مضيفا أن",
        "وقال إن",
        "he said that",
        "a déclaré que",
        "according to",
        "a\u{301}",
        "\u{feff}",
        "؟؟؟",
        "...",
        "M.",
        "7ر",
        "ر2",
    ] {
        for language in [None, Some(Lang::Ar), Some(Lang::En), Some(Lang::Fr)] {
            if let Err(e) = check_everything(text, language) {
                panic!("{text:?} ({language:?}): {e}");
            }
        }
    }
}

#[test]
fn real_articles_keep_every_invariant() {
    let Some(shared) = common::shared_dir("real_articles_keep_every_invariant") else {
        return;
    };
    let mut texts = vec![(
        "ar-karabakh-wire.txt".to_string(),
        common::karabakh(&shared),
        "ar".to_string(),
    )];
    texts.extend(common::dev_articles(&shared));
    assert!(
        texts.len() >= 23,
        "the Karabakh fixture and the dev articles"
    );
    for (name, text, lang) in &texts {
        for language in [None, Lang::from_code(lang)] {
            if let Err(e) = check_everything(text, language) {
                panic!("{name} ({language:?}): {e}");
            }
        }
    }
}

/// A random analysis over `text`: annotations of every kind with spans
/// snapped to char boundaries, speakers with mentions.
fn synthetic_analysis(text: &str, cuts: &[(usize, usize, u8)]) -> Analysis {
    use isnad_engine::{
        Annotation, ClaimCategory, ClaimInfo, ClaimStatus, Origin, QuoteForm, QuoteInfo, Speaker,
    };
    let snap = |b: usize| isnad_engine::offsets::floor_char_boundary(text, b % (text.len() + 1));
    let span_of = |a: usize, b: usize| {
        let (a, b) = (snap(a), snap(b));
        Span::new(a.min(b), a.max(b))
    };
    let speakers: Vec<Speaker> = cuts
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, &(a, b, _))| Speaker {
            id: format!("s{}", i + 1),
            name: format!("متحدث {i}"),
            title: (i % 2 == 0).then(|| "وزير".to_string()),
            mentions: vec![span_of(a, b), span_of(b, a / 2)],
        })
        .collect();
    let mut annotations: Vec<Annotation> = cuts
        .iter()
        .enumerate()
        .map(|(i, &(a, b, kind))| {
            let detail = match kind % 3 {
                0 => Detail::Quote(QuoteInfo {
                    form: [QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed][i % 3],
                    speaker: (!speakers.is_empty() && i % 4 != 0)
                        .then(|| speakers[i % speakers.len()].id.clone()),
                    cue: (i % 2 == 0).then(|| span_of(a / 3, a / 2)),
                    mention: (i % 3 == 0).then(|| span_of(b / 3, b / 2)),
                }),
                1 => Detail::Claim(ClaimInfo {
                    categories: vec![ClaimCategory::Statistic, ClaimCategory::Date],
                    score: (kind as f32) / 255.0,
                    // Every status, and notes in Arabic with an emoji.
                    status: ClaimStatus::ALL[i % ClaimStatus::ALL.len()],
                    note: if i % 2 == 0 {
                        String::new()
                    } else {
                        format!("مصدر {i} 📎")
                    },
                }),
                _ => Detail::Boilerplate,
            };
            Annotation {
                id: format!("a{}", i + 1),
                span: span_of(a, b),
                origin: if i % 5 == 0 {
                    Origin::Editor
                } else {
                    Origin::Auto
                },
                detail,
            }
        })
        .collect();
    annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Analysis {
        language: Lang::Ar,
        text: text.to_string(),
        annotations,
        speakers,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Export then import gives the same analysis, whatever the detectors
    /// find: checked on random annotations over news-like text.
    #[test]
    fn export_import_is_the_identity_on_random_annotations(
        text in news_text(),
        cuts in proptest::collection::vec((0usize..5000, 0usize..5000, any::<u8>()), 0..12),
    ) {
        let analysis = synthetic_analysis(&text, &cuts);
        if let Err(e) = check_analysis(&text, &analysis) {
            prop_assert!(false, "{e}");
        }
    }
}
