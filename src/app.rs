//! The root component: owns the one [`State`] reducer, runs requested
//! analyses and caret moves in effects, and lays out the form and results.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{ArticleForm, Hint, Results};
use crate::report::Report;
use crate::state::{Action, LangChoice, State};

/// The whole page inside `<div id="isnad-app">`.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
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

    let below = match &state.report {
        _ if state.is_blank() => html! { <Hint /> },
        Some(report) => html! { <Results report={report.clone()} stale={state.is_stale()} /> },
        None => Html::default(),
    };

    html! {
        <main class="isnad">
            <header class="isnad-header">
                <h1>{ "isnad" }</h1>
                <p class="tagline">
                    { "Find who said what: attributed quotes, their speakers, checkable claims and page noise. Your text never leaves this page." }
                </p>
            </header>
            <ArticleForm
                text={state.text.clone()}
                language={state.language}
                textarea={textarea}
                {on_edit}
                {on_paste}
                {on_language}
                {on_analyse}
            />
            { below }
        </main>
    }
}
