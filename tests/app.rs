//! The app driven through its UI with `egui_kittest`, without a display.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, open_app, sample_copy, settings, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use std::path::{Path, PathBuf};
use stepstone::model::{GoalKind, Level, Stage};
use stepstone::ui::App;
use stepstone::ui::storage::AppDirs;

/// A 1280x800 app using `dir` for its own files, opened on `file` (or the sample).
fn app(dir: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    open_app(settings(dir, date(2026, 11, 25)), file)
}

fn undo(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn redo(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
}

/// Opens `file`, adds a person, waits five quiet seconds (the recovery copy
/// is written), then drops the app without closing it: a crash.
fn add_a_person_then_crash(dir: &Path, file: &Path) {
    let f = file.to_path_buf();
    let s = settings(dir, date(2026, 11, 25));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.5)
        .build_eframe(move |_cc| App::new(Some(&f), s));
    h.run();
    click(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    h.run_steps(10);
}

#[test]
fn add_a_target_role_and_make_it_current_then_undo_and_redo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Roadmap");
    let before = h.state().plan().clone();
    click(&mut h, "\u{2795} Add role");
    click(&mut h, "Next");
    assert_eq!(h.state().plan().roles.len(), before.roles.len() + 1);
    let new_id = h.state().plan().roles.last().expect("new role").id;
    assert_eq!(
        h.state().plan().roles.last().map(|r| r.stage),
        Some(Stage::Next)
    );

    click(&mut h, "Make this my current role");
    let plan = h.state().plan();
    assert_eq!(plan.current_role().map(|r| r.id), Some(new_id));
    let old_current = before.current_role().expect("sample has a current role").id;
    assert_eq!(plan.role(old_current).map(|r| r.stage), Some(Stage::Past));

    undo(&mut h);
    assert_eq!(
        h.state().plan().current_role().map(|r| r.id),
        Some(old_current)
    );
    undo(&mut h);
    assert_eq!(h.state().plan(), &before);
    redo(&mut h);
    redo(&mut h);
    assert_eq!(h.state().plan().current_role().map(|r| r.id), Some(new_id));
    assert!(h.state().document().is_dirty());
}

#[test]
fn add_a_skill_and_raise_its_level_keeps_its_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Skills");
    let count = h.state().plan().skills.len();
    click(&mut h, "\u{2795} Add skill");
    let skill = |h: &Harness<'_, App>| h.state().plan().skills.last().expect("skill").clone();
    assert_eq!(h.state().plan().skills.len(), count + 1);
    assert_eq!(skill(&h).name, "New skill");

    click(&mut h, "Record this level");
    click(&mut h, "Record this level");
    let s = skill(&h);
    assert_eq!(
        s.history.len(),
        1,
        "a second level on the same day replaces the first"
    );
    assert_eq!(s.current_level(date(2026, 11, 25)), Level(2));
    assert_eq!(s.history[0].date, date(2026, 11, 25));

    undo(&mut h);
    assert_eq!(skill(&h).history.len(), 1);
    assert_eq!(skill(&h).current_level(date(2026, 11, 25)), Level(1));
    redo(&mut h);
    assert_eq!(skill(&h).current_level(date(2026, 11, 25)), Level(2));
    undo(&mut h);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(
        h.state().plan().skills.len(),
        count,
        "undo removes the new skill too"
    );
}

