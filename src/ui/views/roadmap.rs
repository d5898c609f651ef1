//! Roadmap: the roles on a time axis with the goals' milestones, the current
//! role as a stepping stone, your purpose, and an editor for the chosen role.

use super::ViewCtx;
use crate::model::{
    Edit, Goal, Item, ItemRef, Milestone, Plan, Requirement, Role, RoleId, RoleSpan, Stage,
    Teaches, role_spans, skill_gaps,
};
use crate::time_axis::{self, date_at, day_of};
use crate::ui::widgets;
use egui::{Color32, RichText};
use egui_plot::{Arrows, HoverPosition, Plot, PlotPoint, PlotPoints, Points, Polygon, Text, VLine};
use jiff::ToSpan;
use jiff::civil::Date;

/// The roadmap's state: which role is being edited.
#[derive(Default)]
pub struct RoadmapView {
    pub selected: Option<RoleId>,
}

/// The roadmap plot's id, so its memory (the zoom) can be found in tests.
pub const PLOT_ID: &str = "roadmap plot";

/// The plot's x coordinate of a date (days since 1970).
fn x_of(d: Date) -> f64 {
    day_of(d)
}

/// Lanes from top to bottom: milestones, then the path as a staircase.
fn lane(stage: Stage) -> f64 {
    match stage {
        Stage::Past => 4.0,
        Stage::Current => 3.0,
        Stage::Next => 2.0,
        Stage::LongTerm => 1.0,
        Stage::Alternative => 0.0,
    }
}
const MILESTONE_LANE: f64 = 5.0;
const BAR_HALF_HEIGHT: f64 = 0.32;

fn stage_colour(stage: Stage, dark: bool) -> Color32 {
    let (r, g, b) = match stage {
        Stage::Past => (120, 120, 130),
        Stage::Current => (40, 130, 200),
        Stage::Next => (60, 170, 110),
        Stage::LongTerm => (150, 110, 200),
        Stage::Alternative => (200, 150, 60),
    };
    let c = Color32::from_rgb(r, g, b);
    if dark { c } else { c.gamma_multiply(0.9) }
}

