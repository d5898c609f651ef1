//! Small widgets shared by the views.

use crate::model::insights::{GoalProgress, PaceStatus, ProgressUnit};
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

/// An optional date: a check box to set or clear it, then the date field.
pub fn optional_date(ui: &mut Ui, label: &str, value: &mut Option<Date>, today: Date) -> bool {
    optional_date_from(ui, label, value, today, today)
}

/// [`optional_date`] whose tick starts the date at `first` (a milestone's
/// due date at its goal's, say) rather than today.
pub fn optional_date_from(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<Date>,
    first: Date,
    today: Date,
) -> bool {
    ui.horizontal(|ui| {
        let mut set = value.is_some();
        let check = ui.checkbox(&mut set, label);
        let mut changed = check.changed();
        if changed {
            *value = set.then_some(value.unwrap_or(first));
        }
        if let Some(date) = value {
            changed |= date_input(ui, check.id, label, date, today).changed;
        }
        changed
    })
    .inner
}

/// A date people can type (YYYY-MM-DD, "today", "yesterday") or pick from a
/// calendar whose "today" is the app's clock; true if the date changed.
pub fn date_field(ui: &mut Ui, label: &str, value: &mut Date, today: Date) -> bool {
    date_field_checked(ui, label, value, today).changed
}

/// What happened in a date box this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateInput {
    /// The date changed.
    pub changed: bool,
    /// The box holds a date (while it does not, the value keeps the last good one).
    pub valid: bool,
    /// Enter was pressed in the box.
    pub entered: bool,
}

/// [`date_field`], also telling whether the box holds a date and whether
/// Enter was pressed in it.
pub fn date_field_checked(ui: &mut Ui, label: &str, value: &mut Date, today: Date) -> DateInput {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        date_input(ui, l.id, label, value, today)
    })
    .inner
}

/// Reads a typed day the ways people type them (see `model::parse_typed_day`:
/// 2027-03-15, 2027-03, +2w, today, next friday…); the error is a sentence.
pub fn parse_date(text: &str, today: Date) -> Result<Date, String> {
    crate::model::parse_typed_day(text, today).map_err(|e| format!("{e}."))
}

/// The typed date box, a calendar button and, for text that is not a date,
/// a message saying what to type. The typed text is kept (per field) while
/// it is being edited or is not a date. Going into the box selects its
/// text, so typing replaces it; while typing, the day it reads as shows
/// beside it; Enter keeps the keyboard in the box.
fn date_input(
    ui: &mut Ui,
    label: egui::Id,
    salt: &str,
    value: &mut Date,
    today: Date,
) -> DateInput {
    let id = ui.scope_id().with(("date_text", salt));
    let mut changed = false;
    // The typed text is kept with the date it was typed over; when the date
    // changes elsewhere (Alt+Y, the calendar, undo), the box shows the new one.
    let mut text = match ui.data(|d| d.get_temp::<(String, Date)>(id)) {
        Some((typed, over)) if over == *value => typed,
        _ => value.to_string(),
    };
    let out = egui::TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(84.0)
        .hint_text("YYYY-MM-DD")
        .show(ui);
    if out.response.response.gained_focus() {
        select_all(ui, &out, &text);
    }
    let response = out.response.response.clone().labelled_by(label);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered {
        // The box keeps the keyboard, its text selected, so Ctrl+A and typing work on.
        response.request_focus();
    }
    let parsed = parse_date(&text, today);
    if response.changed()
        && let Ok(d) = parsed
        && d != *value
    {
        *value = d;
        changed = true;
    }
    if response.has_focus() || parsed.is_err() {
        ui.data_mut(|d| d.insert_temp(id, (text.clone(), *value)));
    } else {
        ui.data_mut(|d| d.remove::<(String, Date)>(id));
    }
    // "-2d" or "fri" as typed: the day it reads as, before leaving the box.
    if let Ok(d) = parsed
        && response.has_focus()
        && text.trim() != d.to_string()
    {
        ui.label(RichText::new(d.strftime("%a %-d %b %Y").to_string()).weak());
    }
    let button = ui
        .button("\u{1f4c6}")
        .on_hover_text("Pick the day from a calendar");
    let shown = egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| calendar(ui, id, value, today));
    if shown.is_none() {
        // Closed: the next opening starts again at the date's month.
        ui.data_mut(|d| d.remove::<Date>(id.with("month")));
    }
    let picked = shown.is_some_and(|r| r.inner);
    if picked {
        ui.data_mut(|d| d.remove::<(String, Date)>(id));
        return DateInput {
            changed: true,
            valid: true,
            entered: false,
        };
    }
    let valid = parsed.is_ok();
    if let Err(message) = parsed
        && (!response.has_focus() || text.trim().len() >= 10)
    {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
    DateInput {
        changed,
        valid,
        entered,
    }
}

