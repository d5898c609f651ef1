//! Daily capture, the Log, Today's numbers and the weekly review, driven
//! through the UI with `egui_kittest`.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{open_app, press, settings, type_text};
use egui::accesskit::Role as A11yRole;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::{Date, date};
use std::path::{Path, PathBuf};
use stepstone::model::*;
use stepstone::ui::App;

const TODAY: Date = Date::constant(2026, 11, 25);

fn harness(dir: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    let s = settings(dir, TODAY);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::new(file.as_deref(), s))
}

#[test]
fn three_entries_logged_from_the_keyboard_show_in_the_log_with_their_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path(), None);
    h.run();
    let before = h.state().plan().log.len();
    let budgeting = h
        .state()
        .plan()
        .skill_named("Budgeting")
        .expect("sample skill")
        .id;
    let jonah = h
        .state()
        .plan()
        .person_named("Jonah Reyes")
        .expect("sample person")
        .id;

    // 1: text, Tab, 45 minutes, Tab, two links picked with Enter, Enter on the empty box saves.
    type_text(&mut h, "Walked the budget template with finance");
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "45");
    press(&mut h, Modifiers::NONE, Key::Tab);
    type_text(&mut h, "budg");
    press(&mut h, Modifiers::NONE, Key::Enter);
    type_text(&mut h, "jonah r");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Enter);
    // 2: the box is empty again and has the keyboard: text, Alt+2 (relationship), Enter.
    type_text(&mut h, "Coffee with the pharmacy educator");
    press(&mut h, Modifiers::ALT, Key::Num2);
    press(&mut h, Modifiers::NONE, Key::Enter);
    // 3: Alt+4 (beyond my duties), 90 minutes, Enter in the minutes box.
    type_text(&mut h, "Covered the evening in-service");
    press(&mut h, Modifiers::ALT, Key::Num4);
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "90");
    press(&mut h, Modifiers::NONE, Key::Enter);

    let log = &h.state().plan().log;
    assert_eq!(log.len(), before + 3);
    let [a, b, c] = [&log[before], &log[before + 1], &log[before + 2]];
    assert_eq!(
        (a.text.as_str(), a.minutes, a.date),
        ("Walked the budget template with finance", 45, TODAY)
    );
    assert_eq!(
        (a.skills.clone(), a.people.clone()),
        (vec![budgeting], vec![jonah])
    );
    assert_eq!((b.kind, b.minutes), (ExperienceKind::Relationship, 30));
    assert_eq!((c.kind, c.minutes), (ExperienceKind::BeyondDuty, 90));

    // Each shows in the Log, with its links.
    press(&mut h, Modifiers::COMMAND, Key::Num6);
    assert!(
        h.query_by_label("Walked the budget template with finance")
            .is_some()
    );
    assert!(
        h.query_by_label("Budgeting, Jonah Reyes").is_some(),
        "links are listed"
    );
    assert!(h.query_by_label("Covered the evening in-service").is_some());

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().plan().log.len(),
        before + 2,
        "undo removes the last entry"
    );
    assert!(h.query_by_label("Covered the evening in-service").is_none());
}

#[test]
fn the_log_filters_by_skill_and_by_date_range() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path(), None);
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Num6);
    let plan = h.state().plan().clone();
    let total = plan.log.len();
    assert!(
        h.query_by_label_contains(&format!("{total} of {total} entries"))
            .is_some()
    );

    let budgeting = plan.skill_named("Budgeting").expect("skill").id;
    h.get_by_role_and_label(A11yRole::ComboBox, "Skill").click();
    h.run();
    h.get_by_role_and_label(A11yRole::Button, "Budgeting")
        .click();
    h.run();
    let with_skill = plan
        .log
        .iter()
        .filter(|e| e.skills.contains(&budgeting))
        .count();
    assert!(with_skill > 0 && with_skill < total);
    assert!(
        h.query_by_label_contains(&format!("{with_skill} of {total} entries"))
            .is_some(),
        "skill filter"
    );

    let (from, to) = (date(2026, 10, 1), date(2026, 10, 31));
    h.state_mut().views_mut().log.filter.from = Some(from);
    h.state_mut().views_mut().log.filter.to = Some(to);
    h.run();
    let both = plan
        .log
        .iter()
        .filter(|e| e.skills.contains(&budgeting) && e.date >= from && e.date <= to)
        .count();
    assert!(both > 0 && both < with_skill);
    assert!(
        h.query_by_label_contains(&format!("{both} of {total} entries"))
            .is_some(),
        "skill and dates"
    );

    h.state_mut().views_mut().log.filter.skill = None;
    h.run();
    let in_october = plan
        .log
        .iter()
        .filter(|e| e.date >= from && e.date <= to)
        .count();
    assert!(
        h.query_by_label_contains(&format!("{in_october} of {total} entries"))
            .is_some(),
        "dates alone"
    );
}

