//! The balance of experience: hours a month by kind of experience.

use super::{Cx, InsightsView, PLOT_HEIGHT, bar_span, hours_text};
use crate::model::ExperienceKind;
use crate::model::insights::MonthKinds;
use crate::time_axis::{date_at, day_of};
use crate::ui::widgets::plots::{self, card, colour, date_plot, grey};
use egui::Ui;
use egui_plot::{Bar, BarChart};

/// A kind of experience's colour; routine duty is grey.
fn kind_colour(ctx: &egui::Context, kind: ExperienceKind) -> egui::Color32 {
    match ExperienceKind::ALL.iter().position(|k| *k == kind) {
        Some(_) if kind == ExperienceKind::Routine => grey(ctx),
        Some(i) => colour(ctx, i),
        None => grey(ctx),
    }
}

/// The bars of one kind of experience: hours a month, averaged over groups
/// of months so that a bar is at least 8 points wide.
fn month_bars(months: &[MonthKinds], k: usize, width: f32) -> Vec<Bar> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points"
    )]
    let most = (width / 8.0).max(1.0) as usize;
    let size = months.len().div_ceil(most).max(1);
    months
        .chunks(size)
        .filter_map(|group| {
            let (a, b) = (group.first()?, group.last()?);
            let sum: u64 = group.iter().map(|m| u64::from(m.minutes[k])).sum();
            let per_month = sum as f64 / group.len().max(1) as f64;
            let x0 = day_of(a.month);
            let x1 = day_of(b.month.last_of_month()) + 1.0;
            Some(Bar::new(f64::midpoint(x0, x1), per_month / 60.0).width((x1 - x0) * 0.85))
        })
        .collect()
}

pub(super) fn balance(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let ins = cx.ins;
    card(
        ui,
        "Experience balance",
        "Time per month by kind of experience: learning, relationships, mentoring, going beyond your duties, and routine (grey). Growth comes from the first four.",
        |ui| {
            if ins.balance.is_empty() {
                ui.label("Nothing logged yet.");
                return;
            }
            let first = ins
                .balance
                .partition_point(|m| m.month < cx.range.0.first_of_month());
            let months = &ins.balance[first..];
            let mut clicked = None;
            let shown = date_plot(
                "balance",
                cx.range,
                PLOT_HEIGHT,
                "Hours a month",
                hours_text,
            )
            .include_y(0.0)
            .include_y(1.0)
            .show(ui, |p| {
                let mut below: Vec<BarChart> = Vec::new();
                let width = p.response().rect.width();
                for (k, kind) in ExperienceKind::ALL.iter().enumerate() {
                    let bars = month_bars(months, k, width);
                    plots::count_points(bars.len());
                    let refs: Vec<&BarChart> = below.iter().collect();
                    let c = kind_colour(p.ctx(), *kind);
                    below.push(
                        BarChart::new(kind.label(), plots::solid(bars, c))
                            .color(c)
                            .element_formatter(Box::new(move |bar, _| {
                                format!(
                                    "{}\n{}: {} a month",
                                    kind.label(),
                                    bar_span(bar),
                                    hours_text(bar.value)
                                )
                            }))
                            .stack_on(&refs),
                    );
                }
                for chart in below {
                    p.add(chart);
                }
                clicked = plots::clicked_at(p);
            });
            plots::name(&shown.response, "Experience balance per month (plot)");
            let items: Vec<_> = ExperienceKind::ALL
                .iter()
                .map(|k| (kind_colour(ui.ctx(), *k), k.label().to_string()))
                .collect();
            plots::legend(ui, &items);
            if let Some(c) = clicked
                && let Some(day) = date_at(c.x)
            {
                let first = day.first_of_month();
                let mut top = 0.0;
                let mut kind = None;
                if let Some(m) = ins.balance.iter().find(|m| m.month == first) {
                    for (k, minutes) in m.minutes.iter().enumerate() {
                        top += f64::from(*minutes) / 60.0;
                        if c.y <= top {
                            kind = ExperienceKind::ALL.get(k).copied();
                            break;
                        }
                    }
                }
                view.open(first, first.last_of_month(), None, kind);
            }
        },
    );
}
