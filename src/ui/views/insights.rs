//! Insights: plots that link the daily log to skills, goals, milestones and
//! target roles. Every number comes from `model::insights`, cached in the
//! derived numbers; this view only draws. A click on a bar or a point asks
//! the app to open the Log filtered to the entries behind it.

use super::log::Filter;
use super::{ViewCtx, duration};
use crate::model::insights::{
    GoalProgress, Insights, Key, PaceStatus, ProgressUnit, StackBy, Weekly,
};
use crate::model::metrics::week_start;
use crate::model::{ExperienceKind, Plan, SkillId};
use crate::time_axis::{date_at, day_of};
use crate::ui::plots::{self, card, colour, date_plot, fit, grey};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, HLine, LineStyle, MarkerShape, PlotPoint, Points, VLine};
use jiff::ToSpan;
use jiff::civil::Date;

/// Height of a plot, in points.
const PLOT_HEIGHT: f32 = 190.0;
/// Skills shown in the level plot until the person picks others.
const DEFAULT_SKILLS: usize = 4;

/// Draws one plot's card.
type Card = fn(&mut InsightsView, &mut Ui, &Plan, &Insights, Date);

/// How far back the plots over time look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

    /// The first day shown, or `None` for everything.
    fn start(self, today: Date) -> Option<Date> {
        let months = match self {
            Window::ThreeMonths => 3,
            Window::Year => 12,
            Window::ThreeYears => 36,
            Window::All => return None,
        };
        Some(today.checked_sub(months.months()).unwrap_or(Date::MIN))
    }
}

/// Consecutive weeks drawn as one bar: indices `a..b` into the weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bin {
    a: usize,
    b: usize,
}

impl Bin {
    fn len(self) -> usize {
        self.b - self.a
    }
}

/// The weeks from `from` on, in bins so that a bar is at least 6 points wide
/// in a plot `width` points wide.
fn bins(weeks: &[Date], from: Option<Date>, width: f32) -> Vec<Bin> {
    let first = from.map_or(0, |f| weeks.partition_point(|w| *w < week_start(f)));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points"
    )]
    let most = ((width / 6.0).max(1.0)) as usize;
    let n = weeks.len().saturating_sub(first);
    let size = n.div_ceil(most).max(1);
    (first..weeks.len())
        .step_by(size)
        .map(|a| Bin {
            a,
            b: (a + size).min(weeks.len()),
        })
        .collect()
}

