//! The app's file flow, driven through its UI: saving next to a terminal
//! that logs, commented files, conflicts before Quit, paths, autosave
//! failures and large plans saved off the frame.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, open_app, sample_copy, settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use std::path::{Path, PathBuf};
use std::process::Command;
use stepstone::model::{Edit, EntryId, ExperienceKind, Item, LogEntry, Person, PersonId, Relation};
use stepstone::ui::App;
use stepstone::ui::storage::AppDirs;

fn save(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

fn add_person(h: &mut Harness<'_, App>, name: &str) {
    let id = PersonId(900 + u32::try_from(h.state().plan().people.len()).expect("few"));
    h.state_mut()
        .apply_edit(Edit::Put(Item::Person(Person::new(
            id,
            name,
            Relation::Colleague,
        ))))
        .expect("add a person");
    h.run();
}

fn log_from_terminal(file: &Path, text: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .args(["log", &file.display().to_string(), "-m", "25", "-t", text])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn app_with(dirs: AppDirs, file: Option<PathBuf>) -> Harness<'static, App> {
    let mut settings = settings(Path::new("."), date(2026, 6, 15));
    settings.dirs = dirs;
    open_app(settings, file)
}

fn app(dir: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    open_app(settings(dir, date(2026, 6, 15)), file)
}

/// The app on `file`, once a worker thread has read it (large plans).
fn open_when_read(dir: &Path, file: &Path) -> Harness<'static, App> {
    let mut h = app(dir, Some(file.to_path_buf()));
    for _ in 0..400 {
        h.step();
        if h.state().document().path.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h
}

#[test]
fn a_log_from_the_terminal_while_the_app_is_open_is_kept_on_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    add_person(&mut h, "Met at the conference");
    // The app logs an entry with the next id; so does the terminal.
    let next = stepstone::model::next_id(h.state().plan().log.iter().map(|e| e.id.0));
    h.state_mut()
        .apply_edit(Edit::Put(Item::Entry(LogEntry::new(
            EntryId(next),
            date(2026, 6, 15),
            40,
            ExperienceKind::Learning,
            "Logged in the app",
        ))))
        .expect("log");
    log_from_terminal(&file, "Logged in a terminal");
    log_from_terminal(&file, "And another");

    save(&mut h);
    assert!(
        h.query_by_label("The file changed on disk").is_none(),
        "no question: the terminal only added entries"
    );
    let notice = h.state().notice().expect("says what happened").to_string();
    assert!(notice.contains("took in 2 entries"), "{notice}");
    assert!(!h.state().document().is_dirty());

    let (saved, _) = stepstone::io::load(&file).expect("load");
    for text in ["Logged in the app", "Logged in a terminal", "And another"] {
        assert!(saved.log.iter().any(|e| e.text == text), "{text}");
    }
    assert!(
        saved
            .people
            .iter()
            .any(|p| p.name == "Met at the conference")
    );
    assert!(saved.validate().is_empty(), "{:?}", saved.validate());
    assert_eq!(
        h.state().plan(),
        &saved,
        "the app shows what the file holds"
    );

    // One undo (from the menu: the quick-log box has the keys) takes the
    // taken-in entries out again.
    click(&mut h, "Edit");
    h.get_by_label_contains("Undo").click();
    h.run();
    assert!(!h.state().plan().log.iter().any(|e| e.text == "And another"));
}

#[test]
fn saving_over_a_commented_file_asks_first_and_keeps_a_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    let commented = stepstone::io::SAMPLE_RON.replacen(
        "    roles: [",
        "    // Ask Priya about the budget course.\n    roles: [",
        1,
    );
    std::fs::write(&file, &commented).expect("write");
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    add_person(&mut h, "Priya");

    save(&mut h);
    assert!(h.query_by_label("This file has comments").is_some());
    click(&mut h, "Cancel");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        commented,
        "nothing written"
    );
    assert!(h.state().document().is_dirty());

    save(&mut h);
    click(&mut h, "Save, keeping a copy");
    let copy = dir.path().join("me.commented.stepstone.ron");
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), commented);
    assert!(
        !std::fs::read_to_string(&file)
            .expect("read")
            .contains("Ask Priya")
    );
    assert!(!h.state().document().is_dirty());
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.contains("me.commented.stepstone.ron")),
        "{:?}",
        h.state().notice()
    );

    // The comments are gone now: the next save does not ask.
    add_person(&mut h, "Sam");
    save(&mut h);
    assert!(h.query_by_label("This file has comments").is_none());
    assert!(!h.state().document().is_dirty());
    assert_eq!(std::fs::read_to_string(&copy).expect("copy"), commented);
}