impl RoadmapView {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, edits: &mut Vec<Edit>) {
        let plan = cx.plan;
        widgets::side_panel(ui, "role_editor", 360.0, |ui| {
            if let Some(role) = self.selected.and_then(|id| plan.role(id)) {
                self.role_editor(ui, cx, role, edits);
            } else {
                purpose_editor(ui, plan, edits);
                ui.separator();
                if !plan.roles.is_empty() {
                    widgets::hint(ui, "Click a role on the roadmap to edit it.");
                }
            }
        });
        ui.horizontal(|ui| {
            ui.heading("Roadmap");
            ui.menu_button("\u{2795} Add role", |ui| {
                for stage in Stage::ALL {
                    if ui.button(stage.label()).clicked() {
                        let role = new_role(plan, stage, cx.today);
                        self.selected = Some(role.id);
                        widgets::focus_later(ui.ctx(), ItemRef::Role(role.id));
                        edits.push(Edit::Put(Item::Role(role)));
                    }
                }
            });
            ui.label(
                RichText::new("Drag or scroll to pan, Ctrl+scroll to zoom, double-click to fit.")
                    .weak()
                    .small(),
            );
        });
        if plan.roles.is_empty() {
            self.empty_state(ui, plan, cx.today, edits);
        }
        self.timeline(ui, cx);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("stone")
            .show(ui, |ui| stepping_stone(ui, plan, cx.today));
    }

    fn timeline(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let plan = cx.plan;
        let spans = role_spans(plan, cx.today);
        let (done, open) = milestone_dots(plan);
        let palette = Palette {
            dark: ui.visuals().dark_mode,
            text: ui.visuals().strong_text_color(),
            arrow: ui.visuals().weak_text_color(),
        };
        let (from, to) = default_range(&spans, &done, &open, cx.today);
        let height = (ui.available_height() * 0.55).clamp(220.0, 420.0);
        let plot = Plot::new("roadmap")
            .id(egui::Id::unique(PLOT_ID))
            .height(height)
            // Lanes do not zoom: only time does.
            .allow_zoom([true, false])
            .show_grid([true, false])
            .allow_boxed_zoom(false)
            .y_axis_formatter(|mark, _| lane_name(mark.value))
            .y_grid_spacer(|_| {
                (0..=5)
                    .map(|i| egui_plot::GridMark {
                        value: f64::from(i),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .include_x(x_of(from))
            .include_x(x_of(to))
            .include_y(-0.6)
            .include_y(MILESTONE_LANE + 0.6)
            .label_formatter(|hover| hover_text(hover, plan, &spans, &done, &open, cx.today));
        let response = crate::ui::plots::date_axis(plot).show(ui, |p| {
            draw_roles(p, plan, &spans, self.selected, &palette);
            draw_milestones(p, &done, &open);
            p.vline(
                VLine::new("Today", x_of(cx.today))
                    .color(Color32::from_rgb(220, 80, 80))
                    .width(1.5)
                    .allow_hover(false),
            );
            p.pointer_coordinate()
        });
        let bounds = response.transform.bounds();
        if let Some(shown) = time_axis::span_text(bounds.min()[0], bounds.max()[0]) {
            ui.label(RichText::new(format!("Showing {shown}")).weak().small());
        }
        if response.response.clicked()
            && let Some(at) = response.inner
        {
            self.selected = span_at(&spans, at).map(|s| s.role);
        }
        // Keyboard and screen-reader users pick a role from this row.
        if plan.roles.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Roles:");
            for r in &plan.roles {
                let selected = self.selected == Some(r.id);
                let mark = if cx.problems.of(ItemRef::Role(r.id)).is_empty() {
                    ""
                } else {
                    " \u{26a0}"
                };
                if ui
                    .selectable_label(selected, format!("{}{mark}", r.title))
                    .clicked()
                {
                    super::toggle(&mut self.selected, r.id);
                }
            }
        });
    }

    /// What to do first on an empty roadmap: one line and the button for it.
    fn empty_state(&mut self, ui: &mut egui::Ui, plan: &Plan, today: Date, edits: &mut Vec<Edit>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                "Your roadmap is empty. Start with the role you have now; then add the role you are aiming for next.",
            );
            if ui.button("\u{2795} Add my current role").clicked() {
                let role = new_role(plan, Stage::Current, today);
                self.selected = Some(role.id);
                widgets::focus_later(ui.ctx(), ItemRef::Role(role.id));
                edits.push(Edit::Put(Item::Role(role)));
            }
        });
    }

    fn role_editor(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        role: &Role,
        edits: &mut Vec<Edit>,
    ) {
        let plan = cx.plan;
        let mut r = role.clone();
        let mut changed = false;
        if widgets::editor_header(ui, "Role", &cx.problems.of(ItemRef::Role(r.id))) {
            self.selected = None;
        }
        changed |= widgets::name_field(ui, "Title", &mut r.title, ItemRef::Role(r.id));
        changed |= widgets::text_field(ui, "Organisation", &mut r.organisation);
        ui.horizontal(|ui| {
            let stages = Stage::ALL.map(|s| (s, s.label().to_string()));
            changed |= widgets::choice(ui, "Stage", "stage", &mut r.stage, &stages);
            if r.stage != Stage::Current && ui.button("Make this my current role").clicked() {
                edits.push(Edit::SetCurrentRole(r.id));
            }
        });
        changed |= widgets::optional_date(ui, "Started", &mut r.start, cx.today);
        let end_label = if r.stage == Stage::Current {
            "Plan to move on"
        } else {
            "Ended"
        };
        if r.stage != Stage::Current && r.stage != Stage::Past {
            changed |= widgets::optional_date(ui, "Hope to start by", &mut r.target_date, cx.today);
        } else {
            changed |= widgets::optional_date(ui, end_label, &mut r.end, cx.today);
        }

        changed |= teaches_editor(ui, plan, &mut r.teaches);
        let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();

        widgets::section(ui, "Skills it asks for");
        let mut remove = None;
        for (i, q) in r.requires.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let name = plan
                    .skill(q.skill)
                    .map_or("(missing skill)", |s| s.name.as_str());
                changed |= widgets::level_combo(
                    ui,
                    name,
                    &format!("req{i}"),
                    &plan.level_names,
                    &mut q.level,
                );
                if ui.small_button("Remove").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            r.requires.remove(i);
            changed = true;
        }
        let not_yet: Vec<_> = skills
            .iter()
            .filter(|(id, _)| !r.requires.iter().any(|q| q.skill == *id))
            .collect();
        if !not_yet.is_empty() {
            ui.menu_button("Add a required skill", |ui| {
                for (id, name) in not_yet {
                    if ui.button(name).clicked() {
                        r.requires.push(plan.skill(*id).map_or(
                            Requirement {
                                skill: *id,
                                level: crate::model::Level(3),
                            },
                            crate::model::Skill::default_requirement,
                        ));
                        changed = true;
                    }
                }
            });
        }

        widgets::section(ui, "Where it leads");
        let others: Vec<_> = plan
            .roles
            .iter()
            .filter(|o| o.id != r.id)
            .map(|o| (o.id, o.title.clone()))
            .collect();
        changed |= widgets::multi_pick(ui, "Leads to:", &mut r.leads_to, &others);
        changed |= widgets::text_area(ui, "Notes", &mut r.notes, 2);
        if widgets::delete_button(ui, "role") {
            edits.push(Edit::Remove(ItemRef::Role(r.id)));
            self.selected = None;
            return;
        }
        if changed {
            // Choosing Current in the Stage list goes through SetCurrentRole.
            edits.push(plan.put_role_edit(r));
        }
    }
}

