//! The properties the fuzz targets check, shared with their fast twins in
//! `tests/fuzz_twins.rs` (which includes this file as a module, so both
//! decode the same bytes into the same edits and a crash found by the
//! fuzzer replays in `cargo test`).
//!
//! Each check returns `Err` with what went wrong; a fuzz target panics on
//! it, a twin fails. A panic inside Stepstone is a finding as well.

use arbitrary::Arbitrary;
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::OnceLock;
use stepstone::io;
use stepstone::model::merge3;
use stepstone::model::quick_add::{self, Token};
use stepstone::model::{
    Choice, Edit, EntryId, ExperienceKind, Goal, GoalId, GoalKind, GoalStatus, Item, ItemRef,
    Level, LevelChange, LevelNames, LogEntry, Merge, Milestone, MilestoneId, Person, PersonId,
    Plan, Relation, Requirement, Review, ReviewId, Role, RoleId, Skill, SkillId, SkillTarget,
    Stage, Status,
};

/// What a check found: `Err` holds a sentence and the values involved.
pub type Outcome = Result<(), String>;

/// Plans the structured targets start from: an empty plan, then these.
const FIXTURES: [&str; 5] = [
    include_str!("../../tests/fixtures/v1.stepstone.ron"),
    include_str!("../../tests/fixtures/brag.stepstone.ron"),
    include_str!("../../tests/fixtures/private.stepstone.ron"),
    include_str!("../../assets/templates/junior-developer-to-senior-engineer.stepstone.ron"),
    io::SAMPLE_RON,
];

/// The start plans, read once.
fn fixtures() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        std::iter::once(Plan::default())
            .chain(FIXTURES.iter().map(|t| io::from_ron(t).unwrap_or_default()))
            .collect()
    })
}

/// Start plan number `n` (wrapping): 0 is the empty plan, the last the sample.
pub fn fixture(n: u8) -> Plan {
    let all = fixtures();
    all[usize::from(n) % all.len()].clone()
}

/// The sample plan, the one imports go into.
pub fn sample() -> Plan {
    fixtures().last().cloned().unwrap_or_default()
}

// ---------------------------------------------------------------------------
// 1. Plan parsing.

/// Reads bytes as `io::load` reads a file (UTF-8 or refused, a leading BOM
/// skipped, then the versioned reader with its migration), validates the
/// plan, and checks that writing it and reading it back gives it again.
/// A plan without problems is then imported into the sample (and the
/// sample into it) and undone.
pub fn plan_parse(bytes: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (fast, whole) = io::current_readers();
    if let Some(p) = fast(text)
        && whole(text).as_ref() != Ok(&p)
    {
        return Err(format!(
            "the fast reader gave a plan the whole-file parse does not: {:?}",
            whole(text)
        ));
    }
    for line in text.lines() {
        log_line(line)?;
    }
    let Ok(plan) = io::from_ron(text) else {
        return Ok(());
    };
    let problems = plan.validate();
    let written =
        io::to_ron(&plan).map_err(|e| format!("a plan that was read does not write: {e}"))?;
    let again = io::from_ron(&written)
        .map_err(|e| format!("a written plan does not read back: {e}\n--- written:\n{written}"))?;
    if again != plan {
        return Err(format!(
            "a written plan reads back different\n--- read: {plan:?}\n--- read back: {again:?}\n--- written:\n{written}"
        ));
    }
    if problems.is_empty() {
        // Into the sample, and the sample into it.
        import_undo(&plan, sample())?;
        import_undo(&sample(), plan)?;
    }
    Ok(())
}

