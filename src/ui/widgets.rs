//! Small widgets shared by the views.

use crate::model::{Level, LevelNames, Problem};
use egui::{RichText, Ui};
use jiff::civil::Date;

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

/// A list of short texts edited one a line; true if changed.
pub fn lines_field(ui: &mut Ui, label: &str, lines: &mut Vec<String>) -> bool {
    let mut text = lines.join("\n");
    if text_area(ui, label, &mut text, 2) {
        *lines = text
            .lines()
            .map(str::to_string)
            .filter(|l| !l.trim().is_empty())
            .collect();
        // Keep an empty last line while typing, so Enter starts a new item.
        if text.ends_with('\n') {
            lines.push(String::new());
        }
        return true;
    }
    false
}

/// An optional date: a check box to set or clear it, and a date picker.
pub fn optional_date(ui: &mut Ui, label: &str, value: &mut Option<Date>, default: Date) -> bool {
    ui.horizontal(|ui| {
        let mut set = value.is_some();
        let mut changed = ui.checkbox(&mut set, label).changed();
        if changed {
            *value = set.then_some(value.unwrap_or(default));
        }
        if let Some(date) = value {
            let mut d = *date;
            if date_picker(ui, label, &mut d) {
                *date = d;
                changed = true;
            }
        }
        changed
    })
    .inner
}

/// The `egui_extras` date picker, for dates it can show: its calendar steps a day
/// past the one shown, which fails at the ends of the calendar (a file may
/// hold 9999-12-31 as "someday"). Such dates are shown as text instead.
fn date_picker(ui: &mut Ui, id: &str, date: &mut Date) -> bool {
    if (1..=9998).contains(&date.year()) {
        ui.add(
            egui_extras::DatePickerButton::new(date)
                .id_salt(id)
                .calendar_week(false),
        )
        .changed()
    } else {
        ui.label(date.to_string())
            .on_hover_text("Too far out for the calendar; edit the plan file to change it.");
        false
    }
}

/// A required date with a picker.
pub fn date_field(ui: &mut Ui, label: &str, value: &mut Date) -> bool {
    ui.horizontal(|ui| {
        ui.label(label);
        date_picker(ui, label, value)
    })
    .inner
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

/// Five boxes: filled up to the level, outlined up to the target.
pub fn level_bar(ui: &mut Ui, level: Level, target: Option<Level>) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(5.0 * 14.0, 10.0), egui::Sense::hover());
    let filled = ui.visuals().selection.bg_fill;
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    for i in 0..Level::MAX.0 {
        let x = rect.left() + f32::from(i) * 14.0;
        let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(11.0, 10.0));
        if i < level.0 {
            ui.painter().rect_filled(r, 2.0, filled);
        } else if target.is_some_and(|t| i < t.0) {
            ui.painter()
                .rect_stroke(r, 2.0, stroke, egui::StrokeKind::Inside);
        } else {
            ui.painter()
                .rect_filled(r, 2.0, ui.visuals().faint_bg_color);
        }
    }
    response
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
        ui.menu_button(summary, |ui| {
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

/// The right-hand panel of a view, for the editor of the picked item.
pub fn side_panel(ui: &mut Ui, id: &str, width: f32, add: impl FnOnce(&mut Ui)) {
    egui::Panel::right(id)
        .resizable(true)
        .default_size(width)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, add);
        });
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
