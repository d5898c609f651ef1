//! Today in a narrow window: nothing drawn over anything else, nothing
//! past the window's right edge.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::ui::{plan_app, settings};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;

#[test]
fn today_fits_a_narrow_window_and_a_wide_one() {
    for width in [760.0, 1100.0, 1280.0] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut h = plan_app(
            stepstone::io::sample_plan(),
            settings(dir.path(), date(2026, 11, 25)),
            egui::vec2(width, 800.0),
        );
        h.run();
        let title = h.get_by_label("Today, Wednesday 25 November").rect();
        let streak = h.get_by_label_contains("Streak:").rect();
        let tough = h.get_by_label("Tough day?").rect();
        assert!(
            !title.intersects(streak),
            "{width}: the title {title:?} and the streak {streak:?} overlap"
        );
        for (what, rect) in [
            ("Tough day?", tough),
            ("the hint", h.get_by_label_contains("Enter saves").rect()),
            (
                "what is due",
                h.get_by_label_contains("Due in the next").rect(),
            ),
        ] {
            assert!(
                rect.max.x <= width + 0.5,
                "{width}: {what} ends at {} , past the window",
                rect.max.x
            );
        }
    }
}