/// The Insights view's state.
#[derive(Default)]
pub struct InsightsView {
    /// How far back the plots over time look.
    pub window: Window,
    /// Weekly hours split by goal or by skill.
    pub stack_by: StackBy,
    /// Skills in the level plot; `None` until picked (then the next role's).
    pub skills: Option<Vec<SkillId>>,
    /// Set by a click: the app opens the Log with this filter.
    pub open_log: Option<Filter>,
    /// Set by the empty view's button: the app opens Today's quick-log box.
    pub open_quick_log: bool,
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
        if plan.log.is_empty() {
            self.open_quick_log |= crate::ui::widgets::empty_state(
                ui,
                "Insights come from your daily log. Log what you did today, and these plots start to fill in.",
                "Log what I did today",
            );
            return;
        }
        ui.horizontal(|ui| {
            ui.label("Show the last");
            for w in Window::ALL {
                ui.selectable_value(&mut self.window, w, w.label());
            }
        });
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let half = ((ui.available_width() - 12.0) / 2.0).max(300.0);
                let pairs: [[Card; 2]; 5] = [
                    [Self::pace, Self::readiness],
                    [Self::weekly, Self::alignment],
                    [Self::levels, Self::burn_up],
                    [Self::options, Self::evidence],
                    [Self::balance, Self::heat_map],
                ];
                for [left, right] in pairs {
                    ui.horizontal_top(|ui| {
                        ui.vertical(|ui| {
                            ui.set_width(half);
                            left(self, ui, plan, ins, cx.today);
                        });
                        ui.vertical(|ui| {
                            ui.set_width(half);
                            right(self, ui, plan, ins, cx.today);
                        });
                    });
                    ui.add_space(8.0);
                }
            });
    }

    /// Opens the Log on the week under a click, if there was one.
    fn open_week_at(&mut self, clicked: Option<PlotPoint>) {
        if let Some(day) = clicked.and_then(|c| date_at(c.x)) {
            let monday = week_start(day);
            self.open(monday, end_of_week(monday), None, None);
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

    /// 5. Pace: each goal with a due date, actual progress against the pace line.
    fn pace(&mut self, ui: &mut Ui, plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Goals: pace",
            "Where each goal with a due date is against its pace line today. On track: at least 95% of where it should be; behind: 75 to 95%; at risk: below 75%.",
            |ui| {
                // Open goals only: a done or dropped goal has no pace to keep.
                let paced: Vec<&GoalProgress> = ins
                    .goals
                    .iter()
                    .filter(|g| g.status.is_some())
                    .filter(|g| {
                        plan.goal(g.goal).is_some_and(|g| {
                            !matches!(
                                g.status,
                                crate::model::GoalStatus::Done | crate::model::GoalStatus::Dropped
                            )
                        })
                    })
                    .collect();
                if paced.is_empty() {
                    ui.label("No goal has a due date and something to count yet: give a goal a due date and a measure (hours or entries) or milestones.");
                    return;
                }
                egui::Grid::new("pace")
                    .num_columns(3)
                    .striped(true)
                    .show(ui, |ui| {
                        for p in paced {
                            let Some(goal) = plan.goal(p.goal) else {
                                continue;
                            };
                            if ui
                                .link(&goal.title)
                                .on_hover_text("Show its entries in the Log")
                                .clicked()
                            {
                                self.open(goal.start, today, Some(Key::Goal(goal.id)), None);
                            }
                            progress_bar(ui, p, true, 150.0);
                            status_badge(ui, p.status);
                            ui.end_row();
                        }
                    });
            },
        );
    }

    /// 6. Readiness over time for each target role, gaps, and the forecast.
    fn readiness(&mut self, ui: &mut Ui, plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Target roles: readiness and arrival",
            "How ready you were for each target role over time (the share of its required levels you had), and when you would have them all at your recent pace.",
            |ui| {
                let mut clicked = None;
                let from = self.window.start(today).map(day_of);
                let shown = date_plot("readiness", PLOT_HEIGHT, "Ready (%)")
                    .include_y(0.0)
                    .include_y(100.0)
                    .show(ui, |p| {
                        for (role, points) in &ins.readiness_over_time {
                            let name = plan.role(*role).map_or("Role", |r| r.title.as_str());
                            let pts: Vec<[f64; 2]> = points
                                .iter()
                                .map(|(d, r)| [day_of(*d), r * 100.0])
                                .collect();
                            let pts = fit(&step(&clip(&pts, from)), p.response().rect.width());
                            p.line(
                                plots::line(name, pts)
                                    .color(role_colour(p.ctx(), ins, *role))
                                    .width(2.0),
                            );
                        }
                        p.vline(VLine::new("Today", day_of(today)).color(grey(p.ctx())));
                        clicked = plots::clicked_at(p);
                    });

                plots::name(&shown.response, "Readiness over time (plot)");
                self.open_week_at(clicked);
                for o in &ins.options {
                    let Some(role) = plan.role(o.role) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(role_colour(ui.ctx(), ins, o.role), "\u{25a0}");
                        ui.label(RichText::new(&role.title).strong());
                        ui.label(levels_to_go(o.total_gap));
                        ui.label(o.forecast.headline())
                            .on_hover_text(o.forecast.sentence());
                    });
                }
            },
        );
    }

    /// 2. Hours per week, stacked by goal or by skill, and cumulative hours per goal.
    fn weekly(&mut self, ui: &mut Ui, plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Hours per week",
            "Time logged each week, split by the goal or the skill it served (an entry linked to two counts toward both). Grey: linked to none.",
            |ui| {
                ui.horizontal(|ui| {
                    ui.label("Split by");
                    ui.selectable_value(&mut self.stack_by, StackBy::Goal, "Goal");
                    ui.selectable_value(&mut self.stack_by, StackBy::Skill, "Skill");
                });
                let weekly = match self.stack_by {
                    StackBy::Goal => &ins.weekly_by_goal,
                    StackBy::Skill => &ins.weekly_by_skill,
                };
                if weekly.weeks.is_empty() {
                    ui.label("Nothing logged yet.");
                    return;
                }
                let mut clicked = None;
                let shown = date_plot("weekly", PLOT_HEIGHT, "Hours a week")
                    .include_y(0.0)
                    .show(ui, |p| {
                        let width = p.response().rect.width();
                        let mut below: Vec<BarChart> = Vec::new();
                        let bins = bins(&weekly.weeks, self.window.start(today), width);
                        for s in &weekly.series {
                            let name = key_name(plan, s.key);
                            let c = key_colour(p.ctx(), plan, s.key);
                            let bars = plots::solid(week_bars(weekly, &s.minutes, &bins), c);
                            plots::count_points(bars.len());
                            let refs: Vec<&BarChart> = below.iter().collect();
                            let chart = BarChart::new(name.clone(), bars)
                                .color(c)
                                .element_formatter(hours_hover(name))
                                .stack_on(&refs);
                            below.push(chart);
                        }
                        for chart in below {
                            p.add(chart);
                        }
                        clicked = p
                            .response()
                            .clicked()
                            .then(|| p.pointer_coordinate().map(|c| (c, width)))
                            .flatten();
                    });
                plots::name(&shown.response, "Hours per week (plot)");
                let items: Vec<_> = weekly
                    .series
                    .iter()
                    .map(|s| (key_colour(ui.ctx(), plan, s.key), key_name(plan, s.key)))
                    .collect();
                plots::legend(ui, &items);
                if let Some((c, width)) = clicked {
                    self.open_week_bar(
                        weekly,
                        &bins(&weekly.weeks, self.window.start(today), width),
                        c,
                    );
                }
                if self.stack_by == StackBy::Goal && !ins.cumulative_hours.is_empty() {
                    ui.label(RichText::new("Hours so far, per goal (same colours)").strong());
                    let from = self.window.start(today).map(day_of);
                    let shown = date_plot("cumulative", PLOT_HEIGHT * 0.7, "Hours")
                        .include_y(0.0)
                        .show(ui, |p| {
                            for (goal, points) in &ins.cumulative_hours {
                                let name = plan.goal(*goal).map_or("Goal", |g| g.title.as_str());
                                let pts: Vec<[f64; 2]> =
                                    points.iter().map(|(d, h)| [day_of(*d), *h]).collect();
                                let pts = clip(&pts, from);
                                p.line(
                                    plots::line(name, fit(&pts, p.response().rect.width()))
                                        .color(key_colour(p.ctx(), plan, Some(Key::Goal(*goal))))
                                        .width(2.0),
                                );
                            }
                        });
                    plots::name(&shown.response, "Hours so far per goal (plot)");
                }
            },
        );
    }

    /// Opens the Log for the bar and series under a click on the stacked bars.
    fn open_week_bar(&mut self, weekly: &Weekly, bins: &[Bin], at: PlotPoint) {
        let Some(day) = date_at(at.x) else { return };
        let Some(bin) = bins
            .iter()
            .find(|b| weekly.weeks[b.a] <= day && day <= end_of_week(weekly.weeks[b.b - 1]))
        else {
            return;
        };
        let mut top = 0.0;
        let mut key = None;
        for s in &weekly.series {
            top += average_hours(&s.minutes, *bin);
            if at.y <= top {
                key = s.key;
                break;
            }
        }
        self.open(
            weekly.weeks[bin.a],
            end_of_week(weekly.weeks[bin.b - 1]),
            key,
            None,
        );
    }

    /// 3. Alignment: the share of each week's time that served the direction.
    fn alignment(&mut self, ui: &mut Ui, _plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Alignment",
            "Each week, the share of logged time that served a goal or a skill your next role needs; the line is the average over four weeks.",
            |ui| {
                if ins.alignment.is_empty() {
                    ui.label("Nothing logged yet.");
                    return;
                }
                let mut clicked = None;
                let from = self.window.start(today);
                let shown = date_plot("alignment", PLOT_HEIGHT, "Share (%)")
                    .include_y(0.0)
                    .include_y(100.0)
                    .show(ui, |p| {
                        let width = p.response().rect.width();
                        let weeks: Vec<Date> = ins.alignment.iter().map(|w| w.week).collect();
                        let bins = bins(&weeks, from, width);
                        let bars: Vec<Bar> = bins
                            .iter()
                            .map(|bin| {
                                let span = &ins.alignment[bin.a..bin.b];
                                let minutes: u32 = span.iter().map(|w| w.minutes).sum();
                                let aligned: u32 = span.iter().map(|w| w.aligned).sum();
                                let share = if minutes == 0 {
                                    0.0
                                } else {
                                    f64::from(aligned) / f64::from(minutes)
                                };
                                let (first, last) = (weeks[bin.a], weeks[bin.b - 1]);
                                Bar::new((day_of(first) + day_of(last) + 7.0) / 2.0, share * 100.0)
                                    .width(7.0 * bin.len() as f64 - 1.0)
                            })
                            .collect();
                        plots::count_points(bars.len());
                        let c = colour(p.ctx(), 2);
                        p.add(
                            BarChart::new("Aligned share", plots::solid(bars, c))
                                .color(c)
                                .element_formatter(Box::new(|bar, _| {
                                    format!(
                                        "{}: {:.0}% of the time served your direction",
                                        bar_span(bar),
                                        bar.value
                                    )
                                })),
                        );
                        let line: Vec<[f64; 2]> = ins
                            .alignment
                            .iter()
                            .filter(|w| from.is_none_or(|f| w.week >= week_start(f)))
                            .map(|w| [day_of(w.week) + 3.5, w.rolling * 100.0])
                            .collect();
                        p.line(
                            plots::line("4-week average", fit(&line, width))
                                .color(colour(p.ctx(), 1))
                                .width(2.0),
                        );
                        clicked = plots::clicked_at(p);
                    });
                plots::name(&shown.response, "Alignment per week (plot)");
                plots::legend(
                    ui,
                    &[
                        (colour(ui.ctx(), 2), "Share of the week's time".to_string()),
                        (colour(ui.ctx(), 1), "Average over 4 weeks".to_string()),
                    ],
                );
                self.open_week_at(clicked);
            },
        );
    }

    /// 1. Skill levels over time against their targets.
    fn levels(&mut self, ui: &mut Ui, plan: &Plan, _ins: &Insights, today: Date) {
        card(
            ui,
            "Skill levels",
            "Each skill's recorded level over time (0 none to 5 expert); a diamond marks its target level and date.",
            |ui| {
                let chosen = self.skills.get_or_insert_with(|| default_skills(plan));
                let options: Vec<(SkillId, String)> =
                    plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
                crate::ui::widgets::multi_pick(ui, "Skills:", chosen, &options);
                let chosen = chosen.clone();
                if chosen.is_empty() {
                    ui.label("Pick skills to see their levels.");
                    return;
                }
                let from = self.window.start(today).unwrap_or_else(|| {
                    chosen
                        .iter()
                        .filter_map(|s| plan.skill(*s))
                        .filter_map(|s| s.history.first().map(|c| c.date))
                        .min()
                        .unwrap_or(today)
                });
                let mut clicked = None;
                let shown = date_plot("levels", PLOT_HEIGHT, "Level (0 to 5)")
                    .include_y(0.0)
                    .include_y(5.0)
                    .show(ui, |p| {
                        for id in &chosen {
                            let Some(skill) = plan.skill(*id) else {
                                continue;
                            };
                            let c = key_colour(p.ctx(), plan, Some(Key::Skill(*id)));
                            let steps: Vec<[f64; 2]> =
                                crate::model::insights::level_steps(plan, *id, from, today)
                                    .into_iter()
                                    .map(|(d, l)| [day_of(d), f64::from(l)])
                                    .collect();
                            // The level holds until today.
                            let mut steps = steps;
                            if let Some(&[x, y]) = steps.last()
                                && x < day_of(today)
                            {
                                steps.push([day_of(today), y]);
                            }
                            let pts = fit(&step(&steps), p.response().rect.width());
                            p.line(plots::line(skill.name.clone(), pts).color(c).width(2.0));
                            if let Some(t) = skill.target {
                                let at = t.by.unwrap_or(today);
                                p.points(
                                    Points::new(
                                        format!("{} target", skill.name),
                                        vec![[day_of(at), f64::from(t.level.0)]],
                                    )
                                    .shape(MarkerShape::Diamond)
                                    .radius(6.0)
                                    .color(c),
                                );
                            }
                        }
                        p.vline(VLine::new("Today", day_of(today)).color(grey(p.ctx())));
                        clicked = plots::clicked_at(p);
                    });
                plots::name(&shown.response, "Skill levels over time (plot)");
                let items: Vec<_> = chosen
                    .iter()
                    .map(|id| {
                        (
                            key_colour(ui.ctx(), plan, Some(Key::Skill(*id))),
                            key_name(plan, Some(Key::Skill(*id))),
                        )
                    })
                    .collect();
                plots::legend(ui, &items);
                if let Some(c) = clicked
                    && let Some(day) = date_at(c.x)
                {
                    // The skill whose line is nearest the click.
                    let nearest = chosen.iter().copied().min_by(|a, b| {
                        let d = |s: SkillId| {
                            (f64::from(plan.skill(s).map_or(0, |k| k.level_on(day).0)) - c.y).abs()
                        };
                        d(*a).total_cmp(&d(*b))
                    });
                    let monday = week_start(day);
                    self.open(monday, end_of_week(monday), nearest.map(Key::Skill), None);
                }
            },
        );
    }

    /// 4. Milestone burn-up with the pace line and projected finish.
    fn burn_up(&mut self, ui: &mut Ui, _plan: &Plan, ins: &Insights, today: Date) {
        let b = &ins.burn_up;
        let from = self.window.start(today).map(day_of);
        card(
            ui,
            "Milestones: burn-up",
            "Milestones done against milestones due over time. The dashed line is the pace that finishes on the last due date; the marker is when you would finish at your last 90 days' rate.",
            |ui| {
                if b.total == 0 {
                    ui.label("No milestones yet: add some under a goal.");
                    return;
                }
                let mut clicked = None;
                let shown = date_plot("burnup", PLOT_HEIGHT, "Milestones")
                    .include_y(0.0)
                    .include_y(f64::from(b.total))
                    .show(ui, |p| {
                        let width = p.response().rect.width();
                        let pts = |v: &[(Date, u32)]| -> Vec<[f64; 2]> {
                            let all: Vec<[f64; 2]> =
                                v.iter().map(|(d, n)| [day_of(*d), f64::from(*n)]).collect();
                            clip(&all, from)
                        };
                        p.line(
                            plots::line("Done", fit(&step(&pts(&b.done)), width))
                                .color(colour(p.ctx(), 2))
                                .width(2.0),
                        );
                        p.line(
                            plots::line("Due", fit(&step(&pts(&b.planned)), width))
                                .color(colour(p.ctx(), 1)),
                        );
                        if let Some([(d0, y0), (d1, y1)]) = b.pace {
                            p.line(
                                plots::line("Pace", vec![[day_of(d0), y0], [day_of(d1), y1]])
                                    .style(LineStyle::dashed_loose())
                                    .color(grey(p.ctx())),
                            );
                        }
                        p.hline(
                            HLine::new("All milestones", f64::from(b.total)).color(grey(p.ctx())),
                        );
                        if let Some(f) = b.projected_finish {
                            p.points(
                                Points::new(
                                    format!("Projected finish: {}", f.strftime("%-d %b %Y")),
                                    vec![[day_of(f), f64::from(b.total)]],
                                )
                                .shape(MarkerShape::Diamond)
                                .radius(7.0)
                                .color(colour(p.ctx(), 5)),
                            );
                        }
                        p.vline(VLine::new("Today", day_of(today)).color(grey(p.ctx())));
                        clicked = plots::clicked_at(p);
                    });
                plots::name(&shown.response, "Milestone burn-up (plot)");
                plots::legend(
                    ui,
                    &[
                        (colour(ui.ctx(), 2), "Done".to_string()),
                        (colour(ui.ctx(), 1), "Due".to_string()),
                        (
                            grey(ui.ctx()),
                            "Pace (dashed) and all milestones".to_string(),
                        ),
                        (colour(ui.ctx(), 5), "Projected finish".to_string()),
                    ],
                );
                self.open_week_at(clicked);
                ui.label(match b.projected_finish {
                    Some(f) => format!(
                        "At this rate, the last milestone is done by {}.",
                        f.strftime("%-d %b %Y")
                    ),
                    None if b.done.last().is_some_and(|(_, n)| *n >= b.total) => {
                        "Every milestone is done.".to_string()
                    }
                    None => "No milestone done in the last 90 days, so no finish date to project."
                        .to_string(),
                });
            },
        );
    }

    /// 7. The target roles side by side.
    #[expect(
        clippy::unused_self,
        reason = "every card has the same signature, to sit in the page's table"
    )]
    fn options(&mut self, ui: &mut Ui, plan: &Plan, ins: &Insights, _today: Date) {
        card(
            ui,
            "Options compared",
            "Your target roles side by side: how far each is, when you would arrive at your recent pace, and the skills that count toward more than one.",
            |ui| {
                if ins.options.is_empty() {
                    ui.label(
                        "No target role yet: add a Next, Long-term or Option role on the Roadmap.",
                    );
                    return;
                }
                egui::Grid::new("options")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        for h in ["Role", "Ready", "To go", "Arrival"] {
                            ui.label(RichText::new(h).strong());
                        }
                        ui.end_row();
                        for o in &ins.options {
                            let Some(role) = plan.role(o.role) else {
                                continue;
                            };
                            ui.label(format!("{} ({})", role.title, role.stage.label()));
                            ui.label(o.readiness.map_or("\u{2014}".to_string(), |r| {
                                format!("{:.0}%", r.score * 100.0)
                            }));
                            ui.label(
                                levels_to_go(o.total_gap)
                                    .trim_end_matches(" to go.")
                                    .to_string(),
                            );
                            ui.label(o.forecast.headline())
                                .on_hover_text(o.forecast.sentence());
                            ui.end_row();
                        }
                    });
                if ins.shared_skills.is_empty() {
                    ui.label(
                        RichText::new("No skill counts toward more than one target role.").weak(),
                    );
                } else {
                    ui.label(RichText::new("Skills that pay off on more than one path:").strong());
                    for (skill, roles) in &ins.shared_skills {
                        let name = plan.skill(*skill).map_or("Skill", |s| s.name.as_str());
                        let titles: Vec<&str> = roles
                            .iter()
                            .filter_map(|r| plan.role(*r))
                            .map(|r| r.title.as_str())
                            .collect();
                        ui.label(format!("{name}: {}", titles.join(", ")));
                    }
                }
            },
        );
    }

    /// 10. Evidence per skill a target role needs.
    fn evidence(&mut self, ui: &mut Ui, plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Evidence per skill",
            "For each skill a target role needs: on how many different days you logged work on it. Few days means little to show for it yet.",
            |ui| {
                if ins.evidence.is_empty() {
                    ui.label("No target role lists required skills yet.");
                    return;
                }
                let mut clicked = None;
                let names: Vec<String> = ins
                    .evidence
                    .iter()
                    .map(|e| {
                        plan.skill(e.skill)
                            .map_or_else(|| "Skill".to_string(), |s| s.name.clone())
                    })
                    .collect();
                let labels = names.clone();
                let most = ins.evidence.iter().map(|e| e.days).max().unwrap_or(0);
                let shown = egui_plot::Plot::new("evidence")
                    .height(PLOT_HEIGHT)
                    .allow_scroll(false)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .include_x(0.0)
                    // Room right of the longest bar for its skill's name.
                    .include_x(f64::from(most.max(1)) * 1.8)
                    .x_axis_label("Days with entries")
                    .y_axis_label("Skills a target role needs")
                    .show_axes([true, false])
                    .show(ui, |p| {
                        let bars: Vec<Bar> = ins
                            .evidence
                            .iter()
                            .enumerate()
                            .map(|(i, e)| {
                                Bar::new(i as f64, f64::from(e.days))
                                    .width(0.7)
                                    .name(format!("{}: {} days", labels[i], e.days))
                            })
                            .collect();
                        plots::count_points(bars.len());
                        let c = colour(p.ctx(), 0);
                        p.add(
                            BarChart::new("Days with entries", plots::solid(bars, c))
                                .horizontal()
                                .color(c),
                        );
                        for (i, (n, e)) in names.iter().zip(&ins.evidence).enumerate() {
                            p.text(
                                egui_plot::Text::new(
                                    n.clone(),
                                    PlotPoint::new(f64::from(e.days), i as f64),
                                    RichText::new(format!("  {n} ({})", e.days)).size(13.0),
                                )
                                .anchor(egui::Align2::LEFT_CENTER),
                            );
                        }
                        clicked = plots::clicked_at(p);
                    });
                plots::name(&shown.response, "Evidence per skill (plot)");
                plots::legend(
                    ui,
                    &[(
                        colour(ui.ctx(), 0),
                        "Days with entries on the skill".to_string(),
                    )],
                );
                if let Some(c) = clicked {
                    #[expect(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "a bar index, checked below"
                    )]
                    let i = c.y.round().max(0.0) as usize;
                    if let Some(e) = ins.evidence.get(i) {
                        self.open(None, today, Some(Key::Skill(e.skill)), None);
                    }
                }
            },
        );
    }

    /// 8. Minutes by kind of experience per month.
    fn balance(&mut self, ui: &mut Ui, _plan: &Plan, ins: &Insights, today: Date) {
        card(
            ui,
            "Experience balance",
            "Time per month by kind of experience: learning, relationships, mentoring, going beyond your duties, and routine. Growth comes from the first four.",
            |ui| {
                if ins.balance.is_empty() {
                    ui.label("Nothing logged yet.");
                    return;
                }
                let mut clicked = None;
                let shown = date_plot("balance", PLOT_HEIGHT, "Hours")
                    .include_y(0.0)
                    .show(ui, |p| {
                        let mut below: Vec<BarChart> = Vec::new();
                        let first = self.window.start(today).map_or(0, |f| {
                            ins.balance
                                .partition_point(|m| m.month < f.first_of_month())
                        });
                        let months = &ins.balance[first..];
                        let width = p.response().rect.width();
                        for (k, kind) in ExperienceKind::ALL.iter().enumerate() {
                            let bars = month_bars(months, k, width);
                            plots::count_points(bars.len());
                            let refs: Vec<&BarChart> = below.iter().collect();
                            let c = kind_colour(p.ctx(), *kind);
                            below.push(
                                BarChart::new(kind.label(), plots::solid(bars, c))
                                    .color(c)
                                    .element_formatter(Box::new(move |bar, _| {
                                        format!(
                                            "{}\n{}: {} a month",
                                            kind.label(),
                                            bar_span(bar),
                                            hours_text(bar.value)
                                        )
                                    }))
                                    .stack_on(&refs),
                            );
                        }
                        for chart in below {
                            p.add(chart);
                        }
                        clicked = plots::clicked_at(p);
                    });
                plots::name(&shown.response, "Experience balance per month (plot)");
                let items: Vec<_> = ExperienceKind::ALL
                    .iter()
                    .map(|k| (kind_colour(ui.ctx(), *k), k.label().to_string()))
                    .collect();
                plots::legend(ui, &items);
                if let Some(c) = clicked
                    && let Some(day) = date_at(c.x)
                    && let Ok(first) = day.first_of_month().checked_add(0.days())
                {
                    let month = ins.balance.iter().find(|m| m.month == first);
                    let mut top = 0.0;
                    let mut kind = None;
                    if let Some(m) = month {
                        for (k, minutes) in m.minutes.iter().enumerate() {
                            top += f64::from(*minutes) / 60.0;
                            if c.y <= top {
                                kind = Some(ExperienceKind::ALL[k]);
                                break;
                            }
                        }
                    }
                    self.open(first, first.last_of_month(), None, kind);
                }
            },
        );
    }

    /// 9. Logged minutes per day over the last 52 weeks.
    fn heat_map(&mut self, ui: &mut Ui, _plan: &Plan, ins: &Insights, _today: Date) {
        card(
            ui,
            "Logging calendar",
            "Each square is a day of the last year, darker the more time you logged; columns are weeks, Monday at the top.",
            |ui| {
                let Some(start) = ins.heat_start else {
                    ui.label("Nothing logged yet.");
                    return;
                };
                let weeks = ins.heat.len().div_ceil(7).max(1);
                let cell = ((ui.available_width() - 40.0) / weeks as f32).clamp(4.0, 16.0);
                let top = 14.0;
                let size = egui::vec2(cell * weeks as f32 + 30.0, top + cell * 7.0 + 4.0);
                let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
                let painter = ui.painter_at(rect);
                let most = ins.heat.iter().copied().max().unwrap_or(0).max(1);
                let base = colour(ui.ctx(), 2);
                let empty = ui.visuals().widgets.inactive.bg_fill;
                for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
                    painter.text(
                        rect.left_top() + egui::vec2(0.0, top + cell * (row as f32 + 0.5)),
                        egui::Align2::LEFT_CENTER,
                        name,
                        egui::FontId::proportional(9.0),
                        ui.visuals().weak_text_color(),
                    );
                }
                let origin = rect.left_top() + egui::vec2(28.0, top);
                // The month each column starts in, above its first column.
                let mut last_month = None;
                for col in 0..weeks {
                    let Ok(day) = start
                        .checked_add(jiff::Span::new().days(i64::try_from(col * 7).unwrap_or(0)))
                    else {
                        continue;
                    };
                    if last_month != Some(day.month()) {
                        last_month = Some(day.month());
                        painter.text(
                            origin + egui::vec2(col as f32 * cell, -top),
                            egui::Align2::LEFT_TOP,
                            day.strftime("%b").to_string(),
                            egui::FontId::proportional(10.0),
                            ui.visuals().weak_text_color(),
                        );
                    }
                }
                let cell_rect = |i: usize| {
                    let (col, row) = (i / 7, i % 7);
                    egui::Rect::from_min_size(
                        origin + egui::vec2(col as f32 * cell, row as f32 * cell),
                        egui::vec2(cell - 1.0, cell - 1.0),
                    )
                };
                for (i, m) in ins.heat.iter().enumerate() {
                    let fill = if *m == 0 {
                        empty
                    } else {
                        let t = 0.25
                            + 0.75
                                * (f32::from(u16::try_from(*m).unwrap_or(u16::MAX))
                                    / most.min(u32::from(u16::MAX)) as f32)
                                    .min(1.0);
                        base.gamma_multiply(t)
                    };
                    painter.rect_filled(cell_rect(i), 1.0, fill);
                }
                let hovered = response
                    .hover_pos()
                    .and_then(|pos| (0..ins.heat.len()).find(|i| cell_rect(*i).contains(pos)));
                if let Some(i) = hovered
                    && let Ok(day) =
                        start.checked_add(jiff::Span::new().days(i64::try_from(i).unwrap_or(0)))
                {
                    let text = format!(
                        "{}: {}",
                        day.strftime("%a %-d %b %Y"),
                        duration(ins.heat[i])
                    );
                    let response = response.clone().on_hover_text(text);
                    if response.clicked() {
                        self.open(day, day, None, None);
                    }
                }
                plots::legend(
                    ui,
                    &[
                        (empty, "Nothing logged".to_string()),
                        (base.gamma_multiply(0.4), "A little".to_string()),
                        (base, format!("The most in a day ({})", duration(most))),
                    ],
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Image, true, "Logging calendar (plot)")
                });
            },
        );
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

