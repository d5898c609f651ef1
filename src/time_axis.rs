//! A calendar time axis: grid marks on year, quarter, month, week or day
//! boundaries, chosen by zoom, with labels that fit.
//!
//! Plain functions of a visible range of days and a width in points, with
//! no egui here, so the app's plots (`ui::widgets::plots::date_axis`) and the
//! exports' charts (`io::export::svg`) share them. The x coordinate is days since 1970-01-01; a day `d`
//! covers `day_of(d)..day_of(d) + 1`.

use jiff::civil::{Date, Weekday};

/// A calendar step between grid marks, from a day to five thousand years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Day,
    /// Weeks start on Monday (ISO 8601).
    Week,
    Month,
    /// Quarters start in January, April, July and October.
    Quarter,
    /// Every `n` years, on years divisible by `n` (`Years(1)` is every year).
    Years(u16),
}

/// Finest to coarsest; the axis picks three or so consecutive ones by zoom.
const LADDER: [Unit; 16] = [
    Unit::Day,
    Unit::Week,
    Unit::Month,
    Unit::Quarter,
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(200),
    Unit::Years(500),
    Unit::Years(1000),
    Unit::Years(2000),
    Unit::Years(5000),
];

const DAYS_PER_YEAR: f64 = 365.2425;

impl Unit {
    /// The average length of the step in days (a month is 30.44 days). Marks
    /// of one unit share this step, which a plot uses for line strength.
    pub fn step_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => DAYS_PER_YEAR / 12.0,
            Unit::Quarter => DAYS_PER_YEAR / 4.0,
            Unit::Years(n) => f64::from(n) * DAYS_PER_YEAR,
        }
    }

    /// The unit whose marks stand out among labels of `self`: months among
    /// days and weeks, years among months and quarters, decades among years.
    fn major(self) -> Unit {
        match self {
            Unit::Day | Unit::Week => Unit::Month,
            Unit::Month | Unit::Quarter => Unit::Years(1),
            Unit::Years(n) if n < 10 => Unit::Years(10),
            Unit::Years(n) if n < 100 => Unit::Years(100),
            Unit::Years(n) if n < 1000 => Unit::Years(1000),
            Unit::Years(_) => Unit::Years(5000),
        }
    }

    /// The longest label a mark of this unit gets, for fitting.
    fn widest_label(self) -> &'static str {
        match self {
            Unit::Day | Unit::Week => "30",
            Unit::Month | Unit::Quarter => "Sep",
            Unit::Years(_) => "2026",
        }
    }
}

impl Unit {
    /// Whether every boundary of `coarser` is a boundary of `self`: months
    /// divide years, weeks divide only weeks.
    fn divides(self, coarser: Unit) -> bool {
        match (self, coarser) {
            (Unit::Day, _) => true,
            (Unit::Week, c) => c == Unit::Week,
            (Unit::Month, c) => c != Unit::Day && c != Unit::Week,
            (Unit::Quarter, c) => matches!(c, Unit::Quarter | Unit::Years(_)),
            (Unit::Years(m), Unit::Years(n)) => n % m.max(1) == 0,
            (Unit::Years(_), _) => false,
        }
    }
}

/// The units drawn around the labelled unit, coarsest first: its major unit,
/// the units between that nest (each boundary of a coarser one is a boundary
/// of each finer one, so marks stay evenly spaced), the labelled unit, and
/// the finer nesting units whose lines are `dense_enough` apart.
fn nested_units(label: Unit, dense_enough: impl Fn(&Unit) -> bool) -> Vec<Unit> {
    let top = label.major();
    let mut units = vec![top];
    for u in LADDER.iter().rev().copied() {
        let Some(&last) = units.last() else { break };
        let between = u > label && u < top && label.divides(u) && u.divides(last);
        let finer = u < label && dense_enough(&u) && u.divides(last);
        if (u == label && u != top) || between || finer {
            units.push(u);
        }
    }
    units
}

/// One grid mark on a calendar boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMark {
    /// Days since 1970-01-01: the start of `date`.
    pub day: f64,
    pub date: Date,
    /// The coarsest unit whose boundary this is, among the units shown.
    pub unit: Unit,
    /// `unit.step_days()`: marks of one unit share it.
    pub step_days: f64,
    /// The text under the mark; empty when there is no room for one.
    pub label: String,
}

