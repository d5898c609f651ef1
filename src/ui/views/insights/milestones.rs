//! The milestone burn-up with its pace line and projected finish. It runs
//! on past today to the last due date, so the milestones ahead show.

use super::{Cx, InsightsView, PLOT_HEIGHT, since, step};
use crate::model::insights::BurnUp;
use crate::time_axis::day_of;
use crate::ui::widgets::plots::{self, card, colour, date_plot, fit, grey};
use egui::Ui;
use egui_plot::{HLine, LineStyle, MarkerShape, Points, VLine};
use jiff::civil::Date;

/// "3 milestones" for a count on the y axis.
fn count_text(n: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a count of milestones, rounded and clamped at 0"
    )]
    let n = n.round().max(0.0) as usize;
    crate::model::plural(n, "milestone")
}

/// What the projection says in words.
fn finish_text(b: &BurnUp) -> String {
    match b.projected_finish {
        Some(f) => format!(
            "At this rate, the last milestone is done by {}.",
            f.strftime("%-d %b %Y")
        ),
        None if b.done.last().is_some_and(|(_, n)| *n >= b.total) => {
            "Every milestone is done.".to_string()
        }
        None if b.done.is_empty() => {
            "None done yet: the first one you tick off starts the projection.".to_string()
        }
        None => "No milestone done in the last 90 days, or the finish is more than 10 years away."
            .to_string(),
    }
}

pub(super) fn burn_up(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let b = &cx.ins.burn_up;
    card(
        ui,
        "Milestones: burn-up",
        "Milestones done against milestones due over time. The dashed line is the pace that finishes on the last due date; the diamond is when you would finish at your last 90 days' rate.",
        |ui| {
            if b.total == 0 {
                ui.label("No milestones yet: add some under a goal.");
                return;
            }
            let last_due = b.planned.last().map(|(d, _)| *d);
            // A finish far out is told in words; the plot keeps to the near years.
            let near = cx
                .today
                .checked_add(jiff::Span::new().years(2))
                .unwrap_or(Date::MAX);
            let finish = b.projected_finish.filter(|f| *f <= near);
            let to = [Some(cx.range.1), last_due, finish]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(cx.range.1);
            let range = (cx.range.0, to);
            let mut clicked = None;
            let shown = date_plot("burnup", range, PLOT_HEIGHT, "Milestones", count_text)
                .include_y(0.0)
                .include_y(f64::from(b.total))
                .show(ui, |p| {
                    let width = p.response().rect.width();
                    let pts = |v: &[(Date, u32)]| since(v, range.0, f64::from);
                    let (done, due) = (pts(&b.done), pts(&b.planned));
                    p.line(
                        plots::line("Done", fit(&step(&done), width))
                            .color(colour(p.ctx(), 2))
                            .width(2.0),
                    );
                    p.line(plots::line("Due", fit(&step(&due), width)).color(colour(p.ctx(), 1)));
                    // Markers at each milestone, so one alone still shows.
                    for (name, points, c) in [("Done", done, 2), ("Due", due, 1)] {
                        p.points(
                            Points::new(name, fit(&points, width))
                                .shape(MarkerShape::Circle)
                                .radius(3.5)
                                .filled(true)
                                .color(colour(p.ctx(), c)),
                        );
                    }
                    if let Some([(d0, y0), (d1, y1)]) = b.pace {
                        p.line(
                            plots::line("Pace", vec![[day_of(d0), y0], [day_of(d1), y1]])
                                .style(LineStyle::dashed_loose())
                                .color(grey(p.ctx())),
                        );
                    }
                    p.hline(HLine::new("All milestones", f64::from(b.total)).color(grey(p.ctx())));
                    if let Some(f) = finish {
                        p.points(
                            Points::new(
                                format!("Projected finish: {}", f.strftime("%-d %b %Y")),
                                vec![[day_of(f), f64::from(b.total)]],
                            )
                            .shape(MarkerShape::Diamond)
                            .radius(7.0)
                            .color(colour(p.ctx(), 5)),
                        );
                    }
                    p.vline(VLine::new("Today", day_of(cx.today)).color(grey(p.ctx())));
                    clicked = plots::clicked_at(p);
                });
            plots::name(&shown.response, "Milestone burn-up (plot)");
            let mut items = vec![
                (colour(ui.ctx(), 2), "Done".to_string()),
                (colour(ui.ctx(), 1), "Due".to_string()),
                (
                    grey(ui.ctx()),
                    "Pace (dashed) and all milestones".to_string(),
                ),
            ];
            if finish.is_some() {
                items.push((colour(ui.ctx(), 5), "Projected finish".to_string()));
            }
            plots::legend(ui, &items);
            view.open_week_at(clicked, None, cx.today);
            ui.label(finish_text(b));
        },
    );
}
