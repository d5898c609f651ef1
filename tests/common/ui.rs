//! Helpers for driving the app with `egui_kittest`.

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::Date;
use std::path::{Path, PathBuf};
use stepstone::ui::storage::AppDirs;
use stepstone::ui::{App, Settings};

/// Settings for a test: the app's own files under `dir`, no system dialogs,
/// and a fixed today.
pub fn settings(dir: &Path, today: Date) -> Settings {
    Settings {
        dirs: AppDirs::in_folder(dir),
        native_dialogs: false,
        today: Some(today),
        welcome: false,
        live_sample: false,
    }
}

/// A 1280x800 app opened on `file` (or the last plan, or the sample).
pub fn open_app(settings: Settings, file: Option<PathBuf>) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| App::new(file.as_deref(), settings))
}

/// An app `size` points large, opened on `plan` (as if read from no file).
pub fn plan_app(
    plan: stepstone::model::Plan,
    settings: Settings,
    size: egui::Vec2,
) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |_cc| App::from_plan(plan, settings))
}

/// A copy of the sample plan in `dir`.
pub fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("me.stepstone.ron");
    std::fs::write(&path, stepstone::io::SAMPLE_RON).expect("write sample");
    path
}

pub fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

pub fn press(h: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Types text into the focused field.
pub fn type_text(h: &mut Harness<'_, App>, text: &str) {
    h.event(Event::Text(text.to_string()));
    h.run();
}

/// Clicks at `pos` with the primary button.
pub fn click_at(h: &mut Harness<'_, App>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}
