//! The app's dialogs: unsaved changes, a file changed on disk, comments a
//! save cannot keep, a typed path when no system dialog is available, and
//! restoring unsaved changes. They only draw and return the answer; the
//! file flow (`files.rs`) acts on it.

use super::storage::Recovery;
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

/// A dialog that needs an answer before anything else. Each carries what
/// was asked for when it opened, so answering goes on with it.
pub enum Modal {
    Unsaved(Then),
    ChangedOnDisk(Option<Then>),
    /// The file at `path` has hand-written comments that saving (with
    /// `force` as asked) will drop; `copy` is where the save keeps them.
    Comments {
        path: PathBuf,
        force: bool,
        then: Option<Then>,
        copy: PathBuf,
    },
    /// A typed path, when no native dialog is available.
    AskPath {
        pick: Pick,
        text: String,
        /// What to do once saved (when saving was asked for by New, Open or Quit).
        then: Option<Then>,
    },
    Recover(Box<Recovery>),
    /// Pick a career-path template, with a preview of the one selected.
    Templates {
        selected: usize,
    },
    /// Where to begin: on the first start (`first`), and from File > New.
    Welcome {
        first: bool,
    },
    /// The guided start's steps.
    Guided(Box<super::guided::Guided>),
    /// File > Export for sharing.
    Share(Box<super::share_dialog::ShareDialog>),
    /// Import from another plan, a template or a framework.
    Import(Box<super::import_dialog::ImportDialog>),
    /// File > Export.
    Export(Box<super::export_dialog::ExportDialog>),
    /// A sync service left this conflicted copy of the plan beside it.
    ConflictedCopy(PathBuf),
    /// A merge waiting for the person's choice where the versions conflict.
    Merge(Box<super::merging::MergeDialog>),
}

/// What the user chose in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Save,
    Discard,
    Reload,
    Overwrite,
    /// Merge the other version with ours.
    Merge,
    SaveAs,
    Path(PathBuf),
    Restore,
    /// Start a new plan from the template of this name.
    Template(String),
    /// Run this command (a choice in the welcome dialog).
    Run(super::commands::Command),
    /// The guided start is done: make this plan.
    Begin(Box<super::guided::Begin>),
    /// Read this for an import and show what would come in.
    ImportFrom(super::import_dialog::Pick),
    /// Import as previewed and chosen.
    Import,
    /// Write this export.
    Export(Box<super::export_dialog::ExportRequest>),
    Cancel,
}

/// A button's label and the answer it gives.
type Choice = (&'static str, Answer);

/// A row of buttons.
fn buttons(ui: &mut egui::Ui, options: &[Choice]) -> Option<Answer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        for (label, a) in options {
            if ui.button(*label).clicked() {
                answer = Some(a.clone());
            }
        }
    });
    answer
}

