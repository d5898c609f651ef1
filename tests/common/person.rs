//! A person at the app: drives it through `egui_kittest` and counts what
//! they do (clicks, key presses and runs of typing), for walkthroughs whose
//! issue sets a budget of actions.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stepstone::model::Plan;
use stepstone::ui::App;

pub struct Person {
    pub h: Harness<'static, App>,
    pub actions: usize,
}

impl Person {
    /// Starts counting on an app already open.
    pub fn at(mut h: Harness<'static, App>) -> Self {
        h.run();
        Self { h, actions: 0 }
    }

    pub fn click(&mut self, label: &str) {
        self.h.get_by_label(label).click();
        self.h.run();
        self.actions += 1;
    }

    /// Clicks the side bar's button of a view (its name is also a heading).
    pub fn show(&mut self, view: &str) {
        self.h
            .get_by_role_and_label(egui::accesskit::Role::Button, view)
            .click();
        self.h.run();
        self.actions += 1;
    }

    /// Clicks into a field.
    pub fn focus(&mut self, label: &str) {
        self.h.get_by_label(label).focus();
        self.h.run();
        self.actions += 1;
    }

    pub fn press(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        self.h.run();
        self.actions += 1;
    }

    pub fn enter(&mut self) {
        self.press(Modifiers::NONE, Key::Enter);
    }

    pub fn tab(&mut self) {
        self.press(Modifiers::NONE, Key::Tab);
    }

    /// Types into the field that has the keyboard: one typed field.
    pub fn write(&mut self, text: &str) {
        self.h.event(Event::Text(text.to_string()));
        self.h.run();
        self.actions += 1;
    }

    /// The accessible name of what has the keyboard.
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method's lifetimes do not fit get_by"
    )]
    pub fn focused(&self) -> String {
        self.h
            .get_by(|n| n.is_focused())
            .accesskit_node()
            .label()
            .unwrap_or_default()
    }

    /// Whether some text on screen contains `text`.
    pub fn sees(&self, text: &str) -> bool {
        self.h.query_all_by_label_contains(text).next().is_some()
    }

    pub fn plan(&self) -> &Plan {
        self.h.state().plan()
    }
}
