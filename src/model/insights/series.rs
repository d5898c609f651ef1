//! The series the Insights plots draw over time: weekly hours by goal or
//! skill, alignment, cumulative hours, the milestone burn-up, readiness
//! over time, the balance of kinds, the heat map, and skill levels.

use super::totals::{LogTotals, add_to};
use super::{days_ago, project};
use crate::model::ids::{GoalId, SkillId};
use crate::model::metrics;
use crate::model::plan::{Level, Plan, Role, Skill};
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// What a weekly bar is split by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StackBy {
    #[default]
    Goal,
    Skill,
}

/// One stacked series: minutes per week for one goal or skill (`None`: time
/// linked to none of them).
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSeries {
    pub key: Option<Key>,
    /// One value per week of [`Weekly::weeks`].
    pub minutes: Vec<u32>,
}

/// A goal or a skill, as a series key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Goal(GoalId),
    Skill(SkillId),
}

/// Minutes per week, split by goal or skill, for every week from the first
/// logged week to the last (weeks with nothing logged are zeros). An entry
/// linked to two goals counts its minutes toward both series (so a stacked
/// bar can be taller than the week's total; `total` holds the true total).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weekly {
    /// The Mondays, oldest first.
    pub weeks: Vec<Date>,
    /// Minutes logged each week (each entry once).
    pub total: Vec<u32>,
    /// Series with at least one minute, in the plan's order of goals or
    /// skills, then the "none" series last.
    pub series: Vec<WeekSeries>,
}

/// One week of the alignment plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignedWeek {
    pub week: Date,
    pub minutes: u32,
    /// Minutes of entries linked to any goal, or to a skill the next role
    /// requires (each entry once).
    pub aligned: u32,
    /// `aligned / minutes` (0 for an empty week).
    pub share: f64,
    /// The share over this week and the 3 before it, weighted by minutes;
    /// `None` in the first 3 weeks of the log, before 4 weeks exist.
    pub rolling: Option<f64>,
}

/// Milestones done against milestones planned, over time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BurnUp {
    /// Cumulative milestones done by each day a milestone was done.
    pub done: Vec<(Date, u32)>,
    /// Cumulative milestones due by each due date.
    pub planned: Vec<(Date, u32)>,
    /// All milestones (the burn-up's ceiling).
    pub total: u32,
    /// The ideal line, from (first due or done date, 0) to (last due date,
    /// total); `None` without due dates.
    pub pace: Option<[(Date, f64); 2]>,
    /// When the last milestone would be done at the rate of the last 90
    /// days (`None`: all done, or none done in 90 days).
    pub projected_finish: Option<Date>,
}

/// Minutes by kind of experience in one month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthKinds {
    /// The 1st of the month.
    pub month: Date,
    /// Minutes per kind, in the order of `ExperienceKind::ALL`.
    pub minutes: [u32; 5],
}

/// The weekly bars by goal and by skill, and the alignment of each week
/// with the goals and the skills in `next_needs`.
pub(super) fn weekly(
    plan: &Plan,
    totals: &LogTotals,
    next_needs: &[SkillId],
) -> (Weekly, Weekly, Vec<AlignedWeek>) {
    let (Some(first), Some(last)) = (totals.weeks.keys().next(), totals.weeks.keys().next_back())
    else {
        return Default::default();
    };
    let weeks: Vec<Date> = first.series(1.week()).take_while(|d| d <= last).collect();
    let n = weeks.len();
    let mut total = vec![0; n];
    let mut aligned = vec![0; n];
    let mut by_goal = Stacks::new(plan.goals.iter().map(|g| Key::Goal(g.id)), n);
    let mut by_skill = Stacks::new(plan.skills.iter().map(|s| Key::Skill(s.id)), n);
    for (monday, w) in &totals.weeks {
        // The week holding `monday` (every key is a Monday, but a day at the
        // start of the calendar may have none before it).
        let Some(i) = weeks.partition_point(|d| d <= monday).checked_sub(1) else {
            continue;
        };
        add_to(&mut total[i], w.minutes);
        let serving: u32 = w
            .goalless
            .iter()
            .filter(|(skills, _)| skills.iter().any(|s| next_needs.contains(s)))
            .fold(0, |sum, (_, m)| sum.saturating_add(*m));
        add_to(
            &mut aligned[i],
            w.minutes.saturating_sub(w.no_goal).saturating_add(serving),
        );
        for (g, m) in &w.goals {
            by_goal.add(Key::Goal(*g), i, *m);
        }
        for (s, m) in &w.skills {
            by_skill.add(Key::Skill(*s), i, *m);
        }
        by_goal.add_none(i, w.no_goal);
        by_skill.add_none(i, w.no_skill);
    }
    let alignment = rolling_alignment(&weeks, &total, &aligned);
    (
        by_goal.into_weekly(weeks.clone(), total.clone()),
        by_skill.into_weekly(weeks, total),
        alignment,
    )
}

