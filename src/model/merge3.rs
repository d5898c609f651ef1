//! A three-way merge of plans: the version both sides started from (`base`),
//! ours and theirs, item by item by id, and field by field inside an item
//! changed on both sides. No egui here.
//!
//! - Added on one side: kept. Added on both sides under one id: both kept,
//!   theirs renumbered (and their links follow), unless they are the same.
//! - Changed on one side: that side's value.
//! - Lists of links or texts: what each side added is kept and what each
//!   side removed is gone.
//! - Changed on both sides to different values, or deleted on one side and
//!   changed on the other: a [`Conflict`]. The merged plan takes the side
//!   `choose` picks for it (ours unless told otherwise).
//! - Links to an item that no longer exists are dropped, as deleting an item
//!   in the app does.

use super::ids::FreshIds;
use super::{
    EntryId, Goal, GoalId, LogEntry, MilestoneId, Person, PersonId, Plan, Problem, Review,
    ReviewId, Role, RoleId, Skill, SkillId,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// One side of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// A place where the two sides disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where, for people: `Goal "Run the skills day": due`.
    pub place: String,
    /// Where, for choosing a side: the same for the same merge every time.
    pub key: String,
    /// Each side's value as text; `None` when that side deleted the item.
    pub base: Option<String>,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// The merged plan, and what needed a choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    pub conflicts: Vec<Conflict>,
    /// How many of their new items got a new id because ours used it.
    pub renumbered: usize,
    /// What `check` finds in the merged plan although both sides were
    /// valid (two roles made current, dates put out of order by changes on
    /// each side): to fix before the merge is done.
    pub problems: Vec<Problem>,
}

/// One of the three versions a merge reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Base,
    Ours,
    Theirs,
}

impl Version {
    /// "your version", for messages.
    pub fn words(self) -> &'static str {
        match self {
            Version::Base => "the common version",
            Version::Ours => "your version",
            Version::Theirs => "their version",
        }
    }
}

/// Why a merge was not made: a version that `check` rejects (an id used
/// twice, a link to nothing) would make the merge drop items unseen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} has problems to fix first (stepstone check lists them); nothing was merged", .version.words())]
pub struct Refused {
    pub version: Version,
    pub problems: Vec<Problem>,
}

/// Merges with every conflict resolved our way (see [`merge_choosing`]).
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    merge_choosing(base, ours, theirs, &|_| Side::Ours)
}

/// Merges like [`merge_choosing`] after checking each version: refuses one
/// with problems. Without `base` (lost, or never shared), what the two
/// agree on stands in for it ([`agreement`]).
pub fn merge_checked(
    base: Option<&Plan>,
    ours: &Plan,
    theirs: &Plan,
    choose: &dyn Fn(&str) -> Side,
) -> Result<Merged, Refused> {
    let versions = [
        (Version::Ours, Some(ours)),
        (Version::Theirs, Some(theirs)),
        (Version::Base, base),
    ];
    for (version, plan) in versions {
        let problems = plan.map(Plan::validate).unwrap_or_default();
        if !problems.is_empty() {
            return Err(Refused { version, problems });
        }
    }
    Ok(match base {
        Some(base) => merge_choosing(base, ours, theirs, choose),
        None => merge_choosing(&agreement(ours, theirs), ours, theirs, choose),
    })
}

