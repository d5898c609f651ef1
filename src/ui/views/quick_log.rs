//! Today's quick-log box: one typed line such as
//! `Cycle count review 45m #inventory #sigma yesterday` (read by
//! `model::quick_add`) gives the entry's text, minutes, links and day, shown
//! as chips before Enter saves. The boxes below (minutes, links, day, kind,
//! energy) give what the line does not. Enter saves from any box.

use super::ViewCtx;
use crate::model::quick_add::{self, Linked, Links, QuickLine, Token};
use crate::model::{Edit, ExperienceKind, Item, LogEntry, Plan, name_key, text_contains};
use crate::ui::widgets;
use egui::{Event, Key, Modifiers, RichText};
use jiff::civil::Date;

/// Most suggestions shown by the link picker.
const MAX_SUGGESTIONS: usize = 6;
/// Where the "What did you do?" box keeps its state.
const WHAT: &str = "quick_log_what";

/// The entry being written.
#[derive(Clone, Debug)]
struct Draft {
    text: String,
    minutes: String,
    kind: ExperienceKind,
    /// Links picked in the "Link to" box (the line's `#` links come on top).
    links: Vec<Linked>,
    energy: Option<u8>,
    remembered_why: bool,
    /// The day the entry is for, from the Day box; `None` is today.
    day: Option<Date>,
    /// Recognised words of the line turned back into text: (byte offset, word).
    literal: Vec<(usize, String)>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            text: String::new(),
            minutes: "30".into(),
            kind: ExperienceKind::Routine,
            links: Vec::new(),
            energy: None,
            remembered_why: false,
            day: None,
            literal: Vec::new(),
        }
    }
}

impl Draft {
    /// The line as read, its kept words still in place.
    fn read(&mut self, plan: &Plan, today: Date) -> QuickLine {
        // A kept word stays kept while it is still there as written.
        let text = &self.text;
        self.literal
            .retain(|(at, word)| text.get(*at..*at + word.len()) == Some(word.as_str()));
        let kept: Vec<usize> = self.literal.iter().map(|(at, _)| *at).collect();
        quick_add::parse(&self.text, plan, today, &kept)
    }

    /// Keeps the recognised `word` as text.
    fn keep(&mut self, word: &quick_add::Word) {
        if let Some(w) = self.text.get(word.start..word.end) {
            self.literal.push((word.start, w.to_string()));
        }
    }
}

/// Keyboard bookkeeping carried between frames.
#[derive(Default)]
struct Pending {
    /// An Alt shortcut was pressed whose typed text has not arrived yet.
    alt_text: bool,
    /// An entry was just saved: the "What did you do?" box starts a new undo history.
    what_saved: bool,
    /// The Day box holds text that is not a date.
    day_invalid: bool,
}

/// The quick-log box's state.
pub struct QuickLog {
    draft: Draft,
    picker: String,
    /// The highlighted suggestion of the link picker.
    highlighted: usize,
    /// Put the keyboard in the "What did you do?" box on the next frame.
    focus_what: bool,
    pending: Pending,
    /// Why the last save did not happen.
    error: Option<String>,
    /// The entry just saved had low energy (1 or 2): Today turns to tough-day mode.
    pub drained: bool,
}

impl Default for QuickLog {
    fn default() -> Self {
        Self {
            draft: Draft::default(),
            picker: String::new(),
            highlighted: 0,
            focus_what: true,
            pending: Pending::default(),
            error: None,
            drained: false,
        }
    }
}

/// What a chip says for a recognised word.
fn chip_text(plan: &Plan, line: &str, word: &quick_add::Word) -> String {
    let typed = line.get(word.start..word.end).unwrap_or_default();
    match &word.token {
        Token::Minutes(m) => crate::model::insights::duration(*m),
        Token::Day(d) => d.strftime("%a %-d %b").to_string(),
        Token::Link(l) => l
            .name(plan)
            .map_or_else(|| typed.to_string(), |(n, what)| format!("{n} ({what})")),
        Token::Ambiguous(_) => format!("{typed}: which one?"),
        Token::Unknown => format!("{typed}: no match"),
    }
}

