//! The link from the log to the plan outside Insights, driven with
//! `egui_kittest`: goal progress and pace in Goals, goals at risk and the
//! next role's forecast on Today, and time per skill in Skills.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, settings};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use stepstone::model::{
    EntryId, ExperienceKind, Goal, GoalId, GoalKind, GoalStatus, Level, LevelChange, LogEntry,
    Measure, Milestone, MilestoneId, Plan, Requirement, Role, RoleId, Skill, SkillId, Stage,
};
use stepstone::ui::App;
use stepstone::ui::commands::View;

const TODAY: Date = date(2026, 11, 25);

/// `plan` in a 1280x800 window on `view`, today being [`TODAY`].
fn open(dir: &std::path::Path, plan: Plan, view: View) -> Harness<'static, App> {
    let s = settings(dir, TODAY);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| App::from_plan(plan, s));
    h.state_mut().set_view(view);
    h.run();
    h
}

/// An entry of `minutes` on `day`, linked to `goals` and `skills`.
fn entry(id: u32, day: Date, minutes: u32, goals: &[u32], skills: &[u32]) -> LogEntry {
    LogEntry {
        goals: goals.iter().map(|g| GoalId(*g)).collect(),
        skills: skills.iter().map(|s| SkillId(*s)).collect(),
        ..LogEntry::new(
            EntryId(id),
            day,
            minutes,
            ExperienceKind::Learning,
            format!("entry {id}"),
        )
    }
}

/// A goal measured by `measure`, from `start` to `due`.
fn goal(id: u32, title: &str, measure: Measure, span: Option<(Date, Date)>) -> Goal {
    Goal {
        measure: Some(measure),
        start: span.map(|s| s.0),
        due: span.map(|s| s.1),
        ..Goal::new(GoalId(id), title, GoalKind::Skill)
    }
}

/// Three goals: "Finish the audit course" (60 h from 1 Oct to 1 Dec, 45
/// minutes done: at risk), "Keep the journal" (2 entries, both done: on
/// track), "Old course" (like the first, but dropped) and "Write the
/// handbook" (no measure, one of two milestones done, no due date).
fn goals_plan() -> Plan {
    let span = Some((date(2026, 10, 1), date(2026, 12, 1)));
    let mut dropped = goal(3, "Old course", Measure::Hours(60), span);
    dropped.status = GoalStatus::Dropped;
    Plan {
        goals: vec![
            goal(1, "Finish the audit course", Measure::Hours(60), span),
            goal(
                2,
                "Keep the journal",
                Measure::Count(2),
                Some((date(2026, 11, 1), date(2026, 12, 31))),
            ),
            dropped,
            Goal {
                milestones: vec![
                    Milestone {
                        done: Some(date(2026, 11, 2)),
                        ..Milestone::new(MilestoneId(41), "Outline")
                    },
                    Milestone::new(MilestoneId(42), "Draft"),
                ],
                ..Goal::new(GoalId(4), "Write the handbook", GoalKind::Learning)
            },
        ],
        log: vec![
            entry(1, date(2026, 11, 20), 45, &[1], &[]),
            entry(2, date(2026, 11, 2), 10, &[2], &[]),
            entry(3, date(2026, 11, 3), 10, &[2], &[]),
        ],
        ..Plan::default()
    }
}

#[test]
fn a_goal_with_hours_shows_its_progress_in_goals_and_its_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = Plan {
        goals: vec![goal(1, "Run the audit", Measure::Hours(60), None)],
        log: vec![entry(1, date(2026, 11, 20), 45, &[1], &[])],
        ..Plan::default()
    };
    let mut h = open(dir.path(), plan, View::Goals);
    assert_eq!(h.query_all_by_label("45 min of 60 h").count(), 1);
    for badge in ["On track", "Behind", "At risk"] {
        assert!(
            h.query_by_label(badge).is_none(),
            "no due date, so no pace badge"
        );
    }
    click(&mut h, "Run the audit");
    assert_eq!(
        h.query_all_by_label("45 min of 60 h").count(),
        2,
        "the list and the editor"
    );
}

#[test]
fn goals_show_pace_badges_for_open_goals_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = open(dir.path(), goals_plan(), View::Goals);
    assert!(h.query_by_label("45 min of 60 h").is_some());
    assert!(h.query_by_label("2 of 2 entries").is_some());
    assert!(
        h.query_by_label("0 min of 60 h").is_some(),
        "a dropped goal still shows what it got to"
    );
    assert!(
        h.query_by_label("1 of 2 milestones").is_some(),
        "a goal without a measure counts its milestones"
    );
    assert_eq!(
        h.query_all_by_label("At risk").count(),
        1,
        "the dropped goal has no badge"
    );
    assert_eq!(h.query_all_by_label("On track").count(), 1);
}

