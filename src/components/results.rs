//! The results below the form: a status line and the four lists.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ClaimList, NoiseList, QuoteList, SpeakerList};
use crate::report::{language_name, Report};

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The latest analysis.
    pub report: Rc<Report>,
    /// True when the text was edited since: the lists are out of date.
    pub stale: bool,
}

/// The status line and the quote, speaker, claim and page-noise lists.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let report = &props.report;
    let how = if report.detected {
        "detected"
    } else {
        "chosen"
    };
    html! {
        <div class="results" id="isnad-results">
            <p class="status" id="isnad-status" role="status">
                { format!("Language: {} ({how}). ", language_name(report.language)) }
                { format!(
                    "{}, {}, {}, {}.",
                    count(report.quotes.len(), "quote"),
                    count(report.speakers.len(), "speaker"),
                    count(report.claims.len(), "claim"),
                    count(report.noise.len(), "page-noise item"),
                ) }
                if props.stale {
                    <strong class="stale">{ " The text has changed since: press Analyse to update." }</strong>
                }
            </p>
            <QuoteList report={report.clone()} />
            <SpeakerList report={report.clone()} />
            <ClaimList report={report.clone()} />
            <NoiseList report={report.clone()} />
        </div>
    }
}

/// "1 quote", "3 quotes".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