/// Merges `ours` and `theirs`, which both started from `base`. Each
/// conflict is listed, and resolved with the side `choose` gives for its key.
pub fn merge_choosing(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    choose: &dyn Fn(&str) -> Side,
) -> Merged {
    let (theirs, renumbered) = renumber_collisions(base, ours, theirs);
    let theirs = &theirs;
    let mut m = Merger {
        choose,
        conflicts: Vec::new(),
    };
    let mut plan = Plan {
        owner: m.whole(
            "owner",
            "Your name",
            &base.owner,
            &ours.owner,
            &theirs.owner,
        ),
        purpose: set_merge(&base.purpose, &ours.purpose, &theirs.purpose, String::clone),
        level_names: m.whole(
            "level_names",
            "Level names",
            &base.level_names,
            &ours.level_names,
            &theirs.level_names,
        ),
        roles: m.items(&base.roles, &ours.roles, &theirs.roles),
        skills: m.items(&base.skills, &ours.skills, &theirs.skills),
        goals: m.items(&base.goals, &ours.goals, &theirs.goals),
        people: m.items(&base.people, &ours.people, &theirs.people),
        reviews: m.items(&base.reviews, &ours.reviews, &theirs.reviews),
        log: m.items(&base.log, &ours.log, &theirs.log),
    };
    drop_dangling_links(&mut plan);
    for s in &mut plan.skills {
        // Levels recorded on both sides: one history, in date order.
        s.history.sort_by_key(|c| c.date);
    }
    Merged {
        problems: plan.validate(),
        plan,
        conflicts: m.conflicts,
        renumbered,
    }
}

/// A stand-in for the version two copies started from, when it is lost:
/// what the two agree on. Items only one copy has count as added by it,
/// items that differ as added by both (so both are kept), and fields that
/// differ as changed by both (so the person chooses). Nothing is lost.
pub fn agreement(ours: &Plan, theirs: &Plan) -> Plan {
    fn same<T: Keyed>(ours: &[T], theirs: &[T]) -> Vec<T> {
        let theirs: HashMap<u32, &T> = theirs.iter().map(|t| (t.key(), t)).collect();
        ours.iter()
            .filter(|o| theirs.get(&o.key()).is_some_and(|t| *t == *o))
            .cloned()
            .collect()
    }
    // A value neither side has, so a difference is a choice to make.
    let differ = |o: &String, t: &String| if o == t { o.clone() } else { "\u{0}".into() };
    Plan {
        owner: differ(&ours.owner, &theirs.owner),
        purpose: {
            let theirs: HashSet<&String> = theirs.purpose.iter().collect();
            ours.purpose
                .iter()
                .filter(|p| theirs.contains(p))
                .cloned()
                .collect()
        },
        level_names: if ours.level_names == theirs.level_names {
            ours.level_names.clone()
        } else {
            super::LevelNames(Vec::new())
        },
        roles: same(&ours.roles, &theirs.roles),
        skills: same(&ours.skills, &theirs.skills),
        goals: same(&ours.goals, &theirs.goals),
        people: same(&ours.people, &theirs.people),
        reviews: same(&ours.reviews, &theirs.reviews),
        log: same(&ours.log, &theirs.log),
    }
}

/// An item of a plan's lists, as the merge sees it.
trait Keyed: Clone + PartialEq + Serialize + DeserializeOwned {
    const KIND: &'static str;
    fn key(&self) -> u32;
    /// How a person recognises it: `Goal "Run the skills day"`.
    fn label(&self) -> String;
}

macro_rules! keyed {
    ($ty:ty, $kind:literal, |$x:ident| $label:expr) => {
        impl Keyed for $ty {
            const KIND: &'static str = $kind;
            fn key(&self) -> u32 {
                self.id.0
            }
            fn label(&self) -> String {
                let $x = self;
                $label
            }
        }
    };
}

keyed!(Role, "roles", |r| format!("Role \"{}\"", r.title));
keyed!(Skill, "skills", |s| format!("Skill \"{}\"", s.name));
keyed!(Goal, "goals", |g| format!("Goal \"{}\"", g.title));
keyed!(Person, "people", |p| format!("Person \"{}\"", p.name));
keyed!(Review, "reviews", |r| format!("Review of {}", r.start));
keyed!(LogEntry, "log", |e| format!(
    "Log entry of {} \"{}\"",
    e.date,
    short(&e.text)
));

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('\u{2026}');
    }
    s
}

