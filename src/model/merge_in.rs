//! Bringing roles, skills and goals (with their milestones) from another
//! plan (a file, a template or a competency framework) into the open plan.
//!
//! [`Merge::new`] compares the two plans by name (ignoring case, see
//! [`name_key`]): each item of the other plan is new, already in the open
//! plan, or there with other content. The person chooses per item, and
//! [`Merge::edit`] makes one [`Edit::Batch`] of it, so one undo takes the
//! whole import back. Imported items get fresh ids, and their links point
//! at the merged items: a skill that matched one of yours links to yours.
//! Log entries, people, reviews and the purpose are never imported.

use super::ids::FreshIds;
use super::{
    Edit, Goal, GoalId, Item, ItemRef, MilestoneId, Plan, Problem, Requirement, Role, RoleId,
    Skill, SkillId, Stage, name_key, plural,
};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// How an item of the other plan stands against the open plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The open plan has nothing of that name.
    New,
    /// The open plan has it (by name), with the same content.
    Same(ItemRef),
    /// The open plan has one of that name with other content; these parts differ.
    Differs {
        mine: ItemRef,
        parts: Vec<&'static str>,
    },
    /// The other plan has an earlier item of the same name: this one joins it.
    Repeated(ItemRef),
}

/// What to do with one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Add the new item.
    Add,
    /// Leave the new item out.
    Skip,
    /// Keep the open plan's item as it is.
    KeepMine,
    /// Replace the content of the open plan's item by theirs (keeping its
    /// id, name, stage and level history, which are yours).
    TakeTheirs,
}

impl Choice {
    pub fn label(self) -> &'static str {
        match self {
            Choice::Add => "Add",
            Choice::Skip => "Skip",
            Choice::KeepMine => "Keep mine",
            Choice::TakeTheirs => "Take theirs",
        }
    }
}

/// One item of the other plan, with how it stands and what was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The item in the other plan.
    pub theirs: ItemRef,
    pub name: String,
    pub status: Status,
    pub choice: Choice,
    /// Something to know before adding it.
    pub note: Option<&'static str>,
}

impl Row {
    /// The choices this row offers: none when there is nothing to decide.
    pub fn choices(&self) -> &'static [Choice] {
        match self.status {
            Status::New => &[Choice::Add, Choice::Skip],
            Status::Differs { .. } => &[Choice::KeepMine, Choice::TakeTheirs],
            Status::Same(_) | Status::Repeated(_) => &[],
        }
    }

    /// How the item stands, in a few words.
    pub fn status_text(&self) -> String {
        match &self.status {
            Status::New => "new".into(),
            Status::Same(_) => "already in your plan".into(),
            Status::Differs { parts, .. } => {
                format!("in your plan with other {}", parts.join(", "))
            }
            Status::Repeated(_) => "named twice in the other plan; comes in once".into(),
        }
    }

    /// Whether applying this row changes the open plan.
    fn changes(&self) -> bool {
        matches!(self.choice, Choice::Add | Choice::TakeTheirs)
    }
}

/// Why another plan cannot be imported: it has problems, which would come
/// in with it.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeError(pub Vec<Problem>);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let them = if self.0.len() == 1 { "it" } else { "them" };
        write!(f, "it has {}", plural(self.0.len(), "problem"))?;
        if let Some(first) = self.0.first() {
            write!(f, " (the first: {first})")?;
        }
        write!(
            f,
            "; fix {them} before importing from it (`stepstone check` lists {them})"
        )
    }
}

impl std::error::Error for MergeError {}

/// An import being prepared: the other plan and a row per role, skill and goal.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    other: Plan,
    /// Skills first, then roles, then goals, each in the other plan's order.
    pub rows: Vec<Row>,
}

/// Where the other plan's items land in the merged plan: yours for a
/// match, a fresh id for an added item, none for a skipped one.
#[derive(Default)]
struct Ids {
    skills: HashMap<SkillId, SkillId>,
    roles: HashMap<RoleId, RoleId>,
    goals: HashMap<GoalId, GoalId>,
}

impl Ids {
    fn get(&self, r: ItemRef) -> Option<u32> {
        match r {
            ItemRef::Skill(t) => self.skills.get(&t).map(|x| x.0),
            ItemRef::Role(t) => self.roles.get(&t).map(|x| x.0),
            ItemRef::Goal(t) => self.goals.get(&t).map(|x| x.0),
            _ => None,
        }
    }

