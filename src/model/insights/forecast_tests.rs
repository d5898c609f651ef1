//! The forecast rule on small plans, with every number worked out by hand.

use super::*;
use crate::model::{
    EntryId, ExperienceKind, LevelChange, LogEntry, Requirement, Skill, SkillId, Stage,
};
use jiff::civil::date;

/// Wednesday 25 Nov 2026. The full window opens on 30 May 2026 (179 days back).
const TODAY: Date = date(2026, 11, 25);

fn skill(id: u32, levels: &[(Date, u8)]) -> Skill {
    Skill {
        history: levels
            .iter()
            .map(|&(date, l)| LevelChange {
                date,
                level: Level(l),
                evidence: String::new(),
            })
            .collect(),
        ..Skill::new(SkillId(id), format!("S{id}"))
    }
}

fn next_role(requires: &[(u32, u8)], target: Option<Date>) -> Role {
    Role {
        requires: requires
            .iter()
            .map(|&(s, l)| Requirement {
                skill: SkillId(s),
                level: Level(l),
            })
            .collect(),
        target_date: target,
        ..Role::new(RoleId(2), "Next", Stage::Next)
    }
}

fn on_skill(id: u32, day: Date, minutes: u32, skill: u32) -> LogEntry {
    LogEntry {
        skills: vec![SkillId(skill)],
        ..LogEntry::new(EntryId(id), day, minutes, ExperienceKind::Learning, "")
    }
}

fn forecast_of(plan: &Plan) -> Forecast {
    forecast(plan, &LogTotals::new(plan), &plan.roles[0], TODAY)
}

/// A plan begun on Monday 23 Nov: three skills recorded that day, 30 minutes
/// logged on each of three days, and a target role wanted by 1 Jun 2028.
fn three_days() -> Plan {
    let day = |d| date(2026, 11, d);
    Plan {
        roles: vec![next_role(&[(1, 4), (2, 3), (3, 3)], Some(date(2028, 6, 1)))],
        skills: vec![
            skill(1, &[(day(23), 2)]),
            skill(2, &[(day(23), 1)]),
            skill(3, &[(day(23), 2)]),
        ],
        log: vec![
            on_skill(1, day(23), 30, 1),
            on_skill(2, day(24), 30, 2),
            on_skill(3, day(25), 30, 3),
        ],
        ..Plan::default()
    }
}

#[test]
fn a_new_plan_with_three_days_is_too_early_to_tell_and_says_what_is_missing() {
    let f = forecast_of(&three_days());
    // 23 to 25 Nov: 3 days; 25 short of 28 is 4 weeks (3.6, rounded up).
    assert_eq!(f.record.days, 3);
    assert_eq!(f.record.from, date(2026, 11, 23));
    assert_eq!((f.record.gained, f.record.minutes), (0, 90));
    assert_eq!(
        f.outlook,
        Outlook::TooEarly {
            weeks_short: 4,
            no_rise: true
        }
    );
    assert_eq!(f.standing(), Standing::TooEarly);
    assert_eq!(f.headline(), "Too early to tell");
    assert_eq!(
        f.sentence(),
        "Too early to tell: record a level rise when you reach one, and log for 4 more weeks."
    );
    // 5 levels to go (2 + 2 + 1) in 554 days: one every 111 days (3.6
    // months); at 40 h a level, 200 h over 79.1 weeks is 2.53 h a week.
    assert_eq!(f.levels_to_go, 5);
    assert_eq!(
        f.what_it_takes().as_deref(),
        Some(
            "To be ready by Jun 2028: 1 level every 4 months on these 3 skills, \
             about 2 h 30 min a week on them."
        )
    );
}

#[test]
fn a_level_rise_on_a_new_plan_leaves_only_the_weeks_missing() {
    let mut plan = three_days();
    plan.skills[0].history.push(LevelChange {
        date: TODAY,
        level: Level(3),
        evidence: String::new(),
    });
    let f = forecast_of(&plan);
    assert_eq!(
        f.outlook,
        Outlook::TooEarly {
            weeks_short: 4,
            no_rise: false
        }
    );
    assert_eq!(f.sentence(), "Too early to tell: log for 4 more weeks.");
}

/// Levels recorded since May, rising steadily: S1 from 1 to 3 (1 Jul, 1 Oct),
/// S2 from 1 to 2 (1 Sep). The role asks for S1 at 4 and S2 at 3.
fn steady(target: Option<Date>) -> Plan {
    Plan {
        roles: vec![next_role(&[(1, 4), (2, 3)], target)],
        skills: vec![
            skill(
                1,
                &[
                    (date(2026, 5, 1), 1),
                    (date(2026, 7, 1), 2),
                    (date(2026, 10, 1), 3),
                ],
            ),
            skill(2, &[(date(2026, 5, 1), 1), (date(2026, 9, 1), 2)]),
        ],
        ..Plan::default()
    }
}

