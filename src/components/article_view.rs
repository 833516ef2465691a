//! The analysed article with its highlights: quote content, cue words and
//! speaker mentions, claims (underlined, so a claim inside a quote shows
//! both) and page noise (dimmed). Each paragraph reads in its own direction
//! (`dir="auto"`) and is its own [`Paragraph`] component, so an edit draws
//! again only the paragraphs it touches. Highlights are nested elements cut
//! at word edges only (see `isnad_engine::render`), so Arabic letters stay
//! joined.
//!
//! Editing: click a highlight to select it; select text and press `q`
//! (quote), `c` (claim), `s` (speaker mention of the selected quote) or `u`
//! (its cue), or use the toolbar; `Enter` opens the selected annotation's
//! editor; `Delete` removes it.

use isnad_engine::edit::Edit;
use isnad_engine::Origin;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent, Node};
use yew::prelude::*;

use crate::components::annotation_editor::{AnnotationEditor, EDITOR_ID};
use crate::components::paragraph::Paragraph;
use crate::components::{more_line, use_shown};
use crate::config::Config;
use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::{Action, Mark};

/// Paragraphs drawn at first and added by each "show more": very long
/// pastes are analysed in full, but drawing tens of thousands of
/// paragraphs at once would freeze the page.
pub const PARAGRAPH_LIMIT: usize = 500;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysis to show.
    pub report: std::rc::Rc<Report>,
    /// The selected annotation's id.
    pub selected: Option<AttrValue>,
    /// Sends the editor's intents to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// The highlighted article, its editing toolbar and the selected
