//! Log: every entry, newest first, in a virtualised table that scrolls
//! smoothly through 100,000 entries. Filter by text, skill, goal, person,
//! kind and dates; edit or delete an entry in place (with undo). The filtered
//! rows and their totals are cached, not recomputed each frame.

use super::{ViewCtx, link_names};
use crate::model::insights::duration;
use crate::model::{
    Edit, EntryId, ExperienceKind, GoalId, Item, ItemRef, LogEntry, PersonId, Plan, SkillId,
    name_key, text_contains,
};
use crate::ui::widgets;
use egui::RichText;
use egui_extras::Column;
use jiff::civil::Date;

const ROW_HEIGHT: f32 = 22.0;

/// What the log is filtered by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    pub skill: Option<SkillId>,
    pub goal: Option<GoalId>,
    pub person: Option<PersonId>,
    pub kind: Option<ExperienceKind>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Filter {
    fn matches(&self, e: &LogEntry, needle: &str) -> bool {
        text_contains(&e.text, needle)
            && self.skill.is_none_or(|s| e.skills.contains(&s))
            && self.goal.is_none_or(|g| e.goals.contains(&g))
            && self.person.is_none_or(|p| e.people.contains(&p))
            && self.kind.is_none_or(|k| e.kind == k)
            && self.from.is_none_or(|d| e.date >= d)
            && self.to.is_none_or(|d| e.date <= d)
    }
}

/// The entries passing the filter, newest first, with their totals.
#[derive(Default)]
struct Rows {
    /// For which document version and filter.
    key: Option<((u64, u64), Filter)>,
    entries: Vec<usize>,
    minutes: u64,
    /// How long the log was when the rows were built.
    log_len: usize,
}

impl Rows {
    /// Adds entry `i` of the log in its place, if it passes the filter.
    fn add(&mut self, plan: &Plan, i: usize, filter: &Filter, needle: &str) {
        let Some(e) = plan.log.get(i) else { return };
        if filter.matches(e, needle) {
            // Newest first: later days first, and later entries first within a day.
            let key = |r: usize| std::cmp::Reverse((plan.log[r].date, r));
            let at = self.entries.partition_point(|&r| key(r) < key(i));
            self.entries.insert(at, i);
            self.minutes += u64::from(e.minutes);
        }
    }
}

/// The Log view's state.
#[derive(Default)]
pub struct LogView {
    pub filter: Filter,
    rows: Rows,
    pub selected: Option<EntryId>,
    /// Where the picked entry was last seen in the log.
    selected_at: usize,
    /// Scroll so this row is at the top on the next frame.
    scroll_to: Option<usize>,
}

