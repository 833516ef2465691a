//! The list of attributed quotes: content, speaker, cue and form.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::quote_item::QuoteItem;
use crate::components::{more_line, use_shown, LIST_LIMIT};
use crate::i18n::UiLang;
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
    let (shown, on_more) = use_shown(LIST_LIMIT);
    let f = &props.filter;
    if f.kind.is_some_and(|k| k != Kind::Quote) || f.status.is_some() {
        return Html::default();
    }
    let quotes: Vec<&Rc<QuoteRow>> = props
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
                <ol>{ for quotes.iter().take(shown).map(|q| html! { <QuoteItem key={q.id.as_str()} row={(*q).clone()} /> }) }</ol>
                { more_line(t, quotes.len(), shown, LIST_LIMIT, on_more) }
            }
        </section>
    }
}
