//! File > Export in the app, driven through its UI with `egui_kittest`.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

mod common;

use common::names_in;
use common::ui::{click, open_app, press, sample_copy, settings, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use std::path::Path;
use stepstone::io::export::{Format, Options, export};
use stepstone::ui::App;

const TODAY: Date = date(2026, 11, 25);

/// The app on a copy of the sample in `dir` (its own files elsewhere), with
/// File > Export > `entry` open.
fn export_dialog(dir: &Path, entry: &str) -> Harness<'static, App> {
    let plan = sample_copy(dir);
    let own = dir.parent().expect("a parent").join("app");
    let mut h = open_app(settings(&own, TODAY), Some(plan));
    h.run();
    click(&mut h, "File");
    click(&mut h, "Export");
    click(&mut h, entry);
    assert!(
        h.query_by_label("Export the plan").is_some(),
        "the dialog is open"
    );
    h
}

/// Replaces the text of the field labelled `label`.
fn retype(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    press(h, Modifiers::COMMAND, Key::A);
    type_text(h, text);
}

/// The folder of the plan under the test's `root`.
fn plans(root: &Path) -> std::path::PathBuf {
    let dir = root.join("work");
    std::fs::create_dir(&dir).expect("a folder");
    dir
}

fn expected(h: &Harness<'_, App>, format: Format, options: &Options) -> String {
    export(h.state().plan(), format, options, TODAY).expect("exports")
}

#[test]
fn the_html_report_is_written_beside_the_plan_from_the_menu() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = plans(root.path());
    let mut h = export_dialog(&dir, "HTML report with charts\u{2026}");
    click(&mut h, "Export");
    let out = dir.join("me.report.html");
    let written = std::fs::read_to_string(&out).expect("written beside the plan");
    assert_eq!(written, expected(&h, Format::Html, &Options::default()));
    let notice = h.state().notice().expect("a notice").to_string();
    let out = std::path::absolute(&out).expect("absolute");
    assert_eq!(
        notice,
        format!("Exported the HTML report to {}.", out.display())
    );
    assert!(!h.state().document().is_dirty(), "the plan does not change");
    assert!(h.query_by_label("Save to:").is_none(), "the dialog closed");
}

#[test]
fn another_format_takes_its_own_file_name() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = plans(root.path());
    let mut h = export_dialog(&dir, "Markdown report\u{2026}");
    click(&mut h, "Calendar of milestones (ICS)");
    click(&mut h, "Export");
    assert_eq!(names_in(&dir), ["me.milestones.ics", "me.stepstone.ron"]);
    let written = std::fs::read_to_string(dir.join("me.milestones.ics")).expect("written");
    assert_eq!(written, expected(&h, Format::Ics, &Options::default()));
}

#[test]
fn the_achievements_document_covers_the_period_typed() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = plans(root.path());
    let mut h = export_dialog(&dir, "Achievements for a review\u{2026}");
    // A start after the end: said, and nothing can be exported.
    retype(&mut h, "From", "2026-12-01");
    assert!(
        h.query_by_label("The period starts after it ends.")
            .is_some()
    );
    click(&mut h, "Export");
    assert_eq!(names_in(&dir), ["me.stepstone.ron"]);
    retype(&mut h, "From", "2026-09-01");
    retype(&mut h, "to", "2026-09-30");
    click(&mut h, "Export");
    let written = std::fs::read_to_string(dir.join("me.achievements.md")).expect("written");
    let options = Options {
        from: Some(date(2026, 9, 1)),
        to: Some(date(2026, 9, 30)),
    };
    assert_eq!(written, expected(&h, Format::Brag, &options));
    assert!(written.contains("_1 Sep 2026 to 30 Sep 2026."));
}

#[test]
fn an_export_never_goes_over_the_plan_and_cancel_writes_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = plans(root.path());
    let mut h = export_dialog(&dir, "Log as a spreadsheet (CSV)\u{2026}");
    let plan = dir.join("me.stepstone.ron").display().to_string();
    retype(&mut h, "Save to:", &plan);
    assert!(
        h.query_by_label("This is a plan file; write the export to another name.")
            .is_some()
    );
    click(&mut h, "Export");
    assert!(h.query_by_label("Save to:").is_some(), "still open");
    click(&mut h, "Cancel");
    assert!(h.query_by_label("Save to:").is_none());
    assert_eq!(names_in(&dir), ["me.stepstone.ron"]);
    assert_eq!(
        std::fs::read_to_string(&plan).expect("plan"),
        stepstone::io::SAMPLE_RON
    );
    assert!(h.state().notice().is_none());
}
