//! Typed ids: a skill id can never be passed where a goal id is expected.
//!
//! Ids are small numbers, unique within their kind, written as plain numbers
//! in the plan file. New ids are one more than the largest in use.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $word:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($word, " {}"), self.0)
            }
        }
    };
}

id_type!(/// A role on the career path.
    RoleId, "role");
id_type!(/// A skill being tracked.
    SkillId, "skill");
id_type!(/// A goal (skill, learning, relationship, ...).
    GoalId, "goal");
id_type!(/// A milestone; unique across all goals.
    MilestoneId, "milestone");
id_type!(/// A person: mentor, colleague, manager...
    PersonId, "person");
id_type!(/// One entry of the daily log.
    EntryId, "log entry");
id_type!(/// A weekly or monthly review.
    ReviewId, "review");

/// The next free id: one past the largest (1 for an empty list), or, if the
/// largest is the last number there is, the smallest one not in use.
pub fn next_id(ids: impl Iterator<Item = u32> + Clone) -> u32 {
    match ids.clone().max() {
        None => 1,
        Some(m) if m < u32::MAX => m + 1,
        // Rare: only then is the set of ids in use worth building.
        Some(_) => FreshIds::new(ids).take(),
    }
}

/// Hands out ids that are not in use, one after another: one past the
/// largest in use first, then (once `u32::MAX` is reached) the smallest
/// ones still free. The one rule for every new id (the app, the guided
/// start, imports and merges), so no new id ever wraps onto an old one.
#[derive(Clone, Debug)]
pub struct FreshIds {
    used: std::collections::HashSet<u32>,
    next: u32,
}

impl FreshIds {
    pub fn new(ids: impl IntoIterator<Item = u32>) -> Self {
        let used: std::collections::HashSet<u32> = ids.into_iter().collect();
        let next = used.iter().max().map_or(1, |m| m.wrapping_add(1));
        Self { used, next }
    }

    /// A new id, never 0 and never one in use or handed out before.
    pub fn take(&mut self) -> u32 {
        // Ends: a plan file holds at most 64 MiB, so far fewer than
        // `u32::MAX - 1` ids are in use and a free one is always found.
        while self.next == 0 || self.used.contains(&self.next) {
            self.next = self.next.wrapping_add(1);
        }
        let id = self.next;
        self.used.insert(id);
        self.next = self.next.wrapping_add(1);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_follow_the_largest_then_fill_gaps_without_wrapping_onto_old_ones() {
        assert_eq!(next_id(std::iter::empty()), 1);
        assert_eq!(next_id([3, 9].into_iter()), 10);
        let mut fresh = FreshIds::new([1, 2, u32::MAX - 1]);
        assert_eq!(fresh.take(), u32::MAX);
        assert_eq!(fresh.take(), 3);
        assert_eq!(fresh.take(), 4);
        let mut full_top = FreshIds::new([u32::MAX, 1, 3]);
        assert_eq!([full_top.take(), full_top.take()], [2, 4]);
    }
}
