//! Attacks on merge, saving and reading (issue 15): each test failed before
//! its fix. Merges run the real binary, with real git where git is involved.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::{entry, names_in, said, stepstone};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use stepstone::io;
use stepstone::model::{Plan, RoleId, Stage};

const BIN: &str = env!("CARGO_BIN_EXE_stepstone");

fn load(path: &Path) -> Plan {
    io::load(path).expect("a plan").0
}

fn save(path: &Path, plan: &Plan) {
    io::save(path, plan, None).expect("save");
}

fn in_dir(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("runs")
}

/// Writes base, ours and theirs into `dir` and runs `stepstone merge` on
/// them, naming the plan `plan.stepstone.ron` as git does.
fn merge_files(dir: &Path, base: &Plan, ours: &Plan, theirs: &Plan) -> Output {
    for (name, plan) in [("base", base), ("ours", ours), ("theirs", theirs)] {
        save(&dir.join(name), plan);
    }
    in_dir(
        dir,
        BIN,
        &["merge", "base", "ours", "theirs", "plan.stepstone.ron"],
    )
}

#[test]
fn a_merge_refuses_a_side_that_check_rejects_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let base = io::sample_plan();
    let mut ours = base.clone();
    ours.owner = "Changed here".into();
    let mut theirs = base.clone();
    // A line copied by hand: a new entry reusing id 2.
    let reused = theirs.log[1].id;
    theirs.log.push(entry(reused.0, "Copied by hand"));
    let o = merge_files(d, &base, &ours, &theirs);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    let out = said(&o);
    assert!(
        out.contains("plan.stepstone.ron: their version has problems to fix first"),
        "{out}"
    );
    assert!(out.contains("used twice"), "{out}");
    assert_eq!(load(&d.join("ours")), ours, "ours untouched");
}

#[test]
fn ids_at_the_top_of_the_range_never_wrap_onto_old_items() {
    let base = io::sample_plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (side, who) in [(&mut ours, "ours"), (&mut theirs, "theirs")] {
        side.log.push(entry(u32::MAX - 1, &format!("{who} one")));
        side.log.push(entry(u32::MAX, &format!("{who} two")));
    }
    let merged = stepstone::model::merge3::merge(&base, &ours, &theirs);
    assert_eq!(merged.plan.log.len(), base.log.len() + 4);
    for e in &base.log {
        assert!(merged.plan.log.contains(e), "base entry {} kept", e.id);
    }
    assert!(merged.plan.log.iter().all(|e| e.id.0 != 0));
    assert!(
        merged.plan.validate().is_empty(),
        "{:?}",
        merged.plan.validate()
    );
}

#[test]
fn a_merge_waits_for_a_writer_and_keeps_what_it_logged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let base = io::sample_plan();
    let mut theirs = base.clone();
    let id = theirs.new_entry_id().0;
    theirs.log.push(entry(id, "From the other device"));
    for (name, plan) in [("base", &base), ("ours", &base), ("theirs", &theirs)] {
        save(&d.join(name), plan);
    }
    // A `stepstone log` holds the plan while the merge starts.
    let locked = io::lock(&d.join("ours")).expect("lock");
    let merge = Command::new(BIN)
        .args(["merge", "base", "ours", "theirs"])
        .current_dir(d)
        .spawn()
        .expect("runs");
    std::thread::sleep(Duration::from_millis(700));
    let (mut plan, stamp) = locked.load().expect("load");
    let id = plan.new_entry_id().0;
    plan.log.push(entry(id, "Logged meanwhile"));
    locked.save(&plan, Some(&stamp)).expect("the log saves");
    drop(locked);
    let o = merge.wait_with_output().expect("merge ends");
    assert!(o.status.success());
    let texts: Vec<String> = load(&d.join("ours"))
        .log
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert!(
        texts.iter().any(|t| t == "Logged meanwhile"),
        "the log's entry stays"
    );
    assert!(
        texts.iter().any(|t| t == "From the other device"),
        "and theirs"
    );
}

