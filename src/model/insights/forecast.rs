//! A target role's forecast: where the person stands against the date they
//! want, the pace that would get them there next to the pace so far, and a
//! date only when the evidence supports one. One rule, used by Today,
//! Insights, the folder of plans and the exports.
//!
//! The rule (ARCHITECTURE.md says it in words):
//! - The evidence window is the last [`WINDOW_DAYS`] days, starting no
//!   earlier than the first day anything was recorded on the role's
//!   required skills (a level, or logged time).
//! - Progress in it is the levels the required skills rose, each counted
//!   only up to the role's level. A skill's first recorded level is where
//!   the person started, not a rise.
//! - A date is forecast only with at least [`MIN_DAYS`] days of evidence
//!   and at least one level rise in the window. Otherwise it is "too early
//!   to tell", with what is missing.
//! - The pace: with at least [`CALIBRATE_MINUTES`] logged on the skills,
//!   the person's own hours per level (time in the window / levels risen)
//!   turns the last [`RECENT_DAYS`] days' time into levels a day, so both a
//!   level rise and a change in time move the forecast at once. With less
//!   time logged, the levels risen over the window's days.
//! - No date more than [`HORIZON_YEARS`] years out is given.

use super::totals::LogTotals;
use super::{add_days, days_ago, days_between};
use crate::model::ids::{RoleId, SkillId};
use crate::model::plan::{Level, Plan, Role, Skill};
use jiff::civil::Date;

/// The evidence window looks back at most this many days.
pub const WINDOW_DAYS: i64 = 180;
/// Days of evidence a forecast date needs: four weeks.
pub const MIN_DAYS: i64 = 28;
/// The last days whose logged time sets the current pace.
pub const RECENT_DAYS: i64 = 28;
/// Minutes on the required skills before the person's own hours per level
/// are used (10 h).
pub const CALIBRATE_MINUTES: u64 = 600;
/// Hours a level is taken to need while the person's own record cannot say.
pub const HOURS_PER_LEVEL: f64 = 40.0;
/// No forecast date further out than this.
pub const HORIZON_YEARS: i16 = 10;

/// The rule in words, for a hover.
pub const RULE: &str = "A date needs 4 weeks of record on the role's skills and a level rise among them. \
The pace: your last 4 weeks' time on those skills, at the hours a level took you so far \
(with under 10 h logged: the levels that rose, over the days since you began, up to 6 months). \
No date more than 10 years out.";

/// One required skill in the forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkillPace {
    pub skill: SkillId,
    /// Levels still to go (0 when met).
    pub gap: u8,
    /// Levels risen in the evidence window, up to the role's level.
    pub gained: u8,
    /// Minutes logged on it in the evidence window.
    pub minutes: u64,
}

/// What the pace so far is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// The window's first day.
    pub from: Date,
    /// Days in the window, today included (at least 1).
    pub days: i64,
    /// Levels risen on the required skills in the window.
    pub gained: u32,
    /// Minutes on the required skills in the window (an entry on two of
    /// them counts for each), and in the last [`RECENT_DAYS`] days of it.
    pub minutes: u64,
    pub recent_minutes: u64,
}

impl Record {
    /// The person's own hours per level, once the window holds a rise and
    /// [`CALIBRATE_MINUTES`] of time.
    pub fn hours_per_level(&self) -> Option<f64> {
        (self.gained > 0 && self.minutes >= CALIBRATE_MINUTES)
            .then(|| self.minutes as f64 / 60.0 / f64::from(self.gained))
    }
    /// Levels a day at the current pace (see the module's rule).
    pub fn levels_per_day(&self) -> f64 {
        match self.hours_per_level() {
            Some(hours) => {
                let recent = RECENT_DAYS.min(self.days) as f64;
                self.recent_minutes as f64 / 60.0 / recent / hours
            }
            None => f64::from(self.gained) / self.days as f64,
        }
    }
    /// Hours a week on the required skills over the window.
    pub fn hours_per_week(&self) -> f64 {
        self.minutes as f64 / 60.0 / self.days as f64 * 7.0
    }
}

/// Why a forecast with enough days gives no date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stall {
    /// No level rose in the whole window.
    NoRise,
    /// No time logged on the skills in the last [`RECENT_DAYS`] days.
    NoRecentTime,
}

