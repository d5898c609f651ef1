//! [`LogTotals`]: sums over the log by day, week, month, skill, goal and
//! kind, grown entry by entry.

use crate::model::ids::{GoalId, SkillId};
use crate::model::metrics;
use crate::model::plan::{ExperienceKind, LogEntry, Plan};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Unbounded};

/// Sums over the log, grown entry by entry.
#[derive(Clone, Debug, Default)]
pub struct LogTotals {
    /// Entries added so far.
    pub(super) len: usize,
    /// Minutes per day.
    pub(super) days: BTreeMap<Date, u32>,
    /// By Monday.
    pub(super) weeks: BTreeMap<Date, WeekTotals>,
    /// Minutes per kind (in `ExperienceKind::ALL` order), by the 1st of the month.
    pub(super) months: BTreeMap<Date, [u32; 5]>,
    /// Minutes per day on each skill.
    pub(super) skills: BTreeMap<SkillId, BTreeMap<Date, u32>>,
    pub(super) goals: BTreeMap<GoalId, GoalTotals>,
    /// The last entry's day with its Monday and month: entries come mostly in
    /// date order, so most of them need no calendar arithmetic.
    last: Option<(Date, Date, Date)>,
}

/// One week of the log.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct WeekTotals {
    pub(super) minutes: u32,
    /// Minutes of entries linked to no goal.
    pub(super) no_goal: u32,
    /// Minutes of entries linked to no skill.
    pub(super) no_skill: u32,
    /// Minutes per goal and per skill, sorted by id (short, and read often).
    pub(super) goals: Vec<(GoalId, u32)>,
    pub(super) skills: Vec<(SkillId, u32)>,
    /// Minutes of entries with skills but no goal, by their skills as
    /// written: alignment depends on which skills the next role requires,
    /// which the plan can change without touching the log.
    pub(super) goalless: BTreeMap<Vec<SkillId>, u32>,
}

impl WeekTotals {
    /// Adds an entry's minutes, but not yet per goal and skill (see [`LogTotals::add_day`]).
    fn add(&mut self, e: &LogEntry) {
        let m = e.minutes;
        add_to(&mut self.minutes, m);
        if e.goals.is_empty() {
            add_to(&mut self.no_goal, m);
            if !e.skills.is_empty() {
                match self.goalless.get_mut(e.skills.as_slice()) {
                    Some(total) => add_to(total, m),
                    None => {
                        self.goalless.insert(e.skills.clone(), m);
                    }
                }
            }
        }
        if e.skills.is_empty() {
            add_to(&mut self.no_skill, m);
        }
    }
}

/// Adds minutes to `key` in a list sorted by key.
fn add_sorted<K: Ord + Copy>(list: &mut Vec<(K, u32)>, key: K, minutes: u32) {
    match list.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(i) => add_to(&mut list[i].1, minutes),
        Err(i) => list.insert(i, (key, minutes)),
    }
}

/// A goal's time on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct GoalDay {
    pub(super) minutes: u32,
    pub(super) entries: u32,
}

/// A goal's time in all, and per day.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct GoalTotals {
    /// Minutes and entries on every day (wider than a day's, to hold many days).
    pub(super) minutes: u64,
    pub(super) entries: u64,
    pub(super) days: BTreeMap<Date, GoalDay>,
}

/// Adds without overflowing (minutes from a hand-edited file can be huge).
pub(super) fn add_to(total: &mut u32, minutes: u32) {
    *total = total.saturating_add(minutes);
}

