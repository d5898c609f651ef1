//! Numbers derived from the open plan, rebuilt only when it changes, and
//! brought up to date cheaply when log entries were only added. No egui here.

use super::document::{Document, Replaced};
use crate::model::insights::{Insights, LogTotals};
use crate::model::metrics::{self, Readiness};
use crate::model::{EntryId, ItemRef, LogEntry, LogIndex, PersonId, Plan, Problem, RoleId};
use crate::ui::work::WRITE_IN_BACKGROUND_FROM;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Validation problems, looked up by item.
#[derive(Default)]
pub struct ProblemIndex {
    all: Vec<Problem>,
    by_item: HashMap<ItemRef, Vec<usize>>,
    /// Log entry ids seen, to catch a duplicate among added entries.
    entry_ids: HashSet<EntryId>,
}

impl ProblemIndex {
    pub fn new(plan: &Plan) -> Self {
        let mut index = Self {
            all: Vec::new(),
            by_item: HashMap::new(),
            entry_ids: plan.log.iter().map(|e| e.id).collect(),
        };
        index.add(plan.validate());
        index
    }

    fn add(&mut self, problems: Vec<Problem>) {
        for p in problems {
            if let Some(item) = p.item {
                self.by_item.entry(item).or_default().push(self.all.len());
            }
            self.all.push(p);
        }
    }

    /// Checks log entries added at the end of the log.
    fn extend(&mut self, plan: &Plan, from: usize) {
        let added = plan.log.get(from..).unwrap_or_default();
        let mut problems = plan.entry_problems(added);
        for e in added {
            if !self.entry_ids.insert(e.id) {
                problems.push(Problem {
                    item: Some(ItemRef::Entry(e.id)),
                    place: e.id.to_string(),
                    message: "this id is used twice; ids must be unique".into(),
                });
            }
        }
        self.add(problems);
    }

    /// Re-checks one entry replaced in place: its old problems go, its new
    /// ones come (a duplicate id stays found: the id did not change).
    fn replace(&mut self, plan: &Plan, old: &LogEntry, new: &LogEntry) {
        let mut gone = plan.entry_problems(std::slice::from_ref(old));
        let came = plan.entry_problems(std::slice::from_ref(new));
        if gone.is_empty() && came.is_empty() {
            return;
        }
        let mut all = std::mem::take(&mut self.all);
        all.retain(|p| match gone.iter().position(|g| g == p) {
            Some(i) => {
                gone.swap_remove(i);
                false
            }
            None => true,
        });
        all.extend(came);
        self.by_item.clear();
        self.add(all);
    }

    pub fn all(&self) -> &[Problem] {
        &self.all
    }

    pub fn of(&self, item: ItemRef) -> Vec<&Problem> {
        self.by_item
            .get(&item)
            .map(|ix| ix.iter().map(|&i| &self.all[i]).collect())
            .unwrap_or_default()
    }
}

/// For each person named in the log: the latest day and how many entries.
type Mentions = HashMap<PersonId, (Date, usize)>;

/// Counts the mentions in `entries` of the people `only` lets through.
fn count_mentions(mentions: &mut Mentions, entries: &[LogEntry], only: impl Fn(PersonId) -> bool) {
    for e in entries {
        for p in e.people.iter().filter(|p| only(**p)) {
            let m = mentions.entry(*p).or_insert((e.date, 0));
            m.0 = m.0.max(e.date);
            m.1 += 1;
        }
    }
}

/// Everything the views show that takes more than a glance at the plan.
#[derive(Default)]
pub struct Derived {
    /// The document version these numbers are for.
    version: Option<(u64, u64)>,
    today: Option<Date>,
    pub index: LogIndex,
    pub problems: ProblemIndex,
    /// Days in a row with entries (see `metrics::streak`).
    pub streak: u32,
    /// The role being worked toward and how ready you are for it.
    pub readiness: Option<(RoleId, Readiness)>,
    /// For each person named in the log: the latest day and how many entries.
    pub mentions: Mentions,
    /// Sums over the log, grown with appended entries.
    pub totals: LogTotals,
    /// The numbers behind the Insights plots and goal progress.
    pub insights: Insights,
    /// Whether `insights` holds the series over time for this version.
    series_fresh: bool,
}

