//! What the page shows instead of results while there is no text.

use yew::prelude::*;

use crate::i18n::UiLang;

/// The empty-input hint.
#[function_component(Hint)]
pub fn hint() -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    html! {
        <p id="isnad-hint" class="hint" role="status">
            { t.empty_hint }
        </p>
    }
}
