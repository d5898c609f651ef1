//! Opening a mentor's folder of 50 plans of 10,000 log entries each.
//!
//! `cargo run --release --example bench_mentor` prints one figure a line
//! (the median of several runs, in milliseconds), the number of cores, and
//! how the folder compares with the goals. `--example bench` prints these
//! with every other figure.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

mod common;
#[path = "bench/mentor.rs"]
mod mentor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::print(&mentor::figures()?);
    Ok(())
}
