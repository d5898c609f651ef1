//! Load and safe-save of a 100,000-entry plan against `serde_json`.
//!
//! `cargo run --release --example bench_io` prints one figure a line (the
//! median of several runs, in milliseconds) and the plan file's size.
//! `--example bench` prints these with every other figure.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

mod common;
#[path = "bench/io.rs"]
mod io_figures;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::print(&io_figures::figures()?);
    Ok(())
}