    fn insert(&mut self, theirs: ItemRef, to: u32) {
        match theirs {
            ItemRef::Skill(t) => {
                self.skills.insert(t, SkillId(to));
            }
            ItemRef::Role(t) => {
                self.roles.insert(t, RoleId(to));
            }
            ItemRef::Goal(t) => {
                self.goals.insert(t, GoalId(to));
            }
            _ => {}
        }
    }

    fn skills(&self, list: &[SkillId]) -> Vec<SkillId> {
        once(list.iter().filter_map(|s| self.skills.get(s).copied()))
    }

    fn roles(&self, list: &[RoleId]) -> Vec<RoleId> {
        once(list.iter().filter_map(|r| self.roles.get(r).copied()))
    }

    /// Their role as `id`, its links pointing at the merged items.
    fn role(&self, theirs: &Role, id: RoleId) -> Role {
        let mut role = theirs.clone();
        role.id = id;
        role.teaches.skills = self.skills(&theirs.teaches.skills);
        let mut required = HashSet::new();
        role.requires = theirs
            .requires
            .iter()
            .filter_map(|q| {
                let skill = *self.skills.get(&q.skill)?;
                required
                    .insert(skill)
                    .then_some(Requirement { skill, ..*q })
            })
            .collect();
        role.leads_to = self.roles(&theirs.leads_to);
        role.leads_to.retain(|r| *r != id);
        role
    }

    /// Their goal as `id`, its links pointing at the merged items and each
    /// milestone numbered by `milestone_id` (given its title).
    fn goal(
        &self,
        theirs: &Goal,
        id: GoalId,
        mut milestone_id: impl FnMut(&str) -> MilestoneId,
    ) -> Goal {
        let mut goal = theirs.clone();
        goal.id = id;
        goal.skills = self.skills(&theirs.skills);
        goal.roles = self.roles(&theirs.roles);
        for m in &mut goal.milestones {
            m.id = milestone_id(&m.title);
        }
        goal
    }
}

/// A plan's roles, skills and goals by id (the first of an id, as
/// `Plan::skill` finds it), so lookups in a loop over thousands of items
/// stay linear.
struct ById<'a> {
    skills: HashMap<SkillId, &'a Skill>,
    roles: HashMap<RoleId, &'a Role>,
    goals: HashMap<GoalId, &'a Goal>,
}

impl<'a> ById<'a> {
    fn new(plan: &'a Plan) -> Self {
        fn index<I: Eq + std::hash::Hash, T>(items: &[T], id: impl Fn(&T) -> I) -> HashMap<I, &T> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Self {
            skills: index(&plan.skills, |s| s.id),
            roles: index(&plan.roles, |r| r.id),
            goals: index(&plan.goals, |g| g.id),
        }
    }
}

/// The first item of each name (by [`name_key`]).
fn by_name<'a, T, I: Copy>(
    items: &'a [T],
    name: impl Fn(&'a T) -> &'a str,
    id: impl Fn(&T) -> I,
) -> HashMap<String, I> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(name_key(name(item))).or_insert_with(|| id(item));
    }
    map
}

/// The ids in first-seen order, each once.
fn once<I: Copy + Eq + std::hash::Hash>(ids: impl Iterator<Item = I>) -> Vec<I> {
    let mut seen = HashSet::new();
    ids.filter(|i| seen.insert(*i)).collect()
}

