//! Language detection: Arabic by script, then French against English by
//! their most frequent function words; for the document (the majority
//! language) and for each sentence and paragraph, so that a paragraph in
//! another language than the rest is read with its own language's rules.

use crate::model::Lang;
use crate::segment::{Paragraph, Sentence};
use crate::tokens::{TokenKind, Tokens};

/// Letter-word counts of a stretch of text: by script, and the English and
/// French function words among the Latin ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words in Arabic script.
    pub arabic: usize,
    /// Other words (Latin script).
    pub latin: usize,
    /// English function words.
    pub en: usize,
    /// French function words.
    pub fr: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.arabic += o.arabic;
        self.latin += o.latin;
        self.en += o.en;
        self.fr += o.fr;
    }

    /// The majority language; text with no letters is Arabic, the
    /// product's first language.
    pub fn decide(&self) -> Lang {
        let (arabic, latin) = (self.arabic, self.latin);
        if arabic >= latin || arabic * 3 >= latin + arabic && arabic > 20 {
            Lang::Ar
        } else if self.fr > self.en {
            Lang::Fr
        } else if latin > 0 {
            Lang::En
        } else {
            Lang::Ar
        }
    }

    /// True when Arabic-script words are the majority (and there are some).
    fn arabic_script(&self) -> bool {
        self.arabic > 0 && self.arabic >= self.latin
    }
}

/// Adds word token `i` to `c`.
fn count(text: &str, tokens: &Tokens, i: usize, c: &mut Counts) {
    let t = &tokens.list[i];
    if t.kind != TokenKind::Word {
        return;
    }
    // An ASCII first byte is never an Arabic letter: only other words
    // need their first char decoded.
    let ascii = t.span.is_empty() || text.as_bytes().get(t.span.start).is_some_and(u8::is_ascii);
    if !ascii && crate::chars::is_arabic_letter(t.span.slice(text).chars().next().unwrap_or(' ')) {
        c.arabic += 1;
        return;
    }
    c.latin += 1;
    let norm = tokens.norm(i);
    // No function word below is longer than five bytes.
    if norm.len() > 5 {
        return;
    }
    match norm {
        "the" | "and" | "of" | "to" | "is" | "that" | "was" | "for" | "with" | "said" | "on"
        | "has" | "have" | "it" | "by" | "from" | "were" | "will" => c.en += 1,
        "le" | "la" | "les" | "des" | "et" | "est" | "que" | "qui" | "une" | "du" | "dans"
        | "pour" | "pas" | "sur" | "au" | "aux" | "avec" | "il" | "a" | "selon" | "ont" => {
            c.fr += 1
        }
        _ => {}
    }
}

/// Detects the document language from its tokens. Text with no letters is
/// reported as Arabic, the product's first language.
pub fn detect(text: &str, tokens: &Tokens) -> Lang {
    let mut c = Counts::default();
    for i in 0..tokens.len() {
        count(text, tokens, i, &mut c);
    }
    c.decide()
}

/// The language of each part of a document, whose paragraphs may be in
/// different languages (an Arabic report quoting an English statement).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Languages {
    /// The document language: the majority one, or the one given.
    pub document: Lang,
    /// The language of each sentence: Arabic when most of its words are in
    /// Arabic script, else its paragraph's Latin language.
    pub sentences: Vec<Lang>,
    /// The language of the Latin-script words of each paragraph (English
    /// or French), whatever the paragraph's script.
    pub latin: Vec<Lang>,
}

/// Finds the language of the document, of each sentence and of the Latin
/// words of each paragraph, in one pass over the tokens. `given` is the
/// document language when the caller knows it.
///
/// Script decides between Arabic and Latin sentence by sentence. Between
/// English and French, a paragraph keeps the document's Latin language
/// unless its own function words clearly say otherwise (at least three,
/// and more than twice the other's): short paragraphs carry too few words
/// to be judged alone.
pub fn languages(
    text: &str,
    tokens: &Tokens,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    given: Option<Lang>,
) -> Languages {
    let mut by_sentence = vec![Counts::default(); sentences.len()];
    let mut by_paragraph = vec![Counts::default(); paragraphs.len()];
    let mut total = Counts::default();
    for (si, s) in sentences.iter().enumerate() {
        let c = &mut by_sentence[si];
        for i in s.tokens.0..s.tokens.1 {
            count(text, tokens, i, c);
        }
        by_paragraph[s.paragraph].add(c);
        total.add(c);
    }
    let document = given.unwrap_or_else(|| total.decide());
    // The Latin language a paragraph falls back on.
    let default_latin = match document {
        Lang::Ar if total.fr > total.en => Lang::Fr,
        Lang::Ar => Lang::En,
        other => other,
    };
    let latin: Vec<Lang> = by_paragraph
        .iter()
        .map(|c| {
            let (own, other, other_lang) = match default_latin {
                Lang::Fr => (c.fr, c.en, Lang::En),
                _ => (c.en, c.fr, Lang::Fr),
            };
            if other >= 3 && other > 2 * own {
                other_lang
            } else {
                default_latin
            }
        })
        .collect();
    let sentences = sentences
        .iter()
        .zip(&by_sentence)
        .map(|(s, c)| {
            let para = &by_paragraph[s.paragraph];
            let arabic = if c.arabic + c.latin > 0 {
                c.arabic_script()
            } else if para.arabic + para.latin > 0 {
                para.arabic_script()
            } else {
                document == Lang::Ar
            };
            if arabic {
                Lang::Ar
            } else {
                latin[s.paragraph]
            }
        })
        .collect();
    Languages {
        document,
        sentences,
        latin,
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

    fn sentence_langs(text: &str, given: Option<Lang>) -> (Lang, Vec<Lang>) {
        let p = crate::Prepared::new(text, given);
        (p.lang, p.languages.sentences.clone())
    }

    #[test]
    fn each_paragraph_keeps_its_language() {
        // ar/en: the longer English paragraph makes the document English.
        let text = "قال المتحدث إن الجسر مغلق.\nThe council said on Monday that the old bridge would stay closed for repairs until the end of the year.";
        assert_eq!(
            sentence_langs(text, None),
            (Lang::En, vec![Lang::Ar, Lang::En])
        );
        // ar/fr and en/fr.
        let text = "Le maire a dit que le pont restera fermé pendant les travaux de la rue.\nوقال المهندس إن الأعمال ستنتهي قريبا.";
        assert_eq!(
            sentence_langs(text, None),
            (Lang::Fr, vec![Lang::Fr, Lang::Ar])
        );
        let text = "Le maire a dit que le pont restera fermé pendant les travaux de la rue et que la ville paiera les frais avec la région.\nThe engineer said that the work was on time.";
        assert_eq!(
            sentence_langs(text, None),
            (Lang::Fr, vec![Lang::Fr, Lang::En])
        );
        // A short Latin paragraph with little evidence keeps the document's language.
        let text =
            "Le maire a dit que le pont restera fermé pendant les travaux de la rue.\nMerci Paris.";
        assert_eq!(sentence_langs(text, None).1, vec![Lang::Fr, Lang::Fr]);
        // Within one paragraph, an English sentence after Arabic ones.
        let text = "قال الوزير إن الاجتماع انتهى. The talks will resume in the spring, he said.";
        assert_eq!(sentence_langs(text, None).1, vec![Lang::Ar, Lang::En]);
        // A given document language stays the document's.
        assert_eq!(
            sentence_langs("The talks failed.", Some(Lang::Fr)).0,
            Lang::Fr
        );
    }
}
