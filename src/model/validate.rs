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
                if let Some(problem) = link_problem(&m.link) {
                    self.report(place(), problem);
                }
            }
        }
    }

    fn log(&mut self, log: &[LogEntry]) {
        for e in log {
            self.current = Some(ItemRef::Entry(e.id));
            let place = || format!("{} ({})", e.id, e.date);
            if !LogEntry::valid_minutes(e.minutes) {
                let message = if e.minutes > LogEntry::MAX_MINUTES {
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

/// Whether a link may be followed (opened by the app, made a link in an
/// export): see [`link_problem`]. A link that is not safe is shown as text.
pub fn is_safe_link(link: &str) -> bool {
    !link.trim().is_empty() && link_problem(link).is_none()
}

/// Why `link` may not be followed, in words for `check`, or `None` if it
/// may (or is empty). A link is one line of plain text (a line break in
/// one once wrote a whole event into the calendar export) starting with
/// `http://`, `https://` or `mailto:`; a `mailto:` link carries at most a
/// subject and a body, so it cannot attach a file or add a recipient.
pub fn link_problem(link: &str) -> Option<&'static str> {
    if link
        .chars()
        .any(|c| c.is_control() || (c.is_whitespace() && c != ' ') || is_bidi_control(c))
    {
        return Some(
            "link has a line break or another control character in it; \
             a link is one line of plain text",
        );
    }
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let lower = link.to_ascii_lowercase();
    if !["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some("link must start with http://, https:// or mailto:");
    }
    if let Some((_, query)) = lower
        .strip_prefix("mailto:")
        .and_then(|m| m.split_once('?'))
    {
        let header = |field: &str| percent_decoded(field.split('=').next().unwrap_or(""));
        let plain = query
            .split(['&', ';'])
            .all(|f| f.is_empty() || matches!(header(f).as_deref(), Some("subject" | "body")));
        if !plain || percent_decoded(query).is_none_or(|q| q.contains("attach")) {
            return Some(
                "a mailto: link may carry only a subject and a body after the ?, \
                 nothing else (no attach, cc or other headers)",
            );
        }
    }
    None
}

/// The Unicode controls that reorder how text is shown (embeddings,
/// overrides and isolates): they can make a text read as another.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `%XX` escapes decoded, in lower case; `None` if one is broken.
fn percent_decoded(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        out.push(if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?
        } else {
            b
        });
    }
    Some(String::from_utf8_lossy(&out).to_lowercase())
}
