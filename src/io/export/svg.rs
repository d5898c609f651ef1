//! Small charts as inline SVG for the HTML report: hours per week,
//! readiness over time, the milestone burn-up and skill levels. Plain
//! shapes and text, no scripts, sized by a `viewBox` so they scale and
//! print. The numbers are the model's (`Insights`); dates on the x axis
//! fall on calendar boundaries as in the app's plots (`time_axis`).

use super::markup::esc;
use super::report::Report;
use crate::model::Level;
use crate::time_axis::{calendar_marks, day_of};
use jiff::civil::Date;
use std::fmt::Write;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
/// Room for the title, the axes' labels and the legend.
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 58.0;

/// Series colours, dark enough to print and to read on white.
const COLOURS: [&str; 6] = [
    "#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#975a16",
];
const GREY: &str = "#718096";

/// A plot area mapping values to points.
struct Frame {
    x: (f64, f64),
    y: (f64, f64),
    height: f64,
}

impl Frame {
    fn new(x: (f64, f64), y: (f64, f64), height: f64) -> Self {
        // An empty range still maps somewhere.
        let widen = |(a, b): (f64, f64)| if b > a { (a, b) } else { (a - 1.0, a + 1.0) };
        Self {
            x: widen(x),
            y: widen(y),
            height,
        }
    }
    fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x.0) / (self.x.1 - self.x.0) * (WIDTH - LEFT - RIGHT)
    }
    fn py(&self, y: f64) -> f64 {
        self.height - BOTTOM - (y - self.y.0) / (self.y.1 - self.y.0) * (self.height - TOP - BOTTOM)
    }
    fn bottom(&self) -> f64 {
        self.height - BOTTOM
    }
}

/// Opens a chart: the `svg` element with its accessible title, and the
/// visible title.
fn open(out: &mut String, id: &str, title: &str, height: f64) {
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}\">\
         <title id=\"{id}\">{t}</title>\
         <text class=\"title\" x=\"{LEFT}\" y=\"20\">{t}</text>",
        t = esc(title)
    );
}

/// The y axis: grid lines at `ticks` with their labels, and its title.
fn y_axis(out: &mut String, f: &Frame, ticks: &[f64], label: impl Fn(f64) -> String, title: &str) {
    for t in ticks {
        let y = f.py(*t);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            esc(&label(*t))
        );
    }
    let mid = f64::midpoint(TOP, f.bottom());
    let _ = write!(
        out,
        "<text class=\"axis\" transform=\"translate(14 {mid:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        esc(title)
    );
}

/// The x axis over days: a base line, ticks on calendar boundaries with
/// their labels, and its title.
fn date_axis(out: &mut String, f: &Frame, title: &str) {
    let bottom = f.bottom();
    let _ = write!(
        out,
        "<line class=\"base\" x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{bottom:.1}\" y2=\"{bottom:.1}\"/>",
        WIDTH - RIGHT
    );
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a width of a few hundred points"
    )]
    let width = (WIDTH - LEFT - RIGHT) as f32;
    for mark in calendar_marks(f.x.0, f.x.1, width) {
        if mark.label.is_empty() {
            continue;
        }
        let x = f.px(mark.day);
        let _ = write!(
            out,
            "<line class=\"base\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{bottom:.1}\" y2=\"{:.1}\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            bottom + 4.0,
            bottom + 17.0,
            esc(&mark.label)
        );
    }
    let _ = write!(
        out,
        "<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        f64::midpoint(LEFT, WIDTH - RIGHT),
        bottom + 34.0,
        esc(title)
    );
}

/// A legend in one row under the x axis: a swatch and a name each.
fn legend(out: &mut String, height: f64, items: &[(String, &str, bool)]) {
    let mut x = LEFT;
    let y = height - 8.0;
    for (name, colour, dashed) in items {
        let dash = if *dashed {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"3\"{dash}/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{y:.1}\">{}</text>",
            x + 18.0,
            y - 4.0,
            y - 4.0,
            x + 23.0,
            esc(name)
        );
        x += 23.0 + 7.0 * name.chars().count() as f64 + 18.0;
    }
}

/// A polyline through `points` (already in chart points).
fn polyline(out: &mut String, points: &[(f64, f64)], colour: &str, dashed: bool) {
    if points.is_empty() {
        return;
    }
    let pts: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let dash = if dashed {
        " stroke-dasharray=\"5 3\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{}\"/>",
        pts.join(" ")
    );
}

