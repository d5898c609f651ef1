//! Every change to a plan is an [`Edit`]. Applying one returns the edit that
//! undoes it, which gives undo/redo, dirty tracking and autosave one path.

use super::ids::{EntryId, GoalId, MilestoneId, PersonId, ReviewId, RoleId, SkillId};
use super::plan::{
    Goal, LevelChange, LevelNames, LogEntry, Person, Plan, Review, Role, Skill, Stage,
};
use jiff::civil::Date;

/// A thing in the plan that has an id.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Role(Role),
    Skill(Skill),
    Goal(Goal),
    Person(Person),
    Entry(LogEntry),
    Review(Review),
}

/// Points at an [`Item`] by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Role(RoleId),
    Skill(SkillId),
    Goal(GoalId),
    Person(PersonId),
    Entry(EntryId),
    Review(ReviewId),
}

impl std::fmt::Display for ItemRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemRef::Role(id) => id.fmt(f),
            ItemRef::Skill(id) => id.fmt(f),
            ItemRef::Goal(id) => id.fmt(f),
            ItemRef::Person(id) => id.fmt(f),
            ItemRef::Entry(id) => id.fmt(f),
            ItemRef::Review(id) => id.fmt(f),
        }
    }
}

impl Item {
    pub fn item_ref(&self) -> ItemRef {
        match self {
            Item::Role(r) => ItemRef::Role(r.id),
            Item::Skill(s) => ItemRef::Skill(s.id),
            Item::Goal(g) => ItemRef::Goal(g.id),
            Item::Person(p) => ItemRef::Person(p.id),
            Item::Entry(e) => ItemRef::Entry(e.id),
            Item::Review(r) => ItemRef::Review(r.id),
        }
    }
}

/// One change to a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetOwner(String),
    SetPurpose(Vec<String>),
    SetLevelNames(LevelNames),
    /// Adds an item, or replaces the one with the same id.
    Put(Item),
    /// Removes an item and every link to it from other items.
    Remove(ItemRef),
    /// Takes an item out and leaves links to it alone: the undo of adding
    /// it, so a link that was there before the item (to a missing item, in
    /// a file edited by hand) is still there after the undo.
    Withdraw(ItemRef),
    /// Puts a removed item back where it was (the undo of `Remove`).
    Restore {
        index: usize,
        item: Item,
    },
    /// Records a level for a skill; the history keeps the old ones, one a
    /// day (a level on a day that has one replaces it).
    SetSkillLevel {
        skill: SkillId,
        change: LevelChange,
    },
    /// Marks a milestone done on a day.
    CompleteMilestone {
        milestone: MilestoneId,
        on: Date,
    },
    /// Marks a done milestone as not done (the undo of a tick).
    ReopenMilestone {
        milestone: MilestoneId,
    },
    /// Makes a role the current one; the old current role becomes past.
    SetCurrentRole(RoleId),
    /// Several edits as one undo step.
    Batch(Vec<Edit>),
    /// The whole plan at once (a merge with another version of it).
    Replace(Box<Plan>),
}

/// Why an edit could not be applied. The plan is left unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("{0} no longer exists")]
    NotFound(ItemRef),
    #[error("{0} no longer exists")]
    MilestoneNotFound(MilestoneId),
    /// The plan is open only to be read (a plan from a folder of plans).
    #[error("this plan is open read-only, so it cannot be changed here")]
    ReadOnly,
}

/// Access to one kind of item inside a plan, so put/remove are written once.
trait Collection: Sized + Clone {
    type Id: Copy + PartialEq;
    fn id(&self) -> Self::Id;
    fn list(plan: &mut Plan) -> &mut Vec<Self>;
    fn wrap(self) -> Item;
}

macro_rules! collection {
    ($ty:ty, $id:ty, $field:ident, $variant:ident) => {
        impl Collection for $ty {
            type Id = $id;
            fn id(&self) -> $id {
                self.id
            }
            fn list(plan: &mut Plan) -> &mut Vec<Self> {
                &mut plan.$field
            }
            fn wrap(self) -> Item {
                Item::$variant(self)
            }
        }
    };
}

collection!(Role, RoleId, roles, Role);
collection!(Skill, SkillId, skills, Skill);
collection!(Goal, GoalId, goals, Goal);
collection!(Person, PersonId, people, Person);
collection!(LogEntry, EntryId, log, Entry);
collection!(Review, ReviewId, reviews, Review);