/// Grid lines closer than this (in points) are not drawn.
pub const MIN_LINE_SPACING: f32 = 8.0;
/// Rough width of one character of the axis font, in points, on the generous
/// side so that a label judged to fit does fit.
const CHAR_WIDTH: f64 = 8.0;
/// Free space kept between two labels, in points.
const LABEL_GAP: f64 = 14.0;
/// How far a label may stick out past either end of the range, in points.
const MAX_OVERHANG: f64 = 10.0;
/// Wider plots than this are treated as this wide: it bounds the number of marks.
const MAX_WIDTH: f64 = 20_000.0;

const EPOCH: Date = Date::constant(1970, 1, 1);

/// The x coordinate of the start of `date`: days since 1970-01-01.
pub fn day_of(date: Date) -> f64 {
    f64::from(whole_day_of(date))
}

fn whole_day_of(date: Date) -> i32 {
    // Every civil date is within about 3 million days of 1970, far inside i32.
    i32::try_from(date.duration_since(EPOCH).as_secs() / 86_400).unwrap_or(0)
}

/// The date whose day contains `x`, or `None` beyond the calendar's ends
/// (-9999 to 9999) or for a value that is not a number.
pub fn date_at(x: f64) -> Option<Date> {
    if !x.is_finite() {
        return None;
    }
    let first = f64::from(whole_day_of(Date::MIN));
    let last = f64::from(whole_day_of(Date::MAX));
    let day = x.floor();
    if day < first || day > last {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "checked above to be a whole day inside the calendar"
    )]
    let day = day as i64;
    EPOCH
        .checked_add(jiff::Span::new().try_days(day).ok()?)
        .ok()
}

/// The visible range in words, for a caption or a screen reader:
/// "2 Mar 2026 to 14 Apr 2026". `None` for an empty range or one beyond the calendar.
pub fn span_text(first: f64, last: f64) -> Option<String> {
    let (lo, hi) = calendar_clip(first, last)?;
    let (a, b) = (date_at(lo)?, date_at(hi)?);
    Some(format!(
        "{} to {}",
        a.strftime("%-d %b %Y"),
        b.strftime("%-d %b %Y")
    ))
}

/// `first..=last` cut to the calendar's ends; `None` if nothing is left.
fn calendar_clip(first: f64, last: f64) -> Option<(f64, f64)> {
    if !(first.is_finite() && last.is_finite() && first < last) {
        return None;
    }
    let lo = first.max(day_of(Date::MIN));
    let hi = last.min(day_of(Date::MAX));
    (lo <= hi).then_some((lo, hi))
}

/// Grid marks for the days `first..=last` drawn across `width` points: on
/// calendar boundaries of the finest unit whose marks are at least
/// [`MIN_LINE_SPACING`] apart, and of each coarser unit up to the one that
/// stands out among the labels. A mark that is a boundary of several units
/// appears once, as the coarsest. Labels are given to the finest unit whose
/// labels fit side by side, and to the coarser ones. Returns nothing for an
/// empty or reversed range, a range beyond the calendar, or no width; never
/// panics, however far the range is zoomed.
pub fn calendar_marks(first: f64, last: f64, width: f32) -> Vec<TimeMark> {
    let width = f64::from(width).min(MAX_WIDTH);
    if width.is_nan() || width <= 0.0 || !first.is_finite() || !last.is_finite() || first >= last {
        return Vec::new();
    }
    let points_per_day = width / (last - first);
    if !(points_per_day.is_finite() && points_per_day > 0.0) {
        return Vec::new();
    }
    let Some((lo, hi)) = calendar_clip(first, last) else {
        return Vec::new();
    };
    let spacing = |u: Unit| u.step_days() * points_per_day;
    let dense_enough = |u: &Unit| spacing(*u) >= f64::from(MIN_LINE_SPACING);
    let label = LADDER
        .iter()
        .copied()
        .find(|u| dense_enough(u) && spacing(*u) >= text_width(u.widest_label()) + LABEL_GAP);
    let units = match label {
        Some(label) => nested_units(label, dense_enough),
        // Too far out for any label: the finest lines that are far enough apart.
        None => LADDER
            .iter()
            .copied()
            .find(dense_enough)
            .into_iter()
            .collect(),
    };
    if units.is_empty() {
        return Vec::new(); // zoomed out beyond five thousand years a line
    }

    // Coarsest first, so that a date keeps its coarsest unit.
    let mut marks: Vec<TimeMark> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for unit in &units {
        for date in boundaries(*unit, lo, hi) {
            if seen.insert(date) {
                marks.push(TimeMark {
                    day: day_of(date),
                    date,
                    unit: *unit,
                    step_days: unit.step_days(),
                    label: String::new(),
                });
            }
        }
    }
    marks.sort_by(|a, b| a.day.total_cmp(&b.day));
    if let Some(label) = label {
        place_labels(&mut marks, label, lo, hi, points_per_day);
    }
    marks
}