/// Shows `modal` over the window; returns the answer once given (Escape
/// answers Cancel).
pub fn show(
    ctx: &egui::Context,
    modal: &mut Modal,
    file: Option<&Path>,
    native_dialogs: bool,
) -> Option<Answer> {
    let file_name = file.map_or_else(|| "this plan".to_string(), name_of);
    let shown = egui::Modal::new(egui::Id::unique("stepstone modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match modal {
            Modal::Unsaved(_) => {
                ui.heading("Save your changes?");
                ui.label(format!("{file_name} has changes that are not saved yet."));
                buttons(
                    ui,
                    &[
                        ("Save", Answer::Save),
                        ("Discard changes", Answer::Discard),
                        ("Cancel", Answer::Cancel),
                    ],
                )
            }
            Modal::ChangedOnDisk(_) => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "Another program changed {file_name} after you opened it. Merge its changes \
                     with yours (you choose where both changed the same thing), reload it (losing \
                     your changes here), overwrite it with your version, or save yours as a new file."
                ));
                buttons(
                    ui,
                    &[
                        ("Merge", Answer::Merge),
                        ("Reload", Answer::Reload),
                        ("Overwrite", Answer::Overwrite),
                        ("Save as\u{2026}", Answer::SaveAs),
                        ("Cancel", Answer::Cancel),
                    ],
                )
            }
            Modal::Comments { path, copy, .. } => {
                let file_name = name_of(path);
                ui.heading("This file has comments");
                ui.label(format!(
                    "{file_name} has comments written by hand (// or /* */). Stepstone cannot keep \
                     them in the plan when it saves. It keeps the file as it is now, comments and \
                     all, in {}, and never writes over that copy.",
                    name_of(copy)
                ));
                buttons(
                    ui,
                    &[
                        ("Save, keeping a copy", Answer::Save),
                        ("Cancel", Answer::Cancel),
                    ],
                )
            }
            Modal::AskPath { pick, text, .. } => ask_path(ui, *pick, text, file),
            Modal::Templates { selected } => pick_template(ui, selected),
            Modal::Welcome { first } => welcome(ui, *first),
            Modal::Guided(guided) => guided.show(ui, native_dialogs),
            Modal::Share(share) => share.show(ui, native_dialogs),
            Modal::Import(import) => import.show(ui, native_dialogs),
            Modal::Export(dialog) => dialog.show(ui, native_dialogs),
            Modal::Merge(merge) => merge.show(ui),
            Modal::ConflictedCopy(copy) => {
                ui.heading("A conflicted copy of this plan");
                ui.label(format!(
                    "A sync service left {} beside {file_name}: two devices changed the plan at \
                     once. Merge it into your plan? Nothing is lost: what only one version has is \
                     kept, and you choose where both changed the same thing.",
                    name_of(copy)
                ));
                buttons(ui, &[("Merge it in", Answer::Merge), ("Not now", Answer::Cancel)])
            }
            Modal::Recover(r) => {
                ui.heading("Restore unsaved changes?");
                let what = r.path.as_ref().map_or_else(
                    || "an unsaved plan".to_string(),
                    |p| p.display().to_string(),
                );
                ui.label(format!(
                    "Stepstone closed without saving changes to {what}. Restore them? You can then \
                     save or discard them."
                ));
                buttons(
                    ui,
                    &[
                        ("Restore", Answer::Restore),
                        ("Discard them", Answer::Discard),
                    ],
                )
            }
        }
    });
    // A stray click beside the guided start or an import must not lose its
    // answers: only Escape (or its Cancel button) leaves it.
    let escaped = if matches!(modal, Modal::Guided(_) | Modal::Import(_)) {
        ctx.input(|i| i.key_pressed(egui::Key::Escape))
    } else {
        shown.should_close()
    };
    shown.inner.or_else(|| escaped.then_some(Answer::Cancel))
}

/// Where to begin: on the first start, a line on what Stepstone is too.
fn welcome(ui: &mut egui::Ui, first: bool) -> Option<Answer> {
    use super::commands::Command;
    if first {
        ui.heading("Welcome to Stepstone");
        ui.label(
            "Plan your current role as a stepping stone to the next: the skills it needs, \
             goals and milestones, and a few seconds a day to log what you did.",
        );
    } else {
        ui.heading("Start a new plan");
    }
    ui.add_space(6.0);
    let mut answer = None;
    let choices = [
        (
            "Guided start",
            "Six short steps: your why, your roles, skills and a first goal.",
            Answer::Run(Command::GuidedStart),
        ),
        (
            "Start from a career path",
            "Roles, skills and goals for a common path; you make it yours.",
            Answer::Run(Command::NewFromTemplate),
        ),
        (
            "Start with an empty plan",
            "Build it yourself from scratch.",
            Answer::Run(Command::NewEmpty),
        ),
        (
            "Open a plan file\u{2026}",
            "A plan you or your mentor made.",
            Answer::Run(Command::Open),
        ),
        (
            "Explore the sample plan",
            "A nurse educator's plan with six months of log: look around first.",
            Answer::Run(Command::NewFromSample),
        ),
    ];
    let mut shown = Vec::new();
    for (label, what, choice) in choices {
        ui.horizontal(|ui| {
            let button = ui.add_sized([220.0, 28.0], egui::Button::new(label));
            if button.clicked() {
                answer = Some(choice);
            }
            shown.push(button);
            ui.label(egui::RichText::new(what).weak());
        });
    }
    // The keyboard starts on the first choice: Enter takes it, Tab moves on.
    let focused = ui.memory(egui::Memory::focused);
    if !shown.iter().any(|b| Some(b.id) == focused)
        && let Some(first_choice) = shown.first()
    {
        first_choice.request_focus();
    }
    if !first {
        ui.add_space(6.0);
        answer = answer.or(buttons(ui, &[("Cancel", Answer::Cancel)]));
    }
    answer
}

