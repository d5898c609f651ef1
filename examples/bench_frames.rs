//! Time per frame of the views through the kittest harness (no display).
//!
//! `cargo run --release --example bench_frames` prints one figure a line,
//! in milliseconds. `-- --all-views` adds a line for every view with the
//! sample plan. `--example bench` prints these with every other figure.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

mod common;
#[path = "bench/frames.rs"]
mod frames;

fn main() {
    let all_views = std::env::args().any(|a| a == "--all-views");
    common::print(&frames::figures(all_views));
}