/// Labels the marks of `label` and coarser units, coarsest first, leaving out
/// a label that would overlap one already placed or stick out of the range.
fn place_labels(marks: &mut [TimeMark], label: Unit, lo: f64, hi: f64, points_per_day: f64) {
    let mut placed: Vec<(f64, f64)> = Vec::new(); // (left, right) in points
    let mut order: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].unit >= label)
        .collect();
    order.sort_by(|&a, &b| marks[b].unit.cmp(&marks[a].unit));
    let (left_edge, right_edge) = (lo * points_per_day, hi * points_per_day);
    for i in order {
        let m = &marks[i];
        let text = label_text(m.date, m.unit);
        let text_half = text_width(&text) / 2.0;
        let half = text_half + LABEL_GAP / 2.0;
        let centre = m.day * points_per_day;
        let (left, right) = (centre - half, centre + half);
        let fits_own_step = 2.0 * half <= m.step_days * points_per_day;
        let inside = centre - text_half >= left_edge - MAX_OVERHANG
            && centre + text_half <= right_edge + MAX_OVERHANG;
        let clear = placed.iter().all(|(l, r)| right <= *l || left >= *r);
        if fits_own_step && inside && clear {
            placed.push((left, right));
            marks[i].label = text;
        }
    }
}

fn text_width(text: &str) -> f64 {
    let n = text.chars().count() as f64;
    n * CHAR_WIDTH
}

/// "2026" at a year, "Sep" at a month or quarter ("Jan 2027" when months are
/// the coarsest unit shown, so the year still shows), "14" at a day or week.
fn label_text(date: Date, unit: Unit) -> String {
    match unit {
        Unit::Years(_) => date.year().to_string(),
        Unit::Month | Unit::Quarter if date.month() == 1 => date.strftime("%b %Y").to_string(),
        Unit::Month | Unit::Quarter => date.strftime("%b").to_string(),
        Unit::Day | Unit::Week => date.day().to_string(),
    }
}

