//! Insights against numbers worked out by hand on small plans.

use super::totals::kind_index;
use super::*;
use crate::model::{
    EntryId, ExperienceKind, GoalKind, Level, LevelChange, LogEntry, Measure, Milestone,
    MilestoneId, Requirement, Skill, SkillTarget,
};
use jiff::civil::date;

/// Wednesday 25 Nov 2026 (its Monday is the 23rd).
const TODAY: Date = date(2026, 11, 25);

fn entry(id: u32, day: Date, minutes: u32, kind: ExperienceKind) -> LogEntry {
    LogEntry::new(EntryId(id), day, minutes, kind, "")
}

fn linked(mut e: LogEntry, goals: &[u32], skills: &[u32]) -> LogEntry {
    e.goals = goals.iter().map(|g| GoalId(*g)).collect();
    e.skills = skills.iter().map(|s| SkillId(*s)).collect();
    e
}

fn skill(id: u32, levels: &[(Date, u8)]) -> Skill {
    Skill {
        history: levels
            .iter()
            .map(|(date, l)| LevelChange {
                date: *date,
                level: Level(*l),
                evidence: String::new(),
            })
            .collect(),
        ..Skill::new(SkillId(id), format!("S{id}"))
    }
}

fn role(id: u32, stage: Stage, requires: &[(u32, u8)]) -> Role {
    Role {
        requires: requires
            .iter()
            .map(|(s, l)| Requirement {
                skill: SkillId(*s),
                level: Level(*l),
            })
            .collect(),
        ..Role::new(RoleId(id), format!("R{id}"), stage)
    }
}

fn goal(id: u32, measure: Option<Measure>, start: Option<Date>, due: Option<Date>) -> Goal {
    Goal {
        start,
        due,
        measure,
        ..Goal::new(GoalId(id), format!("G{id}"), GoalKind::Learning)
    }
}

fn milestone(id: u32, due: Date, done: Option<Date>) -> Milestone {
    Milestone {
        due: Some(due),
        done,
        ..Milestone::new(MilestoneId(id), format!("M{id}"))
    }
}

