//! The analysed article with its highlights: quote content, cue words and
//! speaker mentions, claims (underlined, so a claim inside a quote shows
//! both) and page noise (dimmed). Each paragraph reads in its own direction
//! (`dir="auto"`). Highlights are nested elements cut at word edges only
//! (see `isnad_engine::render`), so Arabic letters stay joined.
//!
//! Editing: click a highlight to select it; select text and press `q`
//! (quote), `c` (claim) or `s` (speaker mention of the selected quote), or
//! use the toolbar; `Delete` removes the selected annotation.

use isnad_engine::render::{Layer, Role, Run};
use isnad_engine::{Analysis, Origin};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, Node};
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::Mark;

/// Paragraphs shown at most: very long pastes are analysed in full, but
/// rendering tens of thousands of paragraphs would freeze the page.
pub const PARAGRAPH_LIMIT: usize = 1500;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysis to show.
    pub report: std::rc::Rc<Report>,
    /// The selected annotation's id.
    pub selected: Option<AttrValue>,
    /// Called with the clicked annotation (the innermost highlight), or none.
    pub on_select: Callback<Option<AttrValue>>,
    /// Called with a mark and the article selection in UTF-16 units.
    pub on_mark: Callback<(Mark, u32, u32)>,
    /// Called to delete the selected annotation.
    pub on_delete: Callback<AttrValue>,
    /// Called to accept the selected automatic annotation.
    pub on_accept: Callback<AttrValue>,
}

/// The highlighted article and its editing toolbar.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let report = &props.report;
    let analysis = &report.analysis;
    let selected = props.selected.as_deref();
    let paragraphs = report
        .runs
        .iter()
        .zip(report.paragraph_starts16.iter())
        .take(PARAGRAPH_LIMIT)
        .map(|(p, start16)| {
            html! {
                <p class="para" dir="auto" data-start16={start16.to_string()}>
                    { for p.runs.iter().map(|run| run_html(analysis, run, selected)) }
                </p>
            }
        });

    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("[data-annotation-id]").ok().flatten())
                .and_then(|el| el.get_attribute("data-annotation-id"))
                .map(AttrValue::from);
            on_select.emit(id);
        })
    };
    let mark = |mark: Mark| {
        let on_mark = props.on_mark.clone();
        move || {
            if let Some((start, end)) = selection_utf16() {
                on_mark.emit((mark, start, end));
            }
        }
    };
    let onkeydown = {
        let (quote, claim, mention) = (mark(Mark::Quote), mark(Mark::Claim), mark(Mark::Mention));
        let on_delete = props.on_delete.clone();
        let selected = props.selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            match e.key().as_str() {
                "q" => quote(),
                "c" => claim(),
                "s" => mention(),
                "Delete" | "Backspace" => match &selected {
                    Some(id) => on_delete.emit(id.clone()),
                    None => return,
                },
                _ => return,
            }
            e.prevent_default();
        })
    };
    let button = |label: &'static str, key: &'static str, action: Callback<MouseEvent>| {
        html! {
            <button type="button" onclick={action} aria-keyshortcuts={key}>
                { label }<kbd>{ key }</kbd>
            </button>
        }
    };
    let on_mark_button = |m: Mark| {
        let run = mark(m);
        // The button takes focus on press; the text selection stays.
        Callback::from(move |_: MouseEvent| run())
    };
    let selected_annotation =
        selected.and_then(|id| analysis.annotations.iter().find(|a| a.id == id));
    let delete = {
        let on_delete = props.on_delete.clone();
        let id = props.selected.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &id {
                on_delete.emit(id.clone());
            }
        })
    };
    let accept = {
        let on_accept = props.on_accept.clone();
        let id = props.selected.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &id {
                on_accept.emit(id.clone());
            }
        })
    };

    html! {
        <section class="article-pane">
            <div class="toolbar" role="toolbar" aria-label={t.shortcuts}>
                { button(t.mark_quote, "q", on_mark_button(Mark::Quote)) }
                { button(t.mark_claim, "c", on_mark_button(Mark::Claim)) }
                { button(t.mark_mention, "s", on_mark_button(Mark::Mention)) }
                if let Some(a) = selected_annotation {
                    <button type="button" class="delete" onclick={delete} aria-keyshortcuts="Delete">{ t.delete }</button>
                    if a.origin == Origin::Auto {
                        <button type="button" class="accept" onclick={accept}>{ t.accept }</button>
                    }
                }
            </div>
            <article
                id="isnad-article"
                class="article"
                tabindex="0"
                aria-label={t.analysed_article}
                {onclick}
                {onkeydown}
            >
                { for paragraphs }
            </article>
        </section>
    }
}

/// One run: its text inside one element per covering layer, outermost first.
fn run_html(analysis: &Analysis, run: &Run, selected: Option<&str>) -> Html {
    let text = run.span.slice(&analysis.text).to_string();
    run.layers
        .iter()
        .rev()
        .fold(html! { { text } }, |inner, layer| {
            layer_html(analysis, layer, inner, selected)
        })
}

fn layer_html(analysis: &Analysis, layer: &Layer, inner: Html, selected: Option<&str>) -> Html {
    let Some(annotation) = analysis.annotations.get(layer.annotation) else {
        return inner;
    };
    let (kind, role, class) = match layer.role {
        Role::QuoteContent => ("quote", "content", "hl hl-quote"),
        Role::Cue => ("quote", "cue", "hl hl-cue"),
        Role::Mention => ("quote", "mention", "hl hl-mention"),
        Role::Claim => ("claim", "content", "hl hl-claim"),
        Role::Boilerplate => ("boilerplate", "content", "hl hl-noise"),
    };
    let is_selected = selected == Some(annotation.id.as_str());
    let origin = match annotation.origin {
        Origin::Auto => "auto",
        Origin::Editor => "editor",
    };
    html! {
        <span
            class={classes!(class, is_selected.then_some("selected"))}
            data-kind={kind}
            data-role={role}
            data-origin={origin}
            data-annotation-id={annotation.id.clone()}
        >{ inner }</span>
    }
}

/// The window's text selection inside the article, in UTF-16 units of the
/// analysed text: each paragraph says where it starts (`data-start16`), and
/// a range from the paragraph's start to the selection point measures the
/// rest, as the DOM counts.
fn selection_utf16() -> Option<(u32, u32)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start = point_utf16(&range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = point_utf16(&range.end_container().ok()?, range.end_offset().ok()?)?;
    Some((start.min(end), start.max(end)))
}

fn point_utf16(node: &Node, offset: u32) -> Option<u32> {
    let element = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    let paragraph = element.closest("#isnad-article p.para").ok()??;
    let start16: u32 = paragraph.get_attribute("data-start16")?.parse().ok()?;
    let document = web_sys::window()?.document()?;
    let before = document.create_range().ok()?;
    before.set_start(&paragraph, 0).ok()?;
    before.set_end(node, offset).ok()?;
    let within = before.to_string().length();
    Some(start16 + within)
}
