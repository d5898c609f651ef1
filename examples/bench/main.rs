//! Every benchmark in one report: load and save against `serde_json`
//! (`bench_io`), time per frame (`bench_frames`), the folder of plans
//! (`bench_mentor`), and the app as a person starts it: time to the first
//! picture with the sample and with 100,000 entries, resident memory with
//! 100,000 entries, and processor time while idle. See BENCHMARKS.md for
//! the goals and the latest figures.
//!
//! `cargo build --release && cargo run --release --example bench` (under a
//! display for the app's own figures) prints one figure a line.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

#[path = "../common/mod.rs"]
mod common;
mod frames;
mod io;
mod mentor;
mod process;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let big = dir.path().join("big.stepstone.ron");
    stepstone::io::save(&big, &stepstone::io::sample_with_log(100_000), None)?;
    common::print(&process::figures(&big));
    common::print(&io::figures()?);
    common::print(&frames::figures(false));
    common::print(&mentor::figures()?);
    Ok(())
}
