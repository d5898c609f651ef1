//! The target roles: readiness over time with the forecast held against
//! the date the person wants, and the roles compared side by side.

use super::{Cx, InsightsView, PLOT_HEIGHT, percent_text, since, step};
use crate::model::RoleId;
use crate::model::insights::{FORECAST_RULE, Insights};
use crate::time_axis::day_of;
use crate::ui::widgets::plots::{self, card, colour, date_plot, fit, grey};
use egui::{RichText, Ui};
use egui_plot::{LineStyle, MarkerShape, Points, VLine};

/// A target role's colour: by its place among the options.
fn role_colour(ctx: &egui::Context, ins: &Insights, role: RoleId) -> egui::Color32 {
    colour(
        ctx,
        ins.options.iter().position(|o| o.role == role).unwrap_or(0),
    )
}

/// The `i`th role's line and marker: two roles at the same readiness stay
/// told apart (solid under dashed, circles under squares).
fn role_style(i: usize) -> (LineStyle, MarkerShape, f32) {
    match i % 3 {
        0 => (LineStyle::Solid, MarkerShape::Circle, 3.0),
        1 => (LineStyle::dashed_dense(), MarkerShape::Square, 2.0),
        _ => (LineStyle::dotted_dense(), MarkerShape::Diamond, 2.0),
    }
}

pub(super) fn readiness(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let (plan, ins) = (cx.plan, cx.ins);
    card(
        ui,
        "Target roles: readiness and arrival",
        "How ready you were for each target role over time (the share of its required levels you had), and where you stand against the date you want it.",
        |ui| {
            if ins.readiness_over_time.is_empty() {
                ui.label("No target role lists required skills yet: add a Next role on the Roadmap and the skills it asks for.");
            } else {
                let mut clicked = None;
                let shown = date_plot(
                    "readiness",
                    cx.range,
                    PLOT_HEIGHT,
                    "Ready (%)",
                    percent_text,
                )
                .include_y(0.0)
                .include_y(100.0)
                .show(ui, |p| {
                    for (i, (role, points)) in ins.readiness_over_time.iter().enumerate() {
                        let name = plan.role(*role).map_or("Role", |r| r.title.as_str());
                        let c = role_colour(p.ctx(), ins, *role);
                        let (style, shape, radius) = role_style(i);
                        let pts = since(points, cx.range.0, |r| r * 100.0);
                        p.line(
                            plots::line(name, fit(&step(&pts), p.response().rect.width()))
                                .color(c)
                                .style(style)
                                .width(2.0),
                        );
                        // A marker at each change: one day on record still shows.
                        p.points(
                            Points::new(name, fit(&pts, p.response().rect.width()))
                                .shape(shape)
                                .radius(radius + 1.0)
                                .filled(true)
                                .color(c),
                        );
                    }
                    p.vline(VLine::new("Today", day_of(cx.today)).color(grey(p.ctx())));
                    clicked = plots::clicked_at(p);
                });
                plots::name(&shown.response, "Readiness over time (plot)");
                view.open_week_at(clicked, None, cx.today);
            }
            for o in &ins.options {
                let Some(role) = plan.role(o.role) else {
                    continue;
                };
                let f = &o.forecast;
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(role_colour(ui.ctx(), ins, o.role), "\u{25a0}");
                    ui.label(RichText::new(&role.title).strong());
                    if let Some(r) = o.readiness {
                        ui.label(format!("{:.0}% ready.", r.score * 100.0));
                    }
                    ui.label(f.sentence()).on_hover_text(FORECAST_RULE);
                });
                if let Some(takes) = f.what_it_takes() {
                    ui.label(RichText::new(takes).weak());
                }
            }
        },
    );
}

pub(super) fn options(_view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let (plan, ins) = (cx.plan, cx.ins);
    card(
        ui,
        "Options compared",
        "Your target roles side by side: how far each is, where you stand against the date you want it, and the skills that count toward more than one.",
        |ui| {
            if ins.options.is_empty() {
                ui.label(
                    "No target role yet: add a Next, Long-term or Option role on the Roadmap.",
                );
                return;
            }
            egui::Grid::new("options")
                .num_columns(4)
                .striped(true)
                .show(ui, |ui| {
                    for h in ["Role", "Ready", "To go", "Forecast"] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for o in &ins.options {
                        let Some(role) = plan.role(o.role) else {
                            continue;
                        };
                        ui.label(format!("{} ({})", role.title, role.stage.label()));
                        ui.label(o.readiness.map_or("\u{2014}".to_string(), |r| {
                            format!("{:.0}%", r.score * 100.0)
                        }));
                        ui.label(crate::model::levels_to_go(o.total_gap));
                        ui.label(o.forecast.headline())
                            .on_hover_text(o.forecast.sentence());
                        ui.end_row();
                    }
                });
            if ins.shared_skills.is_empty() {
                ui.label(RichText::new("No skill counts toward more than one target role.").weak());
            } else {
                ui.label(RichText::new("Skills that pay off on more than one path:").strong());
                for (skill, roles) in &ins.shared_skills {
                    let name = plan.skill(*skill).map_or("Skill", |s| s.name.as_str());
                    let titles: Vec<&str> = roles
                        .iter()
                        .filter_map(|r| plan.role(*r))
                        .map(|r| r.title.as_str())
                        .collect();
                    ui.label(format!("{name}: {}", titles.join(", ")));
                }
            }
        },
    );
}
