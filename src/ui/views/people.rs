//! People: mentors, mentees, colleagues, managers and sponsors, with when
//! you were last in touch (the later of what you noted and the log).

use super::ViewCtx;
use crate::model::{
    Edit, Item, ItemRef, Person, PersonId, Plan, Relation, name_key, text_contains,
};
use crate::ui::widgets;
use egui::RichText;
use egui_extras::Column;
use jiff::civil::Date;

/// The people view's state.
#[derive(Default)]
pub struct PeopleView {
    pub selected: Option<PersonId>,
    filter: String,
}

/// The latest contact: the date noted, or the latest log entry naming them.
fn last_contact(cx: &ViewCtx<'_>, p: &Person) -> Option<Date> {
    let logged = cx.derived.mentions.get(&p.id).map(|(day, _)| *day);
    p.last_contact.max(logged)
}

impl PeopleView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        widgets::side_panel(ui, "person_editor", 360.0, |ui| {
            match self.selected.and_then(|id| plan.person(id)) {
                Some(person) => self.editor(ui, cx, person, edits),
                None => widgets::hint(ui, "Pick someone to edit their details."),
            }
        });
        ui.horizontal(|ui| {
            ui.heading("People");
            if ui.button("\u{2795} Add person").clicked() {
                self.add(ui, plan, edits);
            }
            widgets::filter_box(ui, "name, role or place", &mut self.filter);
        });
        ui.horizontal(|ui| {
            // The plan's owner: you, the first person on your path.
            let mut owner = plan.owner.clone();
            let l = ui.label("Your name");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut owner)
                        .hint_text("whose plan this is")
                        .desired_width(220.0),
                )
                .labelled_by(l.id);
            if field.changed() {
                edits.push(Edit::SetOwner(owner));
            }
        });
        if plan.people.is_empty() {
            if widgets::empty_state(
                ui,
                "No one here yet. Add a mentor, a colleague who helps you, or someone you help.",
                "\u{2795} Add the first person",
            ) {
                self.add(ui, plan, edits);
            }
            return;
        }
        let needle = name_key(&self.filter);
        let rows: Vec<&Person> = plan
            .people
            .iter()
            .filter(|p| {
                text_contains(&p.name, &needle)
                    || text_contains(&p.organisation, &needle)
                    || text_contains(p.relation.label(), &needle)
            })
            .collect();
        let columns = [
            Column::auto().at_least(180.0),
            Column::auto().at_least(90.0),
            Column::auto().at_least(260.0),
            Column::remainder(),
        ];
        let header = widgets::titles(&["Name", "Relation", "Organisation", "Last in touch"]);
        let picked = widgets::ListTable::new(columns).show(
            ui,
            header,
            rows.len(),
            self.selected.as_ref(),
            |row| {
                let p = rows[row.index()];
                row.item(p.id);
                row.pick_cell(|ui, selected| ui.selectable_label(selected, &p.name));
                row.cell(|ui| {
                    ui.label(p.relation.label());
                });
                row.cell(|ui| {
                    ui.add(egui::Label::new(&p.organisation).truncate());
                });
                row.cell(|ui| {
                    ui.label(
                        last_contact(cx, p)
                            .map(|d| d.strftime("%-d %b %Y").to_string())
                            .unwrap_or_default(),
                    );
                });
            },
        );
        if let Some(id) = picked {
            super::toggle(&mut self.selected, id);
        }
    }

    /// Adds a person, picks them and puts the keyboard in their name.
    fn add(&mut self, ui: &egui::Ui, plan: &Plan, edits: &mut Vec<Edit>) {
        let person = Person::new(plan.new_person_id(), "New person", Relation::Colleague);
        self.selected = Some(person.id);
        widgets::focus_later(ui.ctx(), ItemRef::Person(person.id));
        edits.push(Edit::Put(Item::Person(person)));
    }

    fn editor(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        person: &Person,
        edits: &mut Vec<Edit>,
    ) {
        let mut p = person.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Person", &cx.problems.of(ItemRef::Person(p.id))) {
            self.selected = None;
        }
        changed |= widgets::name_field(ui, "Name", &mut p.name, ItemRef::Person(p.id));
        ui.horizontal(|ui| {
            let relations = Relation::ALL.map(|r| (r, r.label().to_string()));
            changed |= widgets::choice(ui, "Relation", "relation", &mut p.relation, &relations);
        });
        changed |= widgets::text_field(ui, "Organisation", &mut p.organisation);
        changed |= widgets::optional_date(ui, "Last in touch", &mut p.last_contact, cx.today);
        changed |= widgets::text_area(ui, "Notes", &mut p.notes, 4);
        let logged = cx.derived.mentions.get(&p.id).map_or(0, |(_, n)| *n);
        ui.label(
            RichText::new(format!(
                "Named in {}.",
                crate::model::plural(logged, "entry")
            ))
            .weak(),
        );
        if widgets::delete_button(ui, "person") {
            edits.push(Edit::Remove(ItemRef::Person(p.id)));
            self.selected = None;
            return;
        }
        if changed {
            edits.push(Edit::Put(Item::Person(p)));
        }
    }
}
