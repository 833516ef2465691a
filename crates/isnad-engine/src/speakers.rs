//! Speakers as entities: the quotes' speaker mentions clustered per person
//! or body, each with a canonical name (the fullest proper name the article
//! gives) and a title kept apart ("وزير الخارجية الفرنسي جان إيف لو دريان"
//! → name "جان إيف لو دريان", title "وزير الخارجية الفرنسي"). A later
//! surname ("لو دريان") or a title alone ("الرئيس الروسي", "the minister")
//! resolves to the speaker introduced earlier with it.

use crate::chars::is_arabic_letter;
use crate::lexicon as lx;
use crate::model::{Span, Speaker};
use crate::quotes::FoundQuote;
use crate::tokens::TokenKind;
use crate::Prepared;

/// A speaker mention split into title and proper name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameParts {
    /// The title or role words, as written.
    pub title: Option<String>,
    /// The proper name, as written, when the mention has one.
    pub name: Option<String>,
    /// The whole mention, as written (for unnamed sources).
    pub phrase: String,
}

/// Splits a mention into title and name.
pub fn split_mention(p: &Prepared, mention: Span) -> NameParts {
    let a = p.tokens.at_or_after(mention.start);
    let b = p.tokens.ending_by(mention.end).max(a);
    let words: Vec<usize> = (a..b)
        .filter(|&k| p.tokens.list[k].kind != TokenKind::Newline)
        .collect();
    let phrase = mention.slice(p.text).trim().to_string();
    if words.is_empty() {
        return NameParts {
            phrase,
            ..NameParts::default()
        };
    }
    let arabic = is_arabic_letter(p.word(words[0]).chars().next().unwrap_or(' '));
    let name_from = if arabic {
        arabic_name_start(p, &words)
    } else {
        latin_name_start(p, &words)
    };
    let slice = |from: usize, to: usize| -> Option<String> {
        (from < to).then(|| {
            let s = p.tokens.list[words[from]].span.start;
            let e = p.tokens.list[words[to - 1]].span.end;
            p.text[s..e].trim().to_string()
        })
    };
    match name_from {
        Some(i) => NameParts {
            title: slice(0, i),
            name: slice(i, words.len()),
            phrase,
        },
        None => NameParts {
            title: None,
            name: None,
            phrase,
        },
    }
}

/// Index (into `words`) where the proper name starts, or `None` when the
/// mention is a description ("مصادر مطلعة", "الوزارة").
fn arabic_name_start(p: &Prepared, words: &[usize]) -> Option<usize> {
    let norm = |i: usize| lx::strip_conjunction(p.norm(words[i]));
    // Definiteness is read on the original letters: folding turns the
    // hamza of "إلهام" into the article's alef.
    let definite_at = |i: usize| {
        let w = p.word(words[i]);
        let w = w
            .strip_prefix('و')
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(w);
        w.starts_with("ال") || w.starts_with("بال") || w.starts_with("لل")
    };
    if lx::is_ar_title_word(norm(0)) || lx::is_ar_title_word(p.norm(words[0])) {
        // Title phrase: the head, then its genitive and adjective chain.
        let indefinite_head = !definite_at(0);
        let mut i = 1;
        if indefinite_head && i < words.len() && !lx::is_ar_title_word(norm(i)) {
            i += 1; // رئيس أذربيجان، مدرب فريق
        }
        while i < words.len() {
            let w = norm(i);
            if definite_at(i)
                || lx::is_ar_title_word(w)
                || matches!(w, "باسم" | "عام" | "سابق" | "اسبق" | "في" | "عن" | "لدي")
            {
                i += 1;
            } else {
                break;
            }
        }
        if i >= words.len() {
            return None;
        }
        return Some(i);
    }
    // No title: a short phrase whose first word is not a common noun with
    // the article is a name ("لو دريان", "محمد العبدلي", "بوتين").
    let first = norm(0);
    if words.len() <= 4
        && !definite_at(0)
        && !is_descriptor(first)
        && p.tokens.list[words[0]].kind == TokenKind::Word
    {
        return Some(0);
    }
    None
}

