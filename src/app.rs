//! The root component: owns the one [`State`] reducer, runs requested
//! analyses and caret moves in effects, and lays out the form and results.
//! Its [`Config`] says whether it is the standalone page or an instance
//! embedded in another page (see `embed`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{
    ArticleForm, FilesPanel, Hint, LibraryPanel, Persistence, Results, UiLanguageSelect,
};
use crate::config::Config;
use crate::hooks::use_autosave;
use crate::i18n::UiLang;
use crate::report::Report;
use crate::services::storage::Storage;
use crate::services::storage::StorageError;
use crate::state::StorageStatus;
use crate::state::{Action, LangChoice, Notice, State};

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// How this instance is set up (the standalone page by default).
    #[prop_or_default]
    pub config: Rc<Config>,
}

/// The whole page inside `<div id="isnad-app">`, or one embedded instance.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = {
        let config = config.clone();
        use_reducer(move || {
            let state = State {
                ui: config.ui.unwrap_or_else(browser_ui_language),
                language: config.language,
                storage: if config.storage_prefix.is_none() {
                    StorageStatus::Disabled
                } else {
                    StorageStatus::Starting
                },
                ..State::default()
            };
            match config.initial.clone() {
                Some(initial) => state.replace(initial),
                None => state,
            }
        })
    };
    let textarea = use_node_ref();
    let root = use_node_ref();
    // Browser storage, opened once; `Err` means autosave is off.
    let storage = {
        let prefix = config.storage_prefix.clone();
        use_memo((), move |_| match prefix {
            Some(prefix) => Storage::open(&prefix),
            None => Err(StorageError::Unavailable),
        })
    };

    // Run the requested analysis and hand the result back to the reducer.
    {
        let dispatcher = state.dispatcher();
        let detect = config.detect;
        use_effect_with(state.request.clone(), move |request| {
            if let Some(request) = request {
                let report = Report::build(&request.text, request.language.lang(), detect);
                dispatcher.dispatch(Action::Analysed {
                    generation: request.generation,
                    report: Rc::new(report),
                });
            }
        });
    }

    // Bring the selected annotation into view in the article (looked up
    // inside this instance only: several can share a page).
    {
        let root = root.clone();
        use_effect_with(state.selected.clone(), move |selected| {
            let found = selected.as_ref().and_then(|id| {
                root.cast::<web_sys::Element>()?
                    .query_selector(&format!("#isnad-article [data-annotation-id=\"{id}\"]"))
                    .ok()
                    .flatten()
            });
            if let Some(element) = found {
                element.scroll_into_view_with_bool(false);
            }
        });
    }

    // Embedded: tell the embedding page what changed. (The hooks run for
    // the standalone page too, doing nothing, so their order never changes.)
    {
        let report_key = state.report.as_ref().map(|r| Rc::as_ptr(r) as usize);
        let report = state.report.clone();
        let text = if report.is_some() {
            state.analysed_text.clone()
        } else {
            state.text.clone()
        };
        let bridge = config.bridge.clone();
        use_effect_with((report_key, text.clone()), move |_| {
            if let Some(bridge) = bridge {
                bridge.publish(report, text);
            }
        });
        let bridge = config.bridge.clone();
        use_effect_with(state.selected.clone(), move |id| {
            if let Some(bridge) = bridge {
                bridge.selected(id.as_deref());
            }
        });
        let bridge = config.bridge.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(bridge) = bridge {
                bridge.connect(Callback::from(move |action| dispatcher.dispatch(action)));
            }
        });
    }

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
    let flush = use_autosave(
        &state,
        storage.as_ref().as_ref().ok().cloned(),
        dispatch.clone(),
    );
    let persistence = Persistence {
        storage: storage.as_ref().as_ref().ok().cloned(),
        flush,
    };
    // At start: the library, and the document open last, exactly as it was.
    {
        let (storage, dispatch) = (storage.clone(), dispatch.clone());
        let disabled = config.storage_prefix.is_none();
        use_effect_with((), move |_| {
            let action = match storage.as_ref() {
                Ok(storage) => {
                    let library = storage.library();
                    let doc = storage.last_open().and_then(|id| storage.load(&id).ok());
                    // The last start never finished drawing this document
                    // (it crashed or froze the page): do not open it again
                    // by itself, offer it once in safe mode instead.
                    let failed = doc
                        .as_ref()
                        .is_some_and(|d| storage.opening().as_deref() == Some(d.id.as_str()));
                    storage.set_opening(None);
                    let (doc, failed) = if failed {
                        (None, doc.map(Rc::new))
                    } else {
                        if let Some(d) = &doc {
                            storage.set_opening(Some(&d.id));
                        }
                        (doc.map(Rc::new), None)
                    };
                    Action::Started {
                        storage: StorageStatus::On,
                        library: Rc::new(library),
                        doc,
                        failed,
                    }
                }
                Err(error) => Action::Started {
                    storage: if disabled {
                        StorageStatus::Disabled
                    } else {
                        StorageStatus::after(error)
                    },
                    library: Rc::default(),
                    doc: None,
                    failed: None,
                },
            };
            dispatch.emit(action);
        });
    }
    // The document reopened at start was drawn: it opens normally next time.
    {
        let storage = storage.clone();
        let drawn = state.storage != StorageStatus::Starting;
        use_effect_with(drawn, move |drawn| {
            if let (true, Ok(storage)) = (*drawn, storage.as_ref()) {
                storage.set_opening(None);
            }
        });
    }
    // Undo and redo from anywhere on the page except inside the text box,
    // which keeps its own undo for typing.
    let onkeydown = {
        let dispatch = dispatch.clone();
        let read_only = config.read_only;
        Callback::from(move |e: KeyboardEvent| {
            if read_only || !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            // Inside a text field, Ctrl+Z undoes the typing (the field's
            // own undo), not an annotation edit.
            let in_text_box = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| takes_typing(&el));
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

    let derived_title = AttrValue::from(state.derived_title());
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
                orphans={state.orphans.clone()}
                safe_mode={state.safe_mode}
            />
        },
        None => Html::default(),
    };

    html! {
        <ContextProvider<UiLang> context={state.ui}>
        <ContextProvider<Rc<Config>> context={config.clone()}>
        <main ref={root} class={classes!("isnad", config.embedded.then_some("embedded"))} lang={state.ui.code()} dir={state.ui.dir()} {onkeydown}>
            if !config.embedded {
            <header class="isnad-header">
                <h1>{ "isnad" }</h1>
                <p class="tagline">{ t.tagline }</p>
                <UiLanguageSelect value={state.ui} on_change={on_ui_language} />
            </header>
            <LibraryPanel
                library={state.library.clone()}
                doc={state.doc.clone()}
                derived_title={derived_title.clone()}
                storage_status={state.storage.clone()}
                trash={state.trash.clone()}
                open={state.library_open}
                persistence={persistence.clone()}
                dispatch={dispatch.clone()}
            />
            }
            if !config.read_only {
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
            }
            if let Some(failed) = &state.failed {
                <p id="isnad-failed" class="notice" role="alert">
                    { t.failed_to_open.replace("{title}", &failed.title) }{ " " }
                    <button type="button" id="isnad-open-safely" onclick={dispatch.reform(|_: MouseEvent| Action::OpenSafely)}>{ t.open_safely }</button>
                </p>
            }
            if let Some(notice) = state.notice {
                <p id="isnad-notice" class="notice" role="alert">{ match notice {
                    Notice::Empty => t.paste_empty.to_string(),
                    Notice::TooLarge(bytes) => t
                        .paste_too_large
                        .replace("{mb}", &isnad_engine::paste::megabytes(&bytes)),
                    Notice::EmptyName => t.empty_name.to_string(),
                    Notice::EditRefused => t.edit_refused.to_string(),
                    Notice::Carried { placed, orphaned } => t
                        .carried_line
                        .replace("{placed}", &placed.to_string())
                        .replace("{orphaned}", &orphaned.to_string()),
                    Notice::PastedAsNew => t.pasted_as_new.to_string(),
                } }</p>
            }
            if !config.embedded {
            <FilesPanel
                analysis={state.report.as_ref().map(|r| r.analysis.clone())}
                title={if state.doc.title.is_empty() { derived_title.clone() } else { state.doc.title.clone() }}
                outcome={state.import.clone()}
                dispatch={dispatch.clone()}
            />
            }
            { below }
        </main>
        </ContextProvider<Rc<Config>>>
        </ContextProvider<UiLang>>
    }
}

/// True for elements with an undo of their own: text boxes, text inputs
/// and editable content (not checkboxes, radios or buttons).
fn takes_typing(element: &web_sys::Element) -> bool {
    match element.tag_name().to_ascii_lowercase().as_str() {
        "textarea" => true,
        "input" => !matches!(
            element
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        _ => element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|el| el.is_content_editable()),
    }
}

/// The interface language the browser prefers (`navigator.languages`),
/// English when it prefers none of the three.
fn browser_ui_language() -> UiLang {
    let languages = gloo::utils::window().navigator().languages();
    let preferred: Vec<String> = languages.iter().filter_map(|l| l.as_string()).collect();
    UiLang::from_preferences(preferred.iter().map(String::as_str))
}
