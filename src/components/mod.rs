//! The page's components, one per file, each with its `Properties` struct
//! just above it.

mod article_form;
mod claim_list;
mod hint;
mod language_select;
mod noise_list;
mod quote_list;
mod results;
mod speaker_list;
mod ui_language_select;

pub use article_form::ArticleForm;
pub use claim_list::ClaimList;
pub use hint::Hint;
pub use language_select::LanguageSelect;
pub use noise_list::NoiseList;
pub use quote_list::QuoteList;
pub use results::Results;
pub use speaker_list::SpeakerList;
pub use ui_language_select::UiLanguageSelect;
