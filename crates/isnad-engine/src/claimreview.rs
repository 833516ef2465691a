//! schema.org `ClaimReview` export (<https://schema.org/ClaimReview>), the
//! markup fact-checkers publish so search engines and aggregators can show
//! their verdicts. One review per claim that has been checked (status other
//! than `unchecked`).
//!
//! The rating is on a 1–5 scale (`worstRating` 1, `bestRating` 5):
//!
//! | status | `ratingValue` | `alternateName` |
//! | --- | --- | --- |
//! | false | 1 | False |
//! | misleading | 2 | Misleading |
//! | unverifiable | 3 | Unverifiable |
//! | verified | 5 | True |
//!
//! (4 would be "mostly true", a verdict isnad does not have.) The claim's
//! author is the speaker of the quote that shares at least half of the
//! shorter of the two ranges with the claim (the quote inside the claim's
//! sentence, or the claim inside the quote); a `Person`, or an
//! `Organization` when the name or title starts with a word for a body
//! (ministry, وزارة, agence…).

use serde_json::{json, Map, Value};

use crate::chars::fold;
use crate::export::ExportMeta;
use crate::model::{Analysis, Annotation, ClaimStatus, Detail, Span, Speaker};

/// The rating of a status: `(ratingValue, alternateName)`; `None` for
/// `unchecked`.
pub const fn rating(status: ClaimStatus) -> Option<(u8, &'static str)> {
    match status {
        ClaimStatus::Unchecked => None,
        ClaimStatus::False => Some((1, "False")),
        ClaimStatus::Misleading => Some((2, "Misleading")),
        ClaimStatus::Unverifiable => Some((3, "Unverifiable")),
        ClaimStatus::Verified => Some((5, "True")),
    }
}

/// Folded first words that name a body rather than a person.
const BODY_WORDS: &[&str] = &[
    // Arabic (folded: ة → ه, hamza forms → ا), with and without the article.
    "وزاره",
    "هيئه",
    "لجنه",
    "منظمه",
    "مجلس",
    "جهاز",
    "شركه",
    "محكمه",
    "حكومه",
    "جامعه",
    "وكاله",
    "مديريه",
    "سلطه",
    "بلديه",
    "نقابه",
    "مفوضيه",
    "رئاسه",
    "جيش",
    "شرطه",
    "مصادر",
    "مكتب",
    "قوات",
    "الامم",
    "البيت",
    "حركه",
    "حزب",
    "اتحاد",
    "بنك",
    "صندوق",
    "مركز",
    "مؤسسه",
    "موسسه",
    // English.
    "ministry",
    "government",
    "agency",
    "council",
    "committee",
    "commission",
    "army",
    "police",
    "court",
    "office",
    "organization",
    "organisation",
    "company",
    "university",
    "department",
    "authority",
    "bank",
    "fund",
    "party",
    "union",
    "un",
    "nato",
    "sources",
    // French.
    "ministere",
    "gouvernement",
    "agence",
    "conseil",
    "comite",
    "armee",
    "tribunal",
    "bureau",
    "entreprise",
    "universite",
    "autorite",
    "banque",
    "parti",
    "syndicat",
    "onu",
    "otan",
    "oms",
];

