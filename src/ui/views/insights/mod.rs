//! Insights: plots that link the daily log to skills, goals, milestones and
//! target roles. Every number comes from `model::insights`, cached in the
//! derived numbers; this view only draws, one file per card. A click on a
//! bar or a point asks the app to open the Log filtered to the entries
//! behind it.
//!
//! The plots over time share one range of dates ([`InsightsView::range`]):
//! the window the person picked, from the plan's first day when it began
//! later, and never under 8 weeks, so a week's bar stays a bar.

mod alignment;
mod balance;
mod calendar;
mod evidence;
mod goals;
mod levels;
mod milestones;
mod roles;
mod weekly;

use super::log::Filter;
use super::{Ask, ViewCtx};
use crate::model::insights::{Insights, Key, StackBy};
use crate::model::metrics::week_start;
use crate::model::{ExperienceKind, Period, Plan, SkillId};
use crate::time_axis::{date_at, day_of};
use crate::ui::widgets::plots::{colour, grey};
use egui::{RichText, Ui};
use egui_plot::PlotPoint;
use jiff::ToSpan;
use jiff::civil::Date;

/// Height of a plot, in points.
const PLOT_HEIGHT: f32 = 190.0;
/// The fewest days a plot over time shows: 8 weeks.
const MIN_DAYS: i32 = 56;

/// How far back the plots over time look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Window {
    ThreeMonths,
    #[default]
    Year,
    ThreeYears,
    All,
}

impl Window {
    const ALL: [Window; 4] = [
        Window::ThreeMonths,
        Window::Year,
        Window::ThreeYears,
        Window::All,
    ];

    fn label(self) -> &'static str {
        match self {
            Window::ThreeMonths => "3 months",
            Window::Year => "12 months",
            Window::ThreeYears => "3 years",
            Window::All => "All",
        }
    }

    /// The first day the window reaches back to, or `None` for everything.
    fn start(self, today: Date) -> Option<Date> {
        let months = match self {
            Window::ThreeMonths => 3,
            Window::Year => 12,
            Window::ThreeYears => 36,
            Window::All => return None,
        };
        Some(today.checked_sub(months.months()).unwrap_or(Date::MIN))
    }

    /// The dates the plots over time show: from the window's start, or the
    /// plan's first day when that is later (`All`: from the first day), to
    /// the Monday after today's week (so this week's bar shows whole); at
    /// least [`MIN_DAYS`], starting on a Monday.
    pub fn range(self, today: Date, first_day: Option<Date>) -> (Date, Date) {
        let sunday = Period::Week.end_of(today);
        let to = sunday.checked_add(1.day()).unwrap_or(sunday);
        let first = first_day.unwrap_or(today).min(today);
        let from = self.start(today).map_or(first, |s| s.max(first));
        let least = to.checked_sub(MIN_DAYS.days()).unwrap_or(Date::MIN);
        (week_start(from.min(least)), to)
    }
}

/// What every card reads.
struct Cx<'a> {
    plan: &'a Plan,
    ins: &'a Insights,
    today: Date,
    /// The dates the plots over time show.
    range: (Date, Date),
}