/// What a role teaches: skills picked from the plan's, and lists of
/// relationships and experiences; true if changed.
fn teaches_editor(ui: &mut egui::Ui, plan: &Plan, teaches: &mut Teaches) -> bool {
    widgets::section(ui, "What it teaches");
    let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
    let mut changed = widgets::multi_pick(ui, "Skills:", &mut teaches.skills, &skills);
    ui.label("Relationships:");
    changed |= widgets::text_list(
        ui,
        "Relationship",
        "\u{2795} Add a relationship",
        &mut teaches.relationships,
    );
    ui.label("Experiences:");
    changed |= widgets::text_list(
        ui,
        "Experience",
        "\u{2795} Add an experience",
        &mut teaches.experiences,
    );
    changed
}

/// Colours that depend on the theme.
struct Palette {
    dark: bool,
    text: Color32,
    arrow: Color32,
}

/// Each role as a bar in its lane, with arrows along the path.
fn draw_roles(
    p: &mut egui_plot::PlotUi<'_>,
    plan: &Plan,
    spans: &[RoleSpan],
    selected: Option<RoleId>,
    palette: &Palette,
) {
    for s in spans {
        let Some(role) = plan.role(s.role) else {
            continue;
        };
        let (x0, x1, y) = (x_of(s.from), x_of(s.to), lane(s.stage));
        let selected = selected == Some(s.role);
        let colour = stage_colour(s.stage, palette.dark);
        let corners = vec![
            [x0, y - BAR_HALF_HEIGHT],
            [x1, y - BAR_HALF_HEIGHT],
            [x1, y + BAR_HALF_HEIGHT],
            [x0, y + BAR_HALF_HEIGHT],
        ];
        let stroke_width = if selected { 3.0 } else { 1.0 };
        p.polygon(
            Polygon::new(role.title.clone(), PlotPoints::new(corners))
                .fill_color(colour.gamma_multiply(if s.stage == Stage::Current {
                    0.8
                } else {
                    0.45
                }))
                .stroke(egui::Stroke::new(stroke_width, colour))
                // Hovering anywhere on the bar describes it (see `hover_text`).
                .allow_hover(false),
        );
        p.text(
            Text::new(
                role.title.clone(),
                PlotPoint::new(f64::midpoint(x0, x1), y),
                RichText::new(&role.title).color(palette.text),
            )
            .allow_hover(false),
        );
        // Arrows along the path, from the end of a role to the start of each role it leads to.
        for next in role
            .leads_to
            .iter()
            .filter_map(|id| spans.iter().find(|t| t.role == *id))
        {
            p.add(
                Arrows::new(
                    "path",
                    PlotPoints::new(vec![[x1, y - BAR_HALF_HEIGHT]]),
                    PlotPoints::new(vec![[x_of(next.from), lane(next.stage) + BAR_HALF_HEIGHT]]),
                )
                .color(palette.arrow)
                .allow_hover(false),
            );
        }
    }
}

