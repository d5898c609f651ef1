//! A mentor's folder of plans: which files are listed, the rows read from
//! them (in parallel, as read one by one), and the app's folder view with a
//! plan opened read-only from it.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::folder::{BROKEN, TODAY, folder_of_plans};
use common::ui::{click, open_app, press, sample_copy, settings, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use stepstone::io::folder::{list_plans, read_row, read_rows};
use stepstone::model::{Edit, EntryId, ExperienceKind as Kind, Item, LogEntry, Overview};
use stepstone::ui::App;
use stepstone::ui::commands::View;

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

/// The app opened on a folder (as `stepstone FOLDER`), once its plans are read.
fn app_on_folder(dir: &Path, folder: &Path) -> Harness<'static, App> {
    let mut h = open_app(settings(dir, TODAY), Some(folder.to_path_buf()));
    wait_for_rows(&mut h);
    h
}

fn wait_for_rows(h: &mut Harness<'_, App>) {
    for _ in 0..500 {
        h.step();
        if h.state().folder().is_some_and(|f| !f.is_reading()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the folder's plans were not read in 5 seconds");
}

#[test]
fn a_folder_shows_a_row_per_plan_and_opens_one_read_only() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = folder_of_plans(dir.path());
    let mut h = app_on_folder(home.path(), dir.path());

    assert!(h.query_by_label("Folder of plans").is_some());
    assert!(
        h.query_by_label_contains("8 plans, 1 could not be read.")
            .is_some()
    );
    for person in ["Amara Okafor", "Noa Levi", "jordan", "Talia Brennan"] {
        assert!(h.query_by_label(person).is_some(), "{person}'s row");
    }
    assert!(
        h.query_by_label_contains(&format!("\u{26a0} {BROKEN}"))
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Could not be read: line 4, column 12: ")
            .is_some(),
        "the broken file's error is in its row"
    );
    assert!(
        h.query_by_label("Today").is_none(),
        "no views beside the list"
    );

    // A row opens its plan, read-only, on Today.
    let amara = paths[0].clone();
    let bytes = std::fs::read(&amara).expect("read");
    click(&mut h, "Amara Okafor");
    let doc = h.state().document();
    assert!(doc.is_read_only());
    assert_eq!(doc.path.as_deref(), Some(amara.as_path()));
    assert_eq!(h.state().plan().owner, "Amara Okafor");
    assert_eq!(h.state().view(), View::Today);
    assert!(
        h.query_by_label_contains("Read-only: Amara Okafor's plan, from a folder of plans.")
            .is_some()
    );

    // Nothing to log into, an edit is refused, and so is saving; the file
    // is untouched.
    assert!(
        h.query_by_label("What did you do?").is_none(),
        "no quick log"
    );
    let log = h.state().plan().log.len();
    let entry = Item::Entry(LogEntry::new(EntryId(9999), TODAY, 30, Kind::Learning, "x"));
    assert!(h.state_mut().apply_edit(Edit::Put(entry)).is_err());
    assert_eq!(h.state().plan().log.len(), log);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.starts_with("This plan is open read-only")),
        "{:?}",
        h.state().notice()
    );
    assert!(!h.state().document().is_dirty());
    assert_eq!(std::fs::read(&amara).expect("read"), bytes);

    // Every view is there: Insights too.
    click(&mut h, "Insights");
    assert_eq!(h.state().view(), View::Insights);

    // Escape goes back to the list; a plan opened from it is not "recent".
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Folder of plans").is_some());
    assert!(
        h.query_by_label("\u{2b05} Back to the folder of plans")
            .is_none()
    );
    assert!(
        stepstone::ui::storage::AppDirs::in_folder(home.path())
            .read_recent()
            .is_empty()
    );

    // A view asked for from the list shows the plan opened from it.
    press(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(h.state().view(), View::Skills);
    assert_eq!(h.state().plan().owner, "Amara Okafor");
    assert!(h.query_by_label("Folder of plans").is_none());
    press(&mut h, Modifiers::NONE, Key::Escape);

    // Read again: a plan added since shows.
    let mut plan = stepstone::io::sample_plan();
    plan.owner = "Ravi Shah".into();
    stepstone::io::save(&dir.path().join("ravi.stepstone.ron"), &plan, None).expect("save");
    click(&mut h, "\u{27f3} Read again");
    wait_for_rows(&mut h);
    assert!(h.query_by_label("Ravi Shah").is_some());
    assert!(
        h.query_by_label_contains("9 plans, 1 could not be read.")
            .is_some()
    );

    // Another row, and back with the button.
    click(&mut h, "Noa Levi");
    assert_eq!(h.state().plan().owner, "Noa Levi");
    click(&mut h, "\u{2b05} Back to the folder of plans");
    assert!(h.query_by_label("Folder of plans").is_some());

    // The broken row does not open.
    click(&mut h, &format!("\u{26a0} {BROKEN}"));
    assert!(h.query_by_label("Folder of plans").is_some());
    assert_eq!(h.state().plan().owner, "Noa Levi");
}

#[test]
fn the_columns_sort_and_a_broken_file_stays_last() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    folder_of_plans(dir.path());
    let mut h = app_on_folder(home.path(), dir.path());
    let order = |h: &Harness<'_, App>| -> Vec<String> {
        h.state()
            .folder()
            .expect("folder")
            .rows()
            .iter()
            .map(|r| r.person.clone())
            .collect()
    };
    assert_eq!(order(&h).first().map(String::as_str), Some("Amara Okafor"));
    assert_eq!(order(&h).last().map(String::as_str), Some("kai"));
    click(&mut h, "Person \u{2b06}");
    assert_eq!(
        order(&h),
        [
            "Talia Brennan",
            "Sam Patel",
            "Noa Levi",
            "Mei Chen",
            "Luis Ortega",
            "jordan",
            "Amara Okafor",
            "kai",
        ]
    );
    // Last 4 weeks, then again for the most first.
    click(&mut h, "Last 4 weeks");
    assert_eq!(order(&h).first().map(String::as_str), Some("jordan"));
    click(&mut h, "Last 4 weeks \u{2b06}");
    let most = order(&h);
    assert_eq!(most.last().map(String::as_str), Some("kai"));
    let minutes: Vec<u64> = h
        .state()
        .folder()
        .expect("folder")
        .rows()
        .iter()
        .filter_map(|r| r.overview.as_ref().ok().map(|o| o.recent_minutes))
        .collect();
    assert!(minutes.windows(2).all(|w| w[0] >= w[1]), "{minutes:?}");
}

#[test]
fn open_folder_from_the_menu_with_a_typed_path_and_leave_it_for_your_own_plan() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    folder_of_plans(dir.path());
    let own = sample_copy(home.path());
    let mut h = open_app(settings(home.path(), TODAY), Some(own.clone()));
    h.run();
    click(&mut h, "File");
    click(&mut h, "Open folder of plans\u{2026}");
    assert!(h.query_by_label("Open a folder of plans").is_some());
    let field = h.get_by_label("Folder path:");
    field.focus();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &dir.path().display().to_string());
    press(&mut h, Modifiers::NONE, Key::Enter);
    wait_for_rows(&mut h);
    assert!(h.query_by_label("Sam Patel").is_some());
    // Undo on the list does nothing to the plan behind it.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!h.state().document().is_dirty());

    // A view from the list goes back to your own plan and closes the folder.
    press(&mut h, Modifiers::COMMAND, Key::Num1);
    assert!(h.state().folder().is_none());
    assert_eq!(h.state().document().path.as_deref(), Some(own.as_path()));
    assert!(!h.state().document().is_read_only());
}
