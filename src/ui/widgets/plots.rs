//! What every Insights plot shares: its frame (title and a line saying what
//! it means), a date-axis plot with a legend, colours that read in the dark
//! and the light theme, and decimation of long series, so no series hands
//! `egui_plot` more than 4 points per pixel column of the plot.

use crate::time_axis;
use egui::{Color32, RichText, Ui};
use egui_plot::Plot;
use jiff::civil::Date;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The most points one series may have per point of the plot's width.
pub const POINTS_PER_PIXEL: usize = 4;

/// The largest number of points handed to `egui_plot` in one series so far
/// (for `bench_frames`).
static MOST_POINTS: AtomicUsize = AtomicUsize::new(0);

/// The largest number of points one series has handed to `egui_plot`.
pub fn most_points() -> usize {
    MOST_POINTS.load(Ordering::Relaxed)
}

/// Notes a series of `n` points about to be drawn.
pub fn count_points(n: usize) {
    MOST_POINTS.fetch_max(n, Ordering::Relaxed);
}

/// Colour-blind-safe colours (Okabe and Ito), each in a shade for the dark
/// theme and one for the light theme.
const PALETTE: [(Color32, Color32); 7] = [
    (
        Color32::from_rgb(86, 180, 233),
        Color32::from_rgb(0, 114, 178),
    ),
    (
        Color32::from_rgb(230, 159, 0),
        Color32::from_rgb(176, 112, 0),
    ),
    (
        Color32::from_rgb(0, 158, 115),
        Color32::from_rgb(0, 122, 88),
    ),
    (
        Color32::from_rgb(204, 121, 167),
        Color32::from_rgb(168, 72, 128),
    ),
    (
        Color32::from_rgb(240, 228, 66),
        Color32::from_rgb(128, 112, 0),
    ),
    (Color32::from_rgb(213, 94, 0), Color32::from_rgb(170, 68, 0)),
    (
        Color32::from_rgb(170, 170, 170),
        Color32::from_rgb(96, 96, 96),
    ),
];

/// The `i`th series colour for the current theme.
pub fn colour(ctx: &egui::Context, i: usize) -> Color32 {
    let (dark, light) = PALETTE[i % PALETTE.len()];
    if ctx.global_style().visuals.dark_mode {
        dark
    } else {
        light
    }
}

/// The colour of "nothing linked" or other background series.
pub fn grey(ctx: &egui::Context) -> Color32 {
    colour(ctx, PALETTE.len() - 1)
}

/// A plot's frame: its title, then a short line saying what it means, then
/// the plot (or whatever `add` draws).
pub fn card<R>(ui: &mut Ui, title: &str, meaning: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().size(15.0));
            ui.label(RichText::new(meaning).weak());
            add(ui)
        })
        .inner
}

/// A plot over the dates `from..=to` (x in days, see `time_axis::day_of`)
/// with labelled axes, no scroll capture (the page scrolls), and zoom by
/// Ctrl+scroll. Its id holds its dates, so a new window of dates is shown
/// whole rather than at an old zoom. Hovering a line or point says its
/// series, day and value (`y_text`). Its legend goes below it ([`legend`]),
/// where it covers no data.
pub fn date_plot<'a>(
    name: &str,
    (from, to): (Date, Date),
    height: f32,
    y_label: &str,
    y_text: fn(f64) -> String,
) -> Plot<'a> {
    let (x0, x1) = (time_axis::day_of(from), time_axis::day_of(to));
    date_axis(
        Plot::new(egui::IdSalt::new((name, from, to)))
            .height(height)
            .allow_scroll(false)
            .default_x_bounds(x0, x1.max(x0 + 1.0))
            .y_axis_label(y_label.to_string())
            .label_formatter(move |hover| {
                let (series, at) = match hover {
                    egui_plot::HoverPosition::NearDataPoint {
                        plot_name,
                        position,
                        ..
                    } => (*plot_name, *position),
                    egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
                };
                let day = time_axis::date_at(at.x)?.strftime("%a %-d %b %Y");
                Some(if series.is_empty() {
                    day.to_string()
                } else {
                    format!("{series}\n{day}: {}", y_text(at.y))
                })
            }),
    )
    .x_axis_label("Date")
}

/// A line through `points`, drawn as the path it is: `egui_plot`'s "band"
/// shortcut would fill the corners of step lines.
pub fn line(name: impl Into<String>, points: Vec<[f64; 2]>) -> egui_plot::Line<'static> {
    egui_plot::Line::new(name, points).allow_band(false)
}

/// A plot's legend, below it: a coloured square and a name for each series.
pub fn legend(ui: &mut Ui, items: &[(Color32, String)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (c, name) in items {
            ui.label(RichText::new("\u{25a0}").color(*c));
            ui.label(name.as_str());
            ui.add_space(8.0);
        }
    });
}

/// Bars filled solidly in `c` (`egui_plot`'s default fill is faint).
pub fn solid(bars: Vec<egui_plot::Bar>, c: Color32) -> Vec<egui_plot::Bar> {
    bars.into_iter()
        .map(|b| {
            b.fill(c.gamma_multiply(0.85))
                .stroke(egui::Stroke::new(1.0, c))
        })
        .collect()
}