/// What the evidence says about arriving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outlook {
    /// The role lists no required skills.
    NoRequirements,
    /// Every required level is met today.
    Ready,
    /// Not enough evidence for a date: `weeks_short` more weeks of record
    /// (0 when the days are enough), and whether a level rise is missing.
    TooEarly { weeks_short: u32, no_rise: bool },
    /// Days enough, but nothing moves.
    NotMoving(Stall),
    /// Every level met by this day at the current pace.
    On(Date),
    /// More than [`HORIZON_YEARS`] years away at the current pace.
    Beyond,
}

/// A target role's forecast on `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub role: RoleId,
    pub today: Date,
    /// When the person hopes to hold the role.
    pub target: Option<Date>,
    /// The sum of the required skills' gaps.
    pub levels_to_go: u32,
    pub skills: Vec<SkillPace>,
    pub record: Record,
    pub outlook: Outlook,
}

/// Where a forecast stands against the date the person wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Ready,
    /// Forecast to arrive by the target date.
    OnTrack,
    /// Forecast this many months after it (or not at this pace).
    Late {
        months: Option<u32>,
    },
    /// The target date has passed and levels are still to go.
    Overdue,
    TooEarly,
    /// No target date, or no requirements.
    Open,
}

/// A target role's forecast on `today` (see the module's rule).
pub fn forecast(plan: &Plan, totals: &LogTotals, role: &Role, today: Date) -> Forecast {
    let skill = |id: SkillId| plan.skill(id);
    // The window starts at the first record on the required skills, at most WINDOW_DAYS back.
    let first = role
        .requires
        .iter()
        .flat_map(|q| {
            let levels = skill(q.skill).and_then(first_record);
            levels.into_iter().chain(totals.skill_first_day(q.skill))
        })
        .filter(|d| *d <= today)
        .min()
        .unwrap_or(today);
    let from = first.max(days_ago(today, WINDOW_DAYS - 1));
    let recent_from = from.max(days_ago(today, RECENT_DAYS - 1));
    let skills: Vec<SkillPace> = role
        .requires
        .iter()
        .map(|q| {
            let s = skill(q.skill);
            let have = s.map_or(Level(0), |s| s.level_on(today));
            let then = s.map_or(Level(0), |s| level_before(s, from));
            let capped = |l: Level| l.0.min(q.level.0);
            SkillPace {
                skill: q.skill,
                gap: q.level.0.saturating_sub(have.0),
                gained: capped(have).saturating_sub(capped(then)),
                minutes: u64::from(totals.skill_minutes(q.skill, from, today)),
            }
        })
        .collect();
    let record = Record {
        from,
        days: days_between(from, today) + 1,
        gained: skills.iter().map(|s| u32::from(s.gained)).sum(),
        minutes: skills.iter().map(|s| s.minutes).sum(),
        recent_minutes: role
            .requires
            .iter()
            .map(|q| u64::from(totals.skill_minutes(q.skill, recent_from, today)))
            .sum(),
    };
    let levels_to_go = skills.iter().map(|s| u32::from(s.gap)).sum();
    Forecast {
        role: role.id,
        today,
        target: role.target_date,
        levels_to_go,
        outlook: outlook(role, levels_to_go, &record, today),
        skills,
        record,
    }
}

/// The first day a skill's level was recorded.
fn first_record(skill: &Skill) -> Option<Date> {
    skill.history.iter().map(|c| c.date).min()
}

/// Where a skill stood as the window opened: its first recorded level if
/// that falls inside the window (a start, not a rise), else its level the
/// day before.
fn level_before(skill: &Skill, from: Date) -> Level {
    match first_record(skill) {
        Some(first) if first >= from => skill.level_on(first),
        _ => add_days(from, -1).map_or(Level(0), |d| skill.level_on(d)),
    }
}

fn outlook(role: &Role, levels_to_go: u32, record: &Record, today: Date) -> Outlook {
    if role.requires.is_empty() {
        return Outlook::NoRequirements;
    }
    if levels_to_go == 0 {
        return Outlook::Ready;
    }
    let weeks_short = u32::try_from((MIN_DAYS - record.days).max(0).div_euclid(7)).unwrap_or(0)
        + u32::from((MIN_DAYS - record.days).max(0) % 7 != 0);
    // A window as long as it can be with no rise in it is a stall, not a start.
    let full = record.days >= WINDOW_DAYS;
    if weeks_short > 0 || (record.gained == 0 && !full) {
        return Outlook::TooEarly {
            weeks_short,
            no_rise: record.gained == 0,
        };
    }
    if record.gained == 0 {
        return Outlook::NotMoving(Stall::NoRise);
    }
    let rate = record.levels_per_day();
    if rate <= 0.0 {
        return Outlook::NotMoving(Stall::NoRecentTime);
    }
    let days = (f64::from(levels_to_go) / rate).ceil();
    let horizon = super::horizon(today);
    // Below 4 million days the cast is exact; beyond, far past the horizon anyway.
    if days >= 4e6 {
        return Outlook::Beyond;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a whole number below 4e6, checked above"
    )]
    match add_days(today, days as i64) {
        Some(d) if d <= horizon => Outlook::On(d),
        _ => Outlook::Beyond,
    }
}

