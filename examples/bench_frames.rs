//! Time per frame of each view, through the kittest harness (no display).
//!
//! `cargo run --release --example bench_frames` prints one figure a line:
//! the median time of one `step()` (layout, drawing and the app's own work
//! on one thread), in milliseconds, over several batches of frames.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

use egui_kittest::Harness;
use jiff::civil::date;
use std::time::Instant;
use stepstone::ui::commands::View;
use stepstone::ui::storage::AppDirs;
use stepstone::ui::{App, Settings};

const WARM_UP: usize = 20;
const BATCHES: usize = 7;
const FRAMES_PER_BATCH: usize = 30;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    let dirs = AppDirs::in_folder(dir);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            App::new(
                None,
                Settings {
                    dirs,
                    native_dialogs: false,
                    today: date(2026, 11, 25),
                },
            )
        })
}

/// The median per-frame time of `h` as it stands, in milliseconds.
fn frame_ms(h: &mut Harness<'_, App>) -> f64 {
    for _ in 0..WARM_UP {
        h.step();
    }
    let mut batches: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..FRAMES_PER_BATCH {
                h.step();
            }
            t.elapsed().as_secs_f64() * 1000.0 / FRAMES_PER_BATCH as f64
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[BATCHES / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    for (view, name) in [
        (View::Overview, "overview"),
        (View::Roadmap, "roadmap"),
        (View::Skills, "skills"),
        (View::Goals, "goals"),
        (View::People, "people"),
    ] {
        h.state_mut().set_view(view);
        println!("frame_{name}_sample_ms {:.3}", frame_ms(&mut h));
    }
}
