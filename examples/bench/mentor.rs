//! Opening a mentor's folder of 50 plans of 10,000 log entries each into
//! the folder view's rows (the app's own path: list the folder, read every
//! plan on worker threads, sum each up), against opening one such plan the
//! same way. The goals: under 2 s, and at most 1.5 x 50 / cores times one
//! plan.

use crate::common::{Figure, median_ms};
use std::sync::atomic::AtomicUsize;
use stepstone::io;
use stepstone::io::folder::{list_plans, read_rows};

const PLANS: usize = 50;
const ENTRIES: usize = 10_000;
const RUNS: usize = 5;

/// A folder of 50 plans of 10,000 entries into rows, and one such plan.
pub fn figures() -> Result<Vec<Figure>, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("stepstone-bench-mentor-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut plan = io::sample_with_log(ENTRIES);
    for i in 0..PLANS {
        plan.owner = format!("Person {i:02}");
        io::save(&dir.join(format!("p{i:02}.stepstone.ron")), &plan, None)?;
    }
    let today = jiff::civil::date(2026, 11, 25);
    let done = AtomicUsize::new(0);

    let folder = median_ms(RUNS, || {
        let paths = list_plans(&dir).expect("list");
        let rows = read_rows(&paths, today, &done);
        assert_eq!(rows.len(), PLANS);
        assert!(rows.iter().all(|r| r.overview.is_ok()));
    });
    let one = [dir.join("p00.stepstone.ron")];
    let single = median_ms(RUNS, || {
        let rows = read_rows(&one, today, &done);
        assert!(rows[0].overview.is_ok());
    });
    std::fs::remove_dir_all(&dir)?;

    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    #[expect(clippy::cast_precision_loss, reason = "a few cores")]
    let allowed = 1.5 * PLANS as f64 / cores as f64 * single;
    let goal = format!(
        "under 2000 ms ({}), and at most 1.5 x 50 / {cores} x single = {allowed:.1} ms ({})",
        if folder < 2000.0 { "met" } else { "missed" },
        if folder <= allowed { "met" } else { "missed" },
    );
    Ok(vec![
        ("mentor_open_50x10k_ms", format!("{folder:.1}")),
        ("single_open_10k_ms", format!("{single:.1}")),
        ("cores", cores.to_string()),
        ("mentor_goal", goal),
    ])
}
