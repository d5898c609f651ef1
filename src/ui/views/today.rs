//! Today: your why, a quick-log box that takes a day's work in seconds
//! (keyboard first), what is due soon, your streak and readiness for the
//! next role, and a tough-day mode that shows how far you have come.

use super::{ViewCtx, duration, link_names};
use crate::model::insights::{FORECAST_RULE, Outlook, PaceStatus};
use crate::model::metrics::{self, week_start};
use crate::model::{
    Edit, ExperienceKind, GoalId, GoalStatus, Item, LogEntry, PersonId, Plan, SkillId, name_key,
    text_contains,
};
use crate::ui::widgets;
use crate::ui::widgets::{progress_bar, status_badge};
use egui::{Event, Key, Modifiers, RichText};
use jiff::ToSpan;
use jiff::civil::Date;

/// How far ahead "due soon" looks, in days.
const DUE_SOON_DAYS: i64 = 14;
/// How far back tough-day mode looks for growth, in days.
const GROWTH_DAYS: i64 = 90;
/// Most entries listed under "Today" and "Earlier this week".
const MAX_LISTED: usize = 8;
/// Most suggestions shown by the link picker.
const MAX_SUGGESTIONS: usize = 6;

/// Something a log entry can link to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    Skill(SkillId),
    Goal(GoalId),
    Person(PersonId),
}

/// The entry being written in the quick-log box.
#[derive(Clone, Debug)]
struct Draft {
    text: String,
    minutes: String,
    kind: ExperienceKind,
    links: Vec<Link>,
    energy: Option<u8>,
    remembered_why: bool,
    /// The day the entry is for; `None` is today.
    day: Option<Date>,
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
        }
    }
}

impl Draft {
    /// The day the entry is for.
    fn day(&self, today: Date) -> Date {
        self.day.unwrap_or(today)
    }

    /// The picked links of one kind.
    fn linked<T>(&self, of_kind: fn(Link) -> Option<T>) -> Vec<T> {
        self.links.iter().filter_map(|l| of_kind(*l)).collect()
    }
}

/// Keyboard bookkeeping of the quick-log box, carried between frames.
#[derive(Default)]
struct Pending {
    /// An Alt shortcut was pressed whose typed text has not arrived yet.
    alt_text: bool,
    /// An entry was just saved: the "What did you do?" box starts a new undo history.
    what_saved: bool,
    /// The Day box holds text that is not a date.
    day_invalid: bool,
}

/// The Today view's state.
pub struct TodayView {
    draft: Draft,
    picker: String,
    /// The highlighted suggestion of the link picker.
    highlighted: usize,
    /// Put the keyboard in the "What did you do?" box on the next frame.
    focus_what: bool,
    tough_day: bool,
    /// Keyboard bookkeeping carried to the next frame.
    pending: Pending,
    /// Why the last save did not happen.
    error: Option<String>,
    /// Set by a click on a goal at risk: the app opens it in Goals.
    pub open_goal: Option<GoalId>,
}

impl Default for TodayView {
    fn default() -> Self {
        Self {
            draft: Draft::default(),
            picker: String::new(),
            highlighted: 0,
            focus_what: true,
            tough_day: false,
            pending: Pending::default(),
            error: None,
            open_goal: None,
        }
    }
}

fn link_name(plan: &Plan, link: Link) -> Option<(String, &'static str)> {
    match link {
        Link::Skill(id) => plan.skill(id).map(|s| (s.name.clone(), "skill")),
        Link::Goal(id) => plan.goal(id).map(|g| (g.title.clone(), "goal")),
        Link::Person(id) => plan.person(id).map(|p| (p.name.clone(), "person")),
    }
}