#[test]
fn add_a_goal_with_two_milestones_and_complete_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Goals & milestones");
    let count = h.state().plan().goals.len();
    click(&mut h, "\u{2795} Add goal");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Learning")
        .click();
    h.run();
    click(&mut h, "\u{2795} Add milestone");
    click(&mut h, "\u{2795} Add milestone");
    let goal = |h: &Harness<'_, App>| h.state().plan().goals.last().expect("goal").clone();
    assert_eq!(h.state().plan().goals.len(), count + 1);
    assert_eq!(goal(&h).kind, GoalKind::Learning);
    assert_eq!(goal(&h).milestones.len(), 2);

    // One click in the list checks it off, recording today.
    click(&mut h, "Milestone 1");
    let g = goal(&h);
    assert_eq!(g.milestones[0].done, Some(date(2026, 11, 25)));
    assert_eq!(g.milestones[1].done, None);
    assert!(
        h.state().plan().validate().is_empty(),
        "milestone ids stay unique"
    );

    undo(&mut h);
    assert_eq!(goal(&h).milestones[0].done, None);
    redo(&mut h);
    assert!(goal(&h).milestones[0].done.is_some());
    for _ in 0..4 {
        undo(&mut h);
    }
    assert_eq!(h.state().plan().goals.len(), count);
}

#[test]
fn edit_purpose_and_undo_typing_as_one_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Roadmap");
    let before = h.state().plan().purpose.clone();
    click(&mut h, "\u{2795} Add a why");
    let n = before.len() + 1;
    let label = format!("Why {n}");
    let field = h.get_by_label(&label);
    field.focus();
    field.type_text("To make night shifts safer");
    h.run();
    assert_eq!(
        h.state().plan().purpose.last().map(String::as_str),
        Some("To make night shifts safer")
    );
    h.key_press(Key::Escape); // leave the field
    h.run();
    undo(&mut h);
    assert_eq!(
        h.state().plan().purpose.last().map(String::as_str),
        Some(""),
        "typing is one step"
    );
    undo(&mut h);
    assert_eq!(h.state().plan().purpose, before);
    redo(&mut h);
    redo(&mut h);
    assert_eq!(h.state().plan().purpose.len(), n);
}

#[test]
fn opening_a_bad_file_shows_the_error_and_keeps_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = sample_copy(dir.path());
    let bad = dir.path().join("bad.stepstone.ron");
    std::fs::write(&bad, "(\n    format_version: 1,\n    owner: 42,\n)\n").expect("write");
    let mut h = app(dir.path(), Some(good.clone()));
    h.run();
    let before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let field = h.get_by_label("File path:");
    field.focus();
    field.type_text("bad.stepstone.ron"); // the field starts in the plan's folder
    h.run();
    click(&mut h, "Open");
    let notice = h.state().notice().expect("an error is shown").to_string();
    assert!(notice.contains("bad.stepstone.ron:3:11:"), "{notice}");
    assert!(
        h.query_by_label_contains("Could not open the plan")
            .is_some(),
        "the error is on screen"
    );
    assert_eq!(h.state().plan(), &before);
    assert_eq!(h.state().document().path.as_deref(), Some(good.as_path()));
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Skills");
    click(&mut h, "\u{2795} Add skill");
    let edited = h.state().plan().clone();

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, "Start with an empty plan");
    assert!(h.query_by_label("Save your changes?").is_some());
    click(&mut h, "Cancel");
    assert_eq!(h.state().plan(), &edited, "cancel keeps everything");

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, "Start with an empty plan");
    click(&mut h, "Discard changes");
    assert!(h.state().plan().skills.is_empty(), "a new, empty plan");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn open_with_unsaved_changes_can_save_them_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = sample_copy(dir.path());
    let second = dir.path().join("other.stepstone.ron");
    stepstone::io::save(
        &second,
        &stepstone::model::Plan {
            owner: "Other".into(),
            ..Default::default()
        },
        None,
    )
    .expect("save other");
    let mut h = app(dir.path(), Some(first.clone()));
    h.run();
    click(&mut h, "Skills");
    click(&mut h, "\u{2795} Add skill");
    let skills = h.state().plan().skills.len();

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    click(&mut h, "Save");
    let field = h.get_by_label("File path:");
    field.focus();
    field.type_text("other.stepstone.ron");
    h.run();
    click(&mut h, "Open");
    assert_eq!(h.state().plan().owner, "Other");
    let (saved, _) = stepstone::io::load(&first).expect("first file");
    assert_eq!(
        saved.skills.len(),
        skills,
        "the changes were saved before opening"
    );
    assert!(
        stepstone::io::backup_path(&first).exists(),
        "the old version is kept as .bak"
    );
}