/// Skills, goals and people whose name contains `needle`, not yet picked.
fn suggestions(plan: &Plan, needle: &str, picked: &[Linked]) -> Vec<Linked> {
    let needle = name_key(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let all = plan
        .skills
        .iter()
        .map(|s| (Linked::Skill(s.id), &s.name))
        .chain(plan.goals.iter().map(|g| (Linked::Goal(g.id), &g.title)))
        .chain(plan.people.iter().map(|p| (Linked::Person(p.id), &p.name)));
    all.filter(|(l, name)| !picked.contains(l) && text_contains(name, &needle))
        .map(|(l, _)| l)
        .take(MAX_SUGGESTIONS)
        .collect()
}

impl QuickLog {
    /// Puts the keyboard in the "What did you do?" box on the next frame.
    pub fn focus(&mut self) {
        self.focus_what = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        self.alt_keys(ui, cx.today);
        let what_id = ui.make_persistent_id(WHAT);
        self.backspace_keeps_a_word(ui, plan, cx.today, what_id);
        let mut save = false;
        egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Log what you did").strong());
            if plan.log.is_empty() {
                ui.label(
                    RichText::new("Start here: write one thing you did today, then press Enter or Save entry. It starts your streak.")
                        .size(15.0),
                );
            }
            save |= self.what_box(ui, what_id);
            let line = self.draft.read(plan, cx.today);
            self.chips(ui, plan, &line);
            // Fields in the order Tab visits them: minutes, links.
            let found = suggestions(plan, &self.picker, &self.draft.links);
            self.highlighted = self.highlighted.min(found.len().saturating_sub(1));
            ui.horizontal_wrapped(|ui| {
                save |= self.minutes_box(ui, &line);
                ui.separator();
                save |= self.link_field(ui, plan, &found);
            });
            for (i, link) in found.iter().enumerate() {
                if let Some((name, what)) = link.name(plan)
                    && ui.selectable_label(i == self.highlighted, format!("{name} ({what})")).clicked()
                {
                    self.draft.links.push(*link);
                    self.picker.clear();
                }
            }
            save |= self.day_row(ui, cx, &line);
            self.kind_row(ui);
            ui.horizontal(|ui| {
                save |= ui.button("Save entry").clicked();
                // Wrapped beside the button: unwrapped, a narrow window
                // pushes the whole view past its right edge.
                ui.add(
                    egui::Label::new(
                        RichText::new(
                            "Enter saves, from any box. In the line: 45m or 1h30 for the time, #part of a skill, goal or person's name, and yesterday, -2d or fri for the day, at its end; Backspace right after one keeps it as text. Alt+1 to Alt+5 set the kind; Alt+Y logs on yesterday.",
                        )
                        .weak()
                        .small(),
                    )
                    .wrap(),
                );
            });
            if let Some(e) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        });
        if save {
            self.save(cx, edits);
        }
    }

    /// Alt+1 to Alt+5 pick the kind of experience, Alt+Y and Alt+T the
    /// day, without leaving the keyboard (and without typing into a field).
    fn alt_keys(&mut self, ui: &mut egui::Ui, today: Date) {
        for key in ui.input_mut(|i| take_alt_keys(i, &mut self.pending.alt_text)) {
            let kinds = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            if let Some(n) = kinds.iter().position(|k| *k == key) {
                self.draft.kind = ExperienceKind::ALL[n];
            } else if matches!(key, Key::Y | Key::T) {
                self.draft.day = if key == Key::Y {
                    today.yesterday().ok()
                } else {
                    None
                };
                // Whatever was half typed in the Day box gives way to the key.
                widgets::forget_typed_dates(ui);
            }
        }
    }

    /// Backspace right after a recognised word (the cursor at its end, no
    /// selection) keeps it as text instead of deleting a letter.
    fn backspace_keeps_a_word(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        today: Date,
        what_id: egui::Id,
    ) {
        if !ui.memory(|m| m.has_focus(what_id)) {
            return;
        }
        let Some(cursor) = egui::text_edit::TextEditState::load(ui.ctx(), what_id)
            .and_then(|s| s.cursor.char_range())
            .filter(egui::text_selection::CCursorRange::is_empty)
        else {
            return;
        };
        let at = self
            .draft
            .text
            .char_indices()
            .nth(cursor.primary.index.0)
            .map_or(self.draft.text.len(), |(i, _)| i);
        let line = self.draft.read(plan, today);
        let Some(word) = line.words.iter().find(|w| w.end == at) else {
            return;
        };
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Backspace)) {
            self.draft.keep(word);
        }
    }

    /// The line itself; true when Enter in it asks to save.
    fn what_box(&mut self, ui: &mut egui::Ui, what_id: egui::Id) -> bool {
        ui.horizontal(|ui| {
            let l = ui.label("What did you do?");
            if std::mem::take(&mut self.pending.what_saved)
                && let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), what_id)
            {
                // A new entry starts a new undo history: Ctrl+Z in the box
                // must not bring back the text of the entry just saved.
                state.clear_undoer();
                state.store(ui.ctx(), what_id);
            }
            let what = ui
                .add(
                    egui::TextEdit::singleline(&mut self.draft.text)
                        .id(what_id)
                        .hint_text("e.g. Taught the handover checklist 45m #handover yesterday")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if self.focus_what {
                what.request_focus();
                self.focus_what = false;
            }
            what.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
        })
        .inner
    }

    /// What the line says, as chips: a click on one keeps its word as text;
    /// a part that names several offers each of them.
    fn chips(&mut self, ui: &mut egui::Ui, plan: &Plan, line: &QuickLine) {
        if line.words.is_empty() {
            return;
        }
        let mut keep = None;
        let mut pick: Option<(usize, usize, String)> = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("From the line:").weak());
            for (i, word) in line.words.iter().enumerate() {
                let text = chip_text(plan, &self.draft.text, word);
                let bad = matches!(word.token, Token::Ambiguous(_) | Token::Unknown);
                let text = if bad {
                    RichText::new(text).color(ui.visuals().warn_fg_color)
                } else {
                    RichText::new(text)
                };
                if ui
                    .small_button(text)
                    .on_hover_text("Click (or Backspace right after it) to keep it as text")
                    .clicked()
                {
                    keep = Some(i);
                }
                if let Token::Ambiguous(matches) = &word.token {
                    for m in matches {
                        if let Some((name, what)) = m.name(plan)
                            && ui.small_button(format!("{name} ({what})")).clicked()
                        {
                            pick = Some((
                                word.start,
                                word.end,
                                format!("#{}", name.replace(' ', "_")),
                            ));
                        }
                    }
                }
            }
        });
        if let Some(word) = keep.and_then(|i| line.words.get(i)) {
            self.draft.keep(word);
        }
        if let Some((start, end, with)) = pick
            && self.draft.text.is_char_boundary(start)
            && self.draft.text.is_char_boundary(end)
        {
            self.draft.text.replace_range(start..end, &with);
        }
    }

    /// The minutes box, greyed while the line gives the minutes; true when
    /// Enter in it asks to save.
    fn minutes_box(&mut self, ui: &mut egui::Ui, line: &QuickLine) -> bool {
        let l = ui.label("Minutes");
        if let Some(m) = line.minutes() {
            let mut shown = m.to_string();
            ui.add_enabled(
                false,
                egui::TextEdit::singleline(&mut shown).desired_width(44.0),
            )
            .labelled_by(l.id)
            .on_disabled_hover_text("From the line");
            return false;
        }
        let minutes = egui::TextEdit::singleline(&mut self.draft.minutes)
            .desired_width(44.0)
            .show(ui);
        // Tab into the box selects the minutes, so typing 90 gives 90.
        if minutes.response.gained_focus() {
            widgets::select_all(ui, &minutes, &self.draft.minutes);
        }
        let minutes = minutes.response.response.clone().labelled_by(l.id);
        minutes.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
    }

    /// The day the entry is for: from the line, typed, picked, or yesterday
    /// in one click (Alt+Y); true when Enter in the Day box asks to save.
    fn day_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, line: &QuickLine) -> bool {
        ui.horizontal_wrapped(|ui| {
            if let Some(d) = line.day() {
                ui.label("Day");
                ui.label(RichText::new(d.strftime("%a %-d %b %Y").to_string()).strong())
                    .on_hover_text("From the line");
                self.pending.day_invalid = false;
                return false;
            }
            let mut day = self.draft.day.unwrap_or(cx.today);
            let input = widgets::date_field_checked(ui, "Day", &mut day, cx.today);
            if input.changed {
                self.draft.day = (day != cx.today).then_some(day);
            }
            self.pending.day_invalid = !input.valid;
            let yesterday = cx.today.yesterday().ok();
            let on = yesterday.is_some() && self.draft.day == yesterday;
            if ui
                .selectable_label(on, "Yesterday")
                .on_hover_text("Alt+Y; Alt+T goes back to today")
                .clicked()
            {
                self.draft.day = if on { None } else { yesterday };
            }
            input.entered
        })
        .inner
    }

    fn kind_row(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            for (n, kind) in ExperienceKind::ALL.into_iter().enumerate() {
                ui.selectable_value(&mut self.draft.kind, kind, kind.label())
                    .on_hover_text(format!("Alt+{}", n + 1));
            }
            ui.separator();
            ui.label("Energy");
            for n in 1..=5u8 {
                let on = self.draft.energy == Some(n);
                if ui
                    .selectable_label(on, n.to_string())
                    .on_hover_text("1 drained, 5 full of energy")
                    .clicked()
                {
                    self.draft.energy = (!on).then_some(n);
                }
            }
            ui.checkbox(&mut self.draft.remembered_why, "My why helped today");
        });
    }

    /// The filterable link box and the links picked so far; true if Enter
    /// on an empty box asks to save.
    fn link_field(&mut self, ui: &mut egui::Ui, plan: &Plan, found: &[Linked]) -> bool {
        let mut save = false;
        // Backspace removes a link only when the box was empty before the key:
        // deleting the last typed letter must not take a link with it.
        let was_empty = self.picker.is_empty();
        let l = ui.label("Link to");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.picker)
                    .hint_text("type a skill, goal or person")
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
        if field.has_focus() {
            ui.input_mut(|i| {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    self.highlighted = (self.highlighted + 1).min(found.len().saturating_sub(1));
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
                if was_empty && i.consume_key(Modifiers::NONE, Key::Backspace) {
                    self.draft.links.pop();
                }
            });
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            if let Some(link) = found.get(self.highlighted) {
                self.draft.links.push(*link);
                self.picker.clear();
                self.highlighted = 0;
                field.request_focus();
            } else if self.picker.trim().is_empty() {
                save = true;
            }
        }
        let mut remove = None;
        for (i, link) in self.draft.links.iter().enumerate() {
            if let Some((name, what)) = link.name(plan)
                && ui
                    .button(format!("{name} \u{2716}"))
                    .on_hover_text(format!("Linked {what}; click to remove"))
                    .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            self.draft.links.remove(i);
        }
        save
    }

    /// Turns the draft into a log entry; the box clears and keeps the keyboard.
    fn save(&mut self, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let line = self.draft.read(cx.plan, cx.today);
        let problems = line.problems(&self.draft.text, cx.plan);
        if !problems.is_empty() {
            self.error = Some(problems.join("\n"));
            self.focus_what = true;
            return;
        }
        let d = &self.draft;
        // The line's minutes, else the box's, held to the one rule for an entry.
        let typed = line
            .minutes()
            .map_or_else(|| d.minutes.clone(), |m| m.to_string());
        let minutes = match LogEntry::parse_minutes(&typed) {
            Ok(m) => m,
            Err(message) => {
                self.error = Some(message.into());
                return;
            }
        };
        if self.pending.day_invalid && line.day().is_none() {
            self.error = Some("Fix the day first: type it as YYYY-MM-DD, or pick it.".into());
            return;
        }
        if line.text.trim().is_empty() {
            self.error = Some("Write what you did first.".into());
            self.focus_what = true;
            return;
        }
        let links = Links::of(line.links().into_iter().chain(d.links.iter().copied()));
        let entry = LogEntry {
            skills: links.skills,
            goals: links.goals,
            people: links.people,
            energy: d.energy,
            remembered_why: d.remembered_why,
            ..LogEntry::new(
                cx.plan.new_entry_id(),
                line.day().or(d.day).unwrap_or(cx.today),
                minutes,
                d.kind,
                line.text.trim(),
            )
        };
        // A drained day turns to the why and the evidence of growth.
        self.drained = entry.energy.is_some_and(|e| e <= 2);
        edits.push(Edit::Put(Item::Entry(entry)));
        // Keep the kind: a run of similar work is common. The day goes back
        // to today, so yesterday's catch-up does not quietly continue.
        self.draft = Draft {
            kind: d.kind,
            ..Draft::default()
        };
        self.picker.clear();
        self.error = None;
        self.focus_what = true;
        self.pending.what_saved = true;
    }
}

/// Takes this frame's Alt+key presses out of the input, with the text a
/// keyboard sends along with them (Alt+3 may also type "3", or "£" on a Mac),
/// so no field types it. That text may come in the same frame or a later
/// one: `pending` remembers a key whose text has not come yet. Returns the
/// keys, in order.
fn take_alt_keys(i: &mut egui::InputState, pending: &mut bool) -> Vec<Key> {
    const KEYS: [Key; 7] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Y,
        Key::T,
    ];
    let mut keys = Vec::new();
    let mut at = 0;
    while at < i.events.len() {
        match i.events[at] {
            Event::Key {
                key,
                pressed,
                modifiers,
                ..
            } if modifiers.matches_exact(Modifiers::ALT) && KEYS.contains(&key) => {
                i.events.remove(at);
                if pressed {
                    keys.push(key);
                }
                // The text comes before the key is let go, or not at all.
                *pending = pressed;
                continue;
            }
            Event::Text(_) if *pending => {
                i.events.remove(at);
                *pending = false;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    keys
}