/// What to do with one key of a keyed list.
enum Pick<'a, V> {
    /// Kept as it is on one side (added, or unchanged on the other).
    Take(&'a V),
    /// Present on all three sides.
    All {
        base: &'a V,
        ours: &'a V,
        theirs: &'a V,
    },
    /// Deleted on side `by` and changed on the other (`kept`).
    DeletedAndChanged { by: Side, base: &'a V, kept: &'a V },
}

/// Pairs up the three versions of a keyed list: ours in order, then what
/// only theirs has. Items deleted on one side and unchanged on the other
/// are gone; so are items deleted on both.
fn pair<'a, V: PartialEq, K: Eq + Hash + Copy>(
    base: &'a [V],
    ours: &'a [V],
    theirs: &'a [V],
    key: impl Fn(&V) -> K,
) -> Vec<Pick<'a, V>> {
    let index = |list: &'a [V]| -> HashMap<K, &'a V> { list.iter().map(|v| (key(v), v)).collect() };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let mut picks = Vec::with_capacity(ours.len().max(theirs.len()));
    for ov in ours {
        let k = key(ov);
        picks.extend(match (b.get(&k), t.get(&k)) {
            (None, _) => Some(Pick::Take(ov)),
            (Some(&bv), Some(&tv)) => Some(Pick::All {
                base: bv,
                ours: ov,
                theirs: tv,
            }),
            (Some(&bv), None) if bv == ov => None,
            (Some(&bv), None) => Some(Pick::DeletedAndChanged {
                by: Side::Theirs,
                base: bv,
                kept: ov,
            }),
        });
    }
    for tv in theirs {
        let k = key(tv);
        if o.contains_key(&k) {
            continue;
        }
        picks.extend(match b.get(&k) {
            None => Some(Pick::Take(tv)),
            Some(&bv) if bv == tv => None,
            Some(&bv) => Some(Pick::DeletedAndChanged {
                by: Side::Ours,
                base: bv,
                kept: tv,
            }),
        });
    }
    picks
}

/// What each side added is kept, what each side removed is gone; ours'
/// order first, then theirs' additions. Items are told apart by `key`
/// (hashed, so long lists merge in linear time).
fn set_merge<V: Clone + PartialEq, K: Eq + Hash>(
    base: &[V],
    ours: &[V],
    theirs: &[V],
    key: impl Fn(&V) -> K,
) -> Vec<V> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let in_base: HashSet<K> = base.iter().map(&key).collect();
    let in_theirs: HashSet<K> = theirs.iter().map(&key).collect();
    let mut seen = HashSet::new();
    let mut out: Vec<V> = Vec::with_capacity(ours.len());
    for v in ours {
        let k = key(v);
        let removed_by_theirs = in_base.contains(&k) && !in_theirs.contains(&k);
        if !removed_by_theirs && seen.insert(k) {
            out.push(v.clone());
        }
    }
    for v in theirs {
        let k = key(v);
        if !in_base.contains(&k) && seen.insert(k) {
            out.push(v.clone());
        }
    }
    out
}

