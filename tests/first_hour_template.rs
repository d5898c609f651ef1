//! The first hour, second walkthrough (issue 9): a career-path template,
//! adapted (the target role renamed, two skills' levels changed), then
//! saved, through the UI only; the file holds the template with exactly
//! those changes.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::person::Person;
use common::ui::{open_app, settings};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::Date;
use stepstone::model::{Level, LevelChange, Plan, Stage};

const TODAY: Date = Date::constant(2026, 11, 25);

/// Picks a level for a skill open in the editor, and records it.
fn record_level(p: &mut Person, skill: &str, level: &str) {
    p.click(skill);
    p.click("New level");
    p.click(level);
    p.click("Record this level");
}

#[test]
fn a_template_adapted_and_saved_keeps_everything_but_the_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = Person::at(open_app(settings(dir.path(), TODAY), None));

    p.click("File");
    p.h.get_by_label_contains("New from a template").click();
    p.h.run();
    p.actions += 1;
    p.click("Customer support agent to team lead");
    p.click("Start from this template");

    // The target role: renamed on the Roadmap.
    p.show("Roadmap");
    p.click("Support Team Lead");
    p.focus("Title");
    p.press(Modifiers::COMMAND, Key::A);
    p.write("Support Team Lead, EMEA");
    p.press(Modifiers::NONE, Key::Enter);

    // Two skills: where I am with them today.
    p.show("Skills");
    record_level(&mut p, "Product knowledge", "3 practising");
    record_level(&mut p, "Troubleshooting and ticket resolution", "2 novice");

    // Save: no system dialog here, so the path is typed.
    let file = dir.path().join("my-path.stepstone.ron");
    p.press(Modifiers::COMMAND, Key::S);
    p.press(Modifiers::COMMAND, Key::A);
    p.write(&file.display().to_string());
    p.press(Modifiers::NONE, Key::Enter);
    assert_eq!(
        p.h.state().document().path.as_deref(),
        Some(file.as_path()),
        "{:?}",
        p.h.state().notice()
    );
    assert!(!p.h.state().document().is_dirty());

    let template = stepstone::io::templates::template("support-agent-to-team-lead")
        .expect("template")
        .plan();
    let mut expected: Plan = template.clone();
    let target = expected
        .roles
        .iter_mut()
        .find(|r| r.stage == Stage::Next)
        .expect("a target role");
    assert_eq!(target.title, "Support Team Lead");
    target.title = "Support Team Lead, EMEA".into();
    for (name, level) in [
        ("Product knowledge", 3),
        ("Troubleshooting and ticket resolution", 2),
    ] {
        let skill = expected
            .skills
            .iter_mut()
            .find(|s| s.name == name)
            .expect("a template skill");
        assert_eq!(skill.current_level(TODAY), Level(0), "{name}");
        skill.history.push(LevelChange {
            date: TODAY,
            level: Level(level),
            evidence: String::new(),
        });
    }
    let (saved, _) = stepstone::io::load(&file).expect("the saved plan reads back");
    assert_eq!(saved, expected, "the template with exactly those changes");
    assert_ne!(saved, template);

    println!(
        "The template walkthrough took {} UI actions (clicks, key presses, runs of typing).",
        p.actions
    );
    assert!(
        p.actions <= 23,
        "the walkthrough got longer: {} actions",
        p.actions
    );
}
