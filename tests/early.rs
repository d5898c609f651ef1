//! Today on a new person's plan (see `common::early`): what each entry is
//! linked to, the goals the day moved, and a forecast that is honest about
//! three days of log.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::early::{Log, TODAY, early_plan};
use common::ui::settings;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stepstone::ui::App;
use stepstone::ui::commands::View;

fn today(dir: &std::path::Path, log: Log) -> Harness<'static, App> {
    let mut h = common::ui::plan_app(
        early_plan(log),
        settings(dir, TODAY),
        egui::vec2(1280.0, 800.0),
    );
    h.state_mut().set_view(View::Today);
    h.run();
    h
}

#[test]
fn today_on_three_days_shows_links_the_goals_moved_and_an_honest_forecast() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = today(dir.path(), Log::ThreeDays);
    // Each entry's links, as the Log shows them, without hovering.
    assert!(
        h.query_by_label("linked to Forecasting, Spreadsheets, Learn demand planning")
            .is_some()
    );
    assert!(
        h.query_by_label("linked to Stock control, Spreadsheets")
            .is_some(),
        "Tuesday's entry with two skills and no goal"
    );
    // Today's entry served the goal: its progress, 45 + 30 + 40 minutes of 40 h.
    assert!(h.query_by_label("Goals you moved today").is_some());
    assert!(h.query_by_label("1 h 55 min of 40 h").is_some());
    // The forecast: too early, with what is missing and what it takes.
    assert!(
        h.query_by_label("Forecast for Inventory planner:")
            .is_some()
    );
    assert!(
        h.query_by_label(
            "Too early to tell: record a level rise when you reach one, and log for 4 more weeks."
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("To be ready by Jun 2028:")
            .is_some()
    );
}

#[test]
fn today_on_three_weeks_after_a_level_rise_needs_only_a_week_more() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = today(dir.path(), Log::ThreeWeeks);
    // 5 to 25 Nov is 21 days: one more week to four.
    assert!(
        h.query_by_label("Too early to tell: log for 1 more week.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("So far: 1 level in 3 weeks")
            .is_some()
    );
}

/// The 3-day plan with two people whose names share "dan".
fn with_people() -> stepstone::model::Plan {
    use stepstone::model::{Person, PersonId, Relation};
    let mut plan = early_plan(Log::ThreeDays);
    plan.people = vec![
        Person::new(PersonId(1), "Dana Reyes", Relation::Mentor),
        Person::new(PersonId(2), "Dan Okafor", Relation::Colleague),
    ];
    plan
}

fn person_at(dir: &std::path::Path, plan: stepstone::model::Plan) -> common::person::Person {
    let mut h = common::ui::plan_app(plan, settings(dir, TODAY), egui::vec2(1280.0, 800.0));
    h.state_mut().set_view(View::Today);
    common::person::Person::at(h)
}

#[test]
fn one_line_and_enter_log_an_entry_with_two_links_on_a_day_last_week() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), early_plan(Log::ThreeDays));
    assert_eq!(
        p.focused(),
        "What did you do?",
        "the keyboard is in the line"
    );
    p.write("Cycle count review 45m #stock #spreadsheets -3d");
    // What was read shows before saving.
    for chip in [
        "45 min",
        "Stock control (skill)",
        "Spreadsheets (skill)",
        "Sun 22 Nov",
    ] {
        let button = egui::accesskit::Role::Button;
        assert!(
            p.h.query_by_role_and_label(button, chip).is_some(),
            "{chip}"
        );
    }
    p.enter();
    assert_eq!(p.actions, 2);
    let e = p.plan().log.last().expect("an entry");
    assert_eq!(e.text, "Cycle count review");
    assert_eq!((e.minutes, e.date), (45, jiff::civil::date(2026, 11, 22)));
    assert_eq!(
        e.skills,
        [stepstone::model::SkillId(1), stepstone::model::SkillId(3)]
    );
    assert_eq!(p.focused(), "What did you do?", "ready for the next line");
}

