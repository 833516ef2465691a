//! Reading the text to annotate from a file or stdin, with every way that
//! can fail turned into a [`CliError`]: directories, unreadable files,
//! invalid UTF-8, empty or whitespace-only input.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Where the text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-` or no file given).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// `-` means stdin; anything else is a path.
    pub fn from_arg(arg: Option<&str>) -> Self {
        match arg {
            None | Some("-") => Source::Stdin,
            Some(path) => Source::File(PathBuf::from(path)),
        }
    }

    /// The name used in error messages (`-` for stdin).
    pub fn display_path(&self) -> PathBuf {
        match self {
            Source::Stdin => PathBuf::from("-"),
            Source::File(p) => p.clone(),
        }
    }
}

/// Reads all bytes from `source`.
pub fn read_bytes(source: &Source) -> Result<Vec<u8>, CliError> {
    let read_error = |source_error| CliError::Read {
        path: source.display_path(),
        source: source_error,
    };
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(read_error)?;
            Ok(bytes)
        }
        Source::File(path) => {
            if Path::new(path).is_dir() {
                return Err(CliError::IsDirectory(path.clone()));
            }
            std::fs::read(path).map_err(read_error)
        }
    }
}

/// Reads the text to annotate: valid UTF-8 with at least one
/// non-whitespace character, returned exactly as read.
pub fn read_text(source: &Source) -> Result<String, CliError> {
    let bytes = read_bytes(source)?;
    let text = String::from_utf8(bytes).map_err(|e| CliError::NotUtf8 {
        path: source.display_path(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text
        .chars()
        .all(|c| c.is_whitespace() || isnad_engine::chars::is_space(c))
    {
        return Err(CliError::EmptyInput(source.display_path()));
    }
    Ok(text)
}

/// Reads an annotation file (`isnad/1` or W3C JSON): refused from its size
/// when over [`isnad_engine::import::MAX_IMPORT_BYTES`], then read and
/// checked to be UTF-8.
pub fn read_annotation_file(source: &Source) -> Result<String, CliError> {
    let name = source.display_path();
    if let Source::File(path) = source {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() {
                let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
                isnad_engine::import::check_size(&name.to_string_lossy(), size)?;
            }
        }
    }
    let bytes = read_bytes(source)?;
    isnad_engine::import::check_size(&name.to_string_lossy(), bytes.len())?;
    String::from_utf8(bytes).map_err(|e| CliError::NotUtf8 {
        path: name,
        offset: e.utf8_error().valid_up_to(),
    })
}