#[test]
fn goals_at_risk_are_named_on_today_and_open_in_goals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path(), goals_plan(), View::Today);
    assert!(h.query_by_label("At risk").is_some());
    assert!(h.query_by_label("Finish the audit course").is_some());
    assert!(
        h.query_by_label("Keep the journal").is_none(),
        "on track, so not named"
    );
    assert!(
        h.query_by_label("Old course").is_none(),
        "dropped, so not named"
    );
    assert!(
        h.query_by_label("Write the handbook").is_none(),
        "no due date, so no pace"
    );
    assert!(
        h.query_by_label_contains("Forecast for").is_none(),
        "no next role, no forecast line"
    );

    click(&mut h, "Finish the audit course");
    assert_eq!(h.state().view(), View::Goals);
    assert_eq!(h.state_mut().views_mut().goals.selected, Some(GoalId(1)));
    assert_eq!(
        h.query_all_by_label("At risk").count(),
        2,
        "its badge in the list and in its editor"
    );
}

#[test]
fn today_says_nothing_more_when_nothing_is_at_risk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = goals_plan();
    plan.goals.retain(|g| g.id == GoalId(2));
    let h = open(dir.path(), plan, View::Today);
    assert!(h.query_by_label("At risk").is_none());
    assert!(h.query_by_label_contains("Forecast for").is_none());
}

#[test]
fn today_gives_the_next_roles_forecast() {
    let dir = tempfile::tempdir().expect("tempdir");
    // One level gained in the last 180 days (on 1 Oct), one to go: at one
    // level per 180 days, 180 days after 25 Nov 2026 is 24 May 2027, before
    // the end of 2027 that the person wants.
    let skill = Skill {
        history: vec![
            LevelChange {
                date: date(2026, 1, 1),
                level: Level(1),
                evidence: String::new(),
            },
            LevelChange {
                date: date(2026, 10, 1),
                level: Level(2),
                evidence: String::new(),
            },
        ],
        ..Skill::new(SkillId(1), "Budgeting")
    };
    let role = Role {
        requires: vec![Requirement {
            skill: SkillId(1),
            level: Level(3),
        }],
        target_date: Some(date(2027, 12, 31)),
        ..Role::new(RoleId(1), "Nurse educator", Stage::Next)
    };
    let plan = Plan {
        skills: vec![skill],
        roles: vec![role],
        ..Plan::default()
    };
    let h = open(dir.path(), plan, View::Today);
    assert!(h.query_by_label("Forecast for Nurse educator:").is_some());
    assert!(
        h.query_by_label("On track for Dec 2027: at this pace, ready about May 2027.")
            .is_some()
    );
    // What it takes: 1 level in 401 days, at 40 h a level (no time logged
    // to say otherwise) over 57.3 weeks: 42 min a week, said to 5 minutes.
    assert!(
        h.query_by_label(
            "To be ready by Dec 2027: 1 level every 13 months on its one skill, \
             about 40 min a week on it. So far: 1 level in 6 months, no time logged on it."
        )
        .is_some()
    );
    assert!(h.query_by_label("At risk").is_none(), "no goals at all");
}

/// Skills "Budgeting" (110 minutes in the last 90 days), "Coaching" (nothing)
/// and "Data" (45 minutes, today).
fn skills_plan() -> Plan {
    Plan {
        skills: vec![
            Skill::new(SkillId(1), "Budgeting"),
            Skill::new(SkillId(2), "Coaching"),
            Skill::new(SkillId(3), "Data"),
        ],
        log: vec![
            // 0 days ago: the last 30 days.
            entry(1, date(2026, 11, 25), 30, &[], &[1]),
            // 55 days ago: 30 to 59 days ago.
            entry(2, date(2026, 10, 1), 60, &[], &[1]),
            // 89 days ago: the oldest 30 days, the first day counted.
            entry(3, date(2026, 8, 28), 20, &[], &[1]),
            // 90 days ago: too old to count.
            entry(4, date(2026, 8, 27), 600, &[], &[1, 2]),
            entry(5, date(2026, 11, 24), 45, &[], &[3]),
        ],
        ..Plan::default()
    }
}

#[test]
fn skills_show_time_in_the_last_90_days_and_its_trend() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = open(dir.path(), skills_plan(), View::Skills);
    // 30 + 60 + 20 minutes; the 600 on day 90 stay out.
    assert!(h.query_by_label("1 h 50 min").is_some());
    assert!(
        h.query_by_label("Last 90 days, 30 days at a time: 20 min, 1 h, 30 min")
            .is_some(),
        "the trend, oldest first"
    );
    assert!(h.query_by_label("0 min").is_some(), "Coaching: nothing");
    assert!(h.query_by_label("45 min").is_some());
}

#[test]
fn skills_sort_by_the_last_90_days() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path(), skills_plan(), View::Skills);
    let order = |h: &Harness<'_, App>| {
        let mut rows: Vec<(f32, String)> = ["Budgeting", "Coaching", "Data"]
            .iter()
            .map(|n| (h.get_by_label(n).rect().min.y, (*n).to_string()))
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|r| r.1).collect::<Vec<_>>()
    };
    click(&mut h, "Last 90 days");
    assert_eq!(order(&h), ["Coaching", "Data", "Budgeting"], "least first");
    click(&mut h, "Last 90 days \u{2b06}");
    assert_eq!(order(&h), ["Budgeting", "Data", "Coaching"], "most first");
}