impl LogTotals {
    pub fn new(plan: &Plan) -> Self {
        let mut totals = Self::default();
        // A day's entries mostly sit together: each run of them costs one
        // look-up per total instead of one per entry.
        for day in plan.log.chunk_by(|a, b| a.date == b.date) {
            totals.add_day(day);
        }
        totals
    }
    /// Adds one entry (appended to the log).
    pub fn add(&mut self, entry: &LogEntry) {
        self.add_day(std::slice::from_ref(entry));
    }
    /// Adds entries that all fall on the first one's day.
    fn add_day(&mut self, entries: &[LogEntry]) {
        let Some(day) = entries.first().map(|e| e.date) else {
            return;
        };
        self.len += entries.len();
        let (monday, month) = match self.last {
            Some((d, w, mo)) if d == day => (w, mo),
            _ => {
                let found = (metrics::week_start(day), day.first_of_month());
                self.last = Some((day, found.0, found.1));
                found
            }
        };
        let minutes = self.days.entry(day).or_default();
        let kinds = self.months.entry(month).or_default();
        let week = self.weeks.entry(monday).or_default();
        let mut goals: Vec<(GoalId, u32)> = Vec::new();
        let mut skills: Vec<(SkillId, u32)> = Vec::new();
        for e in entries {
            let m = e.minutes;
            add_to(minutes, m);
            add_to(&mut kinds[kind_index(e.kind)], m);
            week.add(e);
            goals.extend(e.goals.iter().map(|g| (*g, m)));
            skills.extend(e.skills.iter().map(|s| (*s, m)));
        }
        goals.sort_unstable_by_key(|(g, _)| *g);
        for run in goals.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(id, _)) = run.first() else {
                continue;
            };
            let g = self.goals.entry(id).or_default();
            let d = g.days.entry(day).or_default();
            let mut in_week = 0;
            for (_, m) in run {
                add_to(&mut d.minutes, *m);
                add_to(&mut d.entries, 1);
                add_to(&mut in_week, *m);
                g.minutes = g.minutes.saturating_add(u64::from(*m));
                g.entries = g.entries.saturating_add(1);
            }
            add_sorted(&mut week.goals, id, in_week);
        }
        skills.sort_unstable_by_key(|(s, _)| *s);
        for run in skills.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(id, _)) = run.first() else {
                continue;
            };
            let d = self.skills.entry(id).or_default().entry(day).or_default();
            let mut in_week = 0;
            for (_, m) in run {
                add_to(d, *m);
                add_to(&mut in_week, *m);
            }
            add_sorted(&mut week.skills, id, in_week);
        }
    }
    /// Whether both hold the same sums (the calendar cache aside).
    #[cfg(test)]
    pub fn same_sums(&self, other: &Self) -> bool {
        self.len == other.len
            && self.days == other.days
            && self.weeks == other.weeks
            && self.months == other.months
            && self.skills == other.skills
            && self.goals == other.goals
    }
    /// Number of entries added so far.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether no entry was added.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Minutes logged on `skill` between `from` and `to` (inclusive).
    pub fn skill_minutes(&self, skill: SkillId, from: Date, to: Date) -> u32 {
        match self.skills.get(&skill) {
            Some(days) if from <= to => days
                .range(from..=to)
                .fold(0, |sum, (_, m)| sum.saturating_add(*m)),
            _ => 0,
        }
    }
    /// Distinct days up to `today` with time logged on `skill`.
    pub(super) fn skill_days(&self, skill: SkillId, today: Date) -> u32 {
        // Counted from the end: days after today are few or none.
        self.skills.get(&skill).map_or(0, |days| {
            let later = days.range((Excluded(today), Unbounded)).count();
            u32::try_from(days.len() - later).unwrap_or(u32::MAX)
        })
    }
    /// A goal's minutes and entries dated `from..=to`.
    pub(super) fn goal_time(&self, goal: GoalId, from: Date, to: Date) -> (u64, u64) {
        let Some(g) = self.goals.get(&goal).filter(|_| from <= to) else {
            return (0, 0);
        };
        let sum = |(m, n): (u64, u64), d: &GoalDay| {
            (
                m.saturating_add(d.minutes.into()),
                n.saturating_add(d.entries.into()),
            )
        };
        if from == Date::MIN {
            // All time up to `to`: the whole, less the few days after `to`.
            let later = g.days.range((Excluded(to), Unbounded)).map(|(_, d)| d);
            let (m, n) = later.fold((0, 0), sum);
            (g.minutes.saturating_sub(m), g.entries.saturating_sub(n))
        } else {
            g.days.range(from..=to).map(|(_, d)| d).fold((0, 0), sum)
        }
    }
    /// The first day with time on a skill.
    pub(super) fn skill_first_day(&self, skill: SkillId) -> Option<Date> {
        self.skills.get(&skill)?.keys().next().copied()
    }
    /// The first day with time on a goal.
    pub(super) fn goal_first_day(&self, goal: GoalId) -> Option<Date> {
        self.goals.get(&goal)?.days.keys().next().copied()
    }
    /// Minutes logged on the days `from..=to`.
    pub fn minutes_between(&self, from: Date, to: Date) -> u64 {
        if from > to {
            return 0;
        }
        self.days.range(from..=to).map(|(_, m)| u64::from(*m)).sum()
    }
    /// The first day with an entry.
    pub fn first_day(&self) -> Option<Date> {
        self.days.keys().next().copied()
    }
    /// The latest day up to `today` with an entry (later days are plans,
    /// not logged days).
    pub fn last_day(&self, today: Date) -> Option<Date> {
        self.days.range(..=today).next_back().map(|(d, _)| *d)
    }
}

/// A kind's place in `ExperienceKind::ALL`.
pub(super) fn kind_index(kind: ExperienceKind) -> usize {
    match kind {
        ExperienceKind::Learning => 0,
        ExperienceKind::Relationship => 1,
        ExperienceKind::Mentoring => 2,
        ExperienceKind::BeyondDuty => 3,
        ExperienceKind::Routine => 4,
    }
}
