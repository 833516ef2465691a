//! The editor's annotations that a change of the text could not place:
//! each is listed with what it was on and its details (speaker, verdict,
//! note), and can be put back on words selected in the article (with all
//! its details) or discarded. Both are undoable edits; nothing is dropped
//! silently.

use std::rc::Rc;

use isnad_engine::edit::{Edit, Orphaned};
use isnad_engine::{ClaimStatus, Detail};
use yew::prelude::*;

use crate::components::article_view::selection_utf16;
use crate::i18n::UiLang;
use crate::state::{Action, Mark};

/// Properties of [`OrphanList`].
#[derive(Properties, PartialEq)]
pub struct OrphanListProps {
    /// The orphans of the current layer, in the order they were made.
    pub orphans: Rc<Vec<Orphaned>>,
    /// Sends the place and discard intents to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// `<section id="isnad-orphans">`: one row per orphan.
#[function_component(OrphanList)]
pub fn orphan_list(props: &OrphanListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let rows = props.orphans.iter().enumerate().map(|(index, orphan)| {
        let kind = match orphan.annotation.kind() {
            isnad_engine::Kind::Quote => t.kind_names[0],
            isnad_engine::Kind::Claim => t.kind_names[1],
            isnad_engine::Kind::Boilerplate => t.kind_names[2],
        };
        let detail = match &orphan.annotation.detail {
            Detail::Quote(_) => orphan.speaker.as_ref().map(|s| s.name.clone()),
            Detail::Claim(c) if c.status != ClaimStatus::Unchecked || !c.note.is_empty() => {
                let i = ClaimStatus::ALL.iter().position(|s| *s == c.status);
                let status = i.map_or("", |i| t.statuses[i]);
                Some(if c.note.is_empty() {
                    status.to_string()
                } else {
                    format!("{status}: {}", c.note)
                })
            }
            _ => None,
        };
        let place = {
            let dispatch = props.dispatch.clone();
            // The article's selection survives the press (as with the
            // toolbar's mark buttons).
            Callback::from(move |_: MouseEvent| {
                if let Some((start16, end16)) = selection_utf16() {
                    dispatch.emit(Action::MarkSelection {
                        mark: Mark::Orphan(index),
                        start16,
                        end16,
                    });
                }
            })
        };
        let discard = props
            .dispatch
            .reform(move |_: MouseEvent| Action::Apply(Edit::DropOrphan(index)));
        html! {
            <li class="orphan" data-kind={kind}>
                <span class="orphan-kind">{ kind }</span>{ " " }
                <q dir="auto">{ orphan.exact.clone() }</q>
                if let Some(detail) = detail {
                    { " " }<span class="orphan-detail" dir="auto">{ detail }</span>
                }
                { " " }
                <button type="button" class="place-orphan" onclick={place}>{ t.place_orphan }</button>
                <button type="button" class="drop-orphan" onclick={discard}>{ t.drop_orphan }</button>
            </li>
        }
    });
    html! {
        <section id="isnad-orphans" class="orphans" aria-labelledby="isnad-orphans-heading">
            <h2 id="isnad-orphans-heading">{ t.orphans_heading }{ format!(" ({})", props.orphans.len()) }</h2>
            <p class="orphans-hint">{ t.orphans_hint }</p>
            <ul>{ for rows }</ul>
        </section>
    }
}
