//! Where a new plan begins: the welcome (first start, File > New) and the
//! career-path templates with a preview.

use super::Outcome;
use crate::ui::app::commands::Command;

/// Where to begin: on the first start, a line on what Stepstone is too.
pub(super) fn welcome(ui: &mut egui::Ui, first: bool) -> Option<Outcome> {
    if first {
        ui.heading("Welcome to Stepstone");
        ui.label(
            "Plan your current role as a stepping stone to the next: the skills it needs, \
             goals and milestones, and a few seconds a day to log what you did.",
        );
    } else {
        ui.heading("Start a new plan");
    }
    ui.add_space(6.0);
    let mut answer = None;
    let choices = [
        (
            "Guided start",
            "Six short steps: your why, your roles, skills and a first goal.",
            Outcome::Run(Command::GuidedStart),
        ),
        (
            "Start from a career path",
            "Roles, skills and goals for a common path; you make it yours.",
            Outcome::Run(Command::NewFromTemplate),
        ),
        (
            "Explore occupations",
            "Find your next job among 1,016, with the skills each needs.",
            Outcome::Run(Command::Occupations),
        ),
        (
            "Start with an empty plan",
            "Build it yourself from scratch.",
            Outcome::Run(Command::NewEmpty),
        ),
        (
            "Open a plan file\u{2026}",
            "A plan you or your mentor made.",
            Outcome::Run(Command::Open),
        ),
        (
            "Explore the sample plan",
            "A nurse educator's plan with six months of log: look around first.",
            Outcome::Run(Command::NewFromSample),
        ),
    ];
    let mut shown = Vec::new();
    for (label, what, choice) in choices {
        ui.horizontal(|ui| {
            let button = ui.add_sized([220.0, 28.0], egui::Button::new(label));
            if button.clicked() {
                answer = Some(choice);
            }
            shown.push(button);
            ui.label(egui::RichText::new(what).weak());
        });
    }
    // The keyboard starts on the first choice: Enter takes it, Tab moves on.
    let focused = ui.memory(egui::Memory::focused);
    if !shown.iter().any(|b| Some(b.id) == focused)
        && let Some(first_choice) = shown.first()
    {
        first_choice.request_focus();
    }
    if !first {
        ui.add_space(6.0);
        if ui.button("Cancel").clicked() {
            answer = Some(Outcome::Closed);
        }
    }
    answer
}

/// The template list (left) and a preview of the selected one (right).
pub(super) fn pick_template(ui: &mut egui::Ui, selected: &mut usize) -> Option<Outcome> {
    let all = crate::io::templates::templates();
    ui.set_max_width(760.0);
    ui.heading("Start from a career path");
    ui.label("A template gives you the roles, the skills each needs and suggested goals; you make it yours.");
    let mut answer = None;
    // Fixed sizes: a separator or a filling column would grow the dialog
    // every frame.
    ui.horizontal_top(|ui| {
        let column = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(260.0, 380.0), column, |ui| {
            ui.set_width(260.0);
            for (i, t) in all.iter().enumerate() {
                if ui.selectable_label(*selected == i, &t.title).clicked() {
                    *selected = i;
                }
            }
        });
        ui.add_space(12.0);
        ui.allocate_ui_with_layout(egui::vec2(440.0, 380.0), column, |ui| {
            ui.set_width(440.0);
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .show(ui, |ui| {
                    if let Some(t) = all.get(*selected) {
                        template_preview(ui, t);
                    }
                });
        });
    });
    ui.separator();
    let chosen = all.get(*selected).map(|t| t.name.clone());
    ui.horizontal(|ui| {
        if ui.button("Start from this template").clicked() {
            answer = chosen.map(Outcome::Template);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Outcome::Closed);
        }
    });
    answer
}

/// What a template holds: its path of roles, the skills and the goals.
fn template_preview(ui: &mut egui::Ui, t: &crate::io::templates::Template) {
    let plan = t.plan();
    ui.label(egui::RichText::new(&t.title).strong());
    ui.label(egui::RichText::new(&t.about).weak());
    let path: Vec<String> = plan
        .roles
        .iter()
        .map(|r| format!("{} ({})", r.title, r.stage.label()))
        .collect();
    ui.label(format!("Roles: {}", path.join(", ")));
    let skills: Vec<&str> = plan.skills.iter().map(|s| s.name.as_str()).collect();
    ui.label(format!("Skills: {}", skills.join(", ")));
    ui.label("Suggested goals:");
    for g in &plan.goals {
        ui.label(format!(
            "\u{2022} {} ({} milestones)",
            g.title,
            g.milestones.len()
        ));
    }
}
