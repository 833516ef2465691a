//! The document library: every document saved in this browser with its
//! title, language, date and counts; open, rename, duplicate and delete
//! (with undo). Also the open document's title and the autosave status.

use std::rc::Rc;

use isnad_engine::store::LibraryEntry;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::BackupPanel;
use crate::i18n::{Counted, UiLang};
use crate::services::storage::{self, Storage};
use crate::state::{Action, DocMeta, StorageStatus, Trash};

/// Storage and the way to write a pending save at once, as one prop.
#[derive(Clone)]
pub struct Persistence {
    /// `None` when autosave is off.
    pub storage: Option<Storage>,
    /// Writes any pending save now.
    pub flush: Rc<dyn Fn()>,
}

impl PartialEq for Persistence {
    fn eq(&self, other: &Persistence) -> bool {
        self.storage == other.storage && Rc::ptr_eq(&self.flush, &other.flush)
    }
}

/// Properties of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    /// The saved documents.
    pub library: Rc<isnad_engine::store::Library>,
    /// The open document.
    pub doc: DocMeta,
    /// The open document's derived title (its first line).
    pub derived_title: AttrValue,
    /// Whether autosave works.
    pub storage_status: StorageStatus,
    /// The last deleted document.
    pub trash: Option<Trash>,
    /// Whether the list is shown.
    pub open: bool,
    /// Storage access.
    pub persistence: Persistence,
    /// Sends the outcomes to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// The autosave line, the title field and the collapsible library.
#[function_component(LibraryPanel)]
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let dispatch = &props.dispatch;
    let status = match props.storage_status {
        StorageStatus::Starting | StorageStatus::Disabled => None,
        StorageStatus::On => Some(("saved", t.saved_here, "status")),
        StorageStatus::Off => Some(("off", t.autosave_off, "alert")),
        StorageStatus::Full => Some(("full", t.storage_full, "alert")),
    };
    // Saved as it is typed: no Enter needed.
    let on_title = dispatch.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetTitle(AttrValue::from(input.value()))
    });
    let on_new = {
        let flush = props.persistence.flush.clone();
        dispatch.reform(move |_: MouseEvent| {
            flush();
            Action::NewDocument
        })
    };
    let undo_delete = props.trash.clone().map(|trash| {
        let persistence = props.persistence.clone();
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let Some(storage) = &persistence.storage else {
                return;
            };
            match storage.restore(&trash.id, &trash.record) {
                Ok(library) => {
                    dispatch.emit(Action::Undeleted(Rc::new(library)));
                    if trash.was_open {
                        if let Ok(doc) = storage.load(&trash.id) {
                            dispatch.emit(Action::Open(Rc::new(doc)));
                        }
                    }
                }
                Err(error) => dispatch.emit(Action::StorageFailed(error)),
            }
        });
        html! {
            <p class="deleted" role="status">
                { t.deleted_line.replace("{title}", &trash.title) }{ " " }
                <button type="button" id="isnad-undo-delete" {onclick}>{ t.undo }</button>
            </p>
        }
    });
    let title_value = if props.doc.title.is_empty() {
        props.derived_title.clone()
    } else {
        props.doc.title.clone()
    };
    html! {
        <section class="library" id="isnad-library" aria-labelledby="isnad-library-title">
            <div class="library-bar">
                <button type="button" id="isnad-library-toggle" aria-expanded={props.open.to_string()}
                    aria-controls="isnad-library-list" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleLibrary)}>
                    <span id="isnad-library-title">{ t.documents }</span>
                    { " " }<span class="count">{ props.library.documents.len() }</span>
                </button>
                <button type="button" id="isnad-new-document" onclick={on_new}>{ t.new_document }</button>
                <label for="isnad-doc-title">{ t.title_label }</label>
                <input id="isnad-doc-title" type="text" dir="auto" value={title_value} oninput={on_title} />
                if let Some((state, text, role)) = status {
                    <p id="isnad-autosave" class={classes!("autosave", state)} data-state={state} {role}>{ text }</p>
                }
            </div>
            { for undo_delete }
            if props.open {
                <div id="isnad-library-list">
                    <BackupPanel persistence={props.persistence.clone()} open_id={props.doc.id.clone()} dispatch={dispatch.clone()} />
                    if props.library.documents.is_empty() {
                        <p class="none">{ t.no_documents }</p>
                    } else {
                        <ul>
                            { for props.library.documents.iter().map(|entry| html! {
                                <LibraryItem
                                    key={entry.id.as_str()}
                                    entry={Rc::new(entry.clone())}
                                    is_open={entry.id == props.doc.id.as_str()}
                                    persistence={props.persistence.clone()}
                                    dispatch={dispatch.clone()}
                                />
                            }) }
                        </ul>
                    }
                </div>
            }
        </section>
    }
}

