//! Skills: a sortable, filterable table and an editor that records level
//! changes with a date and evidence (adding to the history, never overwriting).

use super::ViewCtx;
use crate::model::insights::Insights;
use crate::model::insights::duration;
use crate::model::{
    Edit, Item, ItemRef, Level, LevelChange, Plan, Skill, SkillId, SkillTarget, name_key,
    text_contains,
};
use crate::ui::widgets;
use egui::RichText;
use egui_extras::{Column, TableRow};
use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum SortBy {
    #[default]
    Name,
    Category,
    Level,
    Gap,
    LastChange,
    /// Time logged in the last 90 days.
    Recent,
}

/// The skills view's state.
#[derive(Default)]
pub struct SkillsView {
    pub selected: Option<SkillId>,
    filter: String,
    sort: SortBy,
    descending: bool,
    /// The "record a new level" form, for the skill it was opened on.
    new_level: Option<(SkillId, LevelChange)>,
    /// A row was just clicked: the keyboard goes to its new level's evidence.
    focus_evidence: bool,
}

fn gap(s: &Skill, today: Date) -> u8 {
    s.target
        .map_or(0, |t| t.level.0.saturating_sub(s.current_level(today).0))
}

fn last_change(s: &Skill) -> Option<Date> {
    s.history.iter().map(|c| c.date).max()
}

/// Minutes on the skill in the last 90 days, and in each 30 of them (oldest first).
fn recent(insights: &Insights, s: &Skill) -> (u32, [u32; 3]) {
    insights
        .skill_recent
        .get(&s.id)
        .copied()
        .unwrap_or_default()
}

/// A skill's name in the table, on one line: cut short with "…" when the
/// column is too narrow, the whole name then on hover.
fn name_button(ui: &mut egui::Ui, selected: bool, name: &str) -> egui::Response {
    let width = egui::WidgetText::from(name)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x;
    let fits = width + 2.0 * ui.spacing().button_padding.x <= ui.available_width();
    let button = ui.add(egui::Button::selectable(selected, name).truncate());
    if fits {
        button
    } else {
        button.on_hover_text(name)
    }
}

/// The last-90-days cell: three small bars, one per 30 days, then the total.
fn recent_cell(ui: &mut egui::Ui, name: &str, (total, spans): (u32, [u32; 3])) {
    let [oldest, middle, newest] = spans.map(duration);
    let hover = format!(
        "Time logged on {name}, 30 days at a time:\n\
         60 to 89 days ago: {oldest}\n\
         30 to 59 days ago: {middle}\n\
         the last 30 days: {newest}"
    );
    ui.horizontal(|ui| {
        let bars = widgets::trend_bars(
            ui,
            spans,
            &format!("Last 90 days, 30 days at a time: {oldest}, {middle}, {newest}"),
        );
        bars.on_hover_text(&hover);
        let text = if total == 0 {
            RichText::new("0 min").weak()
        } else {
            RichText::new(duration(total))
        };
        ui.label(text).on_hover_text(hover);
        // The last column: keep its text off the editor's edge.
        ui.add_space(ui.spacing().item_spacing.x);
    });
}

