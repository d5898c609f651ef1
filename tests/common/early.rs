//! A new person's plan on Wednesday 25 Nov 2026, as the guided start leaves
//! it and a few days of use fill it: a current role held for a year, a next
//! role wanted by June 2028 that requires three skills, the skills' levels
//! recorded on the plan's first day, a goal of 40 hours with two dated
//! milestones, and a log of some days. Most people who open Stepstone hold
//! a plan like this, not the sample's six months.

use jiff::civil::{Date, date};
use stepstone::model::{
    EntryId, ExperienceKind, Goal, GoalId, GoalKind, GoalStatus, Level, LevelChange, LogEntry,
    Measure, Milestone, MilestoneId, Plan, Requirement, Role, RoleId, Skill, SkillId, SkillTarget,
    Stage,
};

pub const TODAY: Date = date(2026, 11, 25);

/// How much log the plan holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Log {
    /// Started today, nothing logged.
    Empty,
    /// Started on Monday 23 Nov, logged on each of the three days.
    ThreeDays,
    /// Started on Thursday 5 Nov, logged on 15 of the 21 days, with one
    /// level rise (Stock control, 2 to 3, on 18 Nov).
    ThreeWeeks,
}

impl Log {
    pub const ALL: [Log; 3] = [Log::Empty, Log::ThreeDays, Log::ThreeWeeks];

    /// "empty", "3-days", "3-weeks": for file names.
    pub fn name(self) -> &'static str {
        match self {
            Log::Empty => "empty",
            Log::ThreeDays => "3-days",
            Log::ThreeWeeks => "3-weeks",
        }
    }

    fn first_day(self) -> Date {
        match self {
            Log::Empty => TODAY,
            Log::ThreeDays => date(2026, 11, 23),
            Log::ThreeWeeks => date(2026, 11, 5),
        }
    }
}

fn level(day: Date, l: u8) -> LevelChange {
    LevelChange {
        date: day,
        level: Level(l),
        evidence: String::new(),
    }
}

fn skill(id: u32, name: &str, start: Date, now: u8, target: u8) -> Skill {
    Skill {
        history: vec![level(start, now)],
        target: Some(SkillTarget {
            level: Level(target),
            by: Some(date(2028, 6, 1)),
        }),
        ..Skill::new(SkillId(id), name)
    }
}

fn entry(id: u32, day: Date, minutes: u32, text: &str, skills: &[u32], goal: bool) -> LogEntry {
    LogEntry {
        skills: skills.iter().map(|s| SkillId(*s)).collect(),
        goals: if goal { vec![GoalId(1)] } else { Vec::new() },
        ..LogEntry::new(EntryId(id), day, minutes, ExperienceKind::Learning, text)
    }
}

/// The plan of a stores clerk on their way to inventory planner.
pub fn early_plan(log: Log) -> Plan {
    let first = log.first_day();
    let mut current = Role::new(RoleId(1), "Stores clerk", Stage::Current);
    current.start = Some(date(2025, 11, 1));
    current.leads_to = vec![RoleId(2)];
    let mut next = Role::new(RoleId(2), "Inventory planner", Stage::Next);
    next.target_date = Some(date(2028, 6, 1));
    next.requires = [(1, 4), (2, 3), (3, 3)]
        .map(|(s, l)| Requirement {
            skill: SkillId(s),
            level: Level(l),
        })
        .to_vec();
    let mut skills = vec![
        skill(1, "Stock control", first, 2, 4),
        skill(2, "Forecasting", first, 1, 3),
        skill(3, "Spreadsheets", first, 2, 3),
    ];
    let mut goal = Goal {
        status: GoalStatus::Active,
        start: Some(first),
        due: Some(date(2027, 5, 31)),
        measure: Some(Measure::Hours(40)),
        ..Goal::new(GoalId(1), "Learn demand planning", GoalKind::Learning)
    };
    goal.milestones = vec![
        Milestone {
            due: Some(date(2027, 1, 15)),
            ..Milestone::new(MilestoneId(1), "Finish the forecasting course")
        },
        Milestone {
            due: Some(date(2027, 4, 30)),
            ..Milestone::new(MilestoneId(2), "Plan one product line's orders")
        },
    ];
    let day = |d: i8| date(2026, 11, d);
    let log_entries = match log {
        Log::Empty => Vec::new(),
        Log::ThreeDays => vec![
            entry(1, day(23), 45, "Cycle count of aisle 4", &[1], true),
            entry(2, day(24), 30, "Forecasting course, lesson 1", &[2], true),
            entry(
                3,
                day(24),
                20,
                "Reorder list in a spreadsheet",
                &[1, 3],
                false,
            ),
            entry(
                4,
                day(25),
                40,
                "Forecasting course, lesson 2",
                &[2, 3],
                true,
            ),
        ],
        Log::ThreeWeeks => {
            skills[0].history.push(level(day(18), 3));
            let days = [5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25];
            days.iter()
                .enumerate()
                .flat_map(|(i, d)| {
                    let id = u32::try_from(i).unwrap_or(0) * 2 + 1;
                    let mut out = vec![entry(
                        id,
                        day(*d),
                        30 + 5 * (id % 7),
                        "Forecasting course",
                        &[2],
                        true,
                    )];
                    if i % 3 == 0 {
                        out.push(entry(id + 1, day(*d), 25, "Cycle count", &[1, 3], false));
                    }
                    if i % 4 == 1 {
                        out.push(LogEntry::new(
                            EntryId(100 + id),
                            day(*d),
                            60,
                            ExperienceKind::Routine,
                            "Unloaded deliveries",
                        ));
                    }
                    out
                })
                .collect()
        }
    };
    Plan {
        owner: "Alex".into(),
        purpose: vec!["Keep the right parts on the shelf for the people who fix things.".into()],
        roles: vec![current, next],
        skills,
        goals: vec![goal],
        log: log_entries,
        ..Plan::default()
    }
}
