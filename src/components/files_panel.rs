//! Annotation files out and in. Export: `isnad/1` JSON, W3C Web Annotation
//! JSON-LD, CSV of quotes or claims (with a BOM, for spreadsheets) and
//! schema.org ClaimReview, each downloaded or copied. Import: an `isnad/1`
//! file opens as a document of its own; W3C annotations are placed on the
//! open text, and what cannot be placed is listed, never dropped. A bad
//! file gives a precise message and leaves the open document untouched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use isnad_engine::export::ExportMeta;
use isnad_engine::import::{self, Format};
use isnad_engine::Analysis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{Counted, Text, UiLang};
use crate::services::{files, storage};
use crate::state::{Action, ImportOutcome};

/// The export formats, in the select's order: (value, label).
const FORMATS: [(&str, &str); 5] = [
    ("isnad", "isnad/1 JSON"),
    ("w3c", "W3C Web Annotation (JSON-LD)"),
    ("csv-quotes", "CSV — quotes"),
    ("csv-claims", "CSV — claims"),
    ("claimreview", "schema.org ClaimReview (JSON-LD)"),
];

/// The file name, MIME type and content of an export.
pub fn export(
    format: &str,
    analysis: &Analysis,
    title: &str,
    now_utc: &str,
) -> (String, &'static str, String) {
    let meta = ExportMeta {
        now_utc: now_utc.to_string(),
        title: Some(title.to_string()).filter(|t| !t.is_empty()),
        ..ExportMeta::default()
    };
    let base = file_base(title);
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default();
    match format {
        "w3c" => (
            format!("{base}.w3c.jsonld"),
            "application/ld+json",
            pretty(isnad_engine::w3c::to_w3c(analysis, &meta)),
        ),
        "csv-quotes" => (
            format!("{base}.quotes.csv"),
            "text/csv;charset=utf-8",
            isnad_engine::csv::quotes_csv(analysis),
        ),
        "csv-claims" => (
            format!("{base}.claims.csv"),
            "text/csv;charset=utf-8",
            isnad_engine::csv::claims_csv(analysis),
        ),
        "claimreview" => (
            format!("{base}.claimreview.jsonld"),
            "application/ld+json",
            pretty(isnad_engine::claimreview::to_claim_review(analysis, &meta)),
        ),
        _ => (
            format!("{base}.isnad.json"),
            "application/json",
            isnad_engine::schema::to_json(analysis),
        ),
    }
}

/// A file name from a title: letters and digits kept (any script), the
/// rest turned into dashes, at most 40 characters; `isnad` when empty.
pub fn file_base(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "isnad".to_string()
    } else {
        out
    }
}

