//! How one instance of the app is set up: the standalone page uses the
//! defaults; an embedding page (see `embed`) sets them from `mount()`'s
//! options, checked before anything is rendered.

use std::rc::Rc;

use isnad_engine::{Analysis, Kind};

use crate::embed::Bridge;
use crate::i18n::UiLang;
use crate::state::LangChoice;

/// Which kinds of annotation the engine's results keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detect {
    /// Attributed quotes.
    pub quotes: bool,
    /// Checkable claims.
    pub claims: bool,
    /// Page noise.
    pub noise: bool,
}

impl Default for Detect {
    fn default() -> Detect {
        Detect {
            quotes: true,
            claims: true,
            noise: true,
        }
    }
}

impl Detect {
    /// Whether annotations of `kind` are kept.
    pub fn keeps(&self, kind: Kind) -> bool {
        match kind {
            Kind::Quote => self.quotes,
            Kind::Claim => self.claims,
            Kind::Boilerplate => self.noise,
        }
    }

    /// `analysis` without the kinds not detected (and speakers no quote
    /// refers to any more, when quotes are off).
    pub fn filter(&self, mut analysis: Analysis) -> Analysis {
        if *self != Detect::default() {
            analysis.annotations.retain(|a| self.keeps(a.kind()));
            if !self.quotes {
                analysis.speakers.clear();
            }
        }
        analysis
    }
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