/// Drops text half typed into date fields, so they show their dates again.
pub fn forget_typed_dates(ui: &Ui) {
    ui.data_mut(egui::util::IdTypeMap::remove_by_type::<(String, Date)>);
}

/// A month of days to click, opening on `value`'s month; today (the app's
/// clock) is ringed. True if a day was picked.
fn calendar(ui: &mut Ui, id: egui::Id, value: &mut Date, today: Date) -> bool {
    let month_id = id.with("month");
    let mut month: Date = ui
        .data(|d| d.get_temp(month_id))
        .unwrap_or_else(|| value.first_of_month());
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui
            .button("\u{25c0}")
            .on_hover_text("Previous month")
            .clicked()
            && let Ok(m) = month.checked_sub(jiff::Span::new().months(1))
        {
            month = m;
        }
        ui.label(RichText::new(month.strftime("%B %Y").to_string()).strong());
        if ui.button("\u{25b6}").on_hover_text("Next month").clicked()
            && let Ok(m) = month.checked_add(jiff::Span::new().months(1))
        {
            month = m;
        }
    });
    egui::Grid::new(id.with("days"))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for d in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                ui.label(RichText::new(d).small().weak());
            }
            ui.end_row();
            for _ in 0..month.weekday().to_monday_zero_offset() {
                ui.label("");
            }
            for day in 1..=month.days_in_month() {
                let Ok(date) = Date::new(month.year(), month.month(), day) else {
                    continue;
                };
                let button = egui::Button::selectable(*value == date, format!("{day:>2}"))
                    .min_size(egui::vec2(26.0, 20.0));
                let mut r = ui.add(button);
                if date == today {
                    ui.painter().rect_stroke(
                        r.rect,
                        4.0,
                        egui::Stroke::new(1.5, ui.visuals().strong_text_color()),
                        egui::StrokeKind::Outside,
                    );
                    r = r.on_hover_text("Today");
                }
                if r.clicked() {
                    picked = Some(date);
                }
                if date.weekday() == jiff::civil::Weekday::Sunday {
                    ui.end_row();
                }
            }
        });
    ui.horizontal(|ui| {
        if ui.button("Today").clicked() {
            picked = Some(today);
        }
        if ui.button("Yesterday").clicked() {
            picked = today.yesterday().ok();
        }
    });
    ui.data_mut(|d| d.insert_temp(month_id, month));
    match picked {
        Some(d) => {
            *value = d;
            ui.close();
            true
        }
        None => false,
    }
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
    let filled = pip_fill(ui.visuals());
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

/// Three small bars for three spans of time (oldest first), scaled to the
/// largest, so the shape reads at a glance: an empty span is a thin line.
/// `name` is what a screen reader says (the numbers).
pub fn trend_bars(ui: &mut Ui, values: [u32; 3], name: &str) -> egui::Response {
    const WIDTH: f32 = 6.0;
    const GAP: f32 = 2.0;
    const HEIGHT: f32 = 14.0;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(3.0 * WIDTH + 2.0 * GAP, HEIGHT),
        egui::Sense::hover(),
    );
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f32;
    let filled = pip_fill(ui.visuals());
    let empty = ui.visuals().weak_text_color();
    for (i, v) in values.iter().enumerate() {
        let (height, colour) = if *v == 0 {
            (1.0, empty)
        } else {
            ((HEIGHT * *v as f32 / max).max(2.0), filled)
        };
        let x = rect.left() + i as f32 * (WIDTH + GAP);
        let bar = egui::Rect::from_min_max(
            egui::pos2(x, rect.bottom() - height),
            egui::pos2(x + WIDTH, rect.bottom()),
        );
        ui.painter().rect_filled(bar, 1.0, colour);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
    response
}

