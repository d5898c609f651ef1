//! Goals & milestones: goals grouped by kind, milestones checked off in one
//! click (recording today's date), and an editor for the chosen goal.

use super::ViewCtx;
use crate::model::insights::GoalProgress;
use crate::model::{
    Edit, Goal, GoalId, GoalKind, GoalStatus, Item, ItemRef, Measure, Milestone, MilestoneId,
    name_key, text_contains,
};
use crate::ui::widgets;
use crate::ui::widgets::{progress_bar, status_badge};
use egui::RichText;

/// Width of a goal's progress bar, in points.
const BAR_WIDTH: f32 = 200.0;
/// Room kept for the pace badge, so the bars line up down the list.
const BADGE_WIDTH: f32 = 64.0;

/// The goals view's state.
#[derive(Default)]
pub struct GoalsView {
    pub selected: Option<GoalId>,
    filter: String,
    hide_finished: bool,
}

/// The key under which a milestone's title field is asked to take the keyboard.
fn milestone_key(id: MilestoneId) -> (&'static str, u32) {
    ("milestone", id.0)
}

impl GoalsView {
    /// Picks `goal` for the editor, and clears a filter that would hide it
    /// from the list.
    pub fn show_goal(&mut self, goal: GoalId) {
        self.selected = Some(goal);
        self.filter.clear();
        self.hide_finished = false;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        widgets::side_panel(ui, "goal_editor", 400.0, |ui| {
            match self.selected.and_then(|id| plan.goal(id)) {
                Some(goal) => self.editor(ui, cx, goal, edits),
                None => widgets::hint(ui, "Pick a goal to edit it and its milestones."),
            }
        });
        ui.horizontal(|ui| {
            ui.heading("Goals & milestones");
            ui.menu_button("\u{2795} Add goal", |ui| {
                for kind in GoalKind::ALL {
                    if ui.button(kind.label()).clicked() {
                        self.add(ui, cx, kind, edits);
                    }
                }
            });
            widgets::filter_box(ui, "title or why", &mut self.filter);
            ui.checkbox(&mut self.hide_finished, "Hide done and dropped");
        });
        if plan.goals.is_empty() {
            if widgets::empty_state(
                ui,
                "No goals yet. Add one thing you want to reach by a date, then the milestones on the way.",
                "\u{2795} Add my first goal",
            ) {
                self.add(ui, cx, GoalKind::Skill, edits);
            }
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| self.list(ui, cx, edits));
    }

    /// Adds a goal of `kind` starting today, picks it and puts the keyboard
    /// in its title.
    fn add(&mut self, ui: &egui::Ui, cx: &ViewCtx<'_>, kind: GoalKind, edits: &mut Vec<Edit>) {
        let goal = Goal {
            start: Some(cx.today),
            ..Goal::new(
                cx.plan.new_goal_id(),
                format!("New {} goal", kind.label().to_lowercase()),
                kind,
            )
        };
        self.selected = Some(goal.id);
        widgets::focus_later(ui.ctx(), ItemRef::Goal(goal.id));
        edits.push(Edit::Put(Item::Goal(goal)));
    }

    fn list(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let needle = name_key(&self.filter);
        let hide_finished = self.hide_finished;
        let shown = |g: &&Goal| {
            (text_contains(&g.title, &needle) || text_contains(&g.why, &needle))
                && !(hide_finished && matches!(g.status, GoalStatus::Done | GoalStatus::Dropped))
        };
        let mut any = false;
        for kind in GoalKind::ALL {
            let goals: Vec<&Goal> = cx
                .plan
                .goals
                .iter()
                .filter(|g| g.kind == kind)
                .filter(shown)
                .collect();
            if goals.is_empty() {
                continue;
            }
            any = true;
            widgets::section(ui, kind.label());
            for g in goals {
                self.goal_row(ui, cx, g, edits);
            }
        }
        if !any {
            ui.label(RichText::new("No goals here yet. Add one above.").weak());
        }
    }