struct Merger<'c> {
    choose: &'c dyn Fn(&str) -> Side,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// Records a conflict and returns the side chosen for it.
    fn conflict(&mut self, key: String, place: String, values: [Option<String>; 3]) -> Side {
        let side = (self.choose)(&key);
        let [base, ours, theirs] = values;
        self.conflicts.push(Conflict {
            place,
            key,
            base,
            ours,
            theirs,
        });
        side
    }

    /// A value merged as a whole: one side's, or a conflict.
    fn whole<T: Clone + PartialEq + Serialize>(
        &mut self,
        key: &str,
        place: &str,
        base: &T,
        ours: &T,
        theirs: &T,
    ) -> T {
        if ours == theirs || theirs == base {
            return ours.clone();
        }
        if ours == base {
            return theirs.clone();
        }
        let text = |v: &T| serde_json::to_value(v).ok().map(|v| shown(&v));
        match self.conflict(
            key.to_string(),
            place.to_string(),
            [text(base), text(ours), text(theirs)],
        ) {
            Side::Ours => ours.clone(),
            Side::Theirs => theirs.clone(),
        }
    }

    fn items<T: Keyed>(&mut self, base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
        let mut out = Vec::with_capacity(ours.len());
        for pick in pair(base, ours, theirs, Keyed::key) {
            let item = match pick {
                Pick::Take(v) => Some(v.clone()),
                Pick::All { base, ours, theirs } => Some(self.item(base, ours, theirs)),
                Pick::DeletedAndChanged { by, base, kept } => {
                    let key = format!("{}/{}", T::KIND, base.key());
                    let (ours_text, theirs_text) = match by {
                        Side::Ours => (None, Some(kept.label())),
                        Side::Theirs => (Some(kept.label()), None),
                    };
                    let place = format!(
                        "{} (deleted on one side, changed on the other)",
                        base.label()
                    );
                    let side =
                        self.conflict(key, place, [Some(base.label()), ours_text, theirs_text]);
                    (side != by).then(|| kept.clone())
                }
            };
            out.extend(item);
        }
        out
    }

    /// An item present on all three sides.
    fn item<T: Keyed>(&mut self, base: &T, ours: &T, theirs: &T) -> T {
        if ours == theirs || theirs == base {
            return ours.clone();
        }
        if ours == base {
            return theirs.clone();
        }
        // Changed on both sides: field by field.
        let value = |v: &T| serde_json::to_value(v).ok();
        let (Some(b), Some(o), Some(t)) = (value(base), value(ours), value(theirs)) else {
            return ours.clone();
        };
        let key = format!("{}/{}", T::KIND, ours.key());
        self.value(&key, &base.label(), Some(&b), Some(&o), Some(&t))
            .and_then(|merged| serde_json::from_value(merged).ok())
            .unwrap_or_else(|| ours.clone())
    }

    /// Merges one field's three values; `None` is a field left out (empty).
    fn value<'v>(
        &mut self,
        key: &str,
        place: &str,
        base: Option<&'v Value>,
        ours: Option<&'v Value>,
        theirs: Option<&'v Value>,
    ) -> Option<Value> {
        // An empty list is left out of the file: missing means empty.
        static EMPTY: Value = Value::Array(Vec::new());
        let is_list = [base, ours, theirs]
            .iter()
            .any(|v| v.is_some_and(Value::is_array));
        let [base, ours, theirs] =
            [base, ours, theirs].map(|v| if is_list { v.or(Some(&EMPTY)) } else { v });
        if ours == theirs || theirs == base {
            return ours.cloned();
        }
        if ours == base {
            return theirs.cloned();
        }
        match (ours, theirs) {
            (Some(Value::Object(o)), Some(Value::Object(t))) => {
                let b = base.and_then(Value::as_object);
                let mut out = serde_json::Map::new();
                let keys = o.keys().chain(t.keys().filter(|k| !o.contains_key(*k)));
                for k in keys {
                    let merged = self.value(
                        &format!("{key}/{k}"),
                        &format!("{place}: {}", k.replace('_', " ")),
                        b.and_then(|b| b.get(k)),
                        o.get(k),
                        t.get(k),
                    );
                    out.extend(merged.map(|v| (k.clone(), v)));
                }
                Some(Value::Object(out))
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let empty = Vec::new();
                let b = base.and_then(Value::as_array).unwrap_or(&empty);
                Some(Value::Array(self.array(key, place, b, o, t)))
            }
            _ => {
                let side = self.conflict(
                    key.to_string(),
                    place.to_string(),
                    [base, ours, theirs].map(|v| Some(v.map_or_else(|| "(empty)".into(), shown))),
                );
                match side {
                    Side::Ours => ours.cloned(),
                    Side::Theirs => theirs.cloned(),
                }
            }
        }
    }

    /// A list inside an item: milestones (by id) and required levels (by
    /// skill) merge item by item; other lists (links, texts, level history)
    /// as sets.
    fn array(
        &mut self,
        key: &str,
        place: &str,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let all = || base.iter().chain(ours).chain(theirs);
        let Some(field) = ["id", "skill"]
            .into_iter()
            .find(|f| all().all(|v| v.get(f).is_some_and(Value::is_u64)))
        else {
            return set_merge(base, ours, theirs, Value::to_string);
        };
        let id = |v: &Value| v.get(field).and_then(Value::as_u64).unwrap_or(0);
        let what = |v: &Value| {
            v.get("title")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{field} {}", id(v)), |t| format!("\"{t}\""))
        };
        let mut out = Vec::with_capacity(ours.len());
        for pick in pair(base, ours, theirs, id) {
            match pick {
                Pick::Take(v) => out.push(v.clone()),
                Pick::All { base, ours, theirs } => {
                    let k = format!("{key}/{}", id(ours));
                    let p = format!("{place}: {}", what(base));
                    out.extend(self.value(&k, &p, Some(base), Some(ours), Some(theirs)));
                }
                Pick::DeletedAndChanged { by, base, kept } => {
                    let k = format!("{key}/{}", id(base));
                    let p = format!(
                        "{place}: {} (deleted on one side, changed on the other)",
                        what(base)
                    );
                    let (o, t) = match by {
                        Side::Ours => (None, Some(shown(kept))),
                        Side::Theirs => (Some(shown(kept)), None),
                    };
                    if self.conflict(k, p, [Some(shown(base)), o, t]) != by {
                        out.push(kept.clone());
                    }
                }
            }
        }
        out
    }
}

