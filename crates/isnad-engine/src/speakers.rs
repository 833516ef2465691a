//! Speakers as entities: the quotes' speaker mentions clustered per person
//! or body, each with a canonical name (the fullest proper name the article
//! gives) and a title kept apart ("وزير الخارجية الفرنسي جان إيف لو دريان"
//! → name "جان إيف لو دريان", title "وزير الخارجية الفرنسي"). A later
//! surname ("لو دريان") or a title alone ("الرئيس الروسي", "the minister")
//! resolves to the speaker introduced earlier with it.

use crate::chars::is_arabic_letter;
use crate::fasthash::{FastMap, FastSet};
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
    /// A second title after the name when one also stands before it
    /// ("الدكتور سامي الحداد، وزير النقل" → "وزير النقل").
    pub office: Option<String>,
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
    if arabic {
        // A name then its title in apposition: "صادق الخضور الناطق باسم
        // الوزارة", "ماسة سعيد عضو النقابة".
        if let Some(j) = arabic_trailing_title(p, &words) {
            let s = p.tokens.list[words[0]].span.start;
            let e = p.tokens.list[words[j - 1]].span.end;
            let ts = p.tokens.list[words[j]].span.start;
            let te = p.tokens.list[words[words.len() - 1]].span.end;
            return NameParts {
                title: Some(p.text[ts..te].trim().to_string()),
                name: Some(p.text[s..e].trim().to_string()),
                phrase,
                office: None,
            };
        }
    }
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
        Some(i) => {
            // "السيد الجواهري والي بنك المغرب": a title after the name ends it.
            let end = if arabic {
                (i + 1..words.len())
                    .find(|&j| {
                        let w = lx::strip_conjunction(p.norm(words[j]));
                        lx::is_ar_title_word(p.norm(words[j]))
                            || lx::is_ar_title_word(w)
                            || is_descriptor(w)
                    })
                    .unwrap_or(words.len())
            } else {
                words.len()
            };
            let before = slice(0, i);
            let after = slice(end, words.len());
            NameParts {
                office: if before.is_some() {
                    after.clone()
                } else {
                    None
                },
                title: before.or(after),
                name: slice(i, end),
                phrase,
            }
        }
        None => NameParts {
            title: None,
            name: None,
            phrase,
            office: None,
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
    // A title shortened to a letter and a full stop ("م. خالد", "أ. سمير").
    if words.len() >= 3
        && crate::segment::is_abbreviation_stop(p.text, &p.tokens, words[1])
        && words[1] == words[0] + 1
    {
        return Some(2);
    }
    // An honorific is followed by the name itself, even a definite family
    // name alone ("السيد الجواهري", "الدكتورة العلي").
    if words.len() >= 2
        && matches!(
            norm(0),
            "السيد"
                | "السيده"
                | "الدكتور"
                | "الدكتوره"
                | "الشيخ"
                | "الشيخه"
                | "الاستاذ"
                | "الاستاذه"
                | "المهندس"
                | "المهندسه"
        )
        && p.tokens.list[words[1]].kind == TokenKind::Word
        && !lx::is_ar_title_word(lx::strip_conjunction(p.norm(words[1])))
    {
        return Some(1);
    }
    if lx::is_ar_title_word(norm(0)) || lx::is_ar_title_word(p.norm(words[0])) {
        // Title phrase: the head, then its genitive and adjective chain.
        let indefinite_head = !definite_at(0);
        let mut i = 1;
        if indefinite_head && i < words.len() && !lx::is_ar_title_word(norm(i)) {
            i += 1; // رئيس أذربيجان، مدرب فريق
        }
        while i < words.len() {
            let w = norm(i);
            // "الناطق باسم وزارة الصحة": the body named after "باسم" is
            // part of the title.
            let body_after_on_behalf =
                i > 0 && norm(i - 1) == "باسم" && (is_body(w) || is_body(p.norm(words[i])));
            if definite_at(i)
                || body_after_on_behalf
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
    // A family name alone ("العبدلي" in "العبدلي: …").
    if words.len() == 1 && definite_at(0) && first.ends_with('ي') && !lx::is_ar_title_word(first) {
        return Some(0);
    }
    if words.len() <= 4
        && !definite_at(0)
        && !is_descriptor(first)
        && p.tokens.list[words[0]].kind == TokenKind::Word
    {
        return Some(0);
    }
    None
}

/// Where the title starts in an Arabic mention that opens with a proper name
/// and puts the title after it ("صادق الخضور الناطق باسم الوزارة" → 2): the
/// first title or descriptor word after one to four name words.
fn arabic_trailing_title(p: &Prepared, words: &[usize]) -> Option<usize> {
    let norm = |i: usize| lx::strip_conjunction(p.norm(words[i]));
    let first = p.word(words[0]);
    if words.len() < 3
        || first.starts_with("ال")
        || lx::is_ar_title_word(norm(0))
        || is_descriptor(norm(0))
        || lx::is_ar_verb(norm(0))
    {
        return None;
    }
    let j = (1..words.len().min(5)).find(|&i| {
        let w = norm(i);
        let bare = w.strip_prefix("ال").unwrap_or(w);
        // "والي" is a title, not و + "الي".
        lx::is_ar_title_word(p.norm(words[i]))
            || lx::is_ar_title_word(w)
            || is_descriptor(w)
            || is_descriptor(bare)
    })?;
    (0..j)
        .all(|i| p.tokens.list[words[i]].kind == TokenKind::Word)
        .then_some(j)
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
    // "Sylvie d’Amours", "Giscard d'Estaing": the particle joins two names.
    if start >= 2
        && start < words.len()
        && matches!(p.word(words[start]), "'" | "’")
        && p.norm(words[start - 1]) == "d"
        && is_cap(words[start - 2])
        && !lx::is_en_fr_title(p.norm(words[start - 2]))
    {
        start -= 2;
        while start > 0 && is_cap(words[start - 1]) && !lx::is_en_fr_title(p.norm(words[start - 1]))
        {
            start -= 1;
        }
    }
    // Skip punctuation left at the start of the name ("M. Molins" → "Molins").
    while start < words.len() && p.tokens.list[words[start]].kind == TokenKind::Punct {
        start += 1;
    }
    // "procureur de Paris François Molins", "Secretary of State Antony
    // Blinken": the first capital after "de"/"of" completes the title; a
    // short run after it is a place ("le parquet de Paris", "the MP for
    // Abetifi", "le ministre de
    // l'Éducation") and the mention has no name.
    let mut before = start;
    if before >= 2 && p.norm(words[before - 1]) == "'" && p.norm(words[before - 2]) == "l" {
        before -= 2;
    }
    if before > 0
        && matches!(
            p.norm(words[before - 1]),
            "de" | "of" | "for" | "du" | "des" | "d"
        )
    {
        if words.len() - start >= 3 {
            start += 1;
        } else {
            return None;
        }
    }
    // "The police command in Anambra State": a short run after "in"/"at"
    // is where the body is.
    if before > 0
        && matches!(p.norm(words[before - 1]), "in" | "at")
        && words.len() - start <= 2
        && before >= 2
    {
        return None;
    }
    (start < words.len()).then_some(start)
}

/// Folded words of a string, with the Arabic article and conjunctions
/// stripped, for comparing names and titles.
fn key_words(s: &str) -> Vec<String> {
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

/// The keys of a title's words, each also kept with a leading و that may
/// be its first letter ("وزير" → "زير" and "وزير").
fn title_keys(s: &str) -> Vec<String> {
    crate::chars::fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let a = key(w);
            let b = key_keeping_waw(w);
            [Some(a.to_string()), (a != b).then(|| b.to_string())]
        })
        .flatten()
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
    // The named clusters by each word of their names, so that a name is
    // matched against the clusters sharing a word with it only.
    let mut by_word: FastMap<String, Vec<usize>> = FastMap::default();
    let mut of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut recent: Vec<usize> = Vec::new(); // cluster indices, most recent last
                                             // Split every mention first, to know which words the text must be
                                             // searched for (fuller names, names behind descriptions).
    let mut split: Vec<Option<NameParts>> = quotes
        .iter()
        .map(|q| q.mention.map(|m| split_mention(p, m)))
        .collect();
    let mut queries = FastSet::default();
    for (q, parts) in quotes.iter().zip(&split) {
        if let (Some(m), Some(parts)) = (q.mention, parts) {
            let first = match &parts.name {
                Some(name) => key_words(name).into_iter().next(),
                None => description_keys(p, m).into_iter().next(),
            };
            queries.extend(first);
        }
    }
    let index = WordIndex::new(p, queries);
    let idx = &index;
    for (qi, q) in quotes.iter().enumerate() {
        let (Some(m), Some(parts)) = (q.mention, split[qi].take()) else {
            of[qi] = q.same_speaker_as.and_then(|j| of.get(j).copied().flatten());
            continue;
        };
        let mut parts = parts;
        if key_words(&parts.phrase).is_empty() {
            continue;
        }
        if let Some(name) = interviewee_after_outlet(p, m) {
            // "Talking to Bangladesh Post, Jane Doe, a student, said": the
            // outlet is who was spoken to; the speaker is the name after it.
            parts = NameParts {
                title: None,
                name: Some(name.clone()),
                phrase: name,
                office: None,
            };
        }
        let phrase_words = key_words(&parts.phrase);
        let mut found = None;
        if parts.name.is_none() {
            // "المتحدث باسم الوزارة في حكومة الإقليم، هيوا علي، …": the name
            // in apposition after the title.
            if let Some(name) = arabic_name_after_title(p, m) {
                parts.title = Some(parts.phrase.clone());
                parts.name = Some(name);
            }
        }
        if parts.name.is_none() {
            // A title or description alone: the most recent speaker whose
            // title or description has its words.
            found = recent.iter().rev().copied().find(|&ci| {
                let c = &clusters[ci];
                descriptions_match(&phrase_words, &c.title_words)
                    || descriptions_match(&phrase_words, &c.phrase_words)
            });
            if found.is_none() {
                // Otherwise the text may name it elsewhere: "the president" →
                // "President Donald Trump"; "الوزارة" → "وزارة التنمية …".
                if let Some(name) = resolve_description(p, idx, m) {
                    parts.title = Some(parts.phrase.clone());
                    parts.name = Some(name);
                } else if is_definite_role(p, m) {
                    // "the MP for Abetifi", "le directeur du festival" with
                    // no one named so: the person just quoted.
                    found = recent.last().copied().filter(|&ci| clusters[ci].named);
                }
            }
        }
        if parts.name.is_some() && parts.title.is_none() {
            parts.title = appositive_title(p, m);
        }
        let mut name_words = parts.name.as_deref().map(key_words).unwrap_or_default();
        if found.is_none() && !name_words.is_empty() {
            found = named_cluster(&clusters, &by_word, &name_words);
            if found.is_none() {
                // A new person: look for the fullest form of the name.
                if let Some(full) = fuller_name(p, idx, &name_words) {
                    name_words = key_words(&full);
                    parts.name = Some(full);
                    found = named_cluster(&clusters, &by_word, &name_words);
                }
            }
        }
        let mut title_words = parts.title.as_deref().map(key_words).unwrap_or_default();
        if parts.name.is_some() {
            // An honorific before the name and the office after it ("الدكتور
            // خالد، وزير الصحة"): a later "الوزير" is this person too.
            if let Some(office) = &parts.office {
                title_words.extend(title_keys(office));
            }
            if let Some(after) = appositive_title(p, m) {
                if parts.title.as_deref() != Some(after.as_str()) {
                    title_words.extend(title_keys(&after));
                }
            }
        }
        let ci = match found {
            Some(ci) => {
                let c = &mut clusters[ci];
                if let Some(name) = &parts.name {
                    if c.named && name.chars().count() > c.speaker.name.chars().count() {
                        c.speaker.name = name.clone();
                        index_name(&mut by_word, &name_words, ci);
                        c.name_words = name_words;
                    }
                }
                if c.speaker.title.is_none() && parts.name.is_some() {
                    c.speaker.title = parts.title.clone();
                    c.title_words = title_words;
                } else if parts.name.is_some() {
                    for w in title_words {
                        if !c.title_words.contains(&w) {
                            c.title_words.push(w);
                        }
                    }
                }
                c.speaker.mentions.push(m);
                ci
            }
            None => {
                let named = parts.name.is_some();
                if named {
                    index_name(&mut by_word, &name_words, clusters.len());
                }
                clusters.push(Cluster {
                    speaker: Speaker {
                        id: format!("s{}", clusters.len() + 1),
                        name: parts
                            .name
                            .clone()
                            .unwrap_or_else(|| with_french_article(p, m, &parts.phrase)),
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

/// The first named cluster whose name matches `name_words` (see
/// [`names_match`]), among those sharing a word with it.
fn named_cluster(
    clusters: &[Cluster],
    by_word: &FastMap<String, Vec<usize>>,
    name_words: &[String],
) -> Option<usize> {
    name_words
        .iter()
        .filter_map(|w| by_word.get(w))
        .flatten()
        .copied()
        .filter(|&ci| clusters[ci].named && names_match(&clusters[ci].name_words, name_words))
        .min()
}

/// Records a named cluster under each word of its name.
fn index_name(by_word: &mut FastMap<String, Vec<usize>>, name_words: &[String], ci: usize) {
    for w in name_words {
        let v = by_word.entry(w.clone()).or_default();
        if v.last() != Some(&ci) {
            v.push(ci);
        }
    }
}

/// A French description named after a preposition that swallowed its
/// article ("explique-t-on **au** parquet de Paris", "selon **les services
/// du** ministère") gets the article back, as the body is named elsewhere:
/// "le parquet de Paris".
fn with_french_article(p: &Prepared, mention: Span, phrase: &str) -> String {
    let Some(&first) = mention_words(p, mention).first() else {
        return phrase.to_string();
    };
    if p.lang_at(first) != crate::Lang::Fr {
        return phrase.to_string();
    }
    let before = (0..first)
        .rev()
        .find(|&k| p.tokens.list[k].kind == TokenKind::Word)
        .map(|k| p.norm(k));
    let article = match before {
        Some("au" | "du") => "le ",
        Some("aux" | "des") => "les ",
        _ => return phrase.to_string(),
    };
    format!("{article}{phrase}")
}

/// A title in apposition after a name: "Silvain Guillaume-Gentil,
/// porte-parole de la police genevoise", "محمد العبدلي، مدرب فريق التعاون".
fn appositive_title(p: &Prepared, mention: Span) -> Option<String> {
    let n = p.tokens.len();
    let c = p.tokens.at_or_after(mention.end);
    if c >= n || !matches!(p.word(c), "," | "،") {
        return None;
    }
    let a = c + 1;
    let mut k = a;
    while k < n
        && k - a < 8
        && !matches!(p.word(k), "," | "،" | "." | ":" | ";" | "\n")
        && p.tokens.list[k].kind != TokenKind::Newline
    {
        k += 1;
    }
    if k == a {
        return None;
    }
    let head = (a..k).find(|&i| !lx::is_determiner(p.norm(i)))?;
    let w = p.norm(head);
    let title = lx::is_ar_title_word(w)
        || lx::is_ar_title_word(lx::strip_conjunction(w))
        || lx::is_en_fr_title(w) && !lx::is_determiner(w);
    title.then(|| p.text[p.tokens.list[a].span.start..p.tokens.list[k - 1].span.end].to_string())
}

/// The matching key of a folded word: conjunction and article stripped.
fn key(w: &str) -> &str {
    let w = lx::strip_conjunction(w);
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

/// The article-stripped form of a word without touching a leading و/ف,
/// which may be its first letter ("وزارة") rather than a conjunction.
fn key_keeping_waw(w: &str) -> &str {
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

/// True when a text word matches a key either way (see [`key`] and
/// [`key_keeping_waw`]).
fn word_matches(norm: &str, wanted: &str) -> bool {
    key(norm) == wanted || key_keeping_waw(norm) == wanted
}

/// Finds where words occur in the text. The words asked about are known
/// before the first question (the first words of the names and
/// descriptions of the document's speakers), so one pass over the tokens,
/// made on first use, records the positions of just those.
struct WordIndex<'p> {
    p: &'p Prepared<'p>,
    queries: FastSet<String>,
    positions: std::cell::OnceCell<FastMap<String, Vec<u32>>>,
}

impl<'p> WordIndex<'p> {
    fn new(p: &'p Prepared<'p>, queries: FastSet<String>) -> Self {
        WordIndex {
            p,
            queries,
            positions: std::cell::OnceCell::new(),
        }
    }

    fn positions_of(&self, first: &str) -> impl Iterator<Item = usize> + '_ {
        let p = self.p;
        let positions = self.positions.get_or_init(|| {
            let mut map: FastMap<String, Vec<u32>> = FastMap::default();
            if self.queries.is_empty() {
                return map;
            }
            // Cheap filters before hashing: most words differ from every
            // query in length or first byte.
            let (mut shortest, mut longest) = (usize::MAX, 0);
            let mut first_bytes = [false; 256];
            for q in &self.queries {
                shortest = shortest.min(q.len());
                longest = longest.max(q.len());
                if let Some(&b) = q.as_bytes().first() {
                    first_bytes[usize::from(b)] = true;
                }
            }
            for (i, t) in p.tokens.list.iter().enumerate() {
                if t.kind == TokenKind::Word {
                    let norm = p.tokens.norm(i);
                    let (a, b) = (key(norm), key_keeping_waw(norm));
                    for k in [Some(a), (b != a).then_some(b)].into_iter().flatten() {
                        let plausible = (shortest..=longest).contains(&k.len())
                            && k.as_bytes()
                                .first()
                                .is_some_and(|&x| first_bytes[usize::from(x)]);
                        if plausible && self.queries.contains(k) {
                            map.entry(k.to_string()).or_default().push(i as u32);
                        }
                    }
                }
            }
            map
        });
        positions
            .get(first)
            .into_iter()
            .flatten()
            .map(|&i| i as usize)
    }

    /// Start positions where the keys `words` occur as consecutive tokens.
    fn occurrences<'a>(
        &'a self,
        p: &'a Prepared,
        words: &'a [String],
    ) -> impl Iterator<Item = usize> + 'a {
        let first = words.first().map(String::as_str).unwrap_or("");
        self.positions_of(first)
            .filter(move |&k| {
                words.iter().enumerate().skip(1).all(|(j, w)| {
                    k + j < p.tokens.len()
                        && p.tokens.list[k + j].kind == TokenKind::Word
                        && word_matches(p.tokens.norm(k + j), w)
                })
            })
            // Bounded work on huge documents: the first occurrences suffice.
            .take(64)
    }
}

fn is_capitalised(p: &Prepared, k: usize) -> bool {
    p.tokens.list[k].kind == TokenKind::Word
        && p.word(k).chars().next().is_some_and(char::is_uppercase)
}

fn is_definite(p: &Prepared, k: usize) -> bool {
    let w = p.word(k);
    let w = w
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    w.starts_with("ال") || w.starts_with("بال") || w.starts_with("لل")
}

/// An Arabic word that can be part of a personal name: not a function
/// word, cue, title, time word or common noun with the article.
fn arabic_name_word(p: &Prepared, k: usize) -> bool {
    let t = &p.tokens.list[k];
    if t.kind != TokenKind::Word || !is_arabic_letter(p.word(k).chars().next().unwrap_or(' ')) {
        return false;
    }
    let w = p.norm(k);
    let bare = lx::strip_conjunction(w);
    !(is_definite(p, k)
        || lx::is_ar_stop_preposition(w)
        || lx::is_ar_time_word(w)
        || lx::is_ar_complementiser(w)
        || lx::is_ar_title_word(w)
        || lx::is_ar_verb(bare)
        || lx::is_ar_according(w)
        || is_descriptor(bare)
        || w.chars().count() < 2)
}

/// A family name with the article and the nisba ending ("العبدلي").
fn arabic_nisba(p: &Prepared, k: usize) -> bool {
    p.tokens.list[k].kind == TokenKind::Word
        && is_definite(p, k)
        && p.norm(k).ends_with('ي')
        && !lx::is_ar_time_word(p.norm(k))
        && !lx::is_ar_title_word(p.norm(k))
}

/// The fullest form of a name found in the text: "العبدلي" → "محمد
/// العبدلي", "Shafie" → "Shafie Apdal", "دعاء" → "دعاء الحذيفي".
fn fuller_name(p: &Prepared, idx: &WordIndex, name_words: &[String]) -> Option<String> {
    // Names of two words or more are taken as complete, but for an Arabic
    // patronymic alone ("ولد شدو", "بن سالم").
    let patronymic = name_words.len() == 2 && is_patronymic_link(&name_words[0]);
    let n = p.tokens.len();
    // A hyphenated surname ("St-Louis"): its two parts around a hyphen.
    let hyphenated: Vec<usize> = if name_words.len() == 2 && !patronymic {
        idx.positions_of(&name_words[0])
            .filter(|&k| {
                k + 2 < n
                    && p.word(k + 1) == "-"
                    && word_matches(p.tokens.norm(k + 2), &name_words[1])
            })
            .take(64)
            .collect()
    } else {
        Vec::new()
    };
    if name_words.len() != 1 && !patronymic && hyphenated.is_empty() {
        return None;
    }
    let span_len = if hyphenated.is_empty() {
        name_words.len()
    } else {
        3
    };
    let starts: Vec<usize> = if hyphenated.is_empty() {
        idx.occurrences(p, name_words).collect()
    } else {
        hyphenated
    };
    let mut best: Option<(usize, usize)> = None;
    for k in starts {
        let (mut a, mut b) = (k, k + span_len);
        let arabic = is_arabic_letter(p.word(k).chars().next().unwrap_or(' '));
        if arabic {
            // One given name before, when the context shows a name slot
            // starts there (after a cue verb, a title, a comma, a line start).
            // "عبد الكريم النجار": the compound given name "عبد" + a
            // definite attribute of God.
            if a >= 2 && p.norm(a - 2) == "عبد" && is_definite(p, a - 1) {
                a -= 2;
            } else if a > 0 && arabic_name_word(p, a - 1) {
                let slot = a < 2 || {
                    let before = a - 2;
                    let t = &p.tokens.list[before];
                    t.kind != TokenKind::Word
                        || lx::is_ar_verb(lx::strip_conjunction(p.norm(before)))
                        || lx::is_ar_title_word(p.norm(before))
                        || is_definite(p, before)
                        || is_patronymic_link(p.norm(before))
                };
                if slot {
                    a -= 1;
                    // A chain of "بن"/"ولد" links: "خالد بن محمد المشيخي".
                    let mut links = 0;
                    while links < 2
                        && a >= 2
                        && is_patronymic_link(p.norm(a - 1))
                        && arabic_name_word(p, a - 2)
                    {
                        a -= 2;
                        links += 1;
                    }
                    // A compound given name: "عبد اللطيف", "أبو بكر".
                    if a > 0 && matches!(p.norm(a - 1), "عبد" | "ابو" | "ابي") {
                        a -= 1;
                    }
                }
            }
            if b < n && arabic_nisba(p, b) {
                b += 1;
            }
        } else {
            // Not across a preposition: "bourgmestre de Bruxelles Yvan
            // Mayeur"; but one given name may follow it when no title
            // governs it ("les Lions de l'Atlas de Houcine Ammouta").
            while a > 0
                && k - a < 2
                && is_capitalised(p, a - 1)
                && !lx::is_en_fr_title(p.norm(a - 1))
                && !(a >= 2
                    && matches!(
                        p.norm(a - 2),
                        "de" | "of" | "du" | "in" | "a" | "en" | "des"
                    )
                    && (k - a > 0 || a < 3 || lx::is_en_fr_title(p.norm(a - 3))))
            {
                a -= 1;
            }
            while b < n
                && b - k < span_len + 2
                && is_capitalised(p, b)
                && !lx::is_en_fr_title(p.norm(b))
            {
                b += 1;
            }
        }
        if best.is_none_or(|(x, y)| b - a > y - x) {
            best = Some((a, b));
        }
    }
    let (a, b) = best?;
    (b - a > span_len).then(|| {
        let s = p.tokens.list[a].span.start;
        let e = p.tokens.list[b - 1].span.end;
        p.text[s..e].to_string()
    })
}

/// A personal name set off by commas right after an Arabic title mention,
/// within the same clause: "المتحدث باسم الوزارة في حكومة الإقليم، هيوا
/// علي، لشبكة …" → "هيوا علي".
fn arabic_name_after_title(p: &Prepared, mention: Span) -> Option<String> {
    let words = mention_words(p, mention);
    let &first = words.first()?;
    let head = lx::strip_conjunction(p.norm(first));
    if !is_arabic_letter(p.word(first).chars().next().unwrap_or(' '))
        || !(lx::is_ar_title_word(head) || lx::is_ar_title_word(p.norm(first)))
    {
        return None;
    }
    let n = p.tokens.len();
    let from = p.tokens.at_or_after(mention.end);
    let mut k = from;
    while k < n && k - from < 8 && p.word(k) != "،" && p.word(k) != "," {
        let t = &p.tokens.list[k];
        if t.kind != TokenKind::Word {
            return None;
        }
        k += 1;
    }
    if k >= n || !matches!(p.word(k), "،" | ",") {
        return None;
    }
    let s = k + 1;
    let mut e = s;
    // Between the commas a given name may be followed by a word that folds
    // like a preposition ("علي" as "على").
    let later_name_word = |e: usize| {
        arabic_nisba(p, e)
            || p.tokens.list[e].kind == TokenKind::Word
                && is_arabic_letter(p.word(e).chars().next().unwrap_or(' '))
                && !is_definite(p, e)
                && !lx::is_ar_title_word(p.norm(e))
                && !lx::is_ar_verb(lx::strip_conjunction(p.norm(e)))
                && !is_descriptor(p.norm(e))
    };
    while e < n && e - s < 4 && (arabic_name_word(p, e) || e > s && later_name_word(e)) {
        e += 1;
    }
    // A definite family name closing the name before the comma ("سامر
    // الحداد،").
    if e > s
        && e + 1 < n
        && e - s < 4
        && p.tokens.list[e].kind == TokenKind::Word
        && is_definite(p, e)
        && matches!(p.word(e + 1), "،" | ",")
    {
        e += 1;
    }
    let closed = e < n && matches!(p.word(e), "،" | ",");
    (e - s >= 2 && closed)
        .then(|| p.text[p.tokens.list[s].span.start..p.tokens.list[e - 1].span.end].to_string())
}

/// The name set off by commas after an outlet spoken to: "Talking to
/// Bangladesh Post, Jane Doe, a student, said" → "Jane Doe".
fn interviewee_after_outlet(p: &Prepared, mention: Span) -> Option<String> {
    let words = mention_words(p, mention);
    let &first = words.first()?;
    let spoke_to = |verb: usize, to: usize| {
        matches!(p.norm(verb), "talking" | "speaking") && p.norm(to) == "to"
    };
    // The phrase is in the mention ("Talking to Bangladesh Post") or just
    // before it.
    let inside = words.len() >= 3 && spoke_to(words[0], words[1]);
    let word_before = |k: usize| {
        (0..k)
            .rev()
            .find(|&j| p.tokens.list[j].kind == TokenKind::Word)
    };
    let before = word_before(first)
        .and_then(|to| word_before(to).map(|verb| spoke_to(verb, to)))
        .unwrap_or(false);
    if !inside && !before {
        return None;
    }
    let n = p.tokens.len();
    let c = p.tokens.at_or_after(mention.end);
    if c >= n || p.word(c) != "," {
        return None;
    }
    let s = c + 1;
    let mut e = s;
    while e < n && e - s < 4 && is_capitalised(p, e) && !lx::is_en_fr_title(p.norm(e)) {
        e += 1;
    }
    (e - s >= 2 && e < n && p.word(e) == ",")
        .then(|| p.text[p.tokens.list[s].span.start..p.tokens.list[e - 1].span.end].to_string())
}

/// A definite English or French role phrase headed by a title word: "the
/// MP for Abetifi", "le directeur du festival".
fn is_definite_role(p: &Prepared, mention: Span) -> bool {
    let words = mention_words(p, mention);
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    // Arabic writes unnamed officials this way ("المسؤول القطري"), so
    // only English and French roles are taken.
    let first = p.norm(words[0]);
    let head = match first {
        "the" | "le" | "la" => words.get(1),
        "l" => words.get(1).filter(|&&k| k == words[0] + 2),
        _ => None,
    };
    // A role, not a body's proper name ("the White House").
    head.is_some_and(|&k| {
        // "l'élu", "l'édile": a French elected official, not a title word
        // elsewhere.
        (lx::is_en_fr_title(p.norm(k)) || matches!(p.norm(k), "elu" | "elue" | "edile"))
            && !lx::is_determiner(p.norm(k))
            && !(k + 1 < p.tokens.len() && is_capitalised(p, k) && is_capitalised(p, k + 1))
    })
}

/// The link words of Arabic patronymics ("ولد شدو", "خالد بن محمد").
fn is_patronymic_link(w: &str) -> bool {
    matches!(w, "بن" | "ولد" | "بنت" | "ابن")
}

/// The proper name the text gives to a description used as a speaker:
/// "the former FBI director" → "James Comey" (from "former FBI Director
/// James Comey"), "الرئيس الروسي" → "فلاديمير بوتين", and for a body,
/// "الوزارة" → "وزارة التنمية الاجتماعية الفلسطينية".
fn resolve_description(p: &Prepared, idx: &WordIndex, mention: Span) -> Option<String> {
    let words = mention_words(p, mention);
    if words.is_empty() {
        return None;
    }
    let keys = description_keys(p, mention);
    if keys.is_empty() || keys.len() > 5 {
        return None;
    }
    let n = p.tokens.len();
    let text = |x: usize, y: usize| {
        p.text[p.tokens.list[x].span.start..p.tokens.list[y - 1].span.end].to_string()
    };
    let arabic = is_arabic_letter(p.word(words[0]).chars().next().unwrap_or(' '));
    if arabic {
        // A body: "الوزارة" → the construct "وزارة X Y" named earlier.
        if keys.len() == 1 && is_body(&keys[0]) {
            // The fullest form the text gives ("وزارة التنمية الاجتماعية
            // الفلسطينية" over "وزارة التنمية الاجتماعية").
            let mut best: Option<(usize, usize)> = None;
            for k in idx.occurrences(p, &keys).filter(|&k| k != words[0]) {
                if is_definite(p, k) {
                    continue;
                }
                let mut e = k + 1;
                while e < n
                    && e - k < 5
                    && p.tokens.list[e].kind == TokenKind::Word
                    && is_definite(p, e)
                {
                    e += 1;
                }
                if e - k >= 2 && best.is_none_or(|(a, b)| e - k > b - a) {
                    best = Some((k, e));
                }
            }
            return best.map(|(a, b)| text(a, b));
        }
        if !lx::is_ar_title_word(p.norm(words[0])) {
            return None;
        }
        for k in idx.occurrences(p, &keys).filter(|&k| k != words[0]) {
            let start = k + keys.len();
            let mut e = start;
            while e < n
                && e - start < 4
                && (arabic_name_word(p, e) || e > start && arabic_nisba(p, e))
            {
                e += 1;
            }
            // Past two words, a name must show its last words again
            // elsewhere ("لو دريان"); otherwise the run has swallowed the
            // next noun ("مايك بومبيو بوقف إطلاق النار").
            if e - start > 2 {
                let tail: Vec<String> = (e - 2..e).map(|t| key(p.norm(t)).to_string()).collect();
                if idx.occurrences(p, &tail).count() < 2 {
                    e = start + 2;
                }
            }
            if e > start {
                return Some(text(start, e));
            }
        }
        return None;
    }
    // Latin: the description written before a name elsewhere ("former FBI
    // Director James Comey", "Le procureur de Paris François Molins").
    let head_is_title = keys
        .iter()
        .any(|w| lx::is_en_fr_title(w) && !lx::is_determiner(w));
    if !head_is_title {
        return None;
    }
    for k in idx.occurrences(p, &keys).filter(|&k| k != words[0]) {
        // The name must follow the description directly: "White House"
        // before "Press Secretary Sean Spicer" names someone else.
        let s = k + keys.len();
        let mut e = s;
        while e < n
            && e - s < 4
            && (is_capitalised(p, e) && !lx::is_en_fr_title(p.norm(e))
                || e > s && matches!(p.word(e), "-" | "."))
        {
            e += 1;
        }
        // A full stop after the name ends the sentence, not an initial.
        while e > s && p.word(e - 1) == "." {
            e -= 1;
        }
        if e > s {
            return Some(text(s, e));
        }
    }
    // The description with its complement and a name in apposition in the
    // same sentence: "le ministre wallon des Finances, le libéral Jean
    // Dupont", "Le président du club de Lyon, Paul Martin, a dit";
    // or after the name: "Paul Martin, président du club".
    for k in idx.occurrences(p, &keys).filter(|&k| k != words[0]) {
        if let Some(name) =
            latin_name_after_role(p, k + keys.len()).or_else(|| latin_name_before_role(p, k))
        {
            return Some(name);
        }
    }
    None
}

/// A capitalised name of two words or more within the sentence after a
/// role phrase ending at `from`, set off by a comma or an article and
/// adjective: "des Finances, le libéral Jean Dupont".
fn latin_name_after_role(p: &Prepared, from: usize) -> Option<String> {
    let n = p.tokens.len();
    let name_word = |k: usize| is_capitalised(p, k) && !lx::is_en_fr_title(p.norm(k));
    let mut k = from;
    let mut after_comma = false;
    while k < n && k - from < 12 {
        let t = &p.tokens.list[k];
        if t.kind == TokenKind::Newline
            || matches!(p.word(k), "." | ":" | ";" | "«" | "»" | "\"" | "“" | "”")
        {
            return None;
        }
        if p.word(k) == "," {
            after_comma = true;
        }
        if name_word(k) {
            let mut e = k;
            while e < n
                && (name_word(e)
                    || e > k && matches!(p.word(e), "-") && e + 1 < n && name_word(e + 1))
            {
                e += 1;
            }
            let words = (k..e)
                .filter(|&i| p.tokens.list[i].kind == TokenKind::Word)
                .count();
            let prev_ok = k > from && (p.word(k - 1) == "," || !is_capitalised(p, k - 1));
            if words >= 2 && after_comma && prev_ok {
                return Some(
                    p.text[p.tokens.list[k].span.start..p.tokens.list[e - 1].span.end].to_string(),
                );
            }
            k = e;
            continue;
        }
        k += 1;
    }
    None
}

/// A capitalised name of two words or more right before a role phrase
/// starting at `at`, with a comma between: "Paul Martin, président du
/// club".
fn latin_name_before_role(p: &Prepared, at: usize) -> Option<String> {
    let mut k = at;
    while k > 0 && lx::is_determiner(p.norm(k - 1)) && p.tokens.list[k - 1].kind == TokenKind::Word
    {
        k -= 1;
    }
    if k < 2 || p.word(k - 1) != "," {
        return None;
    }
    let e = k - 1;
    let mut s = e;
    while s > 0
        && (is_capitalised(p, s - 1) && !lx::is_en_fr_title(p.norm(s - 1))
            || s < e && p.word(s - 1) == "-")
    {
        s -= 1;
    }
    let words = (s..e)
        .filter(|&i| p.tokens.list[i].kind == TokenKind::Word)
        .count();
    (words >= 2 && p.tokens.list[s].kind == TokenKind::Word)
        .then(|| p.text[p.tokens.list[s].span.start..p.tokens.list[e - 1].span.end].to_string())
}

/// The word tokens of a mention.
fn mention_words(p: &Prepared, mention: Span) -> Vec<usize> {
    let a = p.tokens.at_or_after(mention.start);
    let b = p.tokens.ending_by(mention.end);
    (a..b)
        .filter(|&k| p.tokens.list[k].kind == TokenKind::Word)
        .collect()
}

/// The keys of a description's words, determiners left out.
fn description_keys(p: &Prepared, mention: Span) -> Vec<String> {
    mention_words(p, mention)
        .iter()
        .map(|&k| key_keeping_waw(p.norm(k)).to_string())
        .filter(|w| !lx::is_determiner(w))
        .collect()
}

/// Arabic nouns that head the name of a body (وزارة، هيئة، لجنة…).
fn is_body(w: &str) -> bool {
    matches!(
        w,
        "وزاره"
            | "هيئه"
            | "لجنه"
            | "منظمه"
            | "مجلس"
            | "جهاز"
            | "شركه"
            | "محكمه"
            | "حكومه"
            | "جامعه"
            | "وكاله"
            | "مديريه"
            | "دائره"
            | "سلطه"
            | "بلديه"
            | "نقابه"
            | "مفوضيه"
            | "رئاسه"
    )
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
    let content: Vec<&String> = desc.iter().filter(|w| !lx::is_determiner(w)).collect();
    let Some(head) = content.first() else {
        return false;
    };
    if head.chars().count() < 3 {
        return false;
    }
    let found = |w: &String| {
        other.iter().any(|o| {
            o == w || o.starts_with(w.as_str()) && o.chars().count() <= w.chars().count() + 3
        })
    };
    // Every word must be found ("المسؤول الأمريكي" does not match
    // "المسؤول المليشياوي"); a plural or inflected form counts.
    if !content.iter().all(|w| found(w)) {
        return false;
    }
    // In English the head noun comes last and must be the other's head:
    // "the White House" is not "White House Press Secretary Sean Spicer".
    let latin = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let other_content: Vec<&String> = other.iter().filter(|w| !lx::is_determiner(w)).collect();
    // French puts the head first ("le porte-parole de la police"): either
    // end may carry it.
    if latin && content.len() > 1 {
        let same = |d: Option<&&String>, o: Option<&&String>| matches!((d, o), (Some(d), Some(o)) if o.starts_with(d.as_str()));
        return same(content.last(), other_content.last())
            || same(content.first(), other_content.first());
    }
    true
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
    fn a_french_body_after_au_gets_its_article_back() {
        let text = "Les enquêteurs ont épluché la totalité des actes d'enquête réalisés. \
                    Rien, \"ça n'apparait nulle part\" explique-t-on au parquet de Paris.";
        let options = crate::Options {
            language: Some(crate::Lang::Fr),
            ..Default::default()
        };
        let analysis = crate::analyze(text, &options);
        let names: Vec<&str> = analysis.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["le parquet de Paris"]);
    }

    #[test]
    fn implicit_speaker_carries_over() {
        let text = "قالت وزارة الصحة إن الإصابات ارتفعت.\nوأضافت أن الوفيات انخفضت.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
    }

    #[test]
    fn arabic_names_with_a_title_after_or_an_honorific_before() {
        let got = parts("سامر الحداد الناطق باسم بلدية المدينة");
        assert_eq!(got.name.as_deref(), Some("سامر الحداد"));
        assert_eq!(got.title.as_deref(), Some("الناطق باسم بلدية المدينة"));
        let got = parts("عبد الكريم النجار والي الجهة");
        assert_eq!(got.name.as_deref(), Some("عبد الكريم النجار"));
        assert_eq!(got.title.as_deref(), Some("والي الجهة"));
        let got = parts("السيد النجار");
        assert_eq!(got.name.as_deref(), Some("النجار"));
        assert_eq!(got.title.as_deref(), Some("السيد"));
        let got = parts("الدكتورة سلمى العلي مديرة المستشفى");
        assert_eq!(got.name.as_deref(), Some("سلمى العلي"));
        // A description keeps no name.
        assert_eq!(parts("الوزير الفرنسي").name, None);
    }

    #[test]
    fn a_surname_takes_a_compound_given_name() {
        let text = "زار عبد الكريم الشامي الورشة صباحا.\nوقال الشامي إن الأشغال انتهت.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "عبد الكريم الشامي");
        assert_eq!(of, vec![Some(0)]);
    }

    #[test]
    fn a_role_resolves_to_the_person_named_with_it() {
        // The office in apposition after an honorific and name.
        let text = "قال الدكتور سامي الحداد، وزير النقل: إن الطريق سيفتح غدا.\nوأوضح الوزير أن الأشغال انتهت.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
        // The role with its complement, then the name set off by commas.
        let text = "Le ministre régional des Sports et du Tourisme, le centriste Paul-Henri Lemoine, a répondu jeudi. \
                    \"Nous irons jusqu'au bout\", a souligné le ministre régional.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Paul-Henri Lemoine");
        let text = "Sarah Collins, harbour director, opened the meeting. \
                    \"We will rebuild the pier\", the harbour director said.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Sarah Collins");
    }

    #[test]
    fn a_surname_takes_a_patronymic_chain_or_a_name_after_de() {
        let text =
            "وصل خالد بن سعيد الهاشمي إلى المدينة صباحا.\nوقال الهاشمي إن الاستعدادات اكتملت.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "خالد بن سعيد الهاشمي");
        let text = "حضر المحامي أحمدو ولد سالم الجلسة.\nوقال ولد سالم إن الحكم سياسي.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "أحمدو ولد سالم");
        let text = "Les Aigles de Karim Benali sont prêts pour la finale. \
                    \"Nous voulons gagner\", a déclaré Benali à la presse.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Karim Benali");
        let text = "The Hawks of Harry Wells are ready for the final. \
                    \"We want to win\", Wells told reporters.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Harry Wells");
    }

    #[test]
    fn a_role_never_named_is_the_person_just_quoted() {
        let text = "\"We are ready\", said Grace Mensah on Monday. \
                    \"Nobody asked us\", the MP for Kintampo added.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
        let text = "« Le public est venu », assure Lucien Favre. \
                    « Je ne suis pas déçu », analyse le directeur du festival.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
        let text = "« Le pont sera fini en mai », précise Hélène Caradec. \
                    « Chacun pourra venir », raconte l’élue.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(of, vec![Some(0), Some(0)]);
        // A body's proper name is no role.
        let text = "\"We are ready\", said Grace Mensah on Monday. \
                    \"No comment\", the White House said.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 2, "{s:?}");
        // Arabic names unnamed officials this way: they stay apart.
        let text = "قال سامر الحداد إن الطريق سيفتح غدا.\nوقال المسؤول القطري إن الاتفاق صامد.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn an_arabic_name_in_apposition_after_the_title() {
        let got = parts("المتحدث باسم وزارة النقل");
        assert_eq!(got.name, None, "{got:?}");
        let text = "وصرح المتحدث باسم وزارة النقل في حكومة الإقليم، سامر الحداد، للصحفيين أن الطريق سيفتح غدا.\nوأشار المتحدث باسم وزارة النقل إلى أن الأشغال انتهت.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "سامر الحداد");
        assert_eq!(of, vec![Some(0), Some(0)]);
        // A second name that folds like "على".
        let text = "وصرح المتحدث باسم وزارة المياه في المحافظة، كاوه علي، للصحفيين أن المخزون كاف.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "كاوه علي");
    }

    #[test]
    fn a_hyphenated_surname_takes_its_given_name() {
        let text = "L'entraîneur Paul Saint-Amand était furieux après la défaite de son équipe. \
                    « On mérite mieux que cela », a déclaré Saint-Amand aux journalistes.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Paul Saint-Amand");
        let text = "Coach Mary Lloyd-Hughes was angry. \
                    \"We deserve better,\" Lloyd-Hughes told reporters on Sunday.";
        let (s, _) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Mary Lloyd-Hughes");
    }

    #[test]
    fn the_outlet_spoken_to_is_not_the_speaker() {
        let text = "Talking to Harbour News, Jane Doe, a teacher from the town, said the school had been closed for a week.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Jane Doe");
        assert_eq!(of, vec![Some(0)]);
    }

    #[test]
    fn an_honorific_and_surname_join_the_full_name() {
        let text = "\"The bridge will open in May,\" said Peter Hollis on Monday. \
                    \"Nobody will pay a toll,\" Mr. Hollis added.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Peter Hollis");
        assert_eq!(of, vec![Some(0), Some(0)]);
        let text = "« Le pont ouvrira en mai », a déclaré Pierre Dufresne lundi. \
                    « Personne ne paiera de péage », a ajouté M. Dufresne.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Pierre Dufresne");
        assert_eq!(of, vec![Some(0), Some(0)]);
        let text =
            "قال سامر الحداد إن الجسر سيفتح في مايو.\nوأضاف السيد الحداد أن العبور سيكون مجانيا.";
        let (s, of) = speakers(text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "سامر الحداد");
        assert_eq!(of, vec![Some(0), Some(0)]);
    }

    #[test]
    fn a_place_after_in_is_no_name() {
        assert_eq!(parts("The fire brigade in Lagos State").name, None);
        assert_eq!(parts("the MP for Abetifi").name, None);
        assert_eq!(parts("Governor Ana Ruiz").name.as_deref(), Some("Ana Ruiz"));
    }
}
