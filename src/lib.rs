//! Stepstone: a desktop career-path planner.
//!
//! `model` holds the plan and its edits (no egui), `io` reads and writes plan
//! files safely, `ui` is the eframe app, `cli` the command line.

pub mod cli;
pub mod clock;
pub mod io;
pub mod model;
pub mod time_axis;
pub mod ui;
