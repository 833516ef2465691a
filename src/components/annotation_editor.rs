//! The editor of the selected annotation, above the article: a quote's
//! speaker (existing or new), form and cue; a claim's categories, status
//! and note. `Enter` in the article moves the focus here.

use std::rc::Rc;

use isnad_engine::edit::Edit;
use isnad_engine::{ClaimCategory, ClaimStatus, Detail, QuoteForm};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_select_value;
use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::Action;

/// The element id the article's `Enter` key focuses into.
pub const EDITOR_ID: &str = "isnad-editor";

/// Properties of [`AnnotationEditor`].
#[derive(Properties, PartialEq)]
pub struct AnnotationEditorProps {
    /// The analysis holding the annotation.
    pub report: Rc<Report>,
    /// The selected annotation's id.
    pub id: AttrValue,
    /// Sends the edits to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// A `role="group"` of controls for the selected quote or claim; nothing
/// for page noise (the toolbar's Delete and Accept cover it).
#[function_component(AnnotationEditor)]
pub fn annotation_editor(props: &AnnotationEditorProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let analysis = &props.report.analysis;
    let annotation = analysis.annotations.iter().find(|a| a.id == props.id);
    // The selects show the state's values after an undo or redo too (hooks
    // come before any early return).
    let (speaker_ref, form_ref, status_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let (speaker, form, status) = match annotation.map(|a| &a.detail) {
        Some(Detail::Quote(q)) => (
            AttrValue::from(q.speaker.clone().unwrap_or_default()),
            AttrValue::Static(q.form.code()),
            AttrValue::default(),
        ),
        Some(Detail::Claim(c)) => (
            AttrValue::default(),
            AttrValue::default(),
            AttrValue::Static(c.status.code()),
        ),
        _ => Default::default(),
    };
    use_select_value(&speaker_ref, speaker);
    use_select_value(&form_ref, form);
    use_select_value(&status_ref, status);
    let Some(annotation) = annotation else {
        return Html::default();
    };
    let id = annotation.id.clone();
    let dispatch = &props.dispatch;
    match &annotation.detail {
        Detail::Quote(q) => {
            let on_form = {
                let id = id.clone();
                dispatch.reform(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let form = [QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed]
                        .into_iter()
                        .find(|f| f.code() == select.value())
                        .unwrap_or(QuoteForm::Direct);
                    Action::Apply(Edit::SetForm(id.clone(), form))
                })
            };
            let on_speaker = {
                let id = id.clone();
                dispatch.reform(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let speaker = Some(select.value()).filter(|v| !v.is_empty());
                    Action::Apply(Edit::SetSpeaker(id.clone(), speaker))
                })
            };
            let on_new_speaker = {
                let id = id.clone();
                dispatch.reform(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let name = input.value();
                    input.set_value("");
                    Action::NewSpeaker {
                        quote: AttrValue::from(id.clone()),
                        name: AttrValue::from(name),
                    }
                })
            };
            let clear_cue = {
                let id = id.clone();
                dispatch.reform(move |_: MouseEvent| Action::Apply(Edit::SetCue(id.clone(), None)))
            };
            let cue = q.cue.map(|c| c.slice(&analysis.text).to_string());
            html! {
                <div id={EDITOR_ID} class="annotation-editor quote-editor" role="group" aria-label={t.edit_annotation} data-kind="quote">
                    <label for="isnad-quote-speaker">{ t.speaker }</label>
                    <select id="isnad-quote-speaker" ref={speaker_ref.clone()} onchange={on_speaker}>
                        <option value="" selected={q.speaker.is_none()}>{ t.unknown_speaker }</option>
                        { for analysis.speakers.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={q.speaker.as_deref() == Some(s.id.as_str())} dir="auto">{ s.name.clone() }</option>
                        }) }
                    </select>
                    <input id="isnad-new-speaker" type="text" dir="auto" placeholder={t.new_speaker} aria-label={t.new_speaker} onchange={on_new_speaker} />
                    <label for="isnad-quote-form">{ t.form }</label>
                    <select id="isnad-quote-form" ref={form_ref.clone()} onchange={on_form}>
                        { for [QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed].into_iter().map(|f| html! {
                            <option value={f.code()} selected={f == q.form}>{ t.form_name(f) }</option>
                        }) }
                    </select>
                    <span class="cue-field">
                        <span class="label">{ t.cue }{ ": " }</span>
                        <bdi id="isnad-quote-cue" dir="auto">{ cue.clone().unwrap_or_else(|| "—".into()) }</bdi>
                        if cue.is_some() {
                            <button type="button" id="isnad-clear-cue" aria-label={format!("{} — {}", t.cue, t.delete)} onclick={clear_cue}>{ "×" }</button>
                        }
                    </span>
                </div>
            }
        }
        Detail::Claim(c) => {
            let on_category = |category: ClaimCategory| {
                let id = id.clone();
                let current = c.categories.clone();
                dispatch.reform(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let mut next: Vec<ClaimCategory> =
                        current.iter().copied().filter(|&x| x != category).collect();
                    if input.checked() {
                        next.push(category);
                    }
                    // Keep the engine's order, whatever the click order.
                    next.sort_by_key(|x| ClaimCategory::ALL.iter().position(|y| y == x));
                    Action::Apply(Edit::SetCategories(id.clone(), next))
                })
            };
            let on_status = {
                let id = id.clone();
                let note = c.note.clone();
                dispatch.reform(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let status = ClaimStatus::ALL
                        .into_iter()
                        .find(|s| s.code() == select.value())
                        .unwrap_or_default();
                    Action::Apply(Edit::SetReview(id.clone(), status, note.clone()))
                })
            };
            let on_note = {
                let id = AttrValue::from(id.clone());
                dispatch.reform(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    Action::TypeNote {
                        id: id.clone(),
                        note: AttrValue::from(input.value()),
                    }
                })
            };
            html! {
                <div id={EDITOR_ID} class="annotation-editor claim-editor" role="group" aria-label={t.edit_annotation} data-kind="claim">
                    <fieldset class="categories-field">
                        <legend>{ t.categories_label }</legend>
                        { for ClaimCategory::ALL.into_iter().map(|category| {
                            let input_id = format!("isnad-category-{}", category.code());
                            html! {
                                <span class="category-choice">
                                    <input
                                        type="checkbox"
                                        id={input_id.clone()}
                                        data-category={category.code()}
                                        checked={c.categories.contains(&category)}
                                        onchange={on_category(category)}
                                    />
                                    <label for={input_id}>{ t.category_name(category) }</label>
                                </span>
                            }
                        }) }
                    </fieldset>
                    <label for="isnad-claim-status">{ t.status }</label>
                    <select id="isnad-claim-status" ref={status_ref.clone()} onchange={on_status}>
                        { for ClaimStatus::ALL.into_iter().enumerate().map(|(i, s)| html! {
                            <option value={s.code()} selected={s == c.status}>{ t.statuses[i] }</option>
                        }) }
                    </select>
                    <label for="isnad-claim-note">{ t.note }</label>
                    <input id="isnad-claim-note" type="text" dir="auto" value={c.note.clone()} oninput={on_note} />
                </div>
            }
        }
        Detail::Boilerplate => Html::default(),
    }
}
