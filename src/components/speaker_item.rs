//! One speaker in "who said what": name, title, count, the quotes they
//! said (each a button that selects and scrolls to the quote), and the
//! controls to rename the speaker or merge them into another.

use std::rc::Rc;

use isnad_engine::edit::Edit;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Counted, UiLang};
use crate::report::SpeakerRow;
use crate::state::Action;

/// Properties of [`SpeakerItem`].
#[derive(Properties, PartialEq)]
pub struct SpeakerItemProps {
    /// The speaker to show.
    pub row: Rc<SpeakerRow>,
    /// Every speaker as (id, name), to find the one a merge names.
    pub others: Rc<Vec<(AttrValue, AttrValue)>>,
    /// The id of the one `<datalist>` of speaker names the list shares
    /// (drawn once a merge picker is opened, not once per speaker).
    pub choices: AttrValue,
    /// Called when this speaker's editing controls are opened.
    pub on_open: Callback<()>,
    /// Sends selections, renames and merges to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// `<li data-speaker-id>` with the speaker's quotes and editing controls.
#[function_component(SpeakerItem)]
pub fn speaker_item(props: &SpeakerItemProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let read_only = use_context::<Rc<crate::config::Config>>().is_some_and(|c| c.read_only);
    let speaker = &props.row;
    let count = (t.count)(speaker.quotes, Counted::Quotes);
    let said = speaker.said.iter().map(|q| {
        let id = q.id.clone();
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::Select(Some(id.clone())));
        html! {
            <li>
                <button type="button" class="said" data-quote-id={q.id.clone()} dir="auto" {onclick}>
                    { q.excerpt.clone() }
                </button>
            </li>
        }
    });
    let on_rename = {
        let id = speaker.id.to_string();
        let title = speaker.title.as_ref().map(|t| t.to_string());
        props.dispatch.reform(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Action::Apply(Edit::RenameSpeaker {
                id: id.clone(),
                name: input.value(),
                title: title.clone(),
            })
        })
    };
    // A searchable picker: the name typed (or chosen from the shared
    // list) names the speaker to merge into.
    let on_merge = {
        let id = speaker.id.clone();
        let others = props.others.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let wanted = input.value().trim().to_lowercase();
            let target = others
                .iter()
                .find(|(other, name)| *other != id && name.trim().to_lowercase() == wanted);
            if let Some((target, _)) = target {
                input.set_value("");
                dispatch.emit(Action::Apply(Edit::MergeSpeakers(
                    id.to_string(),
                    target.to_string(),
                )));
            }
        })
    };
    let ontoggle = {
        let on_open = props.on_open.clone();
        Callback::from(move |_: Event| on_open.emit(()))
    };
    let rename_id = format!("isnad-rename-{}", speaker.id);
    let merge_id = format!("isnad-merge-{}", speaker.id);
    html! {
        <li data-speaker-id={speaker.id.clone()}>
            <span class="name" dir="auto">{ speaker.name.clone() }</span>
            if let Some(title) = &speaker.title {
                <span class="title" dir="auto">{ title.clone() }</span>
            }
            <span class="count">{ count }</span>
            <ol class="said-list">{ for said }</ol>
            if !read_only {
            <details class="speaker-edit" {ontoggle}>
                <summary>{ t.rename }{ " · " }{ t.merge_into }</summary>
                <label for={rename_id.clone()}>{ t.rename }</label>
                <input id={rename_id} class="rename" type="text" dir="auto" value={speaker.name.clone()} onchange={on_rename} />
                if props.others.len() > 1 {
                    <label for={merge_id.clone()}>{ t.merge_into }</label>
                    <input id={merge_id} class="merge" type="text" dir="auto" list={props.choices.clone()} autocomplete="off" onchange={on_merge} />
                }
            </details>
            }
        </li>
    }
}
