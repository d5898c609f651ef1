//! The numbers behind the Insights plots and the progress shown in other
//! views: how logged days add up to skill levels, goals, milestones and
//! target roles. No egui here.
//!
//! Two layers, so a 100,000-entry plan stays cheap:
//! - [`LogTotals`] (`totals.rs`): sums over the log by day, week, month,
//!   skill, goal and kind. Built once from the log and grown with
//!   [`LogTotals::add`] when entries are appended, and updated with
//!   [`LogTotals::replace`] (`replace.rs`) when one entry changes in place;
//!   its size follows the number of days, not entries.
//! - [`Insights`]: everything the views draw, computed from the plan and the
//!   totals in time proportional to days, goals and skills (never entries):
//!   goals' progress and pace (`pace.rs`), target roles' forecasts
//!   (`forecast.rs`), and the series the plots draw over time (`series.rs`).
//!
//! Weeks start on Monday (`metrics::week_start`), months on the 1st.

mod forecast;
mod pace;
mod replace;
mod series;
mod totals;

pub use forecast::{
    CALIBRATE_MINUTES, Forecast, HORIZON_YEARS, HOURS_PER_LEVEL, MIN_DAYS, Outlook, RECENT_DAYS,
    RULE as FORECAST_RULE, Record, SkillPace, Stall, Standing, WINDOW_DAYS, forecast,
};
pub use pace::{
    GoalProgress, MIN_PROJECT_DAYS, PaceStatus, ProgressUnit, Projection, goal_progress,
};
pub use series::{
    AlignedWeek, BurnUp, Key, LevelRise, MonthKinds, StackBy, WeekSeries, Weekly, level_rises,
    level_steps,
};
pub use totals::LogTotals;

use series::{balance, burn_up, cumulative_hours, heat, readiness_over_time, skill_recent, weekly};

use super::ids::{GoalId, RoleId, SkillId};
use super::metrics::{self, Readiness};
use super::plan::{Goal, GoalStatus, Plan, Role, Stage};
use jiff::Span;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};

/// One target role (`Next`, `LongTerm` or `Alternative`) in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleOption {
    pub role: RoleId,
    /// Sum of the levels still to go over its required skills.
    pub total_gap: u32,
    pub readiness: Option<Readiness>,
    pub forecast: Forecast,
}

/// How many distinct logged days back a skill a target role needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub skill: SkillId,
    pub days: u32,
    /// The target roles that require the skill.
    pub roles: Vec<RoleId>,
}

/// Everything the Insights view and the progress in other views draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Insights {
    /// The plan's first day on record: its first logged day, level
    /// recorded or milestone done, whichever is earliest (up to today).
    pub first_day: Option<Date>,
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
            first_day: first_day(plan, totals, today),
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
/// or more than [`HORIZON_YEARS`] years out.
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
    add_days(today, days as i64).filter(|d| *d <= horizon(today))
}

/// The last day a forecast may name: [`HORIZON_YEARS`] years after `today`.
fn horizon(today: Date) -> Date {
    today
        .checked_add(Span::new().years(HORIZON_YEARS))
        .unwrap_or(Date::MAX)
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
pub fn duration(minutes: impl Into<u64>) -> String {
    let minutes: u64 = minutes.into();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The plan's first day on record (see [`Insights::first_day`]).
fn first_day(plan: &Plan, totals: &LogTotals, today: Date) -> Option<Date> {
    let levels = plan
        .skills
        .iter()
        .flat_map(|s| s.history.iter().map(|c| c.date));
    let milestones = plan
        .goals
        .iter()
        .flat_map(|g| g.milestones.iter().filter_map(|m| m.done));
    totals
        .first_day()
        .into_iter()
        .chain(levels)
        .chain(milestones)
        .filter(|d| *d <= today)
        .min()
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

#[cfg(test)]
mod tests;