/// A milestone's dot on the roadmap: at its done date, or its due date if not done.
struct Dot<'p> {
    at: Date,
    milestone: &'p Milestone,
    goal: &'p Goal,
}

const DONE_SERIES: &str = "Milestones done";
const OPEN_SERIES: &str = "Milestones to come";

/// The dots of every dated milestone: (done, still to come), each in the
/// order their points are drawn, so a hovered point's index finds its milestone.
fn milestone_dots(plan: &Plan) -> (Vec<Dot<'_>>, Vec<Dot<'_>>) {
    plan.goals
        .iter()
        .flat_map(|g| g.milestones.iter().map(move |m| (g, m)))
        .filter_map(|(goal, milestone)| {
            milestone.done.or(milestone.due).map(|at| Dot {
                at,
                milestone,
                goal,
            })
        })
        .partition(|d| d.milestone.done.is_some())
}

/// Milestones on their own lane: filled when done (at the done date), hollow when due.
fn draw_milestones(p: &mut egui_plot::PlotUi<'_>, done: &[Dot<'_>], open: &[Dot<'_>]) {
    let points = |dots: &[Dot<'_>]| {
        PlotPoints::new(dots.iter().map(|d| [x_of(d.at), MILESTONE_LANE]).collect())
    };
    p.points(
        Points::new(DONE_SERIES, points(done))
            .radius(5.0)
            .color(Color32::from_rgb(60, 170, 110))
            .filled(true),
    );
    p.points(
        Points::new(OPEN_SERIES, points(open))
            .radius(5.0)
            .color(Color32::from_rgb(200, 150, 60))
            .filled(false),
    );
}

