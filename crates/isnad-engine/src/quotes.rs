//! Quotes: direct (between quotation marks), indirect (cue +
//! complementiser, "according to") and mixed, with their attribution: cue
//! word, speaker mention, or the previous speaker when implicit.

use crate::model::{QuoteForm, Span};
use crate::Prepared;

/// A quote as found, before speakers are clustered.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    /// The content (without quotation marks).
    pub span: Span,
    /// Direct, indirect or mixed.
    pub form: QuoteForm,
    /// The cue word(s).
    pub cue: Option<Span>,
    /// The explicit speaker mention, when the text names the speaker here.
    pub mention: Option<Span>,
    /// For an implicit speaker (وأضاف، he added, a-t-il ajouté): the index
    /// of the earlier quote whose speaker this one carries.
    pub same_speaker_as: Option<usize>,
}

/// Finds the quotes of a document outside page noise, in text order.
pub fn detect(_p: &Prepared, _noise: &[Span]) -> Vec<FoundQuote> {
    Vec::new()
}