#[test]
fn unsaved_changes_are_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    add_a_person_then_crash(dir.path(), &file);
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    assert!(h.query_by_label("Restore unsaved changes?").is_some());
    click(&mut h, "Restore");
    let plan = h.state().plan();
    assert!(
        plan.people.iter().any(|p| p.name == "New person"),
        "the change is back"
    );
    assert!(h.state().document().is_dirty(), "and still to be saved");
    assert_eq!(h.state().document().path.as_deref(), Some(file.as_path()));
    let (on_disk, _) = stepstone::io::load(&file).expect("file");
    assert!(
        !on_disk.people.iter().any(|p| p.name == "New person"),
        "the file itself was not touched"
    );
}

#[test]
fn every_view_draws_the_sample_without_accessibility_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    let plan = h.state().plan().clone();
    let current = plan.current_role().expect("the sample has a current role");
    let entries = format!("{0} of {0} entries", plan.log.len());
    // Each view: its side-bar button, its heading, and something of the sample only it shows.
    let views = [
        (
            "Today",
            "Today, Wednesday 25 November",
            "Log what you did".to_string(),
        ),
        (
            "Roadmap",
            "Roadmap",
            format!("Stepping stone: {}", current.title),
        ),
        ("Skills", "Skills", plan.skills[0].category.clone()),
        (
            "Goals & milestones",
            "Goals & milestones",
            plan.goals[0].title.clone(),
        ),
        ("People", "People", plan.people[0].name.clone()),
        ("Log", "Log", entries),
        ("Review", "Review", "What did I learn?".to_string()),
    ];
    for (button, heading, shows) in &views {
        h.get_by_role_and_label(egui::accesskit::Role::Button, button)
            .click();
        h.run();
        let headings: Vec<&str> = views
            .iter()
            .map(|(_, heading, _)| *heading)
            .filter(|heading| {
                h.query_all_by_role_and_label(egui::accesskit::Role::Label, heading)
                    .next()
                    .is_some()
            })
            .collect();
        assert_eq!(headings, [*heading], "{button}: only its own heading shows");
        assert!(
            h.query_all_by_label_contains(shows).next().is_some(),
            "{button} shows {shows:?}"
        );
    }
    click(&mut h, "Skills");
    click(&mut h, "Budgeting");
    assert!(
        h.query_by_label("Record this level").is_some(),
        "the skill editor opens"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.query_by_label("Save your changes?").is_some());
    click(&mut h, "Cancel");
    assert!(h.state().document().is_dirty(), "still open, changes kept");
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_and_can_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    click(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    // Another program rewrites the plan meanwhile.
    let mut theirs = stepstone::io::load(&file).expect("load").0;
    theirs.owner = "Edited elsewhere".into();
    std::fs::write(&file, stepstone::io::to_ron(&theirs).expect("ron")).expect("write");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        stepstone::io::load(&file).expect("load").0.owner,
        "Edited elsewhere",
        "not overwritten silently"
    );
    click(&mut h, "Overwrite");
    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert!(saved.people.iter().any(|p| p.name == "New person"));
    assert!(!h.state().document().is_dirty());
}

#[test]
fn menu_commands_on_the_log_view_keep_it_consistent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    let before = h.state().plan().log.len();
    h.state_mut()
        .apply_edit(stepstone::model::Edit::Remove(
            stepstone::model::ItemRef::Entry(stepstone::model::EntryId(1)),
        ))
        .expect("delete an entry");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{} of {} entries", before - 1, before - 1))
            .is_some()
    );
    // Undo from the menu, in the middle of a frame: the list shows the entry again.
    click(&mut h, "Edit");
    h.get_by_label_contains("Undo").click(); // the entry also shows its shortcut
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{before} of {before} entries"))
            .is_some()
    );
    // A new, empty plan from the menu while the Log is open.
    click(&mut h, "File");
    h.get_by_label_contains("New\u{2026}").click();
    h.run();
    click(&mut h, "Start with an empty plan"); // no question: the undo brought the plan back
    assert!(h.query_by_label_contains("0 of 0 entries").is_some());
}

