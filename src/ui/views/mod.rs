//! The views. Each reads the plan through a [`ViewCtx`] and pushes the
//! edits the user makes; the app applies them after the frame.

pub mod goals;
pub mod overview;
pub mod people;
pub mod roadmap;
pub mod skills;

use crate::model::{ItemRef, Plan, Problem};
use jiff::civil::Date;
use std::collections::HashMap;

/// What every view may read.
pub struct ViewCtx<'a> {
    pub plan: &'a Plan,
    pub today: Date,
    pub problems: &'a ProblemIndex,
}

/// Validation problems, found once per change and looked up by item.
#[derive(Default)]
pub struct ProblemIndex {
    all: Vec<Problem>,
    by_item: HashMap<ItemRef, Vec<usize>>,
}

impl ProblemIndex {
    pub fn new(plan: &Plan) -> Self {
        let all = plan.validate();
        let mut by_item: HashMap<ItemRef, Vec<usize>> = HashMap::new();
        for (i, p) in all.iter().enumerate() {
            if let Some(item) = p.item {
                by_item.entry(item).or_default().push(i);
            }
        }
        Self { all, by_item }
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

/// The state of every view, kept while switching between them.
#[derive(Default)]
pub struct Views {
    pub roadmap: roadmap::RoadmapView,
    pub skills: skills::SkillsView,
    pub goals: goals::GoalsView,
    pub people: people::PeopleView,
}