/// Common nouns that open descriptions of unnamed sources.
fn is_descriptor(w: &str) -> bool {
    matches!(
        w,
        "مصادر"
            | "مصدر"
            | "مسوول"
            | "مسوولون"
            | "مسوولين"
            | "عدد"
            | "احد"
            | "احدي"
            | "عضو"
            | "خبراء"
            | "خبير"
            | "محللون"
            | "شهود"
            | "سكان"
            | "دراسه"
            | "تقرير"
            | "بيان"
            | "وزاره"
            | "لجنه"
            | "هيئه"
            | "مجلس"
            | "متحدث"
            | "ناطق"
            | "مراسل"
            | "مسوولو"
            | "نشطاء"
            | "ناشطون"
            | "مواطنون"
            | "وكاله"
            | "صحيفه"
            | "موقع"
            | "قناه"
            | "جهاز"
            | "منظمه"
    )
}

fn latin_name_start(p: &Prepared, words: &[usize]) -> Option<usize> {
    // The name is the trailing run of capitalised words that are not titles
    // (name particles and hyphens allowed inside).
    let is_cap = |k: usize| {
        let w = p.word(k);
        w.chars().next().is_some_and(char::is_uppercase)
    };
    let mut start = words.len();
    let mut seen_name = false;
    for i in (0..words.len()).rev() {
        let k = words[i];
        let t = &p.tokens.list[k];
        if t.kind == TokenKind::Punct {
            if matches!(p.word(k), "-" | "'" | "’" | ".") && seen_name {
                start = i;
                continue;
            }
            if seen_name {
                break;
            }
            return None;
        }
        let w = p.norm(k);
        if is_cap(k) && !lx::is_en_fr_title(w) {
            start = i;
            seen_name = true;
        } else if seen_name
            && lx::is_name_particle(w)
            && i > 0
            && is_cap(words[i - 1])
            && !lx::is_en_fr_title(p.norm(words[i - 1]))
        {
            start = i;
        } else {
            break;
        }
    }
    if !seen_name {
        return None;
    }
    // "procureur de Paris François Molins", "Secretary of State Antony
    // Blinken": the first capital after "de"/"of" completes the title.
    if start > 0
        && words.len() - start >= 3
        && matches!(p.norm(words[start - 1]), "de" | "of" | "du" | "des")
    {
        start += 1;
    }
    // Skip punctuation left at the start of the name ("M. Molins" → "Molins").
    while start < words.len() && p.tokens.list[words[start]].kind == TokenKind::Punct {
        start += 1;
    }
    (start < words.len()).then_some(start)
}

/// Folded words of a string, with the Arabic article and conjunctions
/// stripped, for comparing names and titles.
fn key_words(p: &Prepared, s: &str) -> Vec<String> {
    let _ = p;
    crate::chars::fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = lx::strip_conjunction(w);
            w.strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w)
                .to_string()
        })
        .collect()
}

struct Cluster {
    speaker: Speaker,
    name_words: Vec<String>,
    title_words: Vec<String>,
    phrase_words: Vec<String>,
    named: bool,
}

/// Clusters the quotes' speaker mentions. Returns the speakers and, for
/// each quote, the index of its speaker.
pub fn cluster(p: &Prepared, quotes: &[FoundQuote]) -> (Vec<Speaker>, Vec<Option<usize>>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut recent: Vec<usize> = Vec::new(); // cluster indices, most recent last
    for (qi, q) in quotes.iter().enumerate() {
        let Some(m) = q.mention else {
            of[qi] = q.same_speaker_as.and_then(|j| of.get(j).copied().flatten());
            continue;
        };
        let parts = split_mention(p, m);
        let name_words = parts
            .name
            .as_deref()
            .map(|n| key_words(p, n))
            .unwrap_or_default();
        let title_words = parts
            .title
            .as_deref()
            .map(|t| key_words(p, t))
            .unwrap_or_default();
        let phrase_words = key_words(p, &parts.phrase);
        if phrase_words.is_empty() {
            continue;
        }
        let found = if !name_words.is_empty() {
            clusters
                .iter()
                .position(|c| c.named && names_match(&c.name_words, &name_words))
        } else {
            // A title or description alone: the most recent speaker whose
            // title or description shares its head word.
            recent.iter().rev().copied().find(|&ci| {
                let c = &clusters[ci];
                descriptions_match(&phrase_words, &c.title_words)
                    || descriptions_match(&phrase_words, &c.phrase_words)
            })
        };
        let ci = match found {
            Some(ci) => {
                let c = &mut clusters[ci];
                if let Some(name) = &parts.name {
                    if name.chars().count() > c.speaker.name.chars().count() && c.named {
                        c.speaker.name = name.clone();
                        c.name_words = name_words.clone();
                    }
                }
                if c.speaker.title.is_none() {
                    c.speaker.title = parts.title.clone();
                    c.title_words = title_words;
                }
                c.speaker.mentions.push(m);
                ci
            }
            None => {
                let named = parts.name.is_some();
                clusters.push(Cluster {
                    speaker: Speaker {
                        id: format!("s{}", clusters.len() + 1),
                        name: parts.name.clone().unwrap_or_else(|| parts.phrase.clone()),
                        title: if named { parts.title.clone() } else { None },
                        mentions: vec![m],
                    },
                    name_words,
                    title_words: if named { title_words } else { Vec::new() },
                    phrase_words,
                    named,
                });
                clusters.len() - 1
            }
        };
        recent.retain(|&r| r != ci);
        recent.push(ci);
        of[qi] = Some(ci);
    }
    // Resolve implicit quotes that point at quotes resolved later in order.
    for qi in 0..quotes.len() {
        if of[qi].is_none() {
            of[qi] = quotes[qi]
                .same_speaker_as
                .and_then(|j| of.get(j).copied().flatten());
        }
    }
    (clusters.into_iter().map(|c| c.speaker).collect(), of)
}

