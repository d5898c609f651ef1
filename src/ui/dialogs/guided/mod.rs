//! The guided start: six short steps from the keyboard (your whys, the
//! role you hold, the role you want next, up to five skills, a first goal
//! with its target and dated milestones, and your name and the plan's). It
//! only collects answers; `model::StartAnswers` turns them into plan data
//! and `files.rs` saves the new plan.
//!
//! Keys: Enter goes to the next field of the step, never past one (in a
//! list's last box it adds the next box; in an empty last box it goes to
//! what follows the list), Ctrl+Enter goes to the next step from anywhere,
//! Tab moves between fields, and a level box moves on by itself once a
//! digit is typed.

mod fields;
mod occupations;
mod steps;

use fields::enter_key;

use super::{Outcome, with_extension};
use crate::model::{
    Bound, Level, Measure, MilestoneAnswer, SkillAnswer, StartAnswers, parse_bound_day, skill_line,
};
use egui::{RichText, Ui};
use jiff::civil::Date;
use std::path::PathBuf;

/// The most milestones the goal step offers.
const MAX_MILESTONES: usize = 8;

/// The most whys the first step offers.
const MAX_WHYS: usize = 5;

/// The steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Why,
    Current,
    Next,
    Skills,
    Goal,
    Save,
}

impl Step {
    const ALL: [Step; 6] = [
        Step::Why,
        Step::Current,
        Step::Next,
        Step::Skills,
        Step::Goal,
        Step::Save,
    ];

    fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn title(self) -> &'static str {
        match self {
            Step::Why => "Your why",
            Step::Current => "Where you are now",
            Step::Next => "Where you want to go next",
            Step::Skills => "The skills that get you there",
            Step::Goal => "A first goal",
            Step::Save => "Your name, and your plan's",
        }
    }

    fn next(self) -> Step {
        Self::ALL.get(self.number()).copied().unwrap_or(self)
    }

    fn back(self) -> Step {
        Self::ALL
            .get(self.number().saturating_sub(2))
            .copied()
            .unwrap_or(self)
    }
}

/// A skill row as typed.
#[derive(Clone, Debug, Default)]
struct SkillRow {
    name: String,
    now: String,
    needed: String,
}

impl SkillRow {
    /// "Teaching 2 4" typed in the name box: the levels go to their boxes.
    fn take_levels(&mut self) {
        if let Some((name, now, needed)) = skill_line(&self.name) {
            (self.now, self.needed) = (now.0.to_string(), needed.0.to_string());
            self.name = name.to_string();
        }
    }
}

/// A milestone row as typed: its title and when it is due.
#[derive(Clone, Debug, Default)]
struct MilestoneRow {
    title: String,
    due: String,
}

/// What the first goal counts toward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Target {
    #[default]
    Hours,
    Entries,
    Milestones,
}

/// What the new plan is to be, once the last step is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Begin {
    pub answers: StartAnswers,
    pub path: PathBuf,
}

/// The guided start's state, kept while its dialog is open.
pub struct Guided {
    step: Step,
    whys: Vec<String>,
    current: String,
    since: String,
    next: String,
    by: String,
    skills: Vec<SkillRow>,
    goal: String,
    target: Target,
    amount: String,
    goal_due: String,
    milestones: Vec<MilestoneRow>,
    owner: String,
    name: String,
    folder: String,
    today: Date,
    /// What is wrong with this step's answers.
    error: Option<String>,
    /// The field to give the keyboard to.
    focus: Option<Slot>,
    /// "Pick from occupations" under a role step.
    picker: occupations::Picker,
    /// The occupations picked for the current and the next role (indices
    /// into the built-in occupations).
    occupation_now: Option<usize>,
    occupation_next: Option<usize>,
}

/// A field with a problem, and the problem in a sentence.
type Problem = (Slot, String);

/// A place the keyboard can be in: a field, or the button that goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Slot {
    /// A why's box (from 0).
    Why(usize),
    Current,
    Since,
    Next,
    By,
    /// A skill row's name, level now and level needed (rows from 0).
    SkillName(usize),
    SkillNow(usize),
    SkillNeeded(usize),
    Goal,
    /// The goal's number of hours or entries.
    Amount,
    /// A milestone row's title and due day (rows from 0).
    Milestone(usize),
    MilestoneDue(usize),
    Due,
    Owner,
    PlanName,
    Folder,
    GoOn,
}

impl Slot {
    fn id(self) -> egui::Id {
        egui::Id::unique(("guided start", self))
    }