fn long_date(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

/// What a milestone's dot says on hover: its title, its goal, and when it
/// was done or is due.
fn milestone_text(m: &Milestone, goal: &Goal, today: Date) -> String {
    let when = match (m.done, m.due) {
        (Some(done), Some(due)) => format!("Done {} (due {})", long_date(done), long_date(due)),
        (Some(done), None) => format!("Done {}", long_date(done)),
        (None, Some(due)) if due < today => format!("Due {}, overdue", long_date(due)),
        (None, Some(due)) => format!("Due {}", long_date(due)),
        (None, None) => "No date yet".to_string(),
    };
    format!("{}\nGoal: {}\n{when}", m.title, goal.title)
}

/// The role whose bar is at a point of the plot.
fn span_at(spans: &[RoleSpan], at: PlotPoint) -> Option<&RoleSpan> {
    spans.iter().find(|s| {
        (at.y - lane(s.stage)).abs() <= BAR_HALF_HEIGHT
            && at.x >= x_of(s.from)
            && at.x <= x_of(s.to)
    })
}

/// The hover label: a milestone near the pointer, else the role under it, and the date.
fn hover_text(
    hover: &HoverPosition<'_>,
    plan: &Plan,
    spans: &[RoleSpan],
    done: &[Dot<'_>],
    open: &[Dot<'_>],
    today: Date,
) -> Option<String> {
    let position = match *hover {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => {
            let dots = match plot_name {
                DONE_SERIES => done,
                OPEN_SERIES => open,
                _ => &[],
            };
            if let Some(d) = dots.get(index) {
                return Some(milestone_text(d.milestone, d.goal, today));
            }
            position
        }
        HoverPosition::Elsewhere { position } => position,
    };
    let day = long_date(date_at(position.x)?);
    let role = span_at(spans, position).and_then(|s| Some((s, plan.role(s.role)?)));
    Some(match role {
        Some((s, r)) => format!(
            "{} ({})\n{} to {}\n{day}",
            r.title,
            s.stage.label().to_lowercase(),
            s.from.strftime("%b %Y"),
            s.to.strftime("%b %Y"),
        ),
        None => day,
    })
}

/// The x range the roadmap fits to before any zoom: the roles, the milestones
/// and today, with four more days on each side when that is under two weeks.
/// An empty plan shows from half a year before today to a year and a half
/// after it, so it still has a calendar to read.
fn default_range(
    spans: &[RoleSpan],
    done: &[Dot<'_>],
    open: &[Dot<'_>],
    today: Date,
) -> (Date, Date) {
    let shift = |d: Date, span: jiff::Span| d.checked_add(span).unwrap_or(d);
    if spans.is_empty() && done.is_empty() && open.is_empty() {
        return (shift(today, (-6).months()), shift(today, 18.months()));
    }
    let dates = spans
        .iter()
        .flat_map(|s| [s.from, s.to])
        .chain(done.iter().chain(open).map(|d| d.at));
    let (lo, hi) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    if shift(lo, 14.days()) > hi {
        (shift(lo, (-4).days()), shift(hi, 4.days()))
    } else {
        (lo, hi)
    }
}

/// A new role of a stage, with sensible dates.
fn new_role(plan: &Plan, stage: Stage, today: Date) -> Role {
    let next_year = today.checked_add(1.year()).unwrap_or(today);
    Role {
        start: matches!(stage, Stage::Past | Stage::Current).then_some(today),
        target_date: matches!(stage, Stage::Next | Stage::LongTerm | Stage::Alternative)
            .then_some(next_year),
        ..Role::new(
            plan.new_role_id(),
            format!("New {} role", stage.label().to_lowercase()),
            stage,
        )
    }
}

/// The "why" statements, edited in place.
fn purpose_editor(ui: &mut egui::Ui, plan: &Plan, edits: &mut Vec<Edit>) {
    widgets::section(ui, "Why this path matters to you");
    ui.label(
        RichText::new("Shown on tough days. One statement a box; Enter adds the next.")
            .weak()
            .small(),
    );
    let mut purpose = plan.purpose.clone();
    let changed = widgets::text_list(ui, "Why", "\u{2795} Add a why", &mut purpose);
    if changed {
        edits.push(Edit::SetPurpose(purpose));
    }
}

/// The current role as a stepping stone: what it teaches and where it leads.
fn stepping_stone(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    let Some(current) = plan.current_role() else {
        if plan.roles.is_empty() {
            return; // the empty roadmap already says what to do first
        }
        ui.label("No role is marked current yet. Add one, or pick a role and choose \"Make this my current role\".");
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("Stepping stone: {}", current.title))
                    .strong()
                    .size(16.0),
            );
            let teaches: Vec<_> = current
                .teaches
                .skills
                .iter()
                .filter_map(|id| plan.skill(*id))
                .collect();
            if !teaches.is_empty() {
                ui.label("What it is teaching you:");
                egui::Grid::new("teaches").num_columns(3).show(ui, |ui| {
                    for s in teaches {
                        ui.label(&s.name);
                        let level = s.current_level(today);
                        widgets::level_bar(ui, level, s.target.map(|t| t.level));
                        ui.label(plan.level_names.name(level));
                        ui.end_row();
                    }
                });
            }
            for (what, list) in [
                ("Relationships", &current.teaches.relationships),
                ("Experiences", &current.teaches.experiences),
            ] {
                // A box just added and not yet filled in is not listed.
                let named: Vec<&str> = list
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                if !named.is_empty() {
                    ui.label(format!("{what}: {}", named.join("; ")));
                }
            }
            if let Some(end) = current.end {
                ui.label(format!("You plan to stay until {}.", end.strftime("%B %Y")));
            }
            for next in current.leads_to.iter().filter_map(|id| plan.role(*id)) {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!("Leads to: {} ({})", next.title, next.stage.label()))
                        .strong(),
                );
                let gaps = skill_gaps(plan, next, today);
                if next.requires.is_empty() {
                    ui.label("It does not list the skills it asks for yet; add them to see what is still to grow.");
                } else if gaps.is_empty() {
                    ui.label("Every skill it asks for is at the level it needs.");
                } else {
                    let text: Vec<String> = gaps
                        .iter()
                        .filter_map(|g| {
                            plan.skill(g.skill)
                                .map(|s| format!("{} {} \u{27a1} {}", s.name, g.have.0, g.need.0))
                        })
                        .collect();
                    ui.label(format!("Still to grow: {}", text.join(", ")));
                }
            }
        });
}

