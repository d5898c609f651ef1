//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test file uses a different part")]
#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

pub mod early;
pub mod folder;
pub mod guided;
pub mod person;
pub mod ui;

use jiff::civil::date;
use std::path::{Path, PathBuf};
use stepstone::model::{EntryId, ExperienceKind, LogEntry, Plan, SkillId};

/// A fixture file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The sample plan with `n` generated log entries in place of its own.
pub fn plan_with_entries(n: u32) -> Plan {
    let mut plan = stepstone::io::sample_plan();
    let skills: Vec<SkillId> = plan.skills.iter().map(|s| s.id).collect();
    plan.log = (0..n)
        .map(|i| LogEntry {
            skills: vec![skills[i as usize % skills.len()]],
            energy: (i % 3 == 0).then_some(3),
            remembered_why: i % 7 == 0,
            ..LogEntry::new(
                EntryId(i + 1),
                date(2020, 1, 1)
                    .checked_add(jiff::Span::new().days(i64::from(i / 5)))
                    .expect("date in range"),
                10 + i % 200,
                ExperienceKind::ALL[(i % 5) as usize],
                format!("Entry {i}: taught \"safe handoffs\" \\ and it's fine, caf\u{e9}"),
            )
        })
        .collect();
    plan
}

/// A 30-minute learning entry on 20 Nov 2026.
pub fn entry(id: u32, text: &str) -> LogEntry {
    LogEntry::new(
        EntryId(id),
        date(2026, 11, 20),
        30,
        ExperienceKind::Learning,
        text,
    )
}

/// The names of the files in `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a command printed, standard output then standard error.
pub fn said(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// Runs the `stepstone` command line with `args`.
pub fn stepstone(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_stepstone"))
        .args(args)
        .output()
        .expect("runs")
}
