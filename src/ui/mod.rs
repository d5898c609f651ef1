//! The eframe app: a window over one plan.

mod app;
mod dialogs;
pub mod storage;
pub mod views;
pub mod widgets;
mod work;

pub use app::{App, Settings, commands, document};

use jiff::civil::Date;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the app was started.
#[derive(Debug, Clone)]
pub struct Launch {
    pub file: Option<PathBuf>,
    pub screenshot: Option<PathBuf>,
    pub view: commands::View,
    /// `--today`; without it the app follows the system clock.
    pub today: Option<Date>,
    /// `--size`: the window's first size (without it, the size it was last
    /// left at, else 1280x800).
    pub size: Option<[f32; 2]>,
}

/// Opens the window and runs until it closes.
pub fn run(launch: Launch) -> ExitCode {
    let shot = launch.screenshot;
    // A screenshot run is unattended: it keeps its own files (recent list,
    // recovery) away from the user's, so it never offers or clears theirs.
    let shot_dir =
        std::env::temp_dir().join(format!("stepstone-screenshot-{}", std::process::id()));
    let dirs = if shot.is_some() {
        storage::AppDirs::in_folder(&shot_dir)
    } else {
        storage::AppDirs::from_env()
    };
    let look = dirs.read_look();
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(storage::Look::first_size(look, launch.size))
        .with_min_inner_size([720.0, 480.0])
        .with_title("Stepstone")
        // The class the desktop entry names (StartupWMClass), so the
        // window is grouped under the menu entry and its icon.
        .with_app_id(crate::io::desktop::APP_ID)
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(crate::io::desktop::window_icon()) {
        viewport = viewport.with_icon(icon);
    }
    if let Some(place) = storage::Look::first_place(look) {
        viewport = viewport.with_position(place);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let outcome = app::Outcome::new(shot.is_some());
    let settings = Settings {
        dirs,
        // Screenshots are taken unattended: no dialog may wait for a person.
        native_dialogs: shot.is_none(),
        today: launch.today,
        welcome: shot.is_none(),
        // --today keeps the sample's own dates, for reproducible runs.
        live_sample: launch.today.is_none(),
    };
    // Made before the window, so a large plan is read (on a worker thread)
    // while the window opens.
    let mut app = App::new(launch.file.as_deref(), settings);
    app.set_view(launch.view);
    if let Some(path) = shot {
        app.take_screenshot(path, outcome.clone());
    }
    let result = eframe::run_native("Stepstone", options, Box::new(|_cc| Ok(Box::new(app))));
    if shot_dir.exists() {
        let _ = std::fs::remove_dir_all(&shot_dir);
    }
    if let Err(e) = result {
        eprintln!("stepstone: cannot open a window: {e}");
        return ExitCode::from(1);
    }
    outcome.exit_code()
}

/// A line shown above the views until dismissed.
pub struct Notice {
    pub text: String,
    /// A problem (drawn in the error colour) rather than news.
    pub is_error: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: true,
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: false,
        }
    }
}
