//! The embedding API's Rust half. `isnad.js` (the ES module a CMS
//! imports) makes a shadow root inside the host's element and calls
//! [`mount_in`] with the options as JSON; everything is checked here before
//! anything is rendered, and wrong input becomes a JavaScript `Error` with
//! a clear message — never a panic, which would stop every instance on the
//! page. The returned [`Instance`] is the handle behind the JavaScript one.
//!
//! The running app and the handle meet in a [`Bridge`]: the app leaves its
//! dispatcher and its latest report there and calls the embedder's `emit`
//! function for `ready`, `change` and `select`.

use std::cell::RefCell;
use std::rc::Rc;

use isnad_engine::export::ExportMeta;
use isnad_engine::import;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue, Callback};

use crate::app::{App, AppProps};
use crate::config::{Config, Initial};
use crate::i18n::UiLang;
use crate::report::Report;
use crate::state::{Action, LangChoice};
use isnad_engine::Detect;

/// Where the running app and the embedder's handle meet.
pub struct Bridge {
    /// The app's dispatcher, set when it is first rendered.
    dispatch: RefCell<Option<Callback<Action>>>,
    /// The latest report and text the app shows.
    current: RefCell<(Option<Rc<Report>>, AttrValue)>,
    /// The embedder's `emit(type, json)`.
    emit: js_sys::Function,
}

impl std::fmt::Debug for Bridge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bridge")
    }
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Bridge) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Bridge {
    /// Called by the app once it is rendered.
    pub fn connect(&self, dispatch: Callback<Action>) {
        *self.dispatch.borrow_mut() = Some(dispatch);
        self.emit("ready", "{}");
    }

    /// Called by the app whenever what it shows changes.
    pub fn publish(&self, report: Option<Rc<Report>>, text: AttrValue) {
        let changed = {
            let current = self.current.borrow();
            match (&current.0, &report) {
                (Some(a), Some(b)) => !Rc::ptr_eq(a, b),
                (None, None) => false,
                _ => true,
            }
        };
        *self.current.borrow_mut() = (report.clone(), text);
        if changed {
            if let Some(report) = report {
                self.emit("change", &isnad_engine::schema::to_json(&report.analysis));
            }
        }
    }

    /// Called by the app when the selection moves.
    pub fn selected(&self, id: Option<&str>) {
        let detail = id
            .and_then(|id| {
                let current = self.current.borrow();
                let report = current.0.as_ref()?;
                let a = report.analysis.annotations.iter().find(|a| a.id == id)?;
                Some(serde_json::json!({
                    "id": a.id,
                    "kind": a.kind(),
                    "text": a.span.slice(&report.analysis.text),
                }))
            })
            .unwrap_or(Value::Null);
        self.emit("select", &detail.to_string());
    }

    fn emit(&self, kind: &str, json: &str) {
        // An exception in the embedder's listener is theirs, not ours.
        let _ = self.emit.call2(
            &JsValue::NULL,
            &JsValue::from_str(kind),
            &JsValue::from_str(json),
        );
    }

    fn dispatch(&self, action: Action) -> Result<(), JsError> {
        match self.dispatch.borrow().as_ref() {
            Some(dispatch) => {
                dispatch.emit(action);
                Ok(())
            }
            None => Err(JsError::new(
                "isnad: this instance is not ready yet (await mount())",
            )),
        }
    }
}

/// One mounted instance (the handle `isnad.js` wraps).
#[wasm_bindgen]
pub struct Instance {
    app: Option<AppHandle<App>>,
    bridge: Rc<Bridge>,
}

fn bad(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("isnad: {message}"))
}