#[test]
fn a_merge_that_makes_problems_says_so_and_keeps_ours_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut base = Plan::default();
    for id in [1, 2] {
        base.roles.push(stepstone::model::Role::new(
            RoleId(id),
            format!("Role {id}"),
            Stage::Next,
        ));
    }
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.roles[0].stage = Stage::Current;
    theirs.roles[1].stage = Stage::Current;
    for (name, plan) in [("base", &base), ("theirs", &theirs)] {
        save(&d.join(name), plan);
    }
    let text = io::to_ron(&ours).expect("ron");
    let commented = text.replacen("roles:", "// my own note\n    roles:", 1);
    std::fs::write(d.join("ours"), &commented).expect("write");
    let o = in_dir(
        d,
        BIN,
        &["merge", "base", "ours", "theirs", "plan.stepstone.ron"],
    );
    assert_eq!(o.status.code(), Some(1), "not a clean merge: {}", said(&o));
    let out = said(&o);
    assert!(out.contains("1 problem that neither side had"), "{out}");
    assert!(
        out.contains("more than one role is marked Current"),
        "{out}"
    );
    let copy = d.join("plan.commented.stepstone.ron");
    assert_eq!(
        std::fs::read_to_string(&copy).expect("comments kept"),
        commented
    );
    assert!(out.contains("plan.commented.stepstone.ron"), "{out}");
    assert!(!d.join("ours.bak").exists(), "no .bak beside git's file");
}

#[test]
fn a_merge_too_big_to_open_again_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let base = Plan::default();
    let side = |who: &str| {
        let mut p = base.clone();
        let long = who.repeat(7_500);
        p.log = (1..=1_200).map(|i| entry(i, &long)).collect();
        p
    };
    // Each side is about 36 MB of log text (a quarter of it per name), so
    // both together are over the 64 MiB limit.
    let (ours, theirs) = (side("ours"), side("them"));
    let o = merge_files(d, &base, &ours, &theirs);
    assert_eq!(o.status.code(), Some(1));
    let out = said(&o);
    assert!(out.contains("over the 64 MiB"), "{out}");
    assert!(
        !out.contains("be 64 MiB"),
        "the size is not rounded down to the limit: {out}"
    );
    assert_eq!(load(&d.join("ours")), ours, "ours untouched");
}

#[test]
fn a_second_link_left_as_the_backup_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let plan = common::plan_with_entries(3);
    save(&path, &plan);
    // An interrupted save left the .bak as a second link to the plan.
    std::fs::hard_link(&path, io::backup_path(&path)).expect("link");
    let mut changed = plan.clone();
    changed.owner = "Later".into();
    save(&path, &changed);
    assert_eq!(
        names_in(dir.path()),
        ["me.stepstone.ron", "me.stepstone.ron.bak"]
    );
}