/// A value as a person reads it: text as it is, anything else compact.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "(empty)".into(),
        other => other.to_string(),
    }
}

/// New ids for what theirs added under an id ours also added with other
/// content, with every link in theirs to them following. Returns theirs so
/// renumbered, and how many items were.
fn renumber_collisions(base: &Plan, ours: &Plan, theirs: &Plan) -> (Plan, usize) {
    fn collisions<T: Keyed>(base: &[T], ours: &[T], theirs: &[T]) -> HashMap<u32, u32> {
        let in_base: HashSet<u32> = base.iter().map(Keyed::key).collect();
        let ours_new: HashMap<u32, &T> = ours
            .iter()
            .filter(|v| !in_base.contains(&v.key()))
            .map(|v| (v.key(), v))
            .collect();
        let mut fresh = FreshIds::new(base.iter().chain(ours).chain(theirs).map(Keyed::key));
        theirs
            .iter()
            .filter(|t| ours_new.get(&t.key()).is_some_and(|o| *o != *t))
            .map(|t| (t.key(), fresh.take()))
            .collect()
    }
    let roles = collisions(&base.roles, &ours.roles, &theirs.roles);
    let skills = collisions(&base.skills, &ours.skills, &theirs.skills);
    let goals = collisions(&base.goals, &ours.goals, &theirs.goals);
    let people = collisions(&base.people, &ours.people, &theirs.people);
    let reviews = collisions(&base.reviews, &ours.reviews, &theirs.reviews);
    let entries = collisions(&base.log, &ours.log, &theirs.log);
    let milestones = milestone_collisions(base, ours, theirs, &goals);
    let count = [
        &roles,
        &skills,
        &goals,
        &people,
        &reviews,
        &entries,
        &milestones,
    ]
    .iter()
    .map(|m| m.len())
    .sum();
    let mut t = theirs.clone();
    if count == 0 {
        return (t, 0);
    }
    let re = |map: &HashMap<u32, u32>, id: u32| map.get(&id).copied().unwrap_or(id);
    for r in &mut t.roles {
        r.id = RoleId(re(&roles, r.id.0));
        r.leads_to
            .iter_mut()
            .for_each(|x| *x = RoleId(re(&roles, x.0)));
        r.teaches
            .skills
            .iter_mut()
            .for_each(|x| *x = SkillId(re(&skills, x.0)));
        r.requires
            .iter_mut()
            .for_each(|q| q.skill = SkillId(re(&skills, q.skill.0)));
    }
    for s in &mut t.skills {
        s.id = SkillId(re(&skills, s.id.0));
    }
    for g in &mut t.goals {
        g.id = GoalId(re(&goals, g.id.0));
        g.skills
            .iter_mut()
            .for_each(|x| *x = SkillId(re(&skills, x.0)));
        g.roles
            .iter_mut()
            .for_each(|x| *x = RoleId(re(&roles, x.0)));
        for m in &mut g.milestones {
            m.id = MilestoneId(re(&milestones, m.id.0));
        }
    }
    for p in &mut t.people {
        p.id = PersonId(re(&people, p.id.0));
    }
    for r in &mut t.reviews {
        r.id = ReviewId(re(&reviews, r.id.0));
    }
    for e in &mut t.log {
        e.id = EntryId(re(&entries, e.id.0));
        e.skills
            .iter_mut()
            .for_each(|x| *x = SkillId(re(&skills, x.0)));
        e.goals
            .iter_mut()
            .for_each(|x| *x = GoalId(re(&goals, x.0)));
        e.people
            .iter_mut()
            .for_each(|x| *x = PersonId(re(&people, x.0)));
    }
    (t, count)
}

