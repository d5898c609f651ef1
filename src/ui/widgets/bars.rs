//! Small bars and badges: skill levels, recent time, a goal's progress and pace.

use crate::model::Level;
use crate::model::insights::{GoalProgress, PaceStatus, ProgressUnit};
use egui::{RichText, Ui};

/// Five boxes: filled up to the level, outlined up to the target.
pub fn level_bar(ui: &mut Ui, level: Level, target: Option<Level>) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(5.0 * 14.0, 10.0), egui::Sense::hover());
    let filled = pip_fill(ui.visuals());
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    for i in 0..Level::MAX.0 {
        let x = rect.left() + f32::from(i) * 14.0;
        let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(11.0, 10.0));
        if i < level.0 {
            ui.painter().rect_filled(r, 2.0, filled);
        } else if target.is_some_and(|t| i < t.0) {
            ui.painter()
                .rect_stroke(r, 2.0, stroke, egui::StrokeKind::Inside);
        } else {
            ui.painter()
                .rect_filled(r, 2.0, ui.visuals().faint_bg_color);
        }
    }
    response
}

/// Three small bars for three spans of time (oldest first), scaled to the
/// largest, so the shape reads at a glance: an empty span is a thin line.
/// `name` is what a screen reader says (the numbers).
pub fn trend_bars(ui: &mut Ui, values: [u32; 3], name: &str) -> egui::Response {
    const WIDTH: f32 = 6.0;
    const GAP: f32 = 2.0;
    const HEIGHT: f32 = 14.0;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(3.0 * WIDTH + 2.0 * GAP, HEIGHT),
        egui::Sense::hover(),
    );
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f32;
    let filled = pip_fill(ui.visuals());
    let empty = ui.visuals().weak_text_color();
    for (i, v) in values.iter().enumerate() {
        let (height, colour) = if *v == 0 {
            (1.0, empty)
        } else {
            ((HEIGHT * *v as f32 / max).max(2.0), filled)
        };
        let x = rect.left() + i as f32 * (WIDTH + GAP);
        let bar = egui::Rect::from_min_max(
            egui::pos2(x, rect.bottom() - height),
            egui::pos2(x + WIDTH, rect.bottom()),
        );
        ui.painter().rect_filled(bar, 1.0, colour);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
    response
}

/// The colour of a filled level pip. On a selected table row (whose
/// background is the selection colour) it takes the row's text colour.
fn pip_fill(visuals: &egui::Visuals) -> egui::Color32 {
    visuals
        .override_text_color
        .unwrap_or(visuals.selection.bg_fill)
}

/// A goal's progress bar ("45 min of 60 h"), outlined so its whole length
/// shows in the light theme too, with what it means on hover. `open`: the
/// goal is neither done nor dropped (only then are pace and projection told).
pub fn progress_bar(ui: &mut Ui, p: &GoalProgress, open: bool, width: f32) {
    #[expect(clippy::cast_possible_truncation, reason = "a share from 0 to 1")]
    let share = p.share() as f32;
    let bar = ui.add(
        egui::ProgressBar::new(share)
            .desired_width(width)
            .text(p.text()),
    );
    ui.painter().rect_stroke(
        bar.rect,
        bar.rect.height() / 2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    bar.on_hover_text(progress_hover(p, open));
}

/// What a goal's progress bar says on hover: done, the pace line, and when
/// the target would be reached.
fn progress_hover(p: &GoalProgress, open: bool) -> String {
    let mut lines = vec![format!("Done so far: {}.", p.text())];
    if let (Some(ideal), true) = (p.ideal_by_today, open) {
        lines.push(format!(
            "The pace line to the due date says {} by today.",
            amount(p, ideal)
        ));
    }
    if p.target > 0.0 && p.done >= p.target {
        lines.push("Target reached.".to_string());
    } else if open {
        lines.push(p.projection_text());
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

/// "45 min", "12 h", "3 entries", "2 milestones".
fn amount(p: &GoalProgress, value: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "small, rounded, clamped at 0"
    )]
    let n = value.max(0.0).round() as u64;
    match p.unit {
        ProgressUnit::Minutes => crate::model::insights::duration(n),
        ProgressUnit::Entries => crate::model::plural(usize::try_from(n).unwrap_or(0), "entry"),
        ProgressUnit::Milestones => {
            crate::model::plural(usize::try_from(n).unwrap_or(0), "milestone")
        }
    }
}

/// A coloured "On track" / "Behind" / "At risk" (nothing without a status).
pub fn status_badge(ui: &mut Ui, status: Option<PaceStatus>) {
    let Some(s) = status else {
        ui.label("");
        return;
    };
    let c = match s {
        PaceStatus::OnTrack => super::plots::colour(ui.ctx(), 2),
        PaceStatus::Behind => super::plots::colour(ui.ctx(), 1),
        PaceStatus::AtRisk => super::plots::colour(ui.ctx(), 5),
    };
    ui.label(RichText::new(s.label()).color(c).strong());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_pips_show_on_a_selected_row() {
        let mut v = egui::Visuals::dark();
        assert_eq!(pip_fill(&v), v.selection.bg_fill);
        // A selected egui_extras row paints the selection colour behind its cells
        // and sets the text colour to the selection's stroke.
        v.override_text_color = Some(v.selection.stroke.color);
        assert_ne!(pip_fill(&v), v.selection.bg_fill);
    }
}
