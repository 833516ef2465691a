//! The input form: the article textarea, the language select and the
//! Analyse button. A paste is inserted by the reducer (as plain text, never
//! HTML) and analysed at once.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::LanguageSelect;
use crate::i18n::UiLang;
use crate::state::LangChoice;

/// Properties of [`ArticleForm`].
#[derive(Properties, PartialEq)]
pub struct ArticleFormProps {
    /// The textarea's content.
    pub text: AttrValue,
    /// The language choice.
    pub language: LangChoice,
    /// The textarea, for the caret effect in the app.
    pub textarea: NodeRef,
    /// Called with the textarea's whole value after typing.
    pub on_edit: Callback<AttrValue>,
    /// Called with the pasted plain text and the UTF-16 selection it replaces.
    pub on_paste: Callback<(AttrValue, u32, u32)>,
    /// Called when the language select changes.
    pub on_language: Callback<LangChoice>,
    /// Called by the Analyse button.
    pub on_analyse: Callback<()>,
}

/// The article input form.
#[function_component(ArticleForm)]
pub fn article_form(props: &ArticleFormProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let textarea: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(AttrValue::from(textarea.value()));
        })
    };
    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: Event| {
            let Some(clipboard) = e.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            // Only the plain-text flavour is read; without one the browser
            // pastes as usual and the input handler sees it.
            let Some(pasted) = clipboard
                .clipboard_data()
                .and_then(|data| data.get_data("text/plain").ok())
                .filter(|text| !text.is_empty())
            else {
                return;
            };
            let textarea: HtmlTextAreaElement = e.target_unchecked_into();
            // No selection means "at the end"; the reducer clamps.
            let start_at = textarea
                .selection_start()
                .ok()
                .flatten()
                .unwrap_or(u32::MAX);
            let end_at = textarea.selection_end().ok().flatten().unwrap_or(start_at);
            e.prevent_default();
            on_paste.emit((AttrValue::from(pasted), start_at, end_at));
        })
    };
    let onsubmit = {
        let on_analyse = props.on_analyse.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_analyse.emit(());
        })
    };

    html! {
        <form class="article-form" {onsubmit}>
            <label class="field article" for="isnad-text">
                <span class="label">{ t.article_label }</span>
            </label>
            <textarea
                id="isnad-text"
                name="text"
                dir="auto"
                rows="14"
                spellcheck="false"
                placeholder="الصق نص المقال هنا — paste the article here"
                ref={props.textarea.clone()}
                value={props.text.clone()}
                {oninput}
                {onpaste}
            />
            <div class="controls">
                <LanguageSelect value={props.language} on_change={props.on_language.clone()} />
                <button type="submit" class="analyse">{ t.analyse }</button>
            </div>
        </form>
    }
}
