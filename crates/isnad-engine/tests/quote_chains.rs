//! Attributions that follow one another ("He said: … She said: …", "وقال:
//! … وأضاف: …", interview transcripts) give quotes side by side: never a
//! chain of quotes nested in one another, and an `isnad/1` file that stays
//! linear in the size of the text. All texts are invented.

use isnad_engine::{analyze, schema, Detail, Lang, Options, Span};
use proptest::prelude::*;

fn options(lang: Lang) -> Options {
    Options {
        language: Some(lang),
        ..Options::default()
    }
}

fn quote_spans(text: &str, lang: Lang) -> Vec<Span> {
    analyze(text, &options(lang))
        .annotations
        .iter()
        .filter(|a| matches!(a.detail, Detail::Quote(_)))
        .map(|a| a.span)
        .collect()
}

/// The first pair of quotes where one's content strictly contains the other's.
fn nested_pair(text: &str, spans: &[Span]) -> Option<(String, String)> {
    for a in spans {
        for b in spans {
            if a != b && a.start <= b.start && b.end <= a.end {
                return Some((a.slice(text).to_string(), b.slice(text).to_string()));
            }
        }
    }
    None
}

/// Colon attributions of each language, as a transcript would repeat them.
const COLON_ATTRIBUTIONS: &[(Lang, &[&str])] = &[
    (
        Lang::En,
        &[
            "He said: ",
            "The mayor said: ",
            "She added: ",
            "Q: ",
            "Nora Kell told the panel: ",
        ],
    ),
    (
        Lang::Ar,
        &[
            "وقال: ",
            "وقال الوزير: ",
            "وأضاف: ",
            "س: ",
            "وقالت المتحدثة باسم البلدية: ",
        ],
    ),
    (
        Lang::Fr,
        &[
            "Il a déclaré : ",
            "Le maire a dit : ",
            "Elle a ajouté : ",
            "Q : ",
            "Léa Morin a répondu aux élus : ",
        ],
    ),
];

#[test]
fn repeated_colon_attributions_keep_the_file_linear() {
    for (lang, attributions) in COLON_ATTRIBUTIONS {
        for attribution in *attributions {
            let text = format!("{}fin.", attribution.repeat(4000));
            let analysis = analyze(&text, &options(*lang));
            let json = schema::to_json(&analysis);
            assert!(
                json.len() <= 40 * text.len(),
                "{lang:?} {attribution:?}: {} bytes of JSON for {} bytes of text",
                json.len(),
                text.len()
            );
            let spans = quote_spans(&text, *lang);
            assert!(spans.len() <= 4001, "{lang:?} {attribution:?}");
            if spans.len() < 200 {
                assert_eq!(nested_pair(&text, &spans), None, "{lang:?} {attribution:?}");
            }
        }
    }
}

#[test]
fn reports_inside_reports_stay_linear() {
    for (lang, attribution) in [
        (Lang::En, "The mayor said that "),
        (Lang::Ar, "وقال الوزير إن "),
        (Lang::Fr, "Le maire a dit que "),
    ] {
        let text = format!("{}rien.", attribution.repeat(4000));
        let json = schema::to_json(&analyze(&text, &options(lang)));
        assert!(
            json.len() <= 40 * text.len(),
            "{lang:?}: {} bytes of JSON for {} bytes of text",
            json.len(),
            text.len()
        );
    }
}

#[test]
fn colon_quote_ends_where_the_next_attribution_starts() {
    let text = "The mayor said: the bridge will reopen in May, and the engineer said: the repairs are finished.";
    let spans = quote_spans(text, Lang::En);
    let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(
        got,
        ["the bridge will reopen in May", "the repairs are finished"]
    );
    let text = "وقال الوزير: الجسر سيفتح في مايو، وأضاف: الإصلاحات انتهت.";
    let spans = quote_spans(text, Lang::Ar);
    let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(got, ["الجسر سيفتح في مايو", "الإصلاحات انتهت"]);
    let text = "Le maire a déclaré : le pont rouvrira en mai, puis l'ingénieur a ajouté : les travaux sont finis.";
    let spans = quote_spans(text, Lang::Fr);
    let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(got, ["le pont rouvrira en mai", "les travaux sont finis"]);
}

