//! Loading and safe saving of plan files.
//!
//! A save holds the plan's lock, writes `.NAME.saving` in the same folder,
//! syncs it, renames it over the plan and syncs the folder, so a crash at
//! any instant leaves either the old plan or the new one (and at most that
//! temporary file, which the next save removes). The old plan is kept as
//! `NAME.bak`. A plan changed on disk since it was read is not overwritten
//! unless the caller says so.

use super::error::{FormatError, LoadError, LoadErrorKind, SaveError};
use super::format::{MAX_FILE_BYTES, has_comments, line_col, read_plan, to_ron};
use crate::model::Plan;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// What a plan file looked like when it was read or written, to notice
/// changes made by other programs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
    /// The file holds hand-written comments, which a save cannot keep.
    #[serde(default)]
    pub comments: bool,
}

impl DiskStamp {
    fn of(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: content_hash(bytes),
            comments: false,
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
    let read = read_plan(text).map_err(|e| fail(e.into()))?;
    let mut stamp = DiskStamp::of(&meta, &bytes);
    stamp.comments = read.comments;
    Ok((read.plan, stamp))
}

/// The backup kept beside a plan: `NAME.stepstone.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Where a save keeps the hand-written comments of the file it replaces:
/// `NAME.commented.stepstone.ron`, or `NAME.commented-2.stepstone.ron` and
/// so on when that name is taken by a different file.
pub fn comments_copy_path(path: &Path, contents: &[u8]) -> PathBuf {
    let stem = plan_stem(path);
    (1..=u32::MAX)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{stem}.commented{suffix}.stepstone.ron"))
        })
        .find(|p| fs::read(p).map_or(true, |old| old == contents))
        .unwrap_or_else(|| path.with_extension("commented"))
}

/// A plan file's name without `.stepstone.ron` (or `.ron`): `NAME`, to
/// name the files kept beside it.
pub(crate) fn plan_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    name.strip_suffix(".stepstone.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name)
        .to_string()
}

/// How long a second writer waits for the first to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Saves a plan safely: see [`Locked::save`]. Returns the new file's stamp.
pub fn save(
    path: &Path,
    plan: &Plan,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    lock(path)?.save(plan, expected).map(|s| s.stamp)
}

/// What a save did besides writing the plan.
#[derive(Debug)]
pub struct Saved {
    pub stamp: DiskStamp,
    /// The replaced file had hand-written comments, kept in this copy.
    pub comments_kept: Option<PathBuf>,
}

/// A plan file held for reading, changing and writing: every other
/// Stepstone program that wants to write it waits until this is dropped.
/// The lock is an advisory lock on the file itself, so nothing is left
/// behind; a save replaces the file, and a waiting writer that then gets
/// the lock on the replaced file notices and locks the new one.
#[derive(Debug)]
pub struct Locked {
    /// The file's real path (through a symbolic link).
    path: PathBuf,
    /// `None` while the file does not exist yet.
    _file: Option<fs::File>,
}

/// Takes the lock on a plan file, waiting up to ten seconds for another
/// writer to finish.
pub fn lock(path: &Path) -> Result<Locked, SaveError> {
    // Through a symbolic link, lock and save the file it points at: the link stays.
    let resolved = fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| fs::canonicalize(path).ok())
        .flatten();
    let path = resolved.unwrap_or_else(|| path.to_path_buf());
    let io_err = |source| SaveError::Io {
        path: path.clone(),
        source,
    };
    let started = Instant::now();
    loop {
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Locked { path, _file: None });
            }
            Err(e) => return Err(io_err(e)),
        };
        match file.try_lock() {
            Ok(()) => {
                if same_file(&file, &path) {
                    let locked = Locked {
                        path,
                        _file: Some(file),
                    };
                    locked.clean_up();
                    return Ok(locked);
                }
                // Replaced while we waited: lock the new file.
            }
            Err(fs::TryLockError::WouldBlock) => {
                if started.elapsed() > LOCK_WAIT {
                    return Err(SaveError::Busy { path });
                }
                std::thread::sleep(Duration::from_millis(15));
            }
            // Locks unsupported here (some network drives): go on unlocked,
            // still protected by the check for outside changes.
            Err(fs::TryLockError::Error(_)) => {
                return Ok(Locked {
                    path,
                    _file: Some(file),
                });
            }
        }
    }
}

