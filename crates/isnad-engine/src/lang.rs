//! Document language detection: Arabic by script, then French against
//! English by their most frequent function words.

use crate::model::Lang;
use crate::tokens::{TokenKind, Tokens};

/// Detects the document language from its tokens. Text with no letters is
/// reported as Arabic, the product's first language.
pub fn detect(text: &str, tokens: &Tokens) -> Lang {
    let (mut arabic, mut latin, mut en, mut fr) = (0usize, 0usize, 0usize, 0usize);
    for (i, t) in tokens.list.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        // An ASCII first byte is never an Arabic letter: only other words
        // need their first char decoded.
        let ascii =
            t.span.is_empty() || text.as_bytes().get(t.span.start).is_some_and(u8::is_ascii);
        if !ascii
            && crate::chars::is_arabic_letter(t.span.slice(text).chars().next().unwrap_or(' '))
        {
            arabic += 1;
            continue;
        }
        latin += 1;
        let norm = tokens.norm(i);
        // No function word below is longer than five bytes.
        if norm.len() > 5 {
            continue;
        }
        match norm {
            "the" | "and" | "of" | "to" | "is" | "that" | "was" | "for" | "with" | "said"
            | "on" | "has" | "have" | "it" | "by" | "from" | "were" | "will" => en += 1,
            "le" | "la" | "les" | "des" | "et" | "est" | "que" | "qui" | "une" | "du" | "dans"
            | "pour" | "pas" | "sur" | "au" | "aux" | "avec" | "il" | "a" | "selon" | "ont" => {
                fr += 1
            }
            _ => {}
        }
    }
    if arabic >= latin || arabic * 3 >= latin + arabic && arabic > 20 {
        Lang::Ar
    } else if fr > en {
        Lang::Fr
    } else if latin > 0 {
        Lang::En
    } else {
        Lang::Ar
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Lang {
        detect(text, &Tokens::new(text))
    }

    #[test]
    fn detects_three_languages() {
        assert_eq!(lang("قال الوزير لـCNN إن الوضع هادئ"), Lang::Ar);
        assert_eq!(
            lang("The minister said that the situation was calm."),
            Lang::En
        );
        assert_eq!(
            lang("Le ministre a déclaré que la situation est calme."),
            Lang::Fr
        );
        assert_eq!(lang("2024"), Lang::Ar);
    }
}
