//! Custom hooks: stateful browser behaviour that components share.

pub mod autosave;
pub mod control_value;

pub use autosave::use_autosave;
pub use control_value::use_select_value;
