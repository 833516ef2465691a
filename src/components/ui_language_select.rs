//! The interface-language switcher: English, Arabic or French for every
//! label and message (the article's own language is chosen separately).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::UiLang;

/// Properties of [`UiLanguageSelect`].
#[derive(Properties, PartialEq)]
pub struct UiLanguageSelectProps {
    /// The current interface language.
    pub value: UiLang,
    /// Called with the chosen language.
    pub on_change: Callback<UiLang>,
}

/// A select listing each interface language by its own name.
#[function_component(UiLanguageSelect)]
pub fn ui_language_select(props: &UiLanguageSelectProps) -> Html {
    let t = props.value.text();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = UiLang::from_code(&select.value()) {
                on_change.emit(lang);
            }
        })
    };
    html! {
        <label class="field ui-language">
            <span class="label">{ t.interface_language }</span>
            <select id="isnad-ui-language" name="ui-language" {onchange}>
                { for UiLang::ALL.into_iter().map(|lang| html! {
                    <option value={lang.code()} lang={lang.code()} selected={lang == props.value}>
                        { lang.endonym() }
                    </option>
                }) }
            </select>
        </label>
    }
}
