//! The chosen role's editor, and the purpose editor shown when no role is chosen.

use super::RoadmapView;
use crate::model::{Edit, ItemRef, Plan, Requirement, Role, Stage, Teaches};
use crate::ui::views::ViewCtx;
use crate::ui::widgets;
use egui::RichText;
use jiff::ToSpan;
use jiff::civil::Date;

impl RoadmapView {
    pub(super) fn role_editor(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        role: &Role,
        edits: &mut Vec<Edit>,
    ) {
        let plan = cx.plan;
        let mut r = role.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Role", &cx.problems.of(ItemRef::Role(r.id))) {
            self.selected = None;
        }
        changed |= widgets::name_field(ui, "Title", &mut r.title, ItemRef::Role(r.id));
        changed |= widgets::text_field(ui, "Organisation", &mut r.organisation);
        ui.horizontal(|ui| {
            let stages = Stage::ALL.map(|s| (s, s.label().to_string()));
            changed |= widgets::choice(ui, "Stage", "stage", &mut r.stage, &stages);
            if r.stage != Stage::Current && ui.button("Make this my current role").clicked() {
                edits.push(Edit::SetCurrentRole(r.id));
            }
        });
        changed |= widgets::optional_date(ui, "Started", &mut r.start, cx.today);
        let end_label = if r.stage == Stage::Current {
            "Plan to move on"
        } else {
            "Ended"
        };
        if r.stage != Stage::Current && r.stage != Stage::Past {
            changed |= widgets::optional_date(ui, "Hope to start by", &mut r.target_date, cx.today);
        } else {
            changed |= widgets::optional_date(ui, end_label, &mut r.end, cx.today);
        }

        changed |= teaches_editor(ui, plan, &mut r.teaches);
        let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();

        widgets::section(ui, "Skills it asks for");
        let mut remove = None;
        for (i, q) in r.requires.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let name = plan
                    .skill(q.skill)
                    .map_or("(missing skill)", |s| s.name.as_str());
                changed |= widgets::level_combo(
                    ui,
                    name,
                    &format!("req{i}"),
                    &plan.level_names,
                    &mut q.level,
                );
                if ui.small_button("Remove").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            r.requires.remove(i);
            changed = true;
        }
        let not_yet: Vec<_> = skills
            .iter()
            .filter(|(id, _)| !r.requires.iter().any(|q| q.skill == *id))
            .collect();
        if !not_yet.is_empty() {
            ui.menu_button("Add a required skill", |ui| {
                for (id, name) in not_yet {
                    if ui.button(name).clicked() {
                        r.requires.push(plan.skill(*id).map_or(
                            Requirement {
                                skill: *id,
                                level: crate::model::Level(3),
                            },
                            crate::model::Skill::default_requirement,
                        ));
                        changed = true;
                    }
                }
            });
        }

        widgets::section(ui, "Where it leads");
        let others: Vec<_> = plan
            .roles
            .iter()
            .filter(|o| o.id != r.id)
            .map(|o| (o.id, o.title.clone()))
            .collect();
        changed |= widgets::multi_pick(ui, "Leads to:", &mut r.leads_to, &others);
        changed |= widgets::text_area(ui, "Notes", &mut r.notes, 2);
        if widgets::delete_button(ui, "role") {
            edits.push(Edit::Remove(ItemRef::Role(r.id)));
            self.selected = None;
            return;
        }
        if changed {
            // Choosing Current in the Stage list goes through SetCurrentRole.
            edits.push(plan.put_role_edit(r));
        }
    }
}

/// What a role teaches: skills picked from the plan's, and lists of
/// relationships and experiences; true if changed.
fn teaches_editor(ui: &mut egui::Ui, plan: &Plan, teaches: &mut Teaches) -> bool {
    widgets::section(ui, "What it teaches");
    let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
    let mut changed = widgets::multi_pick(ui, "Skills:", &mut teaches.skills, &skills);
    ui.label("Relationships:");
    changed |= widgets::text_list(
        ui,
        "Relationship",
        "\u{2795} Add a relationship",
        &mut teaches.relationships,
    );
    ui.label("Experiences:");
    changed |= widgets::text_list(
        ui,
        "Experience",
        "\u{2795} Add an experience",
        &mut teaches.experiences,
    );
    changed
}
/// A new role of a stage, with sensible dates.
pub(super) fn new_role(plan: &Plan, stage: Stage, today: Date) -> Role {
    let next_year = today.checked_add(1.year()).unwrap_or(today);
    Role {
        start: matches!(stage, Stage::Past | Stage::Current).then_some(today),
        target_date: matches!(stage, Stage::Next | Stage::LongTerm | Stage::Alternative)
            .then_some(next_year),
        ..Role::new(
            plan.new_role_id(),
            format!("New {} role", stage.label().to_lowercase()),
            stage,
        )
    }
}

/// The "why" statements, edited in place.
pub(super) fn purpose_editor(ui: &mut egui::Ui, plan: &Plan, edits: &mut Vec<Edit>) {
    widgets::section(ui, "Why this path matters to you");
    ui.label(
        RichText::new("Shown on tough days. One statement a box; Enter adds the next.")
            .weak()
            .small(),
    );
    let mut purpose = plan.purpose.clone();
    let changed = widgets::text_list(ui, "Why", "\u{2795} Add a why", &mut purpose);
    if changed {
        edits.push(Edit::SetPurpose(purpose));
    }
}
