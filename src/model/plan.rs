//! The plan: everything one person writes down about their career.
//!
//! These types are the document. They are serialised as they stand (field
//! order here is the order in the file), so renaming a field is a format
//! change: see `io::format`.

use super::ids::{EntryId, GoalId, MilestoneId, PersonId, ReviewId, RoleId, SkillId, next_id};
use jiff::civil::Date;
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
        deserialize_with = "super::dates::strict_opt"
    )]
    pub start: Option<Date>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::dates::strict_opt"
    )]
    pub end: Option<Date>,
    /// For roles not yet held: when you hope to be in it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::dates::strict_opt"
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
        deserialize_with = "super::dates::strict_opt"
    )]
    pub by: Option<Date>,
}

/// One step in a skill's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    #[serde(deserialize_with = "super::dates::strict")]
    pub date: Date,
    pub level: Level,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

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
        deserialize_with = "super::dates::strict_opt"
    )]
    pub start: Option<Date>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::dates::strict_opt"
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
        deserialize_with = "super::dates::strict_opt"
    )]
    pub due: Option<Date>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::dates::strict_opt"
    )]
    pub done: Option<Date>,
    /// What shows it was reached.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// A link to the evidence (http, https or mailto).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

/// How someone relates to you.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relation {
    Mentor,
    Mentee,
    #[default]
    Colleague,
    Manager,
    Sponsor,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 6] = [
        Relation::Mentor,
        Relation::Mentee,
        Relation::Colleague,
        Relation::Manager,
        Relation::Sponsor,
        Relation::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Relation::Mentor => "Mentor",
            Relation::Mentee => "Mentee",
            Relation::Colleague => "Colleague",
            Relation::Manager => "Manager",
            Relation::Sponsor => "Sponsor",
            Relation::Other => "Other",
        }
    }
}

/// Someone on your path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::dates::strict_opt"
    )]
    pub last_contact: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

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
    #[serde(deserialize_with = "super::dates::strict")]
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

/// How long a review looks back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    #[default]
    Week,
    Month,
}

/// A weekly or monthly reflection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: ReviewId,
    pub period: Period,
    /// First day of the period reviewed.
    #[serde(deserialize_with = "super::dates::strict")]
    pub start: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helped: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub beyond_role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub moved_toward: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub in_the_way: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub focus_next: String,
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

impl Person {
    pub fn new(id: PersonId, name: impl Into<String>, relation: Relation) -> Self {
        Self {
            id,
            name: name.into(),
            relation,
            organisation: String::new(),
            last_contact: None,
            notes: String::new(),
        }
    }
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

impl Review {
    /// An empty review of the period starting on `start`.
    pub fn new(id: ReviewId, period: Period, start: Date) -> Self {
        Self {
            id,
            period,
            start,
            learned: String::new(),
            helped: String::new(),
            beyond_role: String::new(),
            moved_toward: String::new(),
            in_the_way: String::new(),
            focus_next: String::new(),
        }
    }
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

impl Period {
    /// The first day of the period holding `day`: its Monday, or the first
    /// of its month.
    pub fn start_of(self, day: Date) -> Date {
        match self {
            Period::Week => {
                let back = i64::from(day.weekday().to_monday_zero_offset());
                day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
            }
            Period::Month => day.first_of_month(),
        }
    }

    /// The last day of the period holding `day`.
    pub fn end_of(self, day: Date) -> Date {
        let start = self.start_of(day);
        match self {
            Period::Week => start
                .checked_add(jiff::Span::new().days(6))
                .unwrap_or(Date::MAX),
            Period::Month => start.last_of_month(),
        }
    }

    /// The last day of a period that starts on `start` (a hand-written
    /// review may start on any day): a week or a month later, less a day.
    pub fn last_day_from(self, start: Date) -> Date {
        let span = match self {
            Period::Week => jiff::Span::new().weeks(1),
            Period::Month => jiff::Span::new().months(1),
        };
        start
            .checked_add(span)
            .ok()
            .and_then(|d| d.yesterday().ok())
            .unwrap_or(Date::MAX)
    }

    /// The first day of the period `n` periods after (or, for a negative `n`,
    /// before) the one holding `day`; the same period at the ends of the calendar.
    pub fn step(self, day: Date, n: i32) -> Date {
        let start = self.start_of(day);
        let span = match self {
            Period::Week => jiff::Span::new().weeks(n),
            Period::Month => jiff::Span::new().months(n),
        };
        start.checked_add(span).map_or(start, |d| self.start_of(d))
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

/// "1 level to go", "4 levels to go".
pub fn levels_to_go(n: u32) -> String {
    plural(usize::try_from(n).unwrap_or(usize::MAX), "level") + " to go"
}

/// Whether a word ends in a vowel and "y" ("day", "key"), whose plural only adds "s".
fn ends_in_vowel_y(word: &str) -> bool {
    ["ay", "ey", "oy", "uy"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// A count with its noun: "1 goal", "3 goals", "2 people", "5 log entries", "4 days".
pub fn plural(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "person") => format!("{n} people"),
        // "entry" to "entries", but "day" to "days".
        (_, w) if w.ends_with('y') && !ends_in_vowel_y(w) => {
            format!("{n} {}ies", &w[..w.len() - 1])
        }
        _ => format!("{n} {what}s"),
    }
}