/// The options `mount()` accepts, checked.
fn config_from(options: &Value, bridge: Rc<Bridge>) -> Result<Config, JsError> {
    let Some(options) = options.as_object() else {
        return Err(bad("options must be an object"));
    };
    const KNOWN: [&str; 8] = [
        "text",
        "annotations",
        "language",
        "uiLanguage",
        "readOnly",
        "detect",
        "autosave",
        "theme",
    ];
    if let Some(unknown) = options.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown option {unknown:?} (known: {})",
            KNOWN.join(", ")
        )));
    }
    let text = match options.get("text") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad("options.text must be a string")),
    };
    let language = match options.get("language") {
        None | Some(Value::Null) => LangChoice::Auto,
        Some(Value::String(s)) if s == "auto" => LangChoice::Auto,
        Some(Value::String(s)) if ["ar", "en", "fr"].contains(&s.as_str()) => {
            LangChoice::from_value(s)
        }
        Some(_) => {
            return Err(bad(
                "options.language must be \"auto\", \"ar\", \"en\" or \"fr\"",
            ))
        }
    };
    let ui = match options.get("uiLanguage") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            UiLang::ALL
                .into_iter()
                .find(|l| l.code() == s)
                .ok_or_else(|| bad("options.uiLanguage must be \"en\", \"ar\" or \"fr\""))?,
        ),
        Some(_) => return Err(bad("options.uiLanguage must be \"en\", \"ar\" or \"fr\"")),
    };
    let read_only = match options.get("readOnly") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("options.readOnly must be true or false")),
    };
    let detect = match options.get("detect") {
        None | Some(Value::Null) => Detect::default(),
        Some(Value::Array(kinds)) => {
            let mut detect = Detect {
                quotes: false,
                claims: false,
                boilerplate: false,
            };
            for kind in kinds {
                match kind.as_str() {
                    Some("quotes") => detect.quotes = true,
                    Some("claims") => detect.claims = true,
                    Some("noise") => detect.boilerplate = true,
                    _ => {
                        return Err(bad(format!(
                            "options.detect: unknown kind {kind} (use \"quotes\", \"claims\", \"noise\")"
                        )))
                    }
                }
            }
            detect
        }
        Some(_) => {
            return Err(bad(
                "options.detect must be an array of \"quotes\", \"claims\", \"noise\"",
            ))
        }
    };
    let storage_prefix =
        match options.get("autosave") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => None,
            Some(Value::String(key)) if !key.trim().is_empty() && !key.contains(':') => {
                Some(key.clone())
            }
            Some(_) => return Err(bad(
                "options.autosave must be a storage key (a non-empty string without ':') or null",
            )),
        };
    if let Some(theme) = options.get("theme") {
        crate::theme::check(theme).map_err(bad)?;
    }
    let initial = match options.get("annotations") {
        None | Some(Value::Null) => text.map(Initial::Text),
        Some(annotations) => Some(Initial::Document(Rc::new(
            read_annotations(annotations, text.as_deref())?.0,
        ))),
    };
    Ok(Config {
        embedded: true,
        storage_prefix,
        read_only,
        detect,
        ui,
        language,
        initial,
        bridge: Some(bridge),
    })
}

/// Reads annotations given as a JSON string or an already-parsed value
/// (isnad/1 or W3C) and places them on `text`; returns the document and
/// the annotations that could not be placed.
fn read_annotations(
    annotations: &Value,
    text: Option<&str>,
) -> Result<(isnad_engine::Analysis, Vec<Value>), JsError> {
    let json = match annotations {
        Value::String(s) => s.clone(),
        Value::Object(_) | Value::Array(_) => annotations.to_string(),
        _ => {
            return Err(bad(
                "annotations must be an isnad/1 or W3C object, array or JSON string",
            ))
        }
    };
    let imported = import::import("annotations", &json, text).map_err(bad)?;
    let orphans = imported
        .orphans
        .iter()
        .map(
            |o| serde_json::json!({ "id": o.id, "exact": o.exact, "reason": o.reason.to_string() }),
        )
        .collect();
    Ok((imported.analysis, orphans))
}

