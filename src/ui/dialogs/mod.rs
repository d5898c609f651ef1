//! The app's dialogs. Each is a room of its own: it owns its state, draws
//! itself and, once the person has chosen, gives back a typed [`Outcome`]
//! that the app turns into what happens next (`app/outcomes.rs`). No
//! dialog sees the app; a dialog and its outcome are paired where it is
//! drawn, so an outcome the app forgets to handle does not build.

mod about;
mod export;
mod guided;
mod import;
mod merge;
mod occupations;
mod prompts;
mod share;
mod welcome;

pub use about::About;
pub use export::{ExportDialog, ExportRequest};
pub use guided::{Begin, Guided};
pub use import::{ImportDialog, Imported};
pub use merge::{MergeDialog, Merged, Source};
pub use occupations::{Explorer, Taken};
pub use prompts::{AskPath, OnDisk, Pick, Prompt, Then, Unsaved};
pub use share::ShareDialog;

use super::app::commands::Command;
use super::storage::Recovery;
use crate::model::Plan;
use std::path::{Path, PathBuf};

/// A dialog that needs an answer before anything else.
pub enum Dialog {
    Prompt(Prompt),
    AskPath(AskPath),
    /// Where to begin: on the first start (`first`), and from File > New.
    Welcome {
        first: bool,
    },
    /// Pick a career-path template, with a preview of the one selected.
    Templates {
        selected: usize,
    },
    Guided(Box<Guided>),
    /// File > Export for sharing.
    Share(Box<ShareDialog>),
    /// Import from another plan, a template or a framework.
    Import(Box<ImportDialog>),
    /// File > Export.
    Export(Box<ExportDialog>),
    /// A merge waiting for the person's choice where the versions conflict.
    Merge(Box<MergeDialog>),
    /// The occupation explorer.
    Occupations(Box<Explorer>),
    /// Help > About.
    About(Box<About>),
}

/// What a dialog ended with. Each carries what its dialog was asked for
/// when it opened, so the app goes on with it.
pub enum Outcome {
    /// Cancelled, or nothing more to do.
    Closed,
    Unsaved(Then, Unsaved),
    OnDisk(Option<Then>, OnDisk),
    /// Save over a file with comments, keeping a copy of it.
    SaveDroppingComments {
        path: PathBuf,
        force: bool,
        then: Option<Then>,
    },
    MergeCopy(PathBuf),
    /// "Not now": not offered again while the app runs.
    DeclineCopy(PathBuf),
    Restore(Box<Recovery>),
    DiscardRecovery(Box<Recovery>),
    /// A typed path for `pick`.
    Path {
        pick: Pick,
        path: PathBuf,
        then: Option<Then>,
    },
    /// A choice in the welcome dialog.
    Run(Command),
    /// Start a new plan from the template of this name.
    Template(String),
    /// The guided start is done: make this plan.
    Begin(Box<Begin>),
    /// Import as previewed and chosen.
    Import(Box<Imported>),
    /// Write this export.
    Export(Box<ExportRequest>),
    /// The copy to share is written: what to tell the person.
    Shared(String),
    /// The person chose between the versions: merge with their choices.
    Merge(Box<Merged>),
    /// An occupation taken into the plan as a role.
    Occupation(Box<Taken>),
}

/// What dialogs may read while they draw.
pub struct Env<'a> {
    /// The open plan's file.
    pub file: Option<&'a Path>,
    pub plan: &'a Plan,
    pub today: jiff::civil::Date,
    /// Use the system's file dialogs (rfd); otherwise type a path.
    pub native_dialogs: bool,
}

/// Shows the dialog in `slot` over the window; once it is answered, takes
/// it out and returns its outcome. Escape (or a click beside a small
/// dialog) answers as its Cancel does.
pub fn show(ctx: &egui::Context, slot: &mut Option<Dialog>, env: &Env) -> Option<Outcome> {
    let dialog = slot.take()?;
    // A stray click beside the guided start or an import must not lose its
    // answers: only Escape (or its Cancel button) leaves it.
    let guarded = matches!(
        dialog,
        Dialog::Guided(_) | Dialog::Import(_) | Dialog::Occupations(_)
    );
    let shown = egui::Modal::new(egui::Id::unique("stepstone modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        dialog.show(ui, env)
    });
    let escaped = if guarded {
        ctx.input(|i| i.key_pressed(egui::Key::Escape))
    } else {
        shown.should_close()
    };
    let result = match shown.inner {
        Err(dialog) if escaped => dialog.escaped(),
        other => other,
    };
    match result {
        Ok(outcome) => Some(outcome),
        Err(dialog) => {
            *slot = Some(dialog);
            None
        }
    }
}

impl Dialog {
    /// Draws the dialog: its outcome once answered, else itself to keep.
    fn show(self, ui: &mut egui::Ui, env: &Env) -> Result<Outcome, Self> {
        match self {
            Dialog::Prompt(p) => p.show(ui, env.file).map_err(Dialog::Prompt),
            Dialog::AskPath(a) => a.show(ui, env.file).map_err(Dialog::AskPath),
            Dialog::Welcome { first } => welcome::welcome(ui, first).ok_or(self),
            Dialog::Templates { mut selected } => {
                welcome::pick_template(ui, &mut selected).ok_or(Dialog::Templates { selected })
            }
            Dialog::Guided(mut g) => g.show(ui, env.native_dialogs).ok_or(Dialog::Guided(g)),
            Dialog::Share(mut s) => s.show(ui, env.native_dialogs).ok_or(Dialog::Share(s)),
            Dialog::Import(mut i) => i.show(ui, env).ok_or(Dialog::Import(i)),
            Dialog::Export(mut e) => e.show(ui, env.native_dialogs).ok_or(Dialog::Export(e)),
            Dialog::Merge(m) => m.show(ui, env.plan).map_err(Dialog::Merge),
            Dialog::Occupations(mut o) => o.show(ui, env).ok_or(Dialog::Occupations(o)),
            Dialog::About(mut a) => a.show(ui).ok_or(Dialog::About(a)),
        }
    }

    /// Escape pressed: most dialogs close; some must be answered, and a
    /// copy being written finishes first.
    fn escaped(self) -> Result<Outcome, Self> {
        match self {
            Dialog::Prompt(p) => p.escaped().map_err(Dialog::Prompt),
            Dialog::Share(s) if s.is_writing() => Err(Dialog::Share(s)),
            Dialog::AskPath(_)
            | Dialog::Welcome { .. }
            | Dialog::Templates { .. }
            | Dialog::Guided(_)
            | Dialog::Share(_)
            | Dialog::Import(_)
            | Dialog::Export(_)
            | Dialog::Merge(_)
            | Dialog::Occupations(_)
            | Dialog::About(_) => Ok(Outcome::Closed),
        }
    }
}

/// A row of buttons; the value of the one clicked.
fn buttons<T: Clone>(ui: &mut egui::Ui, options: &[(&str, T)]) -> Option<T> {
    let mut answer = None;
    ui.horizontal(|ui| {
        for (label, value) in options {
            if ui.button(*label).clicked() {
                answer = Some(value.clone());
            }
        }
    });
    answer
}

/// A file's name, for dialogs.
pub fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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