/// Each week's aligned share, and over it and the 3 weeks before.
fn rolling_alignment(weeks: &[Date], minutes: &[u32], aligned: &[u32]) -> Vec<AlignedWeek> {
    let share = |a: u64, m: u64| if m == 0 { 0.0 } else { a as f64 / m as f64 };
    weeks
        .iter()
        .zip(minutes.iter().zip(aligned))
        .enumerate()
        .map(|(i, (week, (m, a)))| {
            let from = i.saturating_sub(3);
            let sum = |v: &[u32]| {
                v.get(from..=i)
                    .unwrap_or_default()
                    .iter()
                    .map(|x| u64::from(*x))
                    .sum()
            };
            AlignedWeek {
                week: *week,
                minutes: *m,
                aligned: *a,
                share: share(u64::from(*a), u64::from(*m)),
                rolling: (i >= 3).then(|| share(sum(aligned), sum(minutes))),
            }
        })
        .collect()
}

/// Weekly series being filled, one per goal or skill of the plan, and "none".
struct Stacks {
    keys: Vec<Key>,
    at: BTreeMap<Key, usize>,
    minutes: Vec<Vec<u32>>,
    none: Vec<u32>,
}

impl Stacks {
    fn new(keys: impl Iterator<Item = Key>, weeks: usize) -> Self {
        let mut stacks = Self {
            keys: Vec::new(),
            at: BTreeMap::new(),
            minutes: Vec::new(),
            none: vec![0; weeks],
        };
        for k in keys {
            // A duplicate id keeps its first place.
            if let std::collections::btree_map::Entry::Vacant(v) = stacks.at.entry(k) {
                v.insert(stacks.keys.len());
                stacks.keys.push(k);
                stacks.minutes.push(vec![0; weeks]);
            }
        }
        stacks
    }
    /// Adds minutes to a key's week; a link to an item not in the plan is left out.
    fn add(&mut self, key: Key, week: usize, minutes: u32) {
        if let Some(slot) = self
            .at
            .get(&key)
            .and_then(|&i| self.minutes.get_mut(i))
            .and_then(|v| v.get_mut(week))
        {
            add_to(slot, minutes);
        }
    }
    fn add_none(&mut self, week: usize, minutes: u32) {
        if let Some(slot) = self.none.get_mut(week) {
            add_to(slot, minutes);
        }
    }
    fn into_weekly(self, weeks: Vec<Date>, total: Vec<u32>) -> Weekly {
        let series = self
            .keys
            .into_iter()
            .map(Some)
            .zip(self.minutes)
            .chain(std::iter::once((None, self.none)))
            .filter(|(_, m)| m.iter().any(|x| *x > 0))
            .map(|(key, minutes)| WeekSeries { key, minutes })
            .collect();
        Weekly {
            weeks,
            total,
            series,
        }
    }
}

/// Hours so far on each goal of the plan with time logged, at each such day.
pub(super) fn cumulative_hours(plan: &Plan, totals: &LogTotals) -> Vec<(GoalId, Vec<(Date, f64)>)> {
    let mut seen = std::collections::HashSet::new();
    plan.goals
        .iter()
        .filter(|g| seen.insert(g.id))
        .filter_map(|g| {
            let days = &totals.goals.get(&g.id)?.days;
            let mut sum = 0_u64;
            let points = days
                .iter()
                .map(|(d, t)| {
                    sum += u64::from(t.minutes);
                    (*d, sum as f64 / 60.0)
                })
                .collect();
            Some((g.id, points))
        })
        .collect()
}

/// Counts at each distinct day of sorted `days`: (day, how many up to it).
fn cumulative(days: &[Date]) -> Vec<(Date, u32)> {
    let mut out: Vec<(Date, u32)> = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let count = u32::try_from(i + 1).unwrap_or(u32::MAX);
        match out.last_mut() {
            Some(last) if last.0 == *d => last.1 = count,
            _ => out.push((*d, count)),
        }
    }
    out
}

/// Milestones done (up to today) against milestones due.
pub(super) fn burn_up(plan: &Plan, today: Date) -> BurnUp {
    let milestones = || plan.goals.iter().flat_map(|g| &g.milestones);
    let mut done: Vec<Date> = milestones()
        .filter_map(|m| m.done)
        .filter(|d| *d <= today)
        .collect();
    let mut due: Vec<Date> = milestones().filter_map(|m| m.due).collect();
    done.sort_unstable();
    due.sort_unstable();
    let total = milestones().count();
    let pace = due.first().zip(due.last()).map(|(first_due, last)| {
        let first = done.first().map_or(*first_due, |d| (*d).min(*first_due));
        [(first, 0.0), (*last, total as f64)]
    });
    let recent = done.len() - done.partition_point(|d| *d < days_ago(today, 89));
    let remaining = total.saturating_sub(done.len());
    BurnUp {
        projected_finish: (remaining > 0)
            .then(|| project(today, remaining as f64, recent as f64, 90.0))
            .flatten(),
        done: cumulative(&done),
        planned: cumulative(&due),
        total: u32::try_from(total).unwrap_or(u32::MAX),
        pace,
    }
}