/// Checks the `theme` option (its JSON) before `isnad.js` sets any
/// `--isnad-*` property: colours only ([`crate::theme::check`]).
#[wasm_bindgen(js_name = checkTheme)]
pub fn check_theme(theme: &str) -> Result<(), JsError> {
    let theme: Value =
        serde_json::from_str(theme).map_err(|e| bad(format!("options.theme: {e}")))?;
    crate::theme::check(&theme).map_err(bad)
}

/// Renders an instance into `root` (a `<div>` inside the shadow root
/// `isnad.js` made). `options` is the JSON of `mount()`'s options; `emit`
/// is called as `emit(type, json)` for `ready`, `change` and `select`.
#[wasm_bindgen(js_name = mountIn)]
pub fn mount_in(
    root: web_sys::Element,
    options: &str,
    emit: js_sys::Function,
) -> Result<Instance, JsError> {
    let options: Value = serde_json::from_str(options).map_err(|e| bad(format!("options: {e}")))?;
    let bridge = Rc::new(Bridge {
        dispatch: RefCell::new(None),
        current: RefCell::new((None, AttrValue::default())),
        emit,
    });
    let config = config_from(&options, bridge.clone())?;
    let app = yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            config: Rc::new(config),
        },
    )
    .render();
    Ok(Instance {
        app: Some(app),
        bridge,
    })
}

#[wasm_bindgen]
impl Instance {
    /// The current annotations as JSON: `isnad` (the isnad/1 file) or
    /// `w3c` (a W3C AnnotationCollection).
    #[wasm_bindgen(js_name = getAnnotations)]
    pub fn get_annotations(&self, format: &str) -> Result<String, JsError> {
        let current = self.bridge.current.borrow();
        let analysis = match &current.0 {
            Some(report) => report.analysis.clone(),
            None => Rc::new(isnad_engine::Analysis {
                language: isnad_engine::Lang::default(),
                text: current.1.to_string(),
                annotations: Vec::new(),
                speakers: Vec::new(),
            }),
        };
        match format {
            "isnad" => Ok(isnad_engine::schema::to_json(&analysis)),
            "w3c" => {
                let meta = ExportMeta::new(crate::services::storage::now_utc());
                Ok(isnad_engine::w3c::to_w3c(&analysis, &meta).to_string())
            }
            other => Err(bad(format!(
                "getAnnotations: unknown format {other:?} (use \"isnad\" or \"w3c\")"
            ))),
        }
    }

    /// Replaces the text and analyses it.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&self, text: JsValue) -> Result<(), JsError> {
        let text = text
            .as_string()
            .ok_or_else(|| bad("setText needs a string"))?;
        // Takes effect at once for the host's next calls: getAnnotations
        // gives this text, and a following setAnnotations places on it
        // (the page catches up when Yew runs the queued action).
        *self.bridge.current.borrow_mut() = (None, AttrValue::from(text.clone()));
        self.bridge.dispatch(Action::Replace(Initial::Text(text)))
    }

    /// Replaces the annotations with `json` (isnad/1 or W3C), placed on
    /// the current text; returns `{"placed": n, "orphans": [...]}`. Bad
    /// input changes nothing.
    #[wasm_bindgen(js_name = setAnnotations)]
    pub fn set_annotations(&self, json: &str) -> Result<String, JsError> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| bad(format!("setAnnotations: {e}")))?;
        let text = self.bridge.current.borrow().1.to_string();
        let text = Some(text.as_str()).filter(|t| !t.trim().is_empty());
        let (analysis, orphans) = read_annotations(&value, text)?;
        let placed = analysis.annotations.len();
        self.bridge
            .dispatch(Action::Replace(Initial::Document(Rc::new(analysis))))?;
        Ok(serde_json::json!({ "placed": placed, "orphans": orphans }).to_string())
    }

    /// Analyses the current text again (the editor's work is kept).
    pub fn analyze(&self) -> Result<(), JsError> {
        self.bridge.dispatch(Action::Analyse)
    }

    /// Unmounts the app; `isnad.js` then removes the element it made.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.bridge.dispatch.borrow_mut().take();
    }
}
