//! Browser storage for saved documents (`localStorage`): the only code
//! that touches it. Records and the library index are built and read by
//! `isnad_engine::store`; this module moves their JSON in and out and turns
//! the browser's failures into [`StorageError`]s the page can show.
//!
//! Keys, under a prefix (`isnad` by default; an embedding page picks its
//! own): `{prefix}:library` (the index), `{prefix}:doc:{id}` (one record
//! each) and `{prefix}:open` (the document open last).

use isnad_engine::store::{self, Library, SavedDocument};
use wasm_bindgen::JsCast;

/// Why storage did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// No storage here (private mode, a sandboxed frame, or turned off).
    #[error("browser storage is not available here")]
    Unavailable,
    /// The quota is used up.
    #[error("browser storage is full")]
    Full,
    /// A stored record could not be read (it stays where it is).
    #[error("a saved document could not be read: {0}")]
    Unreadable(String),
}

/// The page's storage, under one key prefix.
#[derive(Clone, Debug)]
pub struct Storage {
    local: web_sys::Storage,
    prefix: String,
}

impl PartialEq for Storage {
    fn eq(&self, other: &Storage) -> bool {
        self.prefix == other.prefix
    }
}

impl Storage {
    /// Opens `localStorage` under `prefix`, checking that a write works
    /// (Safari's private mode, for one, has storage that refuses writes).
    pub fn open(prefix: &str) -> Result<Storage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        // Throws (SecurityError) in sandboxed frames; None when disabled.
        let local = window
            .local_storage()
            .ok()
            .flatten()
            .ok_or(StorageError::Unavailable)?;
        let probe = format!("{prefix}:probe");
        local
            .set_item(&probe, "1")
            .map_err(|e| classify(&e, StorageError::Unavailable))?;
        let _ = local.remove_item(&probe);
        Ok(Storage {
            local,
            prefix: prefix.to_string(),
        })
    }

    fn key(&self, what: &str) -> String {
        format!("{}:{what}", self.prefix)
    }

    fn doc_key(&self, id: &str) -> String {
        format!("{}:doc:{id}", self.prefix)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.local.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.local
            .set_item(key, value)
            .map_err(|e| classify(&e, StorageError::Full))
    }

    /// The library index; rebuilt from the records when it is missing or
    /// unreadable (the records are the truth, the index a summary).
    pub fn library(&self) -> Library {
        if let Some(library) = self
            .get(&self.key("library"))
            .and_then(|json| Library::from_json(&json).ok())
        {
            return library;
        }
        let mut library = Library::default();
        let mut entries: Vec<_> = self
            .doc_ids()
            .iter()
            .filter_map(|id| self.load(id).ok())
            .map(|doc| doc.entry())
            .collect();
        entries.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        library.documents = entries;
        library
    }

    fn doc_ids(&self) -> Vec<String> {
        let prefix = format!("{}:doc:", self.prefix);
        let count = self.local.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.local.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// Saves a document and its library line.
    pub fn save(&self, doc: &SavedDocument) -> Result<Library, StorageError> {
        self.set(&self.doc_key(&doc.id), &store::to_json(doc))?;
        let mut library = self.library();
        library.upsert(doc.entry());
        self.set(&self.key("library"), &library.to_json())?;
        Ok(library)
    }

    /// Reads a document (migrating an older record).
    pub fn load(&self, id: &str) -> Result<SavedDocument, StorageError> {
        let json = self
            .get(&self.doc_key(id))
            .ok_or_else(|| StorageError::Unreadable(format!("no document {id:?}")))?;
        let mut doc =
            store::from_json(&json).map_err(|e| StorageError::Unreadable(e.to_string()))?;
        // The key says which document this is: a record whose inner id
        // names another document (edited by hand, or copied) must never be
        // saved over that other document.
        doc.id = id.to_string();
        Ok(doc)
    }

    /// Removes a document; returns its raw record so the deletion can be
    /// undone with [`Storage::restore`].
    pub fn delete(&self, id: &str) -> Result<(String, Library), StorageError> {
        let raw = self.get(&self.doc_key(id)).unwrap_or_default();
        let _ = self.local.remove_item(&self.doc_key(id));
        let mut library = self.library();
        library.remove(id);
        self.set(&self.key("library"), &library.to_json())?;
        Ok((raw, library))
    }

    /// Puts back a deleted record exactly as it was.
    pub fn restore(&self, id: &str, raw: &str) -> Result<Library, StorageError> {
        self.set(&self.doc_key(id), raw)?;
        let mut library = self.library();
        let doc = store::from_json(raw).map_err(|e| StorageError::Unreadable(e.to_string()))?;
        library.upsert(doc.entry());
        library
            .documents
            .sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        self.set(&self.key("library"), &library.to_json())?;
        Ok(library)
    }

    /// The document open last, if any.
    pub fn last_open(&self) -> Option<String> {
        self.get(&self.key("open"))
    }

    /// The document being opened when the page last started, if that start
    /// never finished drawing it (the page crashed or was killed on it).
    pub fn opening(&self) -> Option<String> {
        self.get(&self.key("opening"))
    }

    /// Marks a document as being opened (before drawing it), or clears the
    /// mark once it is drawn.
    pub fn set_opening(&self, id: Option<&str>) {
        let key = self.key("opening");
        let _ = match id {
            Some(id) => self.local.set_item(&key, id),
            None => self.local.remove_item(&key),
        };
    }

    /// Remembers the open document (or none).
    pub fn set_last_open(&self, id: Option<&str>) {
        let key = self.key("open");
        let _ = match id {
            Some(id) => self.local.set_item(&key, id),
            None => self.local.remove_item(&key),
        };
    }
}

/// A storage exception's meaning: `QuotaExceededError` is "full"; anything
/// else is `otherwise`.
fn classify(error: &wasm_bindgen::JsValue, otherwise: StorageError) -> StorageError {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else {
        otherwise
    }
}

/// Milliseconds since 1970 (UTC), from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The browser's clock as RFC 3339 in UTC to the second
/// ("2026-11-30T07:00:00Z"), formatted by the engine as the CLI does.
pub fn now_utc() -> String {
    isnad_engine::export::utc_timestamp((now_ms() / 1000.0) as i64)
}

/// A new document id: the time and a random part, so two tabs never pick
/// the same one.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("d{:x}{random:x}", now_ms() as u64)
}