#[test]
fn an_ambiguous_part_saves_nothing_until_one_is_picked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), with_people());
    let before = p.plan().log.len();
    p.write("Coffee and the rota 20m #dan");
    assert!(p.h.query_by_label("#dan: which one?").is_some());
    p.enter();
    assert_eq!(p.plan().log.len(), before, "nothing saved");
    assert!(p.sees("#dan could be Dana Reyes, Dan Okafor"));
    p.click("Dan Okafor (person)");
    p.h.get_by_label("Save entry").click();
    p.h.run();
    let e = p.plan().log.last().expect("an entry");
    assert_eq!((e.text.as_str(), e.minutes), ("Coffee and the rota", 20));
    assert_eq!(e.people, [stepstone::model::PersonId(2)]);
}

#[test]
fn backspace_right_after_a_recognised_word_keeps_it_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), early_plan(Log::ThreeDays));
    p.write("Ran the 5k yesterday");
    assert!(p.h.query_by_label("Tue 24 Nov").is_some(), "read as a day");
    p.press(egui::Modifiers::NONE, egui::Key::Backspace);
    assert!(p.h.query_by_label("Tue 24 Nov").is_none(), "kept as text");
    p.enter();
    let e = p.plan().log.last().expect("an entry");
    assert_eq!((e.text.as_str(), e.date), ("Ran the 5k yesterday", TODAY));
    // A second Backspace would have deleted a letter, as usual.
    p.write("Read 20m");
    p.press(egui::Modifiers::NONE, egui::Key::Backspace);
    p.press(egui::Modifiers::NONE, egui::Key::Backspace);
    p.enter();
    let e = p.plan().log.last().expect("an entry");
    assert_eq!(e.text, "Read 20");
}

#[test]
fn enter_in_the_day_box_saves_and_the_box_shows_the_day_typed() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), early_plan(Log::ThreeDays));
    p.write("Stock take");
    p.h.get_by_role_and_label(Role::TextInput, "Day").focus();
    p.h.run();
    // Going into the box selects its text: typing replaces it.
    p.write("-2d");
    assert!(
        p.h.query_by_label("Mon 23 Nov 2026").is_some(),
        "the day it reads as, while typing"
    );
    p.enter();
    let e = p.plan().log.last().expect("an entry");
    assert_eq!(
        (e.text.as_str(), e.date),
        ("Stock take", jiff::civil::date(2026, 11, 23))
    );
}

#[test]
fn the_app_opens_with_the_keyboard_in_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("alex.stepstone.ron");
    let text = stepstone::io::to_ron(&early_plan(Log::ThreeDays)).expect("RON");
    std::fs::write(&file, text).expect("write");
    let h = common::ui::open_app(settings(dir.path(), TODAY), Some(file));
    let mut p = common::person::Person::at(h);
    for _ in 0..3 {
        p.h.run();
    }
    assert_eq!(p.focused(), "What did you do?");
    p.write("Opened and logged 10m");
    p.enter();
    assert_eq!(p.actions, 2);
    assert_eq!(p.plan().log.last().map(|e| e.minutes), Some(10));
}

#[test]
fn marking_a_milestone_done_takes_two_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), early_plan(Log::ThreeDays));
    p.show("Goals & milestones");
    p.h.get_by_role_and_label(
        egui::accesskit::Role::CheckBox,
        "Finish the forecasting course",
    )
    .click();
    p.h.run();
    p.actions += 1;
    assert_eq!(p.actions, 2);
    let (_, m) = p
        .plan()
        .milestone(stepstone::model::MilestoneId(1))
        .expect("the milestone");
    assert_eq!(m.done, Some(TODAY));
}

#[test]
fn recording_a_level_rise_with_a_line_of_evidence_takes_four_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = person_at(dir.path(), early_plan(Log::ThreeDays));
    p.show("Skills");
    p.h.get_by_role_and_label(egui::accesskit::Role::Button, "Forecasting")
        .click();
    p.h.run();
    p.actions += 1;
    p.write("Passed the course's forecasting quiz");
    p.enter();
    assert_eq!(p.actions, 4);
    let skill = p
        .plan()
        .skill(stepstone::model::SkillId(2))
        .expect("Forecasting");
    assert_eq!(skill.current_level(TODAY).0, 2, "one level up, from 1");
    let last = skill.history.last().expect("a record");
    assert_eq!(
        (last.date, last.evidence.as_str()),
        (TODAY, "Passed the course's forecasting quiz")
    );
}