fn insights(plan: &Plan, today: Date) -> Insights {
    Insights::compute(plan, &LogTotals::new(plan), today)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn pace_status_thresholds_are_inclusive() {
    assert_eq!(
        PaceStatus::of(95.0, 100.0),
        PaceStatus::OnTrack,
        "exactly 0.95"
    );
    assert_eq!(PaceStatus::of(94.9, 100.0), PaceStatus::Behind);
    assert_eq!(
        PaceStatus::of(75.0, 100.0),
        PaceStatus::Behind,
        "exactly 0.75"
    );
    assert_eq!(PaceStatus::of(74.9, 100.0), PaceStatus::AtRisk);
    assert_eq!(PaceStatus::of(0.0, 0.0), PaceStatus::OnTrack, "not started");
    assert_eq!(PaceStatus::of(0.0, -1.0), PaceStatus::OnTrack);
    assert_eq!(PaceStatus::AtRisk.label(), "At risk");
    assert_eq!(kind_index(ExperienceKind::ALL[3]), 3);
    assert_eq!(ExperienceKind::ALL.map(kind_index), [0, 1, 2, 3, 4]);
}

#[test]
fn progress_texts() {
    let p = |unit, done, target| GoalProgress {
        goal: GoalId(1),
        unit,
        done,
        target,
        ideal_by_today: None,
        status: None,
        projected: Projection::Nothing,
    };
    assert_eq!(
        p(ProgressUnit::Minutes, 750.0, 3600.0).text(),
        "12 h 30 min of 60 h"
    );
    assert_eq!(
        p(ProgressUnit::Minutes, 120.0, 3600.0).text(),
        "2 h of 60 h"
    );
    assert_eq!(p(ProgressUnit::Entries, 3.0, 5.0).text(), "3 of 5 entries");
    assert_eq!(
        p(ProgressUnit::Milestones, 2.0, 5.0).text(),
        "2 of 5 milestones"
    );
    assert_eq!(p(ProgressUnit::Milestones, 0.0, 0.0).text(), "");
    assert!(
        close(p(ProgressUnit::Entries, 7.0, 5.0).share(), 1.0),
        "capped"
    );
    assert!(close(p(ProgressUnit::Entries, 1.0, 0.0).share(), 0.0));
}

#[test]
fn no_log_at_all() {
    let plan = Plan {
        goals: vec![goal(
            1,
            Some(Measure::Hours(10)),
            None,
            Some(date(2027, 1, 1)),
        )],
        ..Plan::default()
    };
    let i = insights(&plan, TODAY);
    assert_eq!(i.weekly_by_goal, Weekly::default());
    assert!(i.alignment.is_empty() && i.balance.is_empty() && i.cumulative_hours.is_empty());
    // No start, entry or milestone: the pace line starts today, so nothing is due yet.
    let g = &i.goals[0];
    assert_eq!(
        (g.done, g.target, g.text().as_str()),
        (0.0, 600.0, "0 min of 10 h")
    );
    assert_eq!(g.ideal_by_today, Some(0.0));
    assert_eq!(
        (g.status, g.projected),
        (Some(PaceStatus::OnTrack), Projection::TooEarly)
    );
    assert_eq!(i.burn_up, BurnUp::default());
    // Mon 23 Nov 2026 less 51 weeks is Mon 1 Dec 2025; today is 51 weeks and 2 days later.
    assert_eq!(i.heat_start, Some(date(2025, 12, 1)));
    assert_eq!(i.heat, vec![0; 364]);
}

#[test]
fn a_single_day() {
    let plan = Plan {
        skills: vec![skill(1, &[])],
        log: vec![linked(
            entry(1, TODAY, 25, ExperienceKind::Learning),
            &[],
            &[1],
        )],
        ..Plan::default()
    };
    let i = insights(&plan, TODAY);
    assert_eq!(i.weekly_by_skill.weeks, vec![date(2026, 11, 23)]);
    assert_eq!(i.weekly_by_skill.total, vec![25]);
    assert_eq!(
        i.weekly_by_skill.series,
        vec![WeekSeries {
            key: Some(Key::Skill(SkillId(1))),
            minutes: vec![25]
        }]
    );
    // No goal: the goal stack holds only the "none" series.
    assert_eq!(i.weekly_by_goal.series[0].key, None);
    assert_eq!(i.balance.len(), 1);
    assert_eq!(i.balance[0].minutes, [25, 0, 0, 0, 0]);
    assert_eq!(
        i.heat[359], 25,
        "today's index: 51 weeks and 2 days after 1 Dec 2025"
    );
    assert_eq!(i.heat.iter().sum::<u32>(), 25);
    assert_eq!(i.skill_recent[&SkillId(1)], (25, [0, 0, 25]));
}

#[test]
fn a_goal_of_60_hours_with_one_45_minute_entry() {
    let plan = Plan {
        goals: vec![goal(
            1,
            Some(Measure::Hours(60)),
            Some(date(2026, 11, 1)),
            Some(date(2026, 12, 31)),
        )],
        log: vec![linked(
            entry(1, date(2026, 11, 20), 45, ExperienceKind::Learning),
            &[1],
            &[],
        )],
        ..Plan::default()
    };
    let g = &insights(&plan, TODAY).goals[0];
    assert_eq!(g.text(), "45 min of 60 h");
    assert_eq!(
        (g.unit, g.done, g.target),
        (ProgressUnit::Minutes, 45.0, 3600.0)
    );
    assert!(close(g.share(), 45.0 / 3600.0));
    // 24 of the 60 days from 1 Nov to 31 Dec have passed: 3600 x 24 / 60 = 1440 min.
    assert_eq!(g.ideal_by_today, Some(1440.0));
    // 45 / 1440 = 0.03.
    assert_eq!(g.status, Some(PaceStatus::AtRisk));
    // Begun 25 days ago: 45 min in 25 days; 3555 min to go take
    // 3555 x 25 / 45 = 1975 days.
    assert_eq!(g.projected, Projection::On(date(2032, 4, 22)));
}

#[test]
fn a_goal_due_today_is_judged_on_its_whole_target() {
    // Count(4), due today: 3 entries up to today (one later entry does not count).
    let day = |d| {
        entry(
            d,
            date(2026, 11, i8::try_from(d).expect("day")),
            10,
            ExperienceKind::Routine,
        )
    };
    let plan = Plan {
        goals: vec![goal(
            1,
            Some(Measure::Count(4)),
            Some(date(2026, 11, 1)),
            Some(TODAY),
        )],
        log: [2, 3, 4, 26].map(|d| linked(day(d), &[1], &[])).to_vec(),
        ..Plan::default()
    };
    let g = &insights(&plan, TODAY).goals[0];
    assert_eq!(g.text(), "3 of 4 entries");
    assert_eq!(g.ideal_by_today, Some(4.0));
    assert_eq!(g.status, Some(PaceStatus::Behind), "3 / 4 = 0.75 exactly");
    // 3 entries in the 25 days since it began: 1 more takes 25 / 3 = 8.3, so 9 days.
    assert_eq!(g.projected, Projection::On(date(2026, 12, 4)));

    // Hours(20) due today with 19 h logged: 0.95 exactly is on track; a minute less is behind.
    let hours = |minutes| Plan {
        goals: vec![goal(
            1,
            Some(Measure::Hours(20)),
            Some(date(2026, 11, 1)),
            Some(TODAY),
        )],
        log: vec![linked(
            entry(1, TODAY, minutes, ExperienceKind::Routine),
            &[1],
            &[],
        )],
        ..Plan::default()
    };
    let status = |minutes| insights(&hours(minutes), TODAY).goals[0].status;
    assert_eq!(status(1140), Some(PaceStatus::OnTrack));
    assert_eq!(status(1139), Some(PaceStatus::Behind));
    // Reaching the target, or marking the goal done, is on track with no projection.
    let reached = &insights(&hours(1200), TODAY).goals[0];
    assert_eq!(
        (reached.status, reached.projected),
        (Some(PaceStatus::OnTrack), Projection::Nothing)
    );
    let mut done = hours(60);
    done.goals[0].status = GoalStatus::Done;
    assert_eq!(
        insights(&done, TODAY).goals[0].status,
        Some(PaceStatus::OnTrack)
    );
}

/// A goal with only milestones: due 1 Oct (done 28 Sep), 1 Nov (done 10 Nov),
/// 1 Dec and 1 Jan, the goal due 1 Jan 2027.
fn milestones_plan() -> Plan {
    let mut g = goal(1, None, None, Some(date(2027, 1, 1)));
    g.milestones = vec![
        milestone(1, date(2026, 10, 1), Some(date(2026, 9, 28))),
        milestone(2, date(2026, 11, 1), Some(date(2026, 11, 10))),
        milestone(3, date(2026, 12, 1), None),
        milestone(4, date(2027, 1, 1), None),
    ];
    Plan {
        goals: vec![g],
        ..Plan::default()
    }
}

#[test]
fn a_goal_with_milestones_only() {
    let g = &insights(&milestones_plan(), TODAY).goals[0];
    assert_eq!(g.text(), "2 of 4 milestones");
    // The pace line starts at the first due date, 1 Oct: 55 of 92 days passed,
    // 4 x 55 / 92 = 2.39 milestones; 2 / 2.39 = 0.84.
    assert!(close(
        g.ideal_by_today.unwrap_or_default(),
        4.0 * 55.0 / 92.0
    ));
    assert_eq!(g.status, Some(PaceStatus::Behind));
    // One done in the last 28 days (from 29 Oct): 2 more take 56 days.
    assert_eq!(g.projected, Projection::On(date(2027, 1, 20)));
}

#[test]
fn burn_up_with_a_projected_finish() {
    let b = insights(&milestones_plan(), TODAY).burn_up;
    assert_eq!(
        b.done,
        vec![(date(2026, 9, 28), 1), (date(2026, 11, 10), 2)]
    );
    assert_eq!(
        b.planned,
        vec![
            (date(2026, 10, 1), 1),
            (date(2026, 11, 1), 2),
            (date(2026, 12, 1), 3),
            (date(2027, 1, 1), 4)
        ]
    );
    assert_eq!(b.total, 4);
    // From the first done date (before the first due date) to the last due date.
    assert_eq!(
        b.pace,
        Some([(date(2026, 9, 28), 0.0), (date(2027, 1, 1), 4.0)])
    );
    // Two done in the last 90 days (from 28 Aug): two more take 90 days.
    assert_eq!(b.projected_finish, Some(date(2027, 2, 23)));
    // Nothing done for 90 days: no projection.
    assert_eq!(
        insights(&milestones_plan(), date(2027, 3, 1))
            .burn_up
            .projected_finish,
        None
    );
}

#[test]
fn level_steps_start_at_the_first_record_skip_plans_and_keep_a_days_last_change() {
    let plan = Plan {
        skills: vec![
            skill(
                1,
                &[
                    (date(2026, 3, 1), 2),
                    (date(2026, 6, 1), 3),
                    (date(2026, 6, 1), 4),
                    (date(2027, 1, 1), 5),
                ],
            ),
            skill(2, &[]),
        ],
        ..Plan::default()
    };
    let from = date(2026, 1, 1);
    // Unknown before 1 Mar: no step at level 0 from `from`.
    assert_eq!(
        level_steps(&plan, SkillId(1), from, TODAY),
        vec![(date(2026, 3, 1), 2), (date(2026, 6, 1), 4)]
    );
    // A window from April starts at the level it had then.
    assert_eq!(
        level_steps(&plan, SkillId(1), date(2026, 4, 1), TODAY),
        vec![(date(2026, 4, 1), 2), (date(2026, 6, 1), 4)]
    );
    assert!(
        level_steps(&plan, SkillId(2), from, TODAY).is_empty(),
        "never recorded: no line at all"
    );
    assert!(level_steps(&plan, SkillId(9), from, TODAY).is_empty());
}

/// Skill 1 rose from 1 to 2 on 1 Sep (180 days back, on 29 May, it was 1);
/// skill 2 has no level but 20 h logged in the last 90 days; skills 3 and 4
/// have neither.
fn forecast_plan(requires: &[(u32, u8)]) -> Plan {
    Plan {
        skills: vec![
            skill(1, &[(date(2026, 1, 1), 1), (date(2026, 9, 1), 2)]),
            skill(2, &[]),
            skill(3, &[]),
            skill(4, &[(date(2020, 1, 1), 3)]),
        ],
        roles: vec![role(1, Stage::Next, requires)],
        log: vec![
            linked(
                entry(1, date(2026, 11, 2), 600, ExperienceKind::Learning),
                &[],
                &[2],
            ),
            linked(
                entry(2, date(2026, 8, 28), 600, ExperienceKind::Learning),
                &[],
                &[2],
            ),
            // 90 days and one back: outside the window.
            linked(
                entry(3, date(2026, 8, 27), 600, ExperienceKind::Learning),
                &[],
                &[2],
            ),
        ],
        ..Plan::default()
    }
}

#[test]
fn forecast_counts_rises_up_to_the_roles_level_and_time_on_its_skills() {
    let plan = forecast_plan(&[(1, 4), (2, 1), (4, 3)]);
    let f = forecast(&plan, &LogTotals::new(&plan), &plan.roles[0], TODAY);
    // Skill 1 rose 1 level in the window (30 May to 25 Nov) and has 2 to go;
    // skill 2 has 1 to go and 30 h logged in the window, 10 h of it since 29
    // Oct; skill 4 is met.
    let gaps: Vec<(u8, u8, u64)> = f
        .skills
        .iter()
        .map(|s| (s.gap, s.gained, s.minutes))
        .collect();
    assert_eq!(gaps, [(2, 1, 0), (1, 0, 1800), (0, 0, 0)]);
    assert_eq!((f.record.days, f.record.recent_minutes), (180, 600));
    // 30 h for 1 level; 10 h in 28 days is a level in 84 days; 3 to go: 252 days.
    assert_eq!(f.record.hours_per_level(), Some(30.0));
    assert_eq!(f.outlook, Outlook::On(date(2027, 8, 4)));
}

#[test]
fn a_skills_first_level_is_where_it_starts_not_a_gain() {
    // Recorded at 2 on 25 Oct (32 days of record), never raised: too early.
    let mut plan = forecast_plan(&[(5, 4)]);
    plan.skills.push(skill(5, &[(date(2026, 10, 25), 2)]));
    let f = forecast(&plan, &LogTotals::new(&plan), &plan.roles[0], TODAY);
    assert_eq!((f.record.days, f.record.gained), (32, 0));
    assert_eq!(
        f.outlook,
        Outlook::TooEarly {
            weeks_short: 0,
            no_rise: true
        }
    );
    // Raised from 2 to 3 since: 1 level in 32 days, 1 to go.
    plan.skills[4].history.push(LevelChange {
        date: date(2026, 11, 1),
        level: Level(3),
        evidence: String::new(),
    });
    let f = forecast(&plan, &LogTotals::new(&plan), &plan.roles[0], TODAY);
    assert_eq!(f.outlook, Outlook::On(date(2026, 12, 27)));
}

#[test]
fn forecast_ready_and_without_requirements() {
    let ready = forecast_plan(&[(4, 3), (1, 2)]);
    let totals = LogTotals::new(&ready);
    let f = forecast(&ready, &totals, &ready.roles[0], TODAY);
    assert_eq!(
        (f.outlook, f.headline().as_str()),
        (Outlook::Ready, "Ready now")
    );
    assert_eq!(f.what_it_takes(), None);
    let none = forecast_plan(&[]);
    let f = forecast(&none, &totals, &none.roles[0], TODAY);
    assert_eq!((f.outlook, f.skills.len()), (Outlook::NoRequirements, 0));
    let i = insights(&none, TODAY);
    assert_eq!(i.options[0].total_gap, 0);
    assert_eq!(i.options[0].readiness, None);
    assert!(i.readiness_over_time.is_empty(), "nothing to be ready for");
}

/// Around New Year 2026: Sun 28 Dec is in the week of Mon 22 Dec; Mon 29 Dec,
/// Thu 1 Jan and Sun 4 Jan in the week of 29 Dec; the week of 5 Jan is empty;
/// Mon 12 Jan starts another. The next role requires skill 2.
fn new_year_plan() -> Plan {
    use ExperienceKind::{BeyondDuty, Learning, Mentoring, Routine};
    Plan {
        goals: (1..=3).map(|g| goal(g, None, None, None)).collect(),
        skills: vec![skill(1, &[]), skill(2, &[])],
        roles: vec![role(1, Stage::Next, &[(2, 3)])],
        log: vec![
            linked(entry(1, date(2025, 12, 28), 30, Learning), &[1], &[1]),
            linked(entry(2, date(2025, 12, 29), 60, Routine), &[1, 2], &[2]),
            entry(3, date(2026, 1, 1), 15, Mentoring),
            linked(entry(4, date(2026, 1, 4), 45, Learning), &[], &[1]),
            linked(entry(5, date(2026, 1, 12), 10, BeyondDuty), &[2], &[]),
        ],
        ..Plan::default()
    }
}

#[test]
fn weeks_split_on_mondays_across_the_new_year() {
    let i = insights(&new_year_plan(), date(2026, 1, 14));
    let weeks = vec![
        date(2025, 12, 22),
        date(2025, 12, 29),
        date(2026, 1, 5),
        date(2026, 1, 12),
    ];
    let g = &i.weekly_by_goal;
    assert_eq!(g.weeks, weeks);
    // 30 | 60 + 15 + 45 | nothing | 10.
    assert_eq!(g.total, vec![30, 120, 0, 10]);
    let series = |w: &Weekly| {
        w.series
            .iter()
            .map(|s| (s.key, s.minutes.clone()))
            .collect::<Vec<_>>()
    };
    // Goal 3 has no time and no series; entry 2 counts toward goals 1 and 2.
    assert_eq!(
        series(g),
        vec![
            (Some(Key::Goal(GoalId(1))), vec![30, 60, 0, 0]),
            (Some(Key::Goal(GoalId(2))), vec![0, 60, 0, 10]),
            (None, vec![0, 60, 0, 0]),
        ]
    );
    assert_eq!(
        series(&i.weekly_by_skill),
        vec![
            (Some(Key::Skill(SkillId(1))), vec![30, 45, 0, 0]),
            (Some(Key::Skill(SkillId(2))), vec![0, 60, 0, 0]),
            (None, vec![0, 15, 0, 10]),
        ]
    );
    // Dec: 30 learning, 60 routine; Jan: 45 learning, 15 mentoring, 10 beyond duty.
    assert_eq!(
        i.balance,
        vec![
            MonthKinds {
                month: date(2025, 12, 1),
                minutes: [30, 0, 0, 0, 60]
            },
            MonthKinds {
                month: date(2026, 1, 1),
                minutes: [45, 0, 15, 10, 0]
            },
        ]
    );
    assert_eq!(
        i.cumulative_hours[0],
        (
            GoalId(1),
            vec![(date(2025, 12, 28), 0.5), (date(2025, 12, 29), 1.5)]
        )
    );
    let (id, two) = &i.cumulative_hours[1];
    assert_eq!((*id, two[0]), (GoalId(2), (date(2025, 12, 29), 1.0)));
    assert!(close(two[1].1, 70.0 / 60.0));
    // Today is Wed 14 Jan; its Monday less 51 weeks is Mon 20 Jan 2025.
    assert_eq!(i.heat_start, Some(date(2025, 1, 20)));
    assert_eq!(
        (i.heat.len(), i.heat[342], i.heat[357], i.heat[359]),
        (364, 30, 10, 0)
    );
}

#[test]
fn alignment_weighs_the_rolling_share_by_minutes() {
    let i = insights(&new_year_plan(), date(2026, 1, 14));
    let a: Vec<(u32, u32, f64, Option<f64>)> = i
        .alignment
        .iter()
        .map(|w| (w.minutes, w.aligned, w.share, w.rolling))
        .collect();
    // Week 2: entry 2 has goals (60); entries 3 (no links) and 4 (skill 1, not
    // required) do not serve. Rolling: (30 + 60) / (30 + 120) = 0.6, not the
    // plain average of 1.0 and 0.5; the empty week adds nothing; then
    // (30 + 60 + 0 + 10) / (30 + 120 + 0 + 10) = 0.625, the first week
    // with four weeks to average.
    assert_eq!(
        a,
        vec![
            (30, 30, 1.0, None),
            (120, 60, 0.5, None),
            (0, 0, 0.0, None),
            (10, 10, 1.0, Some(0.625))
        ]
    );
}

#[test]
fn alignment_counts_time_on_a_next_role_skill_once() {
    let day = date(2026, 11, 24);
    let mut plan = Plan {
        roles: vec![role(1, Stage::Next, &[(2, 3), (3, 3)])],
        log: vec![
            linked(entry(1, day, 40, ExperienceKind::Learning), &[], &[2]),
            linked(entry(2, day, 60, ExperienceKind::Learning), &[], &[1]),
            linked(entry(3, day, 20, ExperienceKind::Learning), &[], &[2, 3]),
        ],
        ..Plan::default()
    };
    // 40 + 20 (once, though it names two required skills) of 120.
    let w = insights(&plan, TODAY).alignment[0];
    assert_eq!((w.aligned, w.minutes), (60, 120));
    assert!(close(w.share, 0.5));
    // With no next role, time on skills alone serves nothing.
    plan.roles[0].stage = Stage::LongTerm;
    assert_eq!(insights(&plan, TODAY).alignment[0].aligned, 0);
}

#[test]
fn options_evidence_and_shared_skills() {
    let mut plan = new_year_plan();
    // Written out of order: the comparison puts Next, LongTerm, Alternative.
    plan.roles = vec![
        role(3, Stage::Alternative, &[(3, 1)]),
        role(2, Stage::LongTerm, &[(2, 4), (3, 2)]),
        role(1, Stage::Next, &[(1, 3), (2, 3)]),
        role(4, Stage::Past, &[(1, 5)]),
    ];
    plan.skills[0].history.push(LevelChange {
        date: date(2025, 6, 1),
        level: Level(1),
        evidence: String::new(),
    });
    // A second entry on Sun 4 Jan: skill 1 still has two days of evidence.
    plan.log.push(linked(
        entry(6, date(2026, 1, 4), 5, ExperienceKind::Learning),
        &[],
        &[1],
    ));
    let i = insights(&plan, date(2026, 1, 14));
    let order: Vec<RoleId> = i.options.iter().map(|o| o.role).collect();
    assert_eq!(order, vec![RoleId(1), RoleId(2), RoleId(3)]);
    // Next: 3 - 1 + 3 - 0 = 5; LongTerm: 4 + 2 = 6; Alternative: 1.
    let gaps: Vec<u32> = i.options.iter().map(|o| o.total_gap).collect();
    assert_eq!(gaps, vec![5, 6, 1]);
    assert_eq!(
        i.shared_skills,
        vec![
            (SkillId(2), vec![RoleId(1), RoleId(2)]),
            (SkillId(3), vec![RoleId(2), RoleId(3)]),
        ]
    );
    let evidence: Vec<(SkillId, u32, usize)> = i
        .evidence
        .iter()
        .map(|e| (e.skill, e.days, e.roles.len()))
        .collect();
    // Skill 1: 28 Dec and 4 Jan; skill 2: 29 Dec; skill 3: never logged.
    assert_eq!(
        evidence,
        vec![(SkillId(1), 2, 1), (SkillId(2), 1, 2), (SkillId(3), 0, 2)]
    );
    // Readiness for Next over time: 0 until skill 1 reached 1 of 3 on 1 Jun,
    // (1/3 + 0) / 2 = 1/6 from then to today.
    let (role, points) = &i.readiness_over_time[0];
    assert_eq!((*role, points.len()), (RoleId(1), 2));
    assert_eq!(points[0].0, date(2025, 6, 1));
    assert!(close(points[0].1, 1.0 / 6.0) && close(points[1].1, 1.0 / 6.0));
    assert_eq!(points[1].0, date(2026, 1, 14));
    assert_eq!(
        i.options[0].readiness.map(|r| r.score),
        metrics::readiness_on(&plan, &plan.roles[2], date(2026, 1, 14)).map(|r| r.score),
        "the same number Today shows"
    );
}

#[test]
fn recent_skill_time_in_three_30_day_spans() {
    // 1 min 89 days back, 2 at 60, 4 at 59, 8 at 30, 16 at 29, 32 today; 64 at 90 is outside.
    let log = [
        (89, 1),
        (60, 2),
        (59, 4),
        (30, 8),
        (29, 16),
        (0, 32),
        (90, 64),
    ]
    .iter()
    .enumerate()
    .map(|(i, (back, m))| {
        let day = days_ago(TODAY, *back);
        linked(
            entry(
                u32::try_from(i).expect("small"),
                day,
                *m,
                ExperienceKind::Learning,
            ),
            &[],
            &[1],
        )
    })
    .collect();
    let plan = Plan {
        skills: vec![skill(1, &[]), skill(2, &[])],
        log,
        ..Plan::default()
    };
    let i = insights(&plan, TODAY);
    assert_eq!(i.skill_recent[&SkillId(1)], (63, [3, 12, 48]));
    assert_eq!(i.skill_recent[&SkillId(2)], (0, [0, 0, 0]));
}

#[test]
fn appended_entries_add_up_like_a_rebuild() {
    let mut plan = new_year_plan();
    let mut totals = LogTotals::new(&plan);
    let more = [
        linked(
            entry(6, date(2026, 1, 13), 25, ExperienceKind::Learning),
            &[3],
            &[2],
        ),
        linked(
            entry(7, date(2025, 12, 28), 5, ExperienceKind::Routine),
            &[],
            &[2],
        ),
    ];
    for e in more {
        totals.add(&e);
        plan.log.push(e);
    }
    assert_eq!(totals.len(), 7);
    let today = date(2026, 1, 14);
    assert_eq!(
        Insights::compute(&plan, &totals, today),
        insights(&plan, today)
    );
    assert_eq!(
        totals.skill_minutes(SkillId(2), date(2025, 12, 28), date(2025, 12, 29)),
        65
    );
}

#[test]
fn nothing_panics_at_the_ends_of_the_calendar() {
    for day in [Date::MIN, Date::MAX] {
        let mut g = goal(1, Some(Measure::Hours(u32::MAX)), Some(day), Some(day));
        g.milestones = vec![milestone(1, day, Some(day)), milestone(2, day, None)];
        let mut s = skill(1, &[(day, 1)]);
        s.target = Some(SkillTarget {
            level: Level(5),
            by: Some(day),
        });
        let plan = Plan {
            goals: vec![g, goal(2, Some(Measure::Count(3)), None, Some(day))],
            skills: vec![s],
            roles: vec![role(1, Stage::Next, &[(1, 5)])],
            log: vec![
                linked(
                    entry(1, day, u32::MAX, ExperienceKind::Learning),
                    &[1, 2],
                    &[1],
                ),
                linked(entry(2, day, u32::MAX, ExperienceKind::Routine), &[1], &[]),
            ],
            ..Plan::default()
        };
        let i = insights(&plan, day);
        assert_eq!(
            i.weekly_by_goal.total.iter().max(),
            Some(&u32::MAX),
            "saturates"
        );
        let _ = level_steps(&plan, SkillId(1), day, day);
        // The forecast's words hold at the ends too.
        for o in &i.options {
            let _ = (
                o.forecast.sentence(),
                o.forecast.headline(),
                o.forecast.what_it_takes(),
            );
        }
        for g in &i.goals {
            let _ = g.projection_text();
        }
    }
}

#[test]
fn level_rises_leave_out_the_start_drops_and_other_days() {
    let s = skill(
        1,
        &[
            (date(2026, 6, 1), 4),
            (date(2026, 1, 10), 2),
            (date(2026, 3, 1), 3),
            (date(2026, 3, 1), 2),
            (date(2026, 9, 1), 3),
            (date(2026, 10, 1), 4),
        ],
    );
    let rises: Vec<(Date, u8, u8)> = level_rises(&s, date(2026, 2, 1), date(2026, 9, 30))
        .iter()
        .map(|r| (r.date, r.from.0, r.to.0))
        .collect();
    // 10 Jan: the start. 1 Mar: 3 then 2 written that day, so 2 stands (no
    // rise). 1 Jun: 2 to 4. 1 Sep: 4 to 3 is a drop. 1 Oct: after `to`.
    assert_eq!(rises, vec![(date(2026, 6, 1), 2, 4)]);
    assert!(level_rises(&skill(2, &[(date(2026, 3, 1), 5)]), Date::MIN, Date::MAX).is_empty());
}