#[test]
fn discarding_changes_goes_back_to_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    let mut h = app(dir.path(), Some(file));
    h.run();
    let on_disk = h.state().plan().clone();
    click(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    click(&mut h, "Discard changes");
    click(&mut h, "Cancel"); // the typed-path dialog: open nothing after all
    assert_eq!(
        h.state().plan(),
        &on_disk,
        "the discarded change is gone, not kept as saved"
    );
    assert!(!h.state().document().is_dirty());
}

#[test]
fn restored_changes_still_notice_outside_edits_made_after_the_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_copy(dir.path());
    add_a_person_then_crash(dir.path(), &file);
    // Someone changes the file (a git pull, say) before the app starts again.
    let mut theirs = stepstone::io::load(&file).expect("load").0;
    theirs.owner = "Pulled from git".into();
    std::fs::write(&file, stepstone::io::to_ron(&theirs).expect("ron")).expect("write");

    let mut h = app(dir.path(), Some(file.clone()));
    h.run();
    click(&mut h, "Restore");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label("The file changed on disk").is_some(),
        "asks instead of overwriting"
    );
    assert_eq!(
        stepstone::io::load(&file).expect("load").0.owner,
        "Pulled from git"
    );
}

#[test]
fn saving_an_untitled_plan_before_new_asks_for_a_name_then_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "People");
    click(&mut h, "\u{2795} Add person");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, "Start with an empty plan");
    click(&mut h, "Save");
    h.get_by_label("File path:").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("File path:")
        .type_text(&dir.path().join("kept").display().to_string());
    h.run();
    click(&mut h, "Save");
    let (saved, _) = stepstone::io::load(&dir.path().join("kept.stepstone.ron"))
        .expect("saved with the extension added");
    assert!(saved.people.iter().any(|p| p.name == "New person"));
    assert!(
        h.state().plan().people.is_empty(),
        "then the new, empty plan"
    );
}

#[test]
fn a_someday_date_at_the_end_of_the_calendar_is_shown_not_picked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = stepstone::io::sample_plan();
    plan.goals[0].due = Some(jiff::civil::Date::MAX);
    let title = plan.goals[0].title.clone();
    let settings = settings(dir.path(), date(2026, 11, 25));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::from_plan(plan, settings));
    h.run();
    click(&mut h, "Goals & milestones");
    click(&mut h, &title);
    let row = h
        .query_all_by_value("9999-12-31")
        .next()
        .expect("the due date in its box")
        .rect()
        .center()
        .y;
    // Its calendar (the button on the same row) opens on the last month without failing.
    h.query_all_by_label("\u{1f4c6}")
        .find(|b| (b.rect().center().y - row).abs() < 4.0)
        .expect("the date's calendar button")
        .click();
    h.run();
    assert!(h.query_by_label("December 9999").is_some());
}

