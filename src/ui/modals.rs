//! The app's dialogs: unsaved changes, a file changed on disk, a typed path
//! when no system dialog is available, and restoring unsaved changes.

use super::app::{App, Modal, Then};
use super::document::Document;
use crate::io;
use std::path::PathBuf;

/// What the user chose in a dialog.
enum Answer {
    Save,
    Discard,
    Reload,
    Overwrite,
    SaveAs,
    Path(PathBuf),
    Restore,
    Cancel,
}

/// A button's label and the answer it gives.
type Choice = (&'static str, fn() -> Answer);

/// A row of buttons.
fn buttons(ui: &mut egui::Ui, options: &[Choice]) -> Option<Answer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        for (label, make) in options {
            if ui.button(*label).clicked() {
                answer = Some(make());
            }
        }
    });
    answer
}

impl App {
    /// Shows the open dialog, if any, and acts on the answer.
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(modal) = &mut self.modal else { return };
        let file_name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "this plan".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        let open_path = self.doc.path.clone();
        let shown = egui::Modal::new(egui::Id::unique("stepstone modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            match modal {
                Modal::Unsaved(_) => {
                    ui.heading("Save your changes?");
                    ui.label(format!("{file_name} has changes that are not saved yet."));
                    buttons(ui, &[("Save", || Answer::Save), ("Discard changes", || Answer::Discard), ("Cancel", || Answer::Cancel)])
                }
                Modal::ChangedOnDisk => {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "Another program changed {file_name} after you opened it. Reload it (losing your changes here), \
                         overwrite it with your version, or save yours as a new file."
                    ));
                    buttons(ui, &[("Reload", || Answer::Reload), ("Overwrite", || Answer::Overwrite), ("Save as\u{2026}", || Answer::SaveAs), ("Cancel", || Answer::Cancel)])
                }
                Modal::AskPath { save, text, .. } => {
                    ui.heading(if *save { "Save the plan as" } else { "Open a plan" });
                    let l = ui.label("File path:");
                    let field = ui.add(egui::TextEdit::singleline(text).desired_width(420.0)).labelled_by(l.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if !enter {
                        field.request_focus();
                    }
                    let typed = PathBuf::from(text.trim());
                    if *save {
                        let target = with_extension(typed.clone());
                        if target.is_file() && Some(&target) != open_path.as_ref() {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                "A file with this name exists: saving replaces it (the old one is kept as .bak).",
                            );
                        }
                        ui.label(egui::RichText::new("Plans end in .stepstone.ron; it is added if missing.").weak().small());
                    }
                    let mut answer = buttons(ui, &[(if *save { "Save" } else { "Open" }, || Answer::Save), ("Cancel", || Answer::Cancel)]);
                    if enter {
                        answer = Some(Answer::Save);
                    }
                    answer.map(|a| match a {
                        Answer::Save if !text.trim().is_empty() => Answer::Path(typed),
                        Answer::Save => Answer::Cancel,
                        other => other,
                    })
                }
                Modal::Recover(r) => {
                    ui.heading("Restore unsaved changes?");
                    let what = r.path.as_ref().map_or_else(|| "an unsaved plan".to_string(), |p| p.display().to_string());
                    ui.label(format!(
                        "Stepstone closed without saving changes to {what}. Restore them? You can then save or discard them."
                    ));
                    buttons(ui, &[("Restore", || Answer::Restore), ("Discard them", || Answer::Discard)])
                }
            }
        });
        let escaped = shown.should_close();
        let answer = shown.inner.or_else(|| escaped.then_some(Answer::Cancel));
        if let Some(answer) = answer {
            self.answer(answer);
        }
    }

    fn answer(&mut self, answer: Answer) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        match (modal, answer) {
            (Modal::Unsaved(then), Answer::Save) => {
                // Only go on once the changes are really saved.
                if self.run_save() {
                    self.go_on(then);
                } else if let Some(Modal::AskPath { then: after, .. }) = &mut self.modal {
                    // Saving needs a file name first; go on once it is saved.
                    *after = Some(then);
                } else if self.modal.is_none() {
                    self.modal = Some(Modal::Unsaved(then));
                }
            }
            (Modal::Unsaved(then), Answer::Discard) => {
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                self.discard_changes();
                self.go_on(then);
            }
            (Modal::ChangedOnDisk, Answer::Reload) => {
                if let Some(path) = self.doc.path.clone() {
                    self.discard_changes();
                    self.open_path(path);
                }
            }
            (Modal::ChangedOnDisk, Answer::Overwrite) => {
                if let Some(path) = self.doc.path.clone() {
                    self.save_to(path, true);
                }
            }
            (Modal::ChangedOnDisk, Answer::SaveAs) => self.run(super::commands::Command::SaveAs),
            (
                Modal::AskPath {
                    save: true, then, ..
                },
                Answer::Path(path),
            ) => {
                // Saving to the open file keeps the check for outside changes.
                let path = with_extension(path);
                let other_file = self.doc.path.as_ref() != Some(&path);
                if self.save_to(path, other_file)
                    && let Some(then) = then
                {
                    self.go_on(then);
                }
            }
            (Modal::AskPath { save: false, .. }, Answer::Path(path)) => self.open_path(path),
            (Modal::Recover(r), Answer::Restore) => self.restore(*r),
            (Modal::Recover(r), Answer::Discard) => {
                self.settings.dirs.clear_recovery(r.path.as_deref());
            }
            (Modal::Recover(r), _) => self.modal = Some(Modal::Recover(r)),
            _ => {}
        }
    }

    /// Saves (or asks where); true when the plan is saved.
    fn run_save(&mut self) -> bool {
        self.run(super::commands::Command::Save);
        !self.doc.is_dirty()
    }

    /// Forgets unsaved changes, so the next step does not ask again.
    /// Drops unsaved changes: the plan goes back to its file (or, without
    /// one, to where it started), so nothing unsaved stays on screen as "saved".
    fn discard_changes(&mut self) {
        let path = self.doc.path.clone();
        if let Some((plan, stamp)) = path.as_ref().and_then(|p| io::load(p).ok()) {
            self.doc = Document::new(plan, path, Some(stamp));
        } else {
            while self.doc.undo() {}
            let (plan, stamp) = (self.doc.plan().clone(), self.doc.stamp.clone());
            self.doc = Document::new(plan, path, stamp);
        }
        self.views = super::views::Views::default();
    }

    fn go_on(&mut self, then: Then) {
        match then {
            Then::Open(Some(path)) => self.open_path(path),
            Then::Open(None) => self.run(super::commands::Command::Open),
            Then::NewEmpty => self.run(super::commands::Command::NewEmpty),
            Then::NewFromSample => self.run(super::commands::Command::NewFromSample),
            Then::Quit => self.run(super::commands::Command::Quit),
        }
    }

    /// Opens the recovered plan as unsaved changes to its file.
    /// The stamp is the one the changes were made to: if the file changed
    /// since, saving asks first.
    fn restore(&mut self, r: super::storage::Recovery) {
        self.doc = Document::new(r.plan, r.path, r.stamp);
        self.doc.mark_unsaved();
        self.views = super::views::Views::default();
    }
}

/// Adds `.stepstone.ron` to a typed file name without an extension.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".stepstone.ron");
        PathBuf::from(s)
    }
}
