//! Safe saving: atomic replace, backups, interrupted saves, changes by other programs.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::{names_in, plan_with_entries};
use stepstone::io::{self, SaveError, backup_path};
use stepstone::model::Plan;

#[test]
fn save_then_load_gives_the_same_plan_and_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let first = plan_with_entries(5);
    let stamp = io::save(&path, &first, None).expect("first save");
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up the first time"
    );

    let second = plan_with_entries(9);
    io::save(&path, &second, Some(&stamp)).expect("second save");
    assert_eq!(io::load(&path).expect("load").0, second);
    assert_eq!(
        io::load(&backup_path(&path)).expect("load backup").0,
        first,
        "backup holds the previous version"
    );
    assert_eq!(
        names_in(dir.path()),
        ["me.stepstone.ron", "me.stepstone.ron.bak"],
        "no temporary files left"
    );
}

#[test]
fn a_save_that_fails_between_write_and_rename_leaves_the_original() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let plan = plan_with_entries(20);
    io::save(&path, &plan, None).expect("save");
    let before = std::fs::read(&path).expect("read");

    // The disk fills half way through the write.
    io::fault::inject("write.data", dir.path());
    let result = io::write_file(&path, &before[..before.len() / 2], io::Perms::From(None));
    io::fault::clear(dir.path());
    assert!(result.is_err());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the original is intact"
    );
    assert_eq!(io::load(&path).expect("still loads").0, plan);
    assert_eq!(
        names_in(dir.path()),
        ["me.stepstone.ron"],
        "the temporary file is gone"
    );
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let stamp = io::save(&path, &plan_with_entries(3), None).expect("save");
    let (other, _) = io::load(&path).expect("load");
    let mut edited = other.clone();
    edited.owner = "Changed in another editor".into();
    std::fs::write(&path, io::to_ron(&edited).expect("ron")).expect("other program writes");

    let mine = Plan {
        owner: "Mine".into(),
        ..other
    };
    let err = io::save(&path, &mine, Some(&stamp)).expect_err("conflict");
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
    assert!(
        err.to_string().contains("changed by another program"),
        "{err}"
    );
    assert_eq!(
        io::load(&path).expect("load").0.owner,
        "Changed in another editor",
        "their change is kept"
    );

    io::save(&path, &mine, None).expect("overwrite when told to");
    assert_eq!(io::load(&path).expect("load").0.owner, "Mine");
}

#[test]
fn touching_a_file_without_changing_it_is_no_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let plan = plan_with_entries(3);
    let stamp = io::save(&path, &plan, None).expect("save");
    let bytes = std::fs::read(&path).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, bytes).expect("rewrite same bytes");
    io::save(&path, &plan, Some(&stamp)).expect("same content: saves");
}

#[test]
fn a_deleted_file_is_saved_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let plan = plan_with_entries(3);
    let stamp = io::save(&path, &plan, None).expect("save");
    std::fs::remove_file(&path).expect("delete");
    io::save(&path, &plan, Some(&stamp)).expect("recreates");
    assert_eq!(io::load(&path).expect("load").0, plan);
}

#[test]
fn a_folder_is_not_a_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = io::load(dir.path()).expect_err("folder").to_string();
    assert!(err.contains("folder"), "{err}");
    let missing = io::load(&dir.path().join("nope.stepstone.ron"))
        .expect_err("missing")
        .to_string();
    assert!(
        missing.contains("nope.stepstone.ron: cannot read the file"),
        "{missing}"
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_the_file_it_points_at() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real.stepstone.ron");
    let link = dir.path().join("link.stepstone.ron");
    let stamp = io::save(&real, &plan_with_entries(2), None).expect("save");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let (_, link_stamp) = io::load(&link).expect("load through the link");
    assert_eq!(stamp, link_stamp);
    io::save(&link, &plan_with_entries(4), Some(&link_stamp)).expect("save through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(io::load(&real).expect("load").0.log.len(), 4);
}

#[test]
fn what_killed_saves_left_behind_goes_with_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let stamp = io::save(&path, &plan_with_entries(3), None).expect("save");
    for leftover in [".me.stepstone.ron.saving", "me.stepstone.ron.bak.tmp"] {
        std::fs::write(dir.path().join(leftover), "half a plan").expect("write");
    }
    // The person's own files, however they are named, are kept.
    for mine in [".me.stepstone.ron.backup", ".me.stepstone.ron.A1b2C3"] {
        std::fs::write(dir.path().join(mine), "mine").expect("write");
    }
    io::save(&path, &plan_with_entries(4), Some(&stamp)).expect("save");
    assert_eq!(
        names_in(dir.path()),
        [
            ".me.stepstone.ron.A1b2C3",
            ".me.stepstone.ron.backup",
            "me.stepstone.ron",
            "me.stepstone.ron.bak"
        ]
    );
}

#[test]
fn a_plan_too_big_to_open_again_is_not_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let stamp = io::save(&path, &plan_with_entries(3), None).expect("save");
    let before = std::fs::read(&path).expect("read");
    let mut huge = plan_with_entries(70);
    let page = "x".repeat(1024 * 1024);
    for e in &mut huge.log {
        e.text.clone_from(&page);
    }
    let err = io::save(&path, &huge, Some(&stamp)).expect_err("refused");
    assert!(matches!(err, SaveError::TooBig { .. }), "{err}");
    assert!(err.to_string().contains("64 MiB"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file unchanged"
    );
    assert_eq!(names_in(dir.path()), ["me.stepstone.ron"]);
}

#[test]
fn saving_over_comments_keeps_a_copy_that_later_saves_leave_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let commented = io::to_ron(&plan_with_entries(2)).expect("writes").replacen(
        "    roles: [",
        "    /* ask Sam */\n    roles: [",
        1,
    );
    std::fs::write(&path, &commented).expect("write");
    let (plan, stamp) = io::load(&path).expect("load");
    assert!(stamp.comments, "the comment is noticed on load");

    let locked = io::lock(&path).expect("lock");
    let saved = locked.save(&plan, Some(&stamp)).expect("save");
    drop(locked);
    let copy = dir.path().join("me.commented.stepstone.ron");
    assert_eq!(saved.comments_kept.as_deref(), Some(copy.as_path()));
    assert!(!saved.stamp.comments);
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), commented);

    // New comments later go to a second copy; the first stays.
    let again = std::fs::read_to_string(&path).expect("read").replacen(
        "    roles: [",
        "    // another note\n    roles: [",
        1,
    );
    std::fs::write(&path, &again).expect("write");
    let (plan, stamp) = io::load(&path).expect("load");
    let saved = io::lock(&path)
        .expect("lock")
        .save(&plan, Some(&stamp))
        .expect("save");
    let second = dir.path().join("me.commented-2.stepstone.ron");
    assert_eq!(saved.comments_kept.as_deref(), Some(second.as_path()));
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), commented);
    assert_eq!(std::fs::read_to_string(&second).expect("copy"), again);
}
