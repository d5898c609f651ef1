//! The logging calendar: minutes logged each day of the last year.

use super::{Cx, InsightsView};
use crate::model::insights::duration;
use crate::ui::widgets::plots::{self, card, colour};
use egui::Ui;

/// Logged minutes per day over the last 52 weeks.
pub(super) fn heat_map(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let ins = cx.ins;
    card(
        ui,
        "Logging calendar",
        "Each square is a day of the last year, darker the more time you logged; columns are weeks, Monday at the top.",
        |ui| {
            let Some(start) = ins.heat_start else {
                ui.label("Nothing logged yet.");
                return;
            };
            let weeks = ins.heat.len().div_ceil(7).max(1);
            let cell = ((ui.available_width() - 40.0) / weeks as f32).clamp(4.0, 16.0);
            let top = 14.0;
            let size = egui::vec2(cell * weeks as f32 + 30.0, top + cell * 7.0 + 4.0);
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
            let painter = ui.painter_at(rect);
            let most = ins.heat.iter().copied().max().unwrap_or(0).max(1);
            let base = colour(ui.ctx(), 2);
            let empty = ui.visuals().widgets.inactive.bg_fill;
            for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
                painter.text(
                    rect.left_top() + egui::vec2(0.0, top + cell * (row as f32 + 0.5)),
                    egui::Align2::LEFT_CENTER,
                    name,
                    egui::FontId::proportional(9.0),
                    ui.visuals().weak_text_color(),
                );
            }
            let origin = rect.left_top() + egui::vec2(28.0, top);
            // The month each column starts in, above its first column.
            let mut last_month = None;
            for col in 0..weeks {
                let Ok(day) =
                    start.checked_add(jiff::Span::new().days(i64::try_from(col * 7).unwrap_or(0)))
                else {
                    continue;
                };
                if last_month != Some(day.month()) {
                    last_month = Some(day.month());
                    painter.text(
                        origin + egui::vec2(col as f32 * cell, -top),
                        egui::Align2::LEFT_TOP,
                        day.strftime("%b").to_string(),
                        egui::FontId::proportional(10.0),
                        ui.visuals().weak_text_color(),
                    );
                }
            }
            let cell_rect = |i: usize| {
                let (col, row) = (i / 7, i % 7);
                egui::Rect::from_min_size(
                    origin + egui::vec2(col as f32 * cell, row as f32 * cell),
                    egui::vec2(cell - 1.0, cell - 1.0),
                )
            };
            for (i, m) in ins.heat.iter().enumerate() {
                let fill = if *m == 0 {
                    empty
                } else {
                    let t = 0.25
                        + 0.75
                            * (f32::from(u16::try_from(*m).unwrap_or(u16::MAX))
                                / most.min(u32::from(u16::MAX)) as f32)
                                .min(1.0);
                    base.gamma_multiply(t)
                };
                painter.rect_filled(cell_rect(i), 1.0, fill);
            }
            let hovered = response
                .hover_pos()
                .and_then(|pos| (0..ins.heat.len()).find(|i| cell_rect(*i).contains(pos)));
            if let Some(i) = hovered
                && let Ok(day) =
                    start.checked_add(jiff::Span::new().days(i64::try_from(i).unwrap_or(0)))
            {
                let text = format!(
                    "{}: {}",
                    day.strftime("%a %-d %b %Y"),
                    duration(ins.heat[i])
                );
                let response = response.clone().on_hover_text(text);
                if response.clicked() {
                    view.open(day, day, None, None);
                }
            }
            plots::legend(
                ui,
                &[
                    (empty, "Nothing logged".to_string()),
                    (base.gamma_multiply(0.4), "A little".to_string()),
                    (base, format!("The most in a day ({})", duration(most))),
                ],
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Image, true, "Logging calendar (plot)")
            });
        },
    );
}
