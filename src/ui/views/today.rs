//! Today: your why, a quick-log box that takes a day's work in seconds
//! (keyboard first), what is due soon, your streak and readiness for the
//! next role, and a tough-day mode that shows how far you have come.

use super::quick_log::QuickLog;
use super::{Ask, ViewCtx, link_names};
use crate::model::insights::duration;
use crate::model::insights::{FORECAST_RULE, Outlook, PaceStatus};
use crate::model::metrics::{self, week_start};
use crate::model::{Edit, GoalId, GoalStatus, LogEntry, Plan};
use crate::ui::widgets::{progress_bar, status_badge};
use egui::RichText;
use jiff::ToSpan;
use jiff::civil::Date;

/// How far ahead "due soon" looks, in days.
const DUE_SOON_DAYS: i64 = 14;
/// How far back tough-day mode looks for growth, in days.
const GROWTH_DAYS: i64 = 90;
/// Most entries listed under "Today" and "Earlier this week".
const MAX_LISTED: usize = 8;
/// The Today view's state.
#[derive(Default)]
pub struct TodayView {
    quick: QuickLog,
    tough_day: bool,
    /// The widths of the header's title and of its status (streak,
    /// readiness, "Tough day?") when last drawn, to tell whether they fit
    /// on one row.
    header_widths: (f32, f32),
}

/// Below this width the days' entries and what is due come one above the
/// other, not side by side.
const TWO_COLUMNS_FROM: f32 = 760.0;

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
                        self.quick.ui(ui, cx, edits);
                        // A drained day turns to the why and the evidence of growth.
                        self.tough_day |= std::mem::take(&mut self.quick.drained);
                        ui.add_space(8.0);
                    }
                    if Self::direction(ui, cx) {
                        ui.add_space(8.0);
                    }
                    if ui.available_width() >= TWO_COLUMNS_FROM {
                        ui.columns(2, |cols| {
                            days_entries(&mut cols[0], cx);
                            due_soon(&mut cols[1], cx, edits);
                        });
                    } else {
                        days_entries(ui, cx);
                        ui.add_space(8.0);
                        due_soon(ui, cx, edits);
                    }
                }
            });
    }

    /// Puts the keyboard in the "What did you do?" box when Today next shows.
    pub fn focus_quick_log(&mut self) {
        self.quick.focus();
    }

    /// The day's title with the status at the right, on one row when both
    /// fit (as they did last frame), else the status on a row of its own.
    fn header(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let title = format!("Today, {}", cx.today.strftime("%A %-d %B"));
        let (title_width, status_width) = self.header_widths;
        let gap = 4.0 * ui.spacing().item_spacing.x;
        let one_row = title_width + status_width + gap <= ui.available_width();
        let right = egui::Layout::right_to_left(egui::Align::Center);
        let mut widths = (0.0, 0.0);
        let mut status = |ui: &mut egui::Ui| {
            ui.with_layout(right, |ui| {
                self.status(ui, cx);
                ui.min_rect().width()
            })
            .inner
        };
        if one_row {
            ui.horizontal(|ui| {
                widths.0 = ui.heading(&title).rect.width();
                widths.1 = status(ui);
            });
        } else {
            widths.0 = ui.heading(&title).rect.width();
            widths.1 = ui.horizontal(|ui| status(ui)).inner;
        }
        if (widths.0 + widths.1 + gap <= ui.available_width()) != one_row {
            // The other arrangement fits: draw it at once, not a frame late.
            ui.ctx().request_discard("Today's header");
        }
        self.header_widths = widths;
    }

    /// The streak, readiness for the next role and "Tough day?", laid out
    /// right to left.
    fn status(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let label = if self.tough_day {
            "Back to today"
        } else {
            "Tough day?"
        };
        if ui
            .button(label)
            .on_hover_text("Show your why and how far you have come")
            .clicked()
        {
            self.tough_day = !self.tough_day;
        }
        ui.separator();
        readiness(ui, cx);
        ui.separator();
        let streak = cx.derived.streak;
        let days = if streak == 1 { "day" } else { "days" };
        ui.label(RichText::new(format!("Streak: {streak} {days}")).strong())
            .on_hover_text(
                "Days in a row with something logged. Weekends without entries do not break it, \
             and today counts once you log something.",
            );
    }

    /// The goals at risk and the next role's forecast, a line each, each
    /// only when there is something to say; true if anything was shown.
    fn direction(ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> bool {
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
                        cx.ask(Ask::OpenGoal(g.id));
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