    fn goal_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, g: &Goal, edits: &mut Vec<Edit>) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let progress = cx.derived.insights.goals.iter().find(|p| p.goal == g.id);
            let placed = ui.horizontal(|ui| {
                let selected = self.selected == Some(g.id);
                if ui
                    .selectable_label(selected, RichText::new(&g.title).strong())
                    .clicked()
                {
                    super::toggle(&mut self.selected, g.id);
                }
                widgets::problems_mark(ui, &cx.problems.of(ItemRef::Goal(g.id)));
                ui.label(RichText::new(g.status.label()).small());
                if let Some(due) = g.due {
                    let late = due < cx.today
                        && !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped);
                    let text = format!("due {}", due.strftime("%-d %b %Y"));
                    if late {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("{text} (overdue)"));
                    } else {
                        ui.label(text);
                    }
                }
                // On the title's line when there is room, the bars in a column.
                let need = BAR_WIDTH + BADGE_WIDTH + 3.0 * ui.spacing().item_spacing.x;
                let fits = ui.available_width() >= need;
                if fits && let Some(p) = progress {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        progress_line(ui, g, p);
                    });
                }
                fits
            });
            if !placed.inner
                && let Some(p) = progress
            {
                ui.horizontal(|ui| progress_line(ui, g, p));
            }
            if !g.why.is_empty() {
                ui.label(RichText::new(&g.why).italics().weak());
            }
            for m in g.milestones_by_date() {
                ui.horizontal(|ui| {
                    let mut done = m.done.is_some();
                    if ui.checkbox(&mut done, &m.title).changed() {
                        edits.push(toggle_milestone(m.id, done, cx.today));
                    }
                    match (m.done, m.due) {
                        (Some(d), _) => ui.label(
                            RichText::new(format!("done {}", d.strftime("%-d %b")))
                                .small()
                                .weak(),
                        ),
                        (None, Some(d)) => ui.label(
                            RichText::new(format!("due {}", d.strftime("%-d %b %Y"))).small(),
                        ),
                        (None, None) => ui.label(""),
                    };
                });
            }
        });
    }

    fn editor(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, goal: &Goal, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        let mut g = goal.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Goal", &cx.problems.of(ItemRef::Goal(g.id))) {
            self.selected = None;
        }
        changed |= widgets::name_field(ui, "Title", &mut g.title, ItemRef::Goal(g.id));
        ui.horizontal(|ui| {
            let kinds = GoalKind::ALL.map(|k| (k, k.label().to_string()));
            changed |= widgets::choice(ui, "Kind", "kind", &mut g.kind, &kinds);
            let statuses = [
                GoalStatus::Planned,
                GoalStatus::Active,
                GoalStatus::Done,
                GoalStatus::Dropped,
            ]
            .map(|s| (s, s.label().to_string()));
            changed |= widgets::choice(ui, "Status", "status", &mut g.status, &statuses);
        });
        changed |= widgets::text_area(ui, "Why it matters", &mut g.why, 2);
        changed |= widgets::optional_date(ui, "Started", &mut g.start, cx.today);
        changed |= widgets::optional_date(ui, "Due", &mut g.due, cx.today);
        let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
        changed |= widgets::multi_pick(ui, "Skills:", &mut g.skills, &skills);
        let roles: Vec<_> = plan.roles.iter().map(|r| (r.id, r.title.clone())).collect();
        changed |= widgets::multi_pick(ui, "Roles:", &mut g.roles, &roles);
        changed |= measure_editor(ui, &mut g.measure);
        if let Some(p) = cx.derived.insights.goals.iter().find(|p| p.goal == g.id)
            && !p.text().is_empty()
        {
            ui.horizontal(|ui| {
                ui.label("Progress");
                progress_line(ui, goal, p);
            });
        }

        widgets::section(ui, "Milestones");
        let mut remove = None;
        let last = g.milestones.last().map(|m| m.id);
        let mut add = false;
        // A new or ticked due date starts at the goal's own, never today.
        let first_due = g.due.unwrap_or(cx.today);
        // Rows stay in the order they were written while the goal is
        // edited (the list beside sorts them by date), and each row's
        // widgets are named by its milestone: a date typed or ticked never
        // moves a row from under the pointer or the keyboard.
        for (i, m) in g.milestones.iter_mut().enumerate() {
            ui.push_id(("milestone", m.id.0), |ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let mut done = m.done.is_some();
                        if ui.checkbox(&mut done, "Done").changed() {
                            m.done = done.then_some(cx.today);
                            changed = true;
                        }
                        if ui.small_button("Remove").clicked() {
                            remove = Some(i);
                        }
                    });
                    let (title_changed, entered) = widgets::name_field_entered(
                        ui,
                        "Milestone",
                        &mut m.title,
                        milestone_key(m.id),
                    );
                    changed |= title_changed;
                    // Enter in the last milestone's title adds the next one.
                    add |= entered && Some(m.id) == last;
                    changed |=
                        widgets::optional_date_from(ui, "Due", &mut m.due, first_due, cx.today);
                    if m.done.is_some() {
                        changed |= widgets::optional_date(ui, "Done on", &mut m.done, cx.today);
                    }
                    changed |= widgets::text_field(ui, "Evidence", &mut m.evidence);
                    ui.horizontal(|ui| {
                        changed |= widgets::text_field(ui, "Link", &mut m.link);
                    });
                    if crate::model::is_safe_link(&m.link) {
                        ui.hyperlink_to("Open the link", m.link.trim());
                    }
                });
            });
        }
        if let Some(i) = remove {
            g.milestones.remove(i);
            changed = true;
        }
        if ui.button("\u{2795} Add milestone").clicked() || add {
            let id = plan.new_milestone_id(Some(&g));
            g.milestones.push(Milestone {
                due: g.due,
                ..Milestone::new(id, format!("Milestone {}", g.milestones.len() + 1))
            });
            widgets::focus_later(ui.ctx(), milestone_key(id));
            changed = true;
        }
        if widgets::delete_button(ui, "goal") {
            edits.push(Edit::Remove(ItemRef::Goal(g.id)));
            self.selected = None;
            return;
        }
        if changed {
            edits.push(Edit::Put(Item::Goal(g)));
        }
    }
}