    /// The field's accessible name (and, but for list rows, its label).
    fn label(self) -> String {
        match self {
            Slot::Why(i) => format!("Why {}", i + 1),
            Slot::Current => "My current role".into(),
            Slot::Since => "Since".into(),
            Slot::Next => "The role I want next".into(),
            Slot::By => "By when".into(),
            Slot::SkillName(i) => format!("Skill {}", i + 1),
            Slot::SkillNow(i) => format!("Skill {} now", i + 1),
            Slot::SkillNeeded(i) => format!("Skill {} needed", i + 1),
            Slot::Goal => "Goal".into(),
            Slot::Amount => "Target".into(),
            Slot::Milestone(i) => format!("Milestone {}", i + 1),
            Slot::MilestoneDue(i) => format!("Milestone {} due", i + 1),
            Slot::Due => "Goal due".into(),
            Slot::Owner => "Your name".into(),
            Slot::PlanName => "Plan name".into(),
            Slot::Folder => "Folder".into(),
            Slot::GoOn => "Next".into(),
        }
    }

    /// Which end of a typed year or month a date box means.
    fn bound(self) -> Bound {
        if self == Slot::Since {
            Bound::Start
        } else {
            Bound::End
        }
    }
}

impl Guided {
    /// A fresh start; the plan is saved in `folder` unless another is typed.
    pub fn new(folder: &std::path::Path, today: Date) -> Self {
        Self {
            step: Step::Why,
            whys: vec![String::new()],
            current: String::new(),
            since: String::new(),
            next: String::new(),
            by: String::new(),
            skills: vec![SkillRow::default()],
            goal: String::new(),
            target: Target::default(),
            amount: String::new(),
            goal_due: String::new(),
            milestones: vec![MilestoneRow::default()],
            owner: String::new(),
            name: String::new(),
            folder: folder.display().to_string(),
            today,
            error: None,
            focus: Some(first_field(Step::Why)),
            picker: occupations::Picker::default(),
            occupation_now: None,
            occupation_next: None,
        }
    }

