//! Plan dates are calendar days written `YYYY-MM-DD`. One strict reader for
//! files, the command line and typed fields, so nothing else (a time of day,
//! a week date) is accepted and then silently dropped on the next save.

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer};

/// Why a typed date was refused, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" has a time of day; plan dates are days only, written YYYY-MM-DD")]
    HasTime(String),
    #[error("\"{0}\" is not a date; write it as YYYY-MM-DD, for example 2026-06-02")]
    Shape(String),
    #[error("\"{text}\" is not a day on the calendar: {reason}")]
    NoSuchDay { text: String, reason: String },
    #[error(transparent)]
    Typed(#[from] TypedDayError),
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// A day something was done that [`parse_logged_day`] could not read.
    #[error(
        "\"{0}\" is not a day: write today, yesterday, -2d or -1w (back from today), a weekday such as fri (the last one), or 2026-11-23"
    )]
    Logged(String),
}

/// Parses exactly `YYYY-MM-DD` (surrounding ASCII spaces allowed).
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        let date_then_time = b.len() > 10
            && s.is_char_boundary(10)
            && matches!(b[10], b'T' | b't' | b' ')
            && parse_date(&s[..10]).is_ok();
        return Err(if date_then_time {
            DateError::HasTime(s.to_string())
        } else {
            DateError::Shape(s.to_string())
        });
    }
    s.parse::<Date>().map_err(|e| DateError::NoSuchDay {
        text: s.to_string(),
        reason: day_reason(s, &e),
    })
}

/// "February 2026 has 28 days", or jiff's own words as a fallback.
fn day_reason(s: &str, e: &jiff::Error) -> String {
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<i16>().ok());
    match (num(0..4), num(5..7)) {
        (_, Some(m)) if !(1..=12).contains(&m) => "months run from 01 to 12".to_string(),
        (Some(y), Some(m)) => Date::new(y, i8::try_from(m).unwrap_or(1), 1).map_or_else(
            |_| e.to_string(),
            |first| {
                format!(
                    "{} has {} days",
                    first.strftime("%B %Y"),
                    first.days_in_month()
                )
            },
        ),
        _ => e.to_string(),
    }
}

/// Why a typed day was not understood: says every form that works.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a date: write 2027-03-15, 2027-03 (its last day), +2w or +3m (from today), today, yesterday or next friday"
)]
pub struct TypedDayError(pub String);

/// A day typed into a field, where people type in many ways: everything
/// [`parse_date`] reads, and `2027-03` (the month's last day), `+10d`,
/// `+2w`, `+3m`, `+1y` (from `today`; `-` counts back), `today`,
/// `yesterday`, `tomorrow`, and `next friday` or `friday` (the next one
/// after today). A real day that is not on the calendar keeps its own reason.
pub fn parse_typed_day(text: &str, today: Date) -> Result<Date, DateError> {
    let t = text.trim().to_ascii_lowercase();
    let unknown = || DateError::Typed(TypedDayError(text.trim().to_string()));
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.yesterday().map_err(|_| unknown()),
        "tomorrow" => return today.tomorrow().map_err(|_| unknown()),
        _ => {}
    }
    if let Some(weekday) = weekday_named(t.strip_prefix("next ").unwrap_or(&t)) {
        let mut day = today.tomorrow().map_err(|_| unknown())?;
        while day.weekday() != weekday {
            day = day.tomorrow().map_err(|_| unknown())?;
        }
        return Ok(day);
    }
    if let Some(sign) = t.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let body = &t[1..];
        let unit = body.chars().last().ok_or_else(unknown)?;
        let n: i64 = body[..body.len() - unit.len_utf8()]
            .trim()
            .parse()
            .map_err(|_| unknown())?;
        let n = if sign == '-' { -n } else { n };
        // Fallible: a span of a hundred billion days is refused, not a panic.
        let span = match unit {
            'd' => Span::new().try_days(n),
            'w' => Span::new().try_weeks(n),
            'm' => Span::new().try_months(n),
            'y' => Span::new().try_years(n),
            _ => return Err(unknown()),
        }
        .map_err(|_| unknown())?;
        // A plan file writes years as four digits: a day before year 0 or
        // after 9999 could be saved but never read back.
        return today
            .checked_add(span)
            .ok()
            .filter(|d| (0..=9999).contains(&d.year()))
            .ok_or_else(unknown);
    }
    let b = t.as_bytes();
    if b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        let first = parse_date(&format!("{t}-01"))?;
        return Ok(first.last_of_month());
    }
    match parse_date(&t) {
        Err(DateError::Shape(_)) => Err(unknown()),
        other => other,
    }
}