/// A goal's progress as a small bar ("45 min of 60 h", the pace line and the
/// projection on hover) and, while the goal is open, its pace badge. Lays
/// out from the right in a right-to-left `ui` (badge, then bar), from the
/// left otherwise. Nothing for a goal with nothing to count.
fn progress_line(ui: &mut egui::Ui, g: &Goal, p: &GoalProgress) {
    let text = p.text();
    if text.is_empty() {
        return;
    }
    let open = !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped);
    let status = p.status.filter(|_| open);
    let bar = |ui: &mut egui::Ui| progress_bar(ui, p, open, BAR_WIDTH);
    let badge = |ui: &mut egui::Ui| {
        if status.is_some() {
            ui.allocate_ui_with_layout(
                egui::vec2(BADGE_WIDTH, ui.spacing().interact_size.y),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(BADGE_WIDTH);
                    status_badge(ui, status);
                },
            );
        } else if ui.layout().main_dir() == egui::Direction::RightToLeft {
            ui.add_space(BADGE_WIDTH + ui.spacing().item_spacing.x);
        }
    };
    if ui.layout().main_dir() == egui::Direction::RightToLeft {
        badge(ui);
        bar(ui);
    } else {
        bar(ui);
        badge(ui);
    }
}

/// Checking a milestone records today; unchecking clears the date.
fn toggle_milestone(id: MilestoneId, done: bool, today: jiff::civil::Date) -> Edit {
    if done {
        Edit::CompleteMilestone {
            milestone: id,
            on: today,
        }
    } else {
        Edit::ReopenMilestone { milestone: id }
    }
}

fn measure_editor(ui: &mut egui::Ui, measure: &mut Option<Measure>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut on = measure.is_some();
        let check = ui.checkbox(&mut on, "Measurable target");
        if check.changed() {
            *measure = on.then_some(Measure::Hours(10));
            changed = true;
        }
        if let Some(m) = measure {
            let (mut n, mut hours) = match *m {
                Measure::Hours(n) => (n, true),
                Measure::Count(n) => (n, false),
            };
            changed |= ui
                .add(
                    egui::DragValue::new(&mut n)
                        .range(1..=100_000)
                        .clamp_existing_to_range(false),
                )
                .labelled_by(check.id)
                .changed();
            changed |= ui.selectable_value(&mut hours, true, "hours").changed();
            changed |= ui
                .selectable_value(&mut hours, false, "log entries")
                .changed();
            *m = if hours {
                Measure::Hours(n)
            } else {
                Measure::Count(n)
            };
        }
    });
    changed
}
