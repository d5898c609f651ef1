//! A goal's progress toward its measure or its milestones, and its pace
//! against the line from its start to its due date.

use super::totals::LogTotals;
use super::{HORIZON_YEARS, days_ago, days_between, duration, project, whole};
use crate::model::ids::GoalId;
use crate::model::plan::{Goal, GoalStatus, Measure, Plan};
use jiff::civil::Date;

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
    /// When the target would be reached at the recent rate.
    pub projected: Projection,
}

/// When a goal's target would be reached at the rate of its last 28 days
/// (or of its days so far, when it began less than 28 days ago).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Projection {
    /// Reached already, or nothing to count toward.
    Nothing,
    /// It began less than a week ago: too early to project.
    TooEarly,
    /// No progress in the last 28 days.
    Stalled,
    /// Reached about this day.
    On(Date),
    /// More than `HORIZON_YEARS` years away.
    Beyond,
}

/// Days of a goal's record before a rate is projected.
pub const MIN_PROJECT_DAYS: i64 = 7;

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
    /// What the projection says, in a sentence ("" when there is nothing to say).
    pub fn projection_text(&self) -> String {
        match self.projected {
            Projection::Nothing => String::new(),
            Projection::TooEarly => "Too early to project: it began less than a week ago.".into(),
            Projection::Stalled => match self.unit {
                ProgressUnit::Minutes => "No time logged on it in the last 4 weeks.",
                ProgressUnit::Entries => "No entries logged on it in the last 4 weeks.",
                ProgressUnit::Milestones => "No milestone done in the last 4 weeks.",
            }
            .into(),
            Projection::On(d) => format!(
                "At the recent rate, reached about {}.",
                d.strftime("%-d %b %Y")
            ),
            Projection::Beyond => {
                format!("More than {HORIZON_YEARS} years away at the recent rate.")
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
            Projection::Nothing
        } else {
            // The rate of the last 28 days, or of the days since it began.
            let known = days_between(start, today) + 1;
            let span = known.clamp(1, 28);
            let recent = done_in(days_ago(today, span - 1), today);
            if known < MIN_PROJECT_DAYS {
                Projection::TooEarly
            } else if recent == 0 {
                Projection::Stalled
            } else {
                project(today, (target - done) as f64, recent as f64, span as f64)
                    .map_or(Projection::Beyond, Projection::On)
            }
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