/// True when a speaker looks like a body (a ministry, an agency…): the
/// first word of its name or title, after an article, is a word for one.
fn is_organization(speaker: &Speaker) -> bool {
    let head = |s: &str| -> Option<String> {
        let folded = fold(s);
        let word = folded
            .split_whitespace()
            .find(|w| !matches!(*w, "the" | "le" | "la" | "les"))?;
        let word = word.strip_prefix("l'").unwrap_or(word);
        for article in ["وال", "ال"] {
            if let Some(rest) = word.strip_prefix(article) {
                if rest.chars().count() >= 2 && BODY_WORDS.contains(&rest) {
                    return Some(rest.to_string());
                }
            }
        }
        Some(word.to_string())
    };
    [Some(speaker.name.as_str()), speaker.title.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(head)
        .any(|w| BODY_WORDS.contains(&w.as_str()))
}

/// The speaker of the quote sharing at least half of the shorter range
/// with `claim`, when there is one (the one sharing most).
fn claim_speaker(analysis: &Analysis, claim: Span) -> Option<&Speaker> {
    analysis
        .annotations
        .iter()
        .filter_map(|a: &Annotation| match &a.detail {
            Detail::Quote(q) => q.speaker.as_deref().map(|s| (a.span, s)),
            _ => None,
        })
        .filter(|(span, _)| {
            let shorter = span.len().min(claim.len()).max(1);
            span.overlap(claim) * 2 >= shorter
        })
        .max_by_key(|(span, _)| (span.overlap(claim), std::cmp::Reverse(span.start)))
        .and_then(|(_, id)| analysis.speaker(id))
}

/// A `ClaimReview` for every checked claim (status not `unchecked`), as a
/// JSON array; empty when no claim has been checked.
pub fn to_claim_review(analysis: &Analysis, meta: &ExportMeta) -> Value {
    let text = analysis.text.as_str();
    let url = meta
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let author = meta
        .creator
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("isnad");
    let mut reviews = Vec::new();
    for a in &analysis.annotations {
        let Detail::Claim(c) = &a.detail else {
            continue;
        };
        let Some((value, label)) = rating(c.status) else {
            continue;
        };
        let mut item = Map::new();
        item.insert("@type".into(), json!("Claim"));
        if let Some(s) = claim_speaker(analysis, a.span) {
            let kind = if is_organization(s) {
                "Organization"
            } else {
                "Person"
            };
            let mut who = Map::new();
            who.insert("@type".into(), json!(kind));
            who.insert("name".into(), json!(s.name));
            if let Some(t) = s.title.as_deref().filter(|t| !t.is_empty()) {
                let key = if kind == "Person" {
                    "jobTitle"
                } else {
                    "description"
                };
                who.insert(key.into(), json!(t));
            }
            item.insert("author".into(), Value::Object(who));
        }
        if let Some(u) = url {
            item.insert(
                "appearance".into(),
                json!({"@type": "CreativeWork", "url": u}),
            );
        }
        let mut review = Map::new();
        review.insert("@context".into(), json!("https://schema.org"));
        review.insert("@type".into(), json!("ClaimReview"));
        review.insert("claimReviewed".into(), json!(a.span.slice(text)));
        if let Some(date) = meta.date() {
            review.insert("datePublished".into(), json!(date));
        }
        review.insert(
            "reviewRating".into(),
            json!({
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": label,
            }),
        );
        if !c.note.is_empty() {
            review.insert("reviewBody".into(), json!(c.note));
        }
        review.insert("itemReviewed".into(), Value::Object(item));
        review.insert(
            "author".into(),
            json!({"@type": "Organization", "name": author}),
        );
        if let Some(u) = url {
            review.insert("url".into(), json!(u));
        }
        review.insert("inLanguage".into(), json!(analysis.language.code()));
        reviews.push(Value::Object(review));
    }
    Value::Array(reviews)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, title: Option<&str>) -> Speaker {
        Speaker {
            id: "s1".into(),
            name: name.into(),
            title: title.map(str::to_string),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn tells_bodies_from_people() {
        assert!(is_organization(&speaker("وزارة الصحة", None)));
        assert!(is_organization(&speaker("الحكومة", None)));
        assert!(is_organization(&speaker("The Ministry of Health", None)));
        assert!(is_organization(&speaker("Agence France-Presse", None)));
        assert!(!is_organization(&speaker("أحمد سالم", Some("وزير الصحة"))));
        assert!(!is_organization(&speaker(
            "Jean-Yves Le Drian",
            Some("ministre")
        )));
        assert!(!is_organization(&speaker("الوزير", None)));
    }

    #[test]
    fn ratings_span_one_to_five() {
        let values: Vec<u8> = ClaimStatus::ALL
            .iter()
            .filter_map(|s| rating(*s).map(|r| r.0))
            .collect();
        assert_eq!(values, vec![5, 1, 2, 3]);
        assert_eq!(rating(ClaimStatus::Unchecked), None);
    }
}
