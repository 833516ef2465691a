//! Autosave: every change to the open document is written to browser
//! storage half a second after the editor stops, and at once when the tab
//! is hidden or closed, so a reload or a crash loses at most that last
//! half second. Failures (no storage, quota full) become a status the page
//! shows; the document in memory is never touched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use isnad_engine::edit::History;
use yew::prelude::*;

use crate::services::storage::{self, Storage, StorageError};
use crate::state::{Action, LangChoice, State};

/// How long after the last change a save happens, in milliseconds.
pub const SAVE_DELAY_MS: u32 = 500;

/// A save that is due: the state to save and under which id.
struct Pending {
    state: State,
    id: String,
    created_ms: f64,
}

/// What a save depends on: when none of it changed, nothing is written.
#[derive(Clone, PartialEq)]
struct SaveKey {
    text: AttrValue,
    language: LangChoice,
    history: Option<History>,
    title: AttrValue,
    seq: u32,
}

/// Writes the pending save, if any, and reports the outcome.
fn flush(storage: &Storage, pending: &RefCell<Option<Pending>>, dispatch: &Callback<Action>) {
    let Some(p) = pending.borrow_mut().take() else {
        return;
    };
    let now = storage::now_ms();
    let created = if p.created_ms > 0.0 {
        p.created_ms
    } else {
        now
    };
    let mut doc = p.state.snapshot(&p.id, created, now);
    let mut result = storage.save(&doc);
    if result == Err(StorageError::Full) && doc.history.len() > 1 {
        // The undo steps are what is practical to lose; the work is not.
        doc.without_history();
        result = storage.save(&doc);
    }
    let result = result.map(Rc::new);
    storage.set_last_open(Some(&p.id));
    dispatch.emit(Action::Saved {
        seq: p.state.doc.seq,
        id: AttrValue::from(p.id),
        created_ms: created,
        result,
    });
}

/// Saves `state` after each change (see the module doc). `storage` is
/// `None` when autosave is off; `flush_now` is set to a function that
/// writes any pending save at once (before opening another document).
#[hook]
pub fn use_autosave(
    state: &State,
    storage: Option<Storage>,
    dispatch: Callback<Action>,
) -> Rc<dyn Fn()> {
    let pending: Rc<RefCell<Option<Pending>>> = use_mut_ref(|| None);
    // The id given to a new document, kept across saves until the page
    // learns it (by `Action::Saved`): (doc seq, id).
    let assigned: Rc<RefCell<Option<(u32, String)>>> = use_mut_ref(|| None);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // The document seq seen last, to tell "a saved document was just
    // opened" (nothing to save) from a change.
    let last_seq: Rc<RefCell<Option<u32>>> = use_mut_ref(|| None);

    let flush_now: Rc<dyn Fn()> = {
        let (storage, pending, dispatch, timer) = (
            storage.clone(),
            pending.clone(),
            dispatch.clone(),
            timer.clone(),
        );
        Rc::new(move || {
            timer.borrow_mut().take();
            if let Some(storage) = &storage {
                flush(storage, &pending, &dispatch);
            }
        })
    };

    let key = SaveKey {
        text: state.text.clone(),
        language: state.language,
        history: state.history.clone(),
        title: state.doc.title.clone(),
        seq: state.doc.seq,
    };
    {
        let state = state.clone();
        let (storage, pending, timer, flush_now) = (
            storage.clone(),
            pending.clone(),
            timer.clone(),
            flush_now.clone(),
        );
        use_effect_with(key, move |_| {
            // Another document was opened (import, embedder): the last
            // change of the previous one is written before it is replaced.
            let other_document = pending
                .borrow()
                .as_ref()
                .is_some_and(|p| p.state.doc.seq != state.doc.seq);
            if other_document {
                flush_now();
            }
            // A saved document just opened is as it was stored: saving it
            // again would only change its library date.
            let opened = last_seq.borrow_mut().replace(state.doc.seq) != Some(state.doc.seq)
                && !state.doc.id.is_empty();
            if opened {
                if let Some(storage) = &storage {
                    storage.set_last_open(Some(&state.doc.id));
                }
                return;
            }
            if storage.is_some() && state.has_document() {
                let id = if state.doc.id.is_empty() {
                    let mut assigned = assigned.borrow_mut();
                    match assigned.as_ref() {
                        Some((seq, id)) if *seq == state.doc.seq => id.clone(),
                        _ => {
                            let id = storage::new_id();
                            *assigned = Some((state.doc.seq, id.clone()));
                            id
                        }
                    }
                } else {
                    state.doc.id.to_string()
                };
                let created_ms = state.doc.created_ms;
                *pending.borrow_mut() = Some(Pending {
                    state,
                    id,
                    created_ms,
                });
                let flush_now = flush_now.clone();
                *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || flush_now()));
            }
        });
    }

    // Hidden or closing: save now, not in half a second.
    {
        let flush_now = flush_now.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_hide = {
                let flush_now = flush_now.clone();
                EventListener::new(&window, "pagehide", move |_| flush_now())
            };
            let on_hidden =
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        flush_now();
                    }
                });
            move || drop((on_hide, on_hidden))
        });
    }
    flush_now
}
