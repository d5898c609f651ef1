//! Plan files: the versioned RON format, loading with clear errors, and safe saving.

pub mod conflicts;
pub mod desktop;
mod entry_line;
mod error;
pub mod export;
pub mod fault;
pub mod folder;
pub mod format;
pub mod framework;
mod lexer;
mod log_lines;
mod migrate;
pub mod occupations;
mod sample;
mod save;
mod share;
pub mod templates;
pub mod write;

pub use error::{FormatError, LoadError, SaveError};
pub use format::{CURRENT_VERSION, MAX_FILE_BYTES, from_ron, to_ron};
pub use framework::{ImportError, Incoming, load_incoming};
#[doc(hidden)]
pub use migrate::{current_readers, log_line_readers, read_fast_counted};
pub use sample::{SAMPLE_RON, sample_plan, sample_with_log};
pub use save::{
    DiskStamp, Locked, Replacing, Saved, backup_path, comments_copy_path, content_hash, load, lock,
    plan_text, save,
};
pub use share::{ShareError, shared_path, write_shared};
pub use write::{Perms, write_file};

#[cfg(test)]
mod entry_line_tests;
