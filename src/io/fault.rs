//! Failpoints: named places in the write path where a test makes the
//! system fail (a full disk, a failed sync or rename) to check that
//! nothing on disk is damaged and the person is told.
//!
//! A test in this process fails writes to files under one folder (its own
//! temporary folder, so tests running at once do not meet); a test that
//! runs the `stepstone` binary sets `STEPSTONE_FAULTS=point,point`. The
//! `fail` crate was not used: its points are global and exist only with a
//! cargo feature, which a plain `cargo test` would not turn on.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The places a write can be made to fail, in the order they are reached.
pub const POINTS: [&str; 5] = [
    "write.create",
    "write.data",
    "write.sync",
    "write.rename",
    "save.backup",
];

static ACTIVE: Mutex<Vec<(&'static str, PathBuf)>> = Mutex::new(Vec::new());

/// From now on, writes to files under `folder` fail at `point`.
pub fn inject(point: &'static str, folder: &Path) {
    if let Ok(mut active) = ACTIVE.lock() {
        active.push((point, folder.to_path_buf()));
    }
}

/// Writes under `folder` work again.
pub fn clear(folder: &Path) {
    if let Ok(mut active) = ACTIVE.lock() {
        active.retain(|(_, f)| f != folder);
    }
}

/// Fails with "no space left on device" if a test asked for `point` to
/// fail on writes to `target`.
pub(crate) fn hit(point: &str, target: &Path) -> io::Result<()> {
    let from_env =
        std::env::var("STEPSTONE_FAULTS").is_ok_and(|v| v.split(',').any(|p| p.trim() == point));
    let injected = ACTIVE.lock().is_ok_and(|active| {
        active
            .iter()
            .any(|(p, folder)| *p == point && target.starts_with(folder))
    });
    if from_env || injected {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            format!("no space left on device (a test's fault at {point})"),
        ));
    }
    Ok(())
}
