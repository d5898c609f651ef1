//! The app: one plan, where it came from, and the window around it.

use super::overview;
use super::screenshot::{Outcome, Screenshot};
use crate::io;
use crate::model::Plan;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// The running app.
pub struct App {
    plan: Plan,
    /// The file the plan came from; `None` for the built-in sample.
    path: Option<PathBuf>,
    /// A problem to show the user (e.g. a file that would not open).
    error: Option<String>,
    /// How many validation problems the plan has (the plan is read-only here).
    problems: usize,
    /// The window title last sent, so it is sent only when it changes.
    shown_title: String,
    today: Date,
    screenshot: Option<Screenshot>,
}

impl App {
    /// Opens `file`, or the sample plan when there is none. A file that will
    /// not open leaves an empty plan and the error on screen.
    pub fn open(file: Option<&Path>, today: Date) -> Self {
        let (plan, path, error) = match file {
            None => (io::sample_plan(), None, None),
            Some(p) => match io::load(p) {
                Ok((plan, _)) => (plan, Some(p.to_path_buf()), None),
                Err(e) => (Plan::default(), None, Some(e.to_string())),
            },
        };
        let problems = plan.validate().len();
        Self {
            plan,
            path,
            error,
            problems,
            shown_title: String::new(),
            today,
            screenshot: None,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Saves a picture of the window to `path` after a few frames, then closes.
    pub fn take_screenshot(&mut self, path: PathBuf, outcome: Outcome) {
        self.screenshot = Some(Screenshot::new(path, outcome));
    }

    fn title(&self) -> String {
        match &self.path {
            Some(p) => format!(
                "{} - Stepstone",
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned()
                )
            ),
            None => "Sample plan - Stepstone".to_string(),
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let source = self.path.as_ref().map_or_else(
                    || "Built-in sample plan (read-only)".to_string(),
                    |p| p.display().to_string(),
                );
                ui.label(source);
                let problems = self.problems;
                if problems > 0 {
                    ui.separator();
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("{problems} problems found"),
                    );
                }
            });
        });
        if let Some(error) = self.error.clone() {
            egui::Panel::top("error").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                    if ui.button("Dismiss").clicked() {
                        self.error = None;
                    }
                });
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            overview::ui(ui, &self.plan, self.today);
        });
        if let Some(shot) = &mut self.screenshot {
            shot.on_frame(&ctx);
        }
    }
}
