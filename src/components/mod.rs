//! The page's components, one per file, each with its `Properties` struct
//! just above it.

mod annotation_editor;
mod article_form;
mod article_view;
mod claim_item;
mod claim_list;
mod files_panel;
mod filter_bar;
mod hint;
mod language_select;
mod library_panel;
mod noise_item;
mod noise_list;
mod paragraph;
mod quote_item;
mod quote_list;
mod results;
mod speaker_item;
mod speaker_list;
mod ui_language_select;

pub use article_form::ArticleForm;
pub use article_view::ArticleView;
pub use claim_list::ClaimList;
pub use files_panel::FilesPanel;
pub use filter_bar::FilterBar;
pub use hint::Hint;
pub use language_select::LanguageSelect;
pub use library_panel::{LibraryPanel, Persistence};
pub use noise_list::NoiseList;
pub use quote_list::QuoteList;
pub use results::Results;
pub use speaker_list::SpeakerList;
pub use ui_language_select::UiLanguageSelect;

/// The most rows a result list shows: a 5 MB paste can hold tens of
/// thousands of annotations, and listing them all would freeze the page.
pub const LIST_LIMIT: usize = 500;

/// The line under a list cut at [`LIST_LIMIT`] (nothing when it was not).
pub fn more_line(t: &crate::i18n::Text, total: usize) -> yew::Html {
    if total <= LIST_LIMIT {
        return yew::Html::default();
    }
    let n = (total - LIST_LIMIT).to_string();
    yew::html! { <p class="more">{ t.more_items.replace("{n}", &n) }</p> }
}
