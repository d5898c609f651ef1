//! The numbers behind the Insights plots and the progress shown in other
//! views: how logged days add up to skill levels, goals, milestones and
//! target roles. No egui here.
//!
//! Two layers, so a 100,000-entry plan stays cheap:
//! - [`LogTotals`]: sums over the log by day, week, month, skill, goal and
//!   kind. Built once from the log and grown with [`LogTotals::add`] when
//!   entries are appended; its size follows the number of days, not entries.
//! - [`Insights`]: everything the views draw, computed from the plan and the
//!   totals in time proportional to days, goals and skills (never entries).
//!
//! Weeks start on Monday (`metrics::week_start`), months on the 1st.

use super::ids::{GoalId, RoleId, SkillId};
use super::metrics::{self, Readiness};
use super::plan::{
    ExperienceKind, Goal, GoalStatus, Level, LogEntry, Measure, Plan, Role, Skill, Stage,
};
use jiff::civil::Date;
use jiff::{Span, ToSpan};
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound::{Excluded, Unbounded};

/// How the days before today are judged against the ideal pace line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceStatus {
    /// At least 0.95 of the ideal progress by today.
    OnTrack,
    /// From 0.75 up to 0.95 of ideal.
    Behind,
    /// Below 0.75 of ideal.
    AtRisk,
}

impl PaceStatus {
    /// The status for `actual` progress against `ideal` progress by today
    /// (same unit). An ideal of 0 or less (not started yet) is on track.
    pub fn of(actual: f64, ideal: f64) -> Self {
        if ideal.is_nan() || ideal <= 0.0 {
            return Self::OnTrack;
        }
        // A ratio, not `actual >= 0.95 * ideal`: 95 of 100 is exactly 0.95.
        let ratio = actual / ideal;
        if ratio >= 0.95 {
            Self::OnTrack
        } else if ratio >= 0.75 {
            Self::Behind
        } else {
            Self::AtRisk
        }
    }
    /// "On track", "Behind", "At risk".
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTrack => "On track",
            Self::Behind => "Behind",
            Self::AtRisk => "At risk",
        }
    }
}

/// What a goal's progress is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressUnit {
    /// Logged minutes against `Measure::Hours(N)` (target in minutes).
    Minutes,
    /// Linked log entries against `Measure::Count(N)`.
    Entries,
    /// Milestones done against all milestones (a goal without a measure).
    Milestones,
}

/// A goal's progress toward its measure (or its milestones), and its pace.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    pub goal: GoalId,
    pub unit: ProgressUnit,
    /// Minutes, entries or milestones done so far (up to today).
    pub done: f64,
    /// Minutes (N hours x 60), entries or milestones to reach. 0 when the
    /// goal has no measure and no milestones.
    pub target: f64,
    /// Where the pace line says it should be today: `target` x the share of
    /// the time from its start to its due date that has passed (clamped to
    /// 0..=target). The start is `goal.start`, else its first linked entry's
    /// day or first milestone due date, else today. `None` without a due date
    /// or a target.
    pub ideal_by_today: Option<f64>,
    /// `PaceStatus::of(done, ideal)`; `None` when `ideal_by_today` is.
    /// A goal that is Done (status) or has reached its target is `OnTrack`.
    pub status: Option<PaceStatus>,
    /// When the target would be reached at the rate of the last 28 days
    /// (`None`: reached already, no target, or no progress in 28 days).
    pub projected: Option<Date>,
}

