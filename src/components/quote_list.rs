//! The list of attributed quotes: content, speaker, cue and form.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{more_line, LIST_LIMIT};
use crate::i18n::{Text, UiLang};
use crate::report::{QuoteRow, Report};
use crate::state::Filter;
use isnad_engine::Kind;

/// Properties of [`QuoteList`].
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// The analysis whose quotes to list.
    pub report: Rc<Report>,
    /// What to show.
    pub filter: Filter,
}

/// One `<li data-kind="quote">` per quote.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let f = &props.filter;
    if f.kind.is_some_and(|k| k != Kind::Quote) || f.status.is_some() {
        return Html::default();
    }
    let quotes: Vec<&QuoteRow> = props
        .report
        .quotes
        .iter()
        .filter(|q| f.shows(Kind::Quote, q.origin))
        .filter(|q| f.speaker.is_none() || q.speaker_id == f.speaker)
        .collect();
    html! {
        <section class="list quotes" id="isnad-quotes" aria-labelledby="isnad-quotes-title">
            <h2 id="isnad-quotes-title">{ t.quotes }{ " " }<span class="count">{ quotes.len() }</span></h2>
            if quotes.is_empty() {
                <p class="none">{ t.none_found[0] }</p>
            } else {
                <ol>{ for quotes.iter().take(LIST_LIMIT).map(|q| quote_item(t, q)) }</ol>
                { more_line(t, quotes.len()) }
            }
        </section>
    }
}

fn quote_item(t: &Text, quote: &QuoteRow) -> Html {
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
                    <dt>{ t.speaker }</dt>
                    if let Some(speaker) = &quote.speaker {
                        <dd dir="auto">{ speaker.clone() }</dd>
                    } else {
                        <dd class="unknown">{ t.unknown_speaker }</dd>
                    }
                </div>
                <div class="cue">
                    <dt>{ t.cue }</dt>
                    if let Some(cue) = &quote.cue {
                        <dd dir="auto">{ cue.clone() }</dd>
                    } else {
                        <dd class="unknown">{ "—" }</dd>
                    }
                </div>
                <div class="form">
                    <dt>{ t.form }</dt>
                    <dd data-form={quote.form.code()}>{ t.form_name(quote.form) }</dd>
                </div>
            </dl>
        </li>
    }
}
