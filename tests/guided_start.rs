//! The guided start covers a whole first plan (issue 17): several whys,
//! "since" and "by" as a year, a month or a day, the goal's target and its
//! milestones' dates, the owner's name, and Enter that goes to the next
//! field of a step and never past one.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::guided::whole_first_plan;
use common::person::Person;
use common::ui::{open_app, settings};
use egui::{Key, Modifiers};
use jiff::civil::{Date, date};
use stepstone::model::{Level, LevelChange, Measure, Plan, SkillTarget, Stage};

const TODAY: Date = Date::constant(2026, 11, 25);

/// The app as a person first starts it, at step 1 of the guided start.
fn guided(dir: &std::path::Path) -> Person {
    let mut s = settings(dir, TODAY);
    s.welcome = true;
    let mut p = Person::at(open_app(s, None));
    p.click("Guided start");
    assert!(p.sees("step 1 of 6"));
    p
}

/// From step 6: no owner's name, the plan called `name`, created.
fn finish(p: &mut Person, name: &str) -> Plan {
    assert!(p.sees("step 6 of 6"));
    p.enter();
    p.write(name);
    p.enter();
    assert!(p.sees("Your plan is saved as"), "the plan was made");
    p.plan().clone()
}

/// The guided start part of the first hour, as a new person's task puts
/// it (see `common::guided::whole_first_plan`). Every click, key and typed
/// field counts.
#[test]
fn the_guided_start_makes_a_whole_first_plan_from_the_keyboard() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(dir.path(), TODAY);
    s.welcome = true;
    let mut p = Person::at(open_app(s, None));
    whole_first_plan(&mut p);

    let plan = p.plan().clone();
    let file = dir.path().join("plans/my path.stepstone.ron");
    let (saved, _) = stepstone::io::load(&file).expect("saved under the chosen name");
    assert_eq!(saved, plan);
    assert_eq!(plan.owner, "Ana Lima");
    assert_eq!(
        plan.purpose,
        [
            "Plan stock so the shelves are never empty",
            "Grow into work I can teach others"
        ]
    );
    let current = plan.current_role().expect("a current role");
    let next = plan
        .roles
        .iter()
        .find(|r| r.stage == Stage::Next)
        .expect("a next role");
    assert_eq!(
        (current.title.as_str(), current.start, &current.leads_to[..]),
        ("Inventory analyst", Some(date(2025, 1, 1)), &[next.id][..])
    );
    assert_eq!(
        (next.title.as_str(), next.target_date, next.requires.len()),
        ("Demand planner", Some(date(2028, 12, 31)), 3)
    );
    let skills: Vec<_> = plan
        .skills
        .iter()
        .map(|s| (s.name.as_str(), s.history.clone(), s.target))
        .collect();
    let start = |l| {
        vec![LevelChange {
            date: TODAY,
            level: Level(l),
            evidence: String::new(),
        }]
    };
    let target = |l| {
        Some(SkillTarget {
            level: Level(l),
            by: Some(date(2028, 12, 31)),
        })
    };
    assert_eq!(
        skills,
        [
            ("Forecasting", start(2), target(4)),
            ("Excel modelling", start(3), target(4)),
            ("Stakeholder communication", start(2), target(3)),
        ]
    );
    let [goal] = &plan.goals[..] else {
        panic!("one goal: {:?}", plan.goals)
    };
    assert_eq!(
        (goal.title.as_str(), goal.measure, goal.due),
        (
            "Learn demand planning",
            Some(Measure::Hours(40)),
            Some(date(2027, 6, 30))
        )
    );
    let milestones: Vec<_> = goal
        .milestones
        .iter()
        .map(|m| (m.title.as_str(), m.due))
        .collect();
    assert_eq!(
        milestones,
        [
            ("Finish the forecasting course", Some(date(2027, 3, 31))),
            ("Run a monthly forecast review", Some(date(2027, 6, 30))),
        ]
    );
    assert!(plan.validate().is_empty());

    println!("the guided start: {} UI actions", p.actions);
    assert!(p.actions <= 25, "{} actions", p.actions);
}

#[test]
fn enter_in_a_why_adds_the_next_and_an_empty_last_one_is_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = guided(dir.path());
    p.write("Help new nurses feel safe");
    p.enter();
    assert_eq!(p.focused(), "Why 2", "Enter adds the next why");
    p.write("Teach what I wish I had been taught");
    p.enter();
    assert_eq!(p.focused(), "Why 3");
    p.enter();
    assert!(p.sees("step 2 of 6"), "an empty last why goes on");
    for _ in 0..4 {
        p.click("Skip this step");
    }
    let plan = finish(&mut p, "whys");
    assert_eq!(
        plan.purpose,
        [
            "Help new nurses feel safe",
            "Teach what I wish I had been taught"
        ]
    );
}

