//! One speaker in "who said what": name, title, count, the quotes they
//! said (each a button that selects and scrolls to the quote), and the
//! controls to rename the speaker or merge them into another.

use std::rc::Rc;

use isnad_engine::edit::Edit;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{Counted, UiLang};
use crate::report::SpeakerRow;
use crate::state::Action;

/// Properties of [`SpeakerItem`].
#[derive(Properties, PartialEq)]
pub struct SpeakerItemProps {
    /// The speaker to show.
    pub row: Rc<SpeakerRow>,
    /// Every speaker as (id, name), for the merge select.
    pub others: Rc<Vec<(AttrValue, AttrValue)>>,
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
    let on_merge = {
        let id = speaker.id.to_string();
        props.dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            Action::Apply(Edit::MergeSpeakers(id.clone(), select.value()))
        })
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
            <details class="speaker-edit">
                <summary>{ t.rename }{ " · " }{ t.merge_into }</summary>
                <label for={rename_id.clone()}>{ t.rename }</label>
                <input id={rename_id} class="rename" type="text" dir="auto" value={speaker.name.clone()} onchange={on_rename} />
                if props.others.len() > 1 {
                    <label for={merge_id.clone()}>{ t.merge_into }</label>
                    <select id={merge_id} class="merge" onchange={on_merge}>
                        <option value="" selected=true disabled=true>{ "—" }</option>
                        { for props.others.iter().filter(|(id, _)| *id != speaker.id).map(|(id, name)| html! {
                            <option value={id.clone()} dir="auto">{ name.clone() }</option>
                        }) }
                    </select>
                }
            </details>
            }
        </li>
    }
}
