//! The list of speakers: name, title and how many quotes they have.

use std::rc::Rc;

use yew::prelude::*;

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
    let speakers = &props.report.speakers;
    html! {
        <section class="list speakers" id="isnad-speakers" aria-labelledby="isnad-speakers-title">
            <h2 id="isnad-speakers-title">{ "Speakers " }<span class="count">{ speakers.len() }</span></h2>
            if speakers.is_empty() {
                <p class="none">{ "No speakers found." }</p>
            } else {
                <ul>{ for speakers.iter().map(speaker_item) }</ul>
            }
        </section>
    }
}

fn speaker_item(speaker: &SpeakerRow) -> Html {
    let count = if speaker.quotes == 1 {
        "1 quote".to_string()
    } else {
        format!("{} quotes", speaker.quotes)
    };
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
