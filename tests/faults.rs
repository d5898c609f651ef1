//! Faults where the system gives them: every writer (save, autosave,
//! recovery, export, share, merge) fails cleanly at each failpoint of the
//! one write path (`io::fault`), nothing on disk is damaged, and the app
//! keeps the unsaved plan and says why. The faults a real system makes (a
//! full disk, a read-only disk, a file size limit) are in
//! `system_faults`, which needs root to mount a small tmpfs and runs in CI.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{open_app, settings};
use common::{names_in, said};
use std::path::Path;
use std::process::{Command, Output};
use stepstone::io::{self, fault};
use stepstone::model::{Edit, Item, Person, PersonId, Plan, Relation};
use stepstone::ui::storage::AppDirs;

const BIN: &str = env!("CARGO_BIN_EXE_stepstone");

/// Every file in `dir` with its bytes: what "nothing damaged" compares.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    names_in(dir)
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap_or_default();
            (n, bytes)
        })
        .collect()
}

/// Runs the binary in `dir` with `point` failing.
fn failing(dir: &Path, point: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("STEPSTONE_FAULTS", point)
        .output()
        .expect("runs")
}

/// A folder with a plan (saved twice, so it has a backup), an export, a
/// share copy and the versions a merge reads.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let plan = io::sample_plan();
    let path = d.join("me.stepstone.ron");
    io::save(&path, &Plan::default(), None).expect("save");
    io::save(&path, &plan, None).expect("save");
    std::fs::write(d.join("me.report.md"), "an earlier export").expect("write");
    io::save(&d.join("me.shared.stepstone.ron"), &Plan::default(), None).expect("save");
    let mut theirs = plan.clone();
    theirs.owner = "Changed on the other device".into();
    io::save(&d.join("base"), &plan, None).expect("save");
    io::save(&d.join("theirs"), &theirs, None).expect("save");
    dir
}

#[test]
fn every_command_that_writes_fails_cleanly_at_every_failpoint() {
    let commands: [&[&str]; 4] = [
        &["log", "me.stepstone.ron", "-m", "20", "-t", "Ran the drill"],
        &[
            "report",
            "me.stepstone.ron",
            "-f",
            "md",
            "-o",
            "me.report.md",
        ],
        &["share", "me.stepstone.ron", "--force"],
        &["merge", "base", "me.stepstone.ron", "theirs"],
    ];
    for point in fault::POINTS {
        for args in commands {
            let dir = setup();
            let before = snapshot(dir.path());
            let o = failing(dir.path(), point, args);
            let backup_only = point == "save.backup" && args[0] != "log";
            if backup_only {
                // Only a plan's own save keeps a backup: these go on.
                assert!(o.status.success(), "{point} {args:?}: {}", said(&o));
                continue;
            }
            assert_eq!(o.status.code(), Some(1), "{point} {args:?}: {}", said(&o));
            assert!(
                said(&o).contains("no space left on device"),
                "{point} {args:?}: says why: {}",
                said(&o)
            );
            let after = snapshot(dir.path());
            let names =
                |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_eq!(
                names(&after),
                names(&before),
                "{point} {args:?}: nothing left behind"
            );
            for ((name, was), (_, now)) in before.iter().zip(&after) {
                if Path::new(name).extension().is_some_and(|e| e == "bak") {
                    continue; // refreshed to the plan as it was, before the write
                }
                assert_eq!(was, now, "{point} {args:?}: {name} unchanged");
            }
            // And the next try, without the fault, works.
            let o = Command::new(BIN)
                .args(args)
                .current_dir(dir.path())
                .output()
                .expect("runs");
            assert!(o.status.success(), "{point} {args:?}: {}", said(&o));
        }
    }
}

#[test]
fn a_failed_save_keeps_the_plan_and_its_file_in_process() {
    for point in fault::POINTS {
        let dir = setup();
        let path = dir.path().join("me.stepstone.ron");
        let before = std::fs::read(&path).expect("read");
        let mut plan = io::sample_plan();
        plan.owner = "Edited".into();
        fault::inject(point, dir.path());
        let result = io::save(&path, &plan, None);
        fault::clear(dir.path());
        assert!(result.is_err(), "{point}");
        assert_eq!(std::fs::read(&path).expect("read"), before, "{point}");
        assert!(
            !names_in(dir.path()).iter().any(|n| n.ends_with(".saving")),
            "{point}: no temporary file left"
        );
    }
}