#[test]
fn save_before_quit_still_quits_after_overwriting_a_changed_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    add_person(&mut h, "Quinn");
    let mut theirs = stepstone::io::load(&file).expect("load").0;
    theirs.owner = "Edited elsewhere".into();
    std::fs::write(&file, stepstone::io::to_ron(&theirs).expect("ron")).expect("write");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    click(&mut h, "Save");
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert!(!h.state().is_closing());
    h.get_by_label("Overwrite").click();
    h.run_steps(3); // a closing window keeps asking to close
    assert!(h.state().is_closing(), "the Quit goes on once saved");
    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert!(saved.people.iter().any(|p| p.name == "Quinn"));
}

#[test]
fn a_plan_opened_by_a_relative_path_is_kept_by_its_absolute_path() {
    let root = std::env::current_dir().expect("cwd");
    // Inside the crate, wherever the target folder is (CARGO_TARGET_DIR).
    let dir = tempfile::Builder::new()
        .prefix(".relative-test-")
        .tempdir_in(&root)
        .expect("tempdir");
    let file = sample_copy(dir.path());
    let relative = file
        .strip_prefix(&root)
        .expect("under the crate")
        .to_path_buf();
    assert!(relative.is_relative());
    let mut h = app(dir.path(), Some(relative));
    h.run();
    let path = h.state().document().path.clone().expect("a path");
    assert!(path.is_absolute(), "{}", path.display());
    assert_eq!(path, file);
    // The recovery copy points at the same absolute file.
    add_person(&mut h, "Robin");
    AppDirs::in_folder(dir.path())
        .write_recovery(
            Some(&path),
            h.state().document().stamp.as_ref(),
            h.state().plan(),
        )
        .expect("recovery");
    let recovered = AppDirs::in_folder(dir.path())
        .read_recovery()
        .expect("found");
    assert_eq!(recovered.path.as_deref(), Some(file.as_path()));
}

#[test]
fn a_failing_autosave_says_so_once_and_can_be_dismissed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut dirs = AppDirs::in_folder(dir.path());
    // A file where the recovery folder should be: it cannot be created.
    dirs.recovery = dir.path().join("not-a-folder");
    std::fs::write(&dirs.recovery, "x").expect("write");
    let mut h = app_with(dirs, None);
    h.run();
    add_person(&mut h, "Alex");
    h.run_steps(20); // five seconds of quiet
    let notice = h.state().notice().expect("told").to_string();
    assert!(notice.contains("recovery copy"), "{notice}");
    click(&mut h, "Dismiss");
    h.run_steps(20);
    assert_eq!(
        h.state().notice(),
        None,
        "not tried again until the plan changes"
    );
}

#[test]
fn a_new_plan_is_not_called_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "File");
    h.get_by_label_contains("New\u{2026}").click();
    h.run();
    click(&mut h, "Start with an empty plan");
    assert!(h.query_by_label("Not saved to a file yet").is_some());
    assert!(h.query_by_label("Saved").is_none());
}

#[test]
fn a_large_plan_is_saved_off_the_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.stepstone.ron");
    stepstone::io::save(&file, &common::plan_with_entries(30_000), None).expect("save");
    let mut h = open_when_read(dir.path(), &file);
    assert_eq!(h.state().plan().log.len(), 30_000);
    add_person(&mut h, "Big plans");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    let mut frames = 0;
    while h.state().document().is_dirty() && frames < 1000 {
        h.step();
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        !h.state().document().is_dirty(),
        "saved after {frames} frames"
    );
    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert!(saved.people.iter().any(|p| p.name == "Big plans"));
    assert_eq!(saved.log.len(), 30_000);
}

