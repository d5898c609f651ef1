//! The skeleton views share: the editor's side panel with its header, delete
//! button and problems, section headings, hints and the empty state.

use crate::model::Problem;
use egui::{RichText, Ui};

/// A warning mark with the item's problems on hover; nothing if there are none.
pub fn problems_mark(ui: &mut Ui, problems: &[&Problem]) {
    if problems.is_empty() {
        return;
    }
    let text: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    ui.label(RichText::new("\u{26a0}").color(ui.visuals().warn_fg_color))
        .on_hover_text(text.join("\n"));
}

/// The problems of one item, listed under its editor.
pub fn problems_list(ui: &mut Ui, problems: &[&Problem]) {
    for p in problems {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("\u{26a0} {}", p.message),
        );
    }
}

/// A heading for a section of a view.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// The right-hand panel of a view, for the editor of the picked item.
pub fn side_panel(ui: &mut Ui, id: &str, width: f32, add: impl FnOnce(&mut Ui)) {
    egui::Panel::right(id)
        .resizable(true)
        .default_size(width)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, add);
        });
}

/// Widgets that wrap as one in a wrapping row (a label and its control), so
/// no label is left alone at the end of a line. The group's size from the
/// last frame tells the row whether it still fits.
pub fn together<R>(ui: &mut Ui, salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    let id = ui.scope_id().with(("together", salt));
    let size = ui
        .data(|d| d.get_temp::<egui::Vec2>(id))
        .unwrap_or(egui::vec2(160.0, ui.spacing().interact_size.y));
    let shown =
        ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), add);
    let used = shown.response.rect.size();
    ui.data_mut(|d| d.insert_temp(id, used));
    shown.inner
}

/// An editor's title, a Close button and the item's problems; true if Close was clicked.
pub fn editor_header(ui: &mut Ui, title: &str, problems: &[&Problem]) -> bool {
    let close = ui
        .horizontal(|ui| {
            ui.heading(title);
            ui.button("Close").clicked()
        })
        .inner;
    problems_list(ui, problems);
    close
}

/// The delete button at the foot of an editor; true if clicked (undo brings it back).
pub fn delete_button(ui: &mut Ui, what: &str) -> bool {
    ui.add_space(8.0);
    ui.button(format!("\u{1f5d1} Delete this {what}"))
        .on_hover_text("Ctrl+Z brings it back")
        .clicked()
}

/// A weak hint, for an empty panel or list.
pub fn hint(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).weak());
}

/// A view with nothing in it yet: one line on what to do first, and a
/// button that does it; true when clicked.
pub fn empty_state(ui: &mut Ui, what_first: &str, button: &str) -> bool {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(what_first).size(15.0));
        ui.add_space(6.0);
        ui.button(button).clicked()
    })
    .inner
}
