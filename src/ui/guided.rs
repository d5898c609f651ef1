//! The guided start: six short steps from the keyboard (your why, the role
//! you hold, the role you want next, up to five skills, a first goal, and a
//! name for the plan). It only collects answers; `model::StartAnswers`
//! turns them into plan data and `files.rs` saves the new plan.
//!
//! Keys: Enter goes on (to the next field of a list, or the next step),
//! Ctrl+Enter goes to the next step from anywhere, Tab moves between
//! fields, and a level box moves on by itself once a digit is typed.

use super::modals::{Answer, with_extension};
use crate::model::{Level, LevelNames, MAX_SKILLS, SkillAnswer, StartAnswers};
use egui::{Key, RichText, Ui};
use jiff::civil::Date;
use std::path::PathBuf;

/// The most milestones the goal step offers.
const MAX_MILESTONES: usize = 8;

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
            Step::Save => "Name your plan",
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

/// What the new plan is to be, once the last step is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Begin {
    pub answers: StartAnswers,
    pub path: PathBuf,
}

/// The guided start's state, kept while its dialog is open.
pub struct Guided {
    step: Step,
    why: String,
    current: String,
    since: String,
    next: String,
    by: String,
    skills: Vec<SkillRow>,
    goal: String,
    goal_due: String,
    milestones: Vec<String>,
    name: String,
    folder: String,
    today: Date,
    /// What is wrong with this step's answers.
    error: Option<String>,
    /// The field to give the keyboard to.
    focus: Option<Slot>,
}

/// A field with a problem, and the problem in a sentence.
type Problem = (Slot, String);

/// A place the keyboard can be in: a field, or the button that goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Slot {
    Why,
    Current,
    Since,
    Next,
    By,
    /// A skill row's name, level now and level needed (rows from 0).
    SkillName(usize),
    SkillNow(usize),
    SkillNeeded(usize),
    Goal,
    Due,
    Milestone(usize),
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
            Slot::Why => "My why".into(),
            Slot::Current => "My current role".into(),
            Slot::Since => "Since".into(),
            Slot::Next => "The role I want next".into(),
            Slot::By => "By when".into(),
            Slot::SkillName(i) => format!("Skill {}", i + 1),
            Slot::SkillNow(i) => format!("Skill {} now", i + 1),
            Slot::SkillNeeded(i) => format!("Skill {} needed", i + 1),
            Slot::Goal => "Goal".into(),
            Slot::Due => "Due".into(),
            Slot::Milestone(i) => format!("Milestone {}", i + 1),
            Slot::PlanName => "Plan name".into(),
            Slot::Folder => "Folder".into(),
            Slot::GoOn => "Next".into(),
        }
    }
}

impl Guided {
    /// A fresh start; the plan is saved in `folder` unless another is typed.
    pub fn new(folder: &std::path::Path, today: Date) -> Self {
        Self {
            step: Step::Why,
            why: String::new(),
            current: String::new(),
            since: String::new(),
            next: String::new(),
            by: String::new(),
            skills: vec![SkillRow::default()],
            goal: String::new(),
            goal_due: String::new(),
            milestones: vec![String::new()],
            name: String::new(),
            folder: folder.display().to_string(),
            today,
            error: None,
            focus: Some(first_field(Step::Why)),
        }
    }