#[test]
fn every_editor_opens_on_the_sample_with_every_field_named() {
    // kittest fails a frame with an unnamed widget, so opening each editor checks its fields.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    let plan = h.state().plan().clone();
    let button = egui::accesskit::Role::Button;
    click(&mut h, "Roadmap");
    h.get_by_role_and_label(button, &plan.roles[2].title)
        .click();
    h.run();
    assert!(
        h.query_by_label("Make this my current role").is_some()
            || plan.roles[2].stage == stepstone::model::Stage::Current
    );
    assert!(h.query_by_label_contains("Delete this role").is_some());
    click(&mut h, "People");
    h.get_by_role_and_label(button, &plan.people[0].name)
        .click();
    h.run();
    assert!(h.query_by_label_contains("Delete this person").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    h.run();
    let newest = plan
        .log
        .iter()
        .max_by_key(|e| (e.date, e.id))
        .expect("entries");
    h.get_by_role_and_label(button, &newest.text).click();
    h.run();
    assert!(h.query_by_label_contains("Delete this entry").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    assert!(h.query_by_label("What did I learn?").is_some());
}

#[test]
fn a_new_plan_starts_from_a_template_picked_with_a_preview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "File");
    h.get_by_label_contains("New from a template").click();
    h.run();
    assert!(h.query_by_label("Start from a career path").is_some());
    click(&mut h, "Teaching assistant to teacher");
    assert!(
        h.query_by_label_contains("Suggested goals").is_some(),
        "a preview of the picked template"
    );
    click(&mut h, "Start from this template");
    assert!(
        h.query_by_label("Start from a career path").is_none(),
        "the dialog closes"
    );
    let template = stepstone::io::templates::template("teaching-assistant-to-teacher")
        .expect("template")
        .plan();
    assert_eq!(h.state().plan(), &template);
    assert_eq!(h.state().document().path, None, "an untitled copy");
}

#[test]
fn the_built_in_sample_is_live_unless_today_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut live_settings = settings(dir.path(), date(2026, 11, 25));
    live_settings.today = None;
    live_settings.live_sample = true;
    let live = App::new(None, live_settings);
    let today = stepstone::clock::system_today();
    assert_eq!(live.plan().log.iter().map(|e| e.date).max(), Some(today));
    assert_eq!(live.document().path, None, "an untitled copy");

    let fixed = App::new(None, settings(dir.path(), date(2026, 11, 25)));
    assert_eq!(
        fixed.plan(),
        &stepstone::io::sample_plan(),
        "--today (live_sample off) keeps the sample's own dates"
    );
}

/// The app as a person starts it (the welcome on), its files under `dir`.
fn welcoming(dir: &Path) -> Harness<'static, App> {
    let mut s = settings(dir, date(2026, 11, 25));
    s.welcome = true;
    open_app(s, None)
}

#[test]
fn a_first_start_is_welcomed_and_can_go_on_to_a_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = welcoming(dir.path());
    h.run();
    assert!(h.query_by_label("Welcome to Stepstone").is_some());
    click(&mut h, "Start from a career path");
    assert!(h.query_by_label("Welcome to Stepstone").is_none());
    assert!(
        h.query_by_label("Start from a career path").is_some(),
        "the template picker"
    );
    click(&mut h, "Cancel");

    // Exploring the sample just closes the welcome.
    let mut h = welcoming(dir.path());
    h.run();
    click(&mut h, "Explore the sample plan");
    assert!(h.query_by_label("Welcome to Stepstone").is_none());
    assert_eq!(h.state().plan(), &stepstone::io::sample_plan());

    // A plan opened before: no welcome, straight to it.
    let file = sample_copy(dir.path());
    AppDirs::in_folder(dir.path()).add_recent(&file);
    let h = welcoming(dir.path());
    assert!(h.query_by_label("Welcome to Stepstone").is_none());
}

/// An app on an empty plan (`Plan::default()`), on 25 November 2026.
fn empty_app(dir: &Path) -> Harness<'static, App> {
    let s = settings(dir, date(2026, 11, 25));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::from_plan(stepstone::model::Plan::default(), s));
    h.run();
    h
}

fn show(h: &mut Harness<'_, App>, view: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, view)
        .click();
    h.run();
}

