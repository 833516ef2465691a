//! One paragraph of the analysed article with its highlights. A component
//! of its own so that an edit draws again only the paragraphs it changes:
//! Yew skips a paragraph whose [`ParagraphView`] and selection are equal.

use std::rc::Rc;

use isnad_engine::render::Role;
use isnad_engine::Origin;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::report::{LayerView, ParagraphView, RunView};

/// Properties of [`Paragraph`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph's runs and highlights.
    pub view: Rc<ParagraphView>,
    /// The selected annotation, only when this paragraph shows it (so
    /// selecting elsewhere leaves this paragraph alone).
    pub selected: Option<AttrValue>,
}

/// `<p class="para" dir="auto">` holding nested highlight spans.
#[function_component(Paragraph)]
pub fn paragraph(props: &ParagraphProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let selected = props.selected.as_deref();
    html! {
        <p class="para" dir="auto" data-start16={props.view.start16.to_string()}>
            { for props.view.runs.iter().map(|run| run_html(run, selected, t.kind_names)) }
        </p>
    }
}

/// One run: its text inside one element per covering layer, outermost first.
fn run_html(run: &RunView, selected: Option<&str>, names: [&'static str; 3]) -> Html {
    run.layers
        .iter()
        .rev()
        .fold(html! { { run.text.clone() } }, |inner, layer| {
            layer_html(layer, inner, selected, names)
        })
}

fn layer_html(
    layer: &LayerView,
    inner: Html,
    selected: Option<&str>,
    names: [&'static str; 3],
) -> Html {
    let (kind, role, class) = match layer.role {
        Role::QuoteContent => ("quote", "content", "hl hl-quote"),
        Role::Cue => ("quote", "cue", "hl hl-cue"),
        Role::Mention => ("quote", "mention", "hl hl-mention"),
        Role::Claim => ("claim", "content", "hl hl-claim"),
        Role::Boilerplate => ("boilerplate", "content", "hl hl-noise"),
    };
    let is_selected = selected == Some(layer.id.as_str());
    let origin = match layer.origin {
        Origin::Auto => "auto",
        Origin::Editor => "editor",
    };
    // Screen readers hear the content as a marked passage of its kind;
    // cue and mention parts are read as plain text inside the quote.
    let description = match layer.role {
        Role::QuoteContent => Some(names[0]),
        Role::Claim => Some(names[1]),
        Role::Boilerplate => Some(names[2]),
        Role::Cue | Role::Mention => None,
    };
    html! {
        <span
            class={classes!(class, is_selected.then_some("selected"))}
            role={description.map(|_| "mark")}
            aria-roledescription={description}
            aria-current={is_selected.then_some("true")}
            data-kind={kind}
            data-role={role}
            data-origin={origin}
            data-annotation-id={layer.id.clone()}
        >{ inner }</span>
    }
}
