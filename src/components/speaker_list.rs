//! The list of speakers: name, title and how many quotes they have.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{more_line, LIST_LIMIT};
use crate::i18n::{Counted, Text, UiLang};
use crate::report::{Report, SpeakerRow};

/// Properties of [`SpeakerList`].
#[derive(Properties, PartialEq)]
pub struct SpeakerListProps {
    /// The analysis whose speakers to list.
    pub report: Rc<Report>,
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
                <ul>{ for speakers.iter().take(LIST_LIMIT).map(|s| speaker_item(t, s)) }</ul>
                { more_line(t, speakers.len()) }
            }
        </section>
    }
}

fn speaker_item(t: &Text, speaker: &SpeakerRow) -> Html {
    let count = (t.count)(speaker.quotes, Counted::Quotes);
    html! {
        <li key={speaker.id.as_str()} data-speaker-id={speaker.id.clone()}>
            <span class="name" dir="auto">{ speaker.name.clone() }</span>
            if let Some(title) = &speaker.title {
                <span class="title" dir="auto">{ title.clone() }</span>
            }
            <span class="count">{ count }</span>
        </li>
    }
}