/// The colour of a filled level pip. On a selected table row (whose
/// background is the selection colour) it takes the row's text colour.
fn pip_fill(visuals: &egui::Visuals) -> egui::Color32 {
    visuals
        .override_text_color
        .unwrap_or(visuals.selection.bg_fill)
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

/// A table's column header that sorts by its column: a click sorts by it,
/// a second click turns the order round; an arrow marks the sorted column.
pub fn sort_header<S: Copy + PartialEq>(
    ui: &mut Ui,
    title: &str,
    by: S,
    sort: &mut S,
    descending: &mut bool,
) -> egui::Response {
    let arrow = match (*sort == by, *descending) {
        (true, false) => " \u{2b06}",
        (true, true) => " \u{2b07}",
        _ => "",
    };
    let button = ui.button(RichText::new(format!("{title}{arrow}")).strong());
    if button.clicked() {
        *descending = *sort == by && !*descending;
        *sort = by;
    }
    button
}

/// A goal's progress bar ("45 min of 60 h"), outlined so its whole length
/// shows in the light theme too, with what it means on hover. `open`: the
/// goal is neither done nor dropped (only then are pace and projection told).
pub fn progress_bar(ui: &mut Ui, p: &GoalProgress, open: bool, width: f32) {
    #[expect(clippy::cast_possible_truncation, reason = "a share from 0 to 1")]
    let share = p.share() as f32;
    let bar = ui.add(
        egui::ProgressBar::new(share)
            .desired_width(width)
            .text(p.text()),
    );
    ui.painter().rect_stroke(
        bar.rect,
        bar.rect.height() / 2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    bar.on_hover_text(progress_hover(p, open));
}

/// What a goal's progress bar says on hover: done, the pace line, and when
/// the target would be reached.
fn progress_hover(p: &GoalProgress, open: bool) -> String {
    let mut lines = vec![format!("Done so far: {}.", p.text())];
    if let (Some(ideal), true) = (p.ideal_by_today, open) {
        lines.push(format!(
            "The pace line to the due date says {} by today.",
            amount(p, ideal)
        ));
    }
    if p.target > 0.0 && p.done >= p.target {
        lines.push("Target reached.".to_string());
    } else if open {
        lines.push(p.projection_text());
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

/// "45 min", "12 h", "3 entries", "2 milestones".
fn amount(p: &GoalProgress, value: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "small, rounded, clamped at 0"
    )]
    let n = value.max(0.0).round() as u64;
    match p.unit {
        ProgressUnit::Minutes => crate::model::insights::duration(n),
        ProgressUnit::Entries => crate::model::plural(usize::try_from(n).unwrap_or(0), "entry"),
        ProgressUnit::Milestones => {
            crate::model::plural(usize::try_from(n).unwrap_or(0), "milestone")
        }
    }
}

/// A coloured "On track" / "Behind" / "At risk" (nothing without a status).
pub fn status_badge(ui: &mut Ui, status: Option<PaceStatus>) {
    let Some(s) = status else {
        ui.label("");
        return;
    };
    let c = match s {
        PaceStatus::OnTrack => crate::ui::plots::colour(ui.ctx(), 2),
        PaceStatus::Behind => crate::ui::plots::colour(ui.ctx(), 1),
        PaceStatus::AtRisk => crate::ui::plots::colour(ui.ctx(), 5),
    };
    ui.label(RichText::new(s.label()).color(c).strong());
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn typed_dates_are_iso_days_or_today_and_yesterday() {
        let today = date(2026, 6, 15);
        assert_eq!(parse_date(" 2026-06-14 ", today), Ok(date(2026, 6, 14)));
        assert_eq!(parse_date("Yesterday", today), Ok(date(2026, 6, 14)));
        assert_eq!(parse_date("today", today), Ok(today));
        assert!(
            parse_date("14/06/2026", today)
                .is_err_and(|e| e.contains("+2w") && e.contains("next friday")),
            "the message says what to write"
        );
        assert!(parse_date("2026-06-14T10:00", today).is_err(), "no times");
        assert_eq!(
            parse_date("2026-02-30", today),
            Err("\"2026-02-30\" is not a day on the calendar: February 2026 has 28 days.".into())
        );
    }

    #[test]
    fn filled_pips_show_on_a_selected_row() {
        let mut v = egui::Visuals::dark();
        assert_eq!(pip_fill(&v), v.selection.bg_fill);
        // A selected egui_extras row paints the selection colour behind its cells
        // and sets the text colour to the selection's stroke.
        v.override_text_color = Some(v.selection.stroke.color);
        assert_ne!(pip_fill(&v), v.selection.bg_fill);
    }
}
