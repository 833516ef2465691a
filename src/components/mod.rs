//! The page's components, one per file, each with its `Properties` struct
//! just above it.

mod annotation_editor;
mod article_form;
mod article_view;
mod backup_panel;
mod claim_item;
mod claim_list;
mod files_panel;
mod filter_bar;
mod hint;
mod language_select;
mod library_panel;
mod noise_item;
mod noise_list;
mod orphan_list;
mod paragraph;
mod quote_item;
mod quote_list;
mod results;
mod speaker_item;
mod speaker_list;
mod ui_language_select;

pub use article_form::ArticleForm;
pub use article_view::ArticleView;
pub use backup_panel::BackupPanel;
pub use claim_list::ClaimList;
pub use files_panel::FilesPanel;
pub use filter_bar::FilterBar;
pub use hint::Hint;
pub use language_select::LanguageSelect;
pub use library_panel::{LibraryPanel, Persistence};
pub use noise_list::NoiseList;
pub use orphan_list::OrphanList;
pub use quote_list::QuoteList;
pub use results::Results;
pub use speaker_list::SpeakerList;
pub use ui_language_select::UiLanguageSelect;

/// Rows a result list shows at first, and how many more each "show more"
/// adds: a 5 MB paste can hold tens of thousands of annotations, and
/// listing them all at once would freeze the page.
pub const LIST_LIMIT: usize = 200;

/// The line under a list or the article cut at `shown` of `total` items,
/// with a button that shows up to `step` more (nothing when none is cut).
pub fn more_line(
    t: &crate::i18n::Text,
    total: usize,
    shown: usize,
    step: usize,
    on_more: yew::Callback<yew::MouseEvent>,
) -> yew::Html {
    if total <= shown {
        return yew::Html::default();
    }
    let left = total - shown;
    yew::html! {
        <p class="more">
            { t.more_items.replace("{n}", &left.to_string()) }{ " " }
            <button type="button" class="show-more" onclick={on_more}>
                { t.show_more.replace("{n}", &left.min(step).to_string()) }
            </button>
        </p>
    }
}

/// How many rows to show, and the callback that shows `step` more.
#[yew::hook]
pub fn use_shown(step: usize) -> (usize, yew::Callback<yew::MouseEvent>) {
    let shown = yew::use_state(|| step);
    let more = {
        let shown = shown.clone();
        yew::Callback::from(move |_| shown.set(*shown + step))
    };
    (*shown, more)
}
