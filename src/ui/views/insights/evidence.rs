//! Evidence per skill a target role needs: on how many days the person
//! logged work on it. Drawn as rows (a name, a bar, a count) that fit any
//! column; a click on a row opens the Log on that skill's entries.

use super::{Cx, InsightsView};
use crate::model::insights::Key;
use crate::ui::widgets::plots::{self, card, colour};
use egui::{Align2, FontId, Sense, Ui, vec2};

/// Height of one row, in points.
const ROW: f32 = 22.0;

pub(super) fn evidence(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let (plan, ins) = (cx.plan, cx.ins);
    card(
        ui,
        "Evidence per skill",
        "For each skill a target role needs: on how many different days you logged work on it. Few days means little to show for it yet.",
        |ui| {
            if ins.evidence.is_empty() {
                ui.label("No target role lists required skills yet.");
                return;
            }
            let rows = ins.evidence.len();
            let width = ui.available_width();
            let (rect, response) =
                ui.allocate_exact_size(vec2(width, ROW * rows as f32), Sense::click());
            let painter = ui.painter_at(rect);
            let names_width = (width * 0.35).clamp(80.0, 220.0);
            let count_width = 70.0;
            let bar_width = (width - names_width - count_width - 12.0).max(20.0);
            let most = ins
                .evidence
                .iter()
                .map(|e| e.days)
                .max()
                .unwrap_or(0)
                .max(1);
            let fill = colour(ui.ctx(), 0);
            let text = ui.visuals().text_color();
            let font = FontId::proportional(13.0);
            for (i, e) in ins.evidence.iter().enumerate() {
                let top = rect.top() + ROW * i as f32;
                let name = plan.skill(e.skill).map_or("Skill", |s| s.name.as_str());
                // The name, cut to its column.
                let galley =
                    painter.layout(name.to_string(), font.clone(), text, names_width - 6.0);
                let name_rect = egui::Rect::from_min_size(
                    egui::pos2(rect.left(), top),
                    vec2(names_width - 6.0, ROW),
                );
                painter.with_clip_rect(name_rect).galley(
                    egui::pos2(rect.left(), top + (ROW - galley.size().y.min(ROW)) / 2.0),
                    galley,
                    text,
                );
                let x0 = rect.left() + names_width;
                let length = bar_width * e.days as f32 / most as f32;
                painter.rect_filled(
                    egui::Rect::from_min_size(
                        egui::pos2(x0, top + 4.0),
                        vec2(length.max(2.0), ROW - 8.0),
                    ),
                    2.0,
                    if e.days == 0 {
                        ui.visuals().weak_text_color()
                    } else {
                        fill
                    },
                );
                painter.text(
                    egui::pos2(x0 + length + 6.0, top + ROW / 2.0),
                    Align2::LEFT_CENTER,
                    crate::model::plural(usize::try_from(e.days).unwrap_or(0), "day"),
                    font.clone(),
                    text,
                );
            }
            let row_at = |y: f32| {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a row index from a position inside the rows"
                )]
                let i = ((y - rect.top()) / ROW).max(0.0) as usize;
                ins.evidence.get(i)
            };
            let hovered = response.hover_pos().and_then(|p| row_at(p.y));
            let response = match hovered {
                Some(e) => {
                    let name = plan.skill(e.skill).map_or("Skill", |s| s.name.as_str());
                    let roles: Vec<&str> = e
                        .roles
                        .iter()
                        .filter_map(|r| plan.role(*r))
                        .map(|r| r.title.as_str())
                        .collect();
                    response.on_hover_text(format!(
                        "{name}: {} with entries on it.\nNeeded by {}.\nClick to see them in the Log.",
                        crate::model::plural(usize::try_from(e.days).unwrap_or(0), "day"),
                        roles.join(", ")
                    ))
                }
                None => response,
            };
            if response.clicked()
                && let Some(e) = response.interact_pointer_pos().and_then(|p| row_at(p.y))
            {
                view.open(None, cx.today, Some(Key::Skill(e.skill)), None);
            }
            plots::name(&response, "Evidence per skill (plot)");
        },
    );
}
