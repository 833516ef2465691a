//! One row of the claim list: text, categories and the fact-check (status
//! and note), editable in place.

use std::rc::Rc;

use isnad_engine::edit::Edit;
use isnad_engine::ClaimStatus;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_select_value;
use crate::i18n::UiLang;
use crate::report::ClaimRow;
use crate::state::Action;

/// Properties of [`ClaimItem`].
#[derive(Properties, PartialEq)]
pub struct ClaimItemProps {
    /// The claim to show.
    pub row: Rc<ClaimRow>,
    /// Sends a fact-check (status and note) to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// `<li data-kind="claim">` with a status select and a note field.
#[function_component(ClaimItem)]
pub fn claim_item(props: &ClaimItemProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let read_only = use_context::<Rc<crate::config::Config>>().is_some_and(|c| c.read_only);
    let claim = &props.row;
    let on_status = {
        let note = claim.note.to_string();
        let id = claim.id.clone();
        props.dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let status = ClaimStatus::ALL
                .into_iter()
                .find(|s| s.code() == select.value())
                .unwrap_or_default();
            Action::Apply(Edit::SetReview(id.to_string(), status, note.clone()))
        })
    };
    // Saved as it is typed (see `Action::TypeNote`): no Enter needed.
    let on_note = {
        let id = claim.id.clone();
        props.dispatch.reform(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Action::TypeNote {
                id: id.clone(),
                note: AttrValue::from(input.value()),
            }
        })
    };
    let status_ref = use_node_ref();
    use_select_value(&status_ref, AttrValue::Static(claim.status.code()));
    let status_id = format!("isnad-status-{}", claim.id);
    let note_id = format!("isnad-note-{}", claim.id);
    html! {
        <li
            data-kind="claim"
            data-annotation-id={claim.id.clone()}
            data-start={claim.range.start.to_string()}
            data-end={claim.range.end.to_string()}
        >
            <p class="content" dir="auto">{ claim.text.clone() }</p>
            <ul class="categories" aria-label={t.categories_label}>
                { for claim.categories.iter().map(|category| html! {
                    <li class="category" data-category={category.code()}>{ t.category_name(*category) }</li>
                }) }
            </ul>
            <div class="review" data-status={claim.status.code()}>
                <label for={status_id.clone()}>{ t.status }</label>
                <select id={status_id} ref={status_ref} class="status" onchange={on_status} disabled={read_only}>
                    { for ClaimStatus::ALL.into_iter().enumerate().map(|(i, s)| html! {
                        <option value={s.code()} selected={s == claim.status}>{ t.statuses[i] }</option>
                    }) }
                </select>
                <label for={note_id.clone()}>{ t.note }</label>
                <input id={note_id} class="note" type="text" dir="auto" value={claim.note.clone()} oninput={on_note} readonly={read_only} />
            </div>
        </li>
    }
}
