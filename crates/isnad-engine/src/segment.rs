//! Paragraphs and sentences. A paragraph is one non-blank line (pasted web
//! text puts each block on its own line); sentences split at `. ! ? ؟ …`,
//! except after abbreviations and initials, inside numbers, and before a
//! lower-case continuation. A full stop glued to the next word
//! ("كاراباخ.تقارير") still ends a sentence: that is how "related"
//! headlines arrive glued onto paragraphs.

use crate::chars::{is_quote_mark, is_sentence_end};
use crate::model::Span;
use crate::tokens::{TokenKind, Tokens};

/// One paragraph (a non-blank line, trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte span, without surrounding white space.
    pub span: Span,
    /// Token index range `tokens.0..tokens.1`.
    pub tokens: (usize, usize),
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span including the final punctuation and closing marks.
    pub span: Span,
    /// Byte span without the final punctuation (a closing quotation mark
    /// that ends the sentence stays): the span a claim annotates.
    pub body: Span,
    /// Token index range.
    pub tokens: (usize, usize),
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// True when the sentence ends with a full stop glued to a following
    /// word, with no space ("…كاراباخ.تقارير").
    pub glued_after: bool,
}

/// Splits the text into paragraphs and sentences.
pub fn segment(text: &str, tokens: &Tokens) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in tokens.list.iter().enumerate() {
        if t.kind == TokenKind::Newline {
            if let Some(s) = start.take() {
                paragraphs.push(paragraph(tokens, s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        paragraphs.push(paragraph(tokens, s, tokens.len()));
    }
    let mut sentences = Vec::with_capacity(paragraphs.len() * 2);
    for (p, para) in paragraphs.iter().enumerate() {
        split_sentences(text, tokens, p, para.tokens, &mut sentences);
    }
    (paragraphs, sentences)
}

fn paragraph(tokens: &Tokens, a: usize, b: usize) -> Paragraph {
    Paragraph {
        span: Span::new(tokens.list[a].span.start, tokens.list[b - 1].span.end),
        tokens: (a, b),
    }
}

fn split_sentences(
    text: &str,
    tokens: &Tokens,
    paragraph: usize,
    (a, b): (usize, usize),
    out: &mut Vec<Sentence>,
) {
    let mut first = a;
    let mut i = a;
    while i < b {
        let t = &tokens.list[i];
        let c = first_char(t.span.slice(text));
        if t.kind != TokenKind::Punct || !is_sentence_end(c) {
            i += 1;
            continue;
        }
        // Take the whole run of terminators and closing marks: `?!`, `...`, `."`, `”.`
        let mut j = i + 1;
        while j < b && tokens.list[j].kind == TokenKind::Punct {
            let d = first_char(tokens.list[j].span.slice(text));
            // French spacing puts a space before a closing guillemet: « Non ! »
            let spaced_closer = matches!(d, '»' | '›' | '”');
            if tokens.list[j].space_before && !spaced_closer {
                break;
            }
            if is_sentence_end(d) || is_closing(d) {
                j += 1;
            } else {
                break;
            }
        }
        if j < b && !ends_here(text, tokens, i, j) {
            i = j;
            continue;
        }
        let glued = j < b && !tokens.list[j].space_before;
        out.push(sentence(text, tokens, paragraph, first, j, glued));
        first = j;
        i = j;
    }
    if first < b {
        out.push(sentence(text, tokens, paragraph, first, b, false));
    }
}

/// Decides whether the terminator run `i..j` ends the sentence, looking at
/// the words on both sides.
fn ends_here(text: &str, tokens: &Tokens, i: usize, j: usize) -> bool {
    let stop = tokens.list[i].span.slice(text);
    let next = &tokens.list[j];
    let next_text = next.span.slice(text);
    let next_first = first_char(next_text);
    let latin_lower = next_first.is_lowercase() && !crate::chars::is_arabic_letter(next_first);
    let prev = (i > 0).then(|| &tokens.list[i - 1]);
    let prev_word = prev
        .filter(|p| p.kind == TokenKind::Word)
        .map(|p| p.span.slice(text));
    if stop == "." && j == i + 1 {
        if is_abbreviation_stop(text, tokens, i) {
            return false;
        }
        if !next.space_before {
            // Glued: "U.S.", "talk103fm.com" stay whole; "word.Word" and
            // Arabic "كلمة.كلمة" are two sentences.
            let prev_len = prev_word.map_or(0, |w| w.chars().count());
            return next.kind == TokenKind::Word
                && !latin_lower
                && (prev_len >= 2 || prev.is_some_and(|p| p.kind == TokenKind::Punct));
        }
    }
    // "Really?" she asked. / « Non… » a-t-il dit: a lower-case word continues.
    if latin_lower {
        return false;
    }
    // A run of closing marks then a comma continues the sentence.
    !(next.kind == TokenKind::Punct && matches!(next_first, ',' | '،' | ';' | '؛' | ':'))
}

fn sentence(
    text: &str,
    tokens: &Tokens,
    paragraph: usize,
    a: usize,
    b: usize,
    glued_after: bool,
) -> Sentence {
    let span = Span::new(tokens.list[a].span.start, tokens.list[b - 1].span.end);
    let mut end = b;
    while end > a + 1 {
        let t = &tokens.list[end - 1];
        let c = first_char(t.span.slice(text));
        if t.kind == TokenKind::Punct
            && (is_sentence_end(c) || matches!(c, ':' | ';' | '؛' | ',' | '،'))
        {
            end -= 1;
        } else {
            break;
        }
    }
    Sentence {
        span,
        body: Span::new(span.start, tokens.list[end - 1].span.end),
        tokens: (a, b),
        paragraph,
        glued_after,
    }
}

fn is_closing(c: char) -> bool {
    is_quote_mark(c) && !matches!(c, '«' | '„' | '‹' | '‚') || matches!(c, ')' | ']' | '}')
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// True when token `i` is the full stop of an abbreviation ("Mr.", "Gov.",
/// "M.", "Mme.", "د." for doctor, "أ." for professor) rather than a
/// sentence end: such a stop never cuts an attribution ("…," Mr. Smith said).
pub fn is_abbreviation_stop(text: &str, tokens: &Tokens, i: usize) -> bool {
    let list = &tokens.list;
    if i == 0 || list[i].kind != TokenKind::Punct || list[i].span.slice(text) != "." {
        return false;
    }
    let prev = &list[i - 1];
    if prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.span.slice(text);
    if is_abbreviation(w) {
        return true;
    }
    // Arabic titles shortened to one letter: د. (doctor), أ. (professor),
    // م. (engineer). After a number, م. and هـ. are era marks (1990 م.)
    // that can end a sentence.
    let after_number = i >= 2 && list[i - 2].kind == TokenKind::Number;
    match w {
        "د" => true,
        "أ" | "م" => !after_number && prev.space_before,
        _ => false,
    }
}

/// Words after which a full stop does not end a sentence: titles,
/// initials, month and country abbreviations (English and French).
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single capital is an initial (J. Smith, M. Molins).
        return c.is_uppercase() && !crate::chars::is_arabic_letter(c);
    }
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt",
        "Gov", "Sen", "Rep", "Rev", "Hon", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Mt", "Ft",
        "approx", "Fig", "Mme", "Mlle", "Me", "Mgr", "Pr", "av", "bd", "env", "cf", "MM", "Dept",
        "Adm", "Maj", "Cmdr", "Brig", "Supt", "Insp", "Sgt", "Esq", "Bros", "Av", "Ave",
    ];
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text);
        let (_, s) = segment(text, &tokens);
        s.iter().map(|s| s.body.slice(text)).collect()
    }

    #[test]
    fn splits_arabic_with_arabic_punctuation() {
        assert_eq!(
            sentences("قال الوزير إن الوضع هادئ. هل انتهت الحرب؟ نعم، انتهت"),
            ["قال الوزير إن الوضع هادئ", "هل انتهت الحرب", "نعم، انتهت"]
        );
    }

    #[test]
    fn keeps_abbreviations_decimals_and_initials() {
        assert_eq!(
            sentences("Dr. Smith of the U.S. said growth was 2.5 percent. M. Molins agreed."),
            [
                "Dr. Smith of the U.S. said growth was 2.5 percent",
                "M. Molins agreed"
            ]
        );
    }

    #[test]
    fn glued_headline_is_its_own_sentence() {
        let text = "بدء المفاوضات بشأن وضع الإقليم.تقارير دولية";
        assert_eq!(
            sentences(text),
            ["بدء المفاوضات بشأن وضع الإقليم", "تقارير دولية"]
        );
        let tokens = Tokens::new(text);
        assert!(segment(text, &tokens).1[0].glued_after);
    }

    #[test]
    fn closing_quote_stays_and_question_continues() {
        assert_eq!(
            sentences("Il a dit « Non ! » avant de partir. “Really?” she asked."),
            ["Il a dit « Non ! » avant de partir", "“Really?” she asked"]
        );
        assert_eq!(
            sentences("وقال: “نعم”. ثم غادر"),
            ["وقال: “نعم”", "ثم غادر"]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "one\r\n\r\n  two\u{a0}\nthree";
        let tokens = Tokens::new(text);
        let (p, _) = segment(text, &tokens);
        let got: Vec<&str> = p.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(got, ["one", "two", "three"]);
    }

    #[test]
    fn honorific_stops_do_not_end_sentences() {
        assert_eq!(
            sentences("\"We will stay,\" Mr. Hale said. Gov. Ito and Lt. Col. Park agreed."),
            [
                "\"We will stay,\" Mr. Hale said",
                "Gov. Ito and Lt. Col. Park agreed"
            ]
        );
        assert_eq!(
            sentences("« Non », a dit Mme. Roy. Le Pr. Gall a souri."),
            ["« Non », a dit Mme. Roy", "Le Pr. Gall a souri"]
        );
        assert_eq!(
            sentences("قال د. علي إن الطقس حار. وأكد م. سامي ذلك. بني عام 1950 م. ثم هدم."),
            [
                "قال د. علي إن الطقس حار",
                "وأكد م. سامي ذلك",
                "بني عام 1950 م",
                "ثم هدم"
            ]
        );
    }
}