/// Two names match when one's words are all in the other ("لو دريان" and
/// "جان إيف لو دريان"; "Molins" and "François Molins").
fn names_match(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// A description matches when its head word (its first content word) is
/// the same as, or a prefix of, a word of the other ("المسؤول" and
/// "أحد المسؤولين"; "the minister" and "Foreign Minister").
fn descriptions_match(desc: &[String], other: &[String]) -> bool {
    let head = desc.iter().find(|w| {
        !matches!(
            w.as_str(),
            "the"
                | "a"
                | "an"
                | "le"
                | "la"
                | "les"
                | "l"
                | "un"
                | "une"
                | "sa"
                | "son"
                | "his"
                | "her"
                | "its"
                | "their"
        )
    });
    let Some(head) = head else { return false };
    if head.chars().count() < 3 {
        return false;
    }
    other.iter().any(|w| {
        w == head || w.starts_with(head.as_str()) && w.chars().count() <= head.chars().count() + 3
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;

    fn speakers(text: &str) -> (Vec<Speaker>, Vec<Option<usize>>) {
        let p = Prepared::new(text, None);
        let q = quotes::detect(&p, &[]);
        cluster(&p, &q)
    }

    fn parts(text: &str) -> NameParts {
        let p = Prepared::new(text, None);
        split_mention(&p, Span::new(0, text.len()))
    }

    #[test]
    fn splits_titles_from_names() {
        let got = parts("وزير الخارجية الفرنسي جان إيف لو دريان");
        assert_eq!(got.name.as_deref(), Some("جان إيف لو دريان"));
        assert_eq!(got.title.as_deref(), Some("وزير الخارجية الفرنسي"));
        let got = parts("رئيس أذربيجان إلهام علييف");
        assert_eq!(got.name.as_deref(), Some("إلهام علييف"));
        assert_eq!(parts("مصادر مطلعة").name, None);
        let got = parts("White House Press Secretary Sean Spicer");
        assert_eq!(got.name.as_deref(), Some("Sean Spicer"));
        let got = parts("Le procureur de Paris François Molins");
        assert_eq!(got.name.as_deref(), Some("François Molins"));
        assert_eq!(parts("M. Molins").name.as_deref(), Some("Molins"));
        assert_eq!(parts("the reporter").name, None);
    }

    #[test]
    fn surname_and_title_resolve_to_one_speaker() {
        let text = "قال الرئيس الروسي فلاديمير بوتين إن الوضع هادئ.\nوقال بوتين إن الاتفاق صامد.\nوأشار الرئيس الروسي إلى أن الحدود مفتوحة.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "فلاديمير بوتين");
        assert_eq!(s[0].title.as_deref(), Some("الرئيس الروسي"));
        assert_eq!(of, vec![Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn implicit_speaker_carries_over() {
        let text = "قالت وزارة الصحة إن الإصابات ارتفعت.\nوأضافت أن الوفيات انخفضت.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
    }
}
