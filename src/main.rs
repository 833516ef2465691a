//! isnad-web: the browser app. Paste an article, press Analyse (or just
//! paste) and see its attributed quotes, speakers, checkable claims and page
//! noise. Everything runs in the page: the engine is compiled into this
//! WebAssembly module and nothing is sent anywhere.
//!
//! Modules: [`state`] (one reducer), [`report`] (the engine's analysis turned
//! into display rows), [`app`] (the root component), [`components`],
//! [`hooks`] (autosave), [`services`] (browser I/O: storage, files) and
//! [`crash`] (the panic notice).

mod app;
mod components;
mod config;
mod crash;
mod embed;
mod hooks;
mod i18n;
mod report;
mod services;
mod state;
mod theme;

/// The element `index.html` provides for the app; the app never touches
/// anything outside it.
const ROOT_ID: &str = "isnad-app";

/// The attribute that marks [`ROOT_ID`] as the stand-alone page's own.
const STANDALONE_ATTR: &str = "data-isnad-standalone";

/// Runs when the module is loaded, on every page (the stand-alone one, and
/// any page that imports `isnad.js`): installs the panic hook and nothing
/// else. It never looks for `#isnad-app`: a host page may have an element
/// with that id of its own.
fn main() {
    crash::install_hook();
}

/// Renders the stand-alone app. Only `boot.js` (the script of `index.html`)
/// calls this, and it renders only into `<div id="isnad-app"
/// data-isnad-standalone>`; importing `isnad.js` never does. Returns
/// whether the app was rendered.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startStandalone)]
pub fn start_standalone() -> bool {
    let root = gloo::utils::document()
        .get_element_by_id(ROOT_ID)
        .filter(|root| root.has_attribute(STANDALONE_ATTR));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
            true
        }
        None => {
            web_sys::console::error_1(
                &format!("isnad: no <div id=\"{ROOT_ID}\" {STANDALONE_ATTR}> to start in").into(),
            );
            false
        }
    }
}
