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

/// The element `index.html` provides for the app; the app never touches
/// anything outside it.
const ROOT_ID: &str = "isnad-app";

/// Renders the standalone app into `#isnad-app` when the page has one;
/// on a page that embeds isnad (no such element) it does nothing, and the
/// embedder calls `mountIn` (see [`embed`]) instead.
fn main() {
    crash::install_hook();
    if let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