/// Adds or replaces; returns the undo.
fn put<T: Collection>(plan: &mut Plan, item: T, undo_ref: ItemRef) -> Edit {
    let list = T::list(plan);
    if let Some(slot) = list.iter_mut().find(|x| x.id() == item.id()) {
        Edit::Put(std::mem::replace(slot, item).wrap())
    } else {
        list.push(item);
        Edit::Withdraw(undo_ref)
    }
}

fn take<T: Collection>(plan: &mut Plan, id: T::Id, r: ItemRef) -> Result<(usize, Item), EditError> {
    let list = T::list(plan);
    let index = list
        .iter()
        .position(|x| x.id() == id)
        .ok_or(EditError::NotFound(r))?;
    Ok((index, list.remove(index).wrap()))
}

fn restore<T: Collection>(plan: &mut Plan, index: usize, item: T) {
    let list = T::list(plan);
    let index = index.min(list.len());
    list.insert(index, item);
}

/// Replaces `items[i]` by `f(items[i])` wherever `f` changes it, and returns
/// `Put`s of the originals (the undo of the unlinking).
fn unlink_all<T: Collection>(plan: &mut Plan, mut f: impl FnMut(&mut T) -> bool) -> Vec<Edit> {
    let mut undo = Vec::new();
    for x in T::list(plan).iter_mut() {
        let before = x.clone();
        if f(x) {
            undo.push(Edit::Put(before.wrap()));
        }
    }
    undo
}

fn drop_id<I: PartialEq + Copy>(ids: &mut Vec<I>, id: I) -> bool {
    let n = ids.len();
    ids.retain(|x| *x != id);
    ids.len() != n
}

impl Plan {
    /// Marks a milestone done on a day, or not done; returns the undo.
    fn set_done(&mut self, milestone: MilestoneId, done: Option<Date>) -> Result<Edit, EditError> {
        let goal = self
            .goals
            .iter_mut()
            .find(|g| g.milestones.iter().any(|m| m.id == milestone))
            .ok_or(EditError::MilestoneNotFound(milestone))?;
        let before = goal.clone();
        for m in goal.milestones.iter_mut().filter(|m| m.id == milestone) {
            m.done = done;
        }
        Ok(Edit::Put(Item::Goal(before)))
    }

