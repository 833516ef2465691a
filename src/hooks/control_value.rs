//! Keeps a `<select>` showing the state's value. A select the user changed
//! holds its own DOM value, and Yew only rewrites attributes whose virtual
//! value changed, so after an undo or redo the select could show a value
//! the state no longer has. This hook sets the DOM value whenever the
//! state's value changes.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Sets the select behind `node` to `value` after every render where
/// `value` changed.
#[hook]
pub fn use_select_value(node: &NodeRef, value: AttrValue) {
    let node = node.clone();
    use_effect_with(value, move |value| {
        if let Some(select) = node.cast::<HtmlSelectElement>() {
            if select.value() != value.as_str() {
                select.set_value(value);
            }
        }
    });
}
