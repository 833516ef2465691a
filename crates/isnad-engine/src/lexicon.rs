//! Word lists the detectors match on, in folded form (see
//! [`crate::chars::fold`]).
