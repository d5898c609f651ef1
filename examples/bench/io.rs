//! Load and safe-save of a 100,000-entry plan (the sample plan with its log
//! stretched back over 30 years), against `serde_json` as the baseline.

use crate::common::{Figure, median_ms};
use std::path::Path;
use stepstone::io;
use stepstone::model::Plan;

const ENTRIES: usize = 100_000;
const RUNS: usize = 7;

/// Load and save of the 100,000-entry plan, and `serde_json` on the same data.
pub fn figures() -> Result<Vec<Figure>, Box<dyn std::error::Error>> {
    let plan = io::sample_with_log(ENTRIES);
    let dir = std::env::temp_dir().join(format!("stepstone-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let ron_path = dir.join("big.stepstone.ron");
    let json_path = dir.join("big.json");

    let mut stamp = io::save(&ron_path, &plan, None)?;
    let save = median_ms(RUNS, || {
        stamp = io::save(&ron_path, &plan, Some(&stamp)).expect("save");
    });
    let load = median_ms(RUNS, || {
        let (loaded, _) = io::load(&ron_path).expect("load");
        assert_eq!(loaded.log.len(), plan.log.len());
    });

    let json_save = median_ms(RUNS, || save_json(&json_path, &plan).expect("json save"));
    let json_load = median_ms(RUNS, || {
        let bytes = std::fs::read(&json_path).expect("read json");
        let loaded: Plan = serde_json::from_slice(&bytes).expect("parse json");
        assert_eq!(loaded.log.len(), plan.log.len());
    });

    let (reloaded, _) = io::load(&ron_path)?;
    assert_eq!(reloaded, plan, "the file round-trips");
    let bytes = std::fs::metadata(&ron_path)?.len();
    std::fs::remove_dir_all(&dir)?;

    Ok(vec![
        ("load_100k_ms", format!("{load:.1}")),
        ("save_100k_ms", format!("{save:.1}")),
        ("json_load_100k_ms", format!("{json_load:.1}")),
        ("json_save_100k_ms", format!("{json_save:.1}")),
        ("load_vs_json", format!("{:.2}", load / json_load)),
        ("save_vs_json", format!("{:.2}", save / json_save)),
        ("file_bytes_100k", bytes.to_string()),
    ])
}

/// The baseline: the same plan as JSON, through the same atomic write.
fn save_json(path: &Path, plan: &Plan) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(plan)?;
    io::write_file(path, &bytes, io::Perms::From(None))
}
