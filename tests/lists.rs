//! Faster lists (issue 9): Enter in a list's last box adds the next item,
//! with the keyboard in it, wherever a list of texts is edited.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, press, settings, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use stepstone::model::{Plan, Stage};
use stepstone::ui::App;

/// An app on `plan`, showing `view`.
fn app_on(dir: &std::path::Path, plan: Plan, view: &str) -> Harness<'static, App> {
    let s = settings(dir, date(2026, 11, 25));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::from_plan(plan, s));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, view)
        .click();
    h.run();
    h
}

/// Types each line and presses Enter after it, as a person fills a list.
fn type_lines(h: &mut Harness<'_, App>, lines: &[&str]) {
    for line in lines {
        type_text(h, line);
        press(h, Modifiers::NONE, Key::Enter);
    }
}

#[test]
fn enter_in_the_last_why_adds_the_next_and_enter_on_an_empty_one_ends_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app_on(dir.path(), Plan::default(), "Roadmap");
    click(&mut h, "\u{2795} Add a why");
    type_lines(&mut h, &["Safer nights", "Nurses who stay"]);
    assert_eq!(
        h.state().plan().purpose,
        ["Safer nights", "Nurses who stay", ""],
        "Enter added the next box each time"
    );
    assert!(
        h.get_by_label("Why 3").is_focused(),
        "the new box has the keyboard"
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().plan().purpose,
        ["Safer nights", "Nurses who stay"],
        "Enter on the empty last box ends the list"
    );

    // Enter in a box that is not the last adds nothing, and never breaks a line.
    h.get_by_label("Why 1").focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().plan().purpose,
        ["Safer nights", "Nurses who stay"]
    );
}

#[test]
fn enter_in_a_roles_last_relationship_or_experience_adds_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app_on(dir.path(), Plan::default(), "Roadmap");
    click(&mut h, "\u{2795} Add my current role");
    type_text(&mut h, "Charge nurse");
    click(&mut h, "\u{2795} Add a relationship");
    type_lines(&mut h, &["Bed managers", "Night supervisors", ""]);
    click(&mut h, "\u{2795} Add an experience");
    type_lines(&mut h, &["Running a shift", "Staffing calls", ""]);
    let role = h.state().plan().roles.first().expect("a role").clone();
    assert_eq!(
        (role.title.as_str(), role.stage),
        ("Charge nurse", Stage::Current)
    );
    assert_eq!(
        role.teaches.relationships,
        ["Bed managers", "Night supervisors"]
    );
    assert_eq!(
        role.teaches.experiences,
        ["Running a shift", "Staffing calls"]
    );
    assert!(
        h.query_by_label_contains("Relationships: Bed managers; Night supervisors")
            .is_some(),
        "the stepping stone lists them"
    );
}

#[test]
fn enter_in_a_milestone_that_is_not_the_last_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app_on(dir.path(), Plan::default(), "Goals & milestones");
    click(&mut h, "\u{2795} Add my first goal");
    type_text(&mut h, "Get certified");
    click(&mut h, "\u{2795} Add milestone");
    type_lines(&mut h, &["Book the exam", "Pass it"]);
    let titles = |h: &Harness<'_, App>| -> Vec<String> {
        h.state().plan().goals[0]
            .milestones
            .iter()
            .map(|m| m.title.clone())
            .collect()
    };
    assert_eq!(titles(&h), ["Book the exam", "Pass it", "Milestone 3"]);
    let first = h
        .get_all_by_label("Milestone")
        .next()
        .expect("the first milestone's title");
    first.focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(titles(&h).len(), 3, "only the last adds the next");
}
