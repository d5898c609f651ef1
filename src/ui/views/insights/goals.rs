//! The goals' pace: each open goal with a due date against its pace line.

use super::{Cx, InsightsView};
use crate::model::GoalStatus;
use crate::model::insights::{GoalProgress, Key};
use crate::ui::widgets::plots::card;
use crate::ui::widgets::{progress_bar, status_badge};
use egui::Ui;

pub(super) fn pace(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let plan = cx.plan;
    card(
        ui,
        "Goals: pace",
        "Where each goal with a due date is against its pace line today. On track: at least 95% of where it should be; behind: 75 to 95%; at risk: below 75%.",
        |ui| {
            // Open goals only: a done or dropped goal has no pace to keep.
            let paced: Vec<&GoalProgress> = cx
                .ins
                .goals
                .iter()
                .filter(|g| g.status.is_some())
                .filter(|g| {
                    plan.goal(g.goal).is_some_and(|g| {
                        !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped)
                    })
                })
                .collect();
            if paced.is_empty() {
                ui.label("No goal has a due date and something to count yet: give a goal a due date and a measure (hours or entries) or milestones.");
                return;
            }
            // Each row fits the card: the bar and the badge take what they
            // need, and the title is cut to the rest (whole on hover).
            let width = ui.available_width();
            let bar = (width * 0.35).clamp(120.0, 300.0);
            let badge = 70.0;
            let gap = ui.spacing().item_spacing.x;
            let title = (width - bar - badge - 2.0 * gap).max(60.0);
            for p in paced {
                let Some(goal) = plan.goal(p.goal) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let link = ui
                        .allocate_ui_with_layout(
                            egui::vec2(title, ui.spacing().interact_size.y),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.set_width(title);
                                ui.add(
                                    egui::Label::new(
                                        egui::RichText::new(&goal.title)
                                            .color(ui.visuals().hyperlink_color),
                                    )
                                    .truncate()
                                    .show_tooltip_when_elided(false)
                                    .sense(egui::Sense::click()),
                                )
                            },
                        )
                        .inner
                        .on_hover_text(format!("{}\nShow its entries in the Log", goal.title));
                    if link.clicked() {
                        view.open(None, cx.today, Some(Key::Goal(goal.id)), None);
                    }
                    progress_bar(ui, p, true, bar);
                    status_badge(ui, p.status);
                });
            }
        },
    );
}
