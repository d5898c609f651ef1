//! The open plan with its file, undo history and dirty state. No egui here:
//! the app feeds it edits and the time, and asks what to show.

use crate::io::DiskStamp;
use crate::model::{Base, Edit, EditError, Item, ItemRef, LogEntry, Plan};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Typed edits of the same target closer together than this (seconds) are
/// one undo step, so typing a title is undone as a whole.
const MERGE_WINDOW: f64 = 1.0;

/// What an edit changes, for merging quick successive edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Item(ItemRef),
    Owner,
    Purpose,
    LevelNames,
}

fn target(edit: &Edit) -> Option<Target> {
    match edit {
        Edit::Put(item) => Some(Target::Item(Item::item_ref(item))),
        Edit::SetOwner(_) => Some(Target::Owner),
        Edit::SetPurpose(_) => Some(Target::Purpose),
        Edit::SetLevelNames(_) => Some(Target::LevelNames),
        _ => None,
    }
}

/// The plan at one moment, with what is needed to record it as saved.
#[derive(Clone)]
pub struct Snapshot {
    pub plan: Arc<Plan>,
    /// The plan as its file held it (see [`Document`]).
    pub base: Option<Arc<Base>>,
    step: u64,
    generation: u64,
}

struct Step {
    /// Identifies the state after this step, for "is this the saved state?".
    id: u64,
    /// The edit that takes the plan back to before this step.
    undo: Edit,
    target: Option<Target>,
    at: f64,
}

/// A change that replaced one log entry in place (same id, same place in
/// the log), so caches can update that entry alone.
#[derive(Clone, Debug)]
pub struct Replaced {
    /// Where the entry is in the log.
    pub index: usize,
    /// The entry as it was before the change.
    pub old: LogEntry,
}

/// Tells documents apart, so caches never mix up two plans.
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// A plan being edited. The plan is shared copy-on-write, so a save or an
/// autosave can write a snapshot on another thread while editing goes on.
pub struct Document {
    plan: Arc<Plan>,
    /// The plan as its file held it when last read or written, to tell what
    /// another program added since.
    base: Option<Arc<Base>>,
    /// Unique to this document in this process.
    generation: u64,
    /// Every change from this revision on only added log entries at the end,
    /// so caches of the log can catch up instead of starting over.
    appends_since: u64,
    /// The last change with the revision it made, when it replaced one log
    /// entry in place.
    replaced: Option<(u64, Replaced)>,
    /// Where it is saved; `None` for a new plan or the sample.
    pub path: Option<PathBuf>,
    /// The file as it was read or last written, to notice outside changes.
    pub stamp: Option<DiskStamp>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// The step id at the last save or load (`0`: the state with no steps).
    saved: u64,
    /// Bumped on every change, so caches know when to rebuild.
    revision: u64,
    /// Edits are refused: someone else's plan, open to be read.
    read_only: bool,
}

impl Document {
    pub fn new(plan: Plan, path: Option<PathBuf>, stamp: Option<DiskStamp>) -> Self {
        let plan = Arc::new(plan);
        Self {
            base: path.is_some().then(|| Arc::new(Base::of(&plan))),
            plan,
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            appends_since: 0,
            replaced: None,
            path,
            stamp,
            undo: Vec::new(),
            redo: Vec::new(),
            next_id: 1,
            saved: 0,
            revision: 0,
            read_only: false,
        }
    }

