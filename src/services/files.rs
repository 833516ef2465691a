//! Files out and in: downloads made in the page (a `Blob` and an `<a
//! download>`, no network), copying text to the clipboard, and reading a
//! chosen file as text.

use wasm_bindgen::JsCast;

/// Why a download or a copy did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The browser refused to make the file.
    #[error("the browser could not make the file")]
    Download,
    /// The clipboard is not available (or permission was refused).
    #[error("the clipboard is not available")]
    Clipboard,
}

/// Offers `content` as a file called `name` of type `mime`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), FileError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| FileError::Download)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| FileError::Download)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| FileError::Download)?
        .dyn_into()
        .map_err(|_| FileError::Download)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    // The anchor must be in the document for some browsers to follow it.
    let body = document.body().ok_or(FileError::Download)?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // Freed once the download has surely taken its own reference.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard; `done` hears whether it worked.
pub fn copy(text: &str, done: impl FnOnce(Result<(), FileError>) + 'static) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(result.map(|_| ()).map_err(|_| FileError::Clipboard));
    });
}
