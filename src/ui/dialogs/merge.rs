//! The merge dialog: where another version of the open plan (the file on
//! disk, or a sync service's conflicted copy) and the open plan changed the
//! same thing, the two side by side with a choice for each. The model
//! merges (`model::merge3`); the app finds the common version, applies the
//! result as one undo step and saves (`app/merging.rs`).

use super::{Outcome, Then};
use crate::io;
use crate::model::Plan;
use crate::model::merge3::{self, Conflict, Side};
use egui::RichText;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where the other version came from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The plan's own file, as another program left it.
    Disk(io::DiskStamp),
    /// A sync service's conflicted copy, set aside once merged.
    Copy(PathBuf),
}

/// The merge waiting for the person's choices.
pub struct MergeDialog {
    base: Plan,
    theirs: Plan,
    source: Source,
    then: Option<Then>,
    conflicts: Vec<Conflict>,
    choices: Vec<Side>,
}

/// A merge with the person's choices made.
pub struct Merged {
    pub plan: Plan,
    pub source: Source,
    pub then: Option<Then>,
}

impl MergeDialog {
    /// The dialog over the `conflicts` of merging `theirs` into the open
    /// plan from `base`; each starts on the open plan's side.
    pub fn new(
        base: Plan,
        theirs: Plan,
        source: Source,
        then: Option<Then>,
        conflicts: Vec<Conflict>,
    ) -> Self {
        Self {
            base,
            theirs,
            source,
            then,
            choices: vec![Side::Ours; conflicts.len()],
            conflicts,
        }
    }

    /// The conflicts side by side, each with its choice; Merge merges
    /// `ours` (the open plan) with the choices made.
    pub fn show(self: Box<Self>, ui: &mut egui::Ui, ours: &Plan) -> Result<Outcome, Box<Self>> {
        let mut me = self;
        match me.draw(ui) {
            None => Err(me),
            Some(false) => Ok(Outcome::Closed),
            Some(true) => Ok(Outcome::Merge(Box::new(me.merged(ours)))),
        }
    }

    /// Merges with the choices made.
    fn merged(self, ours: &Plan) -> Merged {
        let chosen: HashMap<&str, Side> = self
            .conflicts
            .iter()
            .map(|c| c.key.as_str())
            .zip(self.choices.iter().copied())
            .collect();
        let choose = |key: &str| chosen.get(key).copied().unwrap_or(Side::Ours);
        let merged = merge3::merge_choosing(&self.base, ours, &self.theirs, &choose);
        Merged {
            plan: merged.plan,
            source: self.source,
            then: self.then,
        }
    }

    /// `Some(true)` for Merge, `Some(false)` for Cancel.
    fn draw(&mut self, ui: &mut egui::Ui) -> Option<bool> {
        ui.set_max_width(720.0);
        ui.heading("Choose between the two versions");
        let theirs_name = match &self.source {
            Source::Disk(_) => "On disk",
            Source::Copy(_) => "Other copy",
        };
        ui.label(format!(
            "Everything else merged by itself. These {} changed on both sides: pick the \
             version to keep for each.",
            match self.conflicts.len() {
                1 => "one place was".to_string(),
                n => format!("{n} places were"),
            }
        ));
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                for (i, (c, choice)) in self.conflicts.iter().zip(&mut self.choices).enumerate() {
                    ui.separator();
                    ui.label(RichText::new(&c.place).strong());
                    if let Some(was) = &c.base {
                        ui.label(RichText::new(format!("Was: {was}")).weak());
                    }
                    ui.push_id(i, |ui| {
                        side_choice(ui, choice, Side::Ours, "Yours", c.ours.as_deref());
                        side_choice(ui, choice, Side::Theirs, theirs_name, c.theirs.as_deref());
                    });
                }
            });
        ui.separator();
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button("Merge").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
        answer
    }
}

/// One side's value, as a choice ("(deleted)" when that side deleted it).
fn side_choice(ui: &mut egui::Ui, choice: &mut Side, side: Side, name: &str, value: Option<&str>) {
    let value = value.unwrap_or("(deleted)");
    ui.radio_value(choice, side, format!("{name}: {value}"));
}