/// Skills, goals and people whose name contains `needle`, not yet picked.
fn suggestions(plan: &Plan, needle: &str, picked: &[Link]) -> Vec<Link> {
    let needle = name_key(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let all = plan
        .skills
        .iter()
        .map(|s| (Link::Skill(s.id), &s.name))
        .chain(plan.goals.iter().map(|g| (Link::Goal(g.id), &g.title)))
        .chain(plan.people.iter().map(|p| (Link::Person(p.id), &p.name)));
    all.filter(|(l, name)| !picked.contains(l) && text_contains(name, &needle))
        .map(|(l, _)| l)
        .take(MAX_SUGGESTIONS)
        .collect()
}

impl TodayView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                self.header(ui, cx);
                purpose(ui, cx.plan, self.tough_day);
                ui.add_space(6.0);
                if self.tough_day {
                    tough_day(ui, cx);
                } else {
                    // Someone else's plan, read-only: nothing to log into.
                    if !cx.doc.is_read_only() {
                        self.quick_log(ui, cx, edits);
                        ui.add_space(8.0);
                    }
                    if self.direction(ui, cx) {
                        ui.add_space(8.0);
                    }
                    ui.columns(2, |cols| {
                        days_entries(&mut cols[0], cx);
                        due_soon(&mut cols[1], cx, edits);
                    });
                }
            });
    }

    /// Puts the keyboard in the "What did you do?" box when Today next shows.
    pub fn focus_quick_log(&mut self) {
        self.focus_what = true;
    }

    fn header(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        ui.horizontal(|ui| {
            ui.heading(format!("Today, {}", cx.today.strftime("%A %-d %B")));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label = if self.tough_day { "Back to today" } else { "Tough day?" };
                if ui.button(label).on_hover_text("Show your why and how far you have come").clicked() {
                    self.tough_day = !self.tough_day;
                }
                ui.separator();
                readiness(ui, cx);
                ui.separator();
                let streak = cx.derived.streak;
                let days = if streak == 1 { "day" } else { "days" };
                ui.label(RichText::new(format!("Streak: {streak} {days}")).strong()).on_hover_text(
                    "Days in a row with something logged. Weekends without entries do not break it, \
                     and today counts once you log something.",
                );
            });
        });
    }

    /// The goals at risk and the next role's forecast, a line each, each
    /// only when there is something to say; true if anything was shown.
    fn direction(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> bool {
        let plan = cx.plan;
        let insights = &cx.derived.insights;
        let at_risk = insights.goals_at_risk(plan);
        let forecast = metrics::next_role(plan).and_then(|role| {
            insights
                .options
                .iter()
                .find(|o| o.role == role.id && o.forecast.outlook != Outlook::NoRequirements)
                .map(|o| (role, &o.forecast))
        });
        if !at_risk.is_empty() {
            ui.horizontal_wrapped(|ui| {
                status_badge(ui, Some(PaceStatus::AtRisk));
                for (i, g) in at_risk.iter().enumerate() {
                    if i > 0 {
                        ui.label("\u{b7}");
                    }
                    if ui
                        .link(&g.title)
                        .on_hover_text(
                            "Below 75% of where its pace line says it should be by today. \
                             Click to open it in Goals & milestones.",
                        )
                        .clicked()
                    {
                        self.open_goal = Some(g.id);
                    }
                }
            });
        }
        if let Some((role, forecast)) = forecast {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Forecast for {}:", role.title)).strong());
                ui.label(forecast.sentence()).on_hover_text(FORECAST_RULE);
            });
            if let Some(takes) = forecast.what_it_takes() {
                ui.label(RichText::new(takes).weak());
            }
        }
        !at_risk.is_empty() || forecast.is_some()
    }

    fn quick_log(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        let mut save = false;
        // Alt+1 to Alt+5 pick the kind of experience, Alt+Y and Alt+T the
        // day, without leaving the keyboard (and without typing into a field).
        for key in ui.input_mut(|i| take_alt_keys(i, &mut self.pending.alt_text)) {
            let kinds = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            if let Some(n) = kinds.iter().position(|k| *k == key) {
                self.draft.kind = ExperienceKind::ALL[n];
            } else if matches!(key, Key::Y | Key::T) {
                self.draft.day = if key == Key::Y {
                    cx.today.yesterday().ok()
                } else {
                    None
                };
                // Whatever was half typed in the Day box gives way to the key.
                widgets::forget_typed_dates(ui);
            }
        }
        egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Log what you did").strong());
            if plan.log.is_empty() {
                ui.label(
                    RichText::new("Start here: write one thing you did today, then press Enter or Save entry. It starts your streak.")
                        .size(15.0),
                );
            }
            // Fields in the order Tab visits them: what, minutes, links.
            ui.horizontal(|ui| {
                let l = ui.label("What did you do?");
                let what_id = ui.scope_id().with("quick_log_what");
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
                            .hint_text("e.g. taught the new hires the handover checklist")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if self.focus_what {
                    what.request_focus();
                    self.focus_what = false;
                }
                save |= what.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            });
            let found = suggestions(plan, &self.picker, &self.draft.links);
            self.highlighted = self.highlighted.min(found.len().saturating_sub(1));
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("Minutes");
                let minutes = egui::TextEdit::singleline(&mut self.draft.minutes).desired_width(44.0).show(ui);
                // Tab into the box selects the minutes, so typing 90 gives 90.
                if minutes.response.gained_focus() {
                    widgets::select_all(ui, &minutes, &self.draft.minutes);
                }
                let minutes = minutes.response.response.clone().labelled_by(l.id);
                save |= minutes.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.separator();
                save |= self.link_field(ui, plan, &found);
            });
            for (i, link) in found.iter().enumerate() {
                if let Some((name, what)) = link_name(plan, *link)
                    && ui.selectable_label(i == self.highlighted, format!("{name} ({what})")).clicked()
                {
                    self.draft.links.push(*link);
                    self.picker.clear();
                }
            }
            self.day_row(ui, cx);
            ui.horizontal_wrapped(|ui| {
                for (n, kind) in ExperienceKind::ALL.into_iter().enumerate() {
                    ui.selectable_value(&mut self.draft.kind, kind, kind.label()).on_hover_text(format!("Alt+{}", n + 1));
                }
                ui.separator();
                ui.label("Energy");
                for n in 1..=5u8 {
                    let on = self.draft.energy == Some(n);
                    if ui.selectable_label(on, n.to_string()).on_hover_text("1 drained, 5 full of energy").clicked() {
                        self.draft.energy = (!on).then_some(n);
                    }
                }
                ui.checkbox(&mut self.draft.remembered_why, "My why helped today");
            });
            ui.horizontal(|ui| {
                save |= ui.button("Save entry").clicked();
                ui.label(
                    RichText::new(
                        "Enter saves. In the link box, Enter adds the highlighted match (\u{2b06}/\u{2b07} move). Alt+1 to Alt+5 set the kind; Alt+Y logs on yesterday.",
                    )
                    .weak()
                    .small(),
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

    /// The day the entry is for: typed, picked, or yesterday in one click (Alt+Y).
    fn day_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        ui.horizontal_wrapped(|ui| {
            let mut day = self.draft.day(cx.today);
            let (changed, valid) = widgets::date_field_checked(ui, "Day", &mut day, cx.today);
            if changed {
                self.draft.day = (day != cx.today).then_some(day);
            }
            self.pending.day_invalid = !valid;
            let yesterday = cx.today.yesterday().ok();
            let on = yesterday.is_some() && self.draft.day == yesterday;
            if ui
                .selectable_label(on, "Yesterday")
                .on_hover_text("Alt+Y; Alt+T goes back to today")
                .clicked()
            {
                self.draft.day = if on { None } else { yesterday };
            }
        });
    }

    /// The filterable link box and the links picked so far; true if Enter
    /// on an empty box asks to save.
    fn link_field(&mut self, ui: &mut egui::Ui, plan: &Plan, found: &[Link]) -> bool {
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
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) {
                    self.highlighted = (self.highlighted + 1).min(found.len().saturating_sub(1));
                }
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
                if was_empty && i.consume_key(egui::Modifiers::NONE, Key::Backspace) {
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
            if let Some((name, what)) = link_name(plan, *link)
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
        let d = &self.draft;
        let minutes = match LogEntry::parse_minutes(&d.minutes) {
            Ok(m) => m,
            Err(message) => {
                self.error = Some(message.into());
                return;
            }
        };
        if self.pending.day_invalid {
            self.error = Some("Fix the day first: type it as YYYY-MM-DD, or pick it.".into());
            return;
        }
        if d.text.trim().is_empty() {
            self.error = Some("Write what you did first.".into());
            self.focus_what = true;
            return;
        }
        let entry = LogEntry {
            skills: d.linked(|l| {
                if let Link::Skill(id) = l {
                    Some(id)
                } else {
                    None
                }
            }),
            goals: d.linked(|l| {
                if let Link::Goal(id) = l {
                    Some(id)
                } else {
                    None
                }
            }),
            people: d.linked(|l| {
                if let Link::Person(id) = l {
                    Some(id)
                } else {
                    None
                }
            }),
            energy: d.energy,
            remembered_why: d.remembered_why,
            ..LogEntry::new(
                cx.plan.new_entry_id(),
                d.day(cx.today),
                minutes,
                d.kind,
                d.text.trim(),
            )
        };
        // A drained day turns to the why and the evidence of growth.
        if entry.energy.is_some_and(|e| e <= 2) {
            self.tough_day = true;
        }
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

fn readiness(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let Some((role, r)) = cx.derived.readiness else {
        ui.label(RichText::new("No next role with required skills yet").weak());
        return;
    };
    let title = cx
        .plan
        .role(role)
        .map_or("the next role", |r| r.title.as_str());
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a share from 0 to 1, shown as 0 to 100"
    )]
    let percent = (r.score * 100.0).round() as u32;
    ui.label(RichText::new(format!("Ready for {title}: {percent}%")).strong()).on_hover_text(format!(
        "For each skill {title} asks for, your level over the level it needs (at most 100%), averaged. \
         {} of {} skills are already at their level.",
        r.met, r.required
    ));
}

fn purpose(ui: &mut egui::Ui, plan: &Plan, large: bool) {
    // A box added on the Roadmap and not yet filled in is not shown.
    let whys: Vec<&str> = plan
        .purpose
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if whys.is_empty() {
        ui.label(
            RichText::new(
                "No \"why\" written yet. Add one on the Roadmap: it helps on tough days.",
            )
            .weak(),
        );
    }
    let size = if large { 20.0 } else { 15.0 };
    for why in whys {
        ui.label(
            RichText::new(format!("\u{201c}{why}\u{201d}"))
                .italics()
                .size(size),
        );
    }
}

/// Today's entries, then the rest of this week's.
fn days_entries(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let monday = week_start(cx.today);
    let week: Vec<usize> = cx.derived.index.between(monday, cx.today).rev().collect();
    let (today, earlier): (Vec<usize>, Vec<usize>) = week
        .into_iter()
        .partition(|&i| cx.plan.log.get(i).is_some_and(|e| e.date == cx.today));
    for (title, rows) in [("Today", today), ("Earlier this week", earlier)] {
        let minutes: u32 = rows
            .iter()
            .filter_map(|&i| cx.plan.log.get(i))
            .fold(0u32, |sum, e| sum.saturating_add(e.minutes));
        let total = if minutes == 0 {
            String::new()
        } else {
            format!(" ({})", duration(minutes))
        };
        ui.label(RichText::new(format!("{title}{total}")).strong());
        if rows.is_empty() {
            ui.label(RichText::new("Nothing logged yet.").weak());
        }
        for e in rows
            .iter()
            .take(MAX_LISTED)
            .filter_map(|&i| cx.plan.log.get(i))
        {
            entry_row(ui, cx.plan, e, title != "Today");
        }
        if rows.len() > MAX_LISTED {
            ui.label(
                RichText::new(format!("and {} more in the Log", rows.len() - MAX_LISTED)).weak(),
            );
        }
        ui.add_space(6.0);
    }
    goals_served(ui, cx);
}

/// One logged entry: its day (`with_day`), time, kind and text, and on a
/// second line what it is linked to, as the Log shows it.
fn entry_row(ui: &mut egui::Ui, plan: &Plan, e: &LogEntry, with_day: bool) {
    ui.horizontal(|ui| {
        if with_day {
            ui.label(RichText::new(e.date.strftime("%a").to_string()).monospace());
        }
        ui.label(RichText::new(duration(e.minutes)).monospace().weak());
        ui.label(RichText::new(e.kind.label()).small());
        // One tooltip: the whole text (egui's own tooltip for cut-off text
        // would show as a second one).
        ui.add(
            egui::Label::new(&e.text)
                .truncate()
                .show_tooltip_when_elided(false),
        )
        .on_hover_text(&e.text);
    });
    let links = link_names(plan, &e.skills, &e.goals, &e.people);
    if !links.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            ui.add(egui::Label::new(RichText::new(format!("linked to {links}")).weak()).truncate());
        });
    }
}

