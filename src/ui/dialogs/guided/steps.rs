//! The guided start's six steps, each drawn from its fields; true when
//! Enter asks to go on.

use super::fields::Field;
use super::{
    Guided, MAX_MILESTONES, MAX_WHYS, MilestoneRow, SkillRow, Slot, Target, enter_key, summary,
};
use crate::model::{Level, LevelNames, MAX_SKILLS, skill_line};
use egui::{RichText, Ui};

impl Guided {
    pub(super) fn why_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "A line or two to come back to on a hard day: what this path is for, and for whom. \
             Enter adds another.",
        );
        let mut go_on = false;
        for i in 0..self.whys.len() {
            let hint = if i == 0 {
                "e.g. help new nurses feel safe on their first ward"
            } else {
                "another why, or Enter to go on"
            };
            if self.field(ui, Slot::Why(i), Field::Wide, hint) {
                go_on |= self.next_in_list(i, Slot::Why);
            }
        }
        go_on
    }

    /// Enter in row `i` of a list of texts (whys, milestones): on to the
    /// next row; in a filled last row, a new row; in an empty last row (or
    /// the last one allowed), on past the list. True when it goes past.
    pub(super) fn next_in_list(&mut self, i: usize, slot: fn(usize) -> Slot) -> bool {
        let (len, max, filled) = match slot(i) {
            Slot::Why(_) => (self.whys.len(), MAX_WHYS, !self.whys[i].trim().is_empty()),
            _ => (
                self.milestones.len(),
                MAX_MILESTONES,
                !self.milestones[i].title.trim().is_empty(),
            ),
        };
        if i + 1 < len {
            self.focus = Some(slot(i + 1));
            return false;
        }
        if !filled || len >= max {
            return true;
        }
        match slot(i) {
            Slot::Why(_) => self.whys.push(String::new()),
            _ => self.milestones.push(MilestoneRow::default()),
        }
        self.focus = Some(slot(i + 1));
        false
    }

    pub(super) fn role_step(&mut self, ui: &mut Ui, current: bool) -> bool {
        let (what, when, hint, when_hint) = if current {
            ui.label(
                "The job you hold today, the first stepping stone of your path, and since when \
                 (a year, a month or a day).",
            );
            (
                Slot::Current,
                Slot::Since,
                "e.g. Staff nurse since 2022",
                "e.g. 2022",
            )
        } else {
            ui.label(
                "The role you are working toward, and by when you would like to be in it (a \
                 year, a month, a day or +18m).",
            );
            (
                Slot::Next,
                Slot::By,
                "e.g. Nurse educator by 2028",
                "e.g. 2028",
            )
        };
        if self.field(ui, what, Field::Wide, hint) {
            // "Staff nurse since 2022" fills both boxes; Enter goes on.
            let words: &[&str] = if current { &["since", "from"] } else { &["by"] };
            if self.take_trailing_day(what, when, words) {
                return true;
            }
            self.focus = Some(when);
        }
        let entered = self.field(ui, when, Field::Date, when_hint);
        if self.occupation_picker(ui, current) {
            self.focus = Some(when);
        }
        entered
    }

    /// Moves a trailing "since 2022" or "by 2028-06" (one of `words`, then a
    /// day `when` reads) from the text of `title` into the box of `when`;
    /// true if it did.
    pub(super) fn take_trailing_day(&mut self, title: Slot, when: Slot, words: &[&str]) -> bool {
        let text = self.text_mut(title).trim().to_string();
        let mut parts = text.rsplitn(3, char::is_whitespace);
        let (Some(day), Some(word), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        if !words.iter().any(|w| w.eq_ignore_ascii_case(word))
            || rest.trim().is_empty()
            || !matches!(self.day(day, when), Ok(Some(_)))
        {
            return false;
        }
        *self.text_mut(when) = day.to_string();
        *self.text_mut(title) = rest.trim().to_string();
        true
    }

    /// Ctrl+Enter or Next with "… since 2022" or "… by 2027-03" still in a
    /// title: its date goes to its empty box, as Enter would have put it.
    pub(super) fn take_trailing_all(&mut self) {
        if self.since.trim().is_empty() {
            self.take_trailing_day(Slot::Current, Slot::Since, &["since", "from"]);
        }
        if self.by.trim().is_empty() {
            self.take_trailing_day(Slot::Next, Slot::By, &["by"]);
        }
        if self.amount.trim().is_empty() {
            self.take_trailing_hours();
        }
        for i in 0..self.milestones.len() {
            if self.milestones[i].due.trim().is_empty() {
                self.take_trailing_day(Slot::Milestone(i), Slot::MilestoneDue(i), &["by", "due"]);
            }
        }
    }

    /// A goal title ending in its hours ("Learn demand planning 40h") sets
    /// the target to those hours; true if it did.
    pub(super) fn take_trailing_hours(&mut self) -> bool {
        let text = self.goal.trim().to_string();
        let Some((rest, last)) = text.rsplit_once(char::is_whitespace) else {
            return false;
        };
        let hours = crate::model::quick_add::minutes(last)
            .filter(|m| *m > 0 && m % 60 == 0)
            .map(|m| m / 60);
        let Some(hours) = hours.filter(|_| !rest.trim().is_empty()) else {
            return false;
        };
        self.goal = rest.trim().to_string();
        self.amount = hours.to_string();
        self.target = Target::Hours;
        true
    }

    pub(super) fn skills_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "Up to five skills the next role needs: where you are now, and where the role \
             needs you, from 0 to 5. Type both on the name's line if you like: Teaching 2 4.",
        );
        let names = LevelNames::default();
        let scale: Vec<String> = (0..=Level::MAX.0)
            .map(|l| format!("{l} {}", names.name(Level(l))))
            .collect();
        ui.label(RichText::new(scale.join(" \u{b7} ")).weak().small());
        let mut go_on = false;
        for i in 0..self.skills.len() {
            ui.horizontal(|ui| {
                let next_row = if i + 1 < MAX_SKILLS {
                    Slot::SkillName(i + 1)
                } else {
                    Slot::GoOn
                };
                let hint = if i == 0 {
                    "e.g. Teaching 2 4"
                } else {
                    "a skill"
                };
                let (entered, left) = self.field_keys(ui, Slot::SkillName(i), Field::Name, hint);
                let row = &mut self.skills[i];
                let levels = skill_line(&row.name).is_some();
                if left {
                    row.take_levels();
                }
                if entered {
                    if row.name.trim().is_empty() {
                        go_on = true;
                    } else if levels {
                        self.focus = Some(next_row);
                    } else {
                        self.focus = Some(Slot::SkillNow(i));
                    }
                }
                self.level_field(ui, Slot::SkillNow(i), "now", Slot::SkillNeeded(i));
                self.level_field(ui, Slot::SkillNeeded(i), "the next role needs", next_row);
            });
        }
        // One empty row after the last named skill, up to five.
        if self.skills.len() < MAX_SKILLS
            && self
                .skills
                .last()
                .is_some_and(|s| !s.name.trim().is_empty())
        {
            self.skills.push(SkillRow::default());
        }
        go_on
    }

    /// A box for one digit that hands the keyboard to `then` once a level is typed.
    pub(super) fn level_field(&mut self, ui: &mut Ui, slot: Slot, shown: &str, then: Slot) {
        let l = ui.label(shown);
        let text = self.text_mut(slot);
        let out = egui::TextEdit::singleline(text)
            .id(slot.id())
            .char_limit(1)
            .desired_width(22.0)
            .show(ui);
        let typed = text.trim().parse::<u8>().is_ok_and(|n| Level(n).is_valid());
        let response = out.response.response.clone().labelled_by(l.id);
        // Tab into the box selects its digit, so typing replaces it.
        if response.gained_focus() {
            let text = self.text_mut(slot).clone();
            crate::ui::widgets::select_all(ui, &out, &text);
        }
        let entered = response.lost_focus() && enter_key(ui) == Some(false);
        if (response.changed() && typed) || entered {
            self.focus = Some(then);
        }
        self.take_focus(&response, slot);
        let name = slot.label();
        ui.ctx()
            .accesskit_node_builder(slot.id(), |node| node.set_label(name));
    }

    pub(super) fn goal_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "Something you will do toward the next role: what it counts, and a few dated steps \
             you can tick off.",
        );
        let mut go_on = false;
        if self.field(
            ui,
            Slot::Goal,
            Field::Wide,
            "e.g. run the new-hire skills day 40h",
        ) {
            // "… 40h" fills the target: on to the first milestone.
            let counted = self.take_trailing_hours();
            self.focus = Some(if counted || self.target == Target::Milestones {
                Slot::Milestone(0)
            } else {
                Slot::Amount
            });
        }
        ui.horizontal(|ui| {
            let l = ui.add_sized([150.0, 18.0], egui::Label::new("Target"));
            let counted = self.target != Target::Milestones;
            let response = ui
                .add_enabled(
                    counted,
                    egui::TextEdit::singleline(&mut self.amount)
                        .id(Slot::Amount.id())
                        .hint_text(if counted { "e.g. 40" } else { "" })
                        .desired_width(60.0),
                )
                .labelled_by(l.id);
            self.take_focus(&response, Slot::Amount);
            if response.lost_focus() && enter_key(ui) == Some(false) {
                self.focus = Some(Slot::Milestone(0));
            }
            for (target, shown) in [
                (Target::Hours, "hours"),
                (Target::Entries, "entries"),
                (Target::Milestones, "its milestones"),
            ] {
                ui.radio_value(&mut self.target, target, shown);
            }
        });
        ui.label("Milestones, each with when it is due (a year, a month or a day)");
        for i in 0..self.milestones.len() {
            ui.horizontal(|ui| {
                ui.add_sized([20.0, 18.0], egui::Label::new(format!("{}.", i + 1)));
                let title = self.text_box(ui, Slot::Milestone(i), 280.0, "a step toward the goal");
                if title.lost_focus() && enter_key(ui) == Some(false) {
                    if self.milestones[i].title.trim().is_empty() {
                        // An empty row ends the list: on to the goal's own date.
                        self.focus = Some(Slot::Due);
                    } else if self.take_trailing_day(
                        Slot::Milestone(i),
                        Slot::MilestoneDue(i),
                        &["by", "due"],
                    ) {
                        // "Finish the course by 2027-03" fills its date: on to the next.
                        go_on |= self.next_in_list(i, Slot::Milestone);
                    } else {
                        self.focus = Some(Slot::MilestoneDue(i));
                    }
                }
                ui.label("by");
                let due = self.text_box(ui, Slot::MilestoneDue(i), 90.0, "e.g. 2027-03");
                self.resolved_day(ui, Slot::MilestoneDue(i));
                if due.lost_focus() && enter_key(ui) == Some(false) {
                    go_on |= self.next_in_list(i, Slot::Milestone);
                }
            });
        }
        if go_on {
            // Past the last milestone allowed: the goal's own date.
            self.focus = Some(Slot::Due);
        }
        if self.milestones.len() < MAX_MILESTONES
            && self
                .milestones
                .last()
                .is_some_and(|m| !m.title.trim().is_empty())
        {
            self.milestones.push(MilestoneRow::default());
        }
        let go_on = self.field(ui, Slot::Due, Field::Date, "e.g. 2027-06");
        ui.label(
            RichText::new("Left empty, the goal is due with its last milestone, or the next role.")
                .weak()
                .small(),
        );
        go_on
    }

    pub(super) fn save_step(&mut self, ui: &mut Ui, native_dialogs: bool) -> bool {
        if let Ok(answers) = self.answers() {
            let mut plan = crate::model::Plan::default();
            if plan.apply(answers.edit(&plan, self.today)).is_ok() {
                ui.label(summary(&plan));
            }
        }
        if self.field(ui, Slot::Owner, Field::Wide, "e.g. Ana Lima") {
            self.focus = Some(Slot::PlanName);
        }
        ui.add_space(4.0);
        ui.label("The plan is a file you own: keep it where you keep your documents.");
        let entered = self.field(
            ui,
            Slot::PlanName,
            Field::Wide,
            "e.g. my path to nurse educator",
        );
        let entered = ui
            .horizontal(|ui| {
                let entered = entered | self.field(ui, Slot::Folder, Field::Wide, "");
                if native_dialogs
                    && ui.button("Choose\u{2026}").clicked()
                    && let Some(folder) = rfd::FileDialog::new()
                        .set_directory(&self.folder)
                        .pick_folder()
                {
                    self.folder = folder.display().to_string();
                }
                entered
            })
            .inner;
        ui.label(
            RichText::new("The file ends in .stepstone.ron. You can rename or move it later.")
                .weak()
                .small(),
        );
        entered
    }
}
