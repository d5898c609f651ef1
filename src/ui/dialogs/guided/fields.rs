//! The guided start's text boxes: which text each holds, the keyboard's
//! path through them, and dates shown as read.

use super::{Guided, Slot};
use egui::{Key, RichText, Ui};
use jiff::civil::Date;

impl Guided {
    /// The text behind a field.
    pub(super) fn text_mut(&mut self, slot: Slot) -> &mut String {
        let last = |n: usize| n.saturating_sub(1);
        match slot {
            Slot::Why(i) => {
                let i = i.min(last(self.whys.len()));
                &mut self.whys[i]
            }
            Slot::Current => &mut self.current,
            Slot::Since => &mut self.since,
            Slot::Next => &mut self.next,
            Slot::By => &mut self.by,
            Slot::Goal => &mut self.goal,
            Slot::Amount => &mut self.amount,
            Slot::Due => &mut self.goal_due,
            Slot::Owner => &mut self.owner,
            Slot::PlanName | Slot::GoOn => &mut self.name,
            Slot::Folder => &mut self.folder,
            Slot::Milestone(i) | Slot::MilestoneDue(i) => {
                let i = i.min(last(self.milestones.len()));
                let row = &mut self.milestones[i];
                if matches!(slot, Slot::MilestoneDue(_)) {
                    &mut row.due
                } else {
                    &mut row.title
                }
            }
            Slot::SkillName(i) | Slot::SkillNow(i) | Slot::SkillNeeded(i) => {
                let i = i.min(last(self.skills.len()));
                let row = &mut self.skills[i];
                match slot {
                    Slot::SkillNow(_) => &mut row.now,
                    Slot::SkillNeeded(_) => &mut row.needed,
                    _ => &mut row.name,
                }
            }
        }
    }

    /// A labelled text box; true when Enter (without Ctrl) was pressed in it.
    pub(super) fn field(&mut self, ui: &mut Ui, slot: Slot, kind: Field, hint: &str) -> bool {
        self.field_keys(ui, slot, kind, hint).0
    }

    /// A labelled text box: (Enter without Ctrl was pressed in it, it gave
    /// up the keyboard).
    pub(super) fn field_keys(
        &mut self,
        ui: &mut Ui,
        slot: Slot,
        kind: Field,
        hint: &str,
    ) -> (bool, bool) {
        let width = match kind {
            Field::Wide => 360.0,
            Field::Name => 200.0,
            Field::Date => 140.0,
        };
        let label_width = if kind == Field::Name { 60.0 } else { 150.0 };
        let response = ui
            .horizontal(|ui| {
                let l = ui.add_sized([label_width, 18.0], egui::Label::new(slot.label()));
                let response = self.text_box(ui, slot, width, hint).labelled_by(l.id);
                if kind == Field::Date {
                    self.resolved_day(ui, slot);
                }
                response
            })
            .inner;
        let left = response.lost_focus();
        (left && enter_key(ui) == Some(false), left)
    }

    /// The text box of `slot`, which takes the keyboard when asked to.
    pub(super) fn text_box(
        &mut self,
        ui: &mut Ui,
        slot: Slot,
        width: f32,
        hint: &str,
    ) -> egui::Response {
        let response = ui.add(
            egui::TextEdit::singleline(self.text_mut(slot))
                .id(slot.id())
                .hint_text(hint)
                .desired_width(width),
        );
        self.take_focus(&response, slot);
        let name = slot.label();
        ui.ctx()
            .accesskit_node_builder(slot.id(), |node| node.set_label(name));
        response
    }

    /// A typed day shows the day it means (2022 as a start, +18m, next
    /// friday); the goal's empty date, the day it will be given.
    pub(super) fn resolved_day(&mut self, ui: &mut Ui, slot: Slot) {
        let shown = |day: Date| day.strftime("%a %-d %b %Y").to_string();
        let text = self.text_mut(slot).clone();
        let said = match self.day(&text, slot) {
            Ok(Some(day)) => shown(day),
            Ok(None) if slot == Slot::Due => match self.answers().map(|a| a.goal_due()) {
                Ok(Some(day)) => format!("empty: {}", shown(day)),
                _ => return,
            },
            _ => return,
        };
        ui.label(RichText::new(said).weak());
    }

    pub(super) fn take_focus(&mut self, response: &egui::Response, slot: Slot) {
        if self.focus == Some(slot) {
            response.request_focus();
            self.focus = None;
        }
    }
}

/// How wide a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Wide,
    Name,
    Date,
}

/// Whether Enter was pressed this frame: `Some(true)` with Ctrl (Cmd on a
/// Mac). The key's own modifiers count: Ctrl may be let go in the same frame.
pub(super) fn enter_key(ui: &Ui) -> Option<bool> {
    ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Key {
                key: Key::Enter,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.command),
            _ => None,
        })
    })
}
