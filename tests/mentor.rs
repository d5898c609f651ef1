//! A mentor's folder of plans: which files are listed, and the rows read
//! from them (in parallel, as read one by one).

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::folder::{BROKEN, TODAY, folder_of_plans};
use jiff::civil::date;
use std::sync::atomic::{AtomicUsize, Ordering};
use stepstone::io::folder::{list_plans, read_row, read_rows};
use stepstone::model::Overview;

fn names(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_folder_lists_plans_and_share_copies_but_not_backups_copies_or_conflicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for name in [
        "b.stepstone.ron",
        "a.shared.stepstone.ron",
        "Z.STEPSTONE.RON",
        "commented.stepstone.ron",
        "b.stepstone.ron.bak",
        ".b.stepstone.ron.saving",
        ".hidden.stepstone.ron",
        "b.commented.stepstone.ron",
        "b.commented-2.stepstone.ron",
        "b.stepstone.sync-conflict-20261125-101010-ABCDEFG.ron",
        "b.sync-conflict-20261125-101010-ABCDEFG.stepstone.ron",
        "b (Sam's conflicted copy 2026-11-25).stepstone.ron",
        "b (conflicted copy 2026-11-25 101010).stepstone.ron",
        "notes.txt",
        "old.ron",
        ".stepstone.ron",
    ] {
        std::fs::write(d.join(name), "").expect("write");
    }
    // Folders are not plans, and plans in them are not listed.
    std::fs::create_dir(d.join("inner.stepstone.ron")).expect("dir");
    std::fs::create_dir(d.join("more")).expect("dir");
    std::fs::write(d.join("more/c.stepstone.ron"), "").expect("write");

    assert_eq!(
        names(&list_plans(d).expect("listed")),
        [
            "a.shared.stepstone.ron",
            "b.stepstone.ron",
            "commented.stepstone.ron",
            "Z.STEPSTONE.RON",
        ]
    );
    let missing = d.join("nowhere");
    let e = list_plans(&missing).expect_err("no such folder");
    assert!(
        e.to_string()
            .starts_with(&format!("{}: cannot read this folder:", missing.display())),
        "{e}"
    );
}

#[test]
fn each_plan_becomes_a_row_and_a_broken_file_shows_its_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let written = folder_of_plans(dir.path());
    let paths = list_plans(dir.path()).expect("listed");
    assert_eq!(paths.len(), written.len(), "every plan, nothing else");
    let done = AtomicUsize::new(0);
    let rows = read_rows(&paths, TODAY, &done);
    assert_eq!(
        done.load(Ordering::Relaxed),
        paths.len(),
        "progress reaches the end"
    );

    let people: Vec<(&str, bool)> = rows.iter().map(|r| (r.person.as_str(), r.shared)).collect();
    assert_eq!(
        people,
        [
            ("Amara Okafor", false),
            ("jordan", true), // no owner: named after its file
            ("kai", false),   // broken: named after its file
            ("Luis Ortega", true),
            ("Mei Chen", true),
            ("Noa Levi", false),
            ("Sam Patel", false),
            ("Talia Brennan", true),
        ]
    );
    let row = |name: &str| rows.iter().find(|r| r.person == name).expect("row");

    // The broken file: the message `check` gives, with its place in words
    // and without the file's name.
    let broken = row("kai");
    assert!(broken.path.ends_with(BROKEN));
    let error = broken.overview.clone().expect_err("broken");
    let loaded = stepstone::io::load(&broken.path).expect_err("broken");
    let message = error
        .strip_prefix("line 4, column 12: ")
        .unwrap_or_else(|| panic!("{error}"));
    assert_eq!(
        loaded.to_string(),
        format!("{}:4:12: {message}", broken.path.display())
    );
    // A file that is not there, or is empty, says so.
    let gone = read_row(&dir.path().join("gone.stepstone.ron"), TODAY);
    let gone = gone.overview.expect_err("missing");
    assert!(gone.starts_with("cannot read the file: "), "{gone}");
    let empty = dir.path().join("empty.stepstone.ron");
    std::fs::write(&empty, "").expect("write");
    assert_eq!(
        read_row(&empty, TODAY).overview,
        Err("the file is empty".to_string())
    );

    // Every other row holds what the model says of the plan.
    for r in rows.iter().filter(|r| r.overview.is_ok()) {
        let (plan, _) = stepstone::io::load(&r.path).expect("loads");
        assert_eq!(r.overview, Ok(Overview::of(&plan, TODAY)), "{}", r.person);
    }
    // Worked out by hand from the folder's generator: Noa's last entry is
    // Friday 6 Nov, 19 days ago; the 28 days hold seven of her weekdays of
    // 25 + 32 + 39 + 46 + 53 + 74 + 81 minutes.
    let noa = row("Noa Levi").overview.clone().expect("reads");
    assert_eq!(noa.last_logged, Some(date(2026, 11, 6)));
    assert_eq!(noa.recent_minutes, 350);
    assert_eq!(noa.current_role.as_deref(), Some("Teaching Assistant"));
    // Jordan logged last on Friday 16 Oct: nothing in the last 4 weeks.
    let jordan = row("jordan").overview.clone().expect("reads");
    assert_eq!(jordan.last_logged, Some(date(2026, 10, 16)));
    assert_eq!(jordan.recent_minutes, 0);
    // Amara logged today.
    let amara = row("Amara Okafor").overview.clone().expect("reads");
    assert_eq!(amara.last_logged, Some(TODAY));
}

#[test]
fn reading_in_parallel_gives_the_rows_read_one_by_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    folder_of_plans(dir.path());
    // Enough files that every worker takes several.
    for i in 0..12 {
        let plan = common::plan_with_entries(200 + i * 50);
        stepstone::io::save(&dir.path().join(format!("p{i}.stepstone.ron")), &plan, None)
            .expect("save");
    }
    let paths = list_plans(dir.path()).expect("listed");
    let one_by_one: Vec<_> = paths.iter().map(|p| read_row(p, TODAY)).collect();
    let done = AtomicUsize::new(0);
    assert_eq!(read_rows(&paths, TODAY, &done), one_by_one);
    assert_eq!(read_rows(&[], TODAY, &done), []);
}
