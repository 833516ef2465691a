//! Custom hooks: stateful browser behaviour that components share.

pub mod autosave;

pub use autosave::use_autosave;
