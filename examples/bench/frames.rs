//! Time per frame through the kittest harness (no display), with the sample
//! plan and with a 100,000-entry plan, to show how cost grows with the plan:
//! the median time of one `step()` (layout, drawing and the app's own work
//! on one thread) over several batches of frames, in milliseconds. Names
//! without `_sample` are the 100,000-entry plan.

use crate::common::Figure;
use egui_kittest::Harness;
use jiff::civil::date;
use std::time::Instant;
use stepstone::model::{Edit, EntryId, ExperienceKind, Item, LogEntry, Plan, SkillId};
use stepstone::ui::commands::View;
use stepstone::ui::storage::AppDirs;
use stepstone::ui::{App, Settings};

/// A figure's name made at run time, kept for the run's length.
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

const WARM_UP: usize = 10;
const BATCHES: usize = 7;
/// Edits timed one by one, for their median: single edits are noisy.
const EDITS: usize = 51;
const FRAMES_PER_BATCH: usize = 20;
const BIG: usize = 100_000;
/// A window tall enough to show every Insights plot without scrolling.
const INSIGHTS_HEIGHT: f32 = 2600.0;

fn harness(dir: &std::path::Path, plan: Plan) -> Harness<'static, App> {
    harness_sized(dir, plan, 800.0)
}

/// An app window `height` points tall (tall enough to show every plot).
fn harness_sized(dir: &std::path::Path, plan: Plan, height: f32) -> Harness<'static, App> {
    let dirs = AppDirs::in_folder(dir);
    Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .build_eframe(move |_cc| {
            App::from_plan(
                plan,
                Settings {
                    dirs,
                    native_dialogs: false,
                    today: Some(date(2026, 11, 25)),
                    welcome: false,
                    live_sample: false,
                },
            )
        })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The median per-frame time of `h` as it stands, in milliseconds.
fn frame_ms(h: &mut Harness<'_, App>) -> f64 {
    for _ in 0..WARM_UP {
        h.step();
    }
    median(
        (0..BATCHES)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..FRAMES_PER_BATCH {
                    h.step();
                }
                t.elapsed().as_secs_f64() * 1000.0 / FRAMES_PER_BATCH as f64
            })
            .collect(),
    )
}

/// Opens the Log view scrolled to the middle, optionally with a text filter.
fn log_ms(h: &mut Harness<'_, App>, filter: &str) -> f64 {
    h.state_mut().set_view(View::Log);
    h.state_mut().views_mut().log.filter.text = filter.to_string();
    h.step(); // build the rows
    let middle = h.state_mut().views_mut().log.shown() / 2;
    h.state_mut().views_mut().log.scroll_to_row(middle);
    frame_ms(h)
}

fn today_ms(h: &mut Harness<'_, App>) -> f64 {
    h.state_mut().set_view(View::Today);
    frame_ms(h)
}

/// The median time of `EDITS` edits on the Log view, each putting the
/// entry `entry(app, i)` and drawing the next frame, in milliseconds.
fn edits_ms(h: &mut Harness<'_, App>, mut entry: impl FnMut(&App, u32) -> LogEntry) -> f64 {
    h.state_mut().set_view(View::Log);
    h.state_mut().views_mut().log.filter.text.clear();
    frame_ms(h);
    median(
        (0..u32::try_from(EDITS).expect("a few"))
            .map(|i| {
                let edit = Edit::Put(Item::Entry(entry(h.state(), i)));
                let t = Instant::now();
                h.state_mut().apply_edit(edit).expect("applies");
                h.step();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

/// Adds one entry and draws the next frame of the Log view, in milliseconds.
fn add_entry_ms(h: &mut Harness<'_, App>) -> f64 {
    let first = u32::try_from(BIG).expect("fits") + 1;
    edits_ms(h, |_, i| LogEntry {
        skills: vec![SkillId(1)],
        energy: Some(4),
        ..LogEntry::new(
            EntryId(first + i),
            date(2026, 11, 25),
            25,
            ExperienceKind::Learning,
            "Read the new falls-prevention policy",
        )
    })
}

/// Changes the minutes of an old entry (the middle of the log) and draws
/// the next frame of the Log view, in milliseconds: an edit that is not an
/// append, where such edits are made.
fn edit_old_entry_ms(h: &mut Harness<'_, App>) -> f64 {
    edits_ms(h, |app, i| {
        let log = &app.plan().log;
        let mut entry = log[log.len() / 2].clone();
        entry.minutes = 20 + i;
        entry
    })
}

/// Time per frame of the views, with the sample and the 100,000-entry plan;
/// `all_views` adds every view with the sample.
pub fn figures(all_views: bool) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let dir = tempfile::tempdir().expect("tempdir");

    let mut empty = harness(dir.path(), Plan::default());
    out.push(("frame_empty_ms", format!("{:.3}", today_ms(&mut empty))));

    let mut sample = harness(dir.path(), stepstone::io::sample_plan());
    out.push((
        "frame_today_sample_ms",
        format!("{:.3}", today_ms(&mut sample)),
    ));
    let mut big = harness(dir.path(), stepstone::io::sample_with_log(BIG));
    out.push(("frame_today_ms", format!("{:.3}", today_ms(&mut big))));
    out.push((
        "frame_log_sample_ms",
        format!("{:.3}", log_ms(&mut sample, "")),
    ));
    out.push(("frame_log_ms", format!("{:.3}", log_ms(&mut big, ""))));
    out.push((
        "frame_log_filtered_ms",
        format!("{:.3}", log_ms(&mut big, "orientation")),
    ));
    out.push(("add_entry_ms", format!("{:.3}", add_entry_ms(&mut big))));
    out.push((
        "edit_old_entry_ms",
        format!("{:.3}", edit_old_entry_ms(&mut big)),
    ));

    // Insights with every plot on screen at once.
    let mut sample = harness_sized(dir.path(), stepstone::io::sample_plan(), INSIGHTS_HEIGHT);
    sample.state_mut().set_view(View::Insights);
    out.push((
        "frame_insights_sample_ms",
        format!("{:.3}", frame_ms(&mut sample)),
    ));
    let mut big = harness_sized(
        dir.path(),
        stepstone::io::sample_with_log(BIG),
        INSIGHTS_HEIGHT,
    );
    big.state_mut().set_view(View::Insights);
    out.push(("frame_insights_ms", format!("{:.3}", frame_ms(&mut big))));
    out.push((
        "plot_points_max",
        format!("{}", stepstone::ui::widgets::plots::most_points()),
    ));

    if all_views {
        for view in View::ALL {
            sample.state_mut().set_view(view);
            let name = format!("{view:?}").to_lowercase();
            let value = format!("{:.3}", frame_ms(&mut sample));
            out.push((leak(format!("frame_{name}_sample_ms")), value));
        }
    }
    out
}