/// Milestone ids are unique across all goals: the same rule, over every
/// goal. A milestone is the same only in the same goal (`goals`: the new
/// ids of their goals).
fn milestone_collisions(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    goals: &HashMap<u32, u32>,
) -> HashMap<u32, u32> {
    fn all<'p>(p: &'p Plan, goals: &HashMap<u32, u32>) -> Vec<(u32, (u32, &'p super::Milestone))> {
        p.goals
            .iter()
            .flat_map(|g| {
                let goal = goals.get(&g.id.0).copied().unwrap_or(g.id.0);
                g.milestones.iter().map(move |m| (m.id.0, (goal, m)))
            })
            .collect()
    }
    let none = HashMap::new();
    let (b, o, t) = (all(base, &none), all(ours, &none), all(theirs, goals));
    let in_base: HashSet<u32> = b.iter().map(|(id, _)| *id).collect();
    let ours_new: HashMap<u32, _> = o
        .iter()
        .filter(|(id, _)| !in_base.contains(id))
        .copied()
        .collect();
    let mut fresh = FreshIds::new(b.iter().chain(&o).chain(&t).map(|(id, _)| *id));
    t.iter()
        .filter(|(id, m)| ours_new.get(id).is_some_and(|o| o != m))
        .map(|(id, _)| (*id, fresh.take()))
        .collect()
}

/// Drops links to items the merged plan no longer has.
fn drop_dangling_links(plan: &mut Plan) {
    let roles: HashSet<RoleId> = plan.roles.iter().map(|r| r.id).collect();
    let skills: HashSet<SkillId> = plan.skills.iter().map(|s| s.id).collect();
    let goals: HashSet<GoalId> = plan.goals.iter().map(|g| g.id).collect();
    let people: HashSet<PersonId> = plan.people.iter().map(|p| p.id).collect();
    for r in &mut plan.roles {
        r.leads_to.retain(|x| roles.contains(x));
        r.teaches.skills.retain(|x| skills.contains(x));
        r.requires.retain(|q| skills.contains(&q.skill));
    }
    for g in &mut plan.goals {
        g.skills.retain(|x| skills.contains(x));
        g.roles.retain(|x| roles.contains(x));
    }
    for e in &mut plan.log {
        e.skills.retain(|x| skills.contains(x));
        e.goals.retain(|x| goals.contains(x));
        e.people.retain(|x| people.contains(x));
    }
}