#[test]
fn a_failed_recovery_copy_leaves_the_last_good_one() {
    for point in &fault::POINTS[..4] {
        let dir = tempfile::tempdir().expect("tempdir");
        let dirs = AppDirs::in_folder(dir.path());
        let plan = io::sample_plan();
        dirs.write_recovery(None, None, &plan).expect("first copy");
        let mut changed = plan.clone();
        changed.owner = "Typed since".into();
        fault::inject(point, &dirs.recovery);
        let result = dirs.write_recovery(None, None, &changed);
        fault::clear(&dirs.recovery);
        assert!(result.is_err(), "{point}");
        let found = dirs.read_recovery().expect("the earlier copy");
        assert_eq!(found.plan, plan, "{point}");
    }
}

#[test]
fn the_app_keeps_unsaved_changes_and_says_why_when_saving_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).expect("mkdir");
    let file = common::ui::sample_copy(&plans);
    let before = std::fs::read(&file).expect("read");
    let mut h = open_app(
        settings(dir.path(), jiff::civil::date(2026, 6, 15)),
        Some(file.clone()),
    );
    h.run();
    h.state_mut()
        .apply_edit(Edit::Put(Item::Person(Person::new(
            PersonId(900),
            "Sam",
            Relation::Mentor,
        ))))
        .expect("edit");
    h.run();
    fault::inject("write.sync", &plans);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    fault::clear(&plans);
    let notice = h.state().notice().expect("says why").to_string();
    assert!(notice.contains("no space left on device"), "{notice}");
    assert!(h.state().document().is_dirty(), "still unsaved");
    assert!(h.state().plan().people.iter().any(|p| p.name == "Sam"));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the file is intact"
    );

    // A failed rename, the same.
    fault::inject("write.rename", &plans);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    fault::clear(&plans);
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(
        !h.state().document().is_dirty(),
        "saves once the disk is back"
    );
    assert!(
        io::load(&file)
            .expect("load")
            .0
            .people
            .iter()
            .any(|p| p.name == "Sam")
    );
}

/// Mounts a tmpfs of `kib` KiB at `at` (needs root).
fn mount_tmpfs(at: &Path, kib: u32) {
    let o = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
        .arg(at)
        .output()
        .expect("mount runs");
    assert!(o.status.success(), "mount: {}", said(&o));
}

/// Unmounts the tmpfs when the test ends, passed or not.
struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).output();
    }
}

/// Real faults from the system: a full disk, a read-only disk and a file
/// size limit. Needs root (to mount a tmpfs): `.ci/run` runs it.
#[test]
#[ignore = "needs root to mount a small tmpfs; .ci/run runs it"]
fn system_faults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    mount_tmpfs(d, 256);
    let mounted = Mounted(d);
    let path = d.join("me.stepstone.ron");
    io::save(&path, &common::plan_with_entries(300), None).expect("save");
    let log = |env: &[(&str, &str)]| {
        Command::new(BIN)
            .args([
                "log",
                "me.stepstone.ron",
                "-m",
                "20",
                "-t",
                &"x".repeat(2_000),
            ])
            .current_dir(d)
            .envs(env.iter().copied())
            .output()
            .expect("runs")
    };
    // Fill the disk with log entries until a save fails.
    let mut full = None;
    for _ in 0..200 {
        let before = std::fs::read(&path).expect("read");
        let o = log(&[]);
        if !o.status.success() {
            full = Some((o, before));
            break;
        }
    }
    let (o, before) = full.expect("the small disk fills up");
    assert!(said(&o).contains("No space left on device"), "{}", said(&o));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the plan is intact"
    );
    assert!(io::load(&path).is_ok());

    // A read-only disk.
    let o = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(d)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", said(&o));
    let o = log(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    drop(mounted);

    // A file size limit (`ulimit -f`): the write is stopped part way.
    let path = d.join("me.stepstone.ron");
    io::save(&path, &common::plan_with_entries(300), None).expect("save");
    let before = std::fs::read(&path).expect("read");
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 8; exec {BIN} log me.stepstone.ron -m 5 -t limited"
        ))
        .current_dir(d)
        .output()
        .expect("runs");
    assert!(!o.status.success());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the plan is intact"
    );
    let o = log(&[]);
    assert!(o.status.success(), "the next log works: {}", said(&o));
    assert!(
        !names_in(d).iter().any(|n| n.ends_with(".saving")),
        "what the stopped save left is cleaned up"
    );
}
