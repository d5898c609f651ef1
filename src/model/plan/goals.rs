//! Goals and their milestones.

use crate::model::ids::{GoalId, MilestoneId, RoleId, SkillId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kinds of goal a person sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GoalKind {
    Skill,
    /// A class, a course, a certificate.
    Learning,
    Relationship,
    Mentoring,
    /// Contributions beyond your duties.
    BeyondDuty,
    /// Moving into another role.
    RoleMove,
}

impl GoalKind {
    pub const ALL: [GoalKind; 6] = [
        GoalKind::Skill,
        GoalKind::Learning,
        GoalKind::Relationship,
        GoalKind::Mentoring,
        GoalKind::BeyondDuty,
        GoalKind::RoleMove,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GoalKind::Skill => "Skill",
            GoalKind::Learning => "Learning",
            GoalKind::Relationship => "Relationship",
            GoalKind::Mentoring => "Mentoring",
            GoalKind::BeyondDuty => "Beyond my duties",
            GoalKind::RoleMove => "Role move",
        }
    }
}

/// Where a goal stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalStatus {
    #[default]
    Planned,
    Active,
    Done,
    Dropped,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Planned => "Planned",
            GoalStatus::Active => "Active",
            GoalStatus::Done => "Done",
            GoalStatus::Dropped => "Dropped",
        }
    }
}

/// A goal, with its milestones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
    pub kind: GoalKind,
    #[serde(default)]
    pub status: GoalStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// When work on the goal began (the start of its pace line).
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
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleId>,
    /// An optional number to reach, counted from the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

/// A measurable target, counted from log entries linked to the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// Hours of logged time.
    Hours(u32),
    /// Number of log entries.
    Count(u32),
}

/// A dated checkpoint under a goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: MilestoneId,
    pub title: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub due: Option<Date>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub done: Option<Date>,
    /// What shows it was reached.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// A link to the evidence (http, https or mailto).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

impl Goal {
    /// An active goal with a title and a kind, and nothing else filled in yet.
    pub fn new(id: GoalId, title: impl Into<String>, kind: GoalKind) -> Self {
        Self {
            id,
            title: title.into(),
            kind,
            status: GoalStatus::Active,
            why: String::new(),
            start: None,
            due: None,
            skills: Vec::new(),
            roles: Vec::new(),
            measure: None,
            milestones: Vec::new(),
        }
    }
}

impl Goal {
    /// The milestones in date order: by due date (else the day done), those
    /// with no date last, and the order written within a day.
    pub fn milestones_by_date(&self) -> Vec<&Milestone> {
        let mut ms: Vec<&Milestone> = self.milestones.iter().collect();
        ms.sort_by_key(|m| match m.due.or(m.done) {
            Some(d) => (false, d),
            None => (true, Date::MAX),
        });
        ms
    }
}

impl Milestone {
    pub fn new(id: MilestoneId, title: impl Into<String>) -> Self {
        Self {
            id,
            title: title.into(),
            due: None,
            done: None,
            evidence: String::new(),
            link: String::new(),
        }
    }
}