#[test]
fn an_empty_view_says_what_to_do_first_and_its_button_does_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = empty_app(dir.path());
    // The view, its line, its button, and what to type into what the button
    // made (it has the keyboard).
    for (view, first, button, typed) in [
        (
            "Skills",
            "No skills yet.",
            "\u{2795} Add my first skill",
            "Triage",
        ),
        (
            "Goals & milestones",
            "No goals yet.",
            "\u{2795} Add my first goal",
            "Pass the exam",
        ),
        (
            "People",
            "No one here yet.",
            "\u{2795} Add the first person",
            "Ana",
        ),
        (
            "Log",
            "Nothing logged yet.",
            "\u{2795} Add an entry for today",
            "",
        ),
        (
            "Roadmap",
            "Your roadmap is empty.",
            "\u{2795} Add my current role",
            "Staff nurse",
        ),
    ] {
        show(&mut h, view);
        assert!(
            h.query_by_label_contains(first).is_some(),
            "{view} says what to do first"
        );
        click(&mut h, button);
        assert!(
            h.query_by_label(button).is_none() && h.query_by_label_contains(first).is_none(),
            "{view}: no longer empty"
        );
        if !typed.is_empty() {
            type_text(&mut h, typed);
        }
    }
    let plan = h.state().plan();
    assert_eq!(plan.skills.len(), 1);
    assert_eq!(plan.skills[0].name, "Triage");
    assert_eq!(plan.goals.len(), 1);
    assert_eq!(plan.goals[0].title, "Pass the exam");
    assert_eq!(plan.people.len(), 1);
    assert_eq!(plan.people[0].name, "Ana");
    assert_eq!(plan.log.len(), 1);
    assert_eq!(plan.log[0].date, date(2026, 11, 25));
    assert_eq!(plan.roles.len(), 1);
    assert_eq!(
        (plan.roles[0].title.as_str(), plan.roles[0].stage),
        ("Staff nurse", Stage::Current)
    );
}

#[test]
fn empty_insights_and_today_lead_to_logging_the_first_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = empty_app(dir.path());
    show(&mut h, "Insights");
    assert!(
        h.query_by_label_contains("Insights come from your daily log")
            .is_some()
    );
    assert!(h.query_by_label("12 months").is_none(), "no empty plots");
    click(&mut h, "Log what I did today");
    assert_eq!(h.state().view(), stepstone::ui::commands::View::Today);
    assert!(h.query_by_label_contains("Start here:").is_some());
    // The keyboard is in the quick-log box: type, then Enter saves.
    type_text(&mut h, "Shadowed the charge nurse");
    common::ui::press(&mut h, Modifiers::NONE, Key::Enter);
    let log = &h.state().plan().log;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].text.as_str(), log[0].date),
        ("Shadowed the charge nurse", date(2026, 11, 25))
    );
    assert!(h.query_by_label_contains("Start here:").is_none());
    assert!(h.query_by_label("Streak: 1 day").is_some());
    show(&mut h, "Insights");
    assert!(
        h.query_by_label_contains("Insights come from your daily log")
            .is_none()
    );
}

/// The theme picked in the View menu and the window's size survive a
/// restart: they are kept beside the recent list and read at the next start.
#[test]
#[expect(clippy::float_cmp, reason = "sizes in whole points, kept exactly")]
fn the_theme_and_window_size_and_place_survive_a_restart() {
    use stepstone::ui::storage::{Look, Theme};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    let theme = |h: &Harness<'_, App>| h.ctx.options(|o| o.theme_preference);
    assert_eq!(
        theme(&h),
        egui::ThemePreference::System,
        "the first start follows the system"
    );
    // What the View menu's theme buttons do.
    h.ctx.set_theme(egui::ThemePreference::Light);
    h.run();
    let dirs = AppDirs::in_folder(dir.path());
    let kept = dirs.read_look().expect("kept");
    assert_eq!(kept.theme, Theme::Light);
    assert_eq!(kept.size, [1280.0, 800.0]);
    drop(h);
    // The next start: light again, and the window as it was left.
    let mut again = app(dir.path(), None);
    again.run();
    assert_eq!(theme(&again), egui::ThemePreference::Light);
    assert_eq!(Look::first_size(dirs.read_look(), None), [1280.0, 800.0]);
    // --size wins; a size nobody could use is not restored.
    let odd = Look {
        theme: Theme::Dark,
        size: [12.0, 99999.0],
        place: Some([-5000.0, 40.0]),
    };
    assert_eq!(
        Look::first_size(Some(odd), Some([1920.0, 1080.0])),
        [1920.0, 1080.0]
    );
    assert_eq!(Look::first_size(Some(odd), None), [1280.0, 800.0]);
    let wide = Look {
        theme: Theme::Dark,
        size: [1600.0, 900.0],
        place: Some([300.0, 120.0]),
    };
    assert_eq!(Look::first_size(Some(wide), None), [1600.0, 900.0]);
    // The window's place is kept too, unless it is off every screen.
    dirs.write_look(&wide);
    assert_eq!(dirs.read_look(), Some(wide));
    assert_eq!(Look::first_place(dirs.read_look()), Some([300.0, 120.0]));
    assert_eq!(Look::first_place(Some(odd)), None);
    // A look kept before places were kept still reads, with no place.
    std::fs::write(
        dir.path().join("config/look.ron"),
        "(theme: Dark, size: (1600.0, 900.0))",
    )
    .expect("write");
    assert_eq!(Look::first_place(dirs.read_look()), None);
    assert_eq!(dirs.read_look().map(|l| l.size), Some([1600.0, 900.0]));
    // A broken file is no look at all.
    std::fs::write(dir.path().join("config/look.ron"), "not ron(").expect("write");
    assert_eq!(dirs.read_look(), None);
}