impl Merge {
    /// Compares `other` with `open`. New items are added and differing ones
    /// keep yours until chosen otherwise. A plan with problems is refused,
    /// so a merge never brings problems in.
    pub fn new(open: &Plan, other: Plan) -> Result<Self, MergeError> {
        let problems = other.validate();
        if !problems.is_empty() {
            return Err(MergeError(problems));
        }
        // Yours by name: each of theirs is looked up once.
        let your_skills = by_name(&open.skills, |s| &s.name, |s| ItemRef::Skill(s.id));
        let your_roles = by_name(&open.roles, |r| &r.title, |r| ItemRef::Role(r.id));
        let your_goals = by_name(&open.goals, |g| &g.title, |g| ItemRef::Goal(g.id));
        let skills = other
            .skills
            .iter()
            .map(|s| (ItemRef::Skill(s.id), s.name.as_str()));
        let their_roles = other
            .roles
            .iter()
            .map(|r| (ItemRef::Role(r.id), r.title.as_str()));
        let their_goals = other
            .goals
            .iter()
            .map(|g| (ItemRef::Goal(g.id), g.title.as_str()));
        let mut first_of = HashMap::new();
        let mut rows =
            Vec::with_capacity(other.skills.len() + other.roles.len() + other.goals.len());
        for (theirs, name) in skills.chain(their_roles).chain(their_goals) {
            let name_key = name_key(name);
            let mine = match theirs {
                ItemRef::Skill(_) => &your_skills,
                ItemRef::Role(_) => &your_roles,
                _ => &your_goals,
            }
            .get(&name_key)
            .copied();
            let key = (std::mem::discriminant(&theirs), name_key);
            let status = match (first_of.get(&key), mine) {
                (Some(first), _) => Status::Repeated(*first),
                // Same for now: compared below, once every new item has its id.
                (None, Some(mine)) => Status::Same(mine),
                (None, None) => Status::New,
            };
            first_of.entry(key).or_insert(theirs);
            let choice = if status == Status::New {
                Choice::Add
            } else {
                Choice::KeepMine
            };
            rows.push(Row {
                theirs,
                name: name.trim().to_string(),
                status,
                choice,
                note: None,
            });
        }
        let mut merge = Self { other, rows };
        merge.compare(open);
        merge.note_current_roles(open);
        Ok(merge)
    }

    /// Turns each match into Same or Differs, comparing content with links
    /// as they would be after the merge.
    fn compare(&mut self, open: &Plan) {
        let ids = self.ids(open);
        let (theirs, yours) = (ById::new(&self.other), ById::new(open));
        for row in &mut self.rows {
            let Status::Same(mine) = row.status else {
                continue;
            };
            let parts = match (row.theirs, mine) {
                (ItemRef::Skill(t), ItemRef::Skill(m)) => theirs
                    .skills
                    .get(&t)
                    .zip(yours.skills.get(&m))
                    .map(|(t, m)| skill_diff(m, t)),
                (ItemRef::Role(t), ItemRef::Role(m)) => theirs
                    .roles
                    .get(&t)
                    .zip(yours.roles.get(&m))
                    .map(|(t, m)| role_diff(m, &ids.role(t, m.id))),
                (ItemRef::Goal(t), ItemRef::Goal(m)) => {
                    theirs.goals.get(&t).zip(yours.goals.get(&m)).map(|(t, m)| {
                        // Milestones are compared without their ids.
                        goal_diff(m, &ids.goal(t, m.id, |_| MilestoneId(0)))
                    })
                }
                _ => None,
            }
            .unwrap_or_default();
            if !parts.is_empty() {
                row.status = Status::Differs { mine, parts };
            }
        }
    }

    /// A current role of the other plan comes in as an option when the open
    /// plan has a current role: a plan has one.
    fn note_current_roles(&mut self, open: &Plan) {
        if open.current_role().is_none() {
            return;
        }
        let theirs = ById::new(&self.other);
        for row in &mut self.rows {
            if let ItemRef::Role(id) = row.theirs
                && row.status == Status::New
                && theirs
                    .roles
                    .get(&id)
                    .is_some_and(|r| r.stage == Stage::Current)
            {
                row.note = Some("comes in as an option: your plan already has a current role");
            }
        }
    }

    /// The rows under each heading, as shown: roles, then skills, then
    /// goals (indices into `rows`); a heading with no rows is left out.
    pub fn groups(&self) -> Vec<(&'static str, Vec<usize>)> {
        let of = |heading, kind: fn(&ItemRef) -> bool| {
            let rows: Vec<usize> = (0..self.rows.len())
                .filter(|&i| kind(&self.rows[i].theirs))
                .collect();
            (heading, rows)
        };
        [
            of("Roles", |r| matches!(r, ItemRef::Role(_))),
            of("Skills", |r| matches!(r, ItemRef::Skill(_))),
            of("Goals", |r| matches!(r, ItemRef::Goal(_))),
        ]
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
    }

    /// The other plan (after conversion, for a framework).
    pub fn other(&self) -> &Plan {
        &self.other
    }

