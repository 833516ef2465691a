//! Backing up the whole library as one file, and restoring it: every
//! document with its text, annotations, speakers and editing history. A
//! restore merges by document id: the newer copy keeps the id and the
//! other is kept as a copy, so nothing is lost either way.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use isnad_engine::store::{self, Restore, SavedDocument};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::Persistence;
use crate::i18n::UiLang;
use crate::services::{files, storage};
use crate::state::Action;

/// Properties of [`BackupPanel`].
#[derive(Properties, PartialEq)]
pub struct BackupPanelProps {
    /// Storage access.
    pub persistence: Persistence,
    /// The open document's id (reopened when a restore replaces it).
    pub open_id: AttrValue,
    /// Sends the new library (and a replaced open document) to the reducer.
    pub dispatch: Callback<Action>,
}

/// What the last backup or restore did, for the status line.
#[derive(Clone, PartialEq)]
enum Outcome {
    Restored {
        added: usize,
        replaced: usize,
        copies: usize,
        same: usize,
    },
    Failed(String),
}

/// Counts of a restore, in the order of [`Outcome::Restored`].
type Counts = (usize, usize, usize, usize);

/// Writes every backed-up document into `storage` (see the module doc);
/// returns the counts and, when the open document was replaced by a newer
/// copy, that copy.
fn restore_all(
    storage: &storage::Storage,
    docs: Vec<SavedDocument>,
    open_id: &str,
) -> Result<(Counts, Option<SavedDocument>), storage::StorageError> {
    let (mut added, mut replaced, mut copies, mut same) = (0, 0, 0, 0);
    let mut reopen = None;
    for doc in docs {
        let existing = storage.load(&doc.id).ok();
        match store::restore(doc, existing.as_ref(), &storage::new_id()) {
            Restore::Add(doc) => {
                storage.save(&doc)?;
                added += 1;
            }
            Restore::Same => same += 1,
            Restore::Replace { newer, older } => {
                storage.save(&older)?;
                storage.save(&newer)?;
                if newer.id == open_id {
                    reopen = Some(*newer);
                }
                replaced += 1;
                copies += 1;
            }
            Restore::KeepCopy(copy) => {
                storage.save(&copy)?;
                copies += 1;
            }
        }
    }
    Ok(((added, replaced, copies, same), reopen))
}

/// "Back up the library" and "Restore a backup".
#[function_component(BackupPanel)]
pub fn backup_panel(props: &BackupPanelProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let outcome = use_state(|| None::<Outcome>);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let Some(storage) = props.persistence.storage.clone() else {
        return Html::default();
    };
    let on_backup = {
        let (storage, flush, outcome) = (
            storage.clone(),
            props.persistence.flush.clone(),
            outcome.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            flush();
            let docs: Vec<SavedDocument> = storage
                .library()
                .documents
                .iter()
                .filter_map(|entry| storage.load(&entry.id).ok())
                .collect();
            let day = storage::now_utc().chars().take(10).collect::<String>();
            let name = format!("isnad-library-{day}.json");
            if let Err(error) =
                files::download(&name, "application/json", &store::backup_to_json(&docs))
            {
                outcome.set(Some(Outcome::Failed(error.to_string())));
            }
        })
    };
    let on_restore = {
        let (flush, outcome, dispatch, open_id) = (
            props.persistence.flush.clone(),
            outcome.clone(),
            props.dispatch.clone(),
            props.open_id.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            flush();
            let (storage, outcome, dispatch, open_id) = (
                storage.clone(),
                outcome.clone(),
                dispatch.clone(),
                open_id.clone(),
            );
            let name = file.name();
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_text(&file, move |text| {
                let result = text
                    .map_err(|e| format!("{name}: {e}"))
                    .and_then(|text| {
                        store::backup_from_json(&text).map_err(|e| format!("{name}: {e}"))
                    })
                    .and_then(|docs| {
                        restore_all(&storage, docs, &open_id).map_err(|e| format!("{name}: {e}"))
                    });
                match result {
                    Ok(((added, replaced, copies, same), reopen)) => {
                        dispatch.emit(Action::LibraryChanged(Rc::new(storage.library())));
                        if let Some(doc) = reopen {
                            dispatch.emit(Action::Open(Rc::new(doc)));
                        }
                        outcome.set(Some(Outcome::Restored {
                            added,
                            replaced,
                            copies,
                            same,
                        }));
                    }
                    Err(why) => outcome.set(Some(Outcome::Failed(why))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let line = (*outcome).clone().map(|o| match o {
        Outcome::Restored {
            added,
            replaced,
            copies,
            same,
        } => html! {
            <p id="isnad-backup-result" role="status">{ t
                .restored_line
                .replace("{added}", &added.to_string())
                .replace("{replaced}", &replaced.to_string())
                .replace("{copies}", &copies.to_string())
                .replace("{same}", &same.to_string()) }</p>
        },
        Outcome::Failed(why) => html! {
            <p id="isnad-backup-result" class="failed" role="alert">{ t.restore_failed }{ " " }<span dir="auto">{ why }</span></p>
        },
    });
    html! {
        <div class="backup" role="group" aria-label={t.backup}>
            <button type="button" id="isnad-backup" onclick={on_backup}>{ t.backup }</button>
            <input id="isnad-restore" class="file-input" type="file" accept=".json,application/json" onchange={on_restore} />
            <label class="file-button" for="isnad-restore">{ t.restore }</label>
            { for line }
        </div>
    }
}
