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
use super::metrics::Readiness;
use super::plan::{Goal, LogEntry, Plan, Role};
use jiff::civil::Date;
use std::collections::BTreeMap;

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
        todo!()
    }
    /// "On track", "Behind", "At risk".
    pub fn label(self) -> &'static str {
        todo!()
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
        todo!()
    }
    /// `done / target` in 0.0..=1.0 (0 without a target).
    pub fn share(&self) -> f64 {
        todo!()
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

/// One target role (Next, LongTerm or Alternative) in the comparison.
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
    // Private maps are yours to choose; at least: minutes per day, per
    // (week, goal), (week, skill), week with no goal / no skill, per (month,
    // kind), per (day, skill) or the distinct days per skill, per goal
    // (minutes, entries, first day).
}

impl LogTotals {
    pub fn new(plan: &Plan) -> Self {
        todo!()
    }
    /// Adds one entry (appended to the log).
    pub fn add(&mut self, entry: &LogEntry) {
        todo!()
    }
    /// Number of entries added so far.
    pub fn len(&self) -> usize {
        todo!()
    }
    /// Minutes logged on `skill` between `from` and `to` (inclusive).
    pub fn skill_minutes(&self, skill: SkillId, from: Date, to: Date) -> u32 {
        todo!()
    }
}
}

/// Everything the Insights view and the progress in other views draw.
#[derive(Clone, Debug, Default)]
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
    /// The target roles side by side (Next first, then LongTerm, then
    /// Alternative), and the skills two or more of them require.
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
    pub fn compute(plan: &Plan, totals: &LogTotals, today: Date) -> Self {
        todo!()
    }
}

/// A skill's level as steps: (date, level) at each recorded change up to
/// `to` (later-dated changes are plans, left out), starting at level 0 on
/// `from` when the history starts later. Sorted by date.
pub fn level_steps(plan: &Plan, skill: SkillId, from: Date, to: Date) -> Vec<(Date, u8)> {
    todo!()
}

/// A goal's progress on `today` (see [`GoalProgress`]).
pub fn goal_progress(plan: &Plan, totals: &LogTotals, goal: &Goal, today: Date) -> GoalProgress {
    todo!()
}

/// A target role's forecast. A skill's recent pace is its level gains in
/// the last 180 days / 180 (levels a day); if it gained none but has logged
/// time in the last 90 days, hours_per_day / HOURS_PER_LEVEL (40) instead.
/// A skill with a gap and no pace makes `NotAtThisPace` (the one with the
/// largest gap named); otherwise the arrival is the latest skill's date.
pub fn forecast(plan: &Plan, totals: &LogTotals, role: &Role, today: Date) -> Forecast {
    todo!()
}

/// Hours of logged time the forecast assumes a level takes, when a skill
/// has time logged but no recent level gain.
pub const HOURS_PER_LEVEL: f64 = 40.0;