impl GoalProgress {
    /// "45 min of 60 h", "12 h 30 min of 60 h", "3 of 5 entries",
    /// "2 of 5 milestones", or "" without a target.
    pub fn text(&self) -> String {
        if self.target <= 0.0 {
            return String::new();
        }
        let (done, target) = (whole(self.done), whole(self.target));
        match self.unit {
            ProgressUnit::Minutes => {
                format!("{} of {} h", duration(done), whole(self.target / 60.0))
            }
            ProgressUnit::Entries => {
                let noun = if target == 1 { "entry" } else { "entries" };
                format!("{done} of {target} {noun}")
            }
            ProgressUnit::Milestones => {
                let noun = if target == 1 {
                    "milestone"
                } else {
                    "milestones"
                };
                format!("{done} of {target} {noun}")
            }
        }
    }
    /// `done / target` in 0.0..=1.0 (0 without a target).
    pub fn share(&self) -> f64 {
        if self.target > 0.0 {
            (self.done / self.target).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

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
    /// The share over this week and the 3 before it, weighted by minutes.
    pub rolling: f64,
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

/// When a target role's required levels would all be met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Every required level is met today.
    Ready,
    /// All met by this day at the recent pace.
    On(Date),
    /// At the recent pace some skill never gets there; the slowest named.
    NotAtThisPace { slowest: SkillId },
    /// The role lists no required skills.
    NoRequirements,
}

impl Arrival {
    /// "At this pace, ready by 3 Mar 2027.", "Ready now: …", "Not at this
    /// pace: Budgeting is not moving.": what views and reports say.
    pub fn text(self, plan: &Plan) -> String {
        match self {
            Arrival::Ready => "Ready now: every required level is met.".to_string(),
            Arrival::On(d) => format!("At this pace, ready by {}.", d.strftime("%-d %b %Y")),
            Arrival::NotAtThisPace { slowest } => format!(
                "Not at this pace: {} is not moving.",
                plan.skill(slowest).map_or("a skill", |s| s.name.as_str())
            ),
            Arrival::NoRequirements => "Lists no required skills yet.".to_string(),
        }
    }
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
    let mut changes: Vec<(usize, &super::plan::LevelChange)> =
        skill.history.iter().enumerate().collect();
    changes.sort_by_key(|(i, c)| (c.date, *i));
    // Each day's last change only.
    let days: Vec<&super::plan::LevelChange> = changes
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

/// How one required skill is moving toward a role's level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SkillPace {
    pub skill: SkillId,
    /// Levels still to go (0 when met).
    pub gap: u8,
    /// Levels a day at the recent pace (see [`forecast`]).
    pub levels_per_day: f64,
    /// When the gap closes at that pace (`None` if never, or met).
    pub arrives: Option<Date>,
}

/// A target role's forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub role: RoleId,
    pub arrival: Arrival,
    pub skills: Vec<SkillPace>,
}

/// One target role (`Next`, `LongTerm` or `Alternative`) in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleOption {
    pub role: RoleId,
    /// Sum of the levels still to go over its required skills.
    pub total_gap: u32,
    pub readiness: Option<Readiness>,
    pub forecast: Forecast,
}

/// Minutes by kind of experience in one month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthKinds {
    /// The 1st of the month.
    pub month: Date,
    /// Minutes per kind, in the order of `ExperienceKind::ALL`.
    pub minutes: [u32; 5],
}

/// How many distinct logged days back a skill a target role needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub skill: SkillId,
    pub days: u32,
    /// The target roles that require the skill.
    pub roles: Vec<RoleId>,
}

/// Sums over the log, grown entry by entry.
#[derive(Clone, Debug, Default)]
pub struct LogTotals {
    /// Entries added so far.
    len: usize,
    /// Minutes per day.
    days: BTreeMap<Date, u32>,
    /// By Monday.
    weeks: BTreeMap<Date, WeekTotals>,
    /// Minutes per kind (in `ExperienceKind::ALL` order), by the 1st of the month.
    months: BTreeMap<Date, [u32; 5]>,
    /// Minutes per day on each skill.
    skills: BTreeMap<SkillId, BTreeMap<Date, u32>>,
    goals: BTreeMap<GoalId, GoalTotals>,
    /// The last entry's day with its Monday and month: entries come mostly in
    /// date order, so most of them need no calendar arithmetic.
    last: Option<(Date, Date, Date)>,
}

