//! Opening the dialogs, and acting on what they end with: the one place
//! where a dialog's [`Outcome`] becomes what the app does. The match has no
//! catch-all, so a new outcome must be handled here to build.

use super::{App, Notice};
use crate::io::export::{self, Format};
use crate::ui::dialogs::{
    Dialog, ExportDialog, ExportRequest, ImportDialog, OnDisk, Outcome, Pick, ShareDialog, Then,
    Unsaved, with_extension,
};

impl App {
    /// Acts on the outcome of the dialog just answered (and closed).
    pub(super) fn answer(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Closed => {}
            Outcome::Unsaved(then, Unsaved::Save) => self.save(Some(then)),
            Outcome::Unsaved(then, Unsaved::Discard) => {
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                self.discard_changes();
                self.then_or_ask(then);
            }
            Outcome::OnDisk(then, OnDisk::Reload) => {
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                // Back to the file as it is now; nothing unsaved is left to ask about.
                self.discard_changes();
                if let Some(then) = then {
                    self.then_or_ask(then);
                }
            }
            Outcome::OnDisk(then, OnDisk::Overwrite) => {
                if let Some(path) = self.doc.path.clone() {
                    self.save_to(path, true, then);
                }
            }
            Outcome::OnDisk(then, OnDisk::SaveAs) => self.save_as(then),
            Outcome::OnDisk(then, OnDisk::Merge) => self.merge_disk(then),
            Outcome::SaveDroppingComments { path, force, then } => {
                self.files.comments_ok = Some(path.clone());
                self.save_to(path, force, then);
            }
            Outcome::MergeCopy(copy) => self.merge_copy(copy),
            Outcome::DeclineCopy(copy) => self.files.declined_copies.push(copy),
            Outcome::Restore(r) => self.restore(*r),
            Outcome::DiscardRecovery(r) => self.settings.dirs.clear_recovery(r.path.as_deref()),
            Outcome::Path {
                pick: Pick::Save,
                path,
                then,
            } => {
                // Saving to the open file keeps the check for outside changes.
                let path = with_extension(path);
                let path = std::path::absolute(&path).unwrap_or(path);
                let other_file = self.doc.path.as_ref() != Some(&path);
                self.save_to(path, other_file, then);
            }
            // A plan or a folder of plans: opening a path tells them apart.
            Outcome::Path {
                pick: Pick::Open | Pick::Folder,
                path,
                ..
            } => self.then_or_ask(Then::Open(Some(path))),
            Outcome::Run(command) => self.run(command),
            Outcome::Template(name) => self.then_or_ask(Then::NewFromTemplate(name)),
            Outcome::Begin(begin) => self.begin(*begin),
            Outcome::Import(imported) => {
                let edit = imported.edit(self.doc.plan());
                self.notice = Some(match self.doc.apply(edit, 0.0, false) {
                    Ok(()) => Notice::info(imported.done()),
                    Err(e) => Notice::error(format!("The import could not be made: {e}.")),
                });
            }
            Outcome::Export(request) => self.export(&request),
            Outcome::Shared(told) => self.notice = Some(Notice::info(told)),
            Outcome::Merge(merged) => self.finish_merge(*merged),
            Outcome::Occupation(taken) => {
                self.notice = Some(match self.doc.apply(taken.edit, 0.0, false) {
                    Ok(()) => Notice::info(taken.told),
                    Err(e) => Notice::error(format!("The occupation could not be taken in: {e}.")),
                });
            }
        }
    }

    /// File > Export for sharing: opens the dialog on the plan as it is now.
    pub(super) fn export_for_sharing(&mut self) {
        let dialog = ShareDialog::new(
            self.doc.snapshot().plan,
            self.doc.path.clone(),
            &self.settings.dirs.plans,
        );
        self.modal = Some(Dialog::Share(Box::new(dialog)));
    }

    /// File > Import: the dialog, its path starting in the plan's folder.
    pub(super) fn start_import(&mut self) {
        let dialog = ImportDialog::beside(self.doc.path.as_deref());
        self.modal = Some(Dialog::Import(Box::new(dialog)));
    }

    /// Opens File > Export on `format`, writing beside the plan's file (an
    /// untitled plan's exports go to the folder for new plans).
    pub(super) fn open_export(&mut self, format: Format) {
        let plan_file = self
            .doc
            .path
            .clone()
            .unwrap_or_else(|| self.settings.dirs.plans.join("plan.stepstone.ron"));
        let dialog = ExportDialog::new(format, plan_file, self.today());
        self.modal = Some(Dialog::Export(Box::new(dialog)));
    }

    /// Makes the export asked for and writes it; the notice says where it
    /// went, or why it could not be written. The plan is not changed.
    fn export(&mut self, request: &ExportRequest) {
        let path = std::path::absolute(&request.path).unwrap_or_else(|_| request.path.clone());
        let written = export::export(
            self.doc.plan(),
            request.format,
            &request.options,
            self.today(),
        )
        .map_err(|e| e.to_string())
        .and_then(|text| {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
            }
            export::write(&path, &text, self.doc.path.as_deref()).map_err(|e| e.to_string())
        });
        self.notice = Some(match written {
            Ok(()) => Notice::info(format!(
                "Exported {} to {}.",
                request.format.noun(),
                path.display()
            )),
            Err(e) => Notice::error(format!("Could not export to {}: {e}.", path.display())),
        });
    }
}