#[test]
fn a_steady_plan_on_track() {
    let f = forecast_of(&steady(Some(date(2027, 6, 30))));
    // The whole window (30 May to 25 Nov, 180 days) holds 3 rises and no
    // time logged: 3 levels in 180 days. 2 to go take 120 days: 25 Mar 2027.
    assert_eq!((f.record.days, f.record.gained), (180, 3));
    assert_eq!(f.outlook, Outlook::On(date(2027, 3, 25)));
    assert_eq!(f.standing(), Standing::OnTrack);
    assert_eq!(f.headline(), "On track for Jun 2027");
    assert_eq!(
        f.sentence(),
        "On track for Jun 2027: at this pace, ready about Mar 2027."
    );
    // 2 levels in 217 days: one every 108.5 days, 3.6 months (rounded to 4).
    assert!(
        f.what_it_takes()
            .is_some_and(|t| t.starts_with("To be ready by Jun 2027: 1 level every 4 months")),
        "{:?}",
        f.what_it_takes()
    );
}

#[test]
fn a_plan_that_is_late_says_by_how_much() {
    let f = forecast_of(&steady(Some(date(2027, 1, 31))));
    // Ready 25 Mar, wanted 31 Jan: 53 days, 1.7 months, said as 2.
    assert_eq!(f.standing(), Standing::Late { months: Some(2) });
    assert_eq!(f.headline(), "About 2 months late");
    assert_eq!(
        f.sentence(),
        "About 2 months late at this pace: ready about Mar 2027, wanted by Jan 2027."
    );
}

#[test]
fn a_target_date_in_the_past() {
    let f = forecast_of(&steady(Some(date(2026, 10, 1))));
    assert_eq!(f.standing(), Standing::Overdue);
    assert_eq!(f.headline(), "Past the date you wanted");
    assert_eq!(
        f.what_it_takes().as_deref(),
        Some(
            "The date you wanted (Oct 2026) has passed, with 2 levels to go. \
             So far: 3 levels in 6 months, no time logged on them."
        )
    );
}

#[test]
fn no_target_date_gives_the_date_alone() {
    let f = forecast_of(&steady(None));
    assert_eq!(f.standing(), Standing::Open);
    assert_eq!(f.headline(), "Ready about Mar 2027");
    assert_eq!(f.sentence(), "At this pace, ready about Mar 2027.");
}

#[test]
fn a_level_rise_today_moves_the_forecast_at_once() {
    let mut plan = steady(Some(date(2027, 6, 30)));
    // 30 h logged on S1 in the window: 26 h from June to August, and 4 h in
    // the last 28 days (from 29 Oct). Own pace: 30 h / 3 levels = 10 h a level;
    // 4 h in 28 days at 10 h a level is 1 level in 70 days; 2 to go: 140
    // days, 14 Apr 2027.
    for k in 0..13_u32 {
        let day = date(2026, 6, 1)
            .checked_add(jiff::Span::new().weeks(k))
            .expect("a date");
        plan.log.push(on_skill(k + 1, day, 120, 1));
    }
    for (id, d) in [(20, 2), (21, 9), (22, 16), (23, 23)] {
        plan.log.push(on_skill(id, date(2026, 11, d), 60, 1));
    }
    let before = forecast_of(&plan);
    assert_eq!(before.record.hours_per_level(), Some(10.0));
    assert_eq!(before.outlook, Outlook::On(date(2027, 4, 14)));
    // S1 reaches 4 today: 4 levels for 30 h is 7.5 h a level; 4 h in 28
    // days is a level in 52.5 days; 1 to go: 53 days, 17 Jan 2027.
    plan.skills[0].history.push(LevelChange {
        date: TODAY,
        level: Level(4),
        evidence: String::new(),
    });
    let after = forecast_of(&plan);
    assert_eq!(after.outlook, Outlook::On(date(2027, 1, 17)));
    // Stopping the time stops the pace: nothing in the last 28 days.
    plan.log.retain(|e| e.date < date(2026, 10, 29));
    assert_eq!(
        forecast_of(&plan).outlook,
        Outlook::NotMoving(Stall::NoRecentTime)
    );
}

#[test]
fn no_date_beyond_ten_years() {
    // Six skills from 0 to 5, one level risen in six months: 29 to go at
    // 1 level in 180 days is 14 years.
    let mut plan = steady(None);
    plan.roles[0] = next_role(&[(1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (6, 5)], None);
    plan.skills = (1..=6)
        .map(|i| skill(i, &[(date(2026, 1, 1), 0)]))
        .collect();
    plan.skills[0].history.push(LevelChange {
        date: date(2026, 8, 1),
        level: Level(1),
        evidence: String::new(),
    });
    let f = forecast_of(&plan);
    assert_eq!(f.outlook, Outlook::Beyond);
    assert_eq!(f.headline(), "Over 10 years away at this pace");
}