/// One week of the log.
#[derive(Clone, Debug, Default)]
struct WeekTotals {
    minutes: u32,
    /// Minutes of entries linked to no goal.
    no_goal: u32,
    /// Minutes of entries linked to no skill.
    no_skill: u32,
    /// Minutes per goal and per skill, sorted by id (short, and read often).
    goals: Vec<(GoalId, u32)>,
    skills: Vec<(SkillId, u32)>,
    /// Minutes of entries with skills but no goal, by their skills as
    /// written: alignment depends on which skills the next role requires,
    /// which the plan can change without touching the log.
    goalless: BTreeMap<Vec<SkillId>, u32>,
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
#[derive(Clone, Copy, Debug, Default)]
struct GoalDay {
    minutes: u32,
    entries: u32,
}

/// A goal's time in all, and per day.
#[derive(Clone, Debug, Default)]
struct GoalTotals {
    /// Minutes and entries on every day (wider than a day's, to hold many days).
    minutes: u64,
    entries: u64,
    days: BTreeMap<Date, GoalDay>,
}

/// Adds without overflowing (minutes from a hand-edited file can be huge).
fn add_to(total: &mut u32, minutes: u32) {
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
    fn skill_days(&self, skill: SkillId, today: Date) -> u32 {
        // Counted from the end: days after today are few or none.
        self.skills.get(&skill).map_or(0, |days| {
            let later = days.range((Excluded(today), Unbounded)).count();
            u32::try_from(days.len() - later).unwrap_or(u32::MAX)
        })
    }
    /// A goal's minutes and entries dated `from..=to`.
    fn goal_time(&self, goal: GoalId, from: Date, to: Date) -> (u64, u64) {
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
    /// The first day with time on a goal.
    fn goal_first_day(&self, goal: GoalId) -> Option<Date> {
        self.goals.get(&goal)?.days.keys().next().copied()
    }
    /// Minutes logged on the days `from..=to`.
    pub fn minutes_between(&self, from: Date, to: Date) -> u64 {
        if from > to {
            return 0;
        }
        self.days.range(from..=to).map(|(_, m)| u64::from(*m)).sum()
    }
    /// The latest day up to `today` with an entry (later days are plans,
    /// not logged days).
    pub fn last_day(&self, today: Date) -> Option<Date> {
        self.days.range(..=today).next_back().map(|(d, _)| *d)
    }
}

/// Everything the Insights view and the progress in other views draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Insights {
    /// For every goal, in plan order.
    pub goals: Vec<GoalProgress>,
    pub weekly_by_goal: Weekly,
    pub weekly_by_skill: Weekly,
    /// Cumulative hours per goal: (goal, [(day, hours so far)]) at each day
    /// with time on it, oldest first.
    pub cumulative_hours: Vec<(GoalId, Vec<(Date, f64)>)>,
    pub alignment: Vec<AlignedWeek>,
    pub burn_up: BurnUp,
    /// Readiness for each target role over time: a point at every date a
    /// required skill's level changed, and today.
    pub readiness_over_time: Vec<(RoleId, Vec<(Date, f64)>)>,
    /// The target roles side by side (`Next` first, then `LongTerm`, then
    /// `Alternative`), and the skills two or more of them require.
    pub options: Vec<RoleOption>,
    pub shared_skills: Vec<(SkillId, Vec<RoleId>)>,
    pub balance: Vec<MonthKinds>,
    /// Minutes per day for the 52 whole weeks up to and including today's
    /// week: `heat_start` is a Monday, and `heat[i]` is day `heat_start + i`.
    pub heat_start: Option<Date>,
    pub heat: Vec<u32>,
    pub evidence: Vec<Evidence>,
    /// Minutes on each skill in the last 90 days, and in the three 30-day
    /// spans before today (oldest first) for a small trend.
    pub skill_recent: BTreeMap<SkillId, (u32, [u32; 3])>,
}

impl Insights {
    /// Everything: [`Insights::summary`] and [`Insights::add_series`].
    pub fn compute(plan: &Plan, totals: &LogTotals, today: Date) -> Self {
        let mut insights = Self::summary(plan, totals, today);
        insights.add_series(plan, totals, today);
        insights
    }