    /// Applies an edit; returns the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        Ok(match edit {
            Edit::SetOwner(s) => Edit::SetOwner(std::mem::replace(&mut self.owner, s)),
            Edit::SetPurpose(p) => Edit::SetPurpose(std::mem::replace(&mut self.purpose, p)),
            Edit::SetLevelNames(n) => {
                Edit::SetLevelNames(std::mem::replace(&mut self.level_names, n))
            }
            Edit::Replace(plan) => Edit::Replace(Box::new(std::mem::replace(self, *plan))),
            Edit::Put(item) => {
                let r = item.item_ref();
                match item {
                    Item::Role(x) => put(self, x, r),
                    Item::Skill(x) => put(self, x, r),
                    Item::Goal(x) => put(self, x, r),
                    Item::Person(x) => put(self, x, r),
                    Item::Entry(x) => put(self, x.with_links_once(), r),
                    Item::Review(x) => put(self, x, r),
                }
            }
            Edit::Remove(r) => self.remove(r)?,
            Edit::Withdraw(r) => {
                let (index, item) = self.take_item(r)?;
                Edit::Restore { index, item }
            }
            Edit::Restore { index, item } => {
                let r = item.item_ref();
                match item {
                    Item::Role(x) => restore(self, index, x),
                    Item::Skill(x) => restore(self, index, x),
                    Item::Goal(x) => restore(self, index, x),
                    Item::Person(x) => restore(self, index, x),
                    Item::Entry(x) => restore(self, index, x),
                    Item::Review(x) => restore(self, index, x),
                }
                Edit::Withdraw(r)
            }
            Edit::SetSkillLevel { skill, change } => {
                let s = self
                    .skills
                    .iter_mut()
                    .find(|s| s.id == skill)
                    .ok_or(EditError::NotFound(ItemRef::Skill(skill)))?;
                let before = s.clone();
                // One level a day, in date order: a level recorded on a day
                // that has one already (the starting level, a slip of the
                // picker) replaces it, so a same-day rise is one history item.
                let at = s.history.partition_point(|c| c.date <= change.date);
                match at.checked_sub(1) {
                    Some(last) if s.history[last].date == change.date => s.history[last] = change,
                    _ => s.history.insert(at, change),
                }
                Edit::Put(Item::Skill(before))
            }
            Edit::CompleteMilestone { milestone, on } => self.set_done(milestone, Some(on))?,
            Edit::ReopenMilestone { milestone } => self.set_done(milestone, None)?,
            Edit::SetCurrentRole(id) => {
                if self.role(id).is_none() {
                    return Err(EditError::NotFound(ItemRef::Role(id)));
                }
                let undo = unlink_all::<Role>(self, |r| {
                    let stage = if r.id == id {
                        Stage::Current
                    } else if r.stage == Stage::Current {
                        Stage::Past
                    } else {
                        r.stage
                    };
                    std::mem::replace(&mut r.stage, stage) != stage
                });
                Edit::Batch(undo)
            }
            Edit::Batch(edits) => {
                let mut undo = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(u) => undo.push(u),
                        Err(err) => {
                            // Roll back what this batch already did, so a failed edit changes nothing.
                            for u in undo.into_iter().rev() {
                                let _ = self.apply(u);
                            }
                            return Err(err);
                        }
                    }
                }
                undo.reverse();
                Edit::Batch(undo)
            }
        })
    }

    /// The edit that stores a changed role. Making it Current goes through
    /// [`Edit::SetCurrentRole`], so the old current role becomes past and
    /// there is never a second current role.
    pub fn put_role_edit(&self, role: Role) -> Edit {
        let was_current = self
            .role(role.id)
            .is_some_and(|r| r.stage == Stage::Current);
        if role.stage != Stage::Current || was_current {
            return Edit::Put(Item::Role(role));
        }
        let id = role.id;
        let stage = self.role(id).map_or(Stage::Next, |r| r.stage);
        Edit::Batch(vec![
            Edit::Put(Item::Role(Role { stage, ..role })),
            Edit::SetCurrentRole(id),
        ])
    }

    /// Takes an item out of its list: where it was, and the item.
    fn take_item(&mut self, r: ItemRef) -> Result<(usize, Item), EditError> {
        match r {
            ItemRef::Role(id) => take::<Role>(self, id, r),
            ItemRef::Skill(id) => take::<Skill>(self, id, r),
            ItemRef::Goal(id) => take::<Goal>(self, id, r),
            ItemRef::Person(id) => take::<Person>(self, id, r),
            ItemRef::Entry(id) => take::<LogEntry>(self, id, r),
            ItemRef::Review(id) => take::<Review>(self, id, r),
        }
    }

    fn remove(&mut self, r: ItemRef) -> Result<Edit, EditError> {
        let (index, item) = self.take_item(r)?;
        let unlinked = match r {
            ItemRef::Role(id) => {
                let mut u = unlink_all::<Role>(self, |x| drop_id(&mut x.leads_to, id));
                u.extend(unlink_all::<Goal>(self, |g| drop_id(&mut g.roles, id)));
                u
            }
            ItemRef::Skill(id) => {
                let mut u = unlink_all::<Role>(self, |x| {
                    let n = x.requires.len();
                    x.requires.retain(|q| q.skill != id);
                    drop_id(&mut x.teaches.skills, id) | (n != x.requires.len())
                });
                u.extend(unlink_all::<Goal>(self, |g| drop_id(&mut g.skills, id)));
                u.extend(unlink_all::<LogEntry>(self, |e| drop_id(&mut e.skills, id)));
                u
            }
            ItemRef::Goal(id) => unlink_all::<LogEntry>(self, |e| drop_id(&mut e.goals, id)),
            ItemRef::Person(id) => unlink_all::<LogEntry>(self, |e| drop_id(&mut e.people, id)),
            ItemRef::Entry(_) | ItemRef::Review(_) => Vec::new(),
        };
        let mut undo = vec![Edit::Restore { index, item }];
        undo.extend(unlinked);
        Ok(if undo.len() == 1 {
            undo.remove(0)
        } else {
            Edit::Batch(undo)
        })
    }
}