/// The template list (left) and a preview of the selected one (right).
fn pick_template(ui: &mut egui::Ui, selected: &mut usize) -> Option<Answer> {
    let all = crate::io::templates::templates();
    ui.set_max_width(760.0);
    ui.heading("Start from a career path");
    ui.label("A template gives you the roles, the skills each needs and suggested goals; you make it yours.");
    let mut answer = None;
    // Fixed sizes: a separator or a filling column would grow the dialog
    // every frame.
    ui.horizontal_top(|ui| {
        let column = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(260.0, 380.0), column, |ui| {
            ui.set_width(260.0);
            for (i, t) in all.iter().enumerate() {
                if ui.selectable_label(*selected == i, &t.title).clicked() {
                    *selected = i;
                }
            }
        });
        ui.add_space(12.0);
        ui.allocate_ui_with_layout(egui::vec2(440.0, 380.0), column, |ui| {
            ui.set_width(440.0);
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .show(ui, |ui| {
                    if let Some(t) = all.get(*selected) {
                        template_preview(ui, t);
                    }
                });
        });
    });
    ui.separator();
    let chosen = all.get(*selected).map(|t| t.name.clone());
    ui.horizontal(|ui| {
        if ui.button("Start from this template").clicked() {
            answer = chosen.map(Answer::Template);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

/// What a template holds: its path of roles, the skills and the goals.
fn template_preview(ui: &mut egui::Ui, t: &crate::io::templates::Template) {
    let plan = t.plan();
    ui.label(egui::RichText::new(&t.title).strong());
    ui.label(egui::RichText::new(&t.about).weak());
    let path: Vec<String> = plan
        .roles
        .iter()
        .map(|r| format!("{} ({})", r.title, r.stage.label()))
        .collect();
    ui.label(format!("Roles: {}", path.join(", ")));
    let skills: Vec<&str> = plan.skills.iter().map(|s| s.name.as_str()).collect();
    ui.label(format!("Skills: {}", skills.join(", ")));
    ui.label("Suggested goals:");
    for g in &plan.goals {
        ui.label(format!(
            "\u{2022} {} ({} milestones)",
            g.title,
            g.milestones.len()
        ));
    }
}

/// A file's name, for dialogs.
pub(super) fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The typed-path dialog.
fn ask_path(
    ui: &mut egui::Ui,
    pick: Pick,
    text: &mut String,
    open: Option<&Path>,
) -> Option<Answer> {
    let save = pick == Pick::Save;
    let (heading, label) = match pick {
        Pick::Open => ("Open a plan", "File path:"),
        Pick::Save => ("Save the plan as", "File path:"),
        Pick::Folder => ("Open a folder of plans", "Folder path:"),
    };
    ui.heading(heading);
    let l = ui.label(label);
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(420.0))
        .labelled_by(l.id);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if !enter {
        field.request_focus();
    }
    let typed = PathBuf::from(text.trim());
    if save {
        let target = with_extension(typed.clone());
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
    let mut answer = buttons(
        ui,
        &[
            (if save { "Save" } else { "Open" }, Answer::Save),
            ("Cancel", Answer::Cancel),
        ],
    );
    if enter {
        answer = Some(Answer::Save);
    }
    answer.map(|a| match a {
        Answer::Save if !text.trim().is_empty() => Answer::Path(typed),
        Answer::Save => Answer::Cancel,
        other => other,
    })
}

/// Adds `.stepstone.ron` to a typed file name without an extension.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".stepstone.ron");
        PathBuf::from(s)
    }
}
