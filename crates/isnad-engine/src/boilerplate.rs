//! Page noise: bylines, section labels, glued "related" headlines,
//! truncated duplicates of the lead, author boxes, comment and share
//! prompts, captions, "Read more / اقرأ أيضا / Lire aussi".

use crate::model::Span;
use crate::Prepared;

/// Finds page noise; returns sorted, non-overlapping spans.
pub fn detect(_p: &Prepared) -> Vec<Span> {
    Vec::new()
}