impl Derived {
    /// Catches up with entries appended to the log.
    fn append(&mut self, plan: &Plan) {
        let from = self.index.len();
        self.index.extend(&plan.log);
        self.problems.extend(plan, from);
        count_mentions(
            &mut self.mentions,
            plan.log.get(from..).unwrap_or_default(),
            |_| true,
        );
        for e in plan.log.get(self.totals.len()..).unwrap_or_default() {
            self.totals.add(e);
        }
    }

    /// Catches up with one entry replaced in place; false when only a
    /// rebuild can (the sums reached their limits).
    fn replace(&mut self, plan: &Plan, r: &Replaced) -> bool {
        let Some(new) = plan.log.get(r.index) else {
            return false;
        };
        let old = &r.old;
        if self.index.len() != plan.log.len() {
            return false;
        }
        self.index.redate(r.index, old.date, new.date);
        if !self.totals.replace(old, new, &plan.log, &self.index) {
            return false;
        }
        self.problems.replace(plan, old, new);
        if old.people != new.people || old.date != new.date {
            // A person's latest day may be any entry's: count theirs again.
            let involved: HashSet<PersonId> =
                old.people.iter().chain(&new.people).copied().collect();
            self.mentions.retain(|p, _| !involved.contains(p));
            count_mentions(&mut self.mentions, &plan.log, |p| involved.contains(&p));
        }
        true
    }

    /// Builds everything from the whole plan.
    fn rebuild(&mut self, plan: &Plan) {
        self.take_parts(LogParts::new(plan));
    }

    fn take_parts(&mut self, parts: LogParts) {
        let LogParts {
            index,
            problems,
            mentions,
            totals,
        } = parts;
        self.index = index;
        self.problems = problems;
        self.mentions = mentions;
        self.totals = totals;
    }

    /// Takes the log's numbers built for `doc`'s plan (on the thread that
    /// read it), so the first frame need not build them.
    pub fn adopt(&mut self, doc: &Document, parts: LogParts) {
        self.take_parts(parts);
        self.version = Some(doc.version());
        // What depends on the day is worked out on the next refresh.
        self.today = None;
    }
}

/// The numbers of [`Derived`] that take time in proportion to the log,
/// built together from a plan: on a worker thread for a plan being opened.
pub struct LogParts {
    index: LogIndex,
    problems: ProblemIndex,
    mentions: Mentions,
    totals: LogTotals,
}

impl LogParts {
    /// Builds them on two threads for a long log (the totals, the largest
    /// part, beside the rest).
    pub fn new(plan: &Plan) -> Self {
        let rest = || {
            let mut mentions = Mentions::new();
            count_mentions(&mut mentions, &plan.log, |_| true);
            (LogIndex::new(&plan.log), ProblemIndex::new(plan), mentions)
        };
        let (totals, (index, problems, mentions)) = if plan.log.len() >= WRITE_IN_BACKGROUND_FROM {
            std::thread::scope(|s| {
                let totals = s.spawn(|| LogTotals::new(plan));
                let rest = rest();
                // The totals' thread cannot panic short of running out of memory.
                (totals.join().unwrap_or_else(|_| LogTotals::new(plan)), rest)
            })
        } else {
            (LogTotals::new(plan), rest())
        };
        Self {
            index,
            problems,
            mentions,
            totals,
        }
    }
}

impl Derived {
    /// Brings the numbers up to date with `doc`; cheap when nothing changed.
    pub fn refresh(&mut self, doc: &Document, today: Date) {
        if self.version == Some(doc.version()) && self.today == Some(today) {
            return;
        }
        let plan = doc.plan();
        let caught_up = match self.version {
            Some(v) if doc.only_appended_since(v) && self.index.len() <= plan.log.len() => {
                self.append(plan);
                true
            }
            Some(v) => doc.replaced_since(v).is_some_and(|r| self.replace(plan, r)),
            None => false,
        };
        if !caught_up {
            self.rebuild(plan);
        }
        self.streak = metrics::streak(&self.index, today);
        self.readiness = metrics::next_role(plan)
            .and_then(|r| metrics::readiness_on(plan, r, today).map(|x| (r.id, x)));
        self.insights = Insights::summary(plan, &self.totals, today);
        self.series_fresh = false;
        self.version = Some(doc.version());
        self.today = Some(today);
    }

