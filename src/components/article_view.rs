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
use crate::state::{Action, Mark};
use isnad_engine::edit::Edit;
use isnad_engine::{Detail, QuoteForm};
use web_sys::{HtmlInputElement, HtmlSelectElement};

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
    /// Sends the editor's intents to the page's reducer.
    pub dispatch: Callback<Action>,
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
        let (quote, claim, mention) = (mark(Mark::Quote), mark(Mark::Claim), mark(Mark::Mention));
        let dispatch = dispatch.clone();
        let selected = props.selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            match e.key().as_str() {
                "q" => quote(),
                "c" => claim(),
                "s" => mention(),
                "n" | "j" => dispatch.emit(Action::Step(true)),
                "p" | "k" => dispatch.emit(Action::Step(false)),
                "Escape" => dispatch.emit(Action::Select(None)),
                "?" => dispatch.emit(Action::ToggleHelp),
                "Delete" | "Backspace" => match &selected {
                    Some(id) => dispatch.emit(Action::Apply(Edit::Delete(id.to_string()))),
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
    let selected_id = props.selected.clone().unwrap_or_default().to_string();
    let delete = {
        let id = selected_id.clone();
        dispatch.reform(move |_: MouseEvent| Action::Apply(Edit::Delete(id.clone())))
    };
    let accept = {
        let id = selected_id.clone();
        dispatch.reform(move |_: MouseEvent| Action::Apply(Edit::Accept(id.clone())))
    };
    // The selected quote's speaker and form.
    let quote_editor = selected_annotation.and_then(|a| match &a.detail {
        Detail::Quote(q) => Some((a.id.clone(), q.clone())),
        _ => None,
    }).map(|(id, q)| {
        let on_form = {
            let id = id.clone();
            dispatch.reform(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let form = match select.value().as_str() {
                    "indirect" => QuoteForm::Indirect,
                    "mixed" => QuoteForm::Mixed,
                    _ => QuoteForm::Direct,
                };
                Action::Apply(Edit::SetForm(id.clone(), form))
            })
        };
        let on_speaker = {
            let id = id.clone();
            dispatch.reform(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let speaker = Some(select.value()).filter(|v| !v.is_empty());
                Action::Apply(Edit::SetSpeaker(id.clone(), speaker))
            })
        };
        let on_new_speaker = {
            let id = id.clone();
            dispatch.reform(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let name = input.value();
                input.set_value("");
                Action::NewSpeaker {
                    quote: AttrValue::from(id.clone()),
                    name: AttrValue::from(name),
                }
            })
        };
        html! {
            <div class="quote-editor" role="group" aria-label={t.quotes}>
                <label for="isnad-quote-speaker">{ t.speaker }</label>
                <select id="isnad-quote-speaker" onchange={on_speaker}>
                    <option value="" selected={q.speaker.is_none()}>{ t.unknown_speaker }</option>
                    { for analysis.speakers.iter().map(|s| html! {
                        <option value={s.id.clone()} selected={q.speaker.as_deref() == Some(s.id.as_str())} dir="auto">{ s.name.clone() }</option>
                    }) }
                </select>
                <input id="isnad-new-speaker" type="text" dir="auto" placeholder={t.new_speaker} aria-label={t.new_speaker} onchange={on_new_speaker} />
                <label for="isnad-quote-form">{ t.form }</label>
                <select id="isnad-quote-form" onchange={on_form}>
                    { for [QuoteForm::Direct, QuoteForm::Indirect, QuoteForm::Mixed].into_iter().map(|f| html! {
                        <option value={f.code()} selected={f == q.form}>{ t.form_name(f) }</option>
                    }) }
                </select>
            </div>
        }
    });

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
                <button type="button" class="help" aria-keyshortcuts="?" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleHelp)}>{ t.shortcuts }<kbd>{ "?" }</kbd></button>
            </div>
            { for quote_editor }
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
