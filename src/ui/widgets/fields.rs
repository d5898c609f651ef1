//! Text fields, drop-downs and pickers, and the keyboard focus a new item's field takes.

use crate::model::{Level, LevelNames};
use egui::Ui;

/// A labelled single-line text field; true if changed.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(l.id)
            .changed()
    })
    .inner
}

/// Selects all of a text field's text, so typing replaces it.
pub fn select_all(ui: &Ui, output: &egui::text_edit::TextEditOutput, text: &str) {
    let mut state = output.state.clone();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ui.ctx(), output.response.id);
}

/// Asks that the field for `key` (see [`name_field`]) take the keyboard when
/// it next shows: a new item's editor appears only once the item is added.
pub fn focus_later(ctx: &egui::Context, key: impl std::hash::Hash + std::fmt::Debug) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), egui::Id::unique(key)));
}

/// True once if [`focus_later`] asked for `key`.
pub fn take_focus_request(
    ctx: &egui::Context,
    key: impl std::hash::Hash + std::fmt::Debug,
) -> bool {
    let want = egui::Id::unique(key);
    ctx.data_mut(|d| {
        let asked = d.get_temp::<egui::Id>(focus_request_id()) == Some(want);
        if asked {
            d.remove::<egui::Id>(focus_request_id());
        }
        asked
    })
}

fn focus_request_id() -> egui::Id {
    egui::Id::unique("stepstone_focus_request")
}

/// A labelled name field for the item `key`. When [`focus_later`] asked for
/// it (a new item), it takes the keyboard with its text selected, so typing
/// replaces the placeholder name.
pub fn name_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    key: impl std::hash::Hash + std::fmt::Debug,
) -> bool {
    name_field_entered(ui, label, value, key).0
}

/// [`name_field`], also telling whether Enter was pressed in it:
/// (changed, entered). Lists use it to add their next item.
pub fn name_field_entered(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    key: impl std::hash::Hash + std::fmt::Debug,
) -> (bool, bool) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let out = egui::TextEdit::singleline(value)
            .desired_width(f32::INFINITY)
            .show(ui);
        if take_focus_request(ui.ctx(), key) {
            out.response.request_focus();
            select_all(ui, &out, value);
        }
        let response = out.response.response.clone().labelled_by(l.id);
        (response.changed(), enter_pressed(ui, &response))
    })
    .inner
}

/// True when Enter was pressed in the text field `response`: a single-line
/// field gives up the keyboard on Enter, a multi-line one built with
/// `.return_key(None)` keeps it. Lists use it so that Enter in their last
/// field adds the next item (see [`text_list`]).
pub fn enter_pressed(ui: &Ui, response: &egui::Response) -> bool {
    (response.lost_focus() || response.has_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// A list of short texts, one box a row (numbered, with a button to remove
/// it) and a button to add one. Enter in the last box adds the next, with
/// the keyboard in it; Enter in an empty last box removes it, ending the
/// list. A box's accessible name is `item` and its number ("Why 2").
/// True if changed.
pub fn text_list(ui: &mut Ui, item: &str, add: &str, items: &mut Vec<String>) -> bool {
    let mut changed = false;
    let mut remove = None;
    let mut next = false;
    let last = items.len().checked_sub(1);
    for (i, text) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", i + 1));
            // The button comes first so the text box can take the rest of the
            // width without pushing a panel wider every frame.
            if ui
                .small_button("\u{2716}")
                .on_hover_text("Remove this one")
                .clicked()
            {
                remove = Some(i);
            }
            let response = ui
                .add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        // One line an item: Enter moves on instead.
                        .return_key(None),
                )
                .accessible_name(format!("{item} {}", i + 1));
            if take_focus_request(ui.ctx(), (item, i)) {
                response.request_focus();
            }
            changed |= response.changed();
            if enter_pressed(ui, &response) {
                if Some(i) != last {
                    response.surrender_focus();
                } else if text.trim().is_empty() {
                    remove = Some(i);
                } else {
                    next = true;
                }
            }
        });
    }
    if let Some(i) = remove {
        items.remove(i);
        changed = true;
    }
    if ui.button(add).clicked() || next {
        focus_later(ui.ctx(), (item, items.len()));
        items.push(String::new());
        changed = true;
    }
    changed
}

/// Where to write a file: a labelled path box and, with the system's dialogs
/// (`native`), a "Choose…" button that opens its save dialog. `kind` names
/// the file type for the dialog's filter, with its extensions (no dot).
/// True when Enter was pressed in the box.
pub fn save_path_field(
    ui: &mut Ui,
    label: &str,
    path: &mut String,
    native: bool,
    kind: (&str, &[&str]),
) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let response = ui
            .add(egui::TextEdit::singleline(path).desired_width(380.0))
            .labelled_by(l.id);
        if native && ui.button("Choose\u{2026}").clicked() {
            let current = std::path::PathBuf::from(path.trim());
            let mut dialog = rfd::FileDialog::new().add_filter(kind.0, kind.1);
            if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = current.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(picked) = dialog.save_file() {
                *path = picked.display().to_string();
            }
        }
        enter_pressed(ui, &response)
    })
    .inner
}

/// A labelled multi-line text field; true if changed.
pub fn text_area(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> bool {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id)
    .changed()
}

/// A labelled drop-down to pick one of `options` (value, name); true if changed.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    id: &str,
    value: &mut T,
    options: &[(T, String)],
) -> bool {
    let mut changed = false;
    let l = ui.label(label);
    let selected = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or("", |(_, n)| n.as_str());
    let shown = egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (v, name) in options {
                changed |= ui.selectable_value(value, *v, name).changed();
            }
        });
    shown.response.labelled_by(l.id);
    changed
}

/// A labelled level picker showing the levels' names.
pub fn level_combo(
    ui: &mut Ui,
    label: &str,
    id: &str,
    names: &LevelNames,
    level: &mut Level,
) -> bool {
    let options: Vec<_> = (0..=Level::MAX.0)
        .map(|l| (Level(l), format!("{l} {}", names.name(Level(l)))))
        .collect();
    choice(ui, label, id, level, &options)
}

/// Check boxes to pick some of `options` (id, name); true if changed.
pub fn multi_pick<I: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    chosen: &mut Vec<I>,
    options: &[(I, String)],
) -> bool {
    let mut changed = false;
    let names: Vec<&str> = options
        .iter()
        .filter(|(id, _)| chosen.contains(id))
        .map(|(_, n)| n.as_str())
        .collect();
    let summary = if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        let button = ui.button(summary);
        // Stays open while ticking several; a click outside or Escape closes it.
        egui::Popup::menu(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| {
                for (id, name) in options {
                    let mut on = chosen.contains(id);
                    if ui.checkbox(&mut on, name).changed() {
                        if on {
                            chosen.push(*id);
                        } else {
                            chosen.retain(|x| x != id);
                        }
                        changed = true;
                    }
                }
                if options.is_empty() {
                    ui.label("Nothing to pick yet.");
                }
            });
    });
    changed
}

/// A labelled filter box; true if changed.
pub fn filter_box(ui: &mut Ui, hint: &str, text: &mut String) -> bool {
    let l = ui.label("Filter:");
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(180.0),
    )
    .labelled_by(l.id)
    .changed()
}
