//! Alignment: the share of each week's time that served the direction.

use super::weekly::{Bin, bin_bar, bins};
use super::{Cx, InsightsView, PLOT_HEIGHT, bar_span, percent_text};
use crate::time_axis::day_of;
use crate::ui::widgets::plots::{self, card, colour, date_plot, fit};
use egui::Ui;
use egui_plot::{Bar, BarChart, MarkerShape, Points};
use jiff::civil::Date;

/// The aligned share of the weeks in `bin`, weighted by minutes (0 when empty).
fn share(ins: &crate::model::insights::Insights, bin: Bin) -> f64 {
    let span = &ins.alignment[bin.a..bin.b];
    let minutes: u64 = span.iter().map(|w| u64::from(w.minutes)).sum();
    let aligned: u64 = span.iter().map(|w| u64::from(w.aligned)).sum();
    if minutes == 0 {
        0.0
    } else {
        aligned as f64 / minutes as f64
    }
}

pub(super) fn alignment(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let ins = cx.ins;
    card(
        ui,
        "Alignment",
        "Each week, the share of logged time that served a goal or a skill your next role needs; from the fourth week on, the line is the average over four weeks.",
        |ui| {
            if ins.alignment.is_empty() {
                ui.label("Nothing logged yet.");
                return;
            }
            let mut clicked = None;
            let (from, _) = cx.range;
            let averaged = ins.alignment.iter().any(|w| w.rolling.is_some());
            let shown = date_plot(
                "alignment",
                cx.range,
                PLOT_HEIGHT,
                "Share (%)",
                percent_text,
            )
            .include_y(0.0)
            .include_y(100.0)
            .show(ui, |p| {
                let width = p.response().rect.width();
                let weeks: Vec<Date> = ins.alignment.iter().map(|w| w.week).collect();
                let bars: Vec<Bar> = bins(&weeks, from, width)
                    .into_iter()
                    .map(|bin| bin_bar(&weeks, bin, share(ins, bin) * 100.0))
                    .collect();
                plots::count_points(bars.len());
                let c = colour(p.ctx(), 2);
                p.add(
                    BarChart::new("Aligned share", plots::solid(bars, c))
                        .color(c)
                        .element_formatter(Box::new(|bar, _| {
                            format!(
                                "{}: {:.0}% of the time served your direction",
                                bar_span(bar),
                                bar.value
                            )
                        })),
                );
                // The average only where four weeks of log stand behind it.
                let line: Vec<[f64; 2]> = ins
                    .alignment
                    .iter()
                    .filter(|w| w.week >= from)
                    .filter_map(|w| w.rolling.map(|r| [day_of(w.week) + 3.5, r * 100.0]))
                    .collect();
                let c = colour(p.ctx(), 1);
                let line = fit(&line, width);
                if line.len() == 1 {
                    p.points(
                        Points::new("4-week average", line)
                            .shape(MarkerShape::Circle)
                            .radius(4.0)
                            .filled(true)
                            .color(c),
                    );
                } else {
                    p.line(plots::line("4-week average", line).color(c).width(2.0));
                }
                clicked = plots::clicked_at(p);
            });
            plots::name(&shown.response, "Alignment per week (plot)");
            let mut items = vec![(colour(ui.ctx(), 2), "Share of the week's time".to_string())];
            if averaged {
                items.push((colour(ui.ctx(), 1), "Average over 4 weeks".to_string()));
            }
            plots::legend(ui, &items);
            view.open_week_at(clicked, None, cx.today);
        },
    );
}