/// Where the plot was clicked this frame, in plot coordinates.
pub fn clicked_at(p: &egui_plot::PlotUi<'_>) -> Option<egui_plot::PlotPoint> {
    p.response()
        .clicked()
        .then(|| p.pointer_coordinate())
        .flatten()
}

/// Gives a shown plot an accessible name (screen readers, tests).
pub fn name(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
}

/// At most `max` points (at least 4) standing for `points` (sorted by x):
/// the first and last point of each of `max / 4` buckets, and its lowest and
/// highest, in x order. Peaks survive; a short series comes back whole.
pub fn decimate(points: &[[f64; 2]], max: usize) -> Vec<[f64; 2]> {
    let max = max.max(4);
    if points.len() <= max {
        return points.to_vec();
    }
    let buckets = max / 4;
    let size = points.len().div_ceil(buckets);
    let mut out = Vec::with_capacity(max);
    for chunk in points.chunks(size) {
        let (mut lo, mut hi) = (0, 0);
        for (i, p) in chunk.iter().enumerate() {
            if p[1] < chunk[lo][1] {
                lo = i;
            }
            if p[1] > chunk[hi][1] {
                hi = i;
            }
        }
        let mut keep = [0, lo, hi, chunk.len() - 1];
        keep.sort_unstable();
        let mut last = None;
        for i in keep {
            if last != Some(i) {
                out.push(chunk[i]);
                last = Some(i);
            }
        }
    }
    out
}

/// `points` decimated for a plot `width` points wide, and counted.
pub fn fit(points: &[[f64; 2]], width: f32) -> Vec<[f64; 2]> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a width in points, small and positive"
    )]
    let max = (width.max(1.0) as usize) * POINTS_PER_PIXEL;
    let out = decimate(points, max);
    count_points(out.len());
    out
}

/// Puts the calendar axis on a plot's x axis: grid lines from
/// [`calendar_marks`](crate::time_axis::calendar_marks) and their labels. The plot's x values must be days as
/// [`day_of`](crate::time_axis::day_of) gives them. It sets the main x axis, so set its title after:
/// `date_axis(Plot::new("hours")).x_axis_label("Week")`. For hover labels,
/// [`date_at`](crate::time_axis::date_at) turns a plot x back into a date.
pub fn date_axis(plot: egui_plot::Plot<'_>) -> egui_plot::Plot<'_> {
    use std::cell::RefCell;
    use std::rc::Rc;
    // The spacer computes the marks with their labels; the formatter, called
    // after it in the same frame, looks each label up by its mark's value.
    let labels: Rc<RefCell<Vec<(u64, String)>>> = Rc::default();
    let for_formatter = Rc::clone(&labels);
    let spacing = time_axis::MIN_LINE_SPACING;
    plot.grid_spacing(spacing..=300.0)
        .x_grid_spacer(move |input| {
            let (first, last) = input.bounds;
            // `base_step_size` is the plot distance of `spacing` points.
            let width = (last - first) / input.base_step_size * f64::from(spacing);
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a width in points; calendar_marks caps and checks it"
            )]
            let marks = time_axis::calendar_marks(first, last, width as f32);
            let grid = marks
                .iter()
                .map(|m| egui_plot::GridMark {
                    value: m.day,
                    step_size: m.step_days,
                })
                .collect();
            if let Ok(mut l) = labels.try_borrow_mut() {
                *l = marks
                    .into_iter()
                    .filter(|m| !m.label.is_empty())
                    .map(|m| (m.day.to_bits(), m.label))
                    .collect();
            }
            grid
        })
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .formatter(move |mark, _| {
                    for_formatter
                        .try_borrow()
                        .ok()
                        .and_then(|l| {
                            l.iter()
                                .find(|(bits, _)| *bits == mark.value.to_bits())
                                .map(|(_, text)| text.clone())
                        })
                        .unwrap_or_default()
                })
                // The marks already leave room for their labels: show every one.
                .label_spacing(1.0..=2.0),
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_series_stay_whole_and_long_ones_keep_their_peaks() {
        let short: Vec<[f64; 2]> = (0..10).map(|i| [f64::from(i), 1.0]).collect();
        assert_eq!(decimate(&short, 40), short);

        let long: Vec<[f64; 2]> = (0..100_000)
            .map(|i| {
                [
                    f64::from(i),
                    if i == 54_321 { 99.0 } else { f64::from(i % 7) },
                ]
            })
            .collect();
        let out = decimate(&long, 400);
        assert!(out.len() <= 400, "{}", out.len());
        assert!(out.contains(&[54_321.0, 99.0]), "the peak survives");
        assert_eq!(out.first(), long.first());
        assert_eq!(out.last(), long.last());
        assert!(out.windows(2).all(|w| w[0][0] < w[1][0]), "in x order");
    }

    #[test]
    fn fit_caps_points_at_four_a_pixel() {
        let long: Vec<[f64; 2]> = (0..50_000).map(|i| [f64::from(i), 0.0]).collect();
        let n = fit(&long, 300.0).len();
        assert!((300..=1200).contains(&n), "{n} points for 300 pixels");
        assert!(most_points() >= n, "counted");
    }
}
