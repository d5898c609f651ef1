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
use egui_plot::{
    Arrows, HoverPosition, LineStyle, MarkerShape, Plot, PlotMemory, PlotPoint, PlotPoints, Points,
    Polygon, Text, VLine,
};
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
        let targets = target_marks(plan, &spans);
        let palette = Palette {
            dark: ui.visuals().dark_mode,
            text: ui.visuals().strong_text_color(),
            arrow: ui.visuals().weak_text_color(),
        };
        let (from, to) = default_range(&spans, &done, &open, cx.today);
        // The scale the plot drew at last (or will draw at first), to keep
        // short bars clickable and milestone titles apart.
        let days_per_px = PlotMemory::load(ui.ctx(), egui::Id::unique(PLOT_ID)).map_or_else(
            || {
                (x_of(to) - x_of(from)).max(1.0)
                    / f64::from((ui.available_width() - 80.0).max(100.0))
            },
            |m| 1.0 / m.transform().dpos_dvalue_x().max(f64::MIN_POSITIVE),
        );
        let scale = Scale {
            min_bar: MIN_BAR_PX * days_per_px,
            days_per_px,
        };
        let labels = milestone_labels(ui.ctx(), &done, &open, scale);
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
            .label_formatter(|hover| {
                let dots = Dots {
                    done: &done,
                    open: &open,
                    targets: &targets,
                };
                hover_text(hover, plan, &spans, &dots, scale.min_bar, cx.today)
            });
        let response = crate::ui::plots::date_axis(plot).show(ui, |p| {
            draw_roles(p, plan, &spans, self.selected, &palette, scale);
            draw_targets(p, &targets, &palette);
            draw_milestones(p, &done, &open, &labels, palette.text);
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
            self.selected = span_at(&spans, at, scale.min_bar).map(|s| s.role);
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

/// How wide a role's bar is drawn at least, in points: a future role known
/// only by its target date is a short bar starting there.
const MIN_BAR_PX: f64 = 10.0;
/// The space between a milestone's dot and its title, in points.
const LABEL_GAP_PX: f64 = 8.0;
/// Longer milestone titles are cut short beside their dot (hover shows all).
const LABEL_CHARS: usize = 32;

/// The plot's scale, from the frame it drew last.
#[derive(Clone, Copy)]
struct Scale {
    days_per_px: f64,
    /// [`MIN_BAR_PX`] in days.
    min_bar: f64,
}

/// A role in a lane that is not held yet.
fn future(stage: Stage) -> bool {
    matches!(stage, Stage::Next | Stage::LongTerm | Stage::Alternative)
}

/// A role's bar on the x axis (days): its span, at least `min_bar` wide.
fn bar_x(span: &RoleSpan, min_bar: f64) -> (f64, f64) {
    let (x0, x1) = (x_of(span.from), x_of(span.to));
    (x0, x1.max(x0 + min_bar))
}

/// Each role as a bar in its lane, with arrows along the path. A role not
/// held yet is lightly filled with a dashed outline.
fn draw_roles(
    p: &mut egui_plot::PlotUi<'_>,
    plan: &Plan,
    spans: &[RoleSpan],
    selected: Option<RoleId>,
    palette: &Palette,
    scale: Scale,
) {
    for s in spans {
        let Some(role) = plan.role(s.role) else {
            continue;
        };
        let (x0, x1) = bar_x(s, scale.min_bar);
        let y = lane(s.stage);
        let selected = selected == Some(s.role);
        let colour = stage_colour(s.stage, palette.dark);
        // Drawn only where it shows (and a little beyond): a dashed outline
        // millions of points long, zoomed in, would be millions of dashes.
        let shown = p.plot_bounds();
        let margin = 20.0 * scale.days_per_px;
        let (left, right) = (
            x0.max(shown.min()[0] - margin),
            x1.min(shown.max()[0] + margin),
        );
        let corners = vec![
            [left, y - BAR_HALF_HEIGHT],
            [right, y - BAR_HALF_HEIGHT],
            [right, y + BAR_HALF_HEIGHT],
            [left, y + BAR_HALF_HEIGHT],
        ];
        let stroke_width = if selected { 3.0 } else { 1.0 };
        let (fill, style) = match s.stage {
            Stage::Current => (0.8, LineStyle::Solid),
            Stage::Past => (0.45, LineStyle::Solid),
            Stage::Next | Stage::LongTerm | Stage::Alternative => {
                (0.15, LineStyle::Dashed { length: 6.0 })
            }
        };
        if left < right {
            p.polygon(
                Polygon::new(role.title.clone(), PlotPoints::new(corners))
                    .fill_color(colour.gamma_multiply(fill))
                    .stroke(egui::Stroke::new(stroke_width, colour))
                    .style(style)
                    // Hovering anywhere on the bar describes it (see `hover_text`).
                    .allow_hover(false),
            );
        }
        // A title wider than its bar goes beside it, on the side with room.
        let title = RichText::new(&role.title).color(palette.text);
        let width = title_px(p.ctx(), &role.title) * scale.days_per_px;
        let gap = LABEL_GAP_PX * scale.days_per_px;
        // Centred on the part of the bar in view, so a long bar zoomed
        // into keeps its title on screen.
        let middle = if left < right {
            f64::midpoint(left, right)
        } else {
            f64::midpoint(x0, x1)
        };
        let (at, anchor) = if width <= x1 - x0 {
            (middle, egui::Align2::CENTER_CENTER)
        } else if x1 + gap + width <= shown.max()[0] {
            (x1 + gap, egui::Align2::LEFT_CENTER)
        } else if x0 - gap - width >= shown.min()[0] {
            (x0 - gap, egui::Align2::RIGHT_CENTER)
        } else {
            (middle, egui::Align2::CENTER_CENTER)
        };
        let text = Text::new(role.title.clone(), PlotPoint::new(at, y), title).anchor(anchor);
        p.text(text.allow_hover(false));
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

/// The width of a plot text (`egui_plot` draws them small), in points.
fn title_px(ctx: &egui::Context, text: &str) -> f64 {
    let font = egui::TextStyle::Small.resolve(&ctx.global_style());
    let width = ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, Color32::WHITE)
            .size()
            .x
    });
    f64::from(width)
}

/// A future role's target date, marked with a diamond in its lane.
struct Target<'p> {
    at: Date,
    stage: Stage,
    role: &'p Role,
}

