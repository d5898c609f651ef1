//! Loading and safe saving of plan files.
//!
//! A save holds the plan's lock, writes `.NAME.saving` in the same folder,
//! syncs it, renames it over the plan and syncs the folder, so a crash at
//! any instant leaves either the old plan or the new one (and at most that
//! temporary file, which the next save removes). The old plan is kept as
//! `NAME.bak`. A plan changed on disk since it was read is not overwritten
//! unless the caller says so.

use super::error::{FormatError, LoadError, LoadErrorKind, SaveError};
use super::fault;
use super::format::{MAX_FILE_BYTES, has_comments, line_col, read_plan, to_ron};
use super::write::{Perms, ReadError, read_bounded, read_file, replace, target, write_file};
use crate::model::Plan;
use std::fs;
use std::io;
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

/// Reads and parses a plan file. Anything but a regular file (a folder, a
/// pipe, a device) is refused at once, and so is a file over the size limit.
pub fn load(path: &Path) -> Result<(Plan, DiskStamp), LoadError> {
    let fail = |kind: LoadErrorKind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let (bytes, meta) = read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => fail(e.into()),
        ReadError::TooBig(n) => fail(LoadErrorKind::TooBig(n)),
    })?;
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
        .find(|p| match read_file(p) {
            Ok(old) => old == contents,
            // A free name; anything else there (a pipe, a folder) is passed over.
            Err(e) => e.kind() == io::ErrorKind::NotFound,
        })
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
    // Through a symbolic link, lock and save the file it points at: the
    // link stays. A folder, a pipe, a device or a read-only file is refused
    // here, before anything waits on it.
    let path = target(path).map_err(|source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let io_err = |source| SaveError::Io {
        path: path.clone(),
        source,
    };
    let started = Instant::now();
    loop {
        let file = match super::write::open_regular(&path) {
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
    /// The old file is kept as `NAME.bak`.
    pub fn save(&self, plan: &Plan, expected: Option<&DiskStamp>) -> Result<Saved, SaveError> {
        self.save_with(
            plan,
            expected,
            Replacing {
                backup: true,
                comments_beside: &self.path,
            },
        )
    }

    /// Saves like [`Locked::save`], treating the replaced file as told.
    pub fn save_with(
        &self,
        plan: &Plan,
        expected: Option<&DiskStamp>,
        replacing: Replacing<'_>,
    ) -> Result<Saved, SaveError> {
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
        let text = plan_text(plan, path)?;
        let comments_kept = if path.exists() {
            let kept = self
                .keep_comments(expected, replacing.comments_beside)
                .map_err(io_err)?;
            if replacing.backup {
                keep_backup(path).map_err(io_err)?;
            }
            kept
        } else {
            None
        };
        let meta = replace(
            path,
            text.as_bytes(),
            Perms::From(None),
            &temp_path(path),
            io_err,
            || {
                if changed()? {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_path_buf(),
                    });
                }
                Ok(())
            },
        )?;
        Ok(Saved {
            stamp: DiskStamp::of(&meta, text.as_bytes()),
            comments_kept,
        })
    }

    /// If the file about to be replaced has hand-written comments, copies it
    /// to a name beside `beside` that later saves never write to (with the
    /// plan's permissions), and returns that name.
    fn keep_comments(
        &self,
        expected: Option<&DiskStamp>,
        beside: &Path,
    ) -> io::Result<Option<PathBuf>> {
        if expected.is_some_and(|s| !s.comments) {
            return Ok(None);
        }
        let bytes = read_file(&self.path)?;
        let text = String::from_utf8_lossy(&bytes);
        if !has_comments(&text) {
            return Ok(None);
        }
        let copy = comments_copy_path(beside, &bytes);
        if !copy.exists() {
            write_file(&copy, &bytes, Perms::From(Some(&self.path)))?;
        }
        Ok(Some(copy))
    }
}

/// How a save treats the file it replaces.
#[derive(Clone, Copy, Debug)]
pub struct Replacing<'a> {
    /// Keep it as `NAME.bak` (not for files git or a mentor owns).
    pub backup: bool,
    /// If it has hand-written comments, keep a copy of it as
    /// `NAME.commented.stepstone.ron` beside this path.
    pub comments_beside: &'a Path,
}

/// The plan as its file will hold it, refused if it could not be opened
/// again (over [`MAX_FILE_BYTES`]).
pub fn plan_text(plan: &Plan, path: &Path) -> Result<String, SaveError> {
    let text = to_ron(plan).map_err(|e| SaveError::Io {
        path: path.to_path_buf(),
        source: io::Error::other(e.to_string()),
    })?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooBig {
            path: path.to_path_buf(),
            bytes: text.len() as u64,
        });
    }
    Ok(text)
}

/// The temporary file a save of `path` writes before renaming it over the
/// plan: `.NAME.saving`, one name, since saves of a plan take turns.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.saving"))
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
    Ok(content_hash(&read_file(path)?) != expected.hash)
}

/// Keeps the current file as `.bak`: hard-linked (or copied) to a temporary
/// name, then renamed, so the backup is never half-written.
fn keep_backup(path: &Path) -> io::Result<()> {
    let bak = backup_path(path);
    let mut tmp = bak.clone().into_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let _ = fs::remove_file(&tmp);
    fault::hit("save.backup", path)?;
    if fs::hard_link(path, &tmp).is_err() {
        fs::copy(path, &tmp)?;
    }
    let renamed = fs::rename(&tmp, &bak);
    // When the `.bak` already was the plan's own file (a second link left
    // by an interrupted save), the rename does nothing and `tmp` stays.
    let _ = fs::remove_file(&tmp);
    renamed
}