#[test]
fn a_weekly_review_is_written_and_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("me.stepstone.ron");
    std::fs::write(&file, stepstone::io::SAMPLE_RON).expect("write");
    let mut h = harness(dir.path(), Some(file.clone()));
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Num7);
    assert!(h.query_by_label("Week of 23 November 2026").is_some());
    assert!(
        h.query_by_label_contains("entries,").is_some(),
        "the week's numbers are shown"
    );
    let reviews = h.state().plan().reviews.len();

    h.get_by_label("What did I learn?").focus();
    type_text(&mut h, "How to read a budget variance report");
    h.get_by_label("My focus for next week").focus();
    type_text(&mut h, "Book time with finance");
    press(&mut h, Modifiers::COMMAND, Key::S);

    let (saved, _) = stepstone::io::load(&file).expect("load");
    assert_eq!(saved.reviews.len(), reviews + 1);
    let r = saved
        .reviews
        .iter()
        .find(|r| r.start == date(2026, 11, 23))
        .expect("this week's review");
    assert_eq!(r.period, Period::Week);
    assert_eq!(r.learned, "How to read a budget variance report");
    assert_eq!(r.focus_next, "Book time with finance");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn the_review_shows_the_weeks_numbers_at_once_and_adds_a_review_only_when_an_answer_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = small_app(dir.path());
    press(&mut h, Modifiers::COMMAND, Key::Num7);
    // Mon 23 and Tue 24, 20 minutes each; no review in the plan yet.
    assert!(h.query_by_label("Week of 23 November 2026").is_some());
    assert!(
        h.query_by_label("2 entries, 40 min logged.").is_some(),
        "the week's numbers show before any review"
    );
    assert!(h.query_by_label_contains("No reviews yet.").is_some());
    assert!(h.query_by_label("What did I learn?").is_some());
    h.get_by_label("\u{2b05} Earlier").click();
    h.run();
    assert!(
        h.query_by_label("3 entries, 1 h logged.").is_some(),
        "Tue 17, Thu 19 and Fri 20"
    );
    h.get_by_label("Monthly").click();
    h.run();
    assert!(h.query_by_label("5 entries, 1 h 40 min logged.").is_some());
    assert!(h.state().plan().reviews.is_empty(), "looking adds nothing");
    assert!(!h.state().document().is_dirty());

    h.get_by_label("Weekly").click();
    h.run();
    h.get_by_label("This period").click();
    h.run();
    h.get_by_label("Write it now").click();
    h.run();
    assert!(
        h.state().plan().reviews.is_empty(),
        "the keyboard alone adds nothing"
    );
    type_text(&mut h, "How to run a huddle");
    let reviews = &h.state().plan().reviews;
    assert_eq!(reviews.len(), 1, "the first answer adds the review");
    assert_eq!(
        (
            reviews[0].period,
            reviews[0].start,
            reviews[0].learned.as_str()
        ),
        (Period::Week, date(2026, 11, 23), "How to run a huddle")
    );
    assert!(h.query_by_label_contains("No reviews yet.").is_none());

    press(&mut h, Modifiers::NONE, Key::Escape); // leave the field
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.state().plan().reviews.is_empty(),
        "undo takes the review out again"
    );
    assert!(h.query_by_label_contains("No reviews yet.").is_some());
    assert!(h.query_by_label("2 entries, 40 min logged.").is_some());
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().plan().reviews.len(), 1, "redo");

    h.get_by_label("My focus for next week").focus();
    type_text(&mut h, "Book time with the night team");
    let reviews = &h.state().plan().reviews;
    assert_eq!(reviews.len(), 1, "later answers edit the same review");
    assert_eq!(
        (reviews[0].learned.as_str(), reviews[0].focus_next.as_str()),
        ("How to run a huddle", "Book time with the night team")
    );
}

/// A small plan whose numbers are worked out by hand below.
fn small_plan() -> Plan {
    let skill = |id, level| Skill {
        history: vec![LevelChange {
            date: date(2026, 1, 5),
            level: Level(level),
            evidence: String::new(),
        }],
        ..Skill::new(SkillId(id), format!("Skill {id}"))
    };
    let role = |id, title, stage, requires: Vec<Requirement>| Role {
        requires,
        leads_to: if id == 1 { vec![RoleId(2)] } else { Vec::new() },
        ..Role::new(RoleId(id), title, stage)
    };
    let entry = |id, day| {
        LogEntry::new(
            EntryId(id),
            day,
            20,
            ExperienceKind::Routine,
            format!("Day {id}"),
        )
    };
    Plan {
        skills: vec![skill(1, 2), skill(2, 4)],
        roles: vec![
            role(1, "Ward clerk", Stage::Current, Vec::new()),
            role(
                2,
                "Unit coordinator",
                Stage::Next,
                vec![
                    Requirement {
                        skill: SkillId(1),
                        level: Level(4),
                    },
                    Requirement {
                        skill: SkillId(2),
                        level: Level(3),
                    },
                    Requirement {
                        skill: SkillId(1),
                        level: Level(3),
                    },
                ],
            ),
        ],
        // Tue 17 (gap on Wed 18 breaks), Thu 19, Fri 20, weekend empty, Mon 23, Tue 24; today (Wed 25) empty.
        log: vec![
            entry(1, date(2026, 11, 17)),
            entry(2, date(2026, 11, 19)),
            entry(3, date(2026, 11, 20)),
            entry(4, date(2026, 11, 23)),
            entry(5, date(2026, 11, 24)),
        ],
        ..Plan::default()
    }
}

