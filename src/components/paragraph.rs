//! One paragraph of the analysed article with its highlights. A component
//! of its own so that an edit draws again only the paragraphs it changes:
//! Yew skips a paragraph whose [`ParagraphView`] and selection are equal.

use std::rc::Rc;

use isnad_engine::render::{Role, MAX_LAYERS};
use isnad_engine::Origin;
use yew::prelude::*;

use crate::i18n::{Text, UiLang};
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
            { for props.view.runs.iter().map(|run| run_html(run, selected, t)) }
        </p>
    }
}

/// One run: its text inside one element per kept layer, outermost first.
/// The engine keeps at most [`MAX_LAYERS`] layers per run, and no more are
/// drawn whatever the view holds, so the elements never nest deeper than
/// that (deep element trees overflow the wasm stack when Yew walks them).
/// Layers stacked beyond them are counted once, on the innermost element.
fn run_html(run: &RunView, selected: Option<&str>, t: &'static Text) -> Html {
    let kept = run.layers.len().min(MAX_LAYERS);
    // The outermost kept - 1 and the innermost, as the engine cuts.
    let (outer, inner) = run.layers.split_at(run.layers.len().saturating_sub(1));
    let outer = &outer[..kept.saturating_sub(1)];
    let hidden = run.hidden + (run.layers.len() - kept);
    let text = html! { { run.text.clone() } };
    let Some(inner) = inner.first() else {
        return text;
    };
    let innermost = layer_html(inner, text, selected, t, hidden);
    outer.iter().rev().fold(innermost, |inside, layer| {
        layer_html(layer, inside, selected, t, 0)
    })
}

/// One highlight element around `inner`; `hidden` (when not zero) marks it
/// as the innermost of a stack drawn only in part: `data-stacked` holds the
/// count and the stylesheet shows it as a badge (generated content, so it
/// never becomes part of the text a selection measures).
fn layer_html(
    layer: &LayerView,
    inner: Html,
    selected: Option<&str>,
    t: &'static Text,
    hidden: usize,
) -> Html {
    let names = t.kind_names;
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
    let (badge, title, count) = if hidden > 0 {
        let n = hidden.to_string();
        (
            Some(AttrValue::from(t.stacked_badge.replace("{n}", &n))),
            Some(AttrValue::from(t.stacked_title.replace("{n}", &n))),
            Some(AttrValue::from(n)),
        )
    } else {
        (None, None, None)
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
            data-stacked={count}
            data-stacked-label={badge}
            {title}
        >{ inner }</span>
    }
}
