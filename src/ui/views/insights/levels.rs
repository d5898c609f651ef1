//! Skill levels over time against their targets.

use super::{Cx, InsightsView, PLOT_HEIGHT, key_colour, key_name, step};
use crate::model::insights::{Key, StackBy, level_steps};
use crate::model::{Plan, SkillId};
use crate::time_axis::{date_at, day_of};
use crate::ui::widgets::plots::{self, card, date_plot, fit, grey};
use egui::Ui;
use egui_plot::{LineStyle, MarkerShape, Points, VLine};

/// Skills shown in the level plot until the person picks others.
const DEFAULT_SKILLS: usize = 4;

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

/// "Level 3" for a level.
fn level_text(level: f64) -> String {
    format!("level {level:.0}")
}

/// Where each chosen skill's target line sits: at its level, nudged apart
/// (by a tenth of a level) from targets at the same level drawn before it.
pub(super) fn target_heights(levels: &[Option<u8>]) -> Vec<Option<f64>> {
    let mut seen: std::collections::BTreeMap<u8, u32> = std::collections::BTreeMap::new();
    levels
        .iter()
        .map(|l| {
            l.map(|l| {
                let before = seen.entry(l).or_default();
                // In tenths, so that 3 less a tenth is exactly 2.9.
                let tenths = (u32::from(l) * 10).saturating_sub(*before);
                *before += 1;
                f64::from(tenths) / 10.0
            })
        })
        .collect()
}

pub(super) fn levels(view: &mut InsightsView, ui: &mut Ui, cx: &Cx<'_>) {
    let plan = cx.plan;
    card(
        ui,
        "Skill levels",
        "Each skill's recorded level over time (0 none to 5 expert), from when you first recorded it; the dashed line at the same colour is its target.",
        |ui| {
            let chosen = view.skills.get_or_insert_with(|| default_skills(plan));
            let options: Vec<(SkillId, String)> =
                plan.skills.iter().map(|s| (s.id, s.name.clone())).collect();
            crate::ui::widgets::multi_pick(ui, "Skills:", chosen, &options);
            let chosen = chosen.clone();
            if chosen.is_empty() {
                ui.label("Pick skills to see their levels.");
                return;
            }
            let targets: Vec<Option<u8>> = chosen
                .iter()
                .map(|id| plan.skill(*id).and_then(|s| s.target.map(|t| t.level.0)))
                .collect();
            let heights = target_heights(&targets);
            let mut clicked = None;
            let shown = date_plot(
                "levels",
                cx.range,
                PLOT_HEIGHT,
                "Level (0 to 5)",
                level_text,
            )
            .include_y(0.0)
            .include_y(5.0)
            .show(ui, |p| {
                for (i, (id, height)) in chosen.iter().zip(&heights).enumerate() {
                    draw_skill(p, cx, *id, i, *height);
                }
                p.vline(VLine::new("Today", day_of(cx.today)).color(grey(p.ctx())));
                clicked = plots::clicked_at(p);
            });
            plots::name(&shown.response, "Skill levels over time (plot)");
            let items: Vec<_> = chosen
                .iter()
                .map(|id| {
                    (
                        key_colour(ui.ctx(), plan, Some(Key::Skill(*id))),
                        key_name(plan, Some(Key::Skill(*id)), StackBy::Skill),
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
                view.open_week_at(clicked, nearest.map(Key::Skill), cx.today);
            }
        },
    );
}

/// One skill: its line (thicker for the first ones, so two at one level
/// both show), each recorded level as a marker (one record still shows),
/// and its target as a dashed line at `height`.
fn draw_skill(
    p: &mut egui_plot::PlotUi<'_>,
    cx: &Cx<'_>,
    id: SkillId,
    i: usize,
    height: Option<f64>,
) {
    let (plan, (from, to)) = (cx.plan, cx.range);
    let Some(skill) = plan.skill(id) else {
        return;
    };
    let width = p.response().rect.width();
    let (line_width, radius) = match i {
        0 => (4.0, 5.5),
        1 => (2.5, 4.0),
        _ => (1.5, 3.0),
    };
    let c = key_colour(p.ctx(), plan, Some(Key::Skill(id)));
    let mut steps: Vec<[f64; 2]> = level_steps(plan, id, from, cx.today)
        .into_iter()
        .map(|(d, l)| [day_of(d), f64::from(l)])
        .collect();
    p.points(
        Points::new(skill.name.clone(), fit(&steps, width))
            .shape(MarkerShape::Circle)
            .radius(radius)
            .filled(true)
            .color(c),
    );
    // The level holds until today.
    if let Some(&[x, y]) = steps.last()
        && x < day_of(cx.today)
    {
        steps.push([day_of(cx.today), y]);
    }
    p.line(
        plots::line(skill.name.clone(), fit(&step(&steps), width))
            .color(c)
            .width(line_width),
    );
    if let (Some(t), Some(h)) = (skill.target, height) {
        let by =
            t.by.map(|d| format!(" by {}", d.strftime("%b %Y")))
                .unwrap_or_default();
        p.line(
            plots::line(
                format!("{} target: level {}{by}", skill.name, t.level.0),
                vec![[day_of(from), h], [day_of(to), h]],
            )
            .style(LineStyle::dashed_loose())
            .color(c.gamma_multiply(0.8))
            .width(1.5),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_at_the_same_level_are_drawn_apart() {
        assert_eq!(
            target_heights(&[Some(3), None, Some(3), Some(4), Some(3)]),
            [Some(3.0), None, Some(2.9), Some(4.0), Some(2.8)]
        );
    }
}
