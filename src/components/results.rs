//! The results below the form: a status line and the four lists.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    ArticleView, ClaimList, FilterBar, NoiseList, OrphanList, QuoteList, SpeakerList,
};
use crate::i18n::{Counted, UiLang};
use crate::report::Report;
use crate::state::{Action, Filter};

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The latest analysis.
    pub report: Rc<Report>,
    /// True when the text was edited since: the lists are out of date.
    pub stale: bool,
    /// The selected annotation.
    pub selected: Option<AttrValue>,
    /// Whether undo and redo would change something.
    pub can_undo: bool,
    /// See [`ResultsProps::can_undo`].
    pub can_redo: bool,
    /// Sends an editing intent to the page's reducer.
    pub dispatch: Callback<Action>,
    /// True while the shortcut help is open.
    pub help: bool,
    /// What the lists show.
    pub filter: Filter,
    /// The editor's annotations a change of the text could not place.
    pub orphans: Rc<Vec<isnad_engine::edit::Orphaned>>,
    /// True when the document failed to open before: its lists are shown,
    /// not its highlighted article.
    pub safe_mode: bool,
}

/// The status line and the quote, speaker, claim and page-noise lists.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let read_only = use_context::<Rc<crate::config::Config>>().is_some_and(|c| c.read_only);
    let report = &props.report;
    // The shortcuts help is a dialog: it takes the focus when it opens (it
    // is drawn over the page, in view) and Escape closes it.
    let help_ref = use_node_ref();
    {
        let help_ref = help_ref.clone();
        use_effect_with(props.help, move |open| {
            if *open {
                if let Some(dialog) = help_ref.cast::<web_sys::HtmlElement>() {
                    let _ = dialog.focus();
                }
            }
        });
    }
    let on_help_key = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                dispatch.emit(Action::ToggleHelp);
            }
        })
    };
    html! {
        <div class="results" id="isnad-results">
            <p class="status" id="isnad-status" role="status">
                { t.language_line(report.language, report.detected) }{ " " }
                { [
                    (t.count)(report.quotes.len(), Counted::Quotes),
                    (t.count)(report.speakers.len(), Counted::Speakers),
                    (t.count)(report.claims.len(), Counted::Claims),
                    (t.count)(report.noise.len(), Counted::Noise),
                ].join(t.list_separator) }{ "." }
                if props.stale {
                    <strong class="stale">{ " " }{ t.stale }</strong>
                }
            </p>
            if !read_only {
            <div class="history" role="group">
                <button type="button" id="isnad-undo" disabled={!props.can_undo} aria-keyshortcuts="Control+Z"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Undo)}>{ t.undo }</button>
                <button type="button" id="isnad-redo" disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z Control+Y"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Redo)}>{ t.redo }</button>
            </div>
            }
            if !props.orphans.is_empty() && !read_only {
                <OrphanList orphans={props.orphans.clone()} dispatch={props.dispatch.clone()} />
            }
            if props.safe_mode {
                <p id="isnad-safe-mode" class="notice">{ t.safe_mode_line }</p>
            } else {
                <ArticleView
                    report={report.clone()}
                    selected={props.selected.clone()}
                    dispatch={props.dispatch.clone()}
                />
            }
            if props.help {
                <div id="isnad-help" class="help-panel" role="dialog" aria-modal="false" aria-label={t.shortcuts}
                    tabindex="-1" ref={help_ref.clone()} onkeydown={on_help_key}>
                    <h2>{ t.shortcuts }</h2>
                    <dl>
                        { for t.shortcut_list.iter().map(|(keys, what)| html! {
                            <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                        }) }
                    </dl>
                    <button type="button" aria-label={t.close} title={t.close} onclick={props.dispatch.reform(|_: MouseEvent| Action::ToggleHelp)}>{ "×" }</button>
                </div>
            }
            <FilterBar filter={props.filter.clone()} report={report.clone()} dispatch={props.dispatch.clone()} />
            <QuoteList report={report.clone()} filter={props.filter.clone()} />
            <SpeakerList report={report.clone()} dispatch={props.dispatch.clone()} />
            <ClaimList report={report.clone()} filter={props.filter.clone()} dispatch={props.dispatch.clone()} />
            <NoiseList report={report.clone()} filter={props.filter.clone()} />
        </div>
    }
}
