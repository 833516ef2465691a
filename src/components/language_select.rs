//! The document language select: detect automatically, or force ar/en/fr.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::LangChoice;

/// Properties of [`LanguageSelect`].
#[derive(Properties, PartialEq)]
pub struct LanguageSelectProps {
    /// The current choice.
    pub value: LangChoice,
    /// Called with the new choice.
    pub on_change: Callback<LangChoice>,
}

/// A labelled `<select>` of [`LangChoice::ALL`].
#[function_component(LanguageSelect)]
pub fn language_select(props: &LanguageSelectProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_change.emit(LangChoice::from_value(&select.value()));
        })
    };
    html! {
        <label class="field language">
            <span class="label">{ t.language_label }</span>
            <select id="isnad-language-select" name="language" {onchange}>
                { for LangChoice::ALL.into_iter().map(|choice| html! {
                    <option value={choice.value()} selected={choice == props.value}>
                        { match choice.lang() {
                            None => t.detect_language,
                            Some(lang) => t.language_name(lang),
                        } }
                    </option>
                }) }
            </select>
        </label>
    }
}
