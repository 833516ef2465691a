//! The list of checkable claims: text and categories.

use std::rc::Rc;

use isnad_engine::edit::Edit;
use isnad_engine::ClaimStatus;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::{more_line, LIST_LIMIT};
use crate::i18n::{Text, UiLang};
use crate::report::{ClaimRow, Report};
use crate::state::Action;

/// Properties of [`ClaimList`].
#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    /// The analysis whose claims to list.
    pub report: Rc<Report>,
    /// What to show.
    pub filter: crate::state::Filter,
    /// Sends a fact-check (status and note) to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// One `<li data-kind="claim">` per claim.
#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let f = &props.filter;
    if f.kind.is_some_and(|k| k != isnad_engine::Kind::Claim) || f.speaker.is_some() {
        return Html::default();
    }
    let claims: Vec<&ClaimRow> = props
        .report
        .claims
        .iter()
        .filter(|c| f.shows(isnad_engine::Kind::Claim, c.origin))
        .filter(|c| f.status.is_none_or(|s| s == c.status))
        .collect();
    html! {
        <section class="list claims" id="isnad-claims" aria-labelledby="isnad-claims-title">
            <h2 id="isnad-claims-title">{ t.claims }{ " " }<span class="count">{ claims.len() }</span></h2>
            if claims.is_empty() {
                <p class="none">{ t.none_found[2] }</p>
            } else {
                <ol>{ for claims.iter().take(LIST_LIMIT).map(|c| claim_item(t, c, &props.dispatch)) }</ol>
                { more_line(t, claims.len()) }
            }
        </section>
    }
}

fn claim_item(t: &Text, claim: &ClaimRow, dispatch: &Callback<Action>) -> Html {
    let on_status = {
        let note = claim.note.to_string();
        let id = claim.id.clone();
        dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let status = ClaimStatus::ALL
                .into_iter()
                .find(|s| s.code() == select.value())
                .unwrap_or_default();
            Action::Apply(Edit::SetReview(id.to_string(), status, note.clone()))
        })
    };
    let on_note = {
        let status = claim.status;
        let id = claim.id.clone();
        dispatch.reform(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Action::Apply(Edit::SetReview(id.to_string(), status, input.value()))
        })
    };
    let status_id = format!("isnad-status-{}", claim.id);
    let note_id = format!("isnad-note-{}", claim.id);
    html! {
        <li
            key={claim.id.as_str()}
            data-kind="claim"
            data-annotation-id={claim.id.clone()}
            data-start={claim.range.start.to_string()}
            data-end={claim.range.end.to_string()}
        >
            <p class="content" dir="auto">{ claim.text.clone() }</p>
            <ul class="categories">
                { for claim.categories.iter().map(|category| html! {
                    <li class="category" data-category={category.code()}>{ t.category_name(*category) }</li>
                }) }
            </ul>
            <div class="review" data-status={claim.status.code()}>
                <label for={status_id.clone()}>{ t.status }</label>
                <select id={status_id} class="status" onchange={on_status}>
                    { for ClaimStatus::ALL.into_iter().enumerate().map(|(i, s)| html! {
                        <option value={s.code()} selected={s == claim.status}>{ t.statuses[i] }</option>
                    }) }
                </select>
                <label for={note_id.clone()}>{ t.note }</label>
                <input id={note_id} class="note" type="text" dir="auto" value={claim.note.clone()} onchange={on_note} />
            </div>
        </li>
    }
}
