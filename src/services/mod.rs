//! Browser I/O, and nothing else: storage, files and the clipboard. The
//! reducer stays pure; components and hooks call these from callbacks and
//! effects.

pub mod files;
pub mod storage;
