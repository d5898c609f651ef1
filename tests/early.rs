//! Today on a new person's plan (see `common::early`): what each entry is
//! linked to, the goals the day moved, and a forecast that is honest about
//! three days of log.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::early::{Log, TODAY, early_plan};
use common::ui::settings;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stepstone::ui::App;
use stepstone::ui::commands::View;

fn today(dir: &std::path::Path, log: Log) -> Harness<'static, App> {
    let mut h = common::ui::plan_app(
        early_plan(log),
        settings(dir, TODAY),
        egui::vec2(1280.0, 800.0),
    );
    h.state_mut().set_view(View::Today);
    h.run();
    h
}

#[test]
fn today_on_three_days_shows_links_the_goals_moved_and_an_honest_forecast() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = today(dir.path(), Log::ThreeDays);
    // Each entry's links, as the Log shows them, without hovering.
    assert!(
        h.query_by_label("linked to Forecasting, Spreadsheets, Learn demand planning")
            .is_some()
    );
    assert!(
        h.query_by_label("linked to Stock control, Spreadsheets")
            .is_some(),
        "Tuesday's entry with two skills and no goal"
    );
    // Today's entry served the goal: its progress, 45 + 30 + 40 minutes of 40 h.
    assert!(h.query_by_label("Goals you moved today").is_some());
    assert!(h.query_by_label("1 h 55 min of 40 h").is_some());
    // The forecast: too early, with what is missing and what it takes.
    assert!(
        h.query_by_label("Forecast for Inventory planner:")
            .is_some()
    );
    assert!(
        h.query_by_label(
            "Too early to tell: record a level rise when you reach one, and log for 4 more weeks."
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("To be ready by Jun 2028:")
            .is_some()
    );
}

#[test]
fn today_on_three_weeks_after_a_level_rise_needs_only_a_week_more() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = today(dir.path(), Log::ThreeWeeks);
    // 5 to 25 Nov is 21 days: one more week to four.
    assert!(
        h.query_by_label("Too early to tell: log for 1 more week.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("So far: 1 level in 3 weeks")
            .is_some()
    );
}
