//! Roadmap: the roles on a time axis with the goals' milestones, the current
//! role as a stepping stone, your purpose, and an editor for the chosen role.

use super::ViewCtx;
use crate::model::{
    Edit, Item, ItemRef, Plan, Requirement, Role, RoleId, RoleSpan, Stage, role_spans, skill_gaps,
};
use crate::ui::widgets;
use egui::{Color32, RichText};
use egui_plot::{Arrows, Plot, PlotPoint, PlotPoints, Points, Polygon, Text, VLine};
use jiff::ToSpan;
use jiff::civil::Date;

/// The roadmap's state: which role is being edited.
#[derive(Default)]
pub struct RoadmapView {
    pub selected: Option<RoleId>,
}

const EPOCH: Date = Date::constant(1970, 1, 1);

/// Days since 1970, the plot's x coordinate.
fn x_of(d: Date) -> f64 {
    d.duration_since(EPOCH).as_secs_f64() / 86_400.0
}

fn date_of(x: f64) -> Option<Date> {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "plot x is a day count far inside i64"
    )]
    let days = x.round() as i64;
    // Zoomed far out, x can be beyond any date: no label then.
    EPOCH
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
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
                widgets::hint(ui, "Click a role on the roadmap to edit it.");
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
        self.timeline(ui, cx);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("stone")
            .show(ui, |ui| stepping_stone(ui, plan, cx.today));
    }

    fn timeline(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let plan = cx.plan;
        let spans = role_spans(plan, cx.today);
        let palette = Palette {
            dark: ui.visuals().dark_mode,
            text: ui.visuals().strong_text_color(),
            arrow: ui.visuals().weak_text_color(),
        };
        let height = (ui.available_height() * 0.55).clamp(220.0, 420.0);
        let response = Plot::new("roadmap")
            .height(height)
            .show_grid([true, false])
            .allow_boxed_zoom(false)
            .x_axis_formatter(|mark, range| axis_date(mark.value, range))
            .y_axis_formatter(|mark, _| lane_name(mark.value))
            .y_grid_spacer(|_| {
                (0..=5)
                    .map(|i| egui_plot::GridMark {
                        value: f64::from(i),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .include_y(-0.6)
            .include_y(MILESTONE_LANE + 0.6)
            .label_formatter(|hover| {
                let (egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position }) = hover;
                date_of(position.x).map(|d| d.strftime("%-d %b %Y").to_string())
            })
            .show(ui, |p| {
                draw_roles(p, plan, &spans, self.selected, &palette);
                draw_milestones(p, plan);
                p.vline(
                    VLine::new("Today", x_of(cx.today))
                        .color(Color32::from_rgb(220, 80, 80))
                        .width(1.5),
                );
                p.pointer_coordinate()
            });
        if response.response.clicked()
            && let Some(at) = response.inner
        {
            self.selected = spans
                .iter()
                .find(|s| {
                    (at.y - lane(s.stage)).abs() <= BAR_HALF_HEIGHT
                        && at.x >= x_of(s.from)
                        && at.x <= x_of(s.to)
                })
                .map(|s| s.role);
        }
        // Keyboard and screen-reader users pick a role from this row.
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

        widgets::section(ui, "What it teaches");
        let skills: Vec<_> = plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
        changed |= widgets::multi_pick(ui, "Skills:", &mut r.teaches.skills, &skills);
        changed |= widgets::lines_field(
            ui,
            "Relationships (one a line)",
            &mut r.teaches.relationships,
        );
        changed |= widgets::lines_field(ui, "Experiences (one a line)", &mut r.teaches.experiences);

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
                .stroke(egui::Stroke::new(stroke_width, colour)),
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

/// Milestones on their own lane: filled when done (at the done date), hollow when due.
fn draw_milestones(p: &mut egui_plot::PlotUi<'_>, plan: &Plan) {
    let (done, open): (Vec<_>, Vec<_>) = plan
        .goals
        .iter()
        .flat_map(|g| &g.milestones)
        .filter_map(|m| {
            m.done
                .or(m.due)
                .map(|d| (m.done.is_some(), [x_of(d), MILESTONE_LANE]))
        })
        .partition(|(is_done, _)| *is_done);
    let strip = |v: Vec<(bool, [f64; 2])>| v.into_iter().map(|(_, p)| p).collect::<Vec<_>>();
    p.points(
        Points::new("Milestones done", PlotPoints::new(strip(done)))
            .radius(5.0)
            .color(Color32::from_rgb(60, 170, 110))
            .filled(true),
    );
    p.points(
        Points::new("Milestones to come", PlotPoints::new(strip(open)))
            .radius(5.0)
            .color(Color32::from_rgb(200, 150, 60))
            .filled(false),
    );
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
        RichText::new("Shown on tough days. One statement a box.")
            .weak()
            .small(),
    );
    let mut purpose = plan.purpose.clone();
    let mut changed = false;
    let mut remove = None;
    for (i, why) in purpose.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let label = ui.label(format!("{}.", i + 1));
            // The button comes first so the text box can take the rest of the
            // width without pushing the panel wider every frame.
            if ui
                .small_button("\u{2716}")
                .on_hover_text("Remove this statement")
                .clicked()
            {
                remove = Some(i);
            }
            let response = ui
                .add(
                    egui::TextEdit::multiline(why)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if widgets::take_focus_request(ui.ctx(), ("why", i)) {
                response.request_focus();
            }
            changed |= response.changed();
        });
    }
    if let Some(i) = remove {
        purpose.remove(i);
        changed = true;
    }
    if ui.button("\u{2795} Add a why").clicked() {
        widgets::focus_later(ui.ctx(), ("why", purpose.len()));
        purpose.push(String::new());
        changed = true;
    }
    if changed {
        edits.push(Edit::SetPurpose(purpose));
    }
}

/// The current role as a stepping stone: what it teaches and where it leads.
fn stepping_stone(ui: &mut egui::Ui, plan: &Plan, today: Date) {
    let Some(current) = plan.current_role() else {
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
                if !list.is_empty() {
                    ui.label(format!("{what}: {}", list.join("; ")));
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

fn axis_date(x: f64, range: &std::ops::RangeInclusive<f64>) -> String {
    let Some(d) = date_of(x) else {
        return String::new();
    };
    if range.end() - range.start() > 3.0 * 365.0 {
        d.year().to_string()
    } else {
        d.strftime("%b %Y").to_string()
    }
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
    fn far_zoomed_axes_have_no_date_rather_than_a_crash() {
        assert_eq!(
            date_of(x_of(Date::constant(2026, 11, 25))),
            Some(Date::constant(2026, 11, 25))
        );
        assert_eq!(date_of(1.0e12), None);
        assert_eq!(date_of(-1.0e12), None);
        assert_eq!(axis_date(1.0e12, &(0.0..=2.0e12)), "");
    }
}
