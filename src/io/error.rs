//! Errors from reading and writing plan files, in words a person understands.

use std::fmt;
use std::path::PathBuf;

/// A problem in the text of a plan file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The text does not parse, or holds a value of the wrong type.
    #[error("{line}:{col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    /// Bytes that are not UTF-8 text.
    #[error("{line}:{col}: this is not a text file (the bytes here are not UTF-8)")]
    NotText { line: usize, col: usize },
    #[error("the file is empty")]
    Empty,
    /// The text does not start the way a plan file does.
    #[error("{line}:{col}: not a Stepstone plan: a plan starts with `(format_version: 1,`")]
    NoVersion { line: usize, col: usize },
    #[error(
        "this plan was written by a newer Stepstone (format_version {found}); this version reads \
         up to format_version {supported}, so it will not open it rather than lose what it cannot read"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("format_version {0} does not exist; versions start at 1")]
    UnknownVersion(u32),
}

impl FormatError {
    /// Line and column (1-based) where the problem is, when there is one place.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            FormatError::Syntax { line, col, .. }
            | FormatError::NotText { line, col }
            | FormatError::NoVersion { line, col } => Some((*line, *col)),
            _ => None,
        }
    }
}

/// Why a plan file could not be opened. Displays as `FILE:LINE:COL: message`
/// or `FILE: message`.
#[derive(Debug, thiserror::Error)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file is {0} bytes; plans over 64 MiB are refused")]
    TooBig(u64),
    #[error(transparent)]
    Format(#[from] FormatError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            LoadErrorKind::Format(e) if e.position().is_some() => write!(f, "{path}:{e}"),
            kind => write!(f, "{path}: {kind}"),
        }
    }
}

/// Why a plan could not be saved. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the file was changed by another program since it was opened; reload it, or save anyway to overwrite",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "{}: another program is saving this plan and did not finish within 10 seconds; nothing was written, try again",
        path.display()
    )]
    Busy { path: PathBuf },
    #[error(
        "{}: not saved: the plan would be {bytes} bytes ({:.1} MiB), over the 64 MiB ({} bytes) that Stepstone can open again; the file is unchanged (remove old log entries or split the plan)",
        path.display(), *bytes as f64 / (1024.0 * 1024.0), super::MAX_FILE_BYTES
    )]
    TooBig { path: PathBuf, bytes: u64 },
}