/// A target role's colour: by its place among the options.
fn role_colour(ctx: &egui::Context, ins: &Insights, role: crate::model::RoleId) -> egui::Color32 {
    colour(
        ctx,
        ins.options.iter().position(|o| o.role == role).unwrap_or(0),
    )
}

/// The level plot's skills before any are picked: the next role's required
/// skills, else the first few.
fn default_skills(plan: &Plan) -> Vec<SkillId> {
    let from_role: Vec<SkillId> = crate::model::metrics::next_role(plan)
        .map(|r| r.requires.iter().map(|q| q.skill).collect())
        .unwrap_or_default();
    let mut skills = if from_role.is_empty() {
        plan.skills.iter().map(|s| s.id).collect()
    } else {
        from_role
    };
    skills.truncate(DEFAULT_SKILLS);
    skills
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

/// The bars of one weekly series: hours a week, averaged over each bin.
fn week_bars(weekly: &Weekly, minutes: &[u32], bins: &[Bin]) -> Vec<Bar> {
    bins.iter()
        .map(|bin| {
            let (first, last) = (weekly.weeks[bin.a], weekly.weeks[bin.b - 1]);
            let x = (day_of(first) + day_of(last) + 7.0) / 2.0;
            Bar::new(x, average_hours(minutes, *bin)).width(7.0 * bin.len() as f64 - 1.0)
        })
        .collect()
}

/// The days a bar covers, in words: "Week of 2 Mar 2026" or "2 Mar 2026 to 29 Mar 2026".
fn bar_span(bar: &Bar) -> String {
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

/// Makes a bar's hover text when it is hovered (not for every bar, every frame).
type BarText = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// Hover text for a bar of hours a week in series `name`, made only when hovered.
fn hours_hover(name: String) -> BarText {
    Box::new(move |bar, _| {
        format!(
            "{name}\n{}: {} a week",
            bar_span(bar),
            hours_text(bar.value)
        )
    })
}

/// Hours a week in `bin`, on average.
fn average_hours(minutes: &[u32], bin: Bin) -> f64 {
    let sum: u64 = minutes
        .get(bin.a..bin.b)
        .unwrap_or_default()
        .iter()
        .map(|m| u64::from(*m))
        .sum();
    sum as f64 / 60.0 / bin.len().max(1) as f64
}

/// "3 h 20 min" for a number of hours.
fn hours_text(hours: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "rounded, clamped at 0, far below u32::MAX"
    )]
    let minutes = (hours * 60.0).round().clamp(0.0, 4e9) as u32;
    duration(minutes)
}