#[cfg(unix)]
#[test]
fn log_refuses_a_read_only_plan() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    save(&path, &common::plan_with_entries(3));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    let o = stepstone(&["log", &path.display().to_string(), "-m", "5", "-t", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(said(&o).contains("read-only"), "{}", said(&o));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// Makes a named pipe (FIFO) at `path`.
#[cfg(unix)]
fn fifo(path: &Path) {
    let o = Command::new("mkfifo").arg(path).output().expect("mkfifo");
    assert!(o.status.success());
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_plan_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    save(&d.join("a.stepstone.ron"), &io::sample_plan());
    let pipe = d.join("x.stepstone.ron");
    fifo(&pipe);
    let started = Instant::now();
    for args in [
        vec!["check", "x.stepstone.ron"],
        vec!["log", "x.stepstone.ron", "-m", "5", "-t", "x"],
        vec![
            "report",
            "a.stepstone.ron",
            "-f",
            "md",
            "-o",
            "x.stepstone.ron",
        ],
    ] {
        let o = in_dir(d, BIN, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(said(&o).contains("x.stepstone.ron"), "{}", said(&o));
    }
    let paths = io::folder::list_plans(d).expect("listed");
    assert_eq!(
        paths.len(),
        2,
        "the pipe is listed, and its row says why it cannot open"
    );
    let rows = io::folder::read_rows(
        &paths,
        jiff::civil::date(2026, 12, 1),
        &std::sync::atomic::AtomicUsize::new(0),
    );
    assert_eq!(rows.len(), 2);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "nothing waited on the pipe"
    );
    let report_pipe = d.join("out.md");
    fifo(&report_pipe);
    let o = in_dir(
        d,
        BIN,
        &["report", "a.stepstone.ron", "-f", "md", "-o", "out.md"],
    );
    assert_eq!(o.status.code(), Some(1), "a pipe is not replaced");
    let kind = std::fs::symlink_metadata(&report_pipe)
        .expect("still there")
        .file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}

#[test]
fn merging_long_purpose_lists_takes_linear_time() {
    let base = Plan::default();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.purpose = (0..30_000).map(|i| format!("why {i} of mine")).collect();
    theirs.purpose = (0..30_000).map(|i| format!("why {i} of theirs")).collect();
    let started = Instant::now();
    let merged = stepstone::model::merge3::merge(&base, &ours, &theirs);
    assert_eq!(merged.plan.purpose.len(), 60_000);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn a_private_plans_copies_stay_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("me.stepstone.ron");
    let text = io::to_ron(&io::sample_plan()).expect("ron");
    std::fs::write(&path, text.replacen("owner:", "// mine\n    owner:", 1)).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = stepstone(&["log", &path.display().to_string(), "-m", "5", "-t", "x"]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("me.commented.stepstone.ron")), 0o600);
    let out = dir.path().join("me.report.md");
    let o = stepstone(&[
        "report",
        &path.display().to_string(),
        "-f",
        "csv",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(mode(&out), 0o600, "an export of a private plan is private");

    // The app's recovery copy: owner only, in a folder open to its owner only.
    let dirs = stepstone::ui::storage::AppDirs::in_folder(&dir.path().join("app"));
    dirs.write_recovery(Some(&path), None, &io::sample_plan())
        .expect("recovery copy");
    assert_eq!(mode(&dirs.recovery), 0o700);
    for name in names_in(&dirs.recovery) {
        assert_eq!(mode(&dirs.recovery.join(&name)), 0o600, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn writes_through_a_link_land_on_its_target_and_the_link_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let real = d.join("real.md");
    std::fs::write(&real, "old").expect("write");
    std::os::unix::fs::symlink(&real, d.join("link.md")).expect("symlink");
    save(&d.join("a.stepstone.ron"), &io::sample_plan());
    let o = in_dir(
        d,
        BIN,
        &["report", "a.stepstone.ron", "-f", "md", "-o", "link.md"],
    );
    assert!(o.status.success(), "{}", said(&o));
    assert!(
        std::fs::symlink_metadata(d.join("link.md"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .starts_with('#')
    );

    // git's OURS through a link: the real plan gets the merge.
    let base = io::sample_plan();
    let mut theirs = base.clone();
    let id = theirs.new_entry_id().0;
    theirs.log.push(entry(id, "Theirs"));
    for (name, plan) in [
        ("base", &base),
        ("plan.stepstone.ron", &base),
        ("theirs", &theirs),
    ] {
        save(&d.join(name), plan);
    }
    std::os::unix::fs::symlink(d.join("plan.stepstone.ron"), d.join("ours")).expect("symlink");
    let o = in_dir(d, BIN, &["merge", "base", "ours", "theirs"]);
    assert!(o.status.success(), "{}", said(&o));
    assert!(
        std::fs::symlink_metadata(d.join("ours"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load(&d.join("plan.stepstone.ron")).log.len(),
        base.log.len() + 1
    );
}

#[test]
fn git_add_add_merges_from_what_both_agree_on_and_names_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let plan = io::sample_plan();
    let mut theirs = plan.clone();
    let id = theirs.new_entry_id().0;
    theirs.log.push(entry(id, "Theirs"));
    save(&d.join("ours"), &plan);
    save(&d.join("theirs"), &theirs);
    std::fs::write(d.join(".merge_file_base"), "").expect("empty base");
    let merge = || {
        let args = [
            "merge",
            ".merge_file_base",
            "ours",
            "theirs",
            "plan.stepstone.ron",
        ];
        in_dir(d, BIN, &args)
    };
    let o = merge();
    assert!(o.status.success(), "{}", said(&o));
    assert!(said(&o).contains("no common version"), "{}", said(&o));
    assert_eq!(load(&d.join("ours")).log.len(), plan.log.len() + 1);

    std::fs::write(d.join("theirs"), "not a plan").expect("write");
    let o = merge();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        said(&o).starts_with("plan.stepstone.ron (their version):"),
        "names the plan, not git's file: {}",
        said(&o)
    );
}

#[test]
fn a_folder_where_the_plan_should_be_is_refused_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("me.stepstone.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    for args in [vec!["check"], vec!["log", "-m", "5", "-t", "x"]] {
        let mut args = args;
        args.insert(1, folder.to_str().expect("utf-8"));
        let o = stepstone(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(said(&o).contains("folder"), "{}", said(&o));
    }
    assert!(folder.is_dir());
}

#[cfg(unix)]
#[test]
fn a_pipe_where_the_comments_copy_would_go_is_passed_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let text = io::to_ron(&io::sample_plan()).expect("ron");
    let commented = text.replacen("owner:", "// mine\n    owner:", 1);
    std::fs::write(d.join("a.stepstone.ron"), &commented).expect("write");
    fifo(&d.join("a.commented.stepstone.ron"));
    let o = in_dir(d, BIN, &["log", "a.stepstone.ron", "-m", "5", "-t", "x"]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("a.commented-2.stepstone.ron")).expect("kept"),
        commented
    );
}
