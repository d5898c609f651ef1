//! Numbers derived from a plan: logging streak, readiness for the next role,
//! a period's totals, and evidence of growth for tough days.

use super::ids::{GoalId, MilestoneId, PersonId, SkillId};
use super::log_index::LogIndex;
use super::plan::{ExperienceKind, Level, Plan, Role, Stage};
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::BTreeMap;

fn day_before(d: Date) -> Option<Date> {
    d.checked_sub(1.day()).ok()
}

/// Days since 1970-01-01 (negative before), by plain integer arithmetic:
/// counting a long streak day by day with calendar arithmetic is slow.
pub fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Saturday or Sunday, from a day number (1970-01-01 was a Thursday).
fn is_weekend_day(n: i64) -> bool {
    (n + 3).rem_euclid(7) >= 5
}

/// Days in a row with at least one entry, up to today. A day not over yet
/// (today) does not break the streak, and neither do weekend days without
/// entries: many people log working days only. Weekend days with entries count.
pub fn streak(index: &LogIndex, today: Date) -> u32 {
    let today = day_number(today);
    let mut days = index
        .days_newest_first()
        .map(day_number)
        .skip_while(|&n| n > today)
        .peekable();
    // Today may still be empty; the streak then runs up to yesterday.
    let mut expected = if days.peek() == Some(&today) {
        today
    } else {
        today - 1
    };
    let mut count = 0;
    for n in days {
        // Every day between this entry's day and the one expected must be a weekend day.
        while expected > n {
            if !is_weekend_day(expected) {
                return count;
            }
            expected -= 1;
        }
        count += 1;
        expected = n - 1;
    }
    count
}

/// The role you are working toward: the first Next role the current role
/// leads to, or else any Next role.
pub fn next_role(plan: &Plan) -> Option<&Role> {
    let from_current = plan
        .current_role()
        .into_iter()
        .flat_map(|c| &c.leads_to)
        .filter_map(|id| plan.role(*id))
        .find(|r| r.stage == Stage::Next);
    from_current.or_else(|| plan.roles.iter().find(|r| r.stage == Stage::Next))
}

/// How ready you are for a role: each required skill counts as its level over
/// the level needed (at most 1), and readiness is the average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readiness {
    /// 0.0 to 1.0.
    pub score: f64,
    /// Required skills already at their level.
    pub met: usize,
    pub required: usize,
}

/// Readiness for `role` on `day`; `None` if the role asks for no skills.
pub fn readiness_on(plan: &Plan, role: &Role, day: Date) -> Option<Readiness> {
    if role.requires.is_empty() {
        return None;
    }
    let mut sum = 0.0;
    let mut met = 0;
    for q in &role.requires {
        let have = plan.skill(q.skill).map_or(Level(0), |s| s.level_on(day));
        if have >= q.level {
            met += 1;
        }
        sum += if q.level.0 == 0 {
            1.0
        } else {
            (f64::from(have.0) / f64::from(q.level.0)).min(1.0)
        };
    }
    Some(Readiness {
        score: sum / role.requires.len() as f64,
        met,
        required: role.requires.len(),
    })
}

/// What a stretch of days added up to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodSummary {
    pub entries: usize,
    pub minutes: u32,
    pub minutes_by_kind: BTreeMap<ExperienceKind, u32>,
    pub minutes_by_goal: BTreeMap<GoalId, u32>,
    pub minutes_by_skill: BTreeMap<SkillId, u32>,
    /// Entries that name someone.
    pub with_people: usize,
    pub people: Vec<PersonId>,
    pub milestones_done: Vec<MilestoneId>,
}

/// Adds without overflowing (minutes from a hand-edited file can be huge).
fn add(total: &mut u32, minutes: u32) {
    *total = total.saturating_add(minutes);
}

