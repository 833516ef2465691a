//! Tokenisation: words, numbers, punctuation and breaks, each with its byte
//! span in the original text and its folded matching form.

use crate::chars::{self, classify, is_digit, Class};
use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (one script: Arabic and Latin runs are split apart).
    Word,
    /// Digits in any script, with inner decimal or thousands separators
    /// (`1,200.5`, `٣٫٥`, the KUNA style `7ر2`, `08:49`).
    Number,
    /// One punctuation or symbol character.
    Punct,
    /// A line break (`\r\n` is one token).
    Newline,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the original text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// True when white space (or a line start) comes right before it.
    pub space_before: bool,
    norm: (u32, u32),
}

/// The tokens of one text, with their folded forms in one shared buffer.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Tokens in text order; spaces are not tokens.
    pub list: Vec<Token>,
    norms: String,
}

impl Tokens {
    /// Splits `text` into tokens.
    pub fn new(text: &str) -> Self {
        let mut list = Vec::with_capacity(text.len() / 5);
        let mut norms = String::with_capacity(text.len());
        let mut iter = text.char_indices().peekable();
        let mut space_before = true;
        while let Some((start, c)) = iter.next() {
            let class = classify(c);
            match class {
                Class::LineBreak => {
                    let mut end = start + c.len_utf8();
                    if c == '\r' {
                        if let Some(&(i, '\n')) = iter.peek() {
                            iter.next();
                            end = i + 1;
                        }
                    }
                    push_break(&mut list, &mut norms, Span::new(start, end));
                    space_before = true;
                    continue;
                }
                Class::Space => {
                    space_before = true;
                    continue;
                }
                _ => {}
            }
            let norm_start = norms.len();
            let (kind, end) = match class {
                Class::Digit => {
                    let mut end = start + c.len_utf8();
                    chars::push_folded(c, &mut norms);
                    while let Some(&(i, d)) = iter.peek() {
                        if is_digit(d) {
                            chars::push_folded(d, &mut norms);
                            iter.next();
                            end = i + d.len_utf8();
                        } else if matches!(d, '.' | ',' | '٫' | '٬' | 'ر' | ':')
                            && text[i + d.len_utf8()..]
                                .chars()
                                .next()
                                .is_some_and(is_digit)
                        {
                            // A separator only counts between two digits.
                            norms.push(match d {
                                '٫' | 'ر' => '.',
                                '٬' => ',',
                                _ => d,
                            });
                            iter.next();
                            end = i + d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    (TokenKind::Number, end)
                }
                Class::ArabicLetter | Class::Letter | Class::Mark => {
                    let arabic = class == Class::ArabicLetter
                        || class == Class::Mark
                            && (c == chars::TATWEEL || chars::is_arabic_mark(c));
                    let mut end = start + c.len_utf8();
                    chars::push_folded_class(c, class, &mut norms);
                    while let Some(&(i, d)) = iter.peek() {
                        // Fast paths for the letters that make up nearly all
                        // news text: they fold to themselves (or lower case).
                        if !arabic && d.is_ascii_alphabetic() {
                            norms.push(d.to_ascii_lowercase());
                            iter.next();
                            end = i + 1;
                            continue;
                        }
                        if arabic && is_plain_arabic_letter(d) {
                            norms.push(d);
                            iter.next();
                            end = i + d.len_utf8();
                            continue;
                        }
                        let dc = classify(d);
                        // Arabic and Latin runs are split apart; marks, tatweel
                        // and joiners stay with the word.
                        let same_script = match dc {
                            Class::Mark => true,
                            Class::ArabicLetter => arabic,
                            Class::Letter => !arabic,
                            _ => false,
                        };
                        if !same_script {
                            break;
                        }
                        chars::push_folded_class(d, dc, &mut norms);
                        iter.next();
                        end = i + d.len_utf8();
                    }
                    (TokenKind::Word, end)
                }
                _ => {
                    chars::push_folded(c, &mut norms);
                    (TokenKind::Punct, start + c.len_utf8())
                }
            };
            list.push(Token {
                span: Span::new(start, end),
                kind,
                space_before,
                norm: (norm_start as u32, norms.len() as u32),
            });
            space_before = false;
        }
        Tokens { list, norms }
    }

    /// The folded matching form of token `i`.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.list[i].norm;
        &self.norms[a as usize..b as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Index of the first token starting at or after byte `byte`.
    pub fn at_or_after(&self, byte: usize) -> usize {
        self.list.partition_point(|t| t.span.start < byte)
    }

    /// Index one past the last token ending at or before byte `byte`.
    pub fn ending_by(&self, byte: usize) -> usize {
        self.list.partition_point(|t| t.span.end <= byte)
    }
}

/// Arabic letters that fold to themselves (no hamza seat, alef maqsura or
/// teh marbuta to normalise).
#[inline]
fn is_plain_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}' | '\u{0627}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
}

fn push_break(list: &mut Vec<Token>, norms: &mut String, span: Span) {
    let a = norms.len() as u32;
    norms.push('\n');
    list.push(Token {
        span,
        kind: TokenKind::Newline,
        space_before: true,
        norm: (a, norms.len() as u32),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(String, TokenKind, String)> {
        let t = Tokens::new(text);
        (0..t.len())
            .map(|i| {
                (
                    t.list[i].span.slice(text).to_string(),
                    t.list[i].kind,
                    t.norm(i).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn splits_arabic_latin_numbers_and_marks() {
        let got = show("وقال\u{a0}لـCNN: «نعم» ١٢٫٥ 7ر2 1,200.");
        let words: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "وقال", "لـ", "CNN", ":", "«", "نعم", "»", "١٢٫٥", "7ر2", "1,200", "."
            ]
        );
        assert_eq!(got[7].2, "12.5");
        assert_eq!(got[8].2, "7.2");
        assert_eq!(got[8].1, TokenKind::Number);
    }

    #[test]
    fn keeps_diacritics_and_tatweel_inside_words() {
        let got = show("أكّـد الوزيرُ");
        assert_eq!(got[0].0, "أكّـد");
        assert_eq!(got[0].2, "اكد");
        assert_eq!(got[1].2, "الوزير");
    }

    #[test]
    fn crlf_is_one_break() {
        let got = show("a\r\nb");
        assert_eq!(got[1].1, TokenKind::Newline);
        assert_eq!(got[1].0, "\r\n");
        assert_eq!(got.len(), 3);
    }
}
