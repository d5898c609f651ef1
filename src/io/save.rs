//! Loading and safe saving of plan files.
//!
//! A save writes a temporary file in the same folder, syncs it, renames it
//! over the plan and syncs the folder (`atomic-write-file`), so a crash at
//! any instant leaves either the old plan or the new one. The old one is
//! kept as `NAME.bak`. A plan changed on disk since it was read is not
//! overwritten unless the caller says so.

use super::error::{FormatError, LoadError, LoadErrorKind, SaveError};
use super::format::{MAX_FILE_BYTES, from_ron, line_col, to_ron};
use crate::model::Plan;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a plan file looked like when it was read or written, to notice
/// changes made by other programs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl DiskStamp {
    fn of(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: content_hash(bytes),
        }
    }
}

/// A fast 64-bit hash of the file's bytes (`FxHash` over 8-byte words). Only
/// compared with another hash of the same file, so it need not be strong.
pub fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut words = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    for &b in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

/// Reads and parses a plan file.
pub fn load(path: &Path) -> Result<(Plan, DiskStamp), LoadError> {
    let fail = |kind: LoadErrorKind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let file = fs::File::open(path).map_err(|e| fail(e.into()))?;
    let meta = file.metadata().map_err(|e| fail(e.into()))?;
    if meta.is_dir() {
        return Err(fail(
            io::Error::other("it is a folder, not a plan file").into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(LoadErrorKind::TooBig(meta.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against files that grow while read, or report no size.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.into()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(LoadErrorKind::TooBig(bytes.len() as u64)));
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // Safe: `valid_up_to` marks the end of the valid UTF-8 prefix.
        let (line, col) = line_col(std::str::from_utf8(valid).unwrap_or(""), valid.len());
        fail(FormatError::NotText { line, col }.into())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let plan = from_ron(text).map_err(|e| fail(e.into()))?;
    Ok((plan, DiskStamp::of(&meta, &bytes)))
}

/// The backup kept beside a plan: `NAME.stepstone.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Saves a plan safely. With `expected`, refuses if the file on disk is no
/// longer the one that was read; with `None`, writes regardless (Save As,
/// or "overwrite anyway"). Returns the stamp of the new file.
pub fn save(
    path: &Path,
    plan: &Plan,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    // Through a symbolic link, save to the file it points at: the link stays.
    let resolved = fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| fs::canonicalize(path).ok())
        .flatten();
    let path = resolved.as_deref().unwrap_or(path);
    let io_err = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(expected) = expected
        && changed_on_disk(path, expected).map_err(io_err)?
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let text = to_ron(plan).map_err(|e| io_err(io::Error::other(e.to_string())))?;
    if path.exists() {
        keep_backup(path).map_err(io_err)?;
    }
    write_atomically(path, |f| f.write_all(text.as_bytes())).map_err(io_err)?;
    let meta = fs::metadata(path).map_err(io_err)?;
    Ok(DiskStamp::of(&meta, text.as_bytes()))
}

/// Whether the file differs from the stamp. A missing file has not "changed":
/// saving recreates it.
fn changed_on_disk(path: &Path, expected: &DiskStamp) -> io::Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    if meta.len() == expected.len && meta.modified().ok() == expected.modified {
        return Ok(false);
    }
    // Size or time differ: compare contents, so a mere `touch` is no conflict.
    Ok(content_hash(&fs::read(path)?) != expected.hash)
}

/// Keeps the current file as `.bak`: hard-linked (or copied) to a temporary
/// name, then renamed, so the backup is never half-written.
fn keep_backup(path: &Path) -> io::Result<()> {
    let bak = backup_path(path);
    let mut tmp = bak.clone().into_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let _ = fs::remove_file(&tmp);
    if fs::hard_link(path, &tmp).is_err() {
        fs::copy(path, &tmp)?;
    }
    fs::rename(&tmp, &bak)
}

/// Writes a file atomically: `write` fills a temporary file in the same
/// folder; only if it succeeds is the file synced and renamed over `path`.
/// If `write` fails, `path` is untouched.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::options().open(path)?;
    write(file.as_file_mut())?;
    file.commit()
}
