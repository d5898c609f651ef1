//! The daily log's entries.

use crate::model::ids::{EntryId, GoalId, PersonId, SkillId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kind of experience a day's work was (the essay's ideas).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ExperienceKind {
    /// Deepening skills: a class, a new tool, a new way of working.
    Learning,
    /// Building relationships with colleagues.
    Relationship,
    /// Mentoring or coaching someone.
    Mentoring,
    /// Going beyond your normal duties.
    BeyondDuty,
    /// The everyday work of the role.
    #[default]
    Routine,
}

impl ExperienceKind {
    pub const ALL: [ExperienceKind; 5] = [
        ExperienceKind::Learning,
        ExperienceKind::Relationship,
        ExperienceKind::Mentoring,
        ExperienceKind::BeyondDuty,
        ExperienceKind::Routine,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExperienceKind::Learning => "Learning",
            ExperienceKind::Relationship => "Relationship",
            ExperienceKind::Mentoring => "Mentoring or coaching",
            ExperienceKind::BeyondDuty => "Beyond my duties",
            ExperienceKind::Routine => "Routine duty",
        }
    }
}

/// One line of the daily log: what you did and what it served.
#[derive(Clone, Debug, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub id: EntryId,
    #[serde(deserialize_with = "crate::model::dates::strict")]
    pub date: Date,
    pub minutes: u32,
    pub kind: ExperienceKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonId>,
    /// How the day felt, 1 (drained) to 5 (full of energy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<u8>,
    /// Set when remembering your "why" helped on a tough day.
    #[serde(default, skip_serializing_if = "is_false")]
    pub remembered_why: bool,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(b: &bool) -> bool {
    !*b
}

impl LogEntry {
    /// The entry with each link once (see [`LogEntry::dedup_links`]).
    #[must_use]
    pub fn with_links_once(mut self) -> Self {
        self.dedup_links();
        self
    }

    /// Keeps each linked skill, goal and person once (in first-given order),
    /// so no total counts an entry twice.
    pub fn dedup_links(&mut self) {
        fn once<T: PartialEq>(ids: &mut Vec<T>) {
            // Lists are short: compare in place rather than allocate a set.
            let mut i = 1;
            while i < ids.len() {
                if ids[..i].contains(&ids[i]) {
                    ids.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        once(&mut self.skills);
        once(&mut self.goals);
        once(&mut self.people);
    }

    /// An entry with no links, energy or "why".
    pub fn new(
        id: EntryId,
        date: Date,
        minutes: u32,
        kind: ExperienceKind,
        text: impl Into<String>,
    ) -> Self {
        Self {
            id,
            date,
            minutes,
            kind,
            text: text.into(),
            skills: Vec::new(),
            goals: Vec::new(),
            people: Vec::new(),
            energy: None,
            remembered_why: false,
        }
    }
}

impl LogEntry {
    /// The minutes one entry may hold: at least one, at most a day.
    pub const MINUTES: std::ops::RangeInclusive<u32> = 1..=Self::MAX_MINUTES;
    /// The longest a single log entry can be: a day.
    pub const MAX_MINUTES: u32 = 24 * 60;

    /// Whether `minutes` is a valid length for one entry.
    pub fn valid_minutes(minutes: u32) -> bool {
        Self::MINUTES.contains(&minutes)
    }

    /// Reads typed minutes ("90", " 45 "); the error is a sentence for the user.
    pub fn parse_minutes(text: &str) -> Result<u32, &'static str> {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|m| Self::valid_minutes(*m))
            .ok_or("Minutes must be a whole number from 1 to 1440.")
    }
}