/// annotation's editor.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let read_only = use_context::<std::rc::Rc<Config>>().is_some_and(|c| c.read_only);
    let report = &props.report;
    let analysis = &report.analysis;
    let selected = props.selected.as_deref();
    // Long articles are drawn in steps of PARAGRAPH_LIMIT paragraphs, and
    // always far enough to show the selected annotation.
    let (shown, on_more) = use_shown(PARAGRAPH_LIMIT);
    let selected_annotation =
        selected.and_then(|id| analysis.annotations.iter().find(|a| a.id == id));
    let selected_paragraph = selected_annotation.map(|a| {
        report
            .paragraphs
            .partition_point(|p| p.start <= a.span.start)
    });
    let shown = shown.max(selected_paragraph.unwrap_or(0));
    let paragraphs = report.paragraphs.iter().take(shown).map(|view| {
        let selected = props.selected.clone().filter(|id| view.shows(id.as_str()));
        html! { <Paragraph view={view.clone()} {selected} /> }
    });

    let dispatch = props.dispatch.clone();
    let onclick = {
        let on_select = dispatch.reform(Action::Select);
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
        let dispatch = dispatch.clone();
        move || {
            if read_only {
                return;
            }
            if let Some((start16, end16)) = selection_utf16() {
                dispatch.emit(Action::MarkSelection {
                    mark,
                    start16,
                    end16,
                });
            }
        }
    };
    let onkeydown = {
        let (quote, claim, mention, cue) = (
            mark(Mark::Quote),
            mark(Mark::Claim),
            mark(Mark::Mention),
            mark(Mark::Cue),
        );
        let dispatch = dispatch.clone();
        let selected = props.selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = shortcut_key(&e.key(), &e.code());
            let editing = !matches!(key.as_str(), "n" | "j" | "p" | "k" | "Escape" | "?");
            if read_only && editing {
                return;
            }
            let article = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            match key.as_str() {
                "q" => quote(),
                "c" => claim(),
                "s" => mention(),
                "u" => cue(),
                "n" | "j" => dispatch.emit(Action::Step(true)),
                "p" | "k" => dispatch.emit(Action::Step(false)),
                "Escape" => dispatch.emit(Action::Select(None)),
                "?" => dispatch.emit(Action::ToggleHelp),
                "Enter" if selected.is_some() => focus_editor(article.as_ref()),
                "Delete" | "Backspace" => match &selected {
                    Some(id) => dispatch.emit(Action::Apply(Edit::Delete(id.to_string()))),
                    None => return,
                },
                _ => return,
            }
            e.prevent_default();
        })
    };
    let button =
        |label: &'static str, key: &'static str, action: Callback<MouseEvent>, disabled: bool| {
            html! {
                <button type="button" onclick={action} aria-keyshortcuts={key} {disabled}>
                    { label }<kbd>{ key }</kbd>
                </button>
            }
        };
    let on_mark_button = |m: Mark| {
        let run = mark(m);
        // The button takes focus on press; the text selection stays.
        Callback::from(move |_: MouseEvent| run())
    };
    let selected_id = props.selected.clone().unwrap_or_default().to_string();
    let delete = {
        let id = selected_id.clone();
        dispatch.reform(move |_: MouseEvent| Action::Apply(Edit::Delete(id.clone())))
    };
    let accept = {
        let id = selected_id.clone();
        dispatch.reform(move |_: MouseEvent| Action::Apply(Edit::Accept(id.clone())))
    };
    let is_quote = selected_annotation.is_some_and(|a| a.kind() == isnad_engine::Kind::Quote);
    // Said politely to screen readers whenever the selection moves.
    let announcement = selected_annotation.map(|a| {
        let kind = match a.kind() {
            isnad_engine::Kind::Quote => t.kind_names[0],
            isnad_engine::Kind::Claim => t.kind_names[1],
            isnad_engine::Kind::Boilerplate => t.kind_names[2],
        };
        let text: String = a.span.slice(&analysis.text).chars().take(160).collect();
        t.selected_line
            .replace("{kind}", kind)
            .replace("{text}", &text)
    });

    html! {
        <section class="article-pane">
            if !read_only {
            // Every button is always there (disabled when it does not
            // apply) and the editor has a slot of its own size, so selecting
            // or deleting never moves the article under the reader, and the
            // page around it is not laid out again.
            <div class="toolbar" role="toolbar" aria-label={t.shortcuts}>
                { button(t.mark_quote, "q", on_mark_button(Mark::Quote), false) }
                { button(t.mark_claim, "c", on_mark_button(Mark::Claim), false) }
                { button(t.mark_mention, "s", on_mark_button(Mark::Mention), !is_quote) }
                { button(t.mark_cue, "u", on_mark_button(Mark::Cue), !is_quote) }
                <button type="button" class="delete" onclick={delete} aria-keyshortcuts="Delete" disabled={selected_annotation.is_none()}>{ t.delete }</button>
                <button type="button" class="accept" onclick={accept} disabled={!selected_annotation.is_some_and(|a| a.origin == Origin::Auto)}>{ t.accept }</button>
                <button type="button" class="help" aria-keyshortcuts="?" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleHelp)}>{ t.shortcuts }<kbd>{ "?" }</kbd></button>
            </div>
            <div class="editor-slot">
                if let Some(id) = props.selected.clone() {
                    <AnnotationEditor report={report.clone()} {id} dispatch={dispatch.clone()} />
                } else {
                    <p class="editor-hint">{ t.select_hint }</p>
                }
            </div>
            }
            <p id="isnad-live" class="visually-hidden" aria-live="polite">{ announcement.unwrap_or_default() }</p>
            <article
                id="isnad-article"
                class="article"
                tabindex="0"
                aria-label={t.analysed_article}
                aria-keyshortcuts="q c s u n p Enter Delete Escape ?"
                {onclick}
                {onkeydown}
            >
                { for paragraphs }
            </article>
            { more_line(t, report.paragraphs.len(), shown, PARAGRAPH_LIMIT, on_more) }
        </section>
    }
}

