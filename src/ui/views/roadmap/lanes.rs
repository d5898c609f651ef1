//! The roadmap's lanes: where a date and a stage sit on the plot, the
//! roles' bars with the arrows along the path, and the target dates.

use crate::model::{Plan, Role, RoleId, RoleSpan, Stage};
use crate::time_axis::day_of;
use egui::{Color32, RichText};
use egui_plot::{Arrows, LineStyle, MarkerShape, PlotPoint, PlotPoints, Points, Polygon, Text};
use jiff::civil::Date;

/// The plot's x coordinate of a date (days since 1970).
pub(super) fn x_of(d: Date) -> f64 {
    day_of(d)
}

/// Lanes from top to bottom: milestones, then the path as a staircase.
pub(super) fn lane(stage: Stage) -> f64 {
    match stage {
        Stage::Past => 4.0,
        Stage::Current => 3.0,
        Stage::Next => 2.0,
        Stage::LongTerm => 1.0,
        Stage::Alternative => 0.0,
    }
}
pub(super) const MILESTONE_LANE: f64 = 5.0;
pub(super) const BAR_HALF_HEIGHT: f64 = 0.32;

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
pub(super) fn lane_name(y: f64) -> String {
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
/// Colours that depend on the theme.
pub(super) struct Palette {
    pub(super) dark: bool,
    pub(super) text: Color32,
    pub(super) arrow: Color32,
}

/// How wide a role's bar is drawn at least, in points: a future role known
/// only by its target date is a short bar starting there.
pub(super) const MIN_BAR_PX: f64 = 10.0;
/// The space between a milestone's dot and its title, in points.
pub(super) const LABEL_GAP_PX: f64 = 8.0;

/// The plot's scale, from the frame it drew last.
#[derive(Clone, Copy)]
pub(super) struct Scale {
    pub(super) days_per_px: f64,
    /// [`MIN_BAR_PX`] in days.
    pub(super) min_bar: f64,
}

/// A role in a lane that is not held yet.
pub(super) fn future(stage: Stage) -> bool {
    matches!(stage, Stage::Next | Stage::LongTerm | Stage::Alternative)
}

/// A role's bar on the x axis (days): its span, at least `min_bar` wide.
pub(super) fn bar_x(span: &RoleSpan, min_bar: f64) -> (f64, f64) {
    let (x0, x1) = (x_of(span.from), x_of(span.to));
    (x0, x1.max(x0 + min_bar))
}

/// Each role as a bar in its lane, with arrows along the path. A role not
/// held yet is lightly filled with a dashed outline.
pub(super) fn draw_roles(
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
pub(super) fn title_px(ctx: &egui::Context, text: &str) -> f64 {
    let font = egui::TextStyle::Small.resolve(&ctx.global_style());
    let width = ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, Color32::WHITE)
            .size()
            .x
    });
    f64::from(width)
}

/// A future role's target date, marked with a diamond in its lane.
pub(super) struct Target<'p> {
    pub(super) at: Date,
    pub(super) stage: Stage,
    pub(super) role: &'p Role,
}

/// The target dates of the roles not held yet, in the order they are drawn.
pub(super) fn target_marks<'p>(plan: &'p Plan, spans: &[RoleSpan]) -> Vec<Target<'p>> {
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
pub(super) fn target_series(stage: Stage) -> &'static str {
    match stage {
        Stage::Next => "Target dates: next",
        Stage::LongTerm => "Target dates: long-term",
        Stage::Alternative => "Target dates: option",
        Stage::Past | Stage::Current => "",
    }
}

pub(super) fn draw_targets(
    p: &mut egui_plot::PlotUi<'_>,
    targets: &[Target<'_>],
    palette: &Palette,
) {
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