    /// Where each item of the other plan lands, with the choices as they stand.
    fn ids(&self, open: &Plan) -> Ids {
        let mut ids = Ids::default();
        let mut fresh = [
            FreshIds::new(open.skills.iter().map(|s| s.id.0)),
            FreshIds::new(open.roles.iter().map(|r| r.id.0)),
            FreshIds::new(open.goals.iter().map(|g| g.id.0)),
        ];
        for row in &self.rows {
            let target = match (&row.status, row.choice) {
                (Status::New, Choice::Add) => {
                    let slot = match row.theirs {
                        ItemRef::Skill(_) => 0,
                        ItemRef::Role(_) => 1,
                        _ => 2,
                    };
                    Some(fresh[slot].take())
                }
                (Status::Same(mine) | Status::Differs { mine, .. }, _) => ids_of(*mine),
                (Status::Repeated(first), _) => ids.get(*first),
                (Status::New, _) => None,
            };
            if let Some(to) = target {
                ids.insert(row.theirs, to);
            }
        }
        ids
    }

    /// One edit that imports the chosen items into `open`, the plan the
    /// merge was prepared against.
    pub fn edit(&self, open: &Plan) -> Edit {
        let ids = self.ids(open);
        let mut milestone_ids = FreshIds::new(
            open.goals
                .iter()
                .flat_map(|g| &g.milestones)
                .map(|m| m.id.0),
        );
        let mut current_taken = open.current_role().is_some();
        let (theirs, yours) = (ById::new(&self.other), ById::new(open));
        let mut edits = Vec::new();
        for row in self.rows.iter().filter(|r| r.changes()) {
            let Some(id) = ids.get(row.theirs) else {
                continue;
            };
            let item = match row.theirs {
                ItemRef::Skill(t) => theirs.skills.get(&t).map(|theirs| {
                    Item::Skill(match yours.skills.get(&SkillId(id)) {
                        // Their category and target; your name and levels.
                        Some(mine) => Skill {
                            category: theirs.category.clone(),
                            target: theirs.target,
                            ..(*mine).clone()
                        },
                        None => Skill {
                            id: SkillId(id),
                            ..(*theirs).clone()
                        },
                    })
                }),
                ItemRef::Role(t) => theirs.roles.get(&t).map(|theirs| {
                    let mut role = ids.role(theirs, RoleId(id));
                    match yours.roles.get(&RoleId(id)) {
                        Some(mine) => {
                            role.title.clone_from(&mine.title);
                            role.stage = mine.stage;
                        }
                        None if role.stage == Stage::Current && current_taken => {
                            role.stage = Stage::Alternative;
                        }
                        None => current_taken |= role.stage == Stage::Current,
                    }
                    Item::Role(role)
                }),
                ItemRef::Goal(t) => theirs.goals.get(&t).map(|theirs| {
                    let mine = yours.goals.get(&GoalId(id));
                    // A milestone you have (by title) keeps its id, once.
                    let mut yours: HashMap<String, MilestoneId> = HashMap::new();
                    for m in mine.iter().flat_map(|g| g.milestones.iter().rev()) {
                        yours.insert(name_key(&m.title), m.id);
                    }
                    let mut goal = ids.goal(theirs, GoalId(id), |title| {
                        yours
                            .remove(&name_key(title))
                            .unwrap_or_else(|| MilestoneId(milestone_ids.take()))
                    });
                    if let Some(mine) = mine {
                        goal.title.clone_from(&mine.title);
                    }
                    Item::Goal(goal)
                }),
                _ => None,
            };
            edits.extend(item.map(Edit::Put));
        }
        Edit::Batch(edits)
    }

    /// Whether the import, as chosen, would change nothing.
    pub fn is_empty(&self) -> bool {
        !self.rows.iter().any(Row::changes)
    }

