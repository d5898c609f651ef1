//! The current role as a stepping stone.

use crate::model::{Plan, skill_gaps};
use crate::ui::widgets;
use egui::RichText;
use jiff::civil::Date;

/// The current role as a stepping stone: what it teaches and where it leads.
pub(super) fn stepping_stone(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    let Some(current) = plan.current_role() else {
        if plan.roles.is_empty() {
            return; // the empty roadmap already says what to do first
        }
        ui.label("No role is marked current yet. Add one, or pick a role and choose \"Make this my current role\".");
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("Stepping stone: {}", current.title))
                    .strong()
                    .size(16.0),
            );
            let teaches: Vec<_> = current
                .teaches
                .skills
                .iter()
                .filter_map(|id| plan.skill(*id))
                .collect();
            if !teaches.is_empty() {
                ui.label("What it is teaching you:");
                egui::Grid::new("teaches").num_columns(3).show(ui, |ui| {
                    for s in teaches {
                        ui.label(&s.name);
                        let level = s.current_level(today);
                        widgets::level_bar(ui, level, s.target.map(|t| t.level));
                        ui.label(plan.level_names.name(level));
                        ui.end_row();
                    }
                });
            }
            for (what, list) in [
                ("Relationships", &current.teaches.relationships),
                ("Experiences", &current.teaches.experiences),
            ] {
                // A box just added and not yet filled in is not listed.
                let named: Vec<&str> = list
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                if !named.is_empty() {
                    ui.label(format!("{what}: {}", named.join("; ")));
                }
            }
            if let Some(end) = current.end {
                ui.label(format!("You plan to stay until {}.", end.strftime("%B %Y")));
            }
            for next in current.leads_to.iter().filter_map(|id| plan.role(*id)) {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!("Leads to: {} ({})", next.title, next.stage.label()))
                        .strong(),
                );
                let gaps = skill_gaps(plan, next, today);
                if next.requires.is_empty() {
                    ui.label("It does not list the skills it asks for yet; add them to see what is still to grow.");
                } else if gaps.is_empty() {
                    ui.label("Every skill it asks for is at the level it needs.");
                } else {
                    let text: Vec<String> = gaps
                        .iter()
                        .filter_map(|g| {
                            plan.skill(g.skill)
                                .map(|s| format!("{} {} \u{27a1} {}", s.name, g.have.0, g.need.0))
                        })
                        .collect();
                    ui.label(format!("Still to grow: {}", text.join(", ")));
                }
            }
        });
}
