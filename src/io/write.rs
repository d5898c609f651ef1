//! The one way Stepstone writes and reads files: plans (through
//! `save.rs`), comment copies, recovery copies, exports and shares.
//!
//! A write lands on the real file behind a symbolic link (the link stays a
//! link), refuses anything that is not a regular file (a folder, a device, a
//! pipe) and a file whose permissions say read-only, and never leaves a
//! half-written file: a temporary file beside the target is written,
//! synced, given its permissions and renamed over it. A read refuses what
//! is not a regular file at once (a pipe would block) and reads at most a
//! given number of bytes.

use super::fault;
use super::format::MAX_FILE_BYTES;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Which permissions a written file gets.
#[derive(Clone, Copy, Debug)]
pub enum Perms<'a> {
    /// An existing file keeps its own; a new one gets the system's default.
    /// With a source (the plan a copy or an export was made from), never
    /// looser than the source's: a private plan's copies stay private.
    From(Option<&'a Path>),
    /// Readable and writable by the owner only (0600): recovery copies and
    /// other files that hold a plan's private text for the app alone.
    Private,
}

/// Where a write to `path` lands: the file itself, or through symbolic
/// links the file they point at. Refuses a target that is not a regular
/// file, a link to nothing, and a read-only file.
pub fn target(path: &Path) -> io::Result<PathBuf> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = if is_link {
        fs::canonicalize(path).map_err(|_| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "it is a link to a file that does not exist; nothing was written",
            )
        })?
    } else {
        path.to_path_buf()
    };
    match fs::metadata(&real) {
        Ok(meta) => {
            not_regular(&meta)?;
            if meta.permissions().readonly() {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the file is read-only (its permissions say so); nothing was written",
                ));
            }
            Ok(real)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(real),
        Err(e) => Err(e),
    }
}

/// Fails for anything but a regular file, saying what it is instead.
fn not_regular(meta: &fs::Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a folder, not a file"
    } else {
        "a pipe, a device or a socket, not a regular file"
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}"),
    ))
}

/// Writes `bytes` to `path` safely (see the module's notes).
pub fn write_file(path: &Path, bytes: &[u8], perms: Perms<'_>) -> io::Result<()> {
    let real = target(path)?;
    replace(&real, bytes, perms, &unique_temp(&real), |e| e, || Ok(())).map(|_| ())
}

/// A temporary name beside `target` that no other write uses at once.
fn unique_temp(target: &Path) -> PathBuf {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{}-{n}.writing", std::process::id()))
}

/// Replaces the regular file `real` (already resolved by [`target`]) with
/// `bytes` through the temporary file `temp`: creates it readable by the
/// owner only, writes and syncs it, asks `check` whether to go on, gives it
/// its permissions, renames it over `real` and syncs the folder. Returns the
/// written file's metadata. On failure `real` is untouched and `temp` gone;
/// `io_err` words a system error as the caller's error.
pub(crate) fn replace<E>(
    real: &Path,
    bytes: &[u8],
    perms: Perms<'_>,
    temp: &Path,
    io_err: impl Fn(io::Error) -> E,
    check: impl FnOnce() -> Result<(), E>,
) -> Result<fs::Metadata, E> {
    let mode = mode_for(real, perms).map_err(&io_err)?;
    let written = (|| {
        let _ = fs::remove_file(temp);
        fault::hit("write.create", real).map_err(&io_err)?;
        let mut file = create_private(temp, mode.is_none()).map_err(&io_err)?;
        // A disk that fills part way: half the bytes are written first.
        let half = bytes.len() / 2;
        file.write_all(&bytes[..half]).map_err(&io_err)?;
        fault::hit("write.data", real).map_err(&io_err)?;
        file.write_all(&bytes[half..]).map_err(&io_err)?;
        fault::hit("write.sync", real).map_err(&io_err)?;
        file.sync_all().map_err(&io_err)?;
        if let Some(perms) = mode {
            file.set_permissions(perms).map_err(&io_err)?;
        }
        let meta = file.metadata().map_err(&io_err)?;
        check()?;
        fault::hit("write.rename", real).map_err(&io_err)?;
        fs::rename(temp, real).map_err(&io_err)?;
        Ok(meta)
    })();
    if written.is_err() {
        let _ = fs::remove_file(temp);
    }
    let meta = written?;
    sync_folder(real);
    Ok(meta)
}

/// The permissions to give the new file, or `None` for the system default.
fn mode_for(real: &Path, perms: Perms<'_>) -> io::Result<Option<fs::Permissions>> {
    let existing = match fs::metadata(real) {
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    Ok(match perms {
        Perms::Private => private_permissions(existing),
        Perms::From(source) => {
            let source = source.and_then(|s| fs::metadata(s).ok().as_ref().map(plain));
            match (existing, source) {
                (Some(own), Some(source)) => Some(stricter(&own, &source)),
                (own, source) => own.or(source),
            }
        }
    })
}

#[cfg(unix)]
#[expect(
    clippy::unnecessary_wraps,
    reason = "the same shape as elsewhere, where there is no mode to set"
)]
fn private_permissions(_existing: Option<fs::Permissions>) -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o600))
}

/// Elsewhere the folder's access rules keep a file private.
#[cfg(not(unix))]
fn private_permissions(existing: Option<fs::Permissions>) -> Option<fs::Permissions> {
    existing
}

/// The read, write and run bits only (no set-id or sticky bit from a source).
#[cfg(unix)]
fn plain(meta: &fs::Metadata) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(meta.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn plain(meta: &fs::Metadata) -> fs::Permissions {
    meta.permissions()
}

/// Only the permission bits both allow.
#[cfg(unix)]
fn stricter(a: &fs::Permissions, b: &fs::Permissions) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(a.mode() & b.mode() & 0o7777)
}

#[cfg(not(unix))]
fn stricter(a: &fs::Permissions, _b: &fs::Permissions) -> fs::Permissions {
    a.clone()
}

/// Creates `temp` for writing, owner-only until its permissions are set
/// (so a private plan's text is never readable by others, even for a
/// moment); with `default`, with the system's default permissions instead.
fn create_private(temp: &Path, default: bool) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if default { 0o666 } else { 0o600 });
    }
    #[cfg(not(unix))]
    let _ = default;
    options.open(temp)
}

/// Makes a rename in the file's folder durable (where the platform can).
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

/// Why a bounded read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The file holds more than the limit (its size, or at least limit + 1).
    TooBig(u64),
}

/// Reads a whole regular file of at most `limit` bytes. A pipe, a device or
/// a folder is refused at once, without waiting for it.
pub fn read_bounded(path: &Path, limit: u64) -> Result<(Vec<u8>, fs::Metadata), ReadError> {
    let file = open_regular(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.len() > limit {
        return Err(ReadError::TooBig(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against files that grow while read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig(bytes.len() as u64));
    }
    Ok((bytes, meta))
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`] (the largest
/// plan): what Stepstone reads besides plans (its own lists, copies to
/// compare) goes the same bounded way.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    read_bounded(path, MAX_FILE_BYTES)
        .map(|(bytes, _)| bytes)
        .map_err(|e| match e {
            ReadError::Io(e) => e,
            ReadError::TooBig(n) => io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("the file is {n} bytes, over the 64 MiB Stepstone reads"),
            ),
        })
}

/// Opens a file for reading only if it is a regular file. Opening does not
/// wait on a pipe (it is opened non-blocking, then refused).
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    not_regular(&fs::metadata(path)?)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    // Replaced by something else between the look and the open.
    not_regular(&file.metadata()?)?;
    Ok(file)
}