/// Closing the window with unsaved changes asks first (through the queue of
/// actions, as File > Quit does), and keeps the window's look.
#[test]
fn closing_with_unsaved_changes_asks_and_keeps_the_look() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Skills");
    click(&mut h, "\u{2795} Add skill");
    assert!(h.state().document().is_dirty());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(
        h.query_by_label("Save your changes?").is_some(),
        "asks first"
    );
    assert!(
        AppDirs::in_folder(dir.path()).read_look().is_some(),
        "the look is kept"
    );
    click(&mut h, "Cancel");
    assert!(h.query_by_label("Save your changes?").is_none());
    assert!(h.state().document().is_dirty(), "nothing lost");
}

/// Redo answers to both keys platforms use, from the one table of
/// shortcuts; the menus show the first.
#[test]
fn redo_answers_to_ctrl_shift_z_and_ctrl_y() {
    use stepstone::ui::commands::Command;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Skills");
    let count = h.state().plan().skills.len();
    click(&mut h, "\u{2795} Add skill");
    // Out of the new skill's name field, so the keys are the app's.
    h.key_press(Key::Escape);
    h.run();
    for redo_key in [
        (Modifiers::COMMAND, Key::Y),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
    ] {
        undo(&mut h);
        assert_eq!(h.state().plan().skills.len(), count, "undone");
        h.key_press_modifiers(redo_key.0, redo_key.1);
        h.run();
        assert_eq!(
            h.state().plan().skills.len(),
            count + 1,
            "redone by {redo_key:?}"
        );
    }
    let shown = Command::Redo.shortcut().expect("a shortcut");
    assert_eq!(
        (shown.modifiers, shown.logical_key),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
    );
    assert_eq!(Command::Redo.shortcuts().len(), 2);
}

/// Help lists every shortcut from the same table the keys and menus use,
/// with both of Redo's.
#[test]
fn help_lists_the_shortcuts_from_the_commands_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path(), None);
    h.run();
    click(&mut h, "Help");
    h.get_by_label("Keyboard shortcuts").hover();
    h.run();
    click(&mut h, "Keyboard shortcuts");
    for (what, keys) in [
        ("Redo", "Ctrl+Shift+Z or Ctrl+Y"),
        ("Save as\u{2026}", "Ctrl+Shift+S"),
        ("Open\u{2026}", "Ctrl+O"),
        ("Back to the folder of plans", "Escape"),
    ] {
        h.get_by_label(what);
        h.get_by_label(keys);
    }
    // The views' keys, by their place in the side bar.
    assert!(h.query_all_by_label("Ctrl+8").count() == 1, "eight views");
}