impl LogView {
    /// The picked entry, found at its last known place (no scan of a long
    /// log every frame), or searched for once if it moved.
    fn picked<'a>(&mut self, plan: &'a Plan) -> Option<&'a LogEntry> {
        let id = self.selected?;
        if plan.log.get(self.selected_at).is_none_or(|e| e.id != id) {
            let Some(i) = plan.log.iter().position(|e| e.id == id) else {
                self.selected = None;
                return None;
            };
            self.selected_at = i;
        }
        plan.log.get(self.selected_at)
    }

    /// Shows the entries `filter` picks (from a click on a plot), from the top.
    pub fn show_filtered(&mut self, filter: Filter) {
        self.filter = filter;
        self.selected = None;
        self.scroll_to = Some(0);
    }

    /// Scrolls to a row of the filtered list (for benchmarks and "jump to").
    pub fn scroll_to_row(&mut self, row: usize) {
        self.scroll_to = Some(row);
    }

    /// How many entries pass the filter.
    pub fn shown(&self) -> usize {
        self.rows.entries.len()
    }

    /// The entries shown (their places in the log), top row first, with
    /// their minutes in all.
    pub fn rows(&self) -> (&[usize], u64) {
        (&self.rows.entries, self.rows.minutes)
    }

    /// Rebuilds the rows if the plan or the filter changed; when entries were
    /// only added, just those are checked.
    fn refresh(&mut self, cx: &ViewCtx<'_>) {
        let (plan, version) = (cx.plan, cx.doc.version());
        let needle = name_key(&self.filter.text);
        // The version the rows were built for, if with this filter.
        let since = (self.rows.key.as_ref())
            .filter(|(_, f)| *f == self.filter)
            .map(|(v, _)| *v);
        if since == Some(version) {
            return;
        }
        if let Some(v) = since
            && cx.doc.only_appended_since(v)
        {
            for i in self.rows.log_len..plan.log.len() {
                self.rows.add(plan, i, &self.filter, &needle);
            }
        } else if let Some(r) = since.and_then(|v| cx.doc.replaced_since(v)) {
            // One entry changed in place: it leaves its row, and comes back
            // where it now sorts if it still passes the filter.
            if let Some(at) = self.rows.entries.iter().position(|&x| x == r.index) {
                self.rows.entries.remove(at);
                self.rows.minutes = self.rows.minutes.saturating_sub(r.old.minutes.into());
            }
            self.rows.add(plan, r.index, &self.filter, &needle);
        } else {
            self.rows.entries = cx
                .derived
                .index
                .newest_first()
                .filter(|&i| self.filter.matches(&plan.log[i], &needle))
                .collect();
            self.rows.minutes = (self.rows.entries.iter())
                .map(|&i| u64::from(plan.log[i].minutes))
                .sum();
        }
        self.rows.key = Some((version, self.filter.clone()));
        self.rows.log_len = plan.log.len();
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        self.refresh(cx);
        if let Some(entry) = self.picked(plan) {
            widgets::side_panel(ui, "entry_editor", 360.0, |ui| {
                self.editor(ui, cx, entry, edits);
            });
        }
        ui.horizontal(|ui| {
            ui.heading("Log");
            ui.label(format!(
                "{} of {} entries, {}",
                self.rows.entries.len(),
                plan.log.len(),
                duration(self.rows.minutes)
            ));
        });
        if plan.log.is_empty() {
            if widgets::empty_state(
                ui,
                "Nothing logged yet. Log what you did on Today (Ctrl+1), or add an entry here.",
                "\u{2795} Add an entry for today",
            ) {
                let entry = LogEntry::new(
                    plan.new_entry_id(),
                    cx.today,
                    30,
                    ExperienceKind::Routine,
                    "What I did",
                );
                self.selected = Some(entry.id);
                edits.push(Edit::Put(Item::Entry(entry)));
            }
            return;
        }
        self.filters(ui, plan, cx.today);
        self.table(ui, cx);
    }

    fn filters(&mut self, ui: &mut egui::Ui, plan: &Plan, today: Date) {
        // Each label stays with its control when the row wraps.
        ui.horizontal_wrapped(|ui| {
            widgets::together(ui, "text", |ui| {
                widgets::filter_box(ui, "words in the entry", &mut self.filter.text);
            });
            let skills = any_of(plan.skills.iter().map(|s| (s.id, s.name.clone())));
            widgets::together(ui, "skill", |ui| {
                widgets::choice(ui, "Skill", "f_skill", &mut self.filter.skill, &skills);
            });
            let goals = any_of(plan.goals.iter().map(|g| (g.id, g.title.clone())));
            widgets::together(ui, "goal", |ui| {
                widgets::choice(ui, "Goal", "f_goal", &mut self.filter.goal, &goals);
            });
            let people = any_of(plan.people.iter().map(|p| (p.id, p.name.clone())));
            widgets::together(ui, "person", |ui| {
                widgets::choice(ui, "Person", "f_person", &mut self.filter.person, &people);
            });
            let kinds = any_of(
                ExperienceKind::ALL
                    .iter()
                    .map(|k| (*k, k.label().to_string())),
            );
            widgets::together(ui, "kind", |ui| {
                widgets::choice(ui, "Kind", "f_kind", &mut self.filter.kind, &kinds);
            });
        });
        ui.horizontal_wrapped(|ui| {
            widgets::together(ui, "from", |ui| {
                widgets::optional_date(ui, "From", &mut self.filter.from, today);
            });
            widgets::together(ui, "to", |ui| {
                widgets::optional_date(ui, "To", &mut self.filter.to, today);
            });
            if self.filter != Filter::default() && ui.button("Clear filters").clicked() {
                self.filter = Filter::default();
            }
        });
    }

    fn table(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let plan = cx.plan;
        let rows = &self.rows.entries;
        // The text and the links share what is left, so with an entry open
        // the table fits beside the editor instead of running under it.
        let (date, time) = (128.0, 70.0);
        let spacing = 5.0 * ui.spacing().item_spacing.x;
        let flexible = (ui.available_width() - date - time - spacing).max(0.0);
        let kind = (flexible * 0.28).clamp(40.0, 150.0);
        let columns = [
            Column::exact(date),
            Column::exact(time),
            Column::exact(kind).clip(true),
            Column::remainder().at_least(30.0).clip(true),
            Column::remainder().at_least(30.0).clip(true),
        ];
        let header = widgets::titles(&["Date", "Time", "Kind", "What you did", "Links"]);
        let picked = widgets::ListTable::new(columns)
            .row_height(ROW_HEIGHT)
            .scroll_to_row(self.scroll_to.take())
            .show(ui, header, rows.len(), self.selected.as_ref(), |row| {
                let Some(e) = plan.log.get(rows[row.index()]) else {
                    return;
                };
                row.item(e.id);
                row.cell(|ui| {
                    ui.label(
                        RichText::new(e.date.strftime("%a %-d %b %Y").to_string()).monospace(),
                    );
                });
                row.cell(|ui| {
                    ui.label(duration(e.minutes));
                });
                row.cell(|ui| {
                    ui.label(e.kind.label());
                });
                row.pick_cell(|ui, selected| {
                    ui.add(egui::Button::selectable(selected, &e.text).truncate())
                });
                row.cell(|ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(link_names(plan, &e.skills, &e.goals, &e.people)).weak(),
                        )
                        .truncate(),
                    );
                });
            });
        if let Some(id) = picked {
            super::toggle(&mut self.selected, id);
        }
    }

    fn editor(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        entry: &LogEntry,
        edits: &mut Vec<Edit>,
    ) {
        let plan = cx.plan;
        let mut e = entry.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Entry", &cx.problems.of(ItemRef::Entry(e.id))) {
            self.selected = None;
        }
        changed |= widgets::text_area(ui, "What you did", &mut e.text, 3);
        changed |= widgets::date_field(ui, "Day", &mut e.date, cx.today);
        ui.horizontal(|ui| {
            let l = ui.label("Minutes");
            changed |= ui
                .add(
                    egui::DragValue::new(&mut e.minutes)
                        .range(LogEntry::MINUTES)
                        .clamp_existing_to_range(false),
                )
                .labelled_by(l.id)
                .changed();
        });
        ui.horizontal(|ui| {
            let kinds = ExperienceKind::ALL.map(|k| (k, k.label().to_string()));
            changed |= widgets::choice(ui, "Kind", "e_kind", &mut e.kind, &kinds);
        });
        let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
        changed |= widgets::multi_pick(ui, "Skills:", &mut e.skills, &skills);
        let goals: Vec<_> = plan.goals.iter().map(|g| (g.id, g.title.clone())).collect();
        changed |= widgets::multi_pick(ui, "Goals:", &mut e.goals, &goals);
        let people: Vec<_> = plan.people.iter().map(|p| (p.id, p.name.clone())).collect();
        changed |= widgets::multi_pick(ui, "People:", &mut e.people, &people);
        ui.horizontal(|ui| {
            let energies = std::iter::once((None, "Not set".to_string()))
                .chain((1..=5u8).map(|n| (Some(n), n.to_string())))
                .collect::<Vec<_>>();
            changed |= widgets::choice(ui, "Energy", "e_energy", &mut e.energy, &energies);
        });
        changed |= ui
            .checkbox(&mut e.remembered_why, "My why helped that day")
            .changed();
        if widgets::delete_button(ui, "entry") {
            edits.push(Edit::Remove(ItemRef::Entry(e.id)));
            self.selected = None;
            return;
        }
        if changed {
            edits.push(Edit::Put(Item::Entry(e)));
        }
    }
}

/// Options for a filter: "Any" first, then each value.
fn any_of<T>(values: impl Iterator<Item = (T, String)>) -> Vec<(Option<T>, String)> {
    std::iter::once((None, "Any".to_string()))
        .chain(values.map(|(v, n)| (Some(v), n)))
        .collect()
}
