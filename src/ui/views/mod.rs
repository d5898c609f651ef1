//! The views. Each reads the plan through a [`ViewCtx`] and pushes the
//! edits the user makes; the app applies them after the frame. What a view
//! asks of the app (another view, a filter) it sends as an [`Ask`] through
//! the context, which the app turns into actions after the frame.

pub mod folder;
pub mod goals;
pub mod insights;
pub mod log;
pub mod people;
mod quick_log;
pub mod review;
pub mod roadmap;
pub mod skills;
pub mod today;

use super::app::derived::{Derived, ProblemIndex};
use super::app::document::Document;
use crate::model::{GoalId, PersonId, Plan, SkillId};
use jiff::civil::Date;

/// What every view may read, and where it sends what it asks of the app.
pub struct ViewCtx<'a> {
    pub doc: &'a Document,
    pub plan: &'a Plan,
    pub today: Date,
    pub problems: &'a ProblemIndex,
    pub derived: &'a Derived,
    pub asks: &'a Asks,
}

impl ViewCtx<'_> {
    /// Asks the app for something after this frame.
    pub fn ask(&self, ask: Ask) {
        self.asks.0.borrow_mut().push(ask);
    }
}

/// What a view asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// The Log, filtered to these entries (a click on a plot).
    OpenLog(log::Filter),
    /// Today, with the keyboard in the quick-log line.
    QuickLog,
    /// This goal in Goals & milestones.
    OpenGoal(GoalId),
    /// The occupation explorer.
    Occupations,
}

/// The asks of one frame, in the order sent.
#[derive(Debug, Default)]
pub struct Asks(std::cell::RefCell<Vec<Ask>>);

impl Asks {
    /// This frame's asks; the list is left empty.
    pub fn take(&self) -> Vec<Ask> {
        self.0.take()
    }
}

/// The state of every view, kept while switching between them.
#[derive(Default)]
pub struct Views {
    pub today: today::TodayView,
    pub roadmap: roadmap::RoadmapView,
    pub skills: skills::SkillsView,
    pub goals: goals::GoalsView,
    pub people: people::PeopleView,
    pub log: log::LogView,
    pub insights: insights::InsightsView,
    pub review: review::ReviewView,
}

/// Names of linked items, for lists: "Budgeting, Coaching".
pub fn link_names(
    plan: &Plan,
    skills: &[SkillId],
    goals: &[GoalId],
    people: &[PersonId],
) -> String {
    let names = skills
        .iter()
        .filter_map(|id| plan.skill(*id).map(|s| s.name.as_str()))
        .chain(
            goals
                .iter()
                .filter_map(|id| plan.goal(*id).map(|g| g.title.as_str())),
        )
        .chain(
            people
                .iter()
                .filter_map(|id| plan.person(*id).map(|p| p.name.as_str())),
        );
    names.collect::<Vec<_>>().join(", ")
}

/// Picks `id`, or unpicks it when it is already picked.
pub fn toggle<T: PartialEq>(selected: &mut Option<T>, id: T) {
    *selected = if selected.as_ref() == Some(&id) {
        None
    } else {
        Some(id)
    };
}
