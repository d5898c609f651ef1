//! Date boxes: typed days, a calendar, and optional dates.

use super::select_all;
use egui::{RichText, Ui};
use jiff::civil::Date;

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
}
