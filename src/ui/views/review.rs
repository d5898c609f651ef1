//! Review: a weekly or monthly reflection, opened with the period's numbers
//! (time by goal and skill, kinds of experience, milestones done, people),
//! and the list of past reviews. Opening a period adds nothing to the plan:
//! its review is added when the first answer is written.

use super::ViewCtx;
use crate::model::insights::duration;
use crate::model::metrics::{self, PeriodSummary};
use crate::model::{Edit, Item, Period, Plan, Review, plural};
use crate::ui::widgets;
use egui::RichText;
use jiff::civil::Date;

/// A prompt, with the field of the review it fills.
type Prompt = (&'static str, fn(&mut Review) -> &mut String);

const PROMPTS: [Prompt; 6] = [
    ("What did I learn?", |r| &mut r.learned),
    ("Whom did I help?", |r| &mut r.helped),
    ("What did I do beyond my role?", |r| &mut r.beyond_role),
    ("What moved me toward the next role?", |r| {
        &mut r.moved_toward
    }),
    ("What got in the way?", |r| &mut r.in_the_way),
    ("My focus for next week", |r| &mut r.focus_next),
];

/// What [`widgets::focus_later`] asks for to put the keyboard in the first prompt.
const FIRST_PROMPT: &str = "review_first_prompt";

/// The Review view's state: which period is open.
#[derive(Default)]
pub struct ReviewView {
    period: Period,
    /// First day of the open period; `None` means the current one.
    start: Option<Date>,
    /// The numbers of the open period, for this document version.
    summary: Option<((u64, u64), Period, Date, PeriodSummary)>,
}

fn title(period: Period, start: Date) -> String {
    match period {
        Period::Week => format!("Week of {}", start.strftime("%-d %B %Y")),
        Period::Month => start.strftime("%B %Y").to_string(),
    }
}

impl ReviewView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        let start = self.start.unwrap_or_else(|| self.period.start_of(cx.today));
        widgets::side_panel(ui, "past_reviews", 260.0, |ui| {
            ui.label(RichText::new("Past reviews").strong());
            self.past(ui, plan, start);
        });
        ui.horizontal(|ui| {
            ui.heading("Review");
            let weekly = ui.selectable_value(&mut self.period, Period::Week, "Weekly");
            let monthly = ui.selectable_value(&mut self.period, Period::Month, "Monthly");
            if weekly.changed() || monthly.changed() {
                // The period holding the day that was open: a week of 23
                // November becomes November, not a month from the 23rd.
                self.start = self.start.map(|s| self.period.start_of(s));
            }
            if ui.button("\u{2b05} Earlier").clicked() {
                self.start = Some(self.period.step(start, -1));
            }
            if ui.button("Later \u{27a1}").clicked() {
                self.start = Some(self.period.step(start, 1));
            }
            if self.start.is_some() && ui.button("This period").clicked() {
                self.start = None;
            }
        });
        // A review picked from the list opens at its own start, even one not on a Monday.
        let start = self.start.unwrap_or_else(|| self.period.start_of(cx.today));
        let end = self.period.last_day_from(start);
        ui.label(RichText::new(title(self.period, start)).strong().size(16.0));
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.numbers(ui, cx, start, end);
            ui.add_space(8.0);
            let existing = plan
                .reviews
                .iter()
                .find(|r| r.period == self.period && r.start == start);
            if existing.is_none() {
                self.not_started(ui, plan, start);
            }
            form(ui, plan, existing, self.period, start, edits);
        });
    }

    /// What an open period without a review says: how to start one (by
    /// writing, nothing is added before), and a button that puts the
    /// keyboard in the first prompt.
    fn not_started(&self, ui: &mut egui::Ui, plan: &Plan, start: Date) {
        let which = self.which(start);
        ui.horizontal_wrapped(|ui| {
            let line = if plan.reviews.is_empty() {
                format!(
                    "No reviews yet. Look back at {which} and pick a focus for the next: \
                     write an answer below to start your first review."
                )
            } else {
                format!("No review for {which} yet: write an answer below to start one.")
            };
            widgets::hint(ui, &line);
            if ui.small_button("Write it now").clicked() {
                widgets::focus_later(ui.ctx(), FIRST_PROMPT);
            }
        });
        ui.add_space(4.0);
    }

    /// The open period in words: "this week", "the week of 16 November
    /// 2026", "October 2026".
    fn which(&self, start: Date) -> String {
        match (self.start, self.period) {
            (None, Period::Week) => "this week".to_string(),
            (None, Period::Month) => "this month".to_string(),
            (Some(_), Period::Week) => format!("the week of {}", start.strftime("%-d %B %Y")),
            (Some(_), Period::Month) => start.strftime("%B %Y").to_string(),
        }
    }

    /// The period's numbers, cached per document version and period.
    fn numbers(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, start: Date, end: Date) {
        let plan = cx.plan;
        let key = (cx.doc.version(), self.period, start);
        let fresh = self
            .summary
            .as_ref()
            .is_some_and(|(v, p, s, _)| (*v, *p, *s) == key);
        if !fresh {
            self.summary = Some((
                key.0,
                key.1,
                key.2,
                metrics::summarise(plan, &cx.derived.index, start, end),
            ));
        }
        let Some((_, _, _, s)) = &self.summary else {
            return;
        };
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if s.entries == 0 {
                    ui.label(format!("Nothing logged in {}.", self.which(start)));
                } else {
                    ui.label(format!(
                        "{}, {} logged.",
                        plural(s.entries, "entry"),
                        duration(s.minutes)
                    ));
                }
                let kinds: Vec<String> = s
                    .minutes_by_kind
                    .iter()
                    .map(|(k, m)| format!("{} {}", k.label(), duration(*m)))
                    .collect();
                if !kinds.is_empty() {
                    ui.label(format!("Kinds of experience: {}", kinds.join(", ")));
                }
                let goals: Vec<String> = s
                    .minutes_by_goal
                    .iter()
                    .filter_map(|(g, m)| {
                        plan.goal(*g)
                            .map(|g| format!("{} {}", g.title, duration(*m)))
                    })
                    .collect();
                if !goals.is_empty() {
                    ui.label(format!("Time toward goals: {}", goals.join("; ")));
                }
                let mut skills: Vec<_> = s
                    .minutes_by_skill
                    .iter()
                    .filter_map(|(k, m)| plan.skill(*k).map(|k| (*m, k.name.as_str())))
                    .collect();
                skills.sort_by_key(|s| std::cmp::Reverse(s.0));
                if !skills.is_empty() {
                    let text: Vec<String> = skills
                        .iter()
                        .map(|(m, n)| format!("{n} {}", duration(*m)))
                        .collect();
                    ui.label(format!("Skills practised: {}", text.join(", ")));
                }
                let done: Vec<&str> = s
                    .milestones_done
                    .iter()
                    .filter_map(|id| plan.milestone(*id))
                    .map(|(_, m)| m.title.as_str())
                    .collect();
                if !done.is_empty() {
                    ui.label(format!("Milestones done: {}", done.join("; ")));
                }
                let people: Vec<&str> = s
                    .people
                    .iter()
                    .filter_map(|id| plan.person(*id))
                    .map(|p| p.name.as_str())
                    .collect();
                if !people.is_empty() {
                    ui.label(format!(
                        "{} with people: {}",
                        plural(s.with_people, "entry"),
                        people.join(", ")
                    ));
                }
            });
    }

    fn past(&mut self, ui: &mut egui::Ui, plan: &Plan, open: Date) {
        let mut reviews: Vec<&Review> = plan.reviews.iter().collect();
        reviews.sort_by_key(|r| std::cmp::Reverse(r.start));
        if reviews.is_empty() {
            ui.label(RichText::new("None yet.").weak());
        }
        for r in reviews {
            let selected = r.start == open && r.period == self.period;
            if ui
                .selectable_label(selected, title(r.period, r.start))
                .on_hover_text(&r.focus_next)
                .clicked()
            {
                self.period = r.period;
                self.start = Some(r.start);
            }
        }
    }
}

/// The prompts for the period, filled from its review if it has one. The
/// first answer written adds the review; nothing is added before.
fn form(
    ui: &mut egui::Ui,
    plan: &Plan,
    existing: Option<&Review>,
    period: Period,
    start: Date,
    edits: &mut Vec<Edit>,
) {
    let mut review = existing
        .cloned()
        .unwrap_or_else(|| Review::new(plan.new_review_id(), period, start));
    let mut changed = false;
    for (i, (prompt, field)) in PROMPTS.into_iter().enumerate() {
        let l = ui.label(RichText::new(prompt).strong());
        let response = ui
            .add(
                egui::TextEdit::multiline(field(&mut review))
                    // Its own id: the field keeps the keyboard when the line
                    // above it goes once the review is added.
                    .id_salt(("review prompt", i))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if i == 0 && widgets::take_focus_request(ui.ctx(), FIRST_PROMPT) {
            response.request_focus();
        }
        changed |= response.changed();
    }
    // Blanks typed into an untouched period start nothing.
    let written = existing.is_some()
        || PROMPTS
            .into_iter()
            .any(|(_, f)| !f(&mut review).trim().is_empty());
    if changed && written {
        edits.push(Edit::Put(Item::Review(review)));
    }
}