/// The Sunday that ends the week starting on `monday`.
fn end_of_week(monday: Date) -> Date {
    monday.checked_add(6.days()).unwrap_or(monday)
}

/// A series' name in a legend.
fn key_name(plan: &Plan, key: Option<Key>) -> String {
    match key {
        Some(Key::Goal(g)) => plan
            .goal(g)
            .map_or_else(|| "Goal".into(), |g| g.title.clone()),
        Some(Key::Skill(s)) => plan
            .skill(s)
            .map_or_else(|| "Skill".into(), |s| s.name.clone()),
        None => "Not linked".into(),
    }
}

/// "45 min", "12 h", "3 entries", "2 milestones".
fn amount(p: &GoalProgress, value: f64) -> String {
    use crate::model::insights::ProgressUnit;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "small, rounded, clamped at 0"
    )]
    let n = value.max(0.0).round() as u32;
    match p.unit {
        ProgressUnit::Minutes => duration(n),
        ProgressUnit::Entries => format!("{n} entries"),
        ProgressUnit::Milestones => format!("{n} milestones"),
    }
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
    if p.done >= p.target {
        lines.push("Target reached.".to_string());
    } else if let (Some(d), true) = (p.projected, open) {
        lines.push(format!(
            "At the last 4 weeks' rate, reached about {}.",
            d.strftime("%-d %b %Y")
        ));
    } else if open {
        lines.push(
            match p.unit {
                ProgressUnit::Minutes => "No time logged on it in the last 4 weeks.",
                ProgressUnit::Entries => "No entries logged on it in the last 4 weeks.",
                ProgressUnit::Milestones => "No milestone done in the last 4 weeks.",
            }
            .to_string(),
        );
    }
    lines.join("\n")
}

