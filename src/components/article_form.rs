//! The input form: the article textarea, the language select and the
//! Analyse button. A paste is inserted by the reducer (as plain text, never
//! HTML) and analysed at once.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::LanguageSelect;
use crate::i18n::UiLang;
use crate::state::{LangChoice, Notice};
use isnad_engine::paste::{self, PasteError};

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
    /// Called when a paste is refused (empty clipboard, too large).
    pub on_paste_refused: Callback<Notice>,
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
        let on_refused = props.on_paste_refused.clone();
        Callback::from(move |e: Event| {
            let Some(clipboard) = e.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            let Some(data) = clipboard.clipboard_data() else {
                return;
            };
            // A web page's HTML flavour keeps the paragraph structure; it is
            // turned into plain text here and never inserted as HTML.
            let flavour = |kind: &str| data.get_data(kind).ok().filter(|t| !t.is_empty());
            let pasted = paste::from_clipboard(
                flavour("text/html").as_deref(),
                flavour("text/plain").as_deref(),
            );
            e.prevent_default();
            match paste::check_size(&pasted) {
                Ok(()) => {}
                Err(PasteError::TooLarge { bytes }) => {
                    on_refused.emit(Notice::TooLarge(bytes));
                    return;
                }
                Err(PasteError::Empty) => {
                    on_refused.emit(Notice::Empty);
                    return;
                }
            }
            let textarea: HtmlTextAreaElement = e.target_unchecked_into();
            // No selection means "at the end"; the reducer clamps.
            let start_at = textarea
                .selection_start()
                .ok()
                .flatten()
                .unwrap_or(u32::MAX);
            let end_at = textarea.selection_end().ok().flatten().unwrap_or(start_at);
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
                dir={box_direction(&props.text)}
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

/// Above this size the box gets an explicit direction: Chromium takes
/// tens of seconds to lay out a multi-megabyte `dir="auto"` text area.
const AUTO_DIRECTION_LIMIT: usize = 256 * 1024;

/// The text box's `dir`: `auto` for ordinary articles; for very large ones
/// the direction of the first letter (what `auto` would compute).
fn box_direction(text: &str) -> &'static str {
    if text.len() <= AUTO_DIRECTION_LIMIT {
        return "auto";
    }
    match text.chars().find(|c| c.is_alphabetic()) {
        Some(c) if isnad_engine::chars::is_arabic_letter(c) => "rtl",
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_texts_get_the_direction_of_their_first_letter() {
        assert_eq!(box_direction("قال"), "auto");
        let arabic = format!("«{}", "قال الوزير ".repeat(30_000));
        assert_eq!(box_direction(&arabic), "rtl");
        let english = format!("2024: {}", "the minister said ".repeat(20_000));
        assert_eq!(box_direction(&english), "ltr");
    }
}
