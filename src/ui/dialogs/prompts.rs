//! The small questions of the file flow: unsaved changes, a file changed on
//! disk, comments a save cannot keep, a sync service's conflicted copy,
//! changes to restore after a crash, and a typed path when no system
//! dialog is available. Each carries what was asked for when it opened
//! (`Then`), so its outcome goes on with it.

use super::{Outcome, buttons, name_of, with_extension};
use crate::ui::storage::Recovery;
use std::path::{Path, PathBuf};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    NewEmpty,
    NewFromSample,
    /// A new, untitled plan from the template of this name.
    NewFromTemplate(String),
    /// The guided start's steps.
    GuidedStart,
    /// Open this file, or ask which.
    Open(Option<PathBuf>),
    /// Move this merged conflicted copy aside.
    SetAside(PathBuf),
    Quit,
}

/// What a path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A plan to open.
    Open,
    /// Where to save the plan.
    Save,
    /// A folder of plans to open.
    Folder,
}

/// A question about the open plan's file.
pub enum Prompt {
    /// Save, discard or keep the changes before `Then`.
    Unsaved(Then),
    /// Another program changed the file; what to do before `Then`.
    ChangedOnDisk(Option<Then>),
    /// The file at `path` has hand-written comments that saving (with
    /// `force` as asked) will drop; `copy` is where the save keeps them.
    Comments {
        path: PathBuf,
        force: bool,
        then: Option<Then>,
        copy: PathBuf,
    },
    /// A sync service left this conflicted copy of the plan beside it.
    ConflictedCopy(PathBuf),
    /// Unsaved changes left by a crash.
    Recover(Box<Recovery>),
}

/// The answer to "Save your changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    Save,
    Discard,
}

/// The answer to "The file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDisk {
    Merge,
    Reload,
    Overwrite,
    SaveAs,
}

/// What a prompt's buttons answer, before it is paired with the prompt.
#[derive(Clone, Copy)]
enum Said {
    Yes,
    Unsaved(Unsaved),
    OnDisk(OnDisk),
    No,
}

impl Prompt {
    /// Draws the prompt; `Some` once answered (consuming it), else the
    /// prompt to keep showing.
    pub(super) fn show(self, ui: &mut egui::Ui, file: Option<&Path>) -> Result<Outcome, Self> {
        let file_name = file.map_or_else(|| "this plan".to_string(), name_of);
        match self.draw(ui, &file_name) {
            Some(said) => self.answered(said),
            None => Err(self),
        }
    }

