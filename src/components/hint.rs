//! What the page shows instead of results while there is no text.

use yew::prelude::*;

/// The empty-input hint.
#[function_component(Hint)]
pub fn hint() -> Html {
    html! {
        <p id="isnad-hint" class="hint" role="status">
            { "Paste an article above (Arabic, English or French). isnad lists its quotes, speakers, claims and page noise as soon as you paste, or when you press Analyse." }
        </p>
    }
}
