//! The list filters: by kind, origin (automatic or the editor's), claim
//! status and speaker. They change what the lists show, never the
//! annotations themselves.

use isnad_engine::{ClaimStatus, Kind, Origin};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::{Action, Filter};

/// Properties of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// The current filter.
    pub filter: Filter,
    /// The analysis, for its speakers.
    pub report: std::rc::Rc<Report>,
    /// Sends the changed filter to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// Four selects; "all" leaves a dimension unfiltered.
#[function_component(FilterBar)]
pub fn filter_bar(props: &FilterBarProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let f = &props.filter;
    // One handler per select: read its value, change one field.
    let change = |set: fn(&mut Filter, &str)| {
        let filter = props.filter.clone();
        props.dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = filter.clone();
            set(&mut next, &select.value());
            Action::SetFilter(next)
        })
    };
    let on_kind = change(|f, v| {
        f.kind = match v {
            "quote" => Some(Kind::Quote),
            "claim" => Some(Kind::Claim),
            "boilerplate" => Some(Kind::Boilerplate),
            _ => None,
        }
    });
    let on_origin = change(|f, v| {
        f.origin = match v {
            "auto" => Some(Origin::Auto),
            "editor" => Some(Origin::Editor),
            _ => None,
        }
    });
    let on_status = change(|f, v| f.status = ClaimStatus::ALL.into_iter().find(|s| s.code() == v));
    let on_speaker =
        change(|f, v| f.speaker = (!v.is_empty()).then(|| AttrValue::from(v.to_string())));
    html! {
        <div class="filters" role="group" aria-label={t.filters}>
            <label>{ t.filter_kind }
                <select id="isnad-filter-kind" onchange={on_kind}>
                    <option value="" selected={f.kind.is_none()}>{ t.all }</option>
                    <option value="quote" selected={f.kind == Some(Kind::Quote)}>{ t.quotes }</option>
                    <option value="claim" selected={f.kind == Some(Kind::Claim)}>{ t.claims }</option>
                    <option value="boilerplate" selected={f.kind == Some(Kind::Boilerplate)}>{ t.noise }</option>
                </select>
            </label>
            <label>{ t.filter_origin }
                <select id="isnad-filter-origin" onchange={on_origin}>
                    <option value="" selected={f.origin.is_none()}>{ t.all }</option>
                    <option value="auto" selected={f.origin == Some(Origin::Auto)}>{ t.origin_auto }</option>
                    <option value="editor" selected={f.origin == Some(Origin::Editor)}>{ t.origin_editor }</option>
                </select>
            </label>
            <label>{ t.status }
                <select id="isnad-filter-status" onchange={on_status}>
                    <option value="" selected={f.status.is_none()}>{ t.all }</option>
                    { for ClaimStatus::ALL.into_iter().enumerate().map(|(i, s)| html! {
                        <option value={s.code()} selected={f.status == Some(s)}>{ t.statuses[i] }</option>
                    }) }
                </select>
            </label>
            <label>{ t.speaker }
                <select id="isnad-filter-speaker" onchange={on_speaker}>
                    <option value="" selected={f.speaker.is_none()}>{ t.all }</option>
                    { for props.report.speakers.iter().map(|s| html! {
                        <option value={s.id.clone()} selected={f.speaker.as_ref() == Some(&s.id)} dir="auto">{ s.name.clone() }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
