//! Plan dates are calendar days written `YYYY-MM-DD`. One strict reader for
//! files, the command line and typed fields, so nothing else (a time of day,
//! a week date) is accepted and then silently dropped on the next save.

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
