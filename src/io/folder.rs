//! A folder of plans, as a mentor receives them: which files in it are
//! plans, and each one read into an [`Overview`] row, several at once. A
//! file that cannot be read gives a row with its error and never stops the
//! others. A row keeps the numbers, not the plan: a plan is read again when
//! it is opened.

use super::error::{LoadError, LoadErrorKind};
use super::save::{load, plan_stem};
use crate::model::Overview;
use jiff::civil::Date;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why a folder's plans could not be listed.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot read this folder: {source}", path.display())]
pub struct FolderError {
    pub path: PathBuf,
    source: std::io::Error,
}

/// One plan of a folder, summed up.
#[derive(Clone, Debug, PartialEq)]
pub struct FolderRow {
    pub path: PathBuf,
    /// Whose plan it is: the plan's owner, else the file's name.
    pub person: String,
    /// A copy made by Export for sharing (`NAME.shared.stepstone.ron`).
    pub shared: bool,
    /// The plan's numbers, or why the file could not be read (one sentence,
    /// without the file's name, which the row shows anyway).
    pub overview: Result<Overview, String>,
}

const PLAN: &str = ".stepstone.ron";
const SHARED: &str = ".shared";

/// Whether a file of this name is a plan to list: `NAME.stepstone.ron`
/// (share copies included), but not a hidden file (an interrupted save
/// leaves `.NAME.saving`), a copy kept for its comments
/// (`NAME.commented.stepstone.ron`, `NAME.commented-2.stepstone.ron`) or a
/// copy a sync service left after a conflict (Syncthing's
/// `.sync-conflict-`, Dropbox's and Nextcloud's "conflicted copy"): those
/// are not another person's plan.
pub fn is_listed(name: &str) -> bool {
    let lower = name.to_lowercase();
    let Some(stem) = lower.strip_suffix(PLAN) else {
        return false;
    };
    let commented = stem
        .rsplit_once(".commented")
        .is_some_and(|(_, rest)| rest.is_empty() || is_copy_number(rest));
    !(name.starts_with('.')
        || stem.is_empty()
        || commented
        || super::conflicts::has_conflict_mark(name))
}

/// `-2`, `-3`…: the number `comments_copy_path` adds when a name is taken.
fn is_copy_number(rest: &str) -> bool {
    rest.strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The plans in `folder` (not in folders inside it), sorted by file name.
pub fn list_plans(folder: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let fail = |source| FolderError {
        path: folder.to_path_buf(),
        source,
    };
    let mut plans = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let name = entry.file_name();
        let folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if !folder && name.to_str().is_some_and(is_listed) {
            plans.push(entry.path());
        }
    }
    plans.sort_by_cached_key(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        (name.to_lowercase(), name.into_owned())
    });
    Ok(plans)
}

/// Reads one plan into its row.
pub fn read_row(path: &Path, today: Date) -> FolderRow {
    let stem = plan_stem(path);
    let (name, shared) = match stem.strip_suffix(SHARED) {
        Some(name) if !name.is_empty() => (name.to_string(), true),
        _ => (stem, false),
    };
    let overview = load(path)
        .map(|(plan, _)| Overview::of(&plan, today))
        .map_err(|e| reason(&e));
    let person = match &overview {
        Ok(o) if !o.owner.is_empty() => o.owner.clone(),
        _ => name,
    };
    FolderRow {
        path: path.to_path_buf(),
        person,
        shared,
        overview,
    }
}

/// Why a file could not be read, without its name (its row shows that):
/// "line 4, column 12: this text in quotes is never closed…".
fn reason(e: &LoadError) -> String {
    let text = e.kind.to_string();
    let LoadErrorKind::Format(f) = &e.kind else {
        return text;
    };
    match f.position() {
        Some((line, col)) => text.strip_prefix(&format!("{line}:{col}: ")).map_or_else(
            || text.clone(),
            |m| format!("line {line}, column {col}: {m}"),
        ),
        None => text,
    }
}

/// Reads every plan of `paths` into its row, in the same order, on as many
/// threads as the machine has cores. `done` counts the files read so far,
/// for a progress bar.
pub fn read_rows(paths: &[PathBuf], today: Date, done: &AtomicUsize) -> Vec<FolderRow> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(paths.len());
    let next = AtomicUsize::new(0);
    // Each worker takes the next file not yet taken, so a large file holds
    // up one worker, not a share of the others' files.
    let work = || {
        let mut read = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(i) else {
                return read;
            };
            read.push((i, read_row(path, today)));
            done.fetch_add(1, Ordering::Relaxed);
        }
    };
    let read: Vec<(usize, FolderRow)> = if workers < 2 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    let mut rows: Vec<Option<FolderRow>> = vec![None; paths.len()];
    for (i, row) in read {
        rows[i] = Some(row);
    }
    // A worker that failed (a bug, not a bad file) loses only its own rows.
    rows.into_iter()
        .zip(paths)
        .map(|(row, path)| {
            row.unwrap_or_else(|| FolderRow {
                path: path.clone(),
                person: plan_stem(path),
                shared: false,
                overview: Err("Stepstone failed while reading this file".into()),
            })
        })
        .collect()
}