/// Draws one card.
type Card = fn(&mut InsightsView, &mut Ui, &Cx<'_>);

/// The Insights view's state.
#[derive(Default)]
pub struct InsightsView {
    /// How far back the plots over time look.
    pub window: Window,
    /// Weekly hours split by goal or by skill.
    pub stack_by: StackBy,
    /// Skills in the level plot; `None` until picked (then the next role's).
    pub skills: Option<Vec<SkillId>>,
    /// This frame's click on a bar or point: the Log's filter, asked for
    /// when the frame's cards are drawn.
    open_log: Option<Filter>,
}

impl InsightsView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>, _edits: &mut Vec<crate::model::Edit>) {
        let plan = cx.plan;
        let ins = &cx.derived.insights;
        ui.horizontal(|ui| {
            ui.heading("Insights");
            ui.label(
                RichText::new(
                    "How your days add up. Click a bar or a point to see the entries behind it.",
                )
                .weak(),
            );
        });
        let logged = !plan.log.is_empty();
        // Without a log, what the levels alone tell: readiness, skill levels
        // against targets, the roles compared and the goals' pace.
        let levels_known = !ins.options.is_empty() || !plan.skills.is_empty();
        if logged {
            ui.horizontal(|ui| {
                ui.label("Show the last");
                for w in Window::ALL {
                    ui.selectable_value(&mut self.window, w, w.label());
                }
            });
        } else {
            let first = "Insights come from your daily log: log what you did each day, and hours per week, alignment, your balance of experience and the logging calendar fill in.";
            if !levels_known {
                if crate::ui::widgets::empty_state(ui, first, "Log what I did today") {
                    cx.ask(Ask::QuickLog);
                }
                return;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(first);
                if ui.button("Log what I did today").clicked() {
                    cx.ask(Ask::QuickLog);
                }
            });
        }
        let view_cx = cx;
        let cx = Cx {
            plan,
            ins,
            today: cx.today,
            range: self.window.range(cx.today, ins.first_day),
        };
        let (left, right): (Vec<Card>, Vec<Card>) = if logged {
            (
                vec![
                    goals::pace,
                    weekly::weekly,
                    levels::levels,
                    evidence::evidence,
                    balance::balance,
                ],
                vec![
                    roles::readiness,
                    alignment::alignment,
                    milestones::burn_up,
                    roles::options,
                    calendar::heat_map,
                ],
            )
        } else {
            (
                vec![roles::readiness, goals::pace],
                vec![levels::levels, roles::options],
            )
        };
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let gap = ui.spacing().item_spacing.x;
                let half = ((ui.available_width() - gap) / 2.0).max(300.0);
                // Two columns, each a stack of cards: a short card leaves no
                // hole beside a tall one.
                ui.horizontal_top(|ui| {
                    for cards in [left, right] {
                        ui.vertical(|ui| {
                            ui.set_width(half);
                            ui.set_max_width(half);
                            for card in cards {
                                card(self, ui, &cx);
                                ui.add_space(8.0);
                            }
                        });
                    }
                });
            });
        if let Some(filter) = self.open_log.take() {
            view_cx.ask(Ask::OpenLog(filter));
        }
    }

    /// Opens the Log on the week under a click, if there was one on a day
    /// up to today (a plot that runs on into the future has no log there).
    fn open_week_at(&mut self, clicked: Option<PlotPoint>, key: Option<Key>, today: Date) {
        if let Some(day) = clicked.and_then(|c| date_at(c.x)).filter(|d| *d <= today) {
            self.open(
                Period::Week.start_of(day),
                Period::Week.end_of(day),
                key,
                None,
            );
        }
    }

    /// Opens the Log on the entries of `from..=to` (from the first entry
    /// without `from`) linked to `key` (of `kind`).
    fn open(
        &mut self,
        from: impl Into<Option<Date>>,
        to: Date,
        key: Option<Key>,
        kind: Option<ExperienceKind>,
    ) {
        self.open_log = Some(Filter {
            skill: match key {
                Some(Key::Skill(s)) => Some(s),
                _ => None,
            },
            goal: match key {
                Some(Key::Goal(g)) => Some(g),
                _ => None,
            },
            kind,
            from: from.into(),
            to: Some(to),
            ..Filter::default()
        });
    }
}

/// A goal's or skill's colour, the same in every plot: by its place in the plan.
fn key_colour(ctx: &egui::Context, plan: &Plan, key: Option<Key>) -> egui::Color32 {
    let i = match key {
        Some(Key::Goal(g)) => plan.goals.iter().position(|x| x.id == g),
        Some(Key::Skill(k)) => plan.skills.iter().position(|x| x.id == k),
        None => None,
    };
    i.map_or_else(|| grey(ctx), |i| colour(ctx, i))
}

/// A series' name in a legend: its goal's or skill's, or, for the time
/// linked to none of them, "No goal" or "No skill".
fn key_name(plan: &Plan, key: Option<Key>, by: StackBy) -> String {
    match key {
        Some(Key::Goal(g)) => plan
            .goal(g)
            .map_or_else(|| "Goal".into(), |g| g.title.clone()),
        Some(Key::Skill(s)) => plan
            .skill(s)
            .map_or_else(|| "Skill".into(), |s| s.name.clone()),
        None => match by {
            StackBy::Goal => "No goal".into(),
            StackBy::Skill => "No skill".into(),
        },
    }
}