/// A library action run against storage, giving the action to dispatch.
type StorageAct = Rc<dyn Fn(&Storage) -> Result<Action, storage::StorageError>>;

/// Properties of [`LibraryItem`].
#[derive(Properties, PartialEq)]
pub struct LibraryItemProps {
    /// The document's library line.
    pub entry: Rc<LibraryEntry>,
    /// Whether it is the open document.
    pub is_open: bool,
    /// Storage access.
    pub persistence: Persistence,
    /// Sends the outcomes to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// One saved document with its actions.
#[function_component(LibraryItem)]
pub fn library_item(props: &LibraryItemProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let ui = use_context::<UiLang>().unwrap_or_default();
    let entry = &props.entry;
    let id = entry.id.clone();
    // Every action first writes the open document's pending save.
    let with_storage = |act: StorageAct| {
        let persistence = props.persistence.clone();
        let dispatch = props.dispatch.clone();
        move || {
            (persistence.flush)();
            let Some(storage) = &persistence.storage else {
                return;
            };
            match act(storage) {
                Ok(action) => dispatch.emit(action),
                Err(error) => dispatch.emit(Action::StorageFailed(error)),
            }
        }
    };
    let open = {
        let id = id.clone();
        let run = with_storage(Rc::new(move |s: &Storage| {
            s.load(&id).map(|doc| Action::Open(Rc::new(doc)))
        }));
        Callback::from(move |_: MouseEvent| run())
    };
    let duplicate = {
        let id = id.clone();
        let suffix = t.copy_suffix;
        let run = with_storage(Rc::new(move |s: &Storage| {
            let mut doc = s.load(&id)?;
            doc.id = storage::new_id();
            doc.title.push_str(suffix);
            doc.created_ms = storage::now_ms();
            doc.updated_ms = doc.created_ms;
            s.save(&doc).map(|l| Action::LibraryChanged(Rc::new(l)))
        }));
        Callback::from(move |_: MouseEvent| run())
    };
    let delete = {
        let id = id.clone();
        let title = entry.title.clone();
        let is_open = props.is_open;
        let run = with_storage(Rc::new(move |s: &Storage| {
            let (record, library) = s.delete(&id)?;
            if is_open {
                s.set_last_open(None);
            }
            Ok(Action::Deleted(
                Trash {
                    id: AttrValue::from(id.clone()),
                    title: AttrValue::from(title.clone()),
                    record: Rc::from(record),
                    was_open: is_open,
                },
                Rc::new(library),
            ))
        }));
        Callback::from(move |_: MouseEvent| run())
    };
    let rename = {
        let id = id.clone();
        let is_open = props.is_open;
        let persistence = props.persistence.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let title = input.value().trim().to_string();
            if title.is_empty() {
                return;
            }
            if is_open {
                dispatch.emit(Action::SetTitle(AttrValue::from(title)));
                return;
            }
            let Some(storage) = &persistence.storage else {
                return;
            };
            let result = storage.load(&id).and_then(|mut doc| {
                doc.title = title.clone();
                storage.save(&doc)
            });
            match result {
                Ok(library) => dispatch.emit(Action::LibraryChanged(Rc::new(library))),
                Err(error) => dispatch.emit(Action::StorageFailed(error)),
            }
        })
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(entry.updated_ms))
        .to_locale_string(ui.code(), &wasm_bindgen::JsValue::UNDEFINED);
    let language = entry.language.map(|l| t.language_name(l)).unwrap_or("—");
    let rename_id = format!("isnad-doc-rename-{}", entry.id);
    html! {
        <li class={classes!("document", props.is_open.then_some("current"))} data-document-id={entry.id.clone()}
            aria-current={props.is_open.then_some("true")}>
            <span class="doc-title" dir="auto">{ entry.title.clone() }</span>
            <span class="doc-meta">
                { language }{ " · " }{ String::from(date) }{ " · " }
                { (t.count)(entry.quotes, Counted::Quotes) }{ t.list_separator }{ (t.count)(entry.claims, Counted::Claims) }
            </span>
            <span class="doc-actions">
                <button type="button" class="open" onclick={open} disabled={props.is_open}>{ t.open }</button>
                <button type="button" class="duplicate" onclick={duplicate}>{ t.duplicate }</button>
                <button type="button" class="delete" onclick={delete}>{ t.delete }</button>
                <label for={rename_id.clone()} class="visually-hidden">{ t.rename }</label>
                <input id={rename_id} class="rename" type="text" dir="auto" placeholder={t.rename} onchange={rename} />
            </span>
        </li>
    }
}
