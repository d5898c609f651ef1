//! Merging another version of the open plan into it: the file on disk
//! after another program changed it ("the file changed on disk" > Merge),
//! or a conflicted copy a sync service left beside it. The model merges
//! (`model::merge3`); here the app finds the common version, asks about
//! conflicts side by side (`dialogs/merge.rs`), applies the result as one
//! undo step and saves.

use super::{App, Notice};
use crate::io;
use crate::model::merge3::{self, Side};
use crate::model::{Edit, Plan};
use crate::ui::dialogs::{Dialog, MergeDialog, Merged, Prompt, Source, Then};
use std::path::{Path, PathBuf};

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
            self.finish_merge(Merged {
                plan: merged.plan,
                source,
                then,
            });
            return;
        }
        // Without the common version, what both agree on stands in for it
        // (as it did in `merge_checked`), for merging again once chosen.
        let base = base.unwrap_or_else(|| merge3::agreement(self.doc.plan(), &theirs));
        let dialog = MergeDialog::new(base, theirs, source, then, merged.conflicts);
        self.modal = Some(Dialog::Merge(Box::new(dialog)));
    }

    /// The merged plan replaces the open one as one undo step, and is saved
    /// over the file; a conflicted copy is set aside once that is done.
    pub(super) fn finish_merge(&mut self, merged: Merged) {
        let Merged { plan, source, then } = merged;
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
            self.modal = Some(Dialog::Prompt(Prompt::ConflictedCopy(copy)));
        }
    }
}