/// Values held from one point to the next: a step at each.
fn steps(points: &[(f64, f64)], until: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() * 2 + 1);
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push((*x, points[i - 1].1));
        }
        out.push((*x, *y));
    }
    if let Some(&(x, y)) = points.last()
        && until > x
    {
        out.push((until, y));
    }
    out
}

/// Up to about five round tick values from 0 to at least `max`: steps of
/// 1, 2 or 5 times a power of ten.
fn ticks(max: f64) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(power * 10.0);
    let mut out = vec![0.0];
    while out.last().is_some_and(|t| *t < max) && out.len() < 12 {
        out.push(out.len() as f64 * step);
    }
    out
}

/// "12", "2.5": a tick value without trailing zeros.
fn number(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// The latest weeks the hours chart shows (a year).
const MAX_WEEKS: usize = 52;

/// Hours logged each week, as bars.
pub(super) fn hours_per_week(r: &Report<'_>) -> Option<String> {
    let weekly = &r.insights.weekly_by_goal;
    let skip = weekly.weeks.len().saturating_sub(MAX_WEEKS);
    let weeks: Vec<(Date, f64)> = weekly
        .weeks
        .iter()
        .zip(&weekly.total)
        .skip(skip)
        .map(|(d, m)| (*d, f64::from(*m) / 60.0))
        .collect();
    let (first, last) = (weeks.first()?.0, weeks.last()?.0);
    let max = weeks.iter().map(|(_, h)| *h).fold(0.0, f64::max);
    let ys = ticks(max);
    let f = Frame::new(
        (day_of(first), day_of(last) + 7.0),
        (0.0, *ys.last()?),
        HEIGHT,
    );
    let mut out = String::new();
    open(&mut out, "chart-hours", "Hours per week", HEIGHT);
    y_axis(&mut out, &f, &ys, number, "Hours");
    let bar = (f.px(7.0) - f.px(0.0) - 2.0).max(1.0);
    for (d, h) in &weeks {
        let (x, y) = (f.px(day_of(*d)) + 1.0, f.py(*h));
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"><title>Week of {}: {} h</title></rect>",
            (f.bottom() - y).max(0.0),
            COLOURS[0],
            super::day(*d),
            number(*h)
        );
    }
    date_axis(&mut out, &f, "Week");
    out.push_str("</svg>");
    Some(out)
}

/// Readiness for each target role over time, as steps from 0 to 100%.
pub(super) fn readiness(r: &Report<'_>) -> Option<String> {
    let series = &r.insights.readiness_over_time;
    let first = series
        .iter()
        .filter_map(|(_, p)| p.first())
        .map(|p| p.0)
        .min()?;
    let f = Frame::new((day_of(first), day_of(r.today) + 1.0), (0.0, 100.0), HEIGHT);
    let mut out = String::new();
    open(
        &mut out,
        "chart-readiness",
        "Readiness for target roles",
        HEIGHT,
    );
    y_axis(
        &mut out,
        &f,
        &[0.0, 25.0, 50.0, 75.0, 100.0],
        |v| format!("{v:.0}%"),
        "Ready",
    );
    let mut names = Vec::new();
    for (i, (role, points)) in series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let pts: Vec<(f64, f64)> = points
            .iter()
            .map(|(d, s)| (f.px(day_of(*d)), f.py(s * 100.0)))
            .collect();
        polyline(&mut out, &steps(&pts, f.px(f.x.1)), colour, false);
        let title = r.plan.role(*role).map_or("Role", |x| x.title.trim());
        names.push((title.to_string(), colour, false));
    }
    date_axis(&mut out, &f, "Date");
    legend(&mut out, HEIGHT, &names);
    out.push_str("</svg>");
    Some(out)
}