    /// Draws the current step; returns the answer once the person finishes
    /// or leaves.
    pub fn show(&mut self, ui: &mut Ui, native_dialogs: bool) -> Option<Outcome> {
        ui.set_width(560.0);
        ui.label(
            RichText::new(format!(
                "Guided start \u{b7} step {} of 6",
                self.step.number()
            ))
            .weak()
            .small(),
        );
        ui.heading(self.step.title());
        let mut go_on = enter_key(ui) == Some(true);
        go_on |= match self.step {
            Step::Why => self.why_step(ui),
            Step::Current => self.role_step(ui, true),
            Step::Next => self.role_step(ui, false),
            Step::Skills => self.skills_step(ui),
            Step::Goal => self.goal_step(ui),
            Step::Save => self.save_step(ui, native_dialogs),
        };
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(8.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            let last = self.step == Step::Save;
            if ui
                .add_enabled(self.step != Step::Why, egui::Button::new("Back"))
                .clicked()
            {
                self.error = None;
                self.go_to(self.step.back());
            }
            if !last && ui.button("Skip this step").clicked() {
                self.clear_step();
                self.go_to(self.step.next());
            }
            let next = if last { "Create my plan" } else { "Next" };
            let button = ui
                .button(next)
                .on_hover_text("Enter; Ctrl+Enter from any box");
            self.take_focus(&button, Slot::GoOn);
            go_on |= button.clicked();
            if ui.button("Cancel").clicked() {
                answer = Some(Outcome::Closed);
            }
        });
        if go_on && answer.is_none() {
            answer = self.go_on();
        }
        if self.focus.is_some() {
            // The field to take the keyboard may only show next frame.
            ui.ctx().request_repaint();
        }
        answer
    }

    /// Checks this step and moves on; after the last one, the answer.
    fn go_on(&mut self) -> Option<Outcome> {
        self.skills.iter_mut().for_each(SkillRow::take_levels);
        self.take_trailing_all();
        let done = self.check().and_then(|()| {
            if self.step == Step::Save {
                Ok(Some((self.answers()?, self.path()?)))
            } else {
                Ok(None)
            }
        });
        match done {
            Err((slot, e)) => {
                // The box with the problem takes the keyboard, to fix it.
                self.error = Some(e);
                self.focus = Some(slot);
                None
            }
            Ok(Some((answers, path))) => Some(Outcome::Begin(Box::new(Begin { answers, path }))),
            Ok(None) => {
                self.error = None;
                self.go_to(self.step.next());
                None
            }
        }
    }

    fn go_to(&mut self, step: Step) {
        self.step = step;
        self.focus = Some(first_field(step));
        if step == Step::Skills {
            self.skills_from_occupations();
        }
    }

    /// What is wrong with the current step, if anything.
    fn check(&self) -> Result<(), Problem> {
        match self.step {
            Step::Why => Ok(()),
            Step::Current => self.day(&self.since, Slot::Since).map(drop),
            Step::Next => self.day(&self.by, Slot::By).map(drop),
            Step::Skills => self.skill_answers().map(drop),
            Step::Goal => {
                self.measure()?;
                self.milestone_answers()?;
                self.day(&self.goal_due, Slot::Due).map(drop)
            }
            Step::Save => self.path().map(drop),
        }
    }

    /// Empties the current step's fields (Skip).
    fn clear_step(&mut self) {
        self.error = None;
        match self.step {
            Step::Why => self.whys = vec![String::new()],
            Step::Current => (self.current.clear(), self.since.clear()).1,
            Step::Next => (self.next.clear(), self.by.clear()).1,
            Step::Skills => self.skills = vec![SkillRow::default()],
            Step::Goal => {
                self.goal.clear();
                (self.target, self.amount) = (Target::default(), String::new());
                self.goal_due.clear();
                self.milestones = vec![MilestoneRow::default()];
            }
            Step::Save => {}
        }
    }

    /// The day typed in the box `slot`, or none for an empty box. A year or
    /// a month is its first day for "Since", its last for the deadlines.
    fn day(&self, text: &str, slot: Slot) -> Result<Option<Date>, Problem> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        parse_bound_day(text, self.today, slot.bound())
            .map(Some)
            .map_err(|e| (slot, format!("{}: {e}.", slot.label())))
    }

    /// The goal's target: a number of hours or entries, or none (its
    /// milestones, or an empty box).
    fn measure(&self) -> Result<Option<Measure>, Problem> {
        let text = self.amount.trim();
        let (what, make): (&str, fn(u32) -> Measure) = match self.target {
            Target::Milestones => return Ok(None),
            Target::Hours => ("hours", Measure::Hours),
            Target::Entries => ("entries", Measure::Count),
        };
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<u32>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(Some(make(n))),
            _ => Err((
                Slot::Amount,
                format!("Give the target as a whole number of {what}, for example 40."),
            )),
        }
    }

    fn milestone_answers(&self) -> Result<Vec<MilestoneAnswer>, Problem> {
        self.milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.title.trim().is_empty())
            .map(|(i, m)| {
                Ok(MilestoneAnswer {
                    title: m.title.trim().to_string(),
                    due: self.day(&m.due, Slot::MilestoneDue(i))?,
                })
            })
            .collect()
    }

    fn skill_answers(&self) -> Result<Vec<SkillAnswer>, Problem> {
        let level = |text: &str, slot: Slot, what: &str, name: &str| match text.trim().parse() {
            Ok(n) if Level(n).is_valid() => Ok(Level(n)),
            _ => Err((
                slot,
                format!("Give {what} for {name} as a number from 0 to 5."),
            )),
        };
        self.skills
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.name.trim().is_empty())
            .map(|(i, s)| {
                let name = s.name.trim();
                Ok(SkillAnswer {
                    name: name.to_string(),
                    now: level(&s.now, Slot::SkillNow(i), "your level now", name)?,
                    needed: level(
                        &s.needed,
                        Slot::SkillNeeded(i),
                        "the level the next role needs",
                        name,
                    )?,
                })
            })
            .collect()
    }

    fn answers(&self) -> Result<StartAnswers, Problem> {
        Ok(StartAnswers {
            owner: self.owner.clone(),
            whys: self.whys.clone(),
            current: self.current.clone(),
            since: self.day(&self.since, Slot::Since)?,
            next: self.next.clone(),
            by: self.day(&self.by, Slot::By)?,
            skills: self.skill_answers()?,
            goal: self.goal.clone(),
            goal_due: self.day(&self.goal_due, Slot::Due)?,
            measure: self.measure()?,
            milestones: self.milestone_answers()?,
        })
    }

    /// Where the plan is saved: a new file in the folder.
    fn path(&self) -> Result<PathBuf, Problem> {
        let name = self.name.trim();
        let problem = |slot, text: &str| Err((slot, text.to_string()));
        if name.is_empty() {
            return problem(Slot::PlanName, "Give your plan a name.");
        }
        if name.starts_with('.')
            || name
                .chars()
                .any(|c| c.is_control() || r#"/\:*?"<>|"#.contains(c))
        {
            return problem(
                Slot::PlanName,
                "A plan's name cannot start with a dot or hold / \\ : * ? \" < > |.",
            );
        }
        let folder = self.folder.trim();
        if folder.is_empty() {
            return problem(Slot::Folder, "Say which folder to save the plan in.");
        }
        let path = with_extension(PathBuf::from(folder).join(name));
        if path.exists() {
            return problem(
                Slot::PlanName,
                &format!(
                    "There is already a file called {name} in that folder: choose another name."
                ),
            );
        }
        Ok(path)
    }
}

/// The first field of a step, which takes the keyboard when it shows.
fn first_field(step: Step) -> Slot {
    match step {
        Step::Why => Slot::Why(0),
        Step::Current => Slot::Current,
        Step::Next => Slot::Next,
        Step::Skills => Slot::SkillName(0),
        Step::Goal => Slot::Goal,
        Step::Save => Slot::Owner,
    }
}

/// What the guided start is about to create, in a sentence.
fn summary(plan: &crate::model::Plan) -> String {
    use crate::model::plural;
    let milestones: usize = plan.goals.iter().map(|g| g.milestones.len()).sum();
    format!(
        "Your plan starts with {}, {}, {} and {}.",
        plural(plan.roles.len(), "role"),
        plural(plan.skills.len(), "skill"),
        plural(plan.goals.len(), "goal"),
        plural(milestones, "milestone"),
    )
}