/// Moves the focus to the first control of the selected annotation's
/// editor (for page noise, which has none, to the toolbar's Delete),
/// looked up inside this instance of the app only.
fn focus_editor(article: Option<&Element>) {
    let Some(pane) = article.and_then(|a| a.closest(".article-pane").ok().flatten()) else {
        return;
    };
    let target = pane
        .query_selector(&format!("#{EDITOR_ID} select, #{EDITOR_ID} input"))
        .ok()
        .flatten()
        .or_else(|| pane.query_selector(".toolbar .delete").ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The window's text selection inside the article, in UTF-16 units of the
/// analysed text: each paragraph says where it starts (`data-start16`), and
/// a range from the paragraph's start to the selection point measures the
/// rest, as the DOM counts.
pub(crate) fn selection_utf16() -> Option<(u32, u32)> {
    let ((start_node, start_offset), (end_node, end_offset)) = selection_points()?;
    let start = point_utf16(&start_node, start_offset)?;
    let end = point_utf16(&end_node, end_offset)?;
    Some((start.min(end), start.max(end)))
}

/// A point in the DOM: a node and an offset in it.
type Point = (Node, u32);

/// The ends of the window's selection. Inside an embedded instance's
/// shadow root the window's ranges only name the shadow host, so the
/// standard `Selection.getComposedRanges({ shadowRoots })` is asked first,
/// then Chromium's older `ShadowRoot.getSelection()`.
fn selection_points() -> Option<(Point, Point)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if let Some(root) = focused_shadow_root() {
        if let Some(points) = composed_range(&selection, &root) {
            return Some(points);
        }
        if let Some(points) = shadow_get_selection(&root).and_then(|s| first_range(&s)) {
            return Some(points);
        }
    }
    first_range(&selection)
}

fn first_range(selection: &web_sys::Selection) -> Option<(Point, Point)> {
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    Some((
        (range.start_container().ok()?, range.start_offset().ok()?),
        (range.end_container().ok()?, range.end_offset().ok()?),
    ))
}

/// The shadow root holding the focused element (the article, while the
/// editor works in an embedded instance), if it is in one.
fn focused_shadow_root() -> Option<web_sys::ShadowRoot> {
    let mut active = gloo::utils::document().active_element()?;
    loop {
        let root = active.shadow_root()?;
        match root.active_element() {
            Some(inner) if inner.shadow_root().is_some() => active = inner,
            _ => return Some(root),
        }
    }
}

/// `selection.getComposedRanges({ shadowRoots: [root] })[0]`, read
/// through reflection (web-sys has no binding for it yet).
fn composed_range(
    selection: &web_sys::Selection,
    root: &web_sys::ShadowRoot,
) -> Option<(Point, Point)> {
    use js_sys::Reflect;
    let get = Reflect::get(selection, &JsValue::from_str("getComposedRanges")).ok()?;
    let get: js_sys::Function = get.dyn_into().ok()?;
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("shadowRoots"),
        &js_sys::Array::of1(root),
    )
    .ok()?;
    let ranges: js_sys::Array = get.call1(selection, &options).ok()?.dyn_into().ok()?;
    let range = ranges.get(0);
    let node = |key: &str| -> Option<Node> {
        Reflect::get(&range, &JsValue::from_str(key))
            .ok()?
            .dyn_into()
            .ok()
    };
    let offset = |key: &str| -> Option<u32> {
        Reflect::get(&range, &JsValue::from_str(key))
            .ok()?
            .as_f64()
            .map(|f| f as u32)
    };
    Some((
        (node("startContainer")?, offset("startOffset")?),
        (node("endContainer")?, offset("endOffset")?),
    ))
}

/// Chromium's non-standard `ShadowRoot.getSelection()`.
fn shadow_get_selection(root: &web_sys::ShadowRoot) -> Option<web_sys::Selection> {
    let get = js_sys::Reflect::get(root, &JsValue::from_str("getSelection")).ok()?;
    let get: js_sys::Function = get.dyn_into().ok()?;
    get.call0(root).ok()?.dyn_into().ok()
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

/// The shortcut a key press means: the key's own letter on a Latin layout,
/// else the letter of the physical key (`KeyboardEvent.code`), so the
/// shortcuts work the same on an Arabic or any other layout (the N key
/// types `ى` there).
pub(crate) fn shortcut_key(key: &str, code: &str) -> String {
    let latin = key.chars().count() == 1 && key.is_ascii();
    if latin || key.chars().count() != 1 {
        return key.to_string();
    }
    match code.strip_prefix("Key") {
        Some(letter) if letter.len() == 1 => letter.to_ascii_lowercase(),
        _ => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::shortcut_key;

    #[test]
    fn shortcuts_follow_the_physical_key_on_other_layouts() {
        assert_eq!(shortcut_key("q", "KeyQ"), "q");
        assert_eq!(shortcut_key("ى", "KeyN"), "n");
        assert_eq!(shortcut_key("ض", "KeyQ"), "q");
        assert_eq!(shortcut_key("é", "Digit2"), "é");
        assert_eq!(shortcut_key("Escape", "Escape"), "Escape");
        assert_eq!(shortcut_key("?", "Slash"), "?");
        // AZERTY: the key typing "a" is "a", whatever its position.
        assert_eq!(shortcut_key("a", "KeyQ"), "a");
    }
}