/// Whether the open file is still the one at `path` (not replaced by a save).
#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(file: &fs::File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.len() == b.len() && a.modified().ok() == b.modified().ok(),
        _ => false,
    }
}

impl Locked {
    /// The file's real path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the plan while holding the lock.
    pub fn load(&self) -> Result<(Plan, DiskStamp), LoadError> {
        load(&self.path)
    }

    /// Removes what killed saves left behind: the plan's temporary file
    /// (`.NAME.saving`) and the backup's (`NAME.bak.tmp`). Only called with
    /// the lock held, so no other save is using them.
    fn clean_up(&self) {
        let _ = fs::remove_file(temp_path(&self.path));
        let mut bak_tmp = backup_path(&self.path).into_os_string();
        bak_tmp.push(".tmp");
        let _ = fs::remove_file(PathBuf::from(bak_tmp));
    }

    /// Saves a plan safely. With `expected`, refuses if the file on disk is
    /// no longer the one that was read (checked again right before the new
    /// file takes its place); with `None`, writes regardless (Save As, or
    /// "overwrite anyway"). Refuses to write a file too big to open again.
    pub fn save(&self, plan: &Plan, expected: Option<&DiskStamp>) -> Result<Saved, SaveError> {
        let path = self.path.as_path();
        let io_err = |source| SaveError::Io {
            path: path.to_path_buf(),
            source,
        };
        let changed = || -> Result<bool, SaveError> {
            match expected {
                Some(expected) => changed_on_disk(path, expected).map_err(io_err),
                None => Ok(false),
            }
        };
        if changed()? {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        let text = to_ron(plan).map_err(|e| io_err(io::Error::other(e.to_string())))?;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(SaveError::TooBig {
                path: path.to_path_buf(),
                bytes: text.len() as u64,
            });
        }
        let comments_kept = if path.exists() {
            let kept = self.keep_comments(expected).map_err(io_err)?;
            keep_backup(path).map_err(io_err)?;
            kept
        } else {
            None
        };
        let meta = replace(path, text.as_bytes(), || {
            if changed()? {
                return Err(SaveError::ChangedOnDisk {
                    path: path.to_path_buf(),
                });
            }
            Ok(())
        })?;
        Ok(Saved {
            stamp: DiskStamp::of(&meta, text.as_bytes()),
            comments_kept,
        })
    }

    /// If the file about to be replaced has hand-written comments, copies it
    /// to a name later saves never write to, and returns that name.
    fn keep_comments(&self, expected: Option<&DiskStamp>) -> io::Result<Option<PathBuf>> {
        if expected.is_some_and(|s| !s.comments) {
            return Ok(None);
        }
        let bytes = fs::read(&self.path)?;
        let text = String::from_utf8_lossy(&bytes);
        if !has_comments(&text) {
            return Ok(None);
        }
        let copy = comments_copy_path(&self.path, &bytes);
        if !copy.exists() {
            write_atomically(&copy, |f| f.write_all(&bytes))?;
        }
        Ok(Some(copy))
    }
}

/// The temporary file a save of `path` writes before renaming it over the
/// plan: `.NAME.saving`, one name, since saves of a plan take turns.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.saving"))
}

/// Replaces the file at `path` with `bytes` (the lock held): writes and
/// syncs the temporary file, asks `check` whether to go on (the file on disk
/// may have changed meanwhile), renames it over the plan and syncs the
/// folder. Returns the new file's metadata, taken from the written file
/// itself, so it cannot describe a later writer's file. On any failure the
/// plan is untouched and the temporary file removed.
fn replace(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce() -> Result<(), SaveError>,
) -> Result<fs::Metadata, SaveError> {
    let io_err = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_path(path);
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(io_err)?;
        if let Ok(old) = fs::metadata(path) {
            // Keep the plan's permissions (a private plan stays private).
            let _ = file.set_permissions(old.permissions());
        }
        file.write_all(bytes).map_err(io_err)?;
        file.sync_all().map_err(io_err)?;
        let meta = file.metadata().map_err(io_err)?;
        check()?;
        fs::rename(&tmp, path).map_err(io_err)?;
        Ok(meta)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    let meta = written?;
    sync_folder(path);
    Ok(meta)
}

/// Makes a rename in the plan's folder durable (where the platform can).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
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
