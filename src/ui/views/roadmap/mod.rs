//! Roadmap: the roles on a time axis with the goals' milestones, the current
//! role as a stepping stone, your purpose, and an editor for the chosen role.

mod editor;
mod hover;
mod lanes;
mod milestones;
mod stone;

use super::ViewCtx;
use crate::model::{Edit, Item, ItemRef, Plan, RoleId, RoleSpan, Stage, role_spans};
use crate::time_axis;
use crate::ui::widgets;
use editor::{new_role, purpose_editor};
use egui::{Color32, RichText};
use egui_plot::{Plot, PlotMemory, VLine};
use hover::{Dots, hover_text, span_at};
use jiff::ToSpan;
use jiff::civil::Date;
use lanes::{
    MILESTONE_LANE, MIN_BAR_PX, Palette, Scale, draw_roles, draw_targets, lane_name, target_marks,
    x_of,
};
use milestones::{Dot, draw_milestones, milestone_dots, milestone_labels};
use stone::stepping_stone;

/// The roadmap's state: which role is being edited.
#[derive(Default)]
pub struct RoadmapView {
    pub selected: Option<RoleId>,
}

/// The roadmap plot's id, so its memory (the zoom) can be found in tests.
pub const PLOT_ID: &str = "roadmap plot";
impl RoadmapView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        widgets::side_panel(ui, "role_editor", 360.0, |ui| {
            if let Some(role) = self.selected.and_then(|id| plan.role(id)) {
                self.role_editor(ui, cx, role, edits);
            } else {
                purpose_editor(ui, plan, edits);
                ui.separator();
                if !plan.roles.is_empty() {
                    widgets::hint(ui, "Click a role on the roadmap to edit it.");
                }
            }
        });
        ui.horizontal(|ui| {
            ui.heading("Roadmap");
            ui.menu_button("\u{2795} Add role", |ui| {
                for stage in Stage::ALL {
                    if ui.button(stage.label()).clicked() {
                        let role = new_role(plan, stage, cx.today);
                        self.selected = Some(role.id);
                        widgets::focus_later(ui.ctx(), ItemRef::Role(role.id));
                        edits.push(Edit::Put(Item::Role(role)));
                    }
                }
            });
            if ui
                .button("\u{1f50d} Explore occupations")
                .on_hover_text("Find a role among 1,016 occupations, with the skills it needs")
                .clicked()
            {
                cx.ask(super::Ask::Occupations);
            }
            ui.label(
                RichText::new("Drag or scroll to pan, Ctrl+scroll to zoom, double-click to fit.")
                    .weak()
                    .small(),
            );
        });
        if plan.roles.is_empty() {
            self.empty_state(ui, plan, cx.today, edits);
        }
        self.timeline(ui, cx);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("stone")
            .show(ui, |ui| stepping_stone(ui, plan, cx.today));
    }

    fn timeline(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let plan = cx.plan;
        let spans = role_spans(plan, cx.today);
        let (done, open) = milestone_dots(plan);
        let targets = target_marks(plan, &spans);
        let palette = Palette {
            dark: ui.visuals().dark_mode,
            text: ui.visuals().strong_text_color(),
            arrow: ui.visuals().weak_text_color(),
        };
        let (from, to) = default_range(&spans, &done, &open, cx.today);
        // The scale the plot drew at last (or will draw at first), to keep
        // short bars clickable and milestone titles apart.
        let days_per_px = PlotMemory::load(ui.ctx(), egui::Id::unique(PLOT_ID)).map_or_else(
            || {
                (x_of(to) - x_of(from)).max(1.0)
                    / f64::from((ui.available_width() - 80.0).max(100.0))
            },
            |m| 1.0 / m.transform().dpos_dvalue_x().max(f64::MIN_POSITIVE),
        );
        let scale = Scale {
            min_bar: MIN_BAR_PX * days_per_px,
            days_per_px,
        };
        let labels = milestone_labels(ui.ctx(), &done, &open, scale);
        let height = (ui.available_height() * 0.55).clamp(220.0, 420.0);
        let plot = Plot::new("roadmap")
            .id(egui::Id::unique(PLOT_ID))
            .height(height)
            // Lanes do not zoom: only time does.
            .allow_zoom([true, false])
            .show_grid([true, false])
            .allow_boxed_zoom(false)
            .y_axis_formatter(|mark, _| lane_name(mark.value))
            .y_grid_spacer(|_| {
                (0..=5)
                    .map(|i| egui_plot::GridMark {
                        value: f64::from(i),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .include_x(x_of(from))
            .include_x(x_of(to))
            .include_y(-0.6)
            .include_y(MILESTONE_LANE + 0.6)
            .label_formatter(|hover| {
                let dots = Dots {
                    done: &done,
                    open: &open,
                    targets: &targets,
                };
                hover_text(hover, plan, &spans, &dots, scale.min_bar, cx.today)
            });
        let response = crate::ui::widgets::plots::date_axis(plot).show(ui, |p| {
            draw_roles(p, plan, &spans, self.selected, &palette, scale);
            draw_targets(p, &targets, &palette);
            draw_milestones(p, &done, &open, &labels, palette.text);
            p.vline(
                VLine::new("Today", x_of(cx.today))
                    .color(Color32::from_rgb(220, 80, 80))
                    .width(1.5)
                    .allow_hover(false),
            );
            p.pointer_coordinate()
        });
        let bounds = response.transform.bounds();
        if let Some(shown) = time_axis::span_text(bounds.min()[0], bounds.max()[0]) {
            ui.label(RichText::new(format!("Showing {shown}")).weak().small());
        }
        if response.response.clicked()
            && let Some(at) = response.inner
        {
            self.selected = span_at(&spans, at, scale.min_bar).map(|s| s.role);
        }
        // Keyboard and screen-reader users pick a role from this row.
        if plan.roles.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Roles:");
            for r in &plan.roles {
                let selected = self.selected == Some(r.id);
                let mark = if cx.problems.of(ItemRef::Role(r.id)).is_empty() {
                    ""
                } else {
                    " \u{26a0}"
                };
                if ui
                    .selectable_label(selected, format!("{}{mark}", r.title))
                    .clicked()
                {
                    super::toggle(&mut self.selected, r.id);
                }
            }
        });
    }

    /// What to do first on an empty roadmap: one line and the button for it.
    fn empty_state(&mut self, ui: &mut egui::Ui, plan: &Plan, today: Date, edits: &mut Vec<Edit>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                "Your roadmap is empty. Start with the role you have now; then add the role you are aiming for next.",
            );
            if ui.button("\u{2795} Add my current role").clicked() {
                let role = new_role(plan, Stage::Current, today);
                self.selected = Some(role.id);
                widgets::focus_later(ui.ctx(), ItemRef::Role(role.id));
                edits.push(Edit::Put(Item::Role(role)));
            }
        });
    }
}