/// The progress of the goals today's entries served (this week's, when
/// nothing is logged today yet).
fn goals_served(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let monday = week_start(cx.today);
    let served = |from: Date| -> Vec<GoalId> {
        let mut goals: Vec<GoalId> = cx
            .derived
            .index
            .between(from, cx.today)
            .filter_map(|i| cx.plan.log.get(i))
            .flat_map(|e| e.goals.iter().copied())
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    };
    let (title, goals) = match served(cx.today) {
        today if !today.is_empty() => ("Goals you moved today", today),
        _ => ("Goals you moved this week", served(monday)),
    };
    if goals.is_empty() {
        return;
    }
    ui.label(RichText::new(title).strong());
    for goal in cx.plan.goals.iter().filter(|g| goals.contains(&g.id)) {
        let Some(p) = cx.derived.insights.goals.iter().find(|p| p.goal == goal.id) else {
            continue;
        };
        let open = !matches!(goal.status, GoalStatus::Done | GoalStatus::Dropped);
        ui.horizontal(|ui| {
            ui.label(&goal.title);
            progress_bar(ui, p, open, 180.0);
            if open {
                status_badge(ui, p.status);
            }
        });
    }
}

/// Open milestones due in the next two weeks (and overdue ones), one click to complete.
fn due_soon(ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
    ui.label(RichText::new(format!("Due in the next {DUE_SOON_DAYS} days")).strong());
    let due = metrics::due_soon(cx.plan, cx.today, DUE_SOON_DAYS);
    if due.is_empty() {
        ui.label(RichText::new("Nothing due. A good time to plan the next milestone.").weak());
    }
    for (_, milestone, date) in due {
        let Some((g, m)) = cx.plan.milestone(milestone) else {
            continue;
        };
        ui.horizontal(|ui| {
            let mut done = false;
            if ui.checkbox(&mut done, &m.title).changed() {
                edits.push(Edit::CompleteMilestone {
                    milestone,
                    on: cx.today,
                });
            }
            let when = due_text(date, cx.today);
            if date < cx.today {
                ui.colored_label(ui.visuals().warn_fg_color, when);
            } else {
                ui.label(RichText::new(when).small());
            }
            ui.add(egui::Label::new(RichText::new(&g.title).small().weak()).truncate());
        });
    }
}

