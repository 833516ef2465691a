//! What the page does if the app panics: release builds abort on panic, so
//! the app stops; this hook logs the panic to the console and reveals the
//! notice `index.html` keeps hidden for that case, instead of a silently
//! frozen page.

/// The id of the hidden notice in `index.html`.
const NOTICE_ID: &str = "isnad-crash";

/// Installs the panic hook (through Yew, which would otherwise install its
/// own when the app is rendered). Call once, before rendering.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("isnad stopped: {info}").into());
        if let Some(notice) = gloo::utils::document().get_element_by_id(NOTICE_ID) {
            // Fails only if the attribute name were invalid.
            let _ = notice.remove_attribute("hidden");
        }
    }));
}
