//! The first hour, second walkthrough (issue 9): a career-path template,
//! adapted (the target role renamed, two skills' levels changed), then
//! saved, through the UI only; the file holds the template with exactly
//! those changes.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{open_app, settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::Date;
use stepstone::model::{Level, LevelChange, Plan, Stage};
use stepstone::ui::App;

const TODAY: Date = Date::constant(2026, 11, 25);

/// The app, and the number of things a person has done to it: clicks, key
/// presses and runs of typing.
struct Person {
    h: Harness<'static, App>,
    actions: u32,
}

impl Person {
    fn click(&mut self, label: &str) {
        self.h.get_by_label(label).click();
        self.h.run();
        self.actions += 1;
    }

    /// Clicks the nav button of a view (its name is also a heading).
    fn show(&mut self, view: &str) {
        self.h
            .get_by_role_and_label(egui::accesskit::Role::Button, view)
            .click();
        self.h.run();
        self.actions += 1;
    }

    fn focus(&mut self, label: &str) {
        self.h.get_by_label(label).focus();
        self.h.run();
        self.actions += 1;
    }

    fn press(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        self.h.run();
        self.actions += 1;
    }

    fn type_text(&mut self, text: &str) {
        self.h.event(egui::Event::Text(text.to_string()));
        self.h.run();
        self.actions += 1;
    }

    /// Picks a level for a skill open in the editor, and records it.
    fn record_level(&mut self, skill: &str, level: &str) {
        self.click(skill);
        self.click("New level");
        self.click(level);
        self.click("Record this level");
    }
}

#[test]
fn a_template_adapted_and_saved_keeps_everything_but_the_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = Person {
        h: open_app(settings(dir.path(), TODAY), None),
        actions: 0,
    };
    p.h.run();

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
    p.type_text("Support Team Lead, EMEA");
    p.press(Modifiers::NONE, Key::Enter);

    // Two skills: where I am with them today.
    p.show("Skills");
    p.record_level("Product knowledge", "3 practising");
    p.record_level("Troubleshooting and ticket resolution", "2 novice");

    // Save: no system dialog here, so the path is typed.
    let file = dir.path().join("my-path.stepstone.ron");
    p.press(Modifiers::COMMAND, Key::S);
    p.press(Modifiers::COMMAND, Key::A);
    p.type_text(&file.display().to_string());
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
