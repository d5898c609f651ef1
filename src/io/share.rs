//! Writing a shared copy of a plan (see `Plan::share_copy`): the one write
//! path for `stepstone share` and File > Export for sharing.

use super::error::SaveError;
use super::save::{Replacing, lock, plan_stem};
use crate::model::{Keep, Plan, Problem};
use std::path::{Path, PathBuf};

/// Why a shared copy was not written. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error("{}: this is the plan itself; choose another name for the shared copy", .0.display())]
    IsSource(PathBuf),
    #[error("{}: the folder {} does not exist; choose another place for the shared copy", .0.display(), .1.display())]
    NoFolder(PathBuf, PathBuf),
    /// The plan has problems, which its copy would have too.
    #[error(
        "the plan has problems to fix first, so that whoever gets the copy can open it cleanly"
    )]
    Problems(Vec<Problem>),
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Where a shared copy of the plan at `plan_path` goes by default:
/// `NAME.shared.stepstone.ron` beside it.
pub fn shared_path(plan_path: &Path) -> PathBuf {
    plan_path.with_file_name(format!("{}.shared.stepstone.ron", plan_stem(plan_path)))
}

/// Writes the share copy of `plan` (keeping `keep`) to `out` through the
/// safe save, replacing a file there (with no `.bak`: an earlier copy may
/// hold private text kept on purpose then). Refuses to write
/// over `source`, the plan's own file, and to share a plan with problems:
/// whoever gets the copy should be able to open it cleanly.
pub fn write_shared(
    plan: &Plan,
    keep: Keep,
    source: Option<&Path>,
    out: &Path,
) -> Result<(), ShareError> {
    if source.is_some_and(|s| same_file(s, out)) {
        return Err(ShareError::IsSource(out.to_path_buf()));
    }
    if let Some(folder) = out.parent().filter(|f| !f.as_os_str().is_empty())
        && !folder.is_dir()
    {
        return Err(ShareError::NoFolder(
            out.to_path_buf(),
            folder.to_path_buf(),
        ));
    }
    let copy = plan.share_copy(keep);
    let problems = copy.validate();
    if !problems.is_empty() {
        return Err(ShareError::Problems(problems));
    }
    let replacing = Replacing {
        backup: false,
        comments_beside: out,
    };
    lock(out)?.save_with(&copy, None, replacing)?;
    Ok(())
}

/// Whether two paths name one file (through links and `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_sits_beside_the_plan() {
        assert_eq!(
            shared_path(Path::new("/plans/me.stepstone.ron")),
            Path::new("/plans/me.shared.stepstone.ron")
        );
        assert_eq!(
            shared_path(Path::new("notes.ron")),
            Path::new("notes.shared.stepstone.ron")
        );
    }
}
