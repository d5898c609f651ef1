//! The first hour (issue 9): from the welcome, through the guided start, to
//! a plan of one's own with three days of log and Insights that show it,
//! counting every click, key and typed field on the way.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::person::Person;
use common::ui::{open_app, settings};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use std::path::Path;
use stepstone::model::{Level, Plan, Stage};
use stepstone::ui::commands::View;

const MONDAY: Date = Date::constant(2026, 11, 23);

/// The app as a person first starts it (no plan given, none opened before).
fn first_start(dir: &Path, today: Date) -> Person {
    let mut s = settings(dir, today);
    s.welcome = true;
    Person::at(open_app(s, None))
}

/// Welcome, the guided start's six steps from the keyboard, giving the
/// least: a why, the two roles without dates, three skills, a goal with two
/// undated milestones and no target, and a plan name.
fn guided_start(p: &mut Person) {
    assert!(p.sees("Welcome to Stepstone"));
    p.click("Guided start");
    assert!(p.sees("step 1 of 6"));
    assert_eq!(p.focused(), "Why 1", "the first box has the keyboard");
    p.write("Help new nurses feel safe on their first ward");
    p.enter();
    assert_eq!(p.focused(), "Why 2", "Enter adds the next why");
    p.enter(); // an empty last why: on to the next step

    assert!(p.sees("step 2 of 6"));
    p.write("Staff nurse");
    p.enter();
    assert_eq!(
        p.focused(),
        "Since",
        "Enter goes to the role's date, not past it"
    );
    p.enter();
    assert!(p.sees("step 3 of 6"));
    p.write("Nurse educator");
    p.enter();
    p.enter();

    assert!(p.sees("step 4 of 6"));
    for skill in ["Teaching 2 4", "Wound care 4 4", "Patient education 2 4"] {
        p.write(skill); // a skill and its two levels on one line
        p.enter();
    }
    assert_eq!(p.focused(), "Skill 4", "the next row");
    p.enter(); // an empty row: on to the next step

    assert!(p.sees("step 5 of 6"));
    p.write("Run the new-hire skills day");
    p.enter();
    assert_eq!(p.focused(), "Target");
    p.enter();
    assert_eq!(p.focused(), "Milestone 1");
    p.write("Write the lesson plan");
    p.enter();
    assert_eq!(p.focused(), "Milestone 1 due");
    p.enter();
    p.write("Teach it to the March cohort");
    p.press(Modifiers::COMMAND, Key::Enter);

    assert!(p.sees("step 6 of 6"));
    assert!(
        p.sees("Your plan starts with 2 roles, 3 skills, 1 goal and 2 milestones"),
        "the last step says what it will make"
    );
    assert_eq!(p.focused(), "Your name");
    p.enter();
    p.write("my path");
    p.enter();
}

#[test]
fn from_the_welcome_to_insights_in_at_most_40_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = first_start(dir.path(), MONDAY);
    guided_start(&mut p);

    // It ends on Today, the plan saved under the name given.
    assert_eq!(p.h.state().view(), View::Today);
    let file = dir.path().join("plans/my path.stepstone.ron");
    let (saved, _) = stepstone::io::load(&file).expect("saved under the chosen name");
    assert_eq!(&saved, p.plan());
    assert!(!p.h.state().document().is_dirty());
    assert!(p.sees("Your plan is saved as"));

    let plan = p.plan().clone();
    assert_eq!(
        plan.purpose,
        ["Help new nurses feel safe on their first ward"]
    );
    let next = plan
        .roles
        .iter()
        .find(|r| r.stage == Stage::Next)
        .expect("a next role");
    assert_eq!(next.title, "Nurse educator");
    assert_eq!(next.requires.len(), 3, "it requires the three skills");
    let current = plan.current_role().expect("a current role");
    assert_eq!(
        (current.title.as_str(), &current.leads_to[..]),
        ("Staff nurse", &[next.id][..])
    );
    let levels: Vec<_> = plan
        .skills
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.current_level(MONDAY),
                s.target.map(|t| t.level),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("Teaching", Level(2), Some(Level(4))),
            ("Wound care", Level(4), Some(Level(4))),
            ("Patient education", Level(2), Some(Level(4))),
        ]
    );
    assert_eq!(plan.goals.len(), 1);
    assert_eq!(plan.goals[0].milestones.len(), 2);
    assert!(plan.validate().is_empty());

    // Three days, one quick-log entry each: the box has the keyboard.
    let days = [MONDAY, date(2026, 11, 24), date(2026, 11, 25)];
    for (day, what) in days.iter().zip([
        "Shadowed the educator at the skills lab",
        "Taught two students the wound-care checklist",
        "Drafted the lesson plan",
    ]) {
        p.h.state_mut().set_today(*day);
        p.h.run();
        assert_eq!(p.focused(), "What did you do?");
        p.write(what);
        p.enter();
    }
    let logged: Vec<Date> = p.plan().log.iter().map(|e| e.date).collect();
    assert_eq!(logged, days);

    p.press(Modifiers::COMMAND, Key::Num8);
    assert_eq!(p.h.state().view(), View::Insights);
    assert!(p.sees("Readiness over time"), "the way to the next role");
    assert!(
        p.sees("Teaching, Wound care, Patient education"),
        "and the skills it needs"
    );

    println!("first hour: {} UI actions", p.actions);
    assert!(p.actions <= 40, "{} actions", p.actions);
}

