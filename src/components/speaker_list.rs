//! The list of speakers: name, title and how many quotes they have.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{more_line, LIST_LIMIT};
use crate::i18n::{Counted, Text, UiLang};
use crate::report::{QuoteRow, Report, SpeakerRow};

/// Properties of [`SpeakerList`].
#[derive(Properties, PartialEq)]
pub struct SpeakerListProps {
    /// The analysis whose speakers to list.
    pub report: Rc<Report>,
    /// Called with a quote's id when it is chosen: the page scrolls to it
    /// and selects it.
    pub on_select: Callback<AttrValue>,
}

/// One `<li data-speaker-id>` per speaker.
#[function_component(SpeakerList)]
pub fn speaker_list(props: &SpeakerListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let speakers = &props.report.speakers;
    html! {
        <section class="list speakers" id="isnad-speakers" aria-labelledby="isnad-speakers-title">
            <h2 id="isnad-speakers-title">{ t.speakers }{ " " }<span class="count">{ speakers.len() }</span></h2>
            if speakers.is_empty() {
                <p class="none">{ t.none_found[1] }</p>
            } else {
                <ul>{ for speakers.iter().take(LIST_LIMIT).map(|s| speaker_item(t, s, &props.report.quotes, &props.on_select)) }</ul>
                { more_line(t, speakers.len()) }
            }
        </section>
    }
}

fn speaker_item(
    t: &Text,
    speaker: &SpeakerRow,
    quotes: &[QuoteRow],
    on_select: &Callback<AttrValue>,
) -> Html {
    let count = (t.count)(speaker.quotes, Counted::Quotes);
    let said = quotes
        .iter()
        .filter(|q| q.speaker_id.as_deref() == Some(speaker.id.as_str()))
        .map(|q| {
            let id = q.id.clone();
            let onclick = on_select.reform(move |_: MouseEvent| id.clone());
            // A long quote is cut in the panel; the article shows it whole.
            let shown: String = q.content.chars().take(90).collect();
            let cut = q.content.chars().nth(90).is_some();
            html! {
                <li>
                    <button type="button" class="said" data-quote-id={q.id.clone()} dir="auto" {onclick}>
                        { shown }{ if cut { "…" } else { "" } }
                    </button>
                </li>
            }
        });
    html! {
        <li key={speaker.id.as_str()} data-speaker-id={speaker.id.clone()}>
            <span class="name" dir="auto">{ speaker.name.clone() }</span>
            if let Some(title) = &speaker.title {
                <span class="title" dir="auto">{ title.clone() }</span>
            }
            <span class="count">{ count }</span>
            <ol class="said-list">{ for said }</ol>
        </li>
    }
}