/// Totals of the entries dated `from..=to`.
pub fn summarise(plan: &Plan, index: &LogIndex, from: Date, to: Date) -> PeriodSummary {
    let mut s = PeriodSummary::default();
    for i in index.between(from, to) {
        let Some(e) = plan.log.get(i) else { continue };
        s.entries += 1;
        s.minutes = s.minutes.saturating_add(e.minutes);
        add(s.minutes_by_kind.entry(e.kind).or_default(), e.minutes);
        for g in &e.goals {
            add(s.minutes_by_goal.entry(*g).or_default(), e.minutes);
        }
        for k in &e.skills {
            add(s.minutes_by_skill.entry(*k).or_default(), e.minutes);
        }
        if !e.people.is_empty() {
            s.with_people += 1;
            for p in &e.people {
                if !s.people.contains(p) {
                    s.people.push(*p);
                }
            }
        }
    }
    s.milestones_done = plan
        .goals
        .iter()
        .flat_map(|g| &g.milestones)
        .filter(|m| m.done.is_some_and(|d| d >= from && d <= to))
        .map(|m| m.id)
        .collect();
    s
}

/// The Monday of the week holding `day`.
pub fn week_start(day: Date) -> Date {
    crate::model::Period::Week.start_of(day)
}

/// Evidence of growth, for tough days.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Growth {
    /// Skills whose level rose: (skill, level before, level now).
    pub levels: Vec<(SkillId, Level, Level)>,
    pub milestones_done: Vec<MilestoneId>,
    /// People you mentored or coached.
    pub people_helped: Vec<PersonId>,
    /// Entries that went beyond your duties.
    pub beyond_duty: usize,
}

/// What grew between `since` and `today`.
pub fn growth(plan: &Plan, index: &LogIndex, since: Date, today: Date) -> Growth {
    let levels = plan
        .skills
        .iter()
        .filter_map(|s| {
            // Growth is measured from a recorded level: the one standing
            // before `since`, else the first one recorded since then. A first
            // level recorded in the period is where you started, not growth.
            let before = day_before(since)
                .and_then(|d| s.recorded_on(d))
                .or_else(|| {
                    s.history
                        .iter()
                        .filter(|c| c.date >= since && c.date <= today)
                        .min_by_key(|c| c.date)
                        .map(|c| c.level)
                })?;
            let now = s.current_level(today);
            (now > before).then_some((s.id, before, now))
        })
        .collect();
    let summary = summarise(plan, index, since, today);
    let mut people_helped = Vec::new();
    let mut beyond_duty = 0;
    for i in index.between(since, today) {
        let Some(e) = plan.log.get(i) else { continue };
        if e.kind == ExperienceKind::Mentoring {
            for p in &e.people {
                if !people_helped.contains(p) {
                    people_helped.push(*p);
                }
            }
        }
        if e.kind == ExperienceKind::BeyondDuty {
            beyond_duty += 1;
        }
    }
    Growth {
        levels,
        milestones_done: summary.milestones_done,
        people_helped,
        beyond_duty,
    }
}

/// Open milestones due from `today` to `today + days`, soonest first, with
/// their goals; overdue ones come first.
pub fn due_soon(plan: &Plan, today: Date, days: i64) -> Vec<(GoalId, MilestoneId, Date)> {
    let until = today.checked_add(days.days()).unwrap_or(today);
    let mut due: Vec<_> = plan
        .goals
        .iter()
        .flat_map(|g| g.milestones.iter().map(move |m| (g.id, m)))
        .filter(|(_, m)| m.done.is_none())
        .filter_map(|(g, m)| m.due.filter(|d| *d <= until).map(|d| (g, m.id, d)))
        .collect();
    due.sort_by_key(|(_, _, d)| *d);
    due
}

