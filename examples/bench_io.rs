//! Load and safe-save of a 100,000-entry plan, against `serde_json` as the baseline.
//!
//! `cargo run --release --example bench_io` prints one figure a line (the
//! median of several runs, in milliseconds) and the plan file's size.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

use jiff::civil::{Date, date};
use std::io::Write;
use std::path::Path;
use std::time::Instant;
use stepstone::io;
use stepstone::model::{EntryId, ExperienceKind, GoalId, LogEntry, PersonId, Plan, SkillId};

const ENTRIES: u32 = 100_000;
const RUNS: usize = 7;

const TEXTS: [&str; 8] = [
    "Led the morning huddle and reviewed the staffing board",
    "Shadowed the program manager at the budget meeting",
    "Coached a new graduate nurse through her first IV start",
    "Rewrote the sepsis quick-reference card after feedback",
    "Read two chapters of the program evaluation textbook",
    "Coffee with the pharmacy educator about joint training",
    "Covered the simulation lab so the team could attend in-service",
    "Answered unit questions on the new charting screens",
];

/// A plan shaped like a real one, with `ENTRIES` log entries over about 30 years.
fn big_plan() -> Plan {
    let start = date(1996, 1, 1);
    let mut plan = io::sample_plan();
    let skills: Vec<SkillId> = plan.skills.iter().map(|s| s.id).collect();
    let goals: Vec<GoalId> = plan.goals.iter().map(|g| g.id).collect();
    let people: Vec<PersonId> = plan.people.iter().map(|p| p.id).collect();
    plan.log = (0..ENTRIES)
        .map(|i| LogEntry {
            id: EntryId(i + 1),
            date: start
                .checked_add(jiff::Span::new().days(i64::from(i / 9)))
                .unwrap_or(Date::MAX),
            minutes: 15 + (i * 37) % 225,
            kind: ExperienceKind::ALL[(i % 5) as usize],
            text: TEXTS[(i % 8) as usize].to_string(),
            skills: [pick(&skills, i), pick(&skills, i / 3)]
                .into_iter()
                .flatten()
                .collect(),
            goals: if i % 3 == 0 {
                pick(&goals, i).into_iter().collect()
            } else {
                Vec::new()
            },
            people: if i % 4 == 0 {
                pick(&people, i).into_iter().collect()
            } else {
                Vec::new()
            },
            energy: (i % 5 != 0).then_some(1 + (i % 5) as u8),
            remembered_why: i % 50 == 0,
        })
        .collect();
    plan
}

/// The `i`-th item of a list, wrapping around.
fn pick<T: Copy>(list: &[T], i: u32) -> Option<T> {
    list.get(i as usize % list.len().max(1)).copied()
}

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = big_plan();
    let dir = std::env::temp_dir().join(format!("stepstone-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let ron_path = dir.join("big.stepstone.ron");
    let json_path = dir.join("big.json");

    let mut stamp = io::save(&ron_path, &plan, None)?;
    let save = median_ms(|| stamp = io::save(&ron_path, &plan, Some(&stamp)).expect("save"));
    let load = median_ms(|| {
        let (loaded, _) = io::load(&ron_path).expect("load");
        assert_eq!(loaded.log.len(), plan.log.len());
    });

    let json_save = median_ms(|| save_json(&json_path, &plan).expect("json save"));
    let json_load = median_ms(|| {
        let bytes = std::fs::read(&json_path).expect("read json");
        let loaded: Plan = serde_json::from_slice(&bytes).expect("parse json");
        assert_eq!(loaded.log.len(), plan.log.len());
    });

    let (reloaded, _) = io::load(&ron_path)?;
    assert_eq!(reloaded, plan, "the file round-trips");
    let bytes = std::fs::metadata(&ron_path)?.len();
    std::fs::remove_dir_all(&dir)?;

    println!("load_100k_ms {load:.1}");
    println!("save_100k_ms {save:.1}");
    println!("json_load_100k_ms {json_load:.1}");
    println!("json_save_100k_ms {json_save:.1}");
    println!("file_bytes_100k {bytes}");
    Ok(())
}

/// The baseline: the same plan as JSON, through the same atomic write.
fn save_json(path: &Path, plan: &Plan) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(plan)?;
    io::write_atomically(path, |f| f.write_all(&bytes))
}
