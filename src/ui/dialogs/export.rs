//! The export dialog (File > Export): which format, the period for the
//! achievements document (and, if wanted, for the log's CSV), and where to
//! write it. It only collects the answer; the app makes and writes the
//! export, which never changes the plan.

use super::Outcome;
use crate::io::export::{self, Format, Options};
use crate::ui::widgets;
use egui::{RichText, Ui};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// What to export, and where: the dialog's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub format: Format,
    pub options: Options,
    pub path: PathBuf,
}

/// The dialog's state while it is open.
pub struct ExportDialog {
    format: Format,
    path: String,
    /// The plan's file (or where an untitled plan's exports go by default).
    plan_file: PathBuf,
    from: Date,
    to: Date,
    /// Whether a CSV holds only the entries of `from..=to`.
    csv_period: bool,
    /// Whether the date fields hold dates (a half-typed one does not).
    dates_valid: bool,
    today: Date,
}

impl ExportDialog {
    /// The dialog for `format`, writing beside `plan_file` by default. The
    /// period starts as the brag document's default: six months to today.
    pub fn new(format: Format, plan_file: PathBuf, today: Date) -> Self {
        let (from, to) = export::brag_period(&Options::default(), today);
        Self {
            format,
            path: format.default_path(&plan_file).display().to_string(),
            plan_file,
            from,
            to,
            csv_period: false,
            dates_valid: true,
            today,
        }
    }

    /// Draws the dialog; the answer once Export or Cancel is chosen.
    pub fn show(&mut self, ui: &mut Ui, native_dialogs: bool) -> Option<Outcome> {
        ui.set_max_width(600.0);
        ui.heading("Export the plan");
        ui.label("A copy of the plan for other people and tools; the plan itself does not change.");
        ui.add_space(6.0);
        self.pick_format(ui);
        ui.add_space(6.0);
        self.period(ui);
        let (label, extensions) = (self.format.file_kind(), [self.format.extension()]);
        let entered = widgets::save_path_field(
            ui,
            "Save to:",
            &mut self.path,
            native_dialogs,
            (label, &extensions),
        );
        let path = PathBuf::from(self.path.trim());
        let problem = self.problem(&path);
        match &problem {
            Some(p) => {
                ui.colored_label(ui.visuals().error_fg_color, p);
            }
            None if path.is_file() => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "A file with this name exists: exporting replaces it.",
                );
            }
            None => {}
        }
        ui.add_space(6.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            let export = ui.add_enabled(problem.is_none(), egui::Button::new("Export"));
            if export.clicked() || (entered && problem.is_none()) {
                answer = Some(Outcome::Export(Box::new(self.request(path.clone()))));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Outcome::Closed);
            }
        });
        answer
    }

    /// One choice per format, with what it is for.
    fn pick_format(&mut self, ui: &mut Ui) {
        for f in Format::ALL {
            ui.horizontal(|ui| {
                if ui.radio(self.format == f, f.label()).clicked() && self.format != f {
                    // A path still at its default follows the format.
                    if self.path.trim()
                        == self
                            .format
                            .default_path(&self.plan_file)
                            .display()
                            .to_string()
                    {
                        self.path = f.default_path(&self.plan_file).display().to_string();
                    }
                    self.format = f;
                }
                ui.label(RichText::new(about(f)).weak());
            });
        }
    }

    /// The period, for the formats that take one.
    fn period(&mut self, ui: &mut Ui) {
        let today = self.today;
        let show = match self.format {
            Format::Brag => true,
            Format::Csv => {
                ui.checkbox(&mut self.csv_period, "Only the entries of a period");
                self.csv_period
            }
            Format::Md | Format::Html | Format::Ics => false,
        };
        self.dates_valid = true;
        if show {
            ui.horizontal(|ui| {
                let from_ok = widgets::date_field_checked(ui, "From", &mut self.from, today).valid;
                let to_ok = widgets::date_field_checked(ui, "to", &mut self.to, today).valid;
                self.dates_valid = from_ok && to_ok;
            });
        }
    }

    fn takes_period(&self) -> bool {
        self.format == Format::Brag || (self.format == Format::Csv && self.csv_period)
    }

    /// What stops the export, in one sentence.
    fn problem(&self, path: &Path) -> Option<String> {
        if self.takes_period() {
            if !self.dates_valid {
                return Some("Type the period's days as dates, or pick them.".to_string());
            }
            if self.from > self.to {
                return Some("The period starts after it ends.".to_string());
            }
        }
        export::output_problem(Some(&self.plan_file), path)
    }

    fn request(&self, path: PathBuf) -> ExportRequest {
        let options = if self.takes_period() {
            Options {
                from: Some(self.from),
                to: Some(self.to),
            }
        } else {
            Options::default()
        };
        ExportRequest {
            format: self.format,
            options,
            path,
        }
    }
}

/// A line on what a format is for.
fn about(format: Format) -> &'static str {
    match format {
        Format::Md => "reads well in a notes app",
        Format::Html => "one page to open, mail or print",
        Format::Csv => "every log entry, for a spreadsheet",
        Format::Ics => "milestones and due dates for your calendar",
        Format::Brag => "your evidence, for a review or a mentor",
    }
}