impl SkillsView {
    /// Skills that match the filter, in the chosen order.
    fn rows<'a>(&self, plan: &'a Plan, today: Date, insights: &Insights) -> Vec<&'a Skill> {
        let needle = name_key(&self.filter);
        let mut rows: Vec<&Skill> = plan
            .skills
            .iter()
            .filter(|s| text_contains(&s.name, &needle) || text_contains(&s.category, &needle))
            .collect();
        match self.sort {
            SortBy::Name => rows.sort_by_key(|s| s.name.to_lowercase()),
            SortBy::Category => {
                rows.sort_by_key(|s| (s.category.to_lowercase(), s.name.to_lowercase()));
            }
            SortBy::Level => rows.sort_by_key(|s| s.current_level(today)),
            SortBy::Gap => rows.sort_by_key(|s| gap(s, today)),
            SortBy::LastChange => rows.sort_by_key(|s| last_change(s)),
            SortBy::Recent => rows.sort_by_key(|s| recent(insights, s).0),
        }
        if self.descending {
            rows.reverse();
        }
        rows
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        widgets::side_panel(ui, "skill_editor", 380.0, |ui| {
            match self.selected.and_then(|id| plan.skill(id)) {
                Some(skill) => self.editor(ui, cx, skill, edits),
                None => widgets::hint(ui, "Pick a skill to edit it or record progress."),
            }
        });
        ui.horizontal(|ui| {
            ui.heading("Skills");
            if ui.button("\u{2795} Add skill").clicked() {
                self.add(ui, plan, edits);
            }
            widgets::filter_box(ui, "name or category", &mut self.filter);
        });
        if plan.skills.is_empty() {
            if widgets::empty_state(
                ui,
                "No skills yet. Start with one your next role asks for, and where you are with it.",
                "\u{2795} Add my first skill",
            ) {
                self.add(ui, plan, edits);
            }
            return;
        }
        // A narrow window scrolls the table sideways rather than drawing it
        // under the editor.
        egui::ScrollArea::horizontal().show(ui, |ui| self.table(ui, cx));
    }

    /// Adds a skill, picks it and puts the keyboard in its name.
    fn add(&mut self, ui: &egui::Ui, plan: &Plan, edits: &mut Vec<Edit>) {
        let skill = Skill::new(plan.new_skill_id(), "New skill");
        self.selected = Some(skill.id);
        widgets::focus_later(ui.ctx(), ItemRef::Skill(skill.id));
        edits.push(Edit::Put(Item::Skill(skill)));
    }

    fn header(&mut self, ui: &mut egui::Ui, title: &str, by: SortBy) -> egui::Response {
        widgets::sort_header(ui, title, by, &mut self.sort, &mut self.descending)
    }

    fn table(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let plan = cx.plan;
        let insights = &cx.derived.insights;
        let rows = self.rows(plan, cx.today, insights);
        // The other columns as wide as their content, so all seven fit
        // beside the editor in a 1280-point window.
        let columns = [
            Column::remainder().at_least(130.0),
            Column::auto().at_least(70.0),
            Column::auto().at_least(140.0),
            Column::auto().at_least(80.0),
            Column::auto().at_least(40.0),
            Column::auto().at_least(80.0),
            Column::auto().at_least(90.0),
        ];
        let selected = self.selected;
        let header = |h: &mut TableRow<'_, '_>| {
            h.col(|ui| {
                self.header(ui, "Skill", SortBy::Name);
            });
            h.col(|ui| {
                self.header(ui, "Category", SortBy::Category);
            });
            h.col(|ui| {
                self.header(ui, "Level", SortBy::Level);
            });
            h.col(|ui| widgets::title(ui, "Target"));
            h.col(|ui| {
                self.header(ui, "Gap", SortBy::Gap);
            });
            h.col(|ui| {
                self.header(ui, "Last change", SortBy::LastChange);
            });
            h.col(|ui| {
                self.header(ui, "Last 90 days", SortBy::Recent)
                    .on_hover_text(
                        "Time logged on the skill in the last 90 days. The bars are its three \
                     30-day spans, oldest on the left, each skill to its own scale.",
                    );
            });
        };
        let picked = widgets::ListTable::new(columns)
            .header_height(24.0)
            .centred_cells()
            .show(ui, header, rows.len(), selected.as_ref(), |row| {
                let s = rows[row.index()];
                row.item(s.id);
                row.pick_cell(|ui, selected| {
                    let name = name_button(ui, selected, &s.name);
                    widgets::problems_mark(ui, &cx.problems.of(ItemRef::Skill(s.id)));
                    name
                });
                row.cell(|ui| {
                    ui.label(&s.category);
                });
                row.cell(|ui| {
                    ui.horizontal(|ui| {
                        let level = s.current_level(cx.today);
                        widgets::level_bar(ui, level, s.target.map(|t| t.level));
                        ui.label(plan.level_names.name(level));
                        if let Some(p) = s.planned(cx.today) {
                            ui.label(RichText::new(format!("({} planned)", p.level.0)).weak())
                                .on_hover_text(format!(
                                    "Recorded for {}: {} is planned, not reached yet",
                                    p.date,
                                    plan.level_names.name(p.level)
                                ));
                        }
                    });
                });
                row.cell(|ui| {
                    let t = s.target.map_or_else(String::new, |t| match t.by {
                        Some(by) => format!("{} by {}", t.level.0, by.strftime("%b %Y")),
                        None => t.level.0.to_string(),
                    });
                    ui.label(t);
                });
                row.cell(|ui| {
                    ui.label(match gap(s, cx.today) {
                        0 => String::new(),
                        g => g.to_string(),
                    });
                });
                row.cell(|ui| {
                    ui.label(last_change(s).map(|d| d.to_string()).unwrap_or_default());
                });
                row.cell(|ui| recent_cell(ui, &s.name, recent(insights, s)));
            });
        if let Some(id) = picked {
            super::toggle(&mut self.selected, id);
            // A skill picked from the list is most often picked to record a rise.
            self.focus_evidence = self.selected.is_some();
        }
    }

    /// The form that records a new level (the next one up, today), with a
    /// line of evidence.
    fn level_form(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        s: &Skill,
        now: Level,
        edits: &mut Vec<Edit>,
    ) {
        let plan = cx.plan;
        if self.new_level.as_ref().is_none_or(|(id, _)| *id != s.id) {
            let next = Level(now.0.saturating_add(1).min(Level::MAX.0));
            self.new_level = Some((
                s.id,
                LevelChange {
                    date: cx.today,
                    level: next,
                    evidence: String::new(),
                },
            ));
        }
        let Some((_, form)) = &mut self.new_level else {
            return;
        };
        ui.horizontal(|ui| {
            widgets::level_combo(
                ui,
                "New level",
                "new_level",
                &plan.level_names,
                &mut form.level,
            );
        });
        widgets::date_field(ui, "On", &mut form.date, cx.today);
        // Picked from the list, the keyboard starts in the evidence; Enter
        // there records the level.
        let focus = std::mem::take(&mut self.focus_evidence);
        let entered = ui
            .horizontal(|ui| {
                let l = ui.label("Evidence");
                let evidence = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.evidence)
                            .hint_text("what shows it, in a line; Enter records the level")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if focus {
                    evidence.request_focus();
                }
                evidence.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
            })
            .inner;
        if ui.button("Record this level").clicked() || entered {
            edits.push(Edit::SetSkillLevel {
                skill: s.id,
                change: form.clone(),
            });
            // The next form starts from the level just recorded.
            self.new_level = None;
        }
    }

    fn editor(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        skill: &Skill,
        edits: &mut Vec<Edit>,
    ) {
        let plan = cx.plan;
        let mut s = skill.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Skill", &cx.problems.of(ItemRef::Skill(s.id))) {
            self.selected = None;
        }
        changed |= widgets::name_field(ui, "Name", &mut s.name, ItemRef::Skill(s.id));
        changed |= widgets::text_field(ui, "Category", &mut s.category);
        ui.horizontal(|ui| {
            let mut has_target = s.target.is_some();
            if ui.checkbox(&mut has_target, "Aim for a level").changed() {
                s.target = has_target.then_some(SkillTarget {
                    level: Level(s.current_level(cx.today).0.max(3)),
                    by: None,
                });
                changed = true;
            }
            if let Some(t) = &mut s.target {
                changed |=
                    widgets::level_combo(ui, "Target", "target", &plan.level_names, &mut t.level);
            }
        });
        if let Some(t) = &mut s.target {
            changed |= widgets::optional_date(ui, "Reach it by", &mut t.by, cx.today);
        }

        let now = s.current_level(cx.today);
        widgets::section(
            ui,
            &format!("Now: {} ({})", now.0, plan.level_names.name(now)),
        );
        if let Some(p) = s.planned(cx.today) {
            ui.label(
                RichText::new(format!(
                    "Planned: {} ({}) on {}",
                    p.level.0,
                    plan.level_names.name(p.level),
                    p.date
                ))
                .weak(),
            );
        }
        self.level_form(ui, cx, &s, now, edits);

        widgets::section(ui, "History");
        if s.history.is_empty() {
            ui.label(RichText::new("No levels recorded yet.").weak());
        }
        for c in s.history.iter().rev() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(c.date.to_string()).monospace());
                if c.date > cx.today {
                    ui.label(RichText::new("planned").italics());
                }
                ui.label(format!("{} {}", c.level.0, plan.level_names.name(c.level)));
                if !c.evidence.is_empty() {
                    ui.label(RichText::new(&c.evidence).weak());
                }
            });
        }
        if widgets::delete_button(ui, "skill") {
            edits.push(Edit::Remove(ItemRef::Skill(s.id)));
            self.selected = None;
            return;
        }
        if changed {
            edits.push(Edit::Put(Item::Skill(s)));
        }
    }
}