#[test]
fn comments_dropped_by_a_terminal_save_do_not_ask_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    let commented =
        stepstone::io::SAMPLE_RON.replacen("    roles: [", "    // a note\n    roles: [", 1);
    std::fs::write(&file, &commented).expect("write");
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    add_person(&mut h, "Kim");
    // The terminal's save keeps the commented copy and drops the comments.
    log_from_terminal(&file, "Logged while the app was open");
    save(&mut h);
    assert!(h.query_by_label("This file has comments").is_none());
    assert!(!h.state().document().is_dirty());
    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert!(saved.people.iter().any(|p| p.name == "Kim"));
    assert!(
        saved
            .log
            .iter()
            .any(|e| e.text == "Logged while the app was open")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("me.commented.stepstone.ron")).expect("copy"),
        commented
    );
}

#[test]
fn save_as_onto_a_commented_file_writes_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let other = dir.path().join("other.stepstone.ron");
    let commented =
        stepstone::io::SAMPLE_RON.replacen("    roles: [", "    // theirs\n    roles: [", 1);
    std::fs::write(&other, &commented).expect("write");
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    add_person(&mut h, "Noor");
    let before = std::fs::read(&file).expect("read");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("File path:").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(other.display().to_string()));
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("This file has comments").is_some());
    click(&mut h, "Save, keeping a copy");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the open file is untouched"
    );
    let (saved, _) = stepstone::io::load(&other).expect("load");
    assert!(
        saved.people.iter().any(|p| p.name == "Noor"),
        "the chosen file is written"
    );
    assert_eq!(h.state().document().path.as_deref(), Some(other.as_path()));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("other.commented.stepstone.ron")).expect("copy"),
        commented
    );
}

#[test]
fn a_plan_still_loading_does_not_replace_a_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.stepstone.ron");
    stepstone::io::save(&file, &common::plan_with_entries(30_000), None).expect("save");
    let mut h = open_when_read(dir.path(), &file);
    add_person(&mut h, "To be discarded");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, "Start with an empty plan");
    click(&mut h, "Discard changes");
    for _ in 0..50 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(h.state().document().path, None, "the new plan stays");
    assert!(h.state().plan().log.is_empty());
}

#[test]
fn an_entry_logged_about_a_skill_deleted_here_is_not_taken_in_blindly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    let skill = h.state().plan().skills[0].clone();
    h.state_mut()
        .apply_edit(Edit::Remove(stepstone::model::ItemRef::Skill(skill.id)))
        .expect("delete a skill");
    h.run();
    let o = Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .args([
            "log",
            &file.display().to_string(),
            "-m",
            "5",
            "-t",
            "x",
            "--skill",
            &skill.name,
        ])
        .output()
        .expect("runs");
    assert!(o.status.success());
    save(&mut h);
    assert!(
        h.query_by_label("The file changed on disk").is_some(),
        "asks instead of writing a broken link"
    );
    let (on_disk, _) = stepstone::io::load(&file).expect("load");
    assert!(on_disk.validate().is_empty());
}

#[test]
fn save_before_quit_during_a_background_save_still_quits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.stepstone.ron");
    stepstone::io::save(&file, &common::plan_with_entries(30_000), None).expect("save");
    let mut h = open_when_read(dir.path(), &file);
    add_person(&mut h, "Quick quitter");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    h.step();
    // The save runs; Quit, and Save when asked.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.step();
    h.step();
    if h.query_by_label("Save your changes?").is_some() {
        h.get_by_label("Save").click();
    }
    for _ in 0..500 {
        h.step();
        if h.state().is_closing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(h.state().is_closing(), "quits once saved");
    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert!(saved.people.iter().any(|p| p.name == "Quick quitter"));
}
