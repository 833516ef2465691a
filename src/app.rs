//! The root component: owns the one [`State`] reducer, runs requested
//! analyses and caret moves in effects, and lays out the form and results.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{ArticleForm, Hint, Results, UiLanguageSelect};
use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::{Action, LangChoice, Notice, State};

/// The whole page inside `<div id="isnad-app">`.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        ui: browser_ui_language(),
        ..State::default()
    });
    let textarea = use_node_ref();

    // Run the requested analysis and hand the result back to the reducer.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.request.clone(), move |request| {
            if let Some(request) = request {
                let report = Report::build(&request.text, request.language.lang());
                dispatcher.dispatch(Action::Analysed {
                    generation: request.generation,
                    report: Rc::new(report),
                });
            }
        });
    }

    // Bring the selected annotation into view in the article.
    use_effect_with(state.selected.clone(), |selected| {
        if let Some(id) = selected {
            let found = gloo::utils::document()
                .query_selector(&format!("#isnad-article [data-annotation-id=\"{id}\"]"))
                .ok()
                .flatten();
            if let Some(element) = found {
                element.scroll_into_view_with_bool(false);
            }
        }
    });

    // After a paste, put the caret just after the pasted text.
    {
        let textarea = textarea.clone();
        use_effect_with(state.caret, move |caret| {
            if let (Some(caret), Some(element)) = (caret, textarea.cast::<HtmlTextAreaElement>()) {
                // Fails only on element types without a selection.
                let _ = element.set_selection_range(caret.at, caret.at);
            }
        });
    }

    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: AttrValue| dispatcher.dispatch(Action::Edit(text)))
    };
    let on_paste = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(pasted, start, end): (AttrValue, u32, u32)| {
            dispatcher.dispatch(Action::Paste { pasted, start, end })
        })
    };
    let on_language = {
        let dispatcher = state.dispatcher();
        Callback::from(move |choice: LangChoice| dispatcher.dispatch(Action::SetLanguage(choice)))
    };
    let on_analyse = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Analyse))
    };

    let on_paste_refused = {
        let dispatcher = state.dispatcher();
        Callback::from(move |notice: Notice| dispatcher.dispatch(Action::PasteRefused(notice)))
    };
    let on_ui_language = {
        let dispatcher = state.dispatcher();
        Callback::from(move |ui: UiLang| dispatcher.dispatch(Action::SetUiLang(ui)))
    };
    let t = state.ui.text();
    // One callback for the whole life of the page, so that components
    // given it compare equal and are not redrawn for its sake.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    // Undo and redo from anywhere on the page except inside the text box,
    // which keeps its own undo for typing.
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let in_text_box = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("textarea"));
            if in_text_box {
                return;
            }
            let key = e.key().to_lowercase();
            let action = match key.as_str() {
                "z" if e.shift_key() => Action::Redo,
                "z" => Action::Undo,
                "y" => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(action);
        })
    };

    let below = match &state.report {
        _ if state.is_blank() => html! { <Hint /> },
        Some(report) => html! {
            <Results
                report={report.clone()}
                stale={state.is_stale()}
                selected={state.selected.clone()}
                can_undo={state.history.as_ref().is_some_and(|h| h.can_undo())}
                can_redo={state.history.as_ref().is_some_and(|h| h.can_redo())}
                dispatch={dispatch.clone()}
                help={state.help}
                filter={state.filter.clone()}
            />
        },
        None => Html::default(),
    };

    html! {
        <ContextProvider<UiLang> context={state.ui}>
        <main class="isnad" lang={state.ui.code()} dir={state.ui.dir()} {onkeydown}>
            <header class="isnad-header">
                <h1>{ "isnad" }</h1>
                <p class="tagline">{ t.tagline }</p>
                <UiLanguageSelect value={state.ui} on_change={on_ui_language} />
            </header>
            <ArticleForm
                text={state.text.clone()}
                language={state.language}
                textarea={textarea}
                {on_edit}
                {on_paste}
                {on_paste_refused}
                {on_language}
                {on_analyse}
            />
            if let Some(notice) = state.notice {
                <p id="isnad-notice" class="notice" role="alert">{ match notice {
                    Notice::Empty => t.paste_empty.to_string(),
                    Notice::TooLarge(bytes) => t
                        .paste_too_large
                        .replace("{mb}", &isnad_engine::paste::megabytes(&bytes)),
                    Notice::EmptyName => t.empty_name.to_string(),
                    Notice::EditRefused => t.edit_refused.to_string(),
                } }</p>
            }
            { below }
        </main>
        </ContextProvider<UiLang>>
    }
}

/// The interface language the browser prefers (`navigator.languages`),
/// English when it prefers none of the three.
fn browser_ui_language() -> UiLang {
    let languages = gloo::utils::window().navigator().languages();
    let preferred: Vec<String> = languages.iter().filter_map(|l| l.as_string()).collect();
    UiLang::from_preferences(preferred.iter().map(String::as_str))
}