/// Points of a step line: each value holds until the next point.
fn step(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push([p[0], points[i - 1][1]]);
        }
        out.push(*p);
    }
    out
}

/// The points of a dated series (sorted by date) from `from` on; a series
/// that began earlier gets a point at `from` with the value it had then.
/// Only the days shown become points, so a long past costs nothing a frame.
fn since<T: Copy>(series: &[(Date, T)], from: Date, y: impl Fn(T) -> f64) -> Vec<[f64; 2]> {
    let first = series.partition_point(|(d, _)| *d < from);
    let mut out = Vec::with_capacity(series.len() - first + 1);
    if let Some(&(_, v)) = first.checked_sub(1).and_then(|i| series.get(i)) {
        out.push([day_of(from), y(v)]);
    }
    out.extend(series[first..].iter().map(|(d, v)| [day_of(*d), y(*v)]));
    out
}

/// "3 h 20 min" for a number of hours.
fn hours_text(hours: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "rounded, clamped at 0, far below u64::MAX"
    )]
    let minutes = (hours * 60.0).round().clamp(0.0, 1e15) as u64;
    crate::model::insights::duration(minutes)
}

/// "45%" for a share in percent.
fn percent_text(share: f64) -> String {
    format!("{share:.0}%")
}

/// The days a bar covers, in words: "Week of 2 Mar 2026" or "2 Mar 2026 to 29 Mar 2026".
fn bar_span(bar: &egui_plot::Bar) -> String {
    let first = date_at(bar.argument - bar.bar_width / 2.0);
    let last = date_at(bar.argument + bar.bar_width / 2.0);
    match (first, last) {
        (Some(a), Some(b)) if b.since(a).is_ok_and(|s| s.get_days() <= 7) => {
            format!("Week of {}", week_start(a).strftime("%-d %b %Y"))
        }
        (Some(a), Some(b)) => format!("{} to {}", a.strftime("%-d %b %Y"), b.strftime("%-d %b %Y")),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    #[test]
    fn a_series_from_a_day_carries_its_value_there_and_keeps_the_rest() {
        let series = [(date(2026, 1, 1), 1), (date(2026, 3, 1), 3)];
        let at = |d| day_of(d);
        assert_eq!(
            since(&series, date(2026, 2, 1), f64::from),
            [[at(date(2026, 2, 1)), 1.0], [at(date(2026, 3, 1)), 3.0]]
        );
        assert_eq!(since(&series, date(2025, 1, 1), f64::from).len(), 2);
        assert_eq!(
            since(&series, date(2026, 4, 1), f64::from),
            [[at(date(2026, 4, 1)), 3.0]]
        );
        assert!(since::<u8>(&[], TODAY, f64::from).is_empty());
    }

    #[test]
    fn the_window_reaches_back_from_today_but_not_before_the_plan() {
        // Sun 29 Nov ends today's week: the plots run to the Monday after.
        let end = date(2026, 11, 30);
        // A plan of years: the last 12 months, from the Monday before.
        assert_eq!(
            Window::Year.range(TODAY, Some(date(2020, 1, 1))),
            (date(2025, 11, 24), end)
        );
        // Begun three days ago: 8 weeks, not the 12 months before it began.
        assert_eq!(
            Window::Year.range(TODAY, Some(date(2026, 11, 23))),
            (date(2026, 10, 5), end)
        );
        // Begun in March: from its first Monday.
        assert_eq!(
            Window::All.range(TODAY, Some(date(2026, 3, 4))),
            (date(2026, 3, 2), end)
        );
        assert_eq!(
            Window::ThreeMonths.range(TODAY, Some(date(2020, 1, 1))),
            (date(2026, 8, 24), end)
        );
        // The ends of the calendar hold.
        for day in [Date::MIN, Date::MAX] {
            for w in Window::ALL {
                let (from, to) = w.range(day, Some(day));
                assert!(from <= to, "{w:?} at {day}");
            }
        }
        // Nothing on record yet: 8 weeks up to today's week.
        assert_eq!(Window::All.range(TODAY, None), (date(2026, 10, 5), end));
    }
}
