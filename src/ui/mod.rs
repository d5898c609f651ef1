//! The eframe app: a window over one plan.

mod app;
mod overview;
mod screenshot;

pub use app::App;

use crate::cli::ViewArg;
use jiff::civil::Date;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the app was started.
#[derive(Debug, Clone)]
pub struct Launch {
    pub file: Option<PathBuf>,
    pub screenshot: Option<PathBuf>,
    pub view: ViewArg,
    pub today: Date,
}

/// Opens the window and runs until it closes.
pub fn run(launch: Launch) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("Stepstone"),
        ..Default::default()
    };
    let shot = launch.screenshot.clone();
    let outcome = screenshot::Outcome::default();
    let app_outcome = outcome.clone();
    let result = eframe::run_native(
        "Stepstone",
        options,
        Box::new(move |_cc| {
            let mut app = App::open(launch.file.as_deref(), launch.today);
            if let Some(path) = shot {
                app.take_screenshot(path, app_outcome);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = result {
        eprintln!("stepstone: cannot open a window: {e}");
        return ExitCode::from(1);
    }
    outcome.exit_code()
}