    /// What the import does, as chosen: "adds 2 roles and 5 skills; replaces
    /// 1 goal with theirs", or once `done`, "added … replaced …".
    pub fn summary(&self, done: bool) -> String {
        let count = |choice: Choice| {
            let n = |kind: fn(&ItemRef) -> bool| {
                self.rows
                    .iter()
                    .filter(|r| r.choice == choice && kind(&r.theirs) && r.changes())
                    .count()
            };
            let parts: Vec<String> = [
                (n(|r| matches!(r, ItemRef::Role(_))), "role"),
                (n(|r| matches!(r, ItemRef::Skill(_))), "skill"),
                (n(|r| matches!(r, ItemRef::Goal(_))), "goal"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| plural(n, what))
            .collect();
            and_list(&parts)
        };
        let (add, replace) = if done {
            ("added", "replaced")
        } else {
            ("adds", "replaces")
        };
        let mut said = Vec::new();
        let added = count(Choice::Add);
        if !added.is_empty() {
            said.push(format!("{add} {added}"));
        }
        let taken = count(Choice::TakeTheirs);
        if !taken.is_empty() {
            said.push(format!("{replace} {taken} with theirs"));
        }
        if said.is_empty() {
            "nothing to import".into()
        } else {
            said.join("; ")
        }
    }

    /// What the other plan holds that is never imported, as a sentence.
    pub fn left_out(&self) -> String {
        let o = &self.other;
        let held: Vec<String> = [
            (o.log.len(), "log entry"),
            (o.people.len(), "person"),
            (o.reviews.len(), "review"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| plural(n, what))
        .collect();
        let base = "Log entries, people, reviews and the why are never imported: they are the other plan's own.";
        if held.is_empty() {
            base.into()
        } else {
            format!("{base} Left out here: {}.", and_list(&held))
        }
    }
}

fn ids_of(r: ItemRef) -> Option<u32> {
    match r {
        ItemRef::Role(x) => Some(x.0),
        ItemRef::Skill(x) => Some(x.0),
        ItemRef::Goal(x) => Some(x.0),
        _ => None,
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The parts of a skill that differ: its category and target.
fn skill_diff(mine: &Skill, theirs: &Skill) -> Vec<&'static str> {
    let mut parts = Vec::new();
    if mine.category.trim() != theirs.category.trim() {
        parts.push("category");
    }
    if mine.target != theirs.target {
        parts.push("target");
    }
    parts
}

fn sorted<T: Ord + Clone>(list: &[T]) -> Vec<T> {
    let mut v = list.to_vec();
    v.sort();
    v
}

/// The parts of a role that differ (its stage is where it sits on your
/// path, so it is not compared).
fn role_diff(mine: &Role, theirs: &Role) -> Vec<&'static str> {
    let requires = |r: &Role| {
        sorted(
            &r.requires
                .iter()
                .map(|q| (q.skill, q.level))
                .collect::<Vec<_>>(),
        )
    };
    let checks = [
        (
            mine.organisation.trim() != theirs.organisation.trim(),
            "organisation",
        ),
        (
            (mine.start, mine.end, mine.target_date)
                != (theirs.start, theirs.end, theirs.target_date),
            "dates",
        ),
        (
            sorted(&mine.teaches.skills) != sorted(&theirs.teaches.skills)
                || mine.teaches.relationships != theirs.teaches.relationships
                || mine.teaches.experiences != theirs.teaches.experiences,
            "teachings",
        ),
        (requires(mine) != requires(theirs), "required levels"),
        (
            sorted(&mine.leads_to) != sorted(&theirs.leads_to),
            "next roles",
        ),
        (mine.notes.trim() != theirs.notes.trim(), "notes"),
    ];
    checks
        .into_iter()
        .filter(|(d, _)| *d)
        .map(|(_, p)| p)
        .collect()
}

/// The parts of a goal that differ; milestones are compared without their ids.
fn goal_diff(mine: &Goal, theirs: &Goal) -> Vec<&'static str> {
    /// A milestone without its id: title (as compared), due, done, evidence, link.
    type Compared<'a> = (String, Option<Date>, Option<Date>, &'a str, &'a str);
    fn milestones(g: &Goal) -> Vec<Compared<'_>> {
        let mut v: Vec<_> = g
            .milestones
            .iter()
            .map(|m| {
                (
                    name_key(&m.title),
                    m.due,
                    m.done,
                    m.evidence.trim(),
                    m.link.trim(),
                )
            })
            .collect();
        v.sort();
        v
    }
    let checks = [
        (mine.kind != theirs.kind, "kind"),
        (mine.status != theirs.status, "status"),
        (mine.why.trim() != theirs.why.trim(), "why"),
        (
            (mine.start, mine.due) != (theirs.start, theirs.due),
            "dates",
        ),
        (sorted(&mine.skills) != sorted(&theirs.skills), "skills"),
        (sorted(&mine.roles) != sorted(&theirs.roles), "roles"),
        (mine.measure != theirs.measure, "measure"),
        (milestones(mine) != milestones(theirs), "milestones"),
    ];
    checks
        .into_iter()
        .filter(|(d, _)| *d)
        .map(|(_, p)| p)
        .collect()
}