#[test]
fn the_guided_start_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = first_start(dir.path(), MONDAY);
    guided_start(&mut p);
    assert!(!p.plan().skills.is_empty());
    // The quick-log box has the keyboard (its Ctrl+Z undoes typing): Edit > Undo.
    p.click("Edit");
    p.h.get_by_label_contains("Undo").click();
    p.h.run();
    assert_eq!(p.plan(), &Plan::default(), "one undo: the empty plan");
    p.click("Edit");
    p.h.get_by_label_contains("Redo").click();
    p.h.run();
    assert_eq!(p.plan().skills.len(), 3, "and redo brings it back");
}

#[test]
fn every_step_can_be_skipped_and_escape_leaves_nothing_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = first_start(dir.path(), MONDAY);
    p.click("Guided start");
    p.write("A why I will take back");
    for _ in 0..5 {
        p.click("Skip this step");
    }
    assert!(p.sees("step 6 of 6"));
    p.enter();
    p.write("blank");
    p.click("Create my plan");
    assert_eq!(p.plan(), &Plan::default(), "nothing but an empty plan");
    assert!(dir.path().join("plans/blank.stepstone.ron").is_file());

    // From File > New, Escape leaves the plan open as it was.
    let before = p.plan().clone();
    p.press(Modifiers::COMMAND, Key::N);
    assert!(p.sees("Start a new plan"));
    p.click("Guided start");
    p.write("Half a why");
    p.press(Modifiers::NONE, Key::Escape);
    assert!(!p.sees("step 1 of 6"));
    assert_eq!(p.plan(), &before);
}

#[test]
fn bad_answers_are_said_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("plans")).expect("mkdir");
    std::fs::write(dir.path().join("plans/taken.stepstone.ron"), "()").expect("write");
    let mut p = first_start(dir.path(), MONDAY);
    p.click("Guided start");
    p.enter();
    p.write("Ward clerk");
    p.tab();
    p.write("last spring");
    p.enter();
    assert!(p.sees("step 2 of 6"), "a day that is not a day stays");
    assert!(p.sees("\"last spring\" is not a date"));
    p.press(Modifiers::COMMAND, Key::A);
    p.write("2024-03");
    p.enter();
    assert!(p.sees("step 3 of 6"));
    p.enter();
    p.enter();
    p.write("Scheduling");
    p.tab();
    p.write("7");
    assert_eq!(
        p.focused(),
        "Skill 1 now",
        "7 is not a level: the box keeps the keyboard"
    );
    p.press(Modifiers::COMMAND, Key::Enter);
    assert!(p.sees("from 0 to 5"));
    p.click("Back");
    assert!(p.sees("step 3 of 6"));
    p.click("Next");
    assert_eq!(
        p.h.get_by_label("Skill 1").value().as_deref(),
        Some("Scheduling"),
        "Back and Next keep the answers"
    );
    p.click("Skip this step");
    p.click("Skip this step");
    p.enter(); // no owner's name
    p.write("taken");
    p.enter();
    assert!(p.sees("There is already a file called taken"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plans/taken.stepstone.ron")).expect("read"),
        "()",
        "the other file is untouched"
    );
    p.press(Modifiers::COMMAND, Key::A);
    p.write("a/b");
    p.enter();
    assert!(p.sees("cannot start with a dot or hold"));
    p.press(Modifiers::COMMAND, Key::A);
    p.write("Ward clerk plan");
    p.enter();
    let plan = p.plan();
    assert_eq!(
        plan.roles[0].start,
        Some(date(2024, 3, 1)),
        "a month is its first day for a start"
    );
    assert!(plan.skills.is_empty(), "the skipped skills");
}