/// The next open milestone with a due date, if any.
pub fn next_milestone(plan: &Plan, today: Date) -> Option<(GoalId, MilestoneId, Date)> {
    plan.goals
        .iter()
        .flat_map(|g| g.milestones.iter().map(move |m| (g.id, m)))
        .filter(|(_, m)| m.done.is_none())
        .filter_map(|(g, m)| m.due.filter(|d| *d >= today).map(|d| (g, m.id, d)))
        .min_by_key(|(_, _, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        EntryId, Goal, GoalKind, LevelChange, LogEntry, Milestone, Requirement, RoleId, Skill,
    };
    use jiff::civil::date;

    fn entry(id: u32, d: Date, minutes: u32, kind: ExperienceKind) -> LogEntry {
        LogEntry {
            skills: vec![SkillId(1)],
            ..LogEntry::new(EntryId(id), d, minutes, kind, "")
        }
    }

    /// Mon 2026-11-16 .. Wed 2026-11-25 (a Wednesday).
    fn log(days: &[(i8, i8)]) -> Vec<LogEntry> {
        days.iter()
            .enumerate()
            .map(|(i, (m, d))| {
                entry(
                    u32::try_from(i).expect("small") + 1,
                    date(2026, *m, *d),
                    30,
                    ExperienceKind::Learning,
                )
            })
            .collect()
    }

    #[test]
    fn streak_counts_days_in_a_row_and_skips_empty_weekends() {
        // Thu 19, Fri 20, (weekend empty), Mon 23, Tue 24; today Wed 25 has nothing yet.
        let l = log(&[(11, 19), (11, 20), (11, 23), (11, 24)]);
        assert_eq!(streak(&LogIndex::new(&l), date(2026, 11, 25)), 4);
        // Logging today extends it.
        let l = log(&[(11, 19), (11, 20), (11, 23), (11, 24), (11, 25)]);
        assert_eq!(streak(&LogIndex::new(&l), date(2026, 11, 25)), 5);
        // A missed working day (Fri 20) breaks it.
        let l = log(&[(11, 19), (11, 23), (11, 24)]);
        assert_eq!(streak(&LogIndex::new(&l), date(2026, 11, 25)), 2);
        // A weekend day with an entry counts.
        let l = log(&[(11, 20), (11, 21), (11, 23)]);
        assert_eq!(streak(&LogIndex::new(&l), date(2026, 11, 23)), 3);
        // Two missed working days: no streak.
        let l = log(&[(11, 20)]);
        assert_eq!(streak(&LogIndex::new(&l), date(2026, 11, 25)), 0);
        assert_eq!(streak(&LogIndex::new(&[]), date(2026, 11, 25)), 0);
    }

    fn skill(id: u32, levels: &[(Date, u8)]) -> Skill {
        Skill {
            history: levels
                .iter()
                .map(|(d, l)| LevelChange {
                    date: *d,
                    level: Level(*l),
                    evidence: String::new(),
                })
                .collect(),
            ..Skill::new(SkillId(id), format!("S{id}"))
        }
    }

    fn next_role_requiring(reqs: &[(u32, u8)]) -> Role {
        Role {
            requires: reqs
                .iter()
                .map(|(s, l)| Requirement {
                    skill: SkillId(*s),
                    level: Level(*l),
                })
                .collect(),
            ..Role::new(RoleId(2), "Manager", Stage::Next)
        }
    }

    #[test]
    fn readiness_averages_capped_ratios() {
        let d = date(2026, 1, 1);
        // Skill 1 at 3 of 4 needed (0.75), skill 2 at 5 of 3 (capped 1.0), skill 3 missing (0).
        let plan = Plan {
            skills: vec![skill(1, &[(d, 3)]), skill(2, &[(d, 5)])],
            roles: vec![next_role_requiring(&[(1, 4), (2, 3), (3, 2)])],
            ..Plan::default()
        };
        let r = readiness_on(&plan, &plan.roles[0], date(2026, 6, 1)).expect("has requirements");
        assert!((r.score - (0.75 + 1.0 + 0.0) / 3.0).abs() < 1e-9, "{r:?}");
        assert_eq!((r.met, r.required), (1, 3));
        // Before any level was recorded, readiness is 0.
        let before =
            readiness_on(&plan, &plan.roles[0], date(2025, 1, 1)).expect("has requirements");
        assert!(before.score.abs() < 1e-9);
        assert_eq!(next_role(&plan).map(|r| r.id), Some(RoleId(2)));
    }

    #[test]
    fn a_week_adds_up() {
        let mut l = log(&[(11, 23), (11, 24), (11, 30)]);
        l[0].minutes = 45;
        l[0].goals = vec![GoalId(7)];
        l[1].kind = ExperienceKind::Mentoring;
        l[1].people = vec![PersonId(3)];
        let milestone = Milestone {
            done: Some(date(2026, 11, 26)),
            ..Milestone::new(MilestoneId(4), "M")
        };
        let goal = Goal {
            milestones: vec![milestone],
            ..Goal::new(GoalId(7), "G", GoalKind::Skill)
        };
        let plan = Plan {
            log: l,
            goals: vec![goal],
            ..Plan::default()
        };
        let index = LogIndex::new(&plan.log);
        let monday = week_start(date(2026, 11, 25));
        assert_eq!(monday, date(2026, 11, 23));
        let s = summarise(&plan, &index, monday, date(2026, 11, 29));
        assert_eq!((s.entries, s.minutes), (2, 75));
        assert_eq!(s.minutes_by_goal.get(&GoalId(7)), Some(&45));
        assert_eq!(s.minutes_by_skill.get(&SkillId(1)), Some(&75));
        assert_eq!(s.minutes_by_kind.get(&ExperienceKind::Mentoring), Some(&30));
        assert_eq!((s.with_people, s.people.clone()), (1, vec![PersonId(3)]));
        assert_eq!(s.milestones_done, vec![MilestoneId(4)]);
    }

    #[test]
    fn growth_finds_levels_milestones_and_people_helped() {
        let mut l = log(&[(10, 1), (11, 2)]);
        l[1].kind = ExperienceKind::Mentoring;
        l[1].people = vec![PersonId(5)];
        let plan = Plan {
            skills: vec![
                skill(1, &[(date(2026, 1, 1), 2), (date(2026, 10, 10), 3)]),
                skill(2, &[(date(2026, 1, 1), 2)]),
            ],
            log: l,
            ..Plan::default()
        };
        let g = growth(
            &plan,
            &LogIndex::new(&plan.log),
            date(2026, 8, 27),
            date(2026, 11, 25),
        );
        assert_eq!(g.levels, vec![(SkillId(1), Level(2), Level(3))]);
        assert_eq!(g.people_helped, vec![PersonId(5)]);
    }

    #[test]
    fn day_numbers_match_the_calendar() {
        for d in [
            date(1970, 1, 1),
            date(2000, 2, 29),
            date(2026, 11, 25),
            date(1969, 12, 31),
            date(1600, 3, 1),
        ] {
            let by_calendar = d.since(date(1970, 1, 1)).expect("span").get_days();
            assert_eq!(day_number(d), i64::from(by_calendar), "{d}");
            assert_eq!(
                is_weekend_day(day_number(d)),
                matches!(
                    d.weekday(),
                    jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
                ),
                "{d}"
            );
        }
    }

    #[test]
    fn the_index_extends_with_appended_entries() {
        let mut l = log(&[(11, 20), (11, 23)]);
        let mut index = LogIndex::new(&l);
        l.push(entry(9, date(2026, 11, 21), 10, ExperienceKind::Routine));
        index.extend(&l);
        assert_eq!(index, LogIndex::new(&l));
        assert_eq!(index.newest_first().collect::<Vec<_>>(), vec![1, 2, 0]);
        assert_eq!(
            index
                .between(date(2026, 11, 21), date(2026, 11, 22))
                .collect::<Vec<_>>(),
            vec![2]
        );
    }
}