/// The small plan open on Today.
fn small_app(dir: &std::path::Path) -> Harness<'static, App> {
    let mut h = common::ui::plan_app(
        small_plan(),
        settings(dir, TODAY),
        egui::vec2(1280.0, 800.0),
    );
    h.run();
    h
}

#[test]
fn streak_and_readiness_match_hand_worked_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = small_app(dir.path());
    // Streak: Thu 19, Fri 20, (weekend skipped), Mon 23, Tue 24 = 4 days; Wed 18 was missed.
    assert!(h.query_by_label("Streak: 4 days").is_some());
    // Readiness: skill 1 at 2 of 4 (0.5), skill 2 at 4 of 3 (capped 1.0), skill 1 at 2 of 3 (0.667):
    // (0.5 + 1.0 + 0.667) / 3 = 0.722, shown as 72%.
    assert!(
        h.query_by_label("Ready for Unit coordinator: 72%")
            .is_some()
    );

    // Logging today extends the streak at once.
    h.state_mut()
        .apply_edit(Edit::Put(Item::Entry(LogEntry::new(
            EntryId(6),
            TODAY,
            10,
            ExperienceKind::Learning,
            "Today",
        ))))
        .expect("adds");
    h.run();
    assert!(h.query_by_label("Streak: 5 days").is_some());
}

#[test]
fn a_drained_day_turns_to_the_why_and_growth() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path(), None);
    h.run();
    type_text(&mut h, "Short-staffed all day");
    h.get_by_label("2").click();
    h.run();
    h.get_by_label("Save entry").click();
    h.run();
    assert_eq!(h.state().plan().log.last().and_then(|e| e.energy), Some(2));
    assert!(
        h.query_by_label("Look how far you have come in the last three months")
            .is_some()
    );
    assert!(h.query_by_label_contains("One next step:").is_some());
    click_back(&mut h);
    assert!(h.query_by_label("Log what you did").is_some());
}

fn click_back(h: &mut Harness<'_, App>) {
    h.get_by_label("Back to today").click();
    h.run();
}

/// The app on the live sample (moved so its last logged day is `today`),
/// as a person starts it without `--today`, but with a clock of our own.
fn live_sample_on(dir: &Path, today: Date) -> Harness<'static, App> {
    let mut s = settings(dir, today);
    s.live_sample = true;
    let mut h = open_app(s, None);
    h.run();
    h
}

/// What Today shows of the streak and the milestones due soon: the streak
/// label, and each due milestone's title with how far off it is (the day
/// itself moves with the clock).
fn streak_and_due_soon(h: &Harness<'_, App>) -> (String, Vec<(String, String)>) {
    let text = |n: &egui_kittest::Node<'_>| {
        let n = n.accesskit_node();
        n.label().or_else(|| n.value()).unwrap_or_default()
    };
    let streak = text(&h.get_by_label_contains("Streak: "));
    let due = h
        .get_all_by_role(A11yRole::CheckBox)
        .filter(|c| text(c) != "My why helped today")
        .map(|c| {
            // The row: the milestone's box, when it is due, its goal.
            let row = c.parent().expect("a row");
            let when = row.children().nth(1).map(|n| text(&n)).unwrap_or_default();
            let how_far = match when.split_once(", ") {
                Some((_day, how_far)) => how_far.to_string(),
                None => when,
            };
            (text(&c), how_far)
        })
        .collect();
    (streak, due)
}

/// Issue 9: the live sample looks the same whatever the day it is opened:
/// the same streak, the same milestones due in as many days.
#[test]
fn the_live_sample_shows_the_same_streak_and_due_soon_list_on_any_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (streak, due) = streak_and_due_soon(&live_sample_on(dir.path(), date(2027, 2, 3)));
    assert_eq!(
        streak_and_due_soon(&live_sample_on(dir.path(), date(2029, 8, 17))),
        (streak.clone(), due.clone())
    );
    assert_eq!(streak, "Streak: 51 days");
    assert_eq!(
        due,
        [
            (
                "Score 80 percent on two full practice exams".to_string(),
                "in 3 days".to_string()
            ),
            (
                "Jonah precepts a new graduate without my check-ins".to_string(),
                "in 10 days".to_string()
            ),
        ]
    );
}
