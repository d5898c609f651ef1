//! The app with a folder of plans open (File > Open folder of plans, or
//! `stepstone FOLDER`): the list instead of the views, a plan opened from
//! it read-only, and the way back. The list itself is `views/folder.rs`.

use super::commands::Command;
use super::{App, Notice};
use crate::ui::dialogs::{Pick, Then, name_of};
use crate::ui::views::folder::{Folder, FolderOutcome};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// What the person is told when they try to change or save a plan opened
/// from a folder.
const READ_ONLY: &str = "This plan is open read-only, from a folder of plans: it cannot be \
                         changed or saved here.";

impl App {
    /// The open folder of plans, if any.
    pub fn folder(&self) -> Option<&Folder> {
        self.folder.as_ref()
    }

    /// Whether the folder's list is on screen (rather than a plan).
    pub(super) fn showing_folder(&self) -> bool {
        self.folder.as_ref().is_some_and(Folder::is_showing)
    }

    /// Whether the plan on screen may be changed and saved: not on the
    /// list, not a plan opened from it.
    pub(super) fn plan_writable(&self) -> bool {
        !self.showing_folder() && !self.doc.is_read_only()
    }

    /// The status bar on the list: the folder and what it holds; false
    /// (nothing drawn) elsewhere.
    pub(super) fn folder_status(&self, ui: &mut Ui) -> bool {
        let Some(f) = self.folder.as_ref().filter(|f| f.is_showing()) else {
            return false;
        };
        ui.label(f.path().display().to_string());
        ui.separator();
        ui.label(f.status());
        true
    }

    /// Opens a plan file, or a folder of plans.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        if path.is_dir() {
            self.open_folder(path);
        } else {
            self.load(path);
        }
    }

    /// Lists the plans in `path` and starts reading them. A folder that
    /// cannot be read leaves everything as it was and says why.
    pub(super) fn open_folder(&mut self, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        match Folder::open(path, self.today(), self.folder.as_ref()) {
            Ok(folder) => {
                self.folder = Some(folder);
                self.notice = None;
            }
            Err(e) => self.notice = Some(Notice::error(format!("Could not open the folder: {e}."))),
        }
    }

    /// Takes the rows in once they are all read.
    pub(super) fn poll_folder(&mut self) {
        if let Some(f) = &mut self.folder {
            f.poll();
        }
    }

    /// The folder stays open while a plan from it is (read-only) open; any
    /// other plan closes it.
    pub(super) fn folder_follows_doc(&mut self) {
        if !self.doc.is_read_only() {
            self.folder = None;
        } else if let Some(f) = &mut self.folder {
            f.show_list(false);
        }
    }

    /// Leaves the list for the plan behind it: the one opened from the
    /// folder, or else the person's own (which closes the folder).
    fn leave_list(&mut self) {
        if self.doc.is_read_only() {
            if let Some(f) = &mut self.folder {
                f.show_list(false);
            }
        } else {
            self.folder = None;
        }
    }

    /// Back from a plan opened from the folder to the folder's list.
    pub(super) fn back_to_folder(&mut self) {
        if let Some(f) = &mut self.folder {
            f.show_list(true);
            self.notice = None;
        }
    }

    /// Whether a command must not run now; the commands that change or
    /// save a plan do nothing on the list, and say why on a read-only plan.
    /// A view asked for from the list leaves the list.
    pub(super) fn blocked(&mut self, command: Command) -> bool {
        let listing = self.showing_folder();
        let changes_plan = matches!(
            command,
            Command::Undo
                | Command::Redo
                | Command::Save
                | Command::SaveAs
                | Command::ExportForSharing
                | Command::Import
                | Command::Occupations
        );
        // Reports only read the plan: fine on a read-only one, not on the list.
        let reads_plan = matches!(command, Command::Export(_));
        match command {
            Command::Show(_) if listing => {
                self.leave_list();
                false
            }
            _ if (changes_plan || reads_plan) && listing => true,
            _ if changes_plan && self.doc.is_read_only() => {
                self.notice = Some(Notice::error(READ_ONLY));
                true
            }
            _ => false,
        }
    }

    /// File > Open folder of plans: asks which folder, then opens it.
    pub(super) fn pick_folder(&mut self) {
        if let Some(path) = self.pick_path(Pick::Folder, None) {
            self.then_or_ask(Then::Open(Some(path)));
        }
    }

    /// Escape on a plan opened from the folder goes back to the list, unless
    /// a text field or a pop-up has it.
    pub(super) fn back_key(&mut self, ctx: &egui::Context) {
        if self.doc.is_read_only()
            && !self.showing_folder()
            && !ctx.text_edit_focused()
            && !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.back_to_folder();
        }
    }

    /// The window's title on the list, or on a plan opened from it.
    pub(super) fn folder_title(&self) -> Option<String> {
        match (&self.folder, &self.doc.path) {
            (Some(f), _) if f.is_showing() => Some(format!(
                "{} (folder of plans) - Stepstone",
                name_of(f.path())
            )),
            (_, Some(path)) if self.doc.is_read_only() => {
                Some(format!("{} (read-only) - Stepstone", name_of(path)))
            }
            _ => None,
        }
    }

    /// The line above the views of a read-only plan, with the way back.
    pub(super) fn read_only_bar(&mut self, ui: &mut Ui) {
        if !self.doc.is_read_only() {
            return;
        }
        let whose = match self.doc.plan().owner.trim() {
            "" => "This plan".to_string(),
            name => format!("{name}'s plan"),
        };
        let mut back = false;
        egui::Panel::top("read_only").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "\u{1f512} Read-only: {whose}, from a folder of plans. Nothing here can \
                         be changed or saved."
                    ))
                    .strong(),
                );
                if self.folder.is_some() {
                    back = ui
                        .button(format!("\u{2b05} {}", Command::BackToFolder.label()))
                        .on_hover_text("Or press Escape")
                        .clicked();
                }
            });
        });
        if back {
            self.back_to_folder();
        }
    }

    /// The list in the middle of the window, and what its clicks ask for.
    pub(super) fn folder_ui(&mut self, ui: &mut Ui) {
        self.notice_bar(ui);
        if self.busy_bar(ui) {
            return;
        }
        let Some(f) = &mut self.folder else { return };
        match f.ui(ui) {
            Some(FolderOutcome::ReadAgain) => {
                let path = f.path().to_path_buf();
                self.open_folder(path);
            }
            Some(FolderOutcome::Open(path)) => self.load_as(path, true),
            None => {}
        }
    }
}