/// The hand reader of a log line (what is between the indent and the
/// comma) either leaves it to `ron` or gives the entry `ron` gives: the
/// fast path of a file never reads a line differently.
pub fn log_line(line: &str) -> Outcome {
    let body = line.trim_matches([' ', '\t', '\r']);
    let body = body.strip_suffix(',').unwrap_or(body).trim_end();
    match io::log_line_readers(body) {
        (Some(hand), by_ron) if by_ron.as_ref() != Some(&hand) => Err(format!(
            "the hand reader read {body:?} as {hand:?}, ron as {by_ron:?}"
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// 2. Edits and undo.

/// Which kind of item an op points at.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Kind {
    Role,
    Skill,
    Goal,
    Person,
    Entry,
    Review,
}

/// An id: one in use (by position, wrapping), or any number.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Id {
    Existing(u16),
    Raw(u32),
}

impl Id {
    fn pick(self, ids: &[u32]) -> u32 {
        match self {
            Id::Existing(n) if !ids.is_empty() => ids[usize::from(n) % ids.len()],
            Id::Existing(n) => u32::from(n),
            Id::Raw(n) => n,
        }
    }

    fn of(self, plan: &Plan, kind: Kind) -> u32 {
        self.pick(&ids_of(plan, kind))
    }
}

fn ids_of(plan: &Plan, kind: Kind) -> Vec<u32> {
    match kind {
        Kind::Role => plan.roles.iter().map(|x| x.id.0).collect(),
        Kind::Skill => plan.skills.iter().map(|x| x.id.0).collect(),
        Kind::Goal => plan.goals.iter().map(|x| x.id.0).collect(),
        Kind::Person => plan.people.iter().map(|x| x.id.0).collect(),
        Kind::Entry => plan.log.iter().map(|x| x.id.0).collect(),
        Kind::Review => plan.reviews.iter().map(|x| x.id.0).collect(),
    }
}

fn milestone_ids(plan: &Plan) -> Vec<u32> {
    plan.goals
        .iter()
        .flat_map(|g| &g.milestones)
        .map(|m| m.id.0)
        .collect()
}

/// A day a plan file can hold (years 0 to 9999), mostly near today.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Day {
    Near(u16),
    Any { year: u16, month: u8, day: u8 },
}

impl Day {
    fn date(self) -> Date {
        let near = Date::constant(2026, 1, 1);
        match self {
            Day::Near(n) => near
                .checked_add(jiff::Span::new().days(i64::from(n % 2000) - 1000))
                .unwrap_or(near),
            Day::Any { year, month, day } => Date::new(
                i16::try_from(year % 10_000).unwrap_or(2026),
                i8::try_from(month % 12 + 1).unwrap_or(1),
                i8::try_from(day % 28 + 1).unwrap_or(1),
            )
            .unwrap_or(near),
        }
    }
}

fn day(d: Option<Day>) -> Option<Date> {
    d.map(Day::date)
}

/// One change as a person (or the app) makes it.
#[derive(Arbitrary, Clone, Debug)]
pub enum Leaf {
    SetOwner(String),
    SetPurpose(Vec<String>),
    SetLevelNames(Vec<String>),
    PutRole {
        id: Id,
        title: String,
        stage: u8,
        start: Option<Day>,
        end: Option<Day>,
        teaches: Vec<Id>,
        requires: Vec<(Id, u8)>,
        leads_to: Vec<Id>,
    },
    PutSkill {
        id: Id,
        name: String,
        category: String,
        target: Option<(u8, Option<Day>)>,
        history: Vec<(Day, u8)>,
    },
    PutGoal {
        id: Id,
        title: String,
        kind: u8,
        status: u8,
        skills: Vec<Id>,
        roles: Vec<Id>,
        milestones: Vec<(Id, String, Option<Day>, Option<Day>)>,
    },
    PutPerson {
        id: Id,
        name: String,
        relation: u8,
    },
    PutEntry {
        id: Id,
        day: Day,
        minutes: u16,
        kind: u8,
        text: String,
        skills: Vec<Id>,
        goals: Vec<Id>,
        people: Vec<Id>,
        energy: Option<u8>,
    },
    PutReview {
        id: Id,
        start: Day,
        learned: String,
    },
    /// An item's text changed in place, as typing in a view does.
    Retitle {
        kind: Kind,
        id: Id,
        text: String,
    },
    Remove {
        kind: Kind,
        id: Id,
    },
    SetSkillLevel {
        skill: Id,
        on: Day,
        level: u8,
        evidence: String,
    },
    CompleteMilestone {
        milestone: Id,
        on: Day,
    },
    ReopenMilestone {
        milestone: Id,
    },
    SetCurrentRole(Id),
    /// A role's stage changed the way the role editor does it.
    SetStage {
        role: Id,
        stage: u8,
    },
    /// The whole plan replaced by a start plan (a merge put in place).
    Replace(u8),
    /// A start plan imported with the choices offered first (File > Import).
    Import(u8),
}

/// An undo step: one edit, or several as one batch.
#[derive(Arbitrary, Clone, Debug)]
pub enum Op {
    One(Leaf),
    Batch(Vec<Leaf>),
}

fn stage(n: u8) -> Stage {
    Stage::ALL[usize::from(n) % Stage::ALL.len()]
}

fn ids<T>(plan: &Plan, kind: Kind, list: &[Id], f: impl Fn(u32) -> T) -> Vec<T> {
    let known = ids_of(plan, kind);
    list.iter().map(|i| f(i.pick(&known))).collect()
}

impl Leaf {
    /// The edit this op makes on `plan` as it stands.
    #[expect(clippy::too_many_lines, reason = "one arm per kind of op")]
    pub fn edit(&self, plan: &Plan) -> Edit {
        match self.clone() {
            Leaf::SetOwner(s) => Edit::SetOwner(s),
            Leaf::SetPurpose(p) => Edit::SetPurpose(p),
            Leaf::SetLevelNames(n) => Edit::SetLevelNames(LevelNames(n)),
            Leaf::PutRole {
                id,
                title,
                stage: s,
                start,
                end,
                teaches,
                requires,
                leads_to,
            } => {
                let mut role = Role::new(RoleId(id.of(plan, Kind::Role)), title, stage(s));
                role.start = day(start);
                role.end = day(end);
                role.teaches.skills = ids(plan, Kind::Skill, &teaches, SkillId);
                let skills = ids_of(plan, Kind::Skill);
                role.requires = requires
                    .iter()
                    .map(|(s, l)| Requirement {
                        skill: SkillId(s.pick(&skills)),
                        level: Level(l % 7),
                    })
                    .collect();
                role.leads_to = ids(plan, Kind::Role, &leads_to, RoleId);
                plan.put_role_edit(role)
            }
            Leaf::PutSkill {
                id,
                name,
                category,
                target,
                history,
            } => {
                let mut skill = Skill::new(SkillId(id.of(plan, Kind::Skill)), name);
                skill.category = category;
                skill.target = target.map(|(l, by)| SkillTarget {
                    level: Level(l % 7),
                    by: day(by),
                });
                skill.history = history
                    .into_iter()
                    .map(|(d, l)| LevelChange {
                        date: d.date(),
                        level: Level(l % 7),
                        evidence: String::new(),
                    })
                    .collect();
                Edit::Put(Item::Skill(skill))
            }
            Leaf::PutGoal {
                id,
                title,
                kind,
                status,
                skills,
                roles,
                milestones,
            } => {
                let kinds = GoalKind::ALL;
                let mut goal = Goal::new(
                    GoalId(id.of(plan, Kind::Goal)),
                    title,
                    kinds[usize::from(kind) % kinds.len()],
                );
                goal.status = [
                    GoalStatus::Planned,
                    GoalStatus::Active,
                    GoalStatus::Done,
                    GoalStatus::Dropped,
                ][usize::from(status % 4)];
                goal.skills = ids(plan, Kind::Skill, &skills, SkillId);
                goal.roles = ids(plan, Kind::Role, &roles, RoleId);
                let known = milestone_ids(plan);
                goal.milestones = milestones
                    .into_iter()
                    .map(|(id, title, due, done)| Milestone {
                        due: day(due),
                        done: day(done),
                        ..Milestone::new(MilestoneId(id.pick(&known)), title)
                    })
                    .collect();
                Edit::Put(Item::Goal(goal))
            }
            Leaf::PutPerson { id, name, relation } => {
                let r = Relation::ALL[usize::from(relation) % Relation::ALL.len()];
                Edit::Put(Item::Person(Person::new(
                    PersonId(id.of(plan, Kind::Person)),
                    name,
                    r,
                )))
            }
            Leaf::PutEntry {
                id,
                day: on,
                minutes,
                kind,
                text,
                skills,
                goals,
                people,
                energy,
            } => {
                let kinds = ExperienceKind::ALL;
                let mut e = LogEntry::new(
                    EntryId(id.of(plan, Kind::Entry)),
                    on.date(),
                    u32::from(minutes),
                    kinds[usize::from(kind) % kinds.len()],
                    text,
                );
                e.skills = ids(plan, Kind::Skill, &skills, SkillId);
                e.goals = ids(plan, Kind::Goal, &goals, GoalId);
                e.people = ids(plan, Kind::Person, &people, PersonId);
                e.energy = energy;
                Edit::Put(Item::Entry(e))
            }
            Leaf::PutReview { id, start, learned } => {
                let mut r = Review::new(
                    ReviewId(id.of(plan, Kind::Review)),
                    stepstone::model::Period::Week,
                    start.date(),
                );
                r.learned = learned;
                Edit::Put(Item::Review(r))
            }
            Leaf::Retitle { kind, id, text } => retitle(plan, kind, id.of(plan, kind), text),
            Leaf::Remove { kind, id } => Edit::Remove(item_ref(kind, id.of(plan, kind))),
            Leaf::SetSkillLevel {
                skill,
                on,
                level,
                evidence,
            } => Edit::SetSkillLevel {
                skill: SkillId(skill.of(plan, Kind::Skill)),
                change: LevelChange {
                    date: on.date(),
                    level: Level(level % 7),
                    evidence,
                },
            },
            Leaf::CompleteMilestone { milestone, on } => Edit::CompleteMilestone {
                milestone: MilestoneId(milestone.pick(&milestone_ids(plan))),
                on: on.date(),
            },
            Leaf::ReopenMilestone { milestone } => Edit::ReopenMilestone {
                milestone: MilestoneId(milestone.pick(&milestone_ids(plan))),
            },
            Leaf::SetCurrentRole(id) => Edit::SetCurrentRole(RoleId(id.of(plan, Kind::Role))),
            Leaf::SetStage { role, stage: s } => {
                let id = RoleId(role.of(plan, Kind::Role));
                match plan.role(id) {
                    Some(r) => plan.put_role_edit(Role {
                        stage: stage(s),
                        ..r.clone()
                    }),
                    None => Edit::SetCurrentRole(id),
                }
            }
            Leaf::Replace(n) => Edit::Replace(Box::new(fixture(n))),
            Leaf::Import(n) => {
                Merge::new(plan, fixture(n)).map_or(Edit::Batch(Vec::new()), |m| m.edit(plan))
            }
        }
    }
}

fn item_ref(kind: Kind, id: u32) -> ItemRef {
    match kind {
        Kind::Role => ItemRef::Role(RoleId(id)),
        Kind::Skill => ItemRef::Skill(SkillId(id)),
        Kind::Goal => ItemRef::Goal(GoalId(id)),
        Kind::Person => ItemRef::Person(PersonId(id)),
        Kind::Entry => ItemRef::Entry(EntryId(id)),
        Kind::Review => ItemRef::Review(ReviewId(id)),
    }
}

/// The item with its main text replaced, or a removal when there is none.
fn retitle(plan: &Plan, kind: Kind, id: u32, text: String) -> Edit {
    let item = match kind {
        Kind::Role => plan.role(RoleId(id)).map(|x| {
            Item::Role(Role {
                title: text,
                ..x.clone()
            })
        }),
        Kind::Skill => plan.skill(SkillId(id)).map(|x| {
            Item::Skill(Skill {
                name: text,
                ..x.clone()
            })
        }),
        Kind::Goal => plan.goal(GoalId(id)).map(|x| {
            Item::Goal(Goal {
                title: text,
                ..x.clone()
            })
        }),
        Kind::Person => plan.person(PersonId(id)).map(|x| {
            Item::Person(Person {
                name: text,
                ..x.clone()
            })
        }),
        Kind::Entry => plan
            .log
            .iter()
            .find(|e| e.id.0 == id)
            .map(|x| Item::Entry(LogEntry { text, ..x.clone() })),
        Kind::Review => plan.reviews.iter().find(|r| r.id.0 == id).map(|x| {
            Item::Review(Review {
                learned: text,
                ..x.clone()
            })
        }),
    };
    item.map_or(Edit::Remove(item_ref(kind, id)), Edit::Put)
}

impl Op {
    pub fn edit(&self, plan: &Plan) -> Edit {
        match self {
            Op::One(leaf) => leaf.edit(plan),
            // Each edit of a batch is made against the plan as it stands
            // before the batch, as a dialog's batch is.
            Op::Batch(leaves) => Edit::Batch(leaves.iter().map(|l| l.edit(plan)).collect()),
        }
    }
}

/// A start plan and the edits made to it.
#[derive(Arbitrary, Clone, Debug)]
pub struct EditCase {
    pub start: u8,
    pub ops: Vec<Op>,
}

/// Applies `ops` to `plan`, skipping refused ones; returns the undo edits in
/// the order they were made. With `check`, a refused edit must leave the
/// plan unchanged (a copy per edit: the merge target skips it for speed).
fn apply_all(plan: &mut Plan, ops: &[Op], check: bool) -> Result<Vec<Edit>, String> {
    let mut undos = Vec::with_capacity(ops.len());
    for op in ops {
        let edit = op.edit(plan);
        let before = check.then(|| plan.clone());
        match plan.apply(edit.clone()) {
            Ok(undo) => undos.push(undo),
            Err(e) if before.as_ref().is_some_and(|b| b != plan) => {
                return Err(format!(
                    "a refused edit ({e}) changed the plan\n--- edit: {edit:?}"
                ));
            }
            Err(_) => {}
        }
    }
    Ok(undos)
}

/// Applies the ops, undoes them all (the plan comes back equal to the
/// start), then redoes them all (the plan comes back to where it was).
pub fn edit_undo(case: &EditCase) -> Outcome {
    let start = fixture(case.start);
    let mut plan = start.clone();
    let undos = apply_all(&mut plan, &case.ops, true)?;
    let end = plan.clone();
    let mut redos = Vec::with_capacity(undos.len());
    for undo in undos.into_iter().rev() {
        let redo = plan
            .apply(undo.clone())
            .map_err(|e| format!("an undo was refused: {e}\n--- undo: {undo:?}"))?;
        redos.push(redo);
    }
    if plan != start {
        return Err(format!(
            "undoing every edit does not give the start plan back\n{}",
            first_difference(&start, &plan)
        ));
    }
    for redo in redos.into_iter().rev() {
        plan.apply(redo.clone())
            .map_err(|e| format!("a redo was refused: {e}\n--- redo: {redo:?}"))?;
    }
    if plan != end {
        return Err(format!(
            "redoing every edit does not give the edited plan back\n{}",
            first_difference(&end, &plan)
        ));
    }
    Ok(())
}

/// The first part of two plans that differs, for a readable failure.
fn first_difference(want: &Plan, got: &Plan) -> String {
    let parts: [(&str, &dyn std::fmt::Debug, &dyn std::fmt::Debug); 9] = [
        ("owner", &want.owner, &got.owner),
        ("purpose", &want.purpose, &got.purpose),
        ("level names", &want.level_names, &got.level_names),
        ("roles", &want.roles, &got.roles),
        ("skills", &want.skills, &got.skills),
        ("goals", &want.goals, &got.goals),
        ("people", &want.people, &got.people),
        ("reviews", &want.reviews, &got.reviews),
        ("log", &want.log, &got.log),
    ];
    parts
        .iter()
        .map(|(what, a, b)| (what, format!("{a:?}"), format!("{b:?}")))
        .find(|(_, a, b)| a != b)
        .map_or_else(String::new, |(what, a, b)| {
            format!("--- {what} wanted: {a}\n--- {what} got: {b}")
        })
}

// ---------------------------------------------------------------------------
// 3. Three-way merge.

/// A base (a start plan, edited) and two sides edited from it.
#[derive(Arbitrary, Clone, Debug)]
pub struct MergeCase {
    pub start: u8,
    pub base: Vec<Op>,
    pub ours: Vec<Op>,
    pub theirs: Vec<Op>,
}

/// A log entry's content, without its id and links (ids may be renumbered
/// and links to deleted items dropped).
type EntryKey = (Date, u32, ExperienceKind, String, Option<u8>, bool);

fn entry_key(e: &LogEntry) -> EntryKey {
    (
        e.date,
        e.minutes,
        e.kind,
        e.text.clone(),
        e.energy,
        e.remembered_why,
    )
}

fn entry_counts(plan: &Plan) -> HashMap<EntryKey, usize> {
    let mut counts = HashMap::new();
    for e in &plan.log {
        *counts.entry(entry_key(e)).or_insert(0) += 1;
    }
    counts
}

/// Items as compared across a merge: links and milestone ids left out
/// (links to deleted items are dropped, colliding milestones renumbered)
/// and a skill's history in date order (the merge sorts it).
fn unlinked(item: Item) -> Item {
    match item {
        Item::Role(mut r) => {
            r.teaches.skills.clear();
            r.requires.clear();
            r.leads_to.clear();
            Item::Role(r)
        }
        Item::Goal(mut g) => {
            g.skills.clear();
            g.roles.clear();
            // Their milestones are renumbered where ours used the id.
            g.milestones.iter_mut().for_each(|m| m.id = MilestoneId(0));
            Item::Goal(g)
        }
        Item::Entry(mut e) => {
            e.skills.clear();
            e.goals.clear();
            e.people.clear();
            Item::Entry(e)
        }
        Item::Skill(mut s) => {
            s.history.sort_by_key(|c| c.date);
            Item::Skill(s)
        }
        other => other,
    }
}

fn items(plan: &Plan) -> Vec<Item> {
    let p = plan.clone();
    p.roles
        .into_iter()
        .map(Item::Role)
        .chain(p.skills.into_iter().map(Item::Skill))
        .chain(p.goals.into_iter().map(Item::Goal))
        .chain(p.people.into_iter().map(Item::Person))
        .chain(p.reviews.into_iter().map(Item::Review))
        .chain(p.log.into_iter().map(Item::Entry))
        .collect()
}

/// Builds the three plans from the case and checks the merge of them.
pub fn merge3(case: &MergeCase) -> Outcome {
    let mut base = fixture(case.start);
    apply_all(&mut base, &case.base, false)?;
    let mut ours = base.clone();
    apply_all(&mut ours, &case.ours, false)?;
    let mut theirs = base.clone();
    apply_all(&mut theirs, &case.theirs, false)?;
    check_merge(&base, &ours, &theirs)
}

/// Merges the three plans: a version with problems is refused (saying
/// which); otherwise the result is valid or its problems are reported (the
/// command line then stops as for a conflict), every log entry both sides
/// hold is kept (by content; ids may be renumbered), every item one side
/// added under an id the other side does not use is kept, and the result
/// writes and reads back.
pub fn check_merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Outcome {
    let merged = match merge3::merge_checked(Some(base), ours, theirs, &|_| merge3::Side::Ours) {
        Ok(merged) => merged,
        Err(refused) if refused.problems.is_empty() => {
            return Err(format!("refused without a problem: {refused}"));
        }
        Err(_) => return Ok(()),
    };
    let plan = &merged.plan;
    if plan.validate() != merged.problems {
        return Err(format!(
            "the merge has problems it does not report: {:?}",
            plan.validate()
        ));
    }

    let (o, t, m) = (entry_counts(ours), entry_counts(theirs), entry_counts(plan));
    for (key, &n) in &o {
        let both = n.min(t.get(key).copied().unwrap_or(0));
        let kept = m.get(key).copied().unwrap_or(0);
        if kept < both {
            return Err(format!(
                "a log entry both sides hold {both} time(s) is in the merge {kept} time(s): {key:?}"
            ));
        }
    }

    let kept: HashMap<ItemRef, Item> = items(plan)
        .into_iter()
        .map(|i| (i.item_ref(), unlinked(i)))
        .collect();
    let in_base: HashMap<ItemRef, Item> =
        items(base).into_iter().map(|i| (i.item_ref(), i)).collect();
    for (side, this, other) in [("ours", ours, theirs), ("theirs", theirs, ours)] {
        let other: HashMap<ItemRef, Item> = items(other)
            .into_iter()
            .map(|i| (i.item_ref(), i))
            .collect();
        for item in items(this) {
            let r = item.item_ref();
            if in_base.contains_key(&r) || other.contains_key(&r) {
                continue;
            }
            let want = unlinked(item);
            if kept.get(&r) != Some(&want) {
                return Err(format!(
                    "{r:?}, added by {side} only, is not kept as it was\n--- added: {want:?}\n--- merged: {:?}",
                    kept.get(&r)
                ));
            }
        }
    }

    let written = io::to_ron(plan).map_err(|e| format!("the merged plan does not write: {e}"))?;
    match io::from_ron(&written) {
        Ok(again) if again == *plan => Ok(()),
        Ok(again) => Err(format!(
            "the merged plan reads back different\n{}",
            first_difference(plan, &again)
        )),
        Err(e) => Err(format!(
            "the merged plan does not read back: {e}\n--- written:\n{written}"
        )),
    }
}

// ---------------------------------------------------------------------------
// 4. Framework import.

/// Reads bytes as a competency framework file (UTF-8, then the framework
/// reader); one that reads is imported into the sample plan and undone.
pub fn framework_import(bytes: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    let Ok(incoming) = io::framework::parse(text, "fuzz") else {
        return Ok(());
    };
    import_undo(&sample(), incoming.plan)
}

/// Imports `other` into `open` twice (with the choices offered first, and
/// with every other choice): the edit applies, a plan without problems
/// stays without problems, and one undo gives `open` back.
pub fn import_undo(open: &Plan, other: Plan) -> Outcome {
    let Ok(mut merge) = Merge::new(open, other) else {
        return Ok(());
    };
    let valid = open.validate().is_empty();
    for round in 0..2 {
        if round == 1 {
            for row in &mut merge.rows {
                row.choice = match row.status {
                    Status::New => Choice::Skip,
                    Status::Differs { .. } => Choice::TakeTheirs,
                    Status::Same(_) | Status::Repeated(_) => row.choice,
                };
            }
        }
        let mut plan = open.clone();
        let edit = merge.edit(open);
        let undo = plan
            .apply(edit.clone())
            .map_err(|e| format!("an import's edit was refused: {e}\n--- edit: {edit:?}"))?;
        let problems = plan.validate();
        if valid && !problems.is_empty() {
            return Err(format!(
                "importing a plan without problems into one without problems made problems: {problems:?}\n--- edit: {edit:?}"
            ));
        }
        plan.apply(undo)
            .map_err(|e| format!("undoing an import was refused: {e}"))?;
        if plan != *open {
            return Err(format!(
                "undoing an import does not give the plan back\n{}",
                first_difference(open, &plan)
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 5. The quick-add line.

/// Reads bytes as a case of the quick-add line: byte 0 picks the start plan,
/// byte 1 today (0: the first day jiff knows, 1: the last, else that many
/// days from 80 days before 25 Nov 2026, so `P` is that day); the rest, UTF-8, is the line, then, after each `\u{1}`,
/// the name of one more skill. A `\u{2}` in the line is taken out and marks
/// its place as kept as text (`literal`), as the app's Backspace does.
pub fn quick_add(bytes: &[u8]) -> Outcome {
    let [which, day, rest @ ..] = bytes else {
        return Ok(());
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return Ok(());
    };
    let mut plan = fixture(*which);
    let mut parts = text.split('\u{1}');
    let marked = parts.next().unwrap_or_default();
    for name in parts {
        let id = plan.new_skill_id();
        plan.skills.push(Skill::new(id, name));
    }
    let mut line = String::with_capacity(marked.len());
    // Places past the line, or nowhere, are allowed and mean nothing.
    let mut literal = vec![usize::MAX];
    for c in marked.chars() {
        if c == '\u{2}' {
            literal.push(line.len());
        } else {
            line.push(c);
        }
    }
    literal.extend([line.len(), line.len() + 1]);
    let today = match day {
        0 => Date::MIN,
        1 => Date::MAX,
        n => Date::constant(2026, 11, 25)
            .checked_add(jiff::Span::new().days(i64::from(*n) - 80))
            .unwrap_or(Date::MIN),
    };
    quick_line(&line, &plan, today, &literal)
}

/// Reads `line` and checks what came out: each recognised word is a word
/// of the line (a slice at char boundaries, between white space), none at
/// a `literal` place; the text and the recognised words together are the
/// line's words, in order, nothing lost or invented; the minutes are the
/// minute words' sum (at most `u32::MAX`); links point at items that exist.
pub fn quick_line(line: &str, plan: &Plan, today: Date, literal: &[usize]) -> Outcome {
    let q = quick_add::parse(line, plan, today, literal);
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in line.split_whitespace() {
        let start = at + line[at..].find(w).unwrap_or_default();
        at = start + w.len();
        words.push((start, w));
    }
    let mut last = None;
    for w in &q.words {
        let slice = line
            .get(w.start..w.end)
            .ok_or_else(|| format!("{w:?} is not a slice of {line:?} at char boundaries"))?;
        if !words.contains(&(w.start, slice)) {
            return Err(format!("{w:?} ({slice:?}) is not a whole word of {line:?}"));
        }
        if last.is_some_and(|end| end > w.start) {
            return Err(format!("words out of order in {q:?}"));
        }
        last = Some(w.end);
        if literal.contains(&w.start) {
            return Err(format!("{w:?} was kept as text, yet recognised"));
        }
    }
    let recognised: Vec<usize> = q.words.iter().map(|w| w.start).collect();
    let text: Vec<&str> = words
        .iter()
        .filter(|(start, _)| !recognised.contains(start))
        .map(|(_, w)| *w)
        .collect();
    if q.text != text.join(" ") {
        return Err(format!(
            "the text is not the line's other words\n--- line: {line:?}\n--- read: {q:?}"
        ));
    }
    let minutes: Vec<u64> = q
        .words
        .iter()
        .filter_map(|w| match w.token {
            Token::Minutes(m) => Some(u64::from(m)),
            _ => None,
        })
        .collect();
    let sum = (!minutes.is_empty())
        .then(|| u32::try_from(minutes.iter().sum::<u64>()).unwrap_or(u32::MAX));
    if q.minutes() != sum {
        return Err(format!("minutes {:?}, want {sum:?}: {q:?}", q.minutes()));
    }
    let mut stops = 0;
    for w in &q.words {
        let linked = match &w.token {
            Token::Link(l) => vec![*l],
            Token::Ambiguous(many) if many.len() >= 2 => many.clone(),
            Token::Ambiguous(few) => return Err(format!("ambiguous with {few:?}")),
            Token::Minutes(_) | Token::Day(_) | Token::Unknown => Vec::new(),
        };
        if let Some(l) = linked.iter().find(|l| l.name(plan).is_none()) {
            return Err(format!("{l:?} links to no item of the plan"));
        }
        stops += usize::from(matches!(w.token, Token::Ambiguous(_) | Token::Unknown));
    }
    if q.problems(line, plan).len() != stops {
        return Err(format!("problems {:?} for {q:?}", q.problems(line, plan)));
    }
    Ok(())
}
