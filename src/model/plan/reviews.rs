//! Weekly and monthly reviews, and the periods they look back on.

use crate::model::ids::ReviewId;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How long a review looks back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    #[default]
    Week,
    Month,
}

/// A weekly or monthly reflection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: ReviewId,
    pub period: Period,
    /// First day of the period reviewed.
    #[serde(deserialize_with = "crate::model::dates::strict")]
    pub start: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helped: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub beyond_role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub moved_toward: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub in_the_way: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub focus_next: String,
}

impl Review {
    /// An empty review of the period starting on `start`.
    pub fn new(id: ReviewId, period: Period, start: Date) -> Self {
        Self {
            id,
            period,
            start,
            learned: String::new(),
            helped: String::new(),
            beyond_role: String::new(),
            moved_toward: String::new(),
            in_the_way: String::new(),
            focus_next: String::new(),
        }
    }
}

impl Period {
    /// The first day of the period holding `day`: its Monday, or the first
    /// of its month.
    pub fn start_of(self, day: Date) -> Date {
        match self {
            Period::Week => {
                let back = i64::from(day.weekday().to_monday_zero_offset());
                day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
            }
            Period::Month => day.first_of_month(),
        }
    }

    /// The last day of the period holding `day`.
    pub fn end_of(self, day: Date) -> Date {
        let start = self.start_of(day);
        match self {
            Period::Week => start
                .checked_add(jiff::Span::new().days(6))
                .unwrap_or(Date::MAX),
            Period::Month => start.last_of_month(),
        }
    }

    /// The last day of a period that starts on `start` (a hand-written
    /// review may start on any day): a week or a month later, less a day.
    pub fn last_day_from(self, start: Date) -> Date {
        let span = match self {
            Period::Week => jiff::Span::new().weeks(1),
            Period::Month => jiff::Span::new().months(1),
        };
        start
            .checked_add(span)
            .ok()
            .and_then(|d| d.yesterday().ok())
            .unwrap_or(Date::MAX)
    }

    /// The first day of the period `n` periods after (or, for a negative `n`,
    /// before) the one holding `day`; the same period at the ends of the calendar.
    pub fn step(self, day: Date, n: i32) -> Date {
        let start = self.start_of(day);
        let span = match self {
            Period::Week => jiff::Span::new().weeks(n),
            Period::Month => jiff::Span::new().months(n),
        };
        start.checked_add(span).map_or(start, |d| self.start_of(d))
    }
}