#[test]
fn enter_in_a_role_goes_to_its_date_which_reads_a_year_as_a_start_or_a_deadline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = guided(dir.path());
    p.enter();
    p.write("Ward clerk");
    p.enter();
    assert!(
        p.sees("step 2 of 6"),
        "Enter in the role does not leave the step"
    );
    assert_eq!(p.focused(), "Since", "it goes to the role's date");
    p.write("2022");
    p.enter();
    assert!(!p.sees("is not a date"), "a year is a date for a start");
    assert!(p.sees("step 3 of 6"));
    p.write("Unit coordinator");
    p.enter();
    assert_eq!(p.focused(), "By when");
    p.write("2028-06");
    p.enter();
    assert!(p.sees("step 4 of 6"));
    p.enter();
    p.click("Skip this step");
    let plan = finish(&mut p, "dates");
    let dates: Vec<_> = plan
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.start, r.target_date))
        .collect();
    assert_eq!(
        dates,
        [
            ("Ward clerk", Some(date(2022, 1, 1)), None),
            ("Unit coordinator", None, Some(date(2028, 6, 30))),
        ],
        "a start is the period's first day, a deadline its last"
    );
}

#[test]
fn enter_in_the_goal_step_visits_every_field_and_an_empty_milestone_row_moves_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = guided(dir.path());
    for _ in 0..4 {
        p.click("Skip this step");
    }
    assert!(p.sees("step 5 of 6"));
    assert_eq!(p.focused(), "Goal");
    p.write("Finish the course");
    p.enter();
    assert_eq!(p.focused(), "Target", "the goal's number comes next");
    p.write("forty");
    p.enter();
    assert_eq!(p.focused(), "Milestone 1");
    p.write("Module 1");
    p.enter();
    assert_eq!(p.focused(), "Milestone 1 due", "each milestone's date");
    p.write("2027-02");
    p.enter();
    assert_eq!(p.focused(), "Milestone 2");
    p.enter();
    assert!(
        p.sees("step 5 of 6"),
        "one Enter on an empty row is not lost"
    );
    assert_eq!(p.focused(), "Goal due", "it goes to the goal's own date");
    p.enter();
    assert!(
        p.sees("whole number of hours"),
        "the target that is not a number is said"
    );
    assert_eq!(p.focused(), "Target");
    p.press(Modifiers::COMMAND, Key::A);
    p.write("12");
    p.click("entries");
    p.press(Modifiers::COMMAND, Key::Enter);
    let plan = finish(&mut p, "goal");
    let goal = &plan.goals[0];
    assert_eq!(goal.measure, Some(Measure::Count(12)), "12 entries");
    assert_eq!(
        (goal.milestones[0].due, goal.due),
        (Some(date(2027, 2, 28)), Some(date(2027, 2, 28))),
        "a month as a deadline: its last day, the goal's too"
    );
}

#[test]
fn a_goal_counted_by_its_milestones_has_no_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = guided(dir.path());
    for _ in 0..4 {
        p.click("Skip this step");
    }
    p.click("its milestones");
    p.focus("Goal");
    p.write("Finish the course");
    p.enter();
    assert_eq!(
        p.focused(),
        "Milestone 1",
        "no number to ask: on to the milestones"
    );
    p.write("Module 1");
    p.press(Modifiers::COMMAND, Key::Enter);
    let plan = finish(&mut p, "milestones");
    assert_eq!(plan.goals[0].measure, None);
    assert_eq!(plan.goals[0].milestones.len(), 1);
}

/// The whole task of issue 17, as a new person does it: from the welcome,
/// the guided start's whole first plan, then three days of log (today,
/// yesterday, two days ago), each linked to skills and the goal, with the
/// quick-add line, and the plan saved. Nothing outside the guided start
/// and the quick log; every click, key and typed field counts.
#[test]
fn a_whole_first_plan_with_three_days_of_log_takes_at_most_40_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(dir.path(), TODAY);
    s.welcome = true;
    let mut p = Person::at(open_app(s, None));
    whole_first_plan(&mut p);
    let guided = p.actions;
    assert_eq!(
        p.focused(),
        "What did you do?",
        "the plan opens on Today, ready to log"
    );
    for line in [
        "Ran the first forecast on last month's sales 45m #forecasting #demand",
        "Cleaned up the item list 30m #excel #demand yesterday",
        "Walked the buyer through the forecast 20m #stakeholder #demand -2d",
    ] {
        p.write(line);
        p.enter();
    }
    let logged = p.actions - guided;
    p.press(Modifiers::COMMAND, Key::S);
    let saved_at = p.actions - guided - logged;
    println!(
        "a whole first plan: {} actions (guided start {guided}, three days of log {logged}, save {saved_at})",
        p.actions
    );
    assert!(p.actions <= 40, "{} actions", p.actions);

    let file = dir.path().join("plans/my path.stepstone.ron");
    let (saved, _) = stepstone::io::load(&file).expect("saved under the chosen name");
    let days: Vec<(Date, u32, usize, usize)> = saved
        .log
        .iter()
        .map(|e| (e.date, e.minutes, e.skills.len(), e.goals.len()))
        .collect();
    assert_eq!(
        days,
        [
            (TODAY, 45, 1, 1),
            (date(2026, 11, 24), 30, 1, 1),
            (date(2026, 11, 23), 20, 1, 1),
        ]
    );
    assert_eq!(saved.log[1].text, "Cleaned up the item list");
    assert!(saved.validate().is_empty());
}