impl Forecast {
    /// Where it stands against the target date.
    pub fn standing(&self) -> Standing {
        match (self.outlook, self.target) {
            (Outlook::Ready, _) => Standing::Ready,
            (Outlook::NoRequirements, _) | (_, None) => Standing::Open,
            (_, Some(t)) if t < self.today => Standing::Overdue,
            (Outlook::On(d), Some(t)) if d <= t => Standing::OnTrack,
            (Outlook::On(d), Some(t)) => Standing::Late {
                months: Some(months_between(t, d)),
            },
            (Outlook::Beyond | Outlook::NotMoving(_), Some(_)) => Standing::Late { months: None },
            (Outlook::TooEarly { .. }, Some(_)) => Standing::TooEarly,
        }
    }

    /// A few words for a table cell: "On track for Jun 2028", "About 9
    /// months late", "Too early to tell", "Ready now".
    pub fn headline(&self) -> String {
        let by = |d: Date| d.strftime("%b %Y").to_string();
        match (self.standing(), self.outlook) {
            (Standing::Ready, _) => "Ready now".into(),
            (_, Outlook::NoRequirements) => "No required skills yet".into(),
            (Standing::OnTrack, _) => {
                format!("On track for {}", self.target.map_or_else(String::new, by))
            }
            (Standing::Late { months: Some(m) }, _) => format!("About {} late", months_text(m)),
            (Standing::Overdue, _) => "Past the date you wanted".into(),
            (_, Outlook::TooEarly { .. }) => "Too early to tell".into(),
            (_, Outlook::On(d)) => format!("Ready about {}", by(d)),
            (_, Outlook::NotMoving(_)) => "Not moving lately".into(),
            (_, Outlook::Beyond | Outlook::Ready) => {
                format!("Over {HORIZON_YEARS} years away at this pace")
            }
        }
    }

    /// One sentence: where it stands and why, for Today, Insights and reports.
    pub fn sentence(&self) -> String {
        let long = |d: Date| d.strftime("%b %Y").to_string();
        let wanted = self.target.map(|t| format!(", wanted by {}", long(t)));
        match self.outlook {
            Outlook::NoRequirements => "Lists no required skills yet.".into(),
            Outlook::Ready => "Ready now: every required level is met.".into(),
            Outlook::TooEarly {
                weeks_short,
                no_rise,
            } => {
                let rise = "record a level rise when you reach one";
                let weeks = match weeks_short {
                    1 => "log for 1 more week".to_string(),
                    n => format!("log for {n} more weeks"),
                };
                let missing = match (no_rise, weeks_short > 0) {
                    (true, true) => format!("{rise}, and {weeks}"),
                    (true, false) => rise.to_string(),
                    _ => weeks,
                };
                format!("Too early to tell: {missing}.")
            }
            Outlook::NotMoving(Stall::NoRise) => format!(
                "Not moving lately: no level of its skills rose in the last {} months{}.",
                WINDOW_DAYS / 30,
                wanted.unwrap_or_default()
            ),
            Outlook::NotMoving(Stall::NoRecentTime) => format!(
                "Not moving lately: nothing logged on its skills in the last {} weeks{}.",
                RECENT_DAYS / 7,
                wanted.unwrap_or_default()
            ),
            Outlook::On(d) => match self.standing() {
                Standing::OnTrack => format!(
                    "On track for {}: at this pace, ready about {}.",
                    self.target.map_or_else(String::new, long),
                    long(d)
                ),
                Standing::Late { months: Some(m) } => format!(
                    "About {} late at this pace: ready about {}{}.",
                    months_text(m),
                    long(d),
                    wanted.unwrap_or_default()
                ),
                _ => format!(
                    "At this pace, ready about {}{}.",
                    long(d),
                    wanted.unwrap_or_default()
                ),
            },
            Outlook::Beyond => format!(
                "More than {HORIZON_YEARS} years away at this pace{}.",
                wanted.unwrap_or_default()
            ),
        }
    }

