//! The list of checkable claims: text, categories and fact-check.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::claim_item::ClaimItem;
use crate::components::{more_line, use_shown, LIST_LIMIT};
use crate::i18n::UiLang;
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
    let (shown, on_more) = use_shown(LIST_LIMIT);
    let f = &props.filter;
    if f.kind.is_some_and(|k| k != isnad_engine::Kind::Claim) || f.speaker.is_some() {
        return Html::default();
    }
    let claims: Vec<&Rc<ClaimRow>> = props
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
                <ol>{ for claims.iter().take(shown).map(|c| html! { <ClaimItem key={c.id.as_str()} row={(*c).clone()} dispatch={props.dispatch.clone()} /> }) }</ol>
                { more_line(t, claims.len(), shown, LIST_LIMIT, on_more) }
            }
        </section>
    }
}
