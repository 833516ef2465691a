//! The first real document, read from `../shared` at test time: its quotes,
//! speakers, claims and page noise, as an editor expects to see them.

mod common;

use isnad_engine::{analyze, Analysis, Detail, Kind, Lang, Options, QuoteForm};

fn karabakh() -> Option<(String, Analysis)> {
    let shared = common::shared_dir("karabakh")?;
    let path = shared.join("fixtures/ar-karabakh-wire.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let analysis = analyze(&text, &Options::default());
    Some((text, analysis))
}

/// (form, content, speaker name) of every quote.
fn quotes(a: &Analysis) -> Vec<(QuoteForm, &str, &str)> {
    a.annotations
        .iter()
        .filter_map(|x| match &x.detail {
            Detail::Quote(q) => Some((
                q.form,
                x.span.slice(&a.text),
                q.speaker
                    .as_deref()
                    .and_then(|id| a.speaker(id))
                    .map_or("", |s| s.name.as_str()),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn detects_arabic_and_every_speaker_with_canonical_names() {
    let Some((_, a)) = karabakh() else { return };
    assert_eq!(a.language, Lang::Ar);
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    for expected in [
        "جان إيف لو دريان",
        "فلاديمير بوتين",
        "مايك بومبيو",
        "إلهام علييف",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let le_drian = a
        .speakers
        .iter()
        .find(|s| s.name == "جان إيف لو دريان")
        .unwrap();
    assert_eq!(le_drian.title.as_deref(), Some("وزير الخارجية الفرنسي"));
    // "وقال لو دريان" and the implicit "وأضاف" resolve to the same person.
    assert!(le_drian.mentions.len() >= 2, "{:?}", le_drian.mentions);
}

#[test]
fn quotes_have_the_right_form_and_speaker() {
    let Some((_, a)) = karabakh() else { return };
    let q = quotes(&a);
    let find = |start: &str| {
        q.iter()
            .find(|(_, text, _)| text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {q:#?}"))
    };
    // Colon + curly marks: direct, marks excluded.
    let (form, text, speaker) = find("غدا سنعقد اجتماعا");
    assert_eq!((*form, *speaker), (QuoteForm::Direct, "جان إيف لو دريان"));
    assert!(!text.contains('“') && !text.contains('”'));
    // Cue + إن: indirect, attributed through the title.
    let (form, _, speaker) = find("دبلوماسيين فرنسيين");
    assert_eq!((*form, *speaker), (QuoteForm::Indirect, "جان إيف لو دريان"));
    // A title alone ("وأشار الرئيس الروسي") resolves to Putin.
    let (_, _, speaker) = find("الاتفاق حول الإقليم");
    assert_eq!(*speaker, "فلاديمير بوتين");
    // A partial quote inside a sentence is a direct quote of its own.
    let (form, _, speaker) = find("في أقرب وقت ممكن");
    assert_eq!((*form, *speaker), (QuoteForm::Direct, "مايك بومبيو"));
    // A reported clause with quoted parts is one mixed quote.
    let (form, _, _) = find("“إنهاء المعارك");
    assert_eq!(*form, QuoteForm::Mixed);
}

#[test]
fn page_noise_is_marked_and_real_paragraphs_are_not() {
    let Some((text, a)) = karabakh() else { return };
    let noise: Vec<&str> = a
        .annotations
        .iter()
        .filter(|x| x.kind() == Kind::Boilerplate)
        .map(|x| x.span.slice(&text))
        .collect();
    for expected in [
        "Written by",
        "Leave a Comment",
        "About the author",
        "تقارير دولية",
    ] {
        assert!(
            noise.iter().any(|n| n.contains(expected)),
            "{expected} not marked: {noise:?}"
        );
    }
    // The truncated duplicate of the lead is noise; the full lead is not.
    let lead_copies: Vec<&&str> = noise
        .iter()
        .filter(|n| n.starts_with("قال وزير الخارجية"))
        .collect();
    assert_eq!(lead_copies.len(), 1, "{noise:?}");
    assert!(!lead_copies[0].ends_with("كاراباخ"));
    assert!(!noise.iter().any(|n| n.contains("غدا سنعقد")));
}

#[test]
fn claims_include_figures_and_headline() {
    let Some((text, a)) = karabakh() else { return };
    let claims: Vec<&str> = a
        .annotations
        .iter()
        .filter(|x| x.kind() == Kind::Claim)
        .map(|x| x.span.slice(&text))
        .collect();
    assert!(claims.len() >= 8, "{claims:#?}");
    assert!(claims.iter().any(|c| c.contains("40 يوماً")), "{claims:#?}");
    assert!(
        claims.iter().any(|c| c.starts_with("محادثات فرنسية")),
        "headline: {claims:#?}"
    );
    // A question is never a claim.
    assert!(!claims.iter().any(|c| c.starts_with("هل حسمت")));
}