    /// What other views show too, cheap enough for every change: goal
    /// progress, the target roles compared, evidence and recent skill time.
    /// The series over time are left empty.
    pub fn summary(plan: &Plan, totals: &LogTotals, today: Date) -> Self {
        let targets = target_roles(plan);
        let options: Vec<RoleOption> = targets
            .iter()
            .map(|r| {
                let forecast = forecast(plan, totals, r, today);
                RoleOption {
                    role: r.id,
                    total_gap: forecast.skills.iter().map(|s| u32::from(s.gap)).sum(),
                    readiness: metrics::readiness_on(plan, r, today),
                    forecast,
                }
            })
            .collect();
        let required = required_skills(&targets);
        Self {
            goals: plan
                .goals
                .iter()
                .map(|g| goal_progress(plan, totals, g, today))
                .collect(),
            options,
            shared_skills: required
                .iter()
                .filter(|(_, roles)| roles.len() > 1)
                .cloned()
                .collect(),
            evidence: required
                .into_iter()
                .map(|(skill, roles)| Evidence {
                    skill,
                    days: totals.skill_days(skill, today),
                    roles,
                })
                .collect(),
            skill_recent: plan
                .skills
                .iter()
                .map(|s| (s.id, skill_recent(totals, s.id, today)))
                .collect(),
            ..Self::default()
        }
    }

    /// The open goals at risk (below 0.75 of their pace line), in plan
    /// order: a goal marked Done or Dropped is not at risk any more.
    pub fn goals_at_risk<'a>(&self, plan: &'a Plan) -> Vec<&'a Goal> {
        self.goals
            .iter()
            .filter(|p| p.status == Some(PaceStatus::AtRisk))
            .filter_map(|p| plan.goal(p.goal))
            .filter(|g| !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped))
            .collect()
    }

    /// The series over time that only the Insights plots draw: weekly
    /// stacks, cumulative hours, alignment, burn-up, readiness over time,
    /// balance and the heat map.
    pub fn add_series(&mut self, plan: &Plan, totals: &LogTotals, today: Date) {
        let next_needs: Vec<SkillId> = metrics::next_role(plan)
            .map(|r| r.requires.iter().map(|q| q.skill).collect())
            .unwrap_or_default();
        let (weekly_by_goal, weekly_by_skill, alignment) = weekly(plan, totals, &next_needs);
        let (heat_start, heat) = heat(totals, today);
        self.weekly_by_goal = weekly_by_goal;
        self.weekly_by_skill = weekly_by_skill;
        self.alignment = alignment;
        self.cumulative_hours = cumulative_hours(plan, totals);
        self.burn_up = burn_up(plan, today);
        self.readiness_over_time = target_roles(plan)
            .iter()
            .filter(|r| !r.requires.is_empty())
            .map(|r| (r.id, readiness_over_time(plan, r, today)))
            .collect();
        self.balance = balance(totals);
        self.heat_start = heat_start;
        self.heat = heat;
    }
}

/// The day `n` days after `day` (before, for a negative `n`); `None` past
/// the ends of the calendar.
fn add_days(day: Date, n: i64) -> Option<Date> {
    day.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// The day `n` days before `today`, or the first day of the calendar.
fn days_ago(today: Date, n: i64) -> Date {
    add_days(today, -n).unwrap_or(Date::MIN)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |s| i64::from(s.get_days()))
}

/// When `remaining` is reached at the pace of `amount` done in the last
/// `span` days: the whole days needed after `today`. `None` without a pace,
/// or past the end of the calendar.
fn project(today: Date, remaining: f64, amount: f64, span: f64) -> Option<Date> {
    // The product is exact for whole numbers, so a whole quotient stays whole.
    let days = (remaining * span / amount).ceil();
    // The calendar holds fewer than 4 million days; the bound also makes the cast exact.
    if !(0.0..4e6).contains(&days) {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a whole number below 4e6, checked above"
    )]
    add_days(today, days as i64)
}

/// A non-negative count shown as a whole number (rounded; 0 for NaN).
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "float to int casts saturate, and the values are counts"
)]
fn whole(x: f64) -> u64 {
    x.round() as u64
}

