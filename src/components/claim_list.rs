//! The list of checkable claims: text and categories.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{more_line, LIST_LIMIT};
use crate::i18n::{Text, UiLang};
use crate::report::{ClaimRow, Report};

/// Properties of [`ClaimList`].
#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    /// The analysis whose claims to list.
    pub report: Rc<Report>,
}

/// One `<li data-kind="claim">` per claim.
#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let claims = &props.report.claims;
    html! {
        <section class="list claims" id="isnad-claims" aria-labelledby="isnad-claims-title">
            <h2 id="isnad-claims-title">{ t.claims }{ " " }<span class="count">{ claims.len() }</span></h2>
            if claims.is_empty() {
                <p class="none">{ t.none_found[2] }</p>
            } else {
                <ol>{ for claims.iter().take(LIST_LIMIT).map(|c| claim_item(t, c)) }</ol>
                { more_line(t, claims.len()) }
            }
        </section>
    }
}

fn claim_item(t: &Text, claim: &ClaimRow) -> Html {
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
        </li>
    }
}
