//! Checks a plan for problems a person should fix: duplicate ids, links to
//! missing items, impossible values. Problems never block editing; they are
//! listed with where they are.

use super::plan::{Level, Plan, Stage};
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

/// One problem found in a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
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

struct Checker<'a> {
    plan: &'a Plan,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, place: impl fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem {
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

    fn level(&mut self, place: &str, what: &str, level: Level) {
        if !level.is_valid() {
            self.report(
                place,
                format!(
                    "{what} {} is above the top of the scale ({})",
                    level.0,
                    Level::MAX.0
                ),
            );
        }
    }

    fn links<I: Copy + fmt::Display>(
        &mut self,
        place: &str,
        ids: &[I],
        exists: impl Fn(I) -> bool,
    ) {
        for &id in ids {
            if !exists(id) {
                self.report(place, format!("links to {id}, which does not exist"));
            }
        }
    }
}

impl Plan {
    /// Every problem in the plan, in file order.
    pub fn validate(&self) -> Vec<Problem> {
        let p = self;
        let mut c = Checker {
            plan: p,
            problems: Vec::new(),
        };
        c.duplicates(p.roles.iter(), |r| r.id);
        c.duplicates(p.skills.iter(), |s| s.id);
        c.duplicates(p.goals.iter(), |g| g.id);
        c.duplicates(p.goals.iter().flat_map(|g| &g.milestones), |m| m.id);
        c.duplicates(p.people.iter(), |x| x.id);
        c.duplicates(p.reviews.iter(), |r| r.id);
        c.duplicates(p.log.iter(), |e| e.id);

        let role_exists = |id| c.plan.role(id).is_some();
        let skill_ids: HashSet<_> = p.skills.iter().map(|s| s.id).collect();
        let goal_ids: HashSet<_> = p.goals.iter().map(|g| g.id).collect();
        let person_ids: HashSet<_> = p.people.iter().map(|x| x.id).collect();

        if p.level_names.0.len() != usize::from(Level::MAX.0) + 1 {
            c.report(
                "level_names",
                format!(
                    "needs 6 names, for levels 0 to 5; it has {}",
                    p.level_names.0.len()
                ),
            );
        }
        if p.roles.iter().filter(|r| r.stage == Stage::Current).count() > 1 {
            c.report("roles", "more than one role is marked Current; keep one");
        }
        for r in &p.roles {
            let place = format!("{} \"{}\"", r.id, r.title);
            if r.title.trim().is_empty() {
                c.report(&place, "has no title");
            }
            if let (Some(s), Some(e)) = (r.start, r.end)
                && e < s
            {
                c.report(&place, format!("ends ({e}) before it starts ({s})"));
            }
            c.links(&place, &r.leads_to, role_exists);
            if r.leads_to.contains(&r.id) {
                c.report(&place, "leads to itself");
            }
            c.links(&place, &r.teaches.skills, |id| skill_ids.contains(&id));
            let required: Vec<_> = r.requires.iter().map(|q| q.skill).collect();
            c.links(&place, &required, |id| skill_ids.contains(&id));
            for q in &r.requires {
                c.level(&place, "required level", q.level);
            }
        }
        for s in &p.skills {
            let place = format!("{} \"{}\"", s.id, s.name);
            if s.name.trim().is_empty() {
                c.report(&place, "has no name");
            }
            if let Some(t) = s.target {
                c.level(&place, "target level", t.level);
            }
            for h in &s.history {
                c.level(&place, &format!("level on {}", h.date), h.level);
            }
        }
        for g in &p.goals {
            let place = format!("{} \"{}\"", g.id, g.title);
            if g.title.trim().is_empty() {
                c.report(&place, "has no title");
            }
            if let (Some(s), Some(d)) = (g.start, g.due)
                && d < s
            {
                c.report(&place, format!("is due ({d}) before it starts ({s})"));
            }
            c.links(&place, &g.skills, |id| skill_ids.contains(&id));
            c.links(&place, &g.roles, role_exists);
            for m in &g.milestones {
                let mplace = format!("{} \"{}\"", m.id, m.title);
                if let (Some(s), Some(done)) = (g.start, m.done)
                    && done < s
                {
                    c.report(
                        &mplace,
                        format!("is done ({done}) before its goal starts ({s})"),
                    );
                }
                if !m.link.is_empty() && !is_safe_link(&m.link) {
                    c.report(&mplace, "link must start with http://, https:// or mailto:");
                }
            }
        }
        for e in &p.log {
            let place = format!("{} ({})", e.id, e.date);
            if e.minutes > MAX_MINUTES_PER_ENTRY {
                c.report(&place, format!("{} minutes is more than a day", e.minutes));
            }
            if let Some(n) = e.energy
                && !(1..=5).contains(&n)
            {
                c.report(&place, format!("energy {n} is outside 1 to 5"));
            }
            c.links(&place, &e.skills, |id| skill_ids.contains(&id));
            c.links(&place, &e.goals, |id| goal_ids.contains(&id));
            c.links(&place, &e.people, |id| person_ids.contains(&id));
        }
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
