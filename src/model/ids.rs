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
        Some(_) => {
            let used: std::collections::HashSet<u32> = ids.collect();
            (1..u32::MAX)
                .find(|i| !used.contains(i))
                .unwrap_or(u32::MAX)
        }
    }
}
