//! `stepstone merge`: git's merge driver, and a merge of any three versions.

use super::{Outcome, comments_note};
use crate::io;
use crate::model::merge3::{self, Merged, Side, Version};
use crate::model::plural;
use std::path::{Path, PathBuf};

/// git's merge driver: merges THEIRS into OURS under OURS' lock, through
/// the safe save (no `.bak`: git keeps the history; hand-written comments
/// kept in a copy beside the plan). Conflicts and problems of the result
/// are written with your side and listed, and exit 1, as git expects.
pub(super) fn run(base: &Path, ours: &Path, theirs: &Path, name: Option<&Path>) -> Outcome {
    let plan_path = name.unwrap_or(ours);
    let shown = plan_path.display();
    // git's files are temporary: messages name the plan and the side.
    let named = |e: io::LoadError, version: Version| match name {
        Some(name) => io::LoadError {
            path: PathBuf::from(format!("{} ({})", name.display(), version.words())),
            kind: e.kind,
        }
        .to_string(),
        None => e.to_string(),
    };
    let locked = io::lock(ours).map_err(|e| vec![e.to_string()])?;
    let (o, stamp) = locked.load().map_err(|e| vec![named(e, Version::Ours)])?;
    let (t, _) = io::load(theirs).map_err(|e| vec![named(e, Version::Theirs)])?;
    // git gives an empty common version when both sides added the plan.
    let b = if std::fs::metadata(base).is_ok_and(|m| m.len() == 0) {
        None
    } else {
        Some(io::load(base).map_err(|e| vec![named(e, Version::Base)])?.0)
    };
    let merged = merge3::merge_checked(b.as_ref(), &o, &t, &|_| Side::Ours).map_err(|refused| {
        std::iter::once(format!("{shown}: {refused}:"))
            .chain(refused.problems.iter().map(|p| format!("  {p}")))
            .collect::<Vec<_>>()
    })?;
    let mut lines = Vec::new();
    if b.is_none() {
        lines.push(format!(
            "{shown}: note: there is no common version (both sides added the plan); \
             what the two agree on stood in for it"
        ));
    }
    if merged.plan != o {
        let saved = locked
            .save_with(
                &merged.plan,
                Some(&stamp),
                io::Replacing {
                    backup: false,
                    comments_beside: plan_path,
                },
            )
            .map_err(|e| vec![e.to_string()])?;
        if let Some(copy) = saved.comments_kept {
            lines.push(comments_note(plan_path, &copy));
        }
    }
    if merged.conflicts.is_empty() && merged.problems.is_empty() {
        let done = if merged.plan == o {
            // Nothing new from theirs: the file stays byte for byte.
            "already up to date".to_string()
        } else {
            match merged.renumbered {
                0 => "merged".to_string(),
                n => format!(
                    "merged; {} added on both sides got new ids",
                    plural(n, "item")
                ),
            }
        };
        lines.push(format!("{shown}: {done}"));
        return Ok(lines.join("\n"));
    }
    lines.extend(unfinished(&shown.to_string(), &merged));
    Err(lines)
}

/// What is left to do after a merge with conflicts or problems.
fn unfinished(shown: &str, merged: &Merged) -> Vec<String> {
    let mut lines = Vec::new();
    if !merged.conflicts.is_empty() {
        lines.push(format!(
            "{shown}: {} changed differently on both sides. The file holds the merge, with your \
             side at {}; to take theirs, edit {}, run `stepstone check`, then `git add` it:",
            plural(merged.conflicts.len(), "place"),
            if merged.conflicts.len() == 1 {
                "that place"
            } else {
                "those places"
            },
            if merged.conflicts.len() == 1 {
                "it"
            } else {
                "them"
            },
        ));
        lines.extend(merged.conflicts.iter().map(|c| {
            let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "(deleted)".into());
            format!(
                "  {}: ours {:?}, theirs {:?} (was {:?})",
                c.place,
                side(&c.ours),
                side(&c.theirs),
                side(&c.base)
            )
        }));
    }
    if !merged.problems.is_empty() {
        lines.push(format!(
            "{shown}: the merge has {} that neither side had; fix {} in the file, run \
             `stepstone check`, then `git add` it:",
            plural(merged.problems.len(), "problem"),
            if merged.problems.len() == 1 {
                "it"
            } else {
                "them"
            },
        ));
        lines.extend(merged.problems.iter().map(|p| format!("  {p}")));
    }
    lines
}
