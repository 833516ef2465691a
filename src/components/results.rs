//! The results below the form: a status line and the four lists.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ArticleView, ClaimList, NoiseList, QuoteList, SpeakerList};
use crate::i18n::{Counted, UiLang};
use crate::report::Report;

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
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let report = &props.report;
    html! {
        <div class="results" id="isnad-results">
            <p class="status" id="isnad-status" role="status">
                { t.language_line(report.language, report.detected) }{ " " }
                { [
                    (t.count)(report.quotes.len(), Counted::Quotes),
                    (t.count)(report.speakers.len(), Counted::Speakers),
                    (t.count)(report.claims.len(), Counted::Claims),
                    (t.count)(report.noise.len(), Counted::Noise),
                ].join(t.list_separator) }{ "." }
                if props.stale {
                    <strong class="stale">{ " " }{ t.stale }</strong>
                }
            </p>
            <ArticleView report={report.clone()} />
            <QuoteList report={report.clone()} />
            <SpeakerList report={report.clone()} />
            <ClaimList report={report.clone()} />
            <NoiseList report={report.clone()} />
        </div>
    }
}
