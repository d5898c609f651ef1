//! Checks a plan for problems a person should fix: duplicate ids, links to
//! missing items, impossible values. Problems never block editing; they are
//! listed with where they are.

use super::edit::ItemRef;
use super::ids::{GoalId, PersonId, RoleId, SkillId};
use super::plan::{Goal, Level, LogEntry, Plan, Role, Skill, Stage};
use jiff::civil::Date;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// One problem found in a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The item the problem belongs to, if it is one item's.
    pub item: Option<ItemRef>,
    /// The item, e.g. `skill 3 "Precepting"`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// The longest a single log entry can be.
pub const MAX_MINUTES_PER_ENTRY: u32 = 24 * 60;

/// Ids that exist, to check links against.
struct Known {
    roles: HashSet<RoleId>,
    skills: HashSet<SkillId>,
    goals: HashSet<GoalId>,
    people: HashSet<PersonId>,
}

struct Checker {
    known: Known,
    /// The item being checked, recorded with each problem.
    current: Option<ItemRef>,
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, place: impl fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem {
            item: self.current,
            place: place.to_string(),
            message: message.into(),
        });
    }

    fn duplicates<T, I: Hash + Eq + Copy + fmt::Display>(
        &mut self,
        items: impl Iterator<Item = T>,
        id: impl Fn(&T) -> I,
    ) {
        let mut seen = HashSet::new();
        for x in items {
            let i = id(&x);
            if !seen.insert(i) {
                self.report(i, "this id is used twice; ids must be unique");
            }
        }
    }

    fn level(&mut self, place: &dyn Fn() -> String, what: &str, level: Level) {
        if !level.is_valid() {
            self.report(
                place(),
                format!(
                    "{what} {} is above the top of the scale ({})",
                    level.0,
                    Level::MAX.0
                ),
            );
        }
    }

    /// Reports each id in `ids` that is not in `known`. `place` is only
    /// formatted when there is a problem: a 100,000-entry log checks fast.
    fn links<I: Copy + Eq + Hash + fmt::Display>(
        &mut self,
        place: &dyn Fn() -> String,
        ids: &[I],
        known: impl Fn(&Known) -> &HashSet<I>,
    ) {
        for &id in ids {
            if !known(&self.known).contains(&id) {
                self.report(place(), format!("links to {id}, which does not exist"));
            }
        }
    }

    fn dates_in_order(
        &mut self,
        place: &dyn Fn() -> String,
        first: Option<Date>,
        then: Option<Date>,
        what: &str,
    ) {
        if let (Some(a), Some(b)) = (first, then)
            && b < a
        {
            self.report(place(), format!("{what} ({b}) before it starts ({a})"));
        }
    }

    fn roles(&mut self, roles: &[Role]) {
        if roles.iter().filter(|r| r.stage == Stage::Current).count() > 1 {
            self.report("roles", "more than one role is marked Current; keep one");
        }
        for r in roles {
            self.current = Some(ItemRef::Role(r.id));
            let place = || format!("{} \"{}\"", r.id, r.title);
            if r.title.trim().is_empty() {
                self.report(place(), "has no title");
            }
            self.dates_in_order(&place, r.start, r.end, "ends");
            self.links(&place, &r.leads_to, |k| &k.roles);
            if r.leads_to.contains(&r.id) {
                self.report(place(), "leads to itself");
            }
            self.links(&place, &r.teaches.skills, |k| &k.skills);
            let required: Vec<_> = r.requires.iter().map(|q| q.skill).collect();
            self.links(&place, &required, |k| &k.skills);
            for q in &r.requires {
                self.level(&place, "required level", q.level);
            }
        }
    }

    fn skills(&mut self, skills: &[Skill]) {
        for s in skills {
            self.current = Some(ItemRef::Skill(s.id));
            let place = || format!("{} \"{}\"", s.id, s.name);
            if s.name.trim().is_empty() {
                self.report(place(), "has no name");
            }
            if let Some(t) = s.target {
                self.level(&place, "target level", t.level);
            }
            for h in &s.history {
                self.level(&place, &format!("level on {}", h.date), h.level);
            }
        }
    }

    fn goals(&mut self, goals: &[Goal]) {
        for g in goals {
            self.current = Some(ItemRef::Goal(g.id));
            let place = || format!("{} \"{}\"", g.id, g.title);
            if g.title.trim().is_empty() {
                self.report(place(), "has no title");
            }
            self.dates_in_order(&place, g.start, g.due, "is due");
            self.links(&place, &g.skills, |k| &k.skills);
            self.links(&place, &g.roles, |k| &k.roles);
            for m in &g.milestones {
                let place = || format!("{} \"{}\"", m.id, m.title);
                if let (Some(s), Some(done)) = (g.start, m.done)
                    && done < s
                {
                    self.report(
                        place(),
                        format!("is done ({done}) before its goal starts ({s})"),
                    );
                }
                if !m.link.is_empty() && !is_safe_link(&m.link) {
                    self.report(place(), "link must start with http://, https:// or mailto:");
                }
            }
        }
    }

    fn log(&mut self, log: &[LogEntry]) {
        for e in log {
            self.current = Some(ItemRef::Entry(e.id));
            let place = || format!("{} ({})", e.id, e.date);
            if !LogEntry::valid_minutes(e.minutes) {
                let message = if e.minutes > MAX_MINUTES_PER_ENTRY {
                    format!("{} minutes is more than a day", e.minutes)
                } else {
                    "0 minutes: an entry takes at least 1 minute".to_string()
                };
                self.report(place(), message);
            }
            if let Some(n) = e.energy
                && !(1..=5).contains(&n)
            {
                self.report(place(), format!("energy {n} is outside 1 to 5"));
            }
            self.links(&place, &e.skills, |k| &k.skills);
            self.links(&place, &e.goals, |k| &k.goals);
            self.links(&place, &e.people, |k| &k.people);
        }
    }
}

