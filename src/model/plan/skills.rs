//! Skills, their levels and their dated history.

use super::Requirement;
use crate::model::ids::SkillId;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A skill level from 0 (none) to 5 (expert).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Level(pub u8);

impl Level {
    /// The highest level on the scale.
    pub const MAX: Level = Level(5);

    pub fn is_valid(self) -> bool {
        self <= Self::MAX
    }
}

/// The editable names of levels 0..=5 (validation checks there are six).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LevelNames(pub Vec<String>);

impl Default for LevelNames {
    fn default() -> Self {
        Self(
            [
                "none",
                "aware",
                "novice",
                "practising",
                "proficient",
                "expert",
            ]
            .map(String::from)
            .to_vec(),
        )
    }
}

impl LevelNames {
    /// The name of a level, or "level N" for one off the scale.
    pub fn name(&self, level: Level) -> String {
        self.0
            .get(usize::from(level.0))
            .cloned()
            .unwrap_or_else(|| format!("level {}", level.0))
    }
}

/// A skill with its dated history of levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<SkillTarget>,
    /// Level changes, oldest first. The current level is the latest one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<LevelChange>,
}

/// The level you aim for, and by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillTarget {
    pub level: Level,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub by: Option<Date>,
}

/// One step in a skill's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    #[serde(deserialize_with = "crate::model::dates::strict")]
    pub date: Date,
    pub level: Level,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

impl Skill {
    /// A skill with a name and no history yet.
    pub fn new(id: SkillId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            category: String::new(),
            target: None,
            history: Vec::new(),
        }
    }

    /// The level reached as of `today`: the latest change dated on or before
    /// it (ties go to the later one), or 0. A change dated after `today` is
    /// planned, not reached (see [`Skill::planned`]). Every view uses this.
    pub fn current_level(&self, today: Date) -> Level {
        self.level_on(today)
    }

    /// The level as it stood at the end of `day`.
    pub fn level_on(&self, day: Date) -> Level {
        self.recorded_on(day).unwrap_or(Level(0))
    }

    /// The level recorded by the end of `day`, if any was recorded by then.
    pub fn recorded_on(&self, day: Date) -> Option<Level> {
        self.history
            .iter()
            .enumerate()
            .filter(|(_, c)| c.date <= day)
            .max_by_key(|(i, c)| (c.date, *i))
            .map(|(_, c)| c.level)
    }

    /// The last level change dated after `today`: a level planned, not reached yet.
    pub fn planned(&self, today: Date) -> Option<&LevelChange> {
        self.history
            .iter()
            .enumerate()
            .filter(|(_, c)| c.date > today)
            .max_by_key(|(i, c)| (c.date, *i))
            .map(|(_, c)| c)
    }

    /// The level a target role should ask for by default: the skill's own
    /// target, or 3 (practising) without one.
    pub fn default_requirement(&self) -> Requirement {
        Requirement {
            skill: self.id,
            level: self.target.map_or(Level(3), |t| t.level),
        }
    }
}