/// A coloured "On track" / "Behind" / "At risk".
pub fn status_badge(ui: &mut Ui, status: Option<PaceStatus>) {
    let Some(s) = status else {
        ui.label("");
        return;
    };
    let c = match s {
        PaceStatus::OnTrack => colour(ui.ctx(), 2),
        PaceStatus::Behind => colour(ui.ctx(), 1),
        PaceStatus::AtRisk => colour(ui.ctx(), 5),
    };
    ui.label(RichText::new(s.label()).color(c).strong());
}

/// "1 level to go.", "4 levels to go."
fn levels_to_go(n: u32) -> String {
    if n == 1 {
        "1 level to go.".to_string()
    } else {
        format!("{n} levels to go.")
    }
}

/// A kind of experience's colour; routine duty is grey.
fn kind_colour(ctx: &egui::Context, kind: ExperienceKind) -> egui::Color32 {
    match ExperienceKind::ALL.iter().position(|k| *k == kind) {
        Some(_) if kind == ExperienceKind::Routine => grey(ctx),
        Some(i) => colour(ctx, i),
        None => grey(ctx),
    }
}

/// The points of a series from `from` on (all without `from`); a series
/// that started earlier gets a point at `from` with the value it had then.
fn clip(points: &[[f64; 2]], from: Option<f64>) -> Vec<[f64; 2]> {
    let Some(from) = from else {
        return points.to_vec();
    };
    let first = points.partition_point(|p| p[0] < from);
    let mut out = Vec::with_capacity(points.len() - first + 1);
    if first > 0 {
        out.push([from, points[first - 1][1]]);
    }
    out.extend_from_slice(&points[first..]);
    out
}

/// The bars of one kind of experience: hours a month, averaged over groups
/// of months so that a bar is at least 8 points wide.
fn month_bars(months: &[crate::model::insights::MonthKinds], k: usize, width: f32) -> Vec<Bar> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points"
    )]
    let most = (width / 8.0).max(1.0) as usize;
    let size = months.len().div_ceil(most).max(1);
    months
        .chunks(size)
        .filter_map(|group| {
            let (a, b) = (group.first()?, group.last()?);
            let sum: u32 = group.iter().map(|m| m.minutes[k]).sum();
            let per_month = sum / u32::try_from(group.len()).unwrap_or(1).max(1);
            let x0 = day_of(a.month);
            let x1 = day_of(b.month.last_of_month()) + 1.0;
            Some(
                Bar::new(f64::midpoint(x0, x1), f64::from(per_month) / 60.0)
                    .width((x1 - x0) * 0.85),
            )
        })
        .collect()
}