impl Plan {
    fn known(&self) -> Known {
        Known {
            roles: self.roles.iter().map(|r| r.id).collect(),
            skills: self.skills.iter().map(|s| s.id).collect(),
            goals: self.goals.iter().map(|g| g.id).collect(),
            people: self.people.iter().map(|x| x.id).collect(),
        }
    }

    /// The problems of some log entries on their own (not duplicate ids):
    /// for checking entries just added without checking the whole plan.
    pub fn entry_problems(&self, entries: &[LogEntry]) -> Vec<Problem> {
        let mut c = Checker {
            known: self.known(),
            current: None,
            problems: Vec::new(),
        };
        c.log(entries);
        c.problems
    }

    /// Every problem in the plan, in file order.
    pub fn validate(&self) -> Vec<Problem> {
        let p = self;
        let mut c = Checker {
            known: self.known(),
            current: None,
            problems: Vec::new(),
        };
        c.duplicates(p.roles.iter(), |r| r.id);
        c.duplicates(p.skills.iter(), |s| s.id);
        c.duplicates(p.goals.iter(), |g| g.id);
        c.duplicates(p.goals.iter().flat_map(|g| &g.milestones), |m| m.id);
        c.duplicates(p.people.iter(), |x| x.id);
        c.duplicates(p.reviews.iter(), |r| r.id);
        c.duplicates(p.log.iter(), |e| e.id);
        if p.level_names.0.len() != usize::from(Level::MAX.0) + 1 {
            let n = p.level_names.0.len();
            c.report(
                "level_names",
                format!("needs 6 names, for levels 0 to 5; it has {n}"),
            );
        }
        c.roles(&p.roles);
        c.skills(&p.skills);
        c.goals(&p.goals);
        c.log(&p.log);
        c.problems
    }
}

/// Links open only for these schemes.
pub fn is_safe_link(link: &str) -> bool {
    let l = link.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| l.starts_with(s))
}