/// Milestones done against milestones due over time, with the pace line.
pub(super) fn burn_up(r: &Report<'_>) -> Option<String> {
    let b = &r.insights.burn_up;
    if b.total == 0 {
        return None;
    }
    let dates = b.done.iter().chain(&b.planned).map(|p| p.0);
    let first = dates.clone().min()?.min(r.today);
    let last = dates.max()?.max(r.today);
    let ys = ticks(f64::from(b.total));
    let f = Frame::new(
        (day_of(first), day_of(last) + 1.0),
        (0.0, *ys.last()?),
        HEIGHT,
    );
    let mut out = String::new();
    open(
        &mut out,
        "chart-burn-up",
        "Milestones: done and due",
        HEIGHT,
    );
    y_axis(&mut out, &f, &ys, number, "Milestones");
    let to_points = |pts: &[(Date, u32)]| -> Vec<(f64, f64)> {
        pts.iter()
            .map(|(d, n)| (f.px(day_of(*d)), f.py(f64::from(*n))))
            .collect()
    };
    let total = f.py(f64::from(b.total));
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{total:.1}\" y2=\"{total:.1}\" stroke=\"{GREY}\" stroke-dasharray=\"2 3\"/>",
        WIDTH - RIGHT
    );
    if let Some([(d0, v0), (d1, v1)]) = b.pace {
        polyline(
            &mut out,
            &[(f.px(day_of(d0)), f.py(v0)), (f.px(day_of(d1)), f.py(v1))],
            GREY,
            false,
        );
    }
    polyline(
        &mut out,
        &steps(&to_points(&b.planned), f.px(day_of(last))),
        COLOURS[1],
        true,
    );
    polyline(
        &mut out,
        &steps(&to_points(&b.done), f.px(day_of(r.today))),
        COLOURS[2],
        false,
    );
    let today = f.px(day_of(r.today));
    let _ = write!(
        out,
        "<line x1=\"{today:.1}\" x2=\"{today:.1}\" y1=\"{TOP}\" y2=\"{:.1}\" stroke=\"{GREY}\" stroke-dasharray=\"1 3\"/>\
         <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\">today</text>",
        f.bottom(),
        today + 3.0,
        TOP + 10.0
    );
    date_axis(&mut out, &f, "Date");
    legend(
        &mut out,
        HEIGHT,
        &[
            ("Done".to_string(), COLOURS[2], false),
            ("Due".to_string(), COLOURS[1], true),
            ("Pace".to_string(), GREY, false),
        ],
    );
    out.push_str("</svg>");
    Some(out)
}

/// A row of the skills chart, and the room for the names on its left.
const ROW: f64 = 22.0;
const NAMES: f64 = 230.0;

/// Each skill's level now as a bar, with what the next role needs marked.
pub(super) fn skill_levels(r: &Report<'_>) -> Option<String> {
    let rows = &r.plan.skills;
    if rows.is_empty() {
        return None;
    }
    let height = TOP + ROW * rows.len() as f64 + 56.0;
    let span = WIDTH - NAMES - RIGHT;
    let x = |l: f64| NAMES + l / f64::from(Level::MAX.0) * span;
    let mut out = String::new();
    open(&mut out, "chart-skills", "Skill levels now", height);
    for l in 0..=Level::MAX.0 {
        let gx = x(f64::from(l));
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{gx:.1}\" x2=\"{gx:.1}\" y1=\"{TOP}\" y2=\"{:.1}\"/>\
             <text class=\"tick\" x=\"{gx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{l}</text>",
            TOP + ROW * rows.len() as f64,
            TOP + ROW * rows.len() as f64 + 14.0
        );
    }
    let needs = |id| {
        r.next
            .and_then(|role| role.requires.iter().find(|q| q.skill == id))
            .map(|q| q.level)
    };
    for (i, s) in rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let now = s.current_level(r.today);
        let _ = write!(
            out,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{NAMES}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {}</title></rect>",
            NAMES - 8.0,
            y + ROW / 2.0 + 4.0,
            esc(s.name.trim()),
            y + 4.0,
            x(f64::from(now.0)) - NAMES,
            ROW - 8.0,
            COLOURS[0],
            esc(s.name.trim()),
            esc(&super::level(r.plan, now))
        );
        if let Some(need) = needs(s.id) {
            let nx = x(f64::from(need.0));
            let _ = write!(
                out,
                "<line x1=\"{nx:.1}\" x2=\"{nx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"3\"/>",
                y + 1.0,
                y + ROW - 1.0,
                COLOURS[1]
            );
        }
    }
    let axis_y = TOP + ROW * rows.len() as f64 + 32.0;
    let _ = write!(
        out,
        "<text class=\"axis\" x=\"{:.1}\" y=\"{axis_y:.1}\" text-anchor=\"middle\">Level (0 none to 5 expert)</text>",
        NAMES + span / 2.0
    );
    let mut key = vec![("Level now".to_string(), COLOURS[0], false)];
    if r.next.is_some() {
        key.push(("Next role needs".to_string(), COLOURS[1], false));
    }
    legend(&mut out, height, &key);
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_reach_the_top() {
        assert_eq!(ticks(21.0), vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(ticks(4.0), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(
            ticks(0.0).last(),
            Some(&1.0),
            "an empty chart still has a scale"
        );
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(20.0), "20");
    }

    #[test]
    fn steps_hold_each_value_until_the_next() {
        assert_eq!(
            steps(&[(0.0, 1.0), (2.0, 3.0)], 5.0),
            vec![(0.0, 1.0), (2.0, 1.0), (2.0, 3.0), (5.0, 3.0)]
        );
    }
}
