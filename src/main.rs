//! isnad-web: the browser app. Paste an article, press Analyse (or just
//! paste) and see its attributed quotes, speakers, checkable claims and page
//! noise. Everything runs in the page: the engine is compiled into this
//! WebAssembly module and nothing is sent anywhere.
//!
//! Modules: [`state`] (one reducer), [`report`] (the engine's analysis turned
//! into display rows), [`app`] (the root component), [`components`] and
//! [`crash`] (the panic notice).

mod app;
mod components;
mod crash;
mod i18n;
mod report;
mod state;

/// The element `index.html` provides for the app; the app never touches
/// anything outside it.
const ROOT_ID: &str = "isnad-app";

fn main() {
    crash::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id(ROOT_ID)
        .expect("index.html has <div id=\"isnad-app\">");
    yew::Renderer::<app::App>::with_root(root).render();
}