/// Every boundary of `unit` in the days `lo..=hi` (already inside the
/// calendar), in order. Stops at the calendar's end.
fn boundaries(unit: Unit, lo: f64, hi: f64) -> Vec<Date> {
    let Some(start) = date_at(lo.ceil()) else {
        return Vec::new();
    };
    let in_range = |d: &Date| day_of(*d) <= hi;
    match unit {
        Unit::Day | Unit::Week => {
            let mut d = start;
            if unit == Unit::Week {
                let ahead = d.weekday().until(Weekday::Monday);
                d = match d.checked_add(jiff::Span::new().days(ahead)) {
                    Ok(d) => d,
                    Err(_) => return Vec::new(),
                };
            }
            let step = if unit == Unit::Week { 7 } else { 1 };
            std::iter::successors(Some(d), |d| {
                d.checked_add(jiff::Span::new().days(step)).ok()
            })
            .take_while(in_range)
            .collect()
        }
        Unit::Month | Unit::Quarter => {
            let every = if unit == Unit::Quarter { 3 } else { 1 };
            // Months counted from year 0: month index = year * 12 + (month - 1).
            let mut index = i32::from(start.year()) * 12 + i32::from(start.month() - 1);
            if start.day() != 1 {
                index += 1;
            }
            index += (every - index.rem_euclid(every)) % every;
            std::iter::successors(Some(index), |i| Some(i + every))
                .map_while(|i| {
                    let year = i16::try_from(i.div_euclid(12)).ok()?;
                    let month = i8::try_from(i.rem_euclid(12) + 1).ok()?;
                    Date::new(year, month, 1).ok()
                })
                .take_while(in_range)
                .collect()
        }
        Unit::Years(n) => {
            let n = i32::from(n.max(1));
            let mut year = i32::from(start.year());
            if start.month() != 1 || start.day() != 1 {
                year += 1;
            }
            year += (n - year.rem_euclid(n)) % n;
            std::iter::successors(Some(year), |y| Some(y + n))
                .map_while(|y| Date::new(i16::try_from(y).ok()?, 1, 1).ok())
                .take_while(in_range)
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn x(y: i16, m: i8, d: i8) -> f64 {
        day_of(date(y, m, d))
    }

    /// The labelled marks as (date, label).
    fn labels(marks: &[TimeMark]) -> Vec<(Date, &str)> {
        marks
            .iter()
            .filter(|m| !m.label.is_empty())
            .map(|m| (m.date, m.label.as_str()))
            .collect()
    }

    fn on_boundary(m: &TimeMark) -> bool {
        let d = m.date;
        match m.unit {
            Unit::Day => true,
            Unit::Week => d.weekday() == Weekday::Monday,
            Unit::Month => d.day() == 1,
            Unit::Quarter => d.day() == 1 && (d.month() - 1) % 3 == 0,
            Unit::Years(n) => {
                d.day() == 1 && d.month() == 1 && i32::from(d.year()) % i32::from(n) == 0
            }
        }
    }

    fn check_invariants(marks: &[TimeMark], first: f64, last: f64) {
        for w in marks.windows(2) {
            assert!(w[0].day < w[1].day, "sorted, no duplicates: {w:?}");
        }
        for m in marks {
            assert!(on_boundary(m), "{m:?}");
            assert!(m.day >= first && m.day <= last, "{m:?} outside");
            assert_eq!(date_at(m.day), Some(m.date));
            assert!((m.step_days - m.unit.step_days()).abs() < f64::EPSILON);
        }
    }

    #[test]
    fn day_numbers_and_dates_agree() {
        assert!(day_of(date(1970, 1, 1)).abs() < f64::EPSILON);
        assert!((day_of(date(2026, 1, 1)) - 20_454.0).abs() < f64::EPSILON);
        assert_eq!(date_at(20_454.0), Some(date(2026, 1, 1)));
        assert_eq!(date_at(20_454.99), Some(date(2026, 1, 1)), "within the day");
        assert_eq!(date_at(20_453.5), Some(date(2025, 12, 31)));
        assert_eq!(date_at(day_of(Date::MIN)), Some(Date::MIN));
        assert_eq!(date_at(day_of(Date::MAX) + 0.5), Some(Date::MAX));
        assert_eq!(date_at(day_of(Date::MAX) + 1.0), None);
        assert_eq!(date_at(day_of(Date::MIN) - 0.5), None);
        assert_eq!(date_at(f64::NAN), None);
        assert_eq!(date_at(1e300), None);
    }

    #[test]
    fn a_decade_has_a_label_on_every_first_of_january() {
        // 2019-2031 across 1000 points: about 77 points a year.
        let (first, last) = (x(2019, 6, 1), x(2031, 3, 1));
        let marks = calendar_marks(first, last, 1000.0);
        check_invariants(&marks, first, last);
        let expected: Vec<(Date, String)> = (2020..=2031)
            .map(|y| (date(y, 1, 1), y.to_string()))
            .collect();
        let got: Vec<(Date, String)> = labels(&marks)
            .into_iter()
            .map(|(d, l)| (d, l.to_string()))
            .collect();
        assert_eq!(got, expected);
        // Quarters are drawn as lines between the years (months are too close at 6 points).
        assert!(marks.iter().any(|m| m.unit == Unit::Quarter));
        assert!(!marks.iter().any(|m| m.unit == Unit::Month));
        assert!(
            marks
                .iter()
                .filter(|m| m.date == date(2030, 1, 1))
                .all(|m| m.unit == Unit::Years(10)),
            "a decade stands out"
        );
    }

    #[test]
    fn nineteen_years_label_every_other_year_evenly() {
        // The sample's roadmap: 2013-09-29 to 2032-05-03 across 660 points,
        // 35 points a year: too close for "2026" every year.
        let (first, last) = (x(2013, 9, 29), x(2032, 5, 3));
        let marks = calendar_marks(first, last, 660.0);
        check_invariants(&marks, first, last);
        let got: Vec<String> = labels(&marks)
            .into_iter()
            .map(|(d, l)| {
                assert_eq!((d.month(), d.day()), (1, 1));
                l.to_string()
            })
            .collect();
        let every_other: Vec<String> = (2014..=2032).step_by(2).map(|y| y.to_string()).collect();
        assert_eq!(
            got, every_other,
            "not 2015, 2018, 2020: five-year marks do not fall on even years"
        );
        let unit = |y| {
            marks
                .iter()
                .find(|m| m.date == date(y, 1, 1))
                .map(|m| m.unit)
        };
        assert_eq!(unit(2020), Some(Unit::Years(10)));
        assert_eq!(unit(2022), Some(Unit::Years(2)));
        assert_eq!(unit(2025), Some(Unit::Years(1)), "a line, without a label");
        assert_eq!(unit(2015), Some(Unit::Years(1)));
    }

    #[test]
    fn two_years_show_quarters_with_the_year_at_january() {
        // 2026-01-01 to 2027-12-31 across 600 points: 50 points a month.
        let (first, last) = (x(2025, 12, 20), x(2027, 12, 31));
        let marks = calendar_marks(first, last, 600.0);
        check_invariants(&marks, first, last);
        assert_eq!(
            labels(&marks),
            vec![
                (date(2026, 1, 1), "2026"),
                (date(2026, 4, 1), "Apr"),
                (date(2026, 7, 1), "Jul"),
                (date(2026, 10, 1), "Oct"),
                (date(2027, 1, 1), "2027"),
                (date(2027, 4, 1), "Apr"),
                (date(2027, 7, 1), "Jul"),
                (date(2027, 10, 1), "Oct"),
            ]
        );
    }

    #[test]
    fn one_year_shows_every_month() {
        // 2026-03-15 to 2027-03-15 across 1000 points: 83 points a month.
        let (first, last) = (x(2026, 3, 15), x(2027, 3, 15));
        let marks = calendar_marks(first, last, 1000.0);
        check_invariants(&marks, first, last);
        let got = labels(&marks);
        assert_eq!(got.len(), 12, "{got:?}");
        assert_eq!(got[0], (date(2026, 4, 1), "Apr"));
        assert_eq!(got[9], (date(2027, 1, 1), "2027"));
        assert_eq!(got[11], (date(2027, 3, 1), "Mar"));
        assert!(got.iter().all(|(d, _)| d.day() == 1));
        // Weeks do not fall on months: no week lines among them.
        assert!(!marks.iter().any(|m| m.unit == Unit::Week));
        assert!(marks.iter().any(|m| m.unit == Unit::Quarter));
    }

    #[test]
    fn a_few_months_show_weeks_and_months() {
        // 2026-02-20 to 2026-05-10 (79 days) across 800 points: 71 points a week.
        let (first, last) = (x(2026, 2, 20), x(2026, 5, 10));
        let marks = calendar_marks(first, last, 800.0);
        check_invariants(&marks, first, last);
        let got = labels(&marks);
        // Months stand out; each Monday is labelled with its day unless a
        // month's label is in the way (2 Mar is a day after 1 Mar).
        assert!(got.contains(&(date(2026, 3, 1), "Mar")), "{got:?}");
        assert!(got.contains(&(date(2026, 4, 1), "Apr")), "{got:?}");
        assert!(got.contains(&(date(2026, 5, 1), "May")), "{got:?}");
        assert!(got.contains(&(date(2026, 3, 9), "9")), "{got:?}");
        assert!(got.contains(&(date(2026, 4, 13), "13")), "{got:?}");
        assert!(!got.contains(&(date(2026, 3, 2), "2")), "{got:?}");
        for (d, l) in &got {
            assert!(d.day() == 1 || d.weekday() == Weekday::Monday, "{d} {l}");
        }
        assert!(marks.iter().any(|m| m.unit == Unit::Day), "days as lines");
    }

    #[test]
    fn a_fortnight_shows_every_day() {
        // 2026-12-25 to 2027-01-08 across 1000 points: 71 points a day.
        let (first, last) = (x(2026, 12, 25), x(2027, 1, 8));
        let marks = calendar_marks(first, last, 1000.0);
        check_invariants(&marks, first, last);
        let got = labels(&marks);
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(got[0], (date(2026, 12, 25), "25"));
        assert_eq!(got[7], (date(2027, 1, 1), "Jan 2027"), "the year shows");
        assert_eq!(got[8], (date(2027, 1, 2), "2"));
        let new_year = marks.iter().find(|m| m.date == date(2027, 1, 1));
        assert_eq!(new_year.map(|m| m.unit), Some(Unit::Month));
    }

    #[test]
    fn far_in_there_are_at_most_the_days_in_view() {
        let noon = x(2026, 6, 15) + 0.5;
        assert!(calendar_marks(noon, noon + 0.25, 1000.0).is_empty());
        let marks = calendar_marks(noon - 1.0, noon + 0.01, 1000.0);
        assert_eq!(labels(&marks), vec![(date(2026, 6, 15), "15")]);
        // A millionth of a day across the window.
        assert!(calendar_marks(noon, noon + 1e-6, 1280.0).is_empty());
    }

    #[test]
    fn far_out_there_are_few_marks_and_no_panic() {
        // The whole calendar in 1000 points: labels every thousand years or so.
        let (first, last) = (day_of(Date::MIN) - 1e5, day_of(Date::MAX) + 1e5);
        let marks = calendar_marks(first, last, 1000.0);
        check_invariants(&marks, first, last);
        assert!(!marks.is_empty() && marks.len() < 130, "{}", marks.len());
        let got = labels(&marks);
        assert!(got.contains(&(date(0, 1, 1), "0")), "{got:?}");
        assert!(got.iter().all(|(d, _)| d.year() % 1000 == 0), "{got:?}");
        // Beyond any calendar, and absurd inputs.
        for (a, b, w) in [
            (1e12, 1e13, 1000.0),
            (-1e300, 1e300, 1000.0),
            (-f64::MAX, f64::MAX, 1000.0),
            (f64::NEG_INFINITY, 0.0, 1000.0),
            (0.0, f64::NAN, 1000.0),
            (0.0, 10.0, f32::INFINITY),
            (0.0, 10.0, f32::NAN),
            (0.0, 10.0, -5.0),
            (day_of(Date::MAX) - 3.0, day_of(Date::MAX) + 3.0, 1000.0),
            (day_of(Date::MIN) - 3.0, day_of(Date::MIN) + 3.0, 1000.0),
            (day_of(Date::MAX) - 3e4, day_of(Date::MAX) + 3e4, 1000.0),
            (day_of(Date::MIN) - 3e4, day_of(Date::MIN) + 3e4, 1000.0),
        ] {
            let marks = calendar_marks(a, b, w);
            if a.is_finite() && b.is_finite() && w.is_finite() && w > 0.0 {
                check_invariants(&marks, a, b);
            }
            assert!(marks.len() < 3000, "{a} {b} {w}: {}", marks.len());
        }
        let end = calendar_marks(day_of(Date::MAX) - 3.0, day_of(Date::MAX) + 3.0, 1000.0);
        assert_eq!(end.last().map(|m| m.date), Some(Date::MAX));
    }

    #[test]
    fn an_empty_or_reversed_range_has_no_marks() {
        let today = x(2026, 11, 25);
        assert!(calendar_marks(today, today, 1000.0).is_empty());
        assert!(calendar_marks(today + 5.0, today, 1000.0).is_empty());
        assert!(calendar_marks(today, today + 30.0, 0.0).is_empty());
        assert_eq!(span_text(today, today), None);
    }

    #[test]
    fn every_zoom_from_a_day_to_the_whole_calendar_keeps_the_invariants() {
        let centre = x(2026, 11, 25);
        let mut half = 0.3;
        while half < 1e8 {
            let (first, last) = (centre - half, centre + half);
            for width in [300.0, 1000.0, 2500.0] {
                let marks = calendar_marks(first, last, width);
                check_invariants(&marks, first, last);
                // Labels never overlap: centres are further apart than half of both labels.
                let placed: Vec<_> = marks.iter().filter(|m| !m.label.is_empty()).collect();
                let ppd = f64::from(width) / (last - first);
                for w in placed.windows(2) {
                    let gap = (w[1].day - w[0].day) * ppd;
                    let need = f64::midpoint(text_width(&w[0].label), text_width(&w[1].label));
                    assert!(gap >= need, "{half} {width}: {w:?}");
                }
                if half > 20.0 && half < 3e6 {
                    assert!(!placed.is_empty(), "{half} {width}: some label");
                }
            }
            half *= 1.7;
        }
    }

    #[test]
    fn the_span_reads_as_dates() {
        assert_eq!(
            span_text(x(2026, 3, 2) + 0.2, x(2026, 4, 14) + 0.9).as_deref(),
            Some("2 Mar 2026 to 14 Apr 2026")
        );
        assert_eq!(
            span_text(-1e300, 1e300).as_deref(),
            Some("1 Jan -9999 to 31 Dec 9999")
        );
    }
}