fn lane_name(y: f64) -> String {
    #[expect(clippy::float_cmp, reason = "grid marks sit exactly on whole lanes")]
    let name = Stage::ALL
        .iter()
        .find(|s| lane(**s) == y)
        .map(|s| s.label());
    match name {
        Some(n) => n.to_string(),
        None if (y - MILESTONE_LANE).abs() < 0.01 => "Milestones".to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_milestone_on_hover_names_itself_its_goal_and_its_date() {
        let today = Date::constant(2026, 11, 25);
        let goal = Goal::new(
            crate::model::GoalId(1),
            "Lead the residency",
            crate::model::GoalKind::Learning,
        );
        let mut m = Milestone::new(crate::model::MilestoneId(4), "Pass the CNE exam");
        m.due = Some(Date::constant(2026, 12, 3));
        assert_eq!(
            milestone_text(&m, &goal, today),
            "Pass the CNE exam\nGoal: Lead the residency\nDue 3 Dec 2026"
        );
        m.due = Some(Date::constant(2026, 11, 1));
        assert!(milestone_text(&m, &goal, today).ends_with("Due 1 Nov 2026, overdue"));
        m.done = Some(Date::constant(2026, 11, 20));
        assert!(milestone_text(&m, &goal, today).ends_with("Done 20 Nov 2026 (due 1 Nov 2026)"));
    }

    #[test]
    fn the_hovered_point_finds_its_own_milestone() {
        let today = Date::constant(2026, 11, 25);
        let mut plan = Plan::default();
        let mut g1 = Goal::new(
            crate::model::GoalId(1),
            "First goal",
            crate::model::GoalKind::Learning,
        );
        let mut a = Milestone::new(crate::model::MilestoneId(1), "A (done)");
        a.done = Some(Date::constant(2026, 1, 1));
        let mut b = Milestone::new(crate::model::MilestoneId(2), "B (to come)");
        b.due = Some(Date::constant(2027, 1, 1));
        let undated = Milestone::new(crate::model::MilestoneId(3), "Undated");
        g1.milestones = vec![a, undated, b];
        let mut g2 = Goal::new(
            crate::model::GoalId(2),
            "Second goal",
            crate::model::GoalKind::Learning,
        );
        let mut c = Milestone::new(crate::model::MilestoneId(4), "C (done)");
        c.done = Some(Date::constant(2026, 5, 1));
        g2.milestones = vec![c];
        plan.goals = vec![g1, g2];
        let (done, open) = milestone_dots(&plan);
        let hover = |name, index| {
            hover_text(
                &HoverPosition::NearDataPoint {
                    plot_name: name,
                    position: PlotPoint::new(0.0, MILESTONE_LANE),
                    index,
                },
                &plan,
                &[],
                &done,
                &open,
                today,
            )
            .unwrap_or_default()
        };
        assert!(hover(DONE_SERIES, 1).starts_with("C (done)\nGoal: Second goal"));
        assert!(hover(OPEN_SERIES, 0).starts_with("B (to come)\nGoal: First goal"));
        assert_eq!(
            hover(OPEN_SERIES, 1),
            "1 Jan 1970",
            "no such point: the date"
        );
    }

    #[test]
    fn hovering_a_role_bar_names_the_role_and_its_span() {
        let mut role = Role::new(RoleId(2), "Charge Nurse, 4 West", Stage::Past);
        role.start = Some(Date::constant(2019, 9, 30));
        role.end = Some(Date::constant(2022, 3, 25));
        let plan = Plan {
            roles: vec![role],
            ..Plan::default()
        };
        let today = Date::constant(2026, 11, 25);
        let spans = role_spans(&plan, today);
        let at = |d: Date, y: f64| HoverPosition::Elsewhere {
            position: PlotPoint::new(x_of(d) + 0.5, y),
        };
        let on_bar = at(Date::constant(2021, 1, 12), lane(Stage::Past) + 0.2);
        assert_eq!(
            hover_text(&on_bar, &plan, &spans, &[], &[], today).as_deref(),
            Some("Charge Nurse, 4 West (past)\nSep 2019 to Mar 2022\n12 Jan 2021")
        );
        let above = at(Date::constant(2021, 1, 12), lane(Stage::Past) + 0.5);
        assert_eq!(
            hover_text(&above, &plan, &spans, &[], &[], today).as_deref(),
            Some("12 Jan 2021")
        );
    }

    #[test]
    fn an_empty_plan_shows_two_years_around_today() {
        let today = Date::constant(2026, 11, 25);
        assert_eq!(
            default_range(&[], &[], &[], today),
            (Date::constant(2026, 5, 25), Date::constant(2028, 5, 25))
        );
        // The axis over that range, about 900 points wide, labels months and years.
        let marks = time_axis::calendar_marks(
            x_of(Date::constant(2026, 5, 25)),
            x_of(Date::constant(2028, 5, 25)),
            900.0,
        );
        let labels: Vec<&str> = marks
            .iter()
            .map(|m| m.label.as_str())
            .filter(|l| !l.is_empty())
            .collect();
        assert!(
            labels.contains(&"2027") && labels.contains(&"2028"),
            "{labels:?}"
        );
        assert!(
            labels.iter().filter(|l| **l == "Nov").count() <= 2,
            "{labels:?}"
        );
    }

    #[test]
    fn a_short_plan_fits_its_dates_with_a_few_days_around_them() {
        let today = Date::constant(2026, 6, 15);
        let span = |from, to| RoleSpan {
            role: RoleId(1),
            stage: Stage::Current,
            from,
            to,
        };
        let spans = [span(
            Date::constant(2026, 6, 8),
            Date::constant(2026, 6, 15),
        )];
        assert_eq!(
            default_range(&spans, &[], &[], today),
            (Date::constant(2026, 6, 4), Date::constant(2026, 6, 19))
        );
        let spans = [span(Date::constant(2019, 3, 1), Date::constant(2031, 1, 1))];
        assert_eq!(
            default_range(&spans, &[], &[], today),
            (Date::constant(2019, 3, 1), Date::constant(2031, 1, 1))
        );
    }

    #[test]
    fn far_zoomed_hover_has_no_date_rather_than_a_crash() {
        let hover = HoverPosition::Elsewhere {
            position: PlotPoint::new(1.0e12, 0.0),
        };
        assert_eq!(
            hover_text(&hover, &Plan::default(), &[], &[], &[], Date::MIN),
            None
        );
    }
}
