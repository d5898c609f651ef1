//! Conflicted copies that file-sync services leave beside a plan when two
//! devices changed it at once, and setting them aside once merged.
//!
//! - Syncthing: `plan.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron`
//! - Dropbox: `plan.stepstone (Ana's conflicted copy 2026-11-27).ron`
//! - Nextcloud: `plan (conflicted copy 2026-11-27 101500).stepstone.ron`

use std::path::{Path, PathBuf};

/// The conflicted copies of `plan` in its folder, oldest name first.
pub fn conflicted_copies(plan: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (plan.parent(), plan.file_name()) else {
        return Vec::new();
    };
    let name = name.to_string_lossy();
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| is_conflicted_copy_of(&e.file_name().to_string_lossy(), &name))
        .map(|e| e.path())
        .collect();
    copies.sort();
    copies
}

/// Whether `file` is a sync service's conflicted copy of the file `plan`.
pub fn is_conflicted_copy_of(file: &str, plan: &str) -> bool {
    file != plan && without_conflict_mark(file).is_some_and(|original| original == plan)
}

/// Whether `file` is some file's conflicted copy.
pub fn has_conflict_mark(file: &str) -> bool {
    without_conflict_mark(file).is_some()
}

/// The file's name with a sync service's conflict mark taken out, if it has one.
fn without_conflict_mark(file: &str) -> Option<String> {
    // Syncthing: `.sync-conflict-YYYYMMDD-HHMMSS-DEVICE` before the last extension.
    if let Some(start) = file.find(".sync-conflict-") {
        let rest = &file[start + 1..];
        let end = rest.find('.').map_or(file.len(), |i| start + 1 + i);
        return Some(format!("{}{}", &file[..start], &file[end..]));
    }
    // Dropbox and Nextcloud: ` (… conflicted copy …)` anywhere in the name.
    let open = file.find(" (")?;
    let close = open + file[open..].find(')')?;
    file[open..close]
        .to_lowercase()
        .contains("conflicted copy")
        .then(|| format!("{}{}", &file[..open], &file[close + 1..]))
}

/// Moves a merged conflicted copy aside (`NAME.merged`), so no sync
/// service or later start offers it again; the copy itself is kept.
pub fn set_aside(copy: &Path) -> std::io::Result<PathBuf> {
    let mut aside = copy.as_os_str().to_owned();
    aside.push(".merged");
    let mut aside = PathBuf::from(aside);
    let mut n = 2;
    while aside.exists() {
        let mut next = copy.as_os_str().to_owned();
        next.push(format!(".merged-{n}"));
        aside = PathBuf::from(next);
        n += 1;
    }
    std::fs::rename(copy, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "plan.stepstone.ron";

    #[test]
    fn the_three_services_copies_are_found_and_nothing_else() {
        for copy in [
            "plan.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron",
            "plan.stepstone (Ana's conflicted copy 2026-11-27).ron",
            "plan (conflicted copy 2026-11-27 101500).stepstone.ron",
            "plan (Ana's Conflicted Copy).stepstone.ron",
        ] {
            assert!(is_conflicted_copy_of(copy, PLAN), "{copy}");
        }
        for other in [
            PLAN,
            "plan.stepstone.ron.bak",
            "other.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron",
            "plan.shared.stepstone.ron",
            "plan (copy).stepstone.ron",
            "plan.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron.merged",
            "plan (conflicted copy 2026-11-27.stepstone.ron",
        ] {
            assert!(!is_conflicted_copy_of(other, PLAN), "{other}");
        }
    }

    #[test]
    fn copies_are_listed_from_the_folder_and_set_aside_once_merged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join(PLAN);
        let copy = dir
            .path()
            .join("plan.stepstone.sync-conflict-20261127-101500-ABCDEFG.ron");
        for f in [&plan, &copy] {
            std::fs::write(f, "()").expect("write");
        }
        std::fs::create_dir(dir.path().join("plan (conflicted copy).stepstone.ron"))
            .expect("a folder by that name is not a copy");
        assert_eq!(conflicted_copies(&plan), std::slice::from_ref(&copy));
        let aside = set_aside(&copy).expect("moved");
        assert!(aside.is_file() && !copy.exists());
        assert_eq!(conflicted_copies(&plan), Vec::<PathBuf>::new());
        std::fs::write(&copy, "()").expect("write");
        assert_ne!(
            set_aside(&copy).expect("moved again"),
            aside,
            "never over the first"
        );
    }
}