/// "45 min", "2 h", "12 h 30 min".
pub fn duration(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A kind's place in `ExperienceKind::ALL`.
fn kind_index(kind: ExperienceKind) -> usize {
    match kind {
        ExperienceKind::Learning => 0,
        ExperienceKind::Relationship => 1,
        ExperienceKind::Mentoring => 2,
        ExperienceKind::BeyondDuty => 3,
        ExperienceKind::Routine => 4,
    }
}

/// The roles aimed at: `Next` (the next role first), `LongTerm`, then
/// `Alternative`, in plan order within each stage.
pub fn target_roles(plan: &Plan) -> Vec<&Role> {
    let next = metrics::next_role(plan).map(|r| r.id);
    let mut roles: Vec<&Role> = plan
        .roles
        .iter()
        .filter(|r| matches!(r.stage, Stage::Next | Stage::LongTerm | Stage::Alternative))
        .collect();
    roles.sort_by_key(|r| (r.stage, Some(r.id) != next));
    roles
}

/// Every skill the target roles require, in the order they are first named,
/// with the roles that require it.
fn required_skills(targets: &[&Role]) -> Vec<(SkillId, Vec<RoleId>)> {
    let mut skills: Vec<(SkillId, Vec<RoleId>)> = Vec::new();
    let mut at: HashMap<SkillId, usize> = HashMap::new();
    for r in targets {
        for q in &r.requires {
            let i = *at.entry(q.skill).or_insert_with(|| {
                skills.push((q.skill, Vec::new()));
                skills.len() - 1
            });
            if let Some((_, roles)) = skills.get_mut(i)
                && !roles.contains(&r.id)
            {
                roles.push(r.id);
            }
        }
    }
    skills
}

/// The weekly bars by goal and by skill, and the alignment of each week
/// with the goals and the skills in `next_needs`.
fn weekly(
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
                rolling: share(sum(aligned), sum(minutes)),
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
fn cumulative_hours(plan: &Plan, totals: &LogTotals) -> Vec<(GoalId, Vec<(Date, f64)>)> {
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
fn burn_up(plan: &Plan, today: Date) -> BurnUp {
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
fn readiness_over_time(plan: &Plan, role: &Role, today: Date) -> Vec<(Date, f64)> {
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
fn balance(totals: &LogTotals) -> Vec<MonthKinds> {
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
fn heat(totals: &LogTotals, today: Date) -> (Option<Date>, Vec<u32>) {
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
fn skill_recent(totals: &LogTotals, skill: SkillId, today: Date) -> (u32, [u32; 3]) {
    let span = |from: i64, to: i64| {
        totals.skill_minutes(skill, days_ago(today, from), days_ago(today, to))
    };
    let spans = [span(89, 60), span(59, 30), span(29, 0)];
    (spans.iter().fold(0, |s, m| s.saturating_add(*m)), spans)
}

/// A skill's level as steps: (date, level) at each recorded change up to
/// `to` (later-dated changes are plans, left out), starting at level 0 on
/// `from` when the history starts later. Sorted by date.
/// Empty for a skill not in the plan.
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
    let mut steps = Vec::with_capacity(changes.len() + 1);
    if changes.first().is_none_or(|c| c.0 > from) {
        steps.push((from, 0));
    }
    for (d, _, level) in changes {
        match steps.last_mut() {
            Some(last) if last.0 == d => last.1 = level,
            _ => steps.push((d, level)),
        }
    }
    steps
}

/// A goal's progress on `today` (see [`GoalProgress`]).
pub fn goal_progress(_plan: &Plan, totals: &LogTotals, goal: &Goal, today: Date) -> GoalProgress {
    let (unit, target) = match goal.measure {
        Some(Measure::Hours(h)) => (ProgressUnit::Minutes, u64::from(h) * 60),
        Some(Measure::Count(n)) => (ProgressUnit::Entries, u64::from(n)),
        None => (ProgressUnit::Milestones, goal.milestones.len() as u64),
    };
    let done_in = |from: Date, to: Date| -> u64 {
        match unit {
            ProgressUnit::Minutes => totals.goal_time(goal.id, from, to).0,
            ProgressUnit::Entries => totals.goal_time(goal.id, from, to).1,
            ProgressUnit::Milestones => goal
                .milestones
                .iter()
                .filter(|m| m.done.is_some_and(|d| from <= d && d <= to))
                .count() as u64,
        }
    };
    let done = done_in(Date::MIN, today);
    let reached = goal.status == GoalStatus::Done || (target > 0 && done >= target);
    let start = goal
        .start
        .or_else(|| {
            let first_due = goal.milestones.iter().filter_map(|m| m.due).min();
            totals
                .goal_first_day(goal.id)
                .into_iter()
                .chain(first_due)
                .min()
        })
        .unwrap_or(today);
    let ideal_by_today = goal
        .due
        .filter(|_| target > 0)
        .map(|due| target as f64 * elapsed(start, due, today));
    GoalProgress {
        goal: goal.id,
        unit,
        done: done as f64,
        target: target as f64,
        ideal_by_today,
        status: ideal_by_today.map(|ideal| {
            if reached {
                PaceStatus::OnTrack
            } else {
                PaceStatus::of(done as f64, ideal)
            }
        }),
        projected: if reached || target == 0 {
            None
        } else {
            let recent = done_in(days_ago(today, 27), today);
            project(today, (target - done) as f64, recent as f64, 28.0)
        },
    }
}

/// The share of the time from `start` to `due` passed by `today`, in 0..=1
/// (1 from the due day on).
fn elapsed(start: Date, due: Date, today: Date) -> f64 {
    if today >= due {
        1.0
    } else if today <= start {
        0.0
    } else {
        days_between(start, today) as f64 / days_between(start, due) as f64
    }
}

/// A target role's forecast. A skill's recent pace is its level gains in
/// the last 180 days / 180 (levels a day); if it gained none but has logged
/// time in the last 90 days, hours a day / [`HOURS_PER_LEVEL`] (40) instead.
/// A skill with a gap and no pace makes `NotAtThisPace` (the one with the
/// largest gap named); otherwise the arrival is the latest skill's date.
pub fn forecast(plan: &Plan, totals: &LogTotals, role: &Role, today: Date) -> Forecast {
    let window_before = days_ago(today, 180);
    let hours_from = days_ago(today, 89);
    let skills: Vec<SkillPace> = role
        .requires
        .iter()
        .map(|q| {
            let skill = plan.skill(q.skill);
            let have = skill.map_or(Level(0), |s| s.level_on(today));
            let gap = q.level.0.saturating_sub(have.0);
            // A skill first recorded within the window starts there: its
            // first level is where the person began, not a gain.
            let then = skill.map_or(Level(0), |s| match s.history.first() {
                Some(first) if first.date > window_before => first.level,
                _ => s.level_on(window_before),
            });
            let gains = have.0.saturating_sub(then.0);
            // Levels gained over a span of days, or logged time at HOURS_PER_LEVEL.
            let (amount, span) = if gains > 0 {
                (f64::from(gains), 180.0)
            } else {
                let minutes = totals.skill_minutes(q.skill, hours_from, today);
                (f64::from(minutes), 90.0 * 60.0 * HOURS_PER_LEVEL)
            };
            SkillPace {
                skill: q.skill,
                gap,
                levels_per_day: amount / span,
                arrives: (gap > 0 && amount > 0.0)
                    .then(|| project(today, f64::from(gap), amount, span))
                    .flatten(),
            }
        })
        .collect();
    let stuck = skills
        .iter()
        .filter(|s| s.gap > 0 && s.arrives.is_none())
        .fold(None::<&SkillPace>, |slowest, s| match slowest {
            Some(w) if w.gap >= s.gap => Some(w),
            _ => Some(s),
        });
    let arrival = if role.requires.is_empty() {
        Arrival::NoRequirements
    } else if let Some(s) = stuck {
        Arrival::NotAtThisPace { slowest: s.skill }
    } else {
        skills
            .iter()
            .filter_map(|s| s.arrives)
            .max()
            .map_or(Arrival::Ready, Arrival::On)
    };
    Forecast {
        role: role.id,
        arrival,
        skills,
    }
}

/// Hours of logged time the forecast assumes a level takes, when a skill
/// has time logged but no recent level gain.
pub const HOURS_PER_LEVEL: f64 = 40.0;

#[cfg(test)]
#[path = "insights_tests.rs"]
mod tests;