/// The day something was done, typed as people write it in a log: `today`,
/// `yesterday`, `-2d` or `-1w` (back from `today`), a weekday (`fri`,
/// `friday`: the last one, today's weekday being today), or a date
/// ([`parse_date`]). Unlike [`parse_typed_day`], a weekday looks back, and
/// a month or a count of months is not a day.
pub fn parse_logged_day(text: &str, today: Date) -> Result<Date, DateError> {
    let t = text.trim().to_ascii_lowercase();
    let unknown = || DateError::Logged(text.trim().to_string());
    if let Some(weekday) = weekday_named(&t) {
        let mut day = today;
        while day.weekday() != weekday {
            day = day.yesterday().map_err(|_| unknown())?;
        }
        return Ok(day);
    }
    let signed = t.starts_with(['+', '-']);
    let month = t.len() == 7 && t.as_bytes().get(4) == Some(&b'-');
    if (signed && !t.ends_with(['d', 'w'])) || month || t.starts_with("next ") {
        return Err(unknown());
    }
    parse_typed_day(&t, today).map_err(|e| match e {
        DateError::Typed(_) => unknown(),
        other => other,
    })
}

/// Which end of a period a typed year or month stands for: a start (a role
/// held since 2022) is its first day, a deadline (wanted by 2028) its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

/// Why a typed start or deadline was not understood: says every form that works.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a date: write a year (2027), a month (2027-03), a day (2027-03-15), +6m or +1y (from today), today or next friday"
)]
pub struct PeriodError(pub String);

/// A start or a deadline typed into a field: a year (`2022`) or a month
/// (`2022-09`) means its first day for a [`Bound::Start`] and its last day
/// for a [`Bound::End`]; anything else is read as [`parse_typed_day`] reads it.
pub fn parse_bound_day(text: &str, today: Date, bound: Bound) -> Result<Date, DateError> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let period = if b.len() == 4 && digits(0..4) {
        parse_date(&format!("{t}-01-01")).map(|first| (first, first.last_of_year()))
    } else if b.len() == 7 && digits(0..4) && b[4] == b'-' && digits(5..7) {
        parse_date(&format!("{t}-01")).map(|first| (first, first.last_of_month()))
    } else {
        return parse_typed_day(t, today).map_err(|e| match e {
            DateError::Typed(_) => DateError::Period(PeriodError(t.to_string())),
            other => other,
        });
    };
    let (first, last) = period?;
    Ok(match bound {
        Bound::Start => first,
        Bound::End => last,
    })
}

fn weekday_named(name: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday::{Friday, Monday, Saturday, Sunday, Thursday, Tuesday, Wednesday};
    Some(match name {
        "monday" | "mon" => Monday,
        "tuesday" | "tue" => Tuesday,
        "wednesday" | "wed" => Wednesday,
        "thursday" | "thu" => Thursday,
        "friday" | "fri" => Friday,
        "saturday" | "sat" => Saturday,
        "sunday" | "sun" => Sunday,
        _ => return None,
    })
}

/// A date read strictly from a plan file.
struct Strict(Date);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrictVisitor)
    }
}

/// Reads the date from the text in place, without copying it.
struct StrictVisitor;

impl serde::de::Visitor<'_> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a date written \"YYYY-MM-DD\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Strict, E> {
        parse_date(text).map(Strict).map_err(E::custom)
    }
}

/// `#[serde(deserialize_with = "dates::strict")]` for a `Date` field.
pub fn strict<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    Strict::deserialize(d).map(|s| s.0)
}