#[test]
fn interview_transcripts_give_one_quote_per_answer() {
    let text = "The mayor met reporters on Monday.\nQ: Will the bridge reopen before the winter comes?\nA: Yes, the engineers finished the repairs last week.\nNora Kell: The council will vote on the budget next month.";
    let spans = quote_spans(text, Lang::En);
    let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert_eq!(
        got,
        [
            "Will the bridge reopen before the winter comes",
            "Yes, the engineers finished the repairs last week",
            "The council will vote on the budget next month"
        ]
    );
    let text = "التقى الوزير الصحفيين يوم الاثنين.\nس: هل سيفتح الجسر قبل الشتاء القادم؟\nج: نعم، أنهى المهندسون الإصلاحات الأسبوع الماضي.";
    assert_eq!(quote_spans(text, Lang::Ar).len(), 2);
    let text = "Le maire a reçu la presse lundi.\nQ : Le pont rouvrira-t-il avant l'hiver prochain ?\nR : Oui, les ingénieurs ont fini les travaux la semaine dernière.";
    assert_eq!(quote_spans(text, Lang::Fr).len(), 2);
}

fn transcript(lang: Lang) -> impl Strategy<Value = String> {
    let (attributions, contents): (&[&str], &[&str]) = match lang {
        Lang::En => (
            &[
                "He said: ",
                "The mayor said: ",
                "She added: ",
                "Q: ",
                "A: ",
                "Nora Kell told the panel: ",
            ],
            &[
                "we stay. ",
                "prices will rise ",
                "the bridge is closed, ",
                "no. ",
                "\"we will vote\" ",
                "\n",
                "",
            ],
        ),
        Lang::Ar => (
            &[
                "وقال: ",
                "وقال الوزير: ",
                "وأضاف: ",
                "س: ",
                "ج: ",
                "وقالت المتحدثة باسم البلدية: ",
            ],
            &[
                "سنبقى هنا. ",
                "الأسعار سترتفع ",
                "الجسر مغلق، ",
                "لا. ",
                "\"سنصوت غدا\" ",
                "\n",
                "",
            ],
        ),
        Lang::Fr => (
            &[
                "Il a déclaré : ",
                "Le maire a dit : ",
                "Elle a ajouté : ",
                "Q : ",
                "R : ",
                "Léa Morin a répondu aux élus : ",
            ],
            &[
                "nous restons. ",
                "les prix vont monter ",
                "le pont est fermé, ",
                "non. ",
                "« nous voterons » ",
                "\n",
                "",
            ],
        ),
    };
    proptest::collection::vec(
        (
            proptest::sample::select(attributions),
            proptest::sample::select(contents),
        ),
        1..40,
    )
    .prop_map(|pieces| {
        pieces
            .into_iter()
            .map(|(a, c)| format!("{a}{c}"))
            .collect::<String>()
    })
}

fn transcript_in_any_language() -> impl Strategy<Value = (Lang, String)> {
    prop_oneof![
        transcript(Lang::En).prop_map(|t| (Lang::En, t)),
        transcript(Lang::Ar).prop_map(|t| (Lang::Ar, t)),
        transcript(Lang::Fr).prop_map(|t| (Lang::Fr, t)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the order of attributions and contents, no quote's content
    /// contains another's.
    #[test]
    fn transcripts_give_no_nested_quotes((lang, text) in transcript_in_any_language()) {
        let spans = quote_spans(&text, lang);
        let nested = nested_pair(&text, &spans);
        prop_assert!(nested.is_none(), "{lang:?} {text:?}: {nested:?}");
    }
}