    /// Draws the current step; returns the answer once the person finishes
    /// or leaves.
    pub fn show(&mut self, ui: &mut Ui, native_dialogs: bool) -> Option<Answer> {
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
                answer = Some(Answer::Cancel);
            }
        });
        if go_on && answer.is_none() {
            answer = self.go_on();
        }
        answer
    }

    /// Checks this step and moves on; after the last one, the answer.
    fn go_on(&mut self) -> Option<Answer> {
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
            Ok(Some((answers, path))) => Some(Answer::Begin(Box::new(Begin { answers, path }))),
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
    }

    /// What is wrong with the current step, if anything.
    fn check(&self) -> Result<(), Problem> {
        match self.step {
            Step::Why => Ok(()),
            Step::Current => self.day(&self.since, Slot::Since).map(drop),
            Step::Next => self.day(&self.by, Slot::By).map(drop),
            Step::Skills => self.skill_answers().map(drop),
            Step::Goal => self.day(&self.goal_due, Slot::Due).map(drop),
            Step::Save => self.path().map(drop),
        }
    }

    /// Empties the current step's fields (Skip).
    fn clear_step(&mut self) {
        self.error = None;
        match self.step {
            Step::Why => self.why.clear(),
            Step::Current => (self.current.clear(), self.since.clear()).1,
            Step::Next => (self.next.clear(), self.by.clear()).1,
            Step::Skills => self.skills = vec![SkillRow::default()],
            Step::Goal => {
                self.goal.clear();
                self.goal_due.clear();
                self.milestones = vec![String::new()];
            }
            Step::Save => {}
        }
    }

    /// The day typed in the box `slot`, or none for an empty box.
    fn day(&self, text: &str, slot: Slot) -> Result<Option<Date>, Problem> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        super::widgets::parse_date(text, self.today)
            .map(Some)
            .map_err(|e| (slot, e))
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
            why: self.why.clone(),
            current: self.current.clone(),
            since: self.day(&self.since, Slot::Since)?,
            next: self.next.clone(),
            by: self.day(&self.by, Slot::By)?,
            skills: self.skill_answers()?,
            goal: self.goal.clone(),
            goal_due: self.day(&self.goal_due, Slot::Due)?,
            milestones: self.milestones.clone(),
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

    fn why_step(&mut self, ui: &mut Ui) -> bool {
        ui.label("One line to come back to on a hard day: what this path is for, and for whom.");
        self.field(
            ui,
            Slot::Why,
            Field::Wide,
            "e.g. help new nurses feel safe on their first ward",
        )
    }

    fn role_step(&mut self, ui: &mut Ui, current: bool) -> bool {
        let (what, when, hint, when_hint) = if current {
            ui.label("The job you hold today: the first stepping stone of your path.");
            (
                Slot::Current,
                Slot::Since,
                "e.g. Staff nurse",
                "e.g. 2022-09",
            )
        } else {
            ui.label("The role you are working toward, and when you would like to be in it.");
            (
                Slot::Next,
                Slot::By,
                "e.g. Nurse educator",
                "e.g. +18m or 2028-06",
            )
        };
        let entered = self.field(ui, what, Field::Wide, hint);
        entered | self.field(ui, when, Field::Date, when_hint)
    }

    fn skills_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "Up to five skills the next role needs: where you are now, and where the role \
             needs you, from 0 to 5.",
        );
        let names = LevelNames::default();
        let scale: Vec<String> = (0..=Level::MAX.0)
            .map(|l| format!("{l} {}", names.name(Level(l))))
            .collect();
        ui.label(RichText::new(scale.join(" \u{b7} ")).weak().small());
        let mut go_on = false;
        for i in 0..self.skills.len() {
            ui.horizontal(|ui| {
                if self.field(ui, Slot::SkillName(i), Field::Name, "a skill") {
                    if self.skills[i].name.trim().is_empty() {
                        go_on = true;
                    } else {
                        self.focus = Some(Slot::SkillNow(i));
                    }
                }
                let next_row = if i + 1 < MAX_SKILLS {
                    Slot::SkillName(i + 1)
                } else {
                    Slot::GoOn
                };
                self.level_field(ui, Slot::SkillNow(i), "now", Slot::SkillNeeded(i));
                self.level_field(ui, Slot::SkillNeeded(i), "the next role needs", next_row);
            });
        }
        // One empty row after the last named skill, up to five.
        if self.skills.len() < MAX_SKILLS
            && self
                .skills
                .last()
                .is_some_and(|s| !s.name.trim().is_empty())
        {
            self.skills.push(SkillRow::default());
        }
        go_on
    }

    /// A box for one digit that hands the keyboard to `then` once a level is typed.
    fn level_field(&mut self, ui: &mut Ui, slot: Slot, shown: &str, then: Slot) {
        let l = ui.label(shown);
        let text = self.text_mut(slot);
        let out = egui::TextEdit::singleline(text)
            .id(slot.id())
            .char_limit(1)
            .desired_width(22.0)
            .show(ui);
        let typed = text.trim().parse::<u8>().is_ok_and(|n| Level(n).is_valid());
        let response = out.response.response.clone().labelled_by(l.id);
        // Tab into the box selects its digit, so typing replaces it.
        if response.gained_focus() {
            let text = self.text_mut(slot).clone();
            super::widgets::select_all(ui, &out, &text);
        }
        let entered = response.lost_focus() && enter_key(ui) == Some(false);
        if (response.changed() && typed) || entered {
            self.focus = Some(then);
        }
        self.take_focus(&response, slot);
        let name = slot.label();
        ui.ctx()
            .accesskit_node_builder(slot.id(), |node| node.set_label(name));
    }

    fn goal_step(&mut self, ui: &mut Ui) -> bool {
        ui.label("Something you will do toward the next role, in a few steps you can tick off.");
        let mut go_on = false;
        if self.field(
            ui,
            Slot::Goal,
            Field::Wide,
            "e.g. run the new-hire skills day",
        ) {
            self.focus = Some(Slot::Milestone(0));
        }
        if self.field(ui, Slot::Due, Field::Date, "e.g. 2027-06 or +6m") {
            self.focus = Some(Slot::Milestone(0));
        }
        ui.label("Milestones");
        for i in 0..self.milestones.len() {
            if self.field(
                ui,
                Slot::Milestone(i),
                Field::Wide,
                "a step toward the goal",
            ) {
                if self.milestones[i].trim().is_empty() {
                    go_on = true;
                } else {
                    self.focus = Some(Slot::Milestone(i + 1));
                }
            }
        }
        if self.milestones.len() < MAX_MILESTONES
            && self.milestones.last().is_some_and(|m| !m.trim().is_empty())
        {
            self.milestones.push(String::new());
        }
        go_on
    }

    fn save_step(&mut self, ui: &mut Ui, native_dialogs: bool) -> bool {
        if let Ok(answers) = self.answers() {
            let mut plan = crate::model::Plan::default();
            if plan.apply(answers.edit(&plan, self.today)).is_ok() {
                ui.label(summary(&plan));
            }
        }
        ui.label("The plan is a file you own: keep it where you keep your documents.");
        let entered = self.field(
            ui,
            Slot::PlanName,
            Field::Wide,
            "e.g. my path to nurse educator",
        );
        ui.horizontal(|ui| {
            self.field(ui, Slot::Folder, Field::Wide, "");
            if native_dialogs
                && ui.button("Choose\u{2026}").clicked()
                && let Some(folder) = rfd::FileDialog::new()
                    .set_directory(&self.folder)
                    .pick_folder()
            {
                self.folder = folder.display().to_string();
            }
        });
        ui.label(
            RichText::new("The file ends in .stepstone.ron. You can rename or move it later.")
                .weak()
                .small(),
        );
        entered
    }

    /// The text behind a field.
    fn text_mut(&mut self, slot: Slot) -> &mut String {
        let last = |n: usize| n.saturating_sub(1);
        match slot {
            Slot::Why => &mut self.why,
            Slot::Current => &mut self.current,
            Slot::Since => &mut self.since,
            Slot::Next => &mut self.next,
            Slot::By => &mut self.by,
            Slot::Goal => &mut self.goal,
            Slot::Due => &mut self.goal_due,
            Slot::PlanName | Slot::GoOn => &mut self.name,
            Slot::Folder => &mut self.folder,
            Slot::Milestone(i) => {
                let i = i.min(last(self.milestones.len()));
                &mut self.milestones[i]
            }
            Slot::SkillName(i) | Slot::SkillNow(i) | Slot::SkillNeeded(i) => {
                let i = i.min(last(self.skills.len()));
                let row = &mut self.skills[i];
                match slot {
                    Slot::SkillNow(_) => &mut row.now,
                    Slot::SkillNeeded(_) => &mut row.needed,
                    _ => &mut row.name,
                }
            }
        }
    }

    /// A labelled text box; true when Enter (without Ctrl) was pressed in it.
    fn field(&mut self, ui: &mut Ui, slot: Slot, kind: Field, hint: &str) -> bool {
        let width = match kind {
            Field::Wide => 360.0,
            Field::Name => 200.0,
            Field::Date => 140.0,
        };
        let label_width = if kind == Field::Name { 60.0 } else { 150.0 };
        let response = ui
            .horizontal(|ui| {
                let l = ui.add_sized([label_width, 18.0], egui::Label::new(slot.label()));
                let response = ui
                    .add(
                        egui::TextEdit::singleline(self.text_mut(slot))
                            .id(slot.id())
                            .hint_text(hint)
                            .desired_width(width),
                    )
                    .labelled_by(l.id);
                // A typed day shows the day it means (+18m, 2027-03, next friday).
                if kind == Field::Date {
                    let text = self.text_mut(slot).clone();
                    if let Ok(Some(day)) = self.day(&text, slot) {
                        ui.label(RichText::new(day.strftime("%A %-d %B %Y").to_string()).weak());
                    }
                }
                response
            })
            .inner;
        self.take_focus(&response, slot);
        response.lost_focus() && enter_key(ui) == Some(false)
    }

    fn take_focus(&mut self, response: &egui::Response, slot: Slot) {
        if self.focus == Some(slot) {
            response.request_focus();
            self.focus = None;
        }
    }
}

/// How wide a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Wide,
    Name,
    Date,
}

/// Whether Enter was pressed this frame: `Some(true)` with Ctrl (Cmd on a
/// Mac). The key's own modifiers count: Ctrl may be let go in the same frame.
fn enter_key(ui: &Ui) -> Option<bool> {
    ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Key {
                key: Key::Enter,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.command),
            _ => None,
        })
    })
}

/// The first field of a step, which takes the keyboard when it shows.
fn first_field(step: Step) -> Slot {
    match step {
        Step::Why => Slot::Why,
        Step::Current => Slot::Current,
        Step::Next => Slot::Next,
        Step::Skills => Slot::SkillName(0),
        Step::Goal => Slot::Goal,
        Step::Save => Slot::PlanName,
    }
}

/// What the guided start is about to create, in a sentence.
fn summary(plan: &crate::model::Plan) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let milestones: usize = plan.goals.iter().map(|g| g.milestones.len()).sum();
    format!(
        "Your plan starts with {}, {}, {} and {}.",
        count(plan.roles.len(), "role", "roles"),
        count(plan.skills.len(), "skill", "skills"),
        count(plan.goals.len(), "goal", "goals"),
        count(milestones, "milestone", "milestones"),
    )
}