/// Readiness at each date up to today a required skill's level changed, and today.
pub(super) fn readiness_over_time(plan: &Plan, role: &Role, today: Date) -> Vec<(Date, f64)> {
    let mut dates: Vec<Date> = role
        .requires
        .iter()
        .filter_map(|q| plan.skill(q.skill))
        .flat_map(|s| s.history.iter().map(|c| c.date))
        .filter(|d| *d <= today)
        .chain([today])
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| {
            (
                d,
                metrics::readiness_on(plan, role, d).map_or(0.0, |r| r.score),
            )
        })
        .collect()
}

/// Minutes by kind for every month from the first logged to the last.
pub(super) fn balance(totals: &LogTotals) -> Vec<MonthKinds> {
    let (Some(first), Some(last)) = (
        totals.months.keys().next(),
        totals.months.keys().next_back(),
    ) else {
        return Vec::new();
    };
    first
        .series(1.month())
        .take_while(|d| d <= last)
        .map(|month| MonthKinds {
            month,
            minutes: totals.months.get(&month).copied().unwrap_or_default(),
        })
        .collect()
}

/// The heat map's first Monday and minutes per day for 52 weeks.
pub(super) fn heat(totals: &LogTotals, today: Date) -> (Option<Date>, Vec<u32>) {
    let Ok(start) = metrics::week_start(today).checked_sub(51.weeks()) else {
        return (None, Vec::new());
    };
    let days = start
        .series(1.day())
        .take(52 * 7)
        .map(|d| totals.days.get(&d).copied().unwrap_or(0))
        .collect();
    (Some(start), days)
}

/// Minutes on a skill in the last 90 days, and in each 30 of them.
pub(super) fn skill_recent(totals: &LogTotals, skill: SkillId, today: Date) -> (u32, [u32; 3]) {
    let span = |from: i64, to: i64| {
        totals.skill_minutes(skill, days_ago(today, from), days_ago(today, to))
    };
    let spans = [span(89, 60), span(59, 30), span(29, 0)];
    (spans.iter().fold(0, |s, m| s.saturating_add(*m)), spans)
}

/// A skill's level as steps: (date, level) at each recorded change up to
/// `to` (later-dated changes are plans, left out), sorted by date. Before
/// its first record the level is unknown, so the steps start there, or at
/// `from` with the level it had then. Empty for a skill not in the plan
/// or not recorded by `to`.
pub fn level_steps(plan: &Plan, skill: SkillId, from: Date, to: Date) -> Vec<(Date, u8)> {
    let Some(skill) = plan.skill(skill) else {
        return Vec::new();
    };
    let mut changes: Vec<(Date, usize, u8)> = skill
        .history
        .iter()
        .enumerate()
        .filter(|(_, c)| c.date <= to)
        .map(|(i, c)| (c.date, i, c.level.0))
        .collect();
    // Within a day the later-written change stands (as in `Skill::level_on`).
    changes.sort_unstable_by_key(|&(d, i, _)| (d, i));
    let mut steps: Vec<(Date, u8)> = Vec::with_capacity(changes.len() + 1);
    for (d, _, level) in changes {
        let d = d.max(from);
        match steps.last_mut() {
            Some(last) if last.0 == d => last.1 = level,
            _ => steps.push((d, level)),
        }
    }
    steps
}

/// A skill's level rising between two recorded levels: evidence of growth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelRise<'a> {
    pub date: Date,
    pub from: Level,
    pub to: Level,
    pub evidence: &'a str,
}

/// The rises in a skill's recorded level dated `from..=to`, oldest first.
/// The first level ever recorded is where the person started, not a rise,
/// and a level recorded lower than the one before is not one either. Within
/// a day the later-written change stands (as in `Skill::level_on`).
pub fn level_rises(skill: &Skill, from: Date, to: Date) -> Vec<LevelRise<'_>> {
    let mut changes: Vec<(usize, &crate::model::plan::LevelChange)> =
        skill.history.iter().enumerate().collect();
    changes.sort_by_key(|(i, c)| (c.date, *i));
    // Each day's last change only.
    let days: Vec<&crate::model::plan::LevelChange> = changes
        .iter()
        .enumerate()
        .filter(|(k, (_, c))| changes.get(k + 1).is_none_or(|(_, n)| n.date != c.date))
        .map(|(_, (_, c))| *c)
        .collect();
    days.windows(2)
        .filter_map(|w| {
            let (before, c) = (w[0], w[1]);
            (c.level > before.level && from <= c.date && c.date <= to).then_some(LevelRise {
                date: c.date,
                from: before.level,
                to: c.level,
                evidence: &c.evidence,
            })
        })
        .collect()
}
