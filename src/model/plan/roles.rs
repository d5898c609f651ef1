//! Roles: those held, the one held now, and those aimed at.

use super::Level;
use crate::model::ids::{RoleId, SkillId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a role sits on the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Past,
    Current,
    /// The role you are working toward now.
    Next,
    LongTerm,
    /// Another direction you keep open.
    Alternative,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Past,
        Stage::Current,
        Stage::Next,
        Stage::LongTerm,
        Stage::Alternative,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Past => "Past",
            Stage::Current => "Current",
            Stage::Next => "Next",
            Stage::LongTerm => "Long-term",
            Stage::Alternative => "Option",
        }
    }
}

/// A role: held in the past, held now, or aimed at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: RoleId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    pub stage: Stage,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub start: Option<Date>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub end: Option<Date>,
    /// For roles not yet held: when you hope to be in it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub target_date: Option<Date>,
    /// What holding this role teaches you.
    #[serde(default)]
    pub teaches: Teaches,
    /// For target roles: the skill levels the role asks for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Requirement>,
    /// The roles this one can lead to (the path and its branches).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads_to: Vec<RoleId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// What a role builds in you.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teaches {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experiences: Vec<String>,
}

/// A skill level a target role asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub skill: SkillId,
    pub level: Level,
}

impl Role {
    /// A role with a title and a stage, and nothing else filled in yet.
    pub fn new(id: RoleId, title: impl Into<String>, stage: Stage) -> Self {
        Self {
            id,
            title: title.into(),
            organisation: String::new(),
            stage,
            start: None,
            end: None,
            target_date: None,
            teaches: Teaches::default(),
            requires: Vec::new(),
            leads_to: Vec::new(),
            notes: String::new(),
        }
    }
}