/// When a milestone on Today is due: its day and how far off it is
/// ("5 Feb, in 9 days", "tomorrow", "overdue since 1 Feb (3 days)").
fn due_text(due: Date, today: Date) -> String {
    let days = metrics::day_number(due) - metrics::day_number(today);
    let when = due.strftime("%-d %b");
    match days {
        ..=-2 => format!("overdue since {when} ({} days)", -days),
        -1 => "overdue since yesterday".to_string(),
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        _ => format!("{when}, in {days} days"),
    }
}

/// On a tough day: your why (above), what you have grown in the last
/// months, and the one next step.
fn tough_day(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let plan = cx.plan;
    let since = cx.today.checked_sub(GROWTH_DAYS.days()).unwrap_or(cx.today);
    let g = metrics::growth(plan, &cx.derived.index, since, cx.today);
    egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Look how far you have come in the last three months").strong().size(16.0));
        for (skill, from, to) in &g.levels {
            if let Some(s) = plan.skill(*skill) {
                ui.label(format!(
                    "{}: from {} to {}",
                    s.name,
                    plan.level_names.name(*from),
                    plan.level_names.name(*to)
                ));
            }
        }
        let done: Vec<&str> = g.milestones_done.iter().filter_map(|id| plan.milestone(*id)).map(|(_, m)| m.title.as_str()).collect();
        if !done.is_empty() {
            ui.label(format!("Milestones reached ({}): {}", done.len(), done.join("; ")));
        }
        let helped: Vec<&str> = g.people_helped.iter().filter_map(|id| plan.person(*id)).map(|p| p.name.as_str()).collect();
        if !helped.is_empty() {
            ui.label(format!("People you mentored or coached: {}", helped.join(", ")));
        }
        if g.beyond_duty > 0 {
            ui.label(format!("Times you went beyond your duties: {}", g.beyond_duty));
        }
        if g.levels.is_empty() && done.is_empty() && helped.is_empty() && g.beyond_duty == 0 {
            ui.label("Every task you finish adds to what you can do, even when it does not feel like it.");
        }
        ui.add_space(8.0);
        match metrics::next_milestone(plan, cx.today).and_then(|(_, m, d)| plan.milestone(m).map(|(g, m)| (g, m, d))) {
            Some((goal, m, d)) => {
                ui.label(RichText::new(format!("One next step: {} (for \"{}\", by {})", m.title, goal.title, d.strftime("%-d %B"))).strong());
            }
            None => {
                ui.label(RichText::new("One next step: pick a small milestone for one of your goals.").strong());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_due_milestone_says_how_far_off_it_is() {
        let today = date(2027, 2, 3);
        let due = |y, m, d| due_text(date(y, m, d), today);
        assert_eq!(due(2027, 2, 13), "13 Feb, in 10 days");
        assert_eq!(due(2027, 2, 4), "tomorrow");
        assert_eq!(due(2027, 2, 3), "today");
        assert_eq!(due(2027, 2, 2), "overdue since yesterday");
        assert_eq!(due(2027, 1, 29), "overdue since 29 Jan (5 days)");
    }
}