    fn draw(&self, ui: &mut egui::Ui, file_name: &str) -> Option<Said> {
        match self {
            Prompt::Unsaved(_) => {
                ui.heading("Save your changes?");
                ui.label(format!("{file_name} has changes that are not saved yet."));
                buttons(
                    ui,
                    &[
                        ("Save", Said::Unsaved(Unsaved::Save)),
                        ("Discard changes", Said::Unsaved(Unsaved::Discard)),
                        ("Cancel", Said::No),
                    ],
                )
            }
            Prompt::ChangedOnDisk(_) => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "Another program changed {file_name} after you opened it. Merge its changes \
                     with yours (you choose where both changed the same thing), reload it (losing \
                     your changes here), overwrite it with your version, or save yours as a new file."
                ));
                buttons(
                    ui,
                    &[
                        ("Merge", Said::OnDisk(OnDisk::Merge)),
                        ("Reload", Said::OnDisk(OnDisk::Reload)),
                        ("Overwrite", Said::OnDisk(OnDisk::Overwrite)),
                        ("Save as\u{2026}", Said::OnDisk(OnDisk::SaveAs)),
                        ("Cancel", Said::No),
                    ],
                )
            }
            Prompt::Comments { path, copy, .. } => {
                ui.heading("This file has comments");
                ui.label(format!(
                    "{} has comments written by hand (// or /* */). Stepstone cannot keep \
                     them in the plan when it saves. It keeps the file as it is now, comments and \
                     all, in {}, and never writes over that copy.",
                    name_of(path),
                    name_of(copy)
                ));
                buttons(
                    ui,
                    &[("Save, keeping a copy", Said::Yes), ("Cancel", Said::No)],
                )
            }
            Prompt::ConflictedCopy(copy) => {
                ui.heading("A conflicted copy of this plan");
                ui.label(format!(
                    "A sync service left {} beside {file_name}: two devices changed the plan at \
                     once. Merge it into your plan? Nothing is lost: what only one version has is \
                     kept, and you choose where both changed the same thing.",
                    name_of(copy)
                ));
                buttons(ui, &[("Merge it in", Said::Yes), ("Not now", Said::No)])
            }
            Prompt::Recover(r) => {
                ui.heading("Restore unsaved changes?");
                let what = r.path.as_ref().map_or_else(
                    || "an unsaved plan".to_string(),
                    |p| p.display().to_string(),
                );
                ui.label(format!(
                    "Stepstone closed without saving changes to {what}. Restore them? You can then \
                     save or discard them."
                ));
                buttons(ui, &[("Restore", Said::Yes), ("Discard them", Said::No)])
            }
        }
    }

    /// The outcome of `said` (a button, or `No` for Escape). Changes to
    /// restore must be answered: Escape leaves that prompt open.
    fn answered(self, said: Said) -> Result<Outcome, Self> {
        Ok(match (self, said) {
            (Prompt::Unsaved(then), Said::Unsaved(choice)) => Outcome::Unsaved(then, choice),
            (Prompt::ChangedOnDisk(then), Said::OnDisk(choice)) => Outcome::OnDisk(then, choice),
            (
                Prompt::Comments {
                    path, force, then, ..
                },
                Said::Yes,
            ) => Outcome::SaveDroppingComments { path, force, then },
            (Prompt::ConflictedCopy(copy), Said::Yes) => Outcome::MergeCopy(copy),
            (Prompt::ConflictedCopy(copy), _) => Outcome::DeclineCopy(copy),
            (Prompt::Recover(r), Said::Yes) => Outcome::Restore(r),
            (Prompt::Recover(r), Said::No) => Outcome::DiscardRecovery(r),
            (prompt @ Prompt::Recover(_), _) => return Err(prompt),
            (Prompt::Unsaved(_) | Prompt::ChangedOnDisk(_) | Prompt::Comments { .. }, _) => {
                Outcome::Closed
            }
        })
    }

    /// Escape (or a click beside it): as Cancel, or "Not now".
    pub(super) fn escaped(self) -> Result<Outcome, Self> {
        match self {
            Prompt::Recover(_) => Err(self),
            other => other.answered(Said::No),
        }
    }
}

/// A path typed by hand, when no system dialog is available.
pub struct AskPath {
    pub pick: Pick,
    pub text: String,
    /// What to do once saved (when saving was asked for by New, Open or Quit).
    pub then: Option<Then>,
}

impl AskPath {
    /// The field, with a warning when saving would replace another file;
    /// the outcome once Enter, the button or Cancel is pressed.
    pub(super) fn show(self, ui: &mut egui::Ui, open: Option<&Path>) -> Result<Outcome, Self> {
        let mut me = self;
        match me.draw(ui, open) {
            None => Err(me),
            Some(false) => Ok(Outcome::Closed),
            Some(true) if me.text.trim().is_empty() => Ok(Outcome::Closed),
            Some(true) => Ok(Outcome::Path {
                pick: me.pick,
                path: PathBuf::from(me.text.trim()),
                then: me.then,
            }),
        }
    }

    /// `Some(true)` to go ahead, `Some(false)` for Cancel.
    fn draw(&mut self, ui: &mut egui::Ui, open: Option<&Path>) -> Option<bool> {
        let save = self.pick == Pick::Save;
        let (heading, label) = match self.pick {
            Pick::Open => ("Open a plan", "File path:"),
            Pick::Save => ("Save the plan as", "File path:"),
            Pick::Folder => ("Open a folder of plans", "Folder path:"),
        };
        ui.heading(heading);
        let l = ui.label(label);
        let field = ui
            .add(egui::TextEdit::singleline(&mut self.text).desired_width(420.0))
            .labelled_by(l.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter {
            field.request_focus();
        }
        if save {
            let target = with_extension(PathBuf::from(self.text.trim()));
            if target.is_file() && Some(target.as_path()) != open {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "A file with this name exists: saving replaces it (the old one is kept as .bak).",
                );
            }
            ui.label(
                egui::RichText::new("Plans end in .stepstone.ron; it is added if missing.")
                    .weak()
                    .small(),
            );
        }
        let pressed = buttons(
            ui,
            &[
                (if save { "Save" } else { "Open" }, true),
                ("Cancel", false),
            ],
        );
        if enter { Some(true) } else { pressed }
    }
}
