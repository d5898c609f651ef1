//! The milestones' lane: a dot for each dated milestone, and the titles
//! that fit beside them.

use super::lanes::{LABEL_GAP_PX, MILESTONE_LANE, Scale, title_px, x_of};
use crate::model::{Goal, Milestone, Plan};
use egui::{Color32, RichText};
use egui_plot::{PlotPoint, PlotPoints, Points, Text};
use jiff::civil::Date;

/// Longer milestone titles are cut short beside their dot (hover shows all).
const LABEL_CHARS: usize = 32;

/// A milestone's dot on the roadmap: at its done date, or its due date if not done.
pub(super) struct Dot<'p> {
    pub(super) at: Date,
    pub(super) milestone: &'p Milestone,
    pub(super) goal: &'p Goal,
}

pub(super) const DONE_SERIES: &str = "Milestones done";
pub(super) const OPEN_SERIES: &str = "Milestones to come";

/// The dots of every dated milestone: (done, still to come), each in the
/// order their points are drawn, so a hovered point's index finds its milestone.
pub(super) fn milestone_dots(plan: &Plan) -> (Vec<Dot<'_>>, Vec<Dot<'_>>) {
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
pub(super) struct Label {
    /// Where the title starts (days).
    x: f64,
    text: String,
}

/// The milestone titles that fit beside their dots at this scale.
pub(super) fn milestone_labels(
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
pub(super) fn draw_milestones(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
