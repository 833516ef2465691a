//! Checkable claims: sentences that assert figures, dates, events,
//! decisions, plans, comparisons or causes.

use crate::model::{ClaimInfo, Span};
use crate::quotes::FoundQuote;
use crate::Prepared;

/// Finds claim sentences outside page noise; returns (body span, details)
/// in text order.
pub fn detect(_p: &Prepared, _noise: &[Span], _quotes: &[FoundQuote]) -> Vec<(Span, ClaimInfo)> {
    Vec::new()
}
