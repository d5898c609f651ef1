//! Help > About (issue 21): the version, the licence, where plans and
//! settings live on this computer, and the attributions.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{click, plan_app, settings};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;

#[test]
fn help_about_says_the_version_licence_places_and_thanks_then_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = settings(dir.path(), date(2026, 11, 25));
    let places = [
        s.dirs.plans.display().to_string(),
        s.dirs.config.display().to_string(),
        s.dirs.recovery.display().to_string(),
    ];
    let mut h = plan_app(stepstone::io::sample_plan(), s, egui::vec2(1280.0, 800.0));
    h.run();
    click(&mut h, "Help");
    click(&mut h, "About Stepstone");
    let version = format!("Version {}", env!("CARGO_PKG_VERSION"));
    h.get_by_label(&version);
    h.get_by_label_contains("MIT licence or the Apache licence 2.0");
    h.get_by_label("not saved to a file yet");
    for place in &places {
        h.get_by_label(place);
    }
    h.get_by_label_contains("O*NET 29.0 Database");
    h.get_by_label_contains("egui and eframe");
    click(&mut h, "Close");
    assert!(
        h.query_by_label(&version).is_none(),
        "the About box is closed"
    );
}
