//! Merging another version of the open plan into it: the file on disk
//! after another program changed it ("the file changed on disk" > Merge),
//! or a conflicted copy a sync service left beside it. The model merges
//! (`model::merge3`); here the app finds the common version, asks about
//! conflicts side by side, applies the result as one undo step and saves.

use super::app::{App, Notice};
use super::modals::{Answer, Modal, Then};
use crate::io;
use crate::model::merge3::{self, Conflict, Side};
use crate::model::{Edit, Plan};
use egui::RichText;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

impl MergeDialog {
    /// The conflicts side by side, each with its choice; Merge or Cancel.
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Answer> {
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
                answer = Some(Answer::Merge);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
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

impl App {
    /// "The file changed on disk" > Merge: the file as it is now, merged
    /// with the open plan from the version the app read.
    pub(super) fn merge_disk(&mut self, then: Option<Then>) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match io::load(&path) {
            Ok((theirs, stamp)) => {
                let base = self.doc.as_saved();
                self.begin_merge(base, theirs, Source::Disk(stamp), then);
            }
            Err(e) => self.notice = Some(Notice::error(format!("Could not merge: {e}"))),
        }
    }

    /// Merges a sync service's conflicted copy into the open plan, from the
    /// plan's `.bak` (the version before its last save) where it can.
    pub(super) fn merge_copy(&mut self, copy: PathBuf) {
        let theirs = match io::load(&copy) {
            Ok((plan, _)) => plan,
            Err(e) => {
                self.notice = Some(Notice::error(format!(
                    "Could not read the conflicted copy: {e}"
                )));
                return;
            }
        };
        let base = self
            .doc
            .path
            .as_deref()
            .map(io::backup_path)
            .and_then(|bak| io::load(&bak).ok())
            .map(|(plan, _)| plan);
        self.begin_merge(base, theirs, Source::Copy(copy), None);
    }

    /// Merges at once when nothing conflicts; otherwise asks.
    fn begin_merge(
        &mut self,
        base: Option<Plan>,
        theirs: Plan,
        source: Source,
        then: Option<Then>,
    ) {
        // A version with problems (an id used twice) would lose items unseen.
        let merged =
            match merge3::merge_checked(base.as_ref(), self.doc.plan(), &theirs, &|_| Side::Ours) {
                Ok(merged) => merged,
                Err(refused) => {
                    let first = refused.problems.first().map(ToString::to_string);
                    self.notice = Some(Notice::error(format!(
                        "Could not merge: {refused} (first: {}).",
                        first.unwrap_or_default()
                    )));
                    return;
                }
            };
        if merged.conflicts.is_empty() {
            self.finish_merge(merged.plan, source, then);
            return;
        }
        // Without the common version, what both agree on stands in for it
        // (as it did in `merge_checked`), for merging again once chosen.
        let base = base.unwrap_or_else(|| merge3::agreement(self.doc.plan(), &theirs));
        let choices = vec![Side::Ours; merged.conflicts.len()];
        self.modal = Some(Modal::Merge(Box::new(MergeDialog {
            base,
            theirs,
            source,
            then,
            conflicts: merged.conflicts,
            choices,
        })));
    }

    /// The person's choices made: merge with them.
    pub(super) fn merge_chosen(&mut self, d: MergeDialog) {
        let chosen: HashMap<&str, Side> = d
            .conflicts
            .iter()
            .map(|c| c.key.as_str())
            .zip(d.choices.iter().copied())
            .collect();
        let choose = |key: &str| chosen.get(key).copied().unwrap_or(Side::Ours);
        let merged = merge3::merge_choosing(&d.base, self.doc.plan(), &d.theirs, &choose);
        self.finish_merge(merged.plan, d.source, d.then);
    }

    /// The merged plan replaces the open one as one undo step, and is saved
    /// over the file; a conflicted copy is set aside once that is done.
    fn finish_merge(&mut self, plan: Plan, source: Source, then: Option<Then>) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        if let Err(e) = self.doc.apply(Edit::Replace(Box::new(plan)), 0.0, false) {
            self.notice = Some(Notice::error(format!("Could not merge: {e}.")));
            return;
        }
        let (then, from_disk) = match source {
            // The save checks the file is still the one merged with.
            Source::Disk(stamp) => {
                self.doc.stamp = Some(stamp);
                (then, true)
            }
            Source::Copy(copy) => (Some(Then::SetAside(copy)), false),
        };
        self.save_to(path.clone(), false, then);
        let saved = self.doc.path.as_ref() == Some(&path) && !self.doc.is_dirty();
        if from_disk && saved && self.modal.is_none() {
            self.notice = Some(Notice::info(
                "Merged the changes made elsewhere with yours, and saved.",
            ));
        }
    }

    /// After a merged copy is saved: moves it aside so it is not offered again.
    pub(super) fn set_aside(&mut self, copy: &Path) {
        self.notice = Some(match io::conflicts::set_aside(copy) {
            Ok(aside) => Notice::info(format!(
                "Merged and saved. The conflicted copy is kept as {}.",
                aside.display()
            )),
            Err(e) => Notice::error(format!(
                "Merged and saved, but could not move the conflicted copy {} aside: {e}",
                copy.display()
            )),
        });
    }

    /// Offers to merge a conflicted copy of the open plan, once per copy.
    pub(super) fn offer_conflicted_copy(&mut self) {
        if self.modal.is_some() || self.doc.is_read_only() {
            return;
        }
        let Some(path) = &self.doc.path else {
            return;
        };
        let copy = io::conflicts::conflicted_copies(path)
            .into_iter()
            .find(|c| !self.files.declined_copies.contains(c));
        if let Some(copy) = copy {
            self.modal = Some(Modal::ConflictedCopy(copy));
        }
    }
}
