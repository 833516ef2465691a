//! The page-noise list: bylines, related headlines, prompts, repeats.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::noise_item::NoiseItem;
use crate::components::{more_line, use_shown, LIST_LIMIT};
use crate::i18n::UiLang;
use crate::report::{NoiseRow, Report};

/// Properties of [`NoiseList`].
#[derive(Properties, PartialEq)]
pub struct NoiseListProps {
    /// The analysis whose page noise to list.
    pub report: Rc<Report>,
    /// What to show.
    pub filter: crate::state::Filter,
}

/// A count and one `<li data-kind="boilerplate">` per item.
#[function_component(NoiseList)]
pub fn noise_list(props: &NoiseListProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let (shown, on_more) = use_shown(LIST_LIMIT);
    let f = &props.filter;
    if f.kind.is_some_and(|k| k != isnad_engine::Kind::Boilerplate)
        || f.status.is_some()
        || f.speaker.is_some()
    {
        return Html::default();
    }
    let noise: Vec<&Rc<NoiseRow>> = props
        .report
        .noise
        .iter()
        .filter(|n| f.shows(isnad_engine::Kind::Boilerplate, n.origin))
        .collect();
    html! {
        <section class="list noise" id="isnad-noise" aria-labelledby="isnad-noise-title">
            <h2 id="isnad-noise-title">{ t.noise }{ " " }<span class="count">{ noise.len() }</span></h2>
            if noise.is_empty() {
                <p class="none">{ t.none_found[3] }</p>
            } else {
                <ol>{ for noise.iter().take(shown).map(|n| html! { <NoiseItem key={n.id.as_str()} row={(*n).clone()} /> }) }</ol>
                { more_line(t, noise.len(), shown, LIST_LIMIT, on_more) }
            }
        </section>
    }
}