/// `#[serde(deserialize_with = "dates::strict_opt")]` for an `Option<Date>` field.
pub fn strict_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<Strict>::deserialize(d).map(|o| o.map(|s| s.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_year_or_month_is_its_first_day_for_a_start_and_its_last_for_a_deadline() {
        let today = date(2026, 11, 25);
        let start = |t: &str| parse_bound_day(t, today, Bound::Start);
        let end = |t: &str| parse_bound_day(t, today, Bound::End);
        assert_eq!(start("2022"), Ok(date(2022, 1, 1)));
        assert_eq!(end("2028"), Ok(date(2028, 12, 31)));
        assert_eq!(start(" 2022-09 "), Ok(date(2022, 9, 1)));
        assert_eq!(end("2028-06"), Ok(date(2028, 6, 30)));
        assert_eq!(end("2028-02"), Ok(date(2028, 2, 29)), "a leap year");
        // A day, and what typed days read, mean the same either way.
        for bound in [Bound::Start, Bound::End] {
            let day = |t: &str| parse_bound_day(t, today, bound);
            assert_eq!(day("2027-03-15"), Ok(date(2027, 3, 15)));
            assert_eq!(day("+6m"), Ok(date(2027, 5, 25)));
            assert_eq!(day("today"), Ok(today));
            assert_eq!(day("next friday"), Ok(date(2026, 11, 27)));
        }
        assert_eq!(
            start("2026-13").map_err(|e| e.to_string()),
            Err("\"2026-13-01\" is not a day on the calendar: months run from 01 to 12".into())
        );
        for bad in ["soon", "202", "20222", "2022-9", "2022/09"] {
            let e = start(bad).expect_err(bad).to_string();
            assert!(
                e.contains("a year (2027)") || e.contains("calendar"),
                "{bad}: {e}"
            );
        }
    }

    /// A plan file writes four-digit years, so a typed span may not reach
    /// before year 0 or past 9999: such a day could be saved and never read.
    #[test]
    fn a_typed_span_stays_within_the_years_a_plan_file_can_hold() {
        let today = date(2026, 11, 25);
        for far in [
            "-3000y",
            "+8000y",
            "-1000000d",
            "-40000m",
            "-99999999999d",
            "+99999999999w",
        ] {
            assert!(parse_typed_day(far, today).is_err(), "{far}");
        }
        assert_eq!(parse_typed_day("-2026y", today), Ok(date(0, 11, 25)));
        assert_eq!(parse_typed_day("+7973y", today), Ok(date(9999, 11, 25)));
        let written = date(0, 11, 25).to_string();
        assert_eq!(parse_date(&written), Ok(date(0, 11, 25)), "{written}");
    }

    #[test]
    fn typed_days_read_the_ways_people_type_them() {
        let today = date(2026, 11, 25); // a Wednesday
        let day = |t: &str| parse_typed_day(t, today);
        assert_eq!(day("2027-03-15"), Ok(date(2027, 3, 15)));
        assert_eq!(
            day("2027-02"),
            Ok(date(2027, 2, 28)),
            "a month means its last day"
        );
        assert_eq!(day("2028-02"), Ok(date(2028, 2, 29)));
        assert_eq!(day("+2w"), Ok(date(2026, 12, 9)));
        assert_eq!(day("+3m"), Ok(date(2027, 2, 25)));
        assert_eq!(day("+10d"), Ok(date(2026, 12, 5)));
        assert_eq!(day("-1y"), Ok(date(2025, 11, 25)));
        assert_eq!(day("Today"), Ok(today));
        assert_eq!(day("yesterday"), Ok(date(2026, 11, 24)));
        assert_eq!(day("tomorrow"), Ok(date(2026, 11, 26)));
        assert_eq!(day("next friday"), Ok(date(2026, 11, 27)));
        assert_eq!(
            day("Next Wednesday"),
            Ok(date(2026, 12, 2)),
            "the next one, not today"
        );
        assert_eq!(day("mon"), Ok(date(2026, 11, 30)));
        for bad in [
            "soon",
            "14/06/2026",
            "+2x",
            "+w",
            "2027-13",
            "next payday",
            "2026-06-14T10:00",
        ] {
            let e = day(bad).expect_err(bad).to_string();
            assert!(
                e.contains("next friday") || e.contains("time of day") || e.contains("calendar"),
                "{bad}: {e}"
            );
        }
        assert_eq!(
            day("2026-02-30").map_err(|e| e.to_string()),
            Err("\"2026-02-30\" is not a day on the calendar: February 2026 has 28 days".into())
        );
    }

    #[test]
    fn only_calendar_days_are_dates() {
        assert_eq!(parse_date("2026-06-02"), Ok(date(2026, 6, 2)));
        assert_eq!(parse_date(" 2026-06-02 "), Ok(date(2026, 6, 2)));
        assert!(matches!(
            parse_date("2026-06-02T18:30"),
            Err(DateError::HasTime(_))
        ));
        assert!(matches!(
            parse_date("2026-06-01 10:00"),
            Err(DateError::HasTime(_))
        ));
        for bad in [
            "2026-6-2",
            "20260602",
            "+002026-06-02",
            "2026-W23-2",
            "",
            "soon",
        ] {
            assert!(matches!(parse_date(bad), Err(DateError::Shape(_))), "{bad}");
        }
        assert_eq!(
            parse_date("2026-02-30").map_err(|e| e.to_string()),
            Err("\"2026-02-30\" is not a day on the calendar: February 2026 has 28 days".into())
        );
        assert_eq!(
            parse_date("2026-13-01").map_err(|e| e.to_string()),
            Err("\"2026-13-01\" is not a day on the calendar: months run from 01 to 12".into())
        );
    }
}