/// The x range the roadmap fits to before any zoom: the roles, the milestones
/// and today, with four more days on each side when that is under two weeks.
/// An empty plan shows from half a year before today to a year and a half
/// after it, so it still has a calendar to read.
fn default_range(
    spans: &[RoleSpan],
    done: &[Dot<'_>],
    open: &[Dot<'_>],
    today: Date,
) -> (Date, Date) {
    let shift = |d: Date, span: jiff::Span| d.checked_add(span).unwrap_or(d);
    if spans.is_empty() && done.is_empty() && open.is_empty() {
        return (shift(today, (-6).months()), shift(today, 18.months()));
    }
    let dates = spans
        .iter()
        .flat_map(|s| [s.from, s.to])
        .chain(done.iter().chain(open).map(|d| d.at));
    let (lo, hi) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    if shift(lo, 14.days()) > hi {
        (shift(lo, (-4).days()), shift(hi, 4.days()))
    } else {
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_plan_shows_two_years_around_today() {
        let today = Date::constant(2026, 11, 25);
        assert_eq!(
            default_range(&[], &[], &[], today),
            (Date::constant(2026, 5, 25), Date::constant(2028, 5, 25))
        );
        // The axis over that range, about 900 points wide, labels months and years.
        let marks = time_axis::calendar_marks(
            x_of(Date::constant(2026, 5, 25)),
            x_of(Date::constant(2028, 5, 25)),
            900.0,
        );
        let labels: Vec<&str> = marks
            .iter()
            .map(|m| m.label.as_str())
            .filter(|l| !l.is_empty())
            .collect();
        assert!(
            labels.contains(&"2027") && labels.contains(&"2028"),
            "{labels:?}"
        );
        assert!(
            labels.iter().filter(|l| **l == "Nov").count() <= 2,
            "{labels:?}"
        );
    }

    #[test]
    fn a_short_plan_fits_its_dates_with_a_few_days_around_them() {
        let today = Date::constant(2026, 6, 15);
        let span = |from, to| RoleSpan {
            role: RoleId(1),
            stage: Stage::Current,
            from,
            to,
        };
        let spans = [span(
            Date::constant(2026, 6, 8),
            Date::constant(2026, 6, 15),
        )];
        assert_eq!(
            default_range(&spans, &[], &[], today),
            (Date::constant(2026, 6, 4), Date::constant(2026, 6, 19))
        );
        let spans = [span(Date::constant(2019, 3, 1), Date::constant(2031, 1, 1))];
        assert_eq!(
            default_range(&spans, &[], &[], today),
            (Date::constant(2019, 3, 1), Date::constant(2031, 1, 1))
        );
    }
}