    /// A plan open only to be read: every edit is refused, so it is never
    /// dirty, never autosaved and never saved.
    pub fn read_only(plan: Plan, path: PathBuf, stamp: DiskStamp) -> Self {
        Self {
            read_only: true,
            ..Self::new(plan, Some(path), Some(stamp))
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan as it is now, to write on another thread. Cheap: the next
    /// edit copies the plan only if the snapshot is still being written.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            plan: Arc::clone(&self.plan),
            base: self.base.clone(),
            step: self.current_id(),
            generation: self.generation,
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Identifies this document and its state: changes whenever the plan does.
    pub fn version(&self) -> (u64, u64) {
        (self.generation, self.revision)
    }

    /// Whether every change since `version` only appended log entries.
    pub fn only_appended_since(&self, version: (u64, u64)) -> bool {
        version.0 == self.generation && version.1 >= self.appends_since
    }

    /// The one entry replaced in place since `version`, when that was the
    /// only change since it.
    pub fn replaced_since(&self, version: (u64, u64)) -> Option<&Replaced> {
        let (revision, replaced) = self.replaced.as_ref()?;
        let next = version.1.checked_add(1)?;
        (version.0 == self.generation && next == *revision && *revision == self.revision)
            .then_some(replaced)
    }

    /// Counts a change to the plan, given the edit that undoes it and the
    /// log's length before it, and notes what caches may catch up on.
    fn changed(&mut self, reverse: &Edit, log_before: usize) {
        self.revision += 1;
        let log = &self.plan.log;
        let appended = match reverse {
            Edit::Withdraw(ItemRef::Entry(id)) => {
                log.len() == log_before + 1 && log.last().is_some_and(|e| e.id == *id)
            }
            _ => false,
        };
        if !appended {
            self.appends_since = self.revision;
        }
        self.replaced = match reverse {
            Edit::Put(Item::Entry(old)) if log.len() == log_before => {
                log.iter().position(|e| e.id == old.id).map(|index| {
                    let old = old.clone();
                    (self.revision, Replaced { index, old })
                })
            }
            _ => None,
        };
    }

    fn current_id(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// The plan as its file held it when last read or written (the common
    /// version for a merge with what changed it since), rebuilt by undoing
    /// the steps made after. `None` when that is not known: a restored copy,
    /// or a plan whose saved state was undone and replaced.
    pub fn as_saved(&self) -> Option<Plan> {
        self.base.as_ref()?;
        let from = if self.saved == 0 {
            0
        } else {
            self.undo.iter().position(|s| s.id == self.saved)? + 1
        };
        let mut plan = (*self.plan).clone();
        for step in self.undo[from..].iter().rev() {
            plan.apply(step.undo.clone()).ok()?;
        }
        Some(plan)
    }

    /// Whether there are changes not yet saved to `path`.
    pub fn is_dirty(&self) -> bool {
        self.current_id() != self.saved
    }

    /// A plan restored from a recovery copy: unsaved changes to the file at
    /// `path` as it was at `stamp`. What that file held is not known, so no
    /// outside change to it is taken in without asking.
    pub fn restored(plan: Plan, path: Option<PathBuf>, stamp: Option<DiskStamp>) -> Self {
        let mut doc = Self::new(plan, path, stamp);
        doc.base = None;
        doc.saved = u64::MAX;
        doc
    }

    /// Records that the plan as it is now is what the file holds.
    pub fn mark_saved(&mut self, path: PathBuf, stamp: DiskStamp) {
        let snapshot = self.snapshot();
        let base = Base::of(&snapshot.plan);
        self.record_save(&snapshot, path, stamp, base, &[]);
    }

    /// Records a finished save of `snapshot`: the file now holds the
    /// snapshot plus `took_in`, entries another program had added to the
    /// file (`base` is of that plan). Those are added here too, as one undo
    /// step. Edits made while the save ran stay unsaved. False (nothing
    /// recorded, so the next save asks) if they can no longer be taken in:
    /// an item they link to was deleted while the save ran.
    pub fn record_save(
        &mut self,
        snapshot: &Snapshot,
        path: PathBuf,
        stamp: DiskStamp,
        base: Base,
        took_in: &[crate::model::LogEntry],
    ) -> bool {
        if !self.owns(snapshot) {
            return false;
        }
        let unchanged = self.current_id() == snapshot.step;
        if !took_in.is_empty() {
            let Some(edit) = self.plan.take_in(took_in) else {
                return false;
            };
            // Cannot fail: adding entries with unused ids and links that hold.
            let _ = self.apply(edit, f64::NEG_INFINITY, false);
        }
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.base = Some(Arc::new(base));
        self.saved = match (unchanged, took_in.is_empty()) {
            (true, _) => self.current_id(),
            (false, true) => snapshot.step,
            // No state in the history matches the file: unsaved until saved again.
            (false, false) => u64::MAX,
        };
        true
    }

    /// Whether `snapshot` was taken of this document (not one since replaced).
    pub fn owns(&self, snapshot: &Snapshot) -> bool {
        snapshot.generation == self.generation
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit at time `now` (seconds) as a new undo step. With
    /// `typing` (the edit comes from a text field being typed in), it joins
    /// the last step when that changed the same thing within a second.
    pub fn apply(&mut self, edit: Edit, now: f64, typing: bool) -> Result<(), EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        let target = if typing { target(&edit) } else { None };
        let before = self.plan.log.len();
        let undo = Arc::make_mut(&mut self.plan).apply(edit)?;
        self.changed(&undo, before);
        self.redo.clear();
        if let Some(last) = self.undo.last_mut()
            && target.is_some()
            && last.target == target
            && now - last.at < MERGE_WINDOW
            && last.id != self.saved
        {
            // Keep the older undo: it restores the state before the typing began.
            last.at = now;
            return Ok(());
        }
        self.undo.push(Step {
            id: self.next_id,
            undo,
            target,
            at: now,
        });
        self.next_id += 1;
        Ok(())
    }

    /// Undoes the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        self.shift(true)
    }

    /// Redoes the last undone step; false if there is none.
    pub fn redo(&mut self) -> bool {
        self.shift(false)
    }

    /// Moves the last step from the undo list to the redo list (`back`), or
    /// the other way, applying it.
    fn shift(&mut self, back: bool) -> bool {
        let step = if back {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(step) = step else { return false };
        let before = self.plan.log.len();
        let Ok(inverse) = Arc::make_mut(&mut self.plan).apply(step.undo) else {
            // Cannot happen for inverses of applied edits; drop the history rather than panic.
            self.undo.clear();
            self.redo.clear();
            return false;
        };
        self.changed(&inverse, before);
        let to = if back { &mut self.redo } else { &mut self.undo };
        // The merge window never reaches across an undo or redo.
        to.push(Step {
            id: step.id,
            undo: inverse,
            target: None,
            at: f64::NEG_INFINITY,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Skill, SkillId};

    fn skill(name: &str) -> Edit {
        Edit::Put(Item::Skill(Skill {
            id: SkillId(1),
            name: name.into(),
            category: String::new(),
            target: None,
            history: Vec::new(),
        }))
    }

    #[test]
    fn typing_merges_into_one_undo_step() {
        let mut d = Document::new(Plan::default(), None, None);
        d.apply(skill("T"), 0.0, true).expect("edit");
        d.apply(skill("Tr"), 0.3, true).expect("edit");
        d.apply(skill("Tri"), 0.6, true).expect("edit");
        assert!(d.is_dirty());
        assert!(d.undo());
        assert!(
            d.plan().skills.is_empty(),
            "one undo takes back the whole word"
        );
        assert!(!d.is_dirty(), "back at the loaded state");
        assert!(d.redo());
        assert_eq!(d.plan().skills[0].name, "Tri");
    }

    #[test]
    fn clicks_are_separate_undo_steps() {
        let mut d = Document::new(Plan::default(), None, None);
        d.apply(skill("A"), 0.0, false).expect("edit");
        d.apply(skill("B"), 0.1, false).expect("edit");
        d.undo();
        assert_eq!(d.plan().skills[0].name, "A");
    }

    #[test]
    fn pauses_split_undo_steps() {
        let mut d = Document::new(Plan::default(), None, None);
        d.apply(skill("A"), 0.0, true).expect("edit");
        d.apply(skill("AB"), 5.0, true).expect("edit");
        d.undo();
        assert_eq!(d.plan().skills[0].name, "A");
    }

    #[test]
    fn dirty_follows_the_saved_state_through_undo_and_redo() {
        let mut d = Document::new(Plan::default(), None, None);
        d.apply(Edit::SetOwner("A".into()), 0.0, true)
            .expect("edit");
        d.apply(Edit::SetPurpose(vec!["why".into()]), 0.1, true)
            .expect("edit");
        let stamp = crate::io::DiskStamp::default();
        d.mark_saved(PathBuf::from("x"), stamp);
        assert!(!d.is_dirty());
        d.undo();
        assert!(d.is_dirty());
        d.redo();
        assert!(!d.is_dirty());
        // An edit right after saving is a new step even within the window.
        d.apply(Edit::SetPurpose(vec!["why not".into()]), 0.2, true)
            .expect("edit");
        assert!(d.is_dirty());
        d.undo();
        assert!(!d.is_dirty());
    }

    #[test]
    fn a_read_only_plan_refuses_every_edit() {
        let mut d = Document::read_only(Plan::default(), PathBuf::from("x"), DiskStamp::default());
        assert_eq!(
            d.apply(Edit::SetOwner("A".into()), 0.0, false),
            Err(EditError::ReadOnly)
        );
        assert_eq!(d.plan(), &Plan::default());
        assert!(!d.is_dirty() && !d.can_undo());
        assert_eq!(d.revision(), 0, "nothing to rebuild");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = Document::new(Plan::default(), None, None);
        d.apply(Edit::SetOwner("A".into()), 0.0, true)
            .expect("edit");
        d.undo();
        assert!(d.can_redo());
        d.apply(Edit::SetOwner("B".into()), 9.0, true)
            .expect("edit");
        assert!(!d.can_redo());
    }

    #[test]
    fn only_a_lone_change_in_place_of_one_entry_counts_as_replaced() {
        let mut d = Document::new(crate::io::sample_plan(), None, None);
        let mut e = d.plan().log[2].clone();
        let v0 = d.version();
        e.minutes += 1;
        d.apply(Edit::Put(Item::Entry(e.clone())), 0.0, false)
            .expect("edit");
        let r = d.replaced_since(v0).expect("replaced in place");
        assert_eq!((r.index, r.old.minutes), (2, e.minutes - 1));
        let v1 = d.version();
        e.minutes += 1;
        d.apply(Edit::Put(Item::Entry(e.clone())), 0.0, false)
            .expect("edit");
        assert!(d.replaced_since(v0).is_none(), "two changes since");
        assert!(d.replaced_since(v1).is_some());
        let v2 = d.version();
        d.apply(Edit::SetOwner("A".into()), 0.0, false)
            .expect("edit");
        assert!(d.replaced_since(v2).is_none(), "not an entry");
        let v3 = d.version();
        e.id = crate::model::EntryId(90_000);
        d.apply(Edit::Put(Item::Entry(e)), 0.0, false)
            .expect("edit");
        assert!(d.replaced_since(v3).is_none(), "an append");
        assert!(d.only_appended_since(v3));
        let v4 = d.version();
        d.undo();
        assert!(!d.only_appended_since(v4), "undoing an append takes away");
        let v5 = d.version();
        d.redo();
        assert!(d.only_appended_since(v5), "redoing it appends again");
    }
}