    /// Also brings the Insights plots' series up to date (only while they
    /// are on screen: they cost more than the rest).
    pub fn refresh_series(&mut self, doc: &Document, today: Date) {
        self.refresh(doc, today);
        if !self.series_fresh {
            self.insights.add_series(doc.plan(), &self.totals, today);
            self.series_fresh = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, ExperienceKind, Item, LogEntry, SkillId};
    use jiff::civil::date;

    fn entry(id: u32, skill: u32) -> LogEntry {
        LogEntry {
            skills: vec![SkillId(skill)],
            ..LogEntry::new(
                EntryId(id),
                date(2026, 11, 25),
                20,
                ExperienceKind::Learning,
                "x",
            )
        }
    }

    #[test]
    fn appending_catches_up_and_matches_a_full_rebuild() {
        let mut doc = Document::new(crate::io::sample_plan(), None, None);
        let today = date(2026, 11, 25);
        let mut d = Derived::default();
        d.refresh_series(&doc, today);
        let before = d.index.len();
        doc.apply(Edit::Put(Item::Entry(entry(10_000, 1))), 0.0, false)
            .expect("add");
        doc.apply(Edit::Put(Item::Entry(entry(10_001, 99))), 1.0, false)
            .expect("add");
        d.refresh_series(&doc, today);
        assert_eq!(d.index.len(), before + 2);
        let mut full = Derived::default();
        full.refresh_series(&doc, today);
        assert_eq!(d.index, full.index);
        assert_eq!(d.streak, full.streak);
        assert_eq!(d.mentions, full.mentions);
        assert_eq!(
            d.problems.all(),
            full.problems.all(),
            "the dangling link is found either way"
        );
        assert_eq!(d.problems.all().len(), 1);
        assert_eq!(d.totals.len(), before + 2);
        assert_eq!(d.insights, full.insights);

        doc.undo();
        d.refresh(&doc, today);
        assert_eq!(d.index.len(), before + 1, "undo rebuilds");
        assert_eq!(d.totals.len(), before + 1, "undo rebuilds the totals");
        assert!(d.problems.all().is_empty());
    }

    #[test]
    fn appending_an_entry_adds_to_its_week_without_a_rebuild() {
        let mut doc = Document::new(crate::io::sample_plan(), None, None);
        let today = date(2026, 11, 25);
        let mut d = Derived::default();
        d.refresh_series(&doc, today);
        let week = |d: &Derived| {
            let w = &d.insights.weekly_by_skill;
            let i = w.weeks.iter().position(|m| *m == date(2026, 11, 23));
            i.map(|i| w.total[i])
        };
        let before = week(&d).unwrap_or(0);
        let version = doc.version();
        doc.apply(Edit::Put(Item::Entry(entry(10_000, 1))), 0.0, false)
            .expect("add");
        assert!(
            doc.only_appended_since(version),
            "the catch-up path is taken"
        );
        // Away from Insights the series wait; they catch up when shown.
        d.refresh(&doc, today);
        assert!(
            d.insights.weekly_by_skill.weeks.is_empty(),
            "not drawn, not computed"
        );
        assert_eq!(
            d.insights.goals.len(),
            doc.plan().goals.len(),
            "goal progress is always there"
        );
        d.refresh_series(&doc, today);
        assert_eq!(
            week(&d),
            Some(before + 20),
            "20 more minutes in the week of Mon 23 Nov"
        );
        let mut full = Derived::default();
        full.refresh_series(&doc, today);
        assert_eq!(d.insights, full.insights);
    }

    /// Everything `d` holds equals a rebuild from scratch.
    fn assert_matches_a_rebuild(d: &Derived, doc: &Document, today: Date, what: &str) {
        let mut full = Derived::default();
        full.refresh_series(doc, today);
        assert_eq!(d.index, full.index, "{what}: index");
        assert!(d.totals.same_sums(&full.totals), "{what}: totals");
        assert_eq!(d.streak, full.streak, "{what}: streak");
        assert_eq!(d.mentions, full.mentions, "{what}: mentions");
        let sorted = |p: &ProblemIndex| {
            let mut all: Vec<String> = p.all().iter().map(ToString::to_string).collect();
            all.sort();
            all
        };
        assert_eq!(
            sorted(&d.problems),
            sorted(&full.problems),
            "{what}: problems"
        );
        assert_eq!(d.insights, full.insights, "{what}: insights");
    }

    #[test]
    fn changing_one_old_entry_updates_it_alone_and_matches_a_rebuild() {
        type Change = Box<dyn Fn(&mut LogEntry)>;
        let mut doc = Document::new(crate::io::sample_plan(), None, None);
        let today = date(2026, 11, 25);
        let mut d = Derived::default();
        d.refresh_series(&doc, today);
        let plan = doc.plan();
        let (goal, person) = (plan.goals[0].id, plan.people[0].id);
        let changes: Vec<(&str, Change)> = vec![
            ("minutes", Box::new(|e| e.minutes += 35)),
            ("to another month", Box::new(|e| e.date = date(2025, 1, 6))),
            ("to a new day", Box::new(|e| e.date = date(2026, 11, 24))),
            (
                "no links",
                Box::new(|e| {
                    e.goals.clear();
                    e.skills.clear();
                    e.people.clear();
                }),
            ),
            (
                "a goal and a person",
                Box::new(move |e| {
                    e.goals = vec![goal];
                    e.people = vec![person];
                }),
            ),
            (
                "skills without a goal",
                Box::new(|e| {
                    e.goals.clear();
                    e.skills = vec![SkillId(1), SkillId(2)];
                }),
            ),
            ("a missing skill", Box::new(|e| e.skills.push(SkillId(999)))),
            ("zero minutes", Box::new(|e| e.minutes = 0)),
            (
                "another kind",
                Box::new(|e| e.kind = ExperienceKind::Mentoring),
            ),
        ];
        for at in [0, doc.plan().log.len() / 2, doc.plan().log.len() - 1] {
            for (what, change) in &changes {
                let mut e = doc.plan().log[at].clone();
                change(&mut e);
                let version = doc.version();
                doc.apply(Edit::Put(Item::Entry(e)), 0.0, false)
                    .expect("change");
                assert!(doc.replaced_since(version).is_some(), "{what}: in place");
                d.refresh_series(&doc, today);
                assert_eq!(d.version, Some(doc.version()));
                assert_matches_a_rebuild(&d, &doc, today, what);
            }
            // Undo and redo change the entry in place too.
            for _ in 0..3 {
                let version = doc.version();
                assert!(doc.undo());
                assert!(doc.replaced_since(version).is_some(), "undo: in place");
                d.refresh_series(&doc, today);
                assert_matches_a_rebuild(&d, &doc, today, "undo");
            }
            assert!(doc.redo());
            d.refresh_series(&doc, today);
            assert_matches_a_rebuild(&d, &doc, today, "redo");
        }
    }

    #[test]
    fn a_total_at_its_limit_is_rebuilt_rather_than_guessed() {
        let mut plan = crate::io::sample_plan();
        let day = plan.log[3].date;
        for e in plan.log.iter_mut().filter(|e| e.date == day) {
            e.minutes = u32::MAX;
        }
        let mut doc = Document::new(plan, None, None);
        let today = date(2026, 11, 25);
        let mut d = Derived::default();
        d.refresh_series(&doc, today);
        let mut e = doc.plan().log[3].clone();
        e.minutes = 10;
        doc.apply(Edit::Put(Item::Entry(e)), 0.0, false)
            .expect("change");
        d.refresh_series(&doc, today);
        assert_matches_a_rebuild(&d, &doc, today, "saturated");
    }

    #[test]
    fn changing_an_entry_whose_id_a_hand_edit_repeated_matches_a_rebuild() {
        let mut plan = crate::io::sample_plan();
        let mut copy = plan.log[5].clone();
        copy.date = date(2026, 1, 7);
        plan.log.push(copy);
        let mut doc = Document::new(plan, None, None);
        let today = date(2026, 11, 25);
        let mut d = Derived::default();
        d.refresh_series(&doc, today);
        assert!(
            d.problems
                .all()
                .iter()
                .any(|p| p.message.contains("used twice"))
        );
        let mut e = doc.plan().log[5].clone();
        e.minutes += 15;
        e.date = date(2026, 2, 2);
        let version = doc.version();
        doc.apply(Edit::Put(Item::Entry(e)), 0.0, false)
            .expect("change");
        assert!(doc.replaced_since(version).is_some());
        d.refresh_series(&doc, today);
        assert_matches_a_rebuild(&d, &doc, today, "a repeated id");
        assert!(
            d.problems
                .all()
                .iter()
                .any(|p| p.message.contains("used twice"))
        );
    }
}
