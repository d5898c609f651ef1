//! File > Export for sharing: writes a copy of the plan without the
//! person's private text (see `Plan::share_copy`), to send to a mentor or a
//! manager. The dialog lists what is left out, with a "keep" box per kind,
//! and where the copy goes. The open plan and its file never change.

use super::{Outcome, with_extension};
use crate::io;
use crate::model::{ALWAYS_KEPT, Keep, Plan, Private, PrivateCounts};
use crate::ui::widgets;
use crate::ui::work::{self, WRITE_IN_BACKGROUND_FROM};
use egui::{RichText, Ui};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

/// A copy being written on a worker thread (large plans), and where.
type Writing = (PathBuf, mpsc::Receiver<Result<(), io::ShareError>>);

/// The dialog's state: the plan as it was when it opened, and the choices.
pub struct ShareDialog {
    plan: Arc<Plan>,
    /// The plan's own file, which the copy may not replace.
    source: Option<PathBuf>,
    /// The folder for new plans, made on first use.
    plans: PathBuf,
    counts: PrivateCounts,
    /// Problems in the plan: a copy is written only without any.
    problems: usize,
    keep: Keep,
    path: String,
    writing: Option<Writing>,
    /// Why the last try wrote nothing.
    error: Option<String>,
}

impl ShareDialog {
    /// The dialog for `plan`, whose copy goes beside its file by default, or
    /// into `plans` (the folder for new plans) for an untitled plan.
    pub fn new(plan: Arc<Plan>, source: Option<PathBuf>, plans: &std::path::Path) -> Self {
        let path = source
            .as_deref()
            .map_or_else(|| plans.join("plan.shared.stepstone.ron"), io::shared_path);
        Self {
            counts: plan.private_counts(),
            problems: plan.validate().len(),
            plan,
            source,
            plans: plans.to_path_buf(),
            keep: Keep::NOTHING,
            path: path.display().to_string(),
            writing: None,
            error: None,
        }
    }

    /// Whether the copy is being written (the dialog stays open until then).
    pub fn is_writing(&self) -> bool {
        self.writing.is_some()
    }

    /// Draws the dialog. Export starts writing the copy; once it is
    /// written, the outcome says where. Why nothing was written stays in
    /// the dialog.
    pub fn show(&mut self, ui: &mut Ui, native_dialogs: bool) -> Option<Outcome> {
        if let Some(written) = self.written() {
            return Some(written);
        }
        ui.set_max_width(560.0);
        ui.heading("Export for sharing");
        ui.label(
            "Writes a copy of this plan to send to a mentor or a manager. Your plan and its file \
             stay as they are.",
        );
        ui.label(
            RichText::new(format!(
                "Every copy keeps {ALWAYS_KEPT}, so its totals and plots read the same."
            ))
            .weak(),
        );
        ui.add_space(6.0);
        ui.label(RichText::new("Left out of the copy, unless you keep it:").strong());
        for kind in Private::ALL {
            self.kind_row(ui, kind);
        }
        ui.add_space(6.0);
        let typed = self.path.clone();
        let entered = widgets::save_path_field(
            ui,
            "Save the copy as:",
            &mut self.path,
            native_dialogs,
            ("Stepstone plan", &["ron"]),
        );
        if self.path != typed {
            self.error = None; // It was about the path as it was.
        }
        if self.writing.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Writing the copy\u{2026}");
            });
            ui.ctx().request_repaint();
            return None;
        }
        let ready = self.notes(ui);
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() || (ready && entered) {
                self.write(PathBuf::from(self.path.trim()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Outcome::Closed);
            }
        });
        // A small plan's copy is written at once.
        answer.or_else(|| self.written())
    }

    /// Starts writing the copy to `path` (on a worker thread for a large plan).
    fn write(&mut self, path: PathBuf) {
        let path = with_extension(path);
        let path = std::path::absolute(&path).unwrap_or(path);
        // The folder for new plans is made on first use, as for a new plan.
        if path.parent() == Some(self.plans.as_path()) {
            let _ = std::fs::create_dir_all(&self.plans);
        }
        let (plan, keep, source, out) = (
            Arc::clone(&self.plan),
            self.keep,
            self.source.clone(),
            path.clone(),
        );
        let background = plan.log.len() > WRITE_IN_BACKGROUND_FROM;
        let rx = work::run(background, move || {
            io::write_shared(&plan, keep, source.as_deref(), &out)
        });
        self.writing = Some((path, rx));
        self.error = None;
    }

    /// A finished copy: what to tell the person; a failure stays in the
    /// dialog.
    fn written(&mut self) -> Option<Outcome> {
        let (path, rx) = self.writing.as_ref()?;
        let result = rx.try_recv().ok()?;
        let path = path.clone();
        self.writing = None;
        match result {
            Ok(()) => Some(Outcome::Shared(format!(
                "Wrote a copy to share: {}. {} Your plan is unchanged.",
                path.display(),
                self.counts.summary(self.keep)
            ))),
            Err(e) => {
                self.error = Some(format!("Nothing was written: {e}."));
                None
            }
        }
    }

    /// One kind of private text: its "keep" box and what the plan holds.
    fn kind_row(&mut self, ui: &mut Ui, kind: Private) {
        ui.horizontal(|ui| {
            let any = self.counts.any(kind);
            let mut keep = self.keep.contains(kind);
            let label = format!("Keep {}", kind.label());
            if ui
                .add_enabled(any, egui::Checkbox::new(&mut keep, label))
                .changed()
            {
                self.keep.set(kind, keep);
            }
            let what = if any {
                self.counts.describe(kind)
            } else {
                "none in this plan".to_string()
            };
            ui.label(RichText::new(what).weak());
        });
    }

    /// Lines under the path: why Export is off, a file it replaces, the
    /// last error. True when the copy can be written.
    fn notes(&self, ui: &mut Ui) -> bool {
        let warn = ui.visuals().warn_fg_color;
        let error = ui.visuals().error_fg_color;
        if self.path.trim().is_empty() {
            ui.colored_label(warn, "Say where to save the copy.");
            return false;
        }
        if self.problems > 0 {
            ui.colored_label(
                error,
                format!(
                    "This plan has {} to fix first (listed in the status bar), so that whoever \
                     gets the copy can open it cleanly.",
                    if self.problems == 1 {
                        "a problem".to_string()
                    } else {
                        format!("{} problems", self.problems)
                    }
                ),
            );
            return false;
        }
        if with_extension(PathBuf::from(self.path.trim())).is_file() {
            ui.colored_label(
                warn,
                "A file with this name exists: exporting replaces it (no copy of the old one is kept).",
            );
        }
        if let Some(e) = &self.error {
            ui.colored_label(error, e);
        }
        true
    }
}
