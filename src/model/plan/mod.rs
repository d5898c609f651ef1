//! The plan: everything one person writes down about their career.
//!
//! These types are the document. They are serialised as they stand (field
//! order here is the order in the file), so renaming a field is a format
//! change: see `io::format`.

mod goals;
mod log;
mod people;
mod reviews;
mod roles;
mod skills;
mod words;

pub use goals::{Goal, GoalKind, GoalStatus, Measure, Milestone};
pub use log::{ExperienceKind, LogEntry};
pub use people::{Person, Relation};
pub use reviews::{Period, Review};
pub use roles::{Requirement, Role, Stage, Teaches};
pub use skills::{Level, LevelChange, LevelNames, Skill, SkillTarget};
pub use words::{levels_to_go, plural};

use super::ids::{EntryId, GoalId, MilestoneId, PersonId, ReviewId, RoleId, SkillId, next_id};
use serde::{Deserialize, Serialize};

/// A whole career plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Whose plan this is.
    #[serde(default)]
    pub owner: String,
    /// The "why" statements, shown on tough days.
    #[serde(default)]
    pub purpose: Vec<String>,
    /// Names of the six skill levels, 0 to 5.
    #[serde(default)]
    pub level_names: LevelNames,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// The daily log, in the order entries were written.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

impl Plan {
    pub fn role(&self, id: RoleId) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }
    pub fn skill(&self, id: SkillId) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }
    pub fn goal(&self, id: GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
    /// The goal holding a milestone, and the milestone.
    pub fn milestone(&self, id: MilestoneId) -> Option<(&Goal, &Milestone)> {
        self.goals
            .iter()
            .find_map(|g| g.milestones.iter().find(|m| m.id == id).map(|m| (g, m)))
    }
    /// A new role id: one past the largest in use.
    pub fn new_role_id(&self) -> RoleId {
        RoleId(next_id(self.roles.iter().map(|r| r.id.0)))
    }
    pub fn new_skill_id(&self) -> SkillId {
        SkillId(next_id(self.skills.iter().map(|s| s.id.0)))
    }
    pub fn new_goal_id(&self) -> GoalId {
        GoalId(next_id(self.goals.iter().map(|g| g.id.0)))
    }
    pub fn new_person_id(&self) -> PersonId {
        PersonId(next_id(self.people.iter().map(|p| p.id.0)))
    }
    pub fn new_entry_id(&self) -> EntryId {
        EntryId(next_id(self.log.iter().map(|e| e.id.0)))
    }
    pub fn new_review_id(&self) -> ReviewId {
        ReviewId(next_id(self.reviews.iter().map(|r| r.id.0)))
    }
    /// A new milestone id, unique across all goals and across `draft`, a goal
    /// being edited whose new milestones are not in the plan yet.
    pub fn new_milestone_id(&self, draft: Option<&Goal>) -> MilestoneId {
        let ids = self
            .goals
            .iter()
            .flat_map(|g| &g.milestones)
            .chain(draft.into_iter().flat_map(|g| &g.milestones))
            .map(|m| m.id.0);
        MilestoneId(next_id(ids))
    }
    /// The role marked current, if any.
    pub fn current_role(&self) -> Option<&Role> {
        self.roles.iter().find(|r| r.stage == Stage::Current)
    }
    /// Finds a skill by name, ignoring case and how accents were typed.
    pub fn skill_named(&self, name: &str) -> Option<&Skill> {
        let key = name_key(name);
        self.skills.iter().find(|s| name_key(&s.name) == key)
    }
    /// Finds a goal by title, ignoring case and how accents were typed.
    pub fn goal_named(&self, title: &str) -> Option<&Goal> {
        let key = name_key(title);
        self.goals.iter().find(|g| name_key(&g.title) == key)
    }
    /// Finds a person by name, ignoring case and how accents were typed.
    pub fn person_named(&self, name: &str) -> Option<&Person> {
        let key = name_key(name);
        self.people.iter().find(|p| name_key(&p.name) == key)
    }
}

/// A name as compared when looked up or searched: trimmed, in lower case in
/// any script, and in one Unicode normal form, so "ZOË" typed with a
/// combining diaeresis finds "zoë".
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let name = name.trim();
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    name.nfc().flat_map(char::to_lowercase).nfc().collect()
}

/// Whether `text` contains `key` (made by [`name_key`]), as a search does.
pub fn text_contains(text: &str, key: &str) -> bool {
    key.is_empty() || name_key(text).contains(key)
}