    /// What it takes next to the pace so far: "To be ready by Jun 2028: 1
    /// level every 4 months on these 5 skills, about 3 h a week on them.
    /// So far: 1 level in 6 weeks, 2 h a week." `None` when ready or with
    /// nothing to say.
    pub fn what_it_takes(&self) -> Option<String> {
        if self.levels_to_go == 0 {
            return None;
        }
        let open = self.skills.iter().filter(|s| s.gap > 0).count();
        let (on, them) = if open == 1 {
            ("on its one skill".to_string(), "it")
        } else {
            (format!("on these {open} skills"), "them")
        };
        let mut parts = Vec::new();
        match self.target {
            Some(t) if t > self.today => {
                let days = days_between(self.today, t) as f64;
                let per_level = days / f64::from(self.levels_to_go);
                let hours = self.record.hours_per_level().unwrap_or(HOURS_PER_LEVEL);
                let weekly = f64::from(self.levels_to_go) * hours / (days / 7.0);
                parts.push(format!(
                    "To be ready by {}: {} {on}, about {} a week on {them}.",
                    t.strftime("%b %Y"),
                    every(per_level),
                    hours_text(weekly)
                ));
            }
            Some(t) => parts.push(format!(
                "The date you wanted ({}) has passed, with {} to go.",
                t.strftime("%b %Y"),
                plural(self.levels_to_go, "level")
            )),
            None => parts.push(format!(
                "{} to go {on}.",
                plural(self.levels_to_go, "level")
            )),
        }
        if self.record.days >= 7 {
            let time = if self.record.minutes == 0 {
                format!("no time logged on {them}")
            } else {
                format!(
                    "{} a week on {them}",
                    hours_text(self.record.hours_per_week())
                )
            };
            parts.push(format!(
                "So far: {} in {}, {time}.",
                plural(self.record.gained, "level"),
                span_text(self.record.days)
            ));
        }
        Some(parts.join(" "))
    }

    /// Orders forecasts by arrival: ready first, then by date, then those
    /// without one.
    pub fn sort_key(&self) -> (u8, Option<Date>) {
        match self.outlook {
            Outlook::Ready => (0, None),
            Outlook::On(d) => (1, Some(d)),
            Outlook::Beyond => (2, None),
            Outlook::NotMoving(_) => (3, None),
            Outlook::TooEarly { .. } => (4, None),
            Outlook::NoRequirements => (5, None),
        }
    }
}

/// Whole months from `a` to `b`, rounded up (at least 1).
fn months_between(a: Date, b: Date) -> u32 {
    let days = days_between(a, b).max(1) as f64;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive count of months, far below u32::MAX"
    )]
    let months = (days / 30.44).ceil().max(1.0) as u32;
    months
}

/// "1 month", "9 months", "2 years" (from 24 months on).
fn months_text(m: u32) -> String {
    if m >= 24 {
        plural(m / 12, "year")
    } else {
        plural(m, "month")
    }
}

/// "1 level every 4 months" for `days` a level.
fn every(days: f64) -> String {
    if days < 1.0 {
        let per_day = (1.0 / days).floor();
        return format!("{per_day:.0} levels a day");
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "days between two calendar dates, far below i64::MAX"
    )]
    let whole = days.round() as i64;
    format!("1 level every {}", span_text(whole))
}

/// "5 days", "3 weeks", "4 months", "2 years".
fn span_text(days: i64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "rounded, at least 1, and a count of days far below u32::MAX"
    )]
    let n = |x: f64| x.round().clamp(1.0, 1e9) as u32;
    let d = days as f64;
    if days < 14 {
        plural(n(d), "day")
    } else if days < 63 {
        plural(n(d / 7.0), "week")
    } else if days < 730 {
        plural(n(d / 30.44), "month")
    } else {
        plural(n(d / 365.25), "year")
    }
}

/// "45 min", "3 h", "1 h 30 min" for hours, rounded to 5 minutes.
fn hours_text(hours: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "rounded, clamped at 0 and far below u64::MAX"
    )]
    let minutes = ((hours * 12.0).round().clamp(0.0, 1e12) as u64) * 5;
    super::duration(minutes)
}

/// "1 level", "3 weeks".
fn plural(n: u32, noun: &str) -> String {
    crate::model::plan::plural(usize::try_from(n).unwrap_or(usize::MAX), noun)
}

#[cfg(test)]
#[path = "forecast_tests.rs"]
mod tests;
