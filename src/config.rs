//! How one instance of the app is set up: the standalone page uses the
//! defaults; an embedding page (see `embed`) sets them from `mount()`'s
//! options, checked before anything is rendered.

use std::rc::Rc;

use isnad_engine::{Analysis, Detect, Kind};

use crate::embed::Bridge;
use crate::i18n::UiLang;
use crate::state::LangChoice;

/// Keeps only the kinds `detect` asks for. The whole analysis always runs,
/// because the detectors inform each other (a quote inside page noise is
/// not a quote); the kinds not wanted are dropped afterwards, with the
/// speakers when quotes are off.
pub fn keep_detected(detect: Detect, mut analysis: Analysis) -> Analysis {
    if detect != Detect::default() {
        analysis.annotations.retain(|a| match a.kind() {
            Kind::Quote => detect.quotes,
            Kind::Claim => detect.claims,
            Kind::Boilerplate => detect.boilerplate,
        });
        if !detect.quotes {
            analysis.speakers.clear();
        }
    }
    analysis
}

/// What the page opens with.
#[derive(Clone, Debug, PartialEq)]
pub enum Initial {
    /// A text to analyse.
    Text(String),
    /// A text with its annotations, already checked.
    Document(Rc<Analysis>),
}

/// One instance's set-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// True inside another page: no header, no library or file panel.
    pub embedded: bool,
    /// Storage key prefix for autosave; `None` turns autosave off.
    pub storage_prefix: Option<String>,
    /// Show the annotations without editing them.
    pub read_only: bool,
    /// The kinds to detect.
    pub detect: Detect,
    /// The interface language; `None` follows the browser.
    pub ui: Option<UiLang>,
    /// The document language choice.
    pub language: LangChoice,
    /// What to open with, if anything.
    pub initial: Option<Initial>,
    /// The embedding page's connection, when embedded.
    pub bridge: Option<Rc<Bridge>>,
}

impl Default for Config {
    /// The standalone page.
    fn default() -> Config {
        Config {
            embedded: false,
            storage_prefix: Some("isnad".to_string()),
            read_only: false,
            detect: Detect::default(),
            ui: None,
            language: LangChoice::Auto,
            initial: None,
            bridge: None,
        }
    }
}
