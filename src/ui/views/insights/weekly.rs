//! Hours per week, stacked by goal or by skill, and the hours so far on
//! each goal.

use super::{Cx, InsightsView, PLOT_HEIGHT, bar_span, hours_text, key_colour, key_name, since};
use crate::model::Period;
use crate::model::insights::{StackBy, Weekly};
use crate::time_axis::{date_at, day_of};
use crate::ui::widgets::plots::{self, card, date_plot, fit};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, MarkerShape, PlotPoint, Points};
use jiff::civil::Date;

/// Consecutive weeks drawn as one bar: indices `a..b` into the weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bin {
    pub a: usize,
    pub b: usize,
}

impl Bin {
    pub fn len(self) -> usize {
        self.b - self.a
    }
}

/// The weeks from `from` on, in bins so that a bar is at least 6 points wide
/// in a plot `width` points wide.
pub(super) fn bins(weeks: &[Date], from: Date, width: f32) -> Vec<Bin> {
    let first = weeks.partition_point(|w| *w < from);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points"
    )]
    let most = ((width / 6.0).max(1.0)) as usize;
    let n = weeks.len().saturating_sub(first);
    let size = n.div_ceil(most).max(1);
    (first..weeks.len())
        .step_by(size)
        .map(|a| Bin {
            a,
            b: (a + size).min(weeks.len()),
        })
        .collect()
}

/// A bar over the weeks of `bin`.
pub(super) fn bin_bar(weeks: &[Date], bin: Bin, value: f64) -> Bar {
    let (first, last) = (weeks[bin.a], weeks[bin.b - 1]);
    Bar::new((day_of(first) + day_of(last) + 7.0) / 2.0, value).width(7.0 * bin.len() as f64 - 1.0)
}

/// Hours a week in `bin`, on average.
fn average_hours(minutes: &[u32], bin: Bin) -> f64 {
    let sum: u64 = minutes
        .get(bin.a..bin.b)
        .unwrap_or_default()
        .iter()
        .map(|m| u64::from(*m))
        .sum();
    sum as f64 / 60.0 / bin.len().max(1) as f64
}

/// Makes a bar's hover text when it is hovered (not for every bar, every frame).
type BarText = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// Hover text for a bar of hours a week in series `name`, made only when hovered.
fn hours_hover(name: String) -> BarText {
    Box::new(move |bar, _| {
        format!(
            "{name}\n{}: {} a week",
            bar_span(bar),
            hours_text(bar.value)
        )
    })
}

pub(super) fn weekly(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let (plan, ins) = (cx.plan, cx.ins);
    card(
        ui,
        "Hours per week",
        "Time logged each week, split by the goal or the skill it served (an entry linked to two counts toward both). Grey: linked to no goal (or no skill).",
        |ui| {
            ui.horizontal(|ui| {
                ui.label("Split by");
                ui.selectable_value(&mut view.stack_by, StackBy::Goal, "Goal");
                ui.selectable_value(&mut view.stack_by, StackBy::Skill, "Skill");
            });
            let by = view.stack_by;
            let weekly = match by {
                StackBy::Goal => &ins.weekly_by_goal,
                StackBy::Skill => &ins.weekly_by_skill,
            };
            if weekly.weeks.is_empty() {
                ui.label("Nothing logged yet.");
                return;
            }
            let mut clicked = None;
            let shown = date_plot("weekly", cx.range, PLOT_HEIGHT, "Hours a week", hours_text)
                .include_y(0.0)
                .include_y(1.0)
                .show(ui, |p| {
                    let width = p.response().rect.width();
                    let mut below: Vec<BarChart> = Vec::new();
                    let bins = bins(&weekly.weeks, cx.range.0, width);
                    for s in &weekly.series {
                        let name = key_name(plan, s.key, by);
                        let c = key_colour(p.ctx(), plan, s.key);
                        let bars: Vec<Bar> = bins
                            .iter()
                            .map(|b| bin_bar(&weekly.weeks, *b, average_hours(&s.minutes, *b)))
                            .collect();
                        plots::count_points(bars.len());
                        let refs: Vec<&BarChart> = below.iter().collect();
                        let chart = BarChart::new(name.clone(), plots::solid(bars, c))
                            .color(c)
                            .element_formatter(hours_hover(name))
                            .stack_on(&refs);
                        below.push(chart);
                    }
                    for chart in below {
                        p.add(chart);
                    }
                    clicked = plots::clicked_at(p).map(|c| (c, bins));
                });
            plots::name(&shown.response, "Hours per week (plot)");
            let items: Vec<_> = weekly
                .series
                .iter()
                .map(|s| (key_colour(ui.ctx(), plan, s.key), key_name(plan, s.key, by)))
                .collect();
            plots::legend(ui, &items);
            if let Some((c, bins)) = clicked {
                open_week_bar(view, weekly, &bins, c);
            }
            if by == StackBy::Goal && !ins.cumulative_hours.is_empty() {
                cumulative(ui, cx);
            }
        },
    );
}

/// Hours so far on each goal, with a marker at each day with time on it.
fn cumulative(ui: &mut Ui, cx: &Cx<'_>) {
    let plan = cx.plan;
    ui.label(RichText::new("Hours so far, per goal (same colours)").strong());
    let shown = date_plot(
        "cumulative",
        cx.range,
        PLOT_HEIGHT * 0.7,
        "Hours",
        hours_text,
    )
    .include_y(0.0)
    .include_y(1.0)
    .show(ui, |p| {
        let width = p.response().rect.width();
        for (goal, points) in &cx.ins.cumulative_hours {
            let name = plan.goal(*goal).map_or("Goal", |g| g.title.as_str());
            let c = key_colour(
                p.ctx(),
                plan,
                Some(crate::model::insights::Key::Goal(*goal)),
            );
            let pts = fit(&since(points, cx.range.0, |h| h), width);
            p.line(plots::line(name, pts.clone()).color(c).width(2.0));
            if pts.len() < 60 {
                p.points(
                    Points::new(name, pts)
                        .shape(MarkerShape::Circle)
                        .radius(3.0)
                        .filled(true)
                        .color(c),
                );
            }
        }
    });
    plots::name(&shown.response, "Hours so far per goal (plot)");
}

/// Opens the Log for the bar and series under a click on the stacked bars.
fn open_week_bar(view: &mut InsightsView, weekly: &Weekly, bins: &[Bin], at: PlotPoint) {
    let Some(day) = date_at(at.x) else { return };
    let end = |i: usize| Period::Week.end_of(weekly.weeks[i]);
    let Some(bin) = bins
        .iter()
        .find(|b| weekly.weeks[b.a] <= day && day <= end(b.b - 1))
    else {
        return;
    };
    let mut top = 0.0;
    let mut key = None;
    for s in &weekly.series {
        top += average_hours(&s.minutes, *bin);
        if at.y <= top {
            key = s.key;
            break;
        }
    }
    view.open(weekly.weeks[bin.a], end(bin.b - 1), key, None);
}
