//! Numbers derived from the open plan, rebuilt only when it changes, and
//! brought up to date cheaply when log entries were only added. No egui here.

use super::document::Document;
use crate::model::insights::{Insights, LogTotals};
use crate::model::metrics::{self, Readiness};
use crate::model::{EntryId, ItemRef, LogEntry, LogIndex, PersonId, Plan, Problem, RoleId};
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
    pub mentions: HashMap<PersonId, (Date, usize)>,
    /// Sums over the log, grown with appended entries.
    pub totals: LogTotals,
    /// The numbers behind the Insights plots and goal progress.
    pub insights: Insights,
    /// Whether `insights` holds the series over time for this version.
    series_fresh: bool,
}

impl Derived {
    fn count_mentions(&mut self, entries: &[LogEntry]) {
        for e in entries {
            for p in &e.people {
                let m = self.mentions.entry(*p).or_insert((e.date, 0));
                m.0 = m.0.max(e.date);
                m.1 += 1;
            }
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
        match self.version {
            Some(v) if doc.only_appended_since(v) && self.index.len() <= plan.log.len() => {
                let from = self.index.len();
                self.index.extend(&plan.log);
                self.problems.extend(plan, from);
                self.count_mentions(plan.log.get(from..).unwrap_or_default());
                for e in plan.log.get(self.totals.len()..).unwrap_or_default() {
                    self.totals.add(e);
                }
            }
            _ => {
                self.index = LogIndex::new(&plan.log);
                self.problems = ProblemIndex::new(plan);
                self.mentions.clear();
                self.count_mentions(&plan.log);
                self.totals = LogTotals::new(plan);
            }
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
}