/// Properties of [`FilesPanel`].
#[derive(Properties, PartialEq)]
pub struct FilesPanelProps {
    /// The open document's analysis with its current annotations.
    pub analysis: Option<Rc<Analysis>>,
    /// The open document's title.
    pub title: AttrValue,
    /// What the last import did.
    pub outcome: Option<ImportOutcome>,
    /// Sends import outcomes to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// The export controls and the import file picker.
#[function_component(FilesPanel)]
pub fn files_panel(props: &FilesPanelProps) -> Html {
    let t = use_context::<UiLang>().unwrap_or_default().text();
    let format = use_state(|| "isnad".to_string());
    let copied = use_state(|| None::<bool>);
    // A file being read: dropping the reader would cancel it.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);

    let on_format = {
        let format = format.clone();
        let copied = copied.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            format.set(select.value());
            copied.set(None);
        })
    };
    let on_download = {
        let (analysis, title, format) =
            (props.analysis.clone(), props.title.clone(), format.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(analysis) = &analysis {
                let (name, mime, content) = export(&format, analysis, &title, &storage::now_utc());
                let _ = files::download(&name, mime, &content);
            }
        })
    };
    let on_copy = {
        let (analysis, title, format, copied) = (
            props.analysis.clone(),
            props.title.clone(),
            format.clone(),
            copied.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(analysis) = &analysis {
                let (_, _, content) = export(&format, analysis, &title, &storage::now_utc());
                let copied = copied.clone();
                files::copy(&content, move |result| copied.set(Some(result.is_ok())));
            }
        })
    };
    let on_import = {
        let dispatch = props.dispatch.clone();
        let open_text = props.analysis.as_ref().map(|a| a.text.clone());
        let open_text = Rc::new(open_text);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let name = file.name();
            let size = file.size() as usize;
            if let Err(error) = import::check_size(&name, size) {
                dispatch.emit(Action::ImportFailed(AttrValue::from(error.to_string())));
                return;
            }
            let dispatch = dispatch.clone();
            let open_text = open_text.clone();
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                let action = match bytes {
                    Ok(bytes) => read_import(&name, &bytes, open_text.as_deref(), t),
                    Err(error) => Action::ImportFailed(AttrValue::from(format!("{name}: {error}"))),
                };
                dispatch.emit(action);
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let outcome = props.outcome.as_ref().map(|outcome| match outcome {
        ImportOutcome::Done { file, placed, merged, already, orphans } => html! {
            <div id="isnad-import-result" class="import-result" role="status">
                <p>
                    { t.imported_line.replace("{count}", &(t.count)(*placed, Counted::Annotations)).replace("{file}", file) }
                    if *merged > 0 {
                        { " " }{ t.merged_line.replace("{count}", &(t.count)(*merged, Counted::Annotations)) }
                    }
                    if *already > 0 {
                        { " " }{ t.already_there.replace("{count}", &(t.count)(*already, Counted::Annotations)) }
                    }
                </p>
                if !orphans.is_empty() {
                    <p class="orphans-title">{ t.orphans_line.replace("{count}", &(t.count)(orphans.len(), Counted::Annotations)) }</p>
                    <ol class="orphans">
                        { for orphans.iter().take(200).map(|(exact, why)| html! {
                            <li><q dir="auto">{ exact.clone() }</q>{ " — " }<span class="why">{ why.clone() }</span></li>
                        }) }
                    </ol>
                }
            </div>
        },
        ImportOutcome::Failed(message) => html! {
            <p id="isnad-import-result" class="import-result failed" role="alert">
                { t.import_failed }{ " " }<span class="why" dir="auto">{ message.clone() }</span>
            </p>
        },
    });
    let can_export = props.analysis.is_some();
    html! {
        <section class="files" id="isnad-files" aria-label={t.export}>
            <div class="export" role="group" aria-label={t.export}>
                <label for="isnad-export-format">{ t.export }</label>
                <select id="isnad-export-format" onchange={on_format} disabled={!can_export}>
                    { for FORMATS.iter().map(|(value, label)| html! {
                        <option value={*value} selected={*value == format.as_str()}>{ *label }</option>
                    }) }
                </select>
                <button type="button" id="isnad-download" onclick={on_download} disabled={!can_export}>{ t.download }</button>
                <button type="button" id="isnad-copy" onclick={on_copy} disabled={!can_export}>{ t.copy }</button>
                if let Some(ok) = *copied {
                    <span class="copied" role="status">{ if ok { t.copied } else { t.copy_failed } }</span>
                }
            </div>
            // The input is drawn as its label (a button in the interface's
            // language); the browser's own "Choose File" text would not be.
            <div class="import">
                <input id="isnad-import" class="file-input" type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
                <label for="isnad-import" class="file-button">{ t.import_label }</label>
            </div>
            { for outcome }
        </section>
    }
}

/// Reads an imported file into the action that applies it, or the action
/// that reports why not. An `isnad/1` file opens as its own document; W3C
/// annotations need the open text.
fn read_import(name: &str, bytes: &[u8], open_text: Option<&str>, t: &Text) -> Action {
    let failed =
        |e: isnad_engine::EngineError| Action::ImportFailed(AttrValue::from(e.to_string()));
    let text = match import::utf8(name, bytes) {
        Ok(text) => text,
        Err(e) => return failed(e),
    };
    let format = match import::format_of(name, text) {
        Ok(format) => format,
        Err(e) => return failed(e),
    };
    let target = match format {
        Format::Isnad => None,
        Format::W3c => match open_text {
            Some(text) => Some(text),
            None => return Action::ImportFailed(AttrValue::from(t.import_needs_text.to_string())),
        },
    };
    match import::import(name, text, target) {
        Ok(imported) => Action::Imported {
            file: AttrValue::from(name.to_string()),
            opens: format == Format::Isnad,
            orphans: Rc::new(
                imported
                    .orphans
                    .iter()
                    .map(|o| {
                        (
                            AttrValue::from(o.exact.clone()),
                            AttrValue::from(t.orphan_reason(&o.reason)),
                        )
                    })
                    .collect(),
            ),
            analysis: Rc::new(imported.analysis),
        },
        Err(e) => failed(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_letters_of_any_script() {
        assert_eq!(file_base("قال الوزير: «نعم»"), "قال-الوزير-نعم");
        assert_eq!(file_base("  !!  "), "isnad");
        assert_eq!(file_base(&"a".repeat(100)).len(), 40);
    }

    #[test]
    fn every_format_exports_something_named_for_it() {
        let analysis = isnad_engine::analyze(
            "\"We will not back down,\" the minister said. Prices rose 5% in May.",
            &isnad_engine::Options::default(),
        );
        for (format, _) in FORMATS {
            let (name, mime, content) =
                export(format, &analysis, "Budget", "2026-11-30T07:00:00.000Z");
            assert!(name.starts_with("Budget."), "{name}");
            assert!(!mime.is_empty() && !content.is_empty(), "{format}");
        }
        let (_, _, csv) = export("csv-quotes", &analysis, "", "2026-11-30T07:00:00Z");
        assert!(csv.starts_with('\u{feff}'));
    }
}