/// The target dates of the roles not held yet, in the order they are drawn.
fn target_marks<'p>(plan: &'p Plan, spans: &[RoleSpan]) -> Vec<Target<'p>> {
    spans
        .iter()
        .filter(|s| future(s.stage))
        .filter_map(|s| {
            let role = plan.role(s.role)?;
            Some(Target {
                at: role.target_date?,
                stage: s.stage,
                role,
            })
        })
        .collect()
}

/// The hover name of a stage's target dates (one series a stage, in its colour).
fn target_series(stage: Stage) -> &'static str {
    match stage {
        Stage::Next => "Target dates: next",
        Stage::LongTerm => "Target dates: long-term",
        Stage::Alternative => "Target dates: option",
        Stage::Past | Stage::Current => "",
    }
}

fn draw_targets(p: &mut egui_plot::PlotUi<'_>, targets: &[Target<'_>], palette: &Palette) {
    for stage in [Stage::Next, Stage::LongTerm, Stage::Alternative] {
        let points: Vec<[f64; 2]> = targets
            .iter()
            .filter(|t| t.stage == stage)
            .map(|t| [x_of(t.at), lane(stage)])
            .collect();
        if points.is_empty() {
            continue;
        }
        p.points(
            Points::new(target_series(stage), PlotPoints::new(points))
                .shape(MarkerShape::Diamond)
                .radius(6.0)
                .filled(true)
                .color(stage_colour(stage, palette.dark)),
        );
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

/// A milestone title kept beside its dot.
struct Label {
    /// Where the title starts (days).
    x: f64,
    text: String,
}

/// The milestone titles that fit beside their dots at this scale.
fn milestone_labels(
    ctx: &egui::Context,
    done: &[Dot<'_>],
    open: &[Dot<'_>],
    scale: Scale,
) -> Vec<Label> {
    let mut dots: Vec<(f64, String)> = done
        .iter()
        .chain(open)
        .map(|d| (x_of(d.at), short_title(&d.milestone.title)))
        .collect();
    dots.sort_by(|a, b| a.0.total_cmp(&b.0));
    let xs: Vec<f64> = dots.iter().map(|d| d.0).collect();
    let widths: Vec<f64> = dots
        .iter()
        .map(|d| title_px(ctx, &d.1) * scale.days_per_px)
        .collect();
    let gap = LABEL_GAP_PX * scale.days_per_px;
    let keep = labels_that_fit(&xs, &widths, gap);
    dots.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((x, text), _)| Label { x: x + gap, text })
        .collect()
}

/// A title cut to [`LABEL_CHARS`] characters, with an ellipsis when cut.
fn short_title(title: &str) -> String {
    let title = title.trim();
    if title.chars().count() <= LABEL_CHARS {
        return title.to_string();
    }
    let cut: String = title.chars().take(LABEL_CHARS - 1).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// Which dots keep their title beside them, for dots in date order (`xs`,
/// in days) and each title's width (days): a title starts `gap` after its
/// dot and is kept only if it ends `gap` before the next dot, so titles
/// never overlap one another or hide a dot. Dots too close together (or a
/// plot zoomed far out) keep their titles for hover only.
fn labels_that_fit(xs: &[f64], widths: &[f64], gap: f64) -> Vec<bool> {
    xs.iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (x, w))| {
            let next = xs.get(i + 1).copied().unwrap_or(f64::INFINITY);
            x + gap + w + gap <= next
        })
        .collect()
}

/// Milestones on their own lane: filled when done (at the done date), hollow
/// when due, with their titles where there is room.
fn draw_milestones(
    p: &mut egui_plot::PlotUi<'_>,
    done: &[Dot<'_>],
    open: &[Dot<'_>],
    labels: &[Label],
    text: Color32,
) {
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
    for l in labels {
        p.text(
            Text::new(
                "Milestone title",
                PlotPoint::new(l.x, MILESTONE_LANE),
                RichText::new(&l.text).color(text),
            )
            .anchor(egui::Align2::LEFT_CENTER)
            .allow_hover(false),
        );
    }
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

/// The role whose bar (at least `min_bar` days wide) is at a point of the plot.
fn span_at(spans: &[RoleSpan], at: PlotPoint, min_bar: f64) -> Option<&RoleSpan> {
    spans.iter().find(|s| {
        let (x0, x1) = bar_x(s, min_bar);
        (at.y - lane(s.stage)).abs() <= BAR_HALF_HEIGHT && at.x >= x0 && at.x <= x1
    })
}

/// What the plot's points are, for their hover text.
struct Dots<'a, 'p> {
    done: &'a [Dot<'p>],
    open: &'a [Dot<'p>],
    targets: &'a [Target<'p>],
}

/// The hover label: a milestone or target date near the pointer, else the
/// role under it, and the date.
fn hover_text(
    hover: &HoverPosition<'_>,
    plan: &Plan,
    spans: &[RoleSpan],
    dots: &Dots<'_, '_>,
    min_bar: f64,
    today: Date,
) -> Option<String> {
    let position = match *hover {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => {
            let milestones = match plot_name {
                DONE_SERIES => dots.done,
                OPEN_SERIES => dots.open,
                _ => &[],
            };
            if let Some(d) = milestones.get(index) {
                return Some(milestone_text(d.milestone, d.goal, today));
            }
            let target = dots
                .targets
                .iter()
                .filter(|t| target_series(t.stage) == plot_name)
                .nth(index);
            if let Some(t) = target {
                return Some(format!(
                    "{}\nHope to start by {}",
                    t.role.title,
                    t.at.strftime("%b %Y")
                ));
            }
            position
        }
        HoverPosition::Elsewhere { position } => position,
    };
    let day = long_date(date_at(position.x)?);
    let role = span_at(spans, position, min_bar).and_then(|s| Some((s, plan.role(s.role)?)));
    Some(match role {
        Some((s, r)) => format!("{}\n{day}", role_text(s, r)),
        None => day,
    })
}

/// What a role's bar says on hover: its title and stage, and its span; a
/// role not held yet says so, with when it is hoped for.
fn role_text(s: &RoleSpan, r: &Role) -> String {
    let month = |d: Date| d.strftime("%b %Y").to_string();
    let stage = s.stage.label().to_lowercase();
    if !future(s.stage) {
        return format!(
            "{} ({stage})\n{} to {}",
            r.title,
            month(s.from),
            month(s.to)
        );
    }
    let when = match r.target_date {
        Some(t) if s.from < t => format!("from {}, hope to start by {}", month(s.from), month(t)),
        Some(t) => format!("hope to start by {}", month(t)),
        None => format!("from {} (no target date)", month(s.from)),
    };
    format!("{} ({stage}, not held yet)\n{when}", r.title)
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

    const NO_DOTS: Dots<'static, 'static> = Dots {
        done: &[],
        open: &[],
        targets: &[],
    };

    /// A current role from 2024 leading to a next role hoped for by June
    /// 2028, the current role ending when `current_end` says.
    fn path(current_end: Option<Date>) -> Plan {
        let mut current = Role::new(RoleId(1), "Clinical educator", Stage::Current);
        current.start = Some(Date::constant(2024, 1, 8));
        current.end = current_end;
        current.leads_to = vec![RoleId(2)];
        let mut next = Role::new(RoleId(2), "Program manager", Stage::Next);
        next.target_date = Some(Date::constant(2028, 6, 1));
        Plan {
            roles: vec![current, next],
            ..Plan::default()
        }
    }

    #[test]
    fn a_future_role_is_not_drawn_as_held_today() {
        let today = Date::constant(2026, 11, 25);
        let hover = |plan: &Plan, d: Date, stage: Stage| {
            let spans = role_spans(plan, today);
            let at = HoverPosition::Elsewhere {
                position: PlotPoint::new(x_of(d) + 0.5, lane(stage)),
            };
            hover_text(&at, plan, &spans, &NO_DOTS, 10.0, today).unwrap_or_default()
        };
        // The current role has no planned end: the next role is a short
        // bar at its target date, nothing before it.
        let plan = path(None);
        let spans = role_spans(&plan, today);
        let target = x_of(Date::constant(2028, 6, 1));
        assert_eq!(bar_x(&spans[1], 10.0), (target, target + 10.0));
        assert_eq!(hover(&plan, today, Stage::Next), "25 Nov 2026");
        assert_eq!(
            hover(&plan, Date::constant(2028, 6, 3), Stage::Next),
            "Program manager (next, not held yet)\nhope to start by Jun 2028\n3 Jun 2028"
        );
        // The current role ends in March 2027: the next one starts there.
        let plan = path(Some(Date::constant(2027, 3, 31)));
        let spans = role_spans(&plan, today);
        assert_eq!(
            bar_x(&spans[1], 10.0),
            (x_of(Date::constant(2027, 3, 31)), target)
        );
        assert_eq!(hover(&plan, today, Stage::Next), "25 Nov 2026");
        assert_eq!(
            hover(&plan, Date::constant(2027, 9, 1), Stage::Next),
            "Program manager (next, not held yet)\nfrom Mar 2027, hope to start by Jun 2028\n1 Sep 2027"
        );
        // The roles held say so plainly.
        assert_eq!(
            hover(&plan, today, Stage::Current),
            "Clinical educator (current)\nJan 2024 to Mar 2027\n25 Nov 2026"
        );
    }

    #[test]
    fn a_future_roles_target_date_is_marked_and_named_on_hover() {
        let today = Date::constant(2026, 11, 25);
        let plan = path(None);
        let spans = role_spans(&plan, today);
        let targets = target_marks(&plan, &spans);
        let marked: Vec<(Date, Stage)> = targets.iter().map(|t| (t.at, t.stage)).collect();
        assert_eq!(marked, [(Date::constant(2028, 6, 1), Stage::Next)]);
        let dots = Dots {
            done: &[],
            open: &[],
            targets: &targets,
        };
        let near = HoverPosition::NearDataPoint {
            plot_name: target_series(Stage::Next),
            position: PlotPoint::new(x_of(Date::constant(2028, 6, 1)), lane(Stage::Next)),
            index: 0,
        };
        assert_eq!(
            hover_text(&near, &plan, &spans, &dots, 10.0, today).as_deref(),
            Some("Program manager\nHope to start by Jun 2028")
        );
    }

    #[test]
    fn milestone_titles_that_would_overlap_are_left_to_hover() {
        // Dots at 0, 10, 100, 100.5 and 300 days; titles 20 days wide, 2 days from their dot.
        let xs = [0.0, 10.0, 100.0, 100.5, 300.0];
        let widths = [20.0, 20.0, 20.0, 20.0, 20.0];
        assert_eq!(
            labels_that_fit(&xs, &widths, 2.0),
            [false, true, false, true, true],
            "a title that would reach the next dot (or its title) gives way"
        );
        // Zoomed far out, the same titles are wider than the gaps: only the last stays.
        let wide = [200.0; 5];
        assert_eq!(
            labels_that_fit(&xs, &wide, 2.0),
            [false, false, false, false, true]
        );
        assert_eq!(short_title("  Pass the CNE exam "), "Pass the CNE exam");
        let long = short_title("Present the new-graduate residency outcomes to the nursing board");
        assert_eq!(long.chars().count(), LABEL_CHARS);
        assert!(long.ends_with('\u{2026}'), "{long}");
    }

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
                &Dots {
                    done: &done,
                    open: &open,
                    targets: &[],
                },
                0.0,
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
            hover_text(&on_bar, &plan, &spans, &NO_DOTS, 0.0, today).as_deref(),
            Some("Charge Nurse, 4 West (past)\nSep 2019 to Mar 2022\n12 Jan 2021")
        );
        let above = at(Date::constant(2021, 1, 12), lane(Stage::Past) + 0.5);
        assert_eq!(
            hover_text(&above, &plan, &spans, &NO_DOTS, 0.0, today).as_deref(),
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
            hover_text(&hover, &Plan::default(), &[], &NO_DOTS, 0.0, Date::MIN),
            None
        );
    }
}
