//! One row of the page-noise list.

use std::rc::Rc;

use yew::prelude::*;

use crate::report::NoiseRow;

/// Properties of [`NoiseItem`].
#[derive(Properties, PartialEq)]
pub struct NoiseItemProps {
    /// The page-noise item to show.
    pub row: Rc<NoiseRow>,
}

/// `<li data-kind="boilerplate">` with the item's text.
#[function_component(NoiseItem)]
pub fn noise_item(props: &NoiseItemProps) -> Html {
    let item = &props.row;
    html! {
        <li
            data-kind="boilerplate"
            data-annotation-id={item.id.clone()}
            data-start={item.range.start.to_string()}
            data-end={item.range.end.to_string()}
        >
            <span class="content" dir="auto">{ item.text.clone() }</span>
        </li>
    }
}
