//! The list of attributed quotes: content, speaker, cue and form.

use std::rc::Rc;

use yew::prelude::*;

use crate::report::{QuoteRow, Report};

/// Properties of [`QuoteList`].
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// The analysis whose quotes to list.
    pub report: Rc<Report>,
}

/// One `<li data-kind="quote">` per quote.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let quotes = &props.report.quotes;
    html! {
        <section class="list quotes" id="isnad-quotes" aria-labelledby="isnad-quotes-title">
            <h2 id="isnad-quotes-title">{ "Quotes " }<span class="count">{ quotes.len() }</span></h2>
            if quotes.is_empty() {
                <p class="none">{ "No attributed quotes found." }</p>
            } else {
                <ol>{ for quotes.iter().map(quote_item) }</ol>
            }
        </section>
    }
}

fn quote_item(quote: &QuoteRow) -> Html {
    html! {
        <li
            key={quote.id.as_str()}
            data-kind="quote"
            data-annotation-id={quote.id.clone()}
            data-start={quote.range.start.to_string()}
            data-end={quote.range.end.to_string()}
        >
            <blockquote class="content" dir="auto">{ quote.content.clone() }</blockquote>
            <dl class="meta">
                <div class="speaker">
                    <dt>{ "Speaker" }</dt>
                    if let Some(speaker) = &quote.speaker {
                        <dd dir="auto">{ speaker.clone() }</dd>
                    } else {
                        <dd class="unknown">{ "unknown" }</dd>
                    }
                </div>
                <div class="cue">
                    <dt>{ "Cue" }</dt>
                    if let Some(cue) = &quote.cue {
                        <dd dir="auto">{ cue.clone() }</dd>
                    } else {
                        <dd class="unknown">{ "none" }</dd>
                    }
                </div>
                <div class="form">
                    <dt>{ "Form" }</dt>
                    <dd>{ quote.form }</dd>
                </div>
            </dl>
        </li>
    }
}
