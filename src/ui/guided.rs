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

use super::modals::{Answer, with_extension};
use crate::model::{
    Bound, Level, LevelNames, MAX_SKILLS, Measure, MilestoneAnswer, SkillAnswer, StartAnswers,
    parse_bound_day, skill_line,
};
use egui::{Key, RichText, Ui};
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
        if self.focus.is_some() {
            // The field to take the keyboard may only show next frame.
            ui.ctx().request_repaint();
        }
        answer
    }

    /// Checks this step and moves on; after the last one, the answer.
    fn go_on(&mut self) -> Option<Answer> {
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

    fn why_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "A line or two to come back to on a hard day: what this path is for, and for whom. \
             Enter adds another.",
        );
        let mut go_on = false;
        for i in 0..self.whys.len() {
            let hint = if i == 0 {
                "e.g. help new nurses feel safe on their first ward"
            } else {
                "another why, or Enter to go on"
            };
            if self.field(ui, Slot::Why(i), Field::Wide, hint) {
                go_on |= self.next_in_list(i, Slot::Why);
            }
        }
        go_on
    }

    /// Enter in row `i` of a list of texts (whys, milestones): on to the
    /// next row; in a filled last row, a new row; in an empty last row (or
    /// the last one allowed), on past the list. True when it goes past.
    fn next_in_list(&mut self, i: usize, slot: fn(usize) -> Slot) -> bool {
        let (len, max, filled) = match slot(i) {
            Slot::Why(_) => (self.whys.len(), MAX_WHYS, !self.whys[i].trim().is_empty()),
            _ => (
                self.milestones.len(),
                MAX_MILESTONES,
                !self.milestones[i].title.trim().is_empty(),
            ),
        };
        if i + 1 < len {
            self.focus = Some(slot(i + 1));
            return false;
        }
        if !filled || len >= max {
            return true;
        }
        match slot(i) {
            Slot::Why(_) => self.whys.push(String::new()),
            _ => self.milestones.push(MilestoneRow::default()),
        }
        self.focus = Some(slot(i + 1));
        false
    }

    fn role_step(&mut self, ui: &mut Ui, current: bool) -> bool {
        let (what, when, hint, when_hint) = if current {
            ui.label(
                "The job you hold today, the first stepping stone of your path, and since when \
                 (a year, a month or a day).",
            );
            (
                Slot::Current,
                Slot::Since,
                "e.g. Staff nurse since 2022",
                "e.g. 2022",
            )
        } else {
            ui.label(
                "The role you are working toward, and by when you would like to be in it (a \
                 year, a month, a day or +18m).",
            );
            (
                Slot::Next,
                Slot::By,
                "e.g. Nurse educator by 2028",
                "e.g. 2028",
            )
        };
        if self.field(ui, what, Field::Wide, hint) {
            // "Staff nurse since 2022" fills both boxes; Enter goes on.
            let words: &[&str] = if current { &["since", "from"] } else { &["by"] };
            if self.take_trailing_day(what, when, words) {
                return true;
            }
            self.focus = Some(when);
        }
        self.field(ui, when, Field::Date, when_hint)
    }

    /// Moves a trailing "since 2022" or "by 2028-06" (one of `words`, then a
    /// day `when` reads) from the text of `title` into the box of `when`;
    /// true if it did.
    fn take_trailing_day(&mut self, title: Slot, when: Slot, words: &[&str]) -> bool {
        let text = self.text_mut(title).trim().to_string();
        let mut parts = text.rsplitn(3, char::is_whitespace);
        let (Some(day), Some(word), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        if !words.iter().any(|w| w.eq_ignore_ascii_case(word))
            || rest.trim().is_empty()
            || !matches!(self.day(day, when), Ok(Some(_)))
        {
            return false;
        }
        *self.text_mut(when) = day.to_string();
        *self.text_mut(title) = rest.trim().to_string();
        true
    }

    /// Ctrl+Enter or Next with "… since 2022" or "… by 2027-03" still in a
    /// title: its date goes to its empty box, as Enter would have put it.
    fn take_trailing_all(&mut self) {
        if self.since.trim().is_empty() {
            self.take_trailing_day(Slot::Current, Slot::Since, &["since", "from"]);
        }
        if self.by.trim().is_empty() {
            self.take_trailing_day(Slot::Next, Slot::By, &["by"]);
        }
        if self.amount.trim().is_empty() {
            self.take_trailing_hours();
        }
        for i in 0..self.milestones.len() {
            if self.milestones[i].due.trim().is_empty() {
                self.take_trailing_day(Slot::Milestone(i), Slot::MilestoneDue(i), &["by", "due"]);
            }
        }
    }

    /// A goal title ending in its hours ("Learn demand planning 40h") sets
    /// the target to those hours; true if it did.
    fn take_trailing_hours(&mut self) -> bool {
        let text = self.goal.trim().to_string();
        let Some((rest, last)) = text.rsplit_once(char::is_whitespace) else {
            return false;
        };
        let hours = crate::model::quick_add::minutes(last)
            .filter(|m| *m > 0 && m % 60 == 0)
            .map(|m| m / 60);
        let Some(hours) = hours.filter(|_| !rest.trim().is_empty()) else {
            return false;
        };
        self.goal = rest.trim().to_string();
        self.amount = hours.to_string();
        self.target = Target::Hours;
        true
    }

    fn skills_step(&mut self, ui: &mut Ui) -> bool {
        ui.label(
            "Up to five skills the next role needs: where you are now, and where the role \
             needs you, from 0 to 5. Type both on the name's line if you like: Teaching 2 4.",
        );
        let names = LevelNames::default();
        let scale: Vec<String> = (0..=Level::MAX.0)
            .map(|l| format!("{l} {}", names.name(Level(l))))
            .collect();
        ui.label(RichText::new(scale.join(" \u{b7} ")).weak().small());
        let mut go_on = false;
        for i in 0..self.skills.len() {
            ui.horizontal(|ui| {
                let next_row = if i + 1 < MAX_SKILLS {
                    Slot::SkillName(i + 1)
                } else {
                    Slot::GoOn
                };
                let hint = if i == 0 {
                    "e.g. Teaching 2 4"
                } else {
                    "a skill"
                };
                let (entered, left) = self.field_keys(ui, Slot::SkillName(i), Field::Name, hint);
                let row = &mut self.skills[i];
                let levels = skill_line(&row.name).is_some();
                if left {
                    row.take_levels();
                }
                if entered {
                    if row.name.trim().is_empty() {
                        go_on = true;
                    } else if levels {
                        self.focus = Some(next_row);
                    } else {
                        self.focus = Some(Slot::SkillNow(i));
                    }
                }
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
        ui.label(
            "Something you will do toward the next role: what it counts, and a few dated steps \
             you can tick off.",
        );
        let mut go_on = false;
        if self.field(
            ui,
            Slot::Goal,
            Field::Wide,
            "e.g. run the new-hire skills day 40h",
        ) {
            // "… 40h" fills the target: on to the first milestone.
            let counted = self.take_trailing_hours();
            self.focus = Some(if counted || self.target == Target::Milestones {
                Slot::Milestone(0)
            } else {
                Slot::Amount
            });
        }
        ui.horizontal(|ui| {
            let l = ui.add_sized([150.0, 18.0], egui::Label::new("Target"));
            let counted = self.target != Target::Milestones;
            let response = ui
                .add_enabled(
                    counted,
                    egui::TextEdit::singleline(&mut self.amount)
                        .id(Slot::Amount.id())
                        .hint_text(if counted { "e.g. 40" } else { "" })
                        .desired_width(60.0),
                )
                .labelled_by(l.id);
            self.take_focus(&response, Slot::Amount);
            if response.lost_focus() && enter_key(ui) == Some(false) {
                self.focus = Some(Slot::Milestone(0));
            }
            for (target, shown) in [
                (Target::Hours, "hours"),
                (Target::Entries, "entries"),
                (Target::Milestones, "its milestones"),
            ] {
                ui.radio_value(&mut self.target, target, shown);
            }
        });
        ui.label("Milestones, each with when it is due (a year, a month or a day)");
        for i in 0..self.milestones.len() {
            ui.horizontal(|ui| {
                ui.add_sized([20.0, 18.0], egui::Label::new(format!("{}.", i + 1)));
                let title = self.text_box(ui, Slot::Milestone(i), 280.0, "a step toward the goal");
                if title.lost_focus() && enter_key(ui) == Some(false) {
                    if self.milestones[i].title.trim().is_empty() {
                        // An empty row ends the list: on to the goal's own date.
                        self.focus = Some(Slot::Due);
                    } else if self.take_trailing_day(
                        Slot::Milestone(i),
                        Slot::MilestoneDue(i),
                        &["by", "due"],
                    ) {
                        // "Finish the course by 2027-03" fills its date: on to the next.
                        go_on |= self.next_in_list(i, Slot::Milestone);
                    } else {
                        self.focus = Some(Slot::MilestoneDue(i));
                    }
                }
                ui.label("by");
                let due = self.text_box(ui, Slot::MilestoneDue(i), 90.0, "e.g. 2027-03");
                self.resolved_day(ui, Slot::MilestoneDue(i));
                if due.lost_focus() && enter_key(ui) == Some(false) {
                    go_on |= self.next_in_list(i, Slot::Milestone);
                }
            });
        }
        if go_on {
            // Past the last milestone allowed: the goal's own date.
            self.focus = Some(Slot::Due);
        }
        if self.milestones.len() < MAX_MILESTONES
            && self
                .milestones
                .last()
                .is_some_and(|m| !m.title.trim().is_empty())
        {
            self.milestones.push(MilestoneRow::default());
        }
        let go_on = self.field(ui, Slot::Due, Field::Date, "e.g. 2027-06");
        ui.label(
            RichText::new("Left empty, the goal is due with its last milestone, or the next role.")
                .weak()
                .small(),
        );
        go_on
    }

    fn save_step(&mut self, ui: &mut Ui, native_dialogs: bool) -> bool {
        if let Ok(answers) = self.answers() {
            let mut plan = crate::model::Plan::default();
            if plan.apply(answers.edit(&plan, self.today)).is_ok() {
                ui.label(summary(&plan));
            }
        }
        if self.field(ui, Slot::Owner, Field::Wide, "e.g. Ana Lima") {
            self.focus = Some(Slot::PlanName);
        }
        ui.add_space(4.0);
        ui.label("The plan is a file you own: keep it where you keep your documents.");
        let entered = self.field(
            ui,
            Slot::PlanName,
            Field::Wide,
            "e.g. my path to nurse educator",
        );
        let entered = ui
            .horizontal(|ui| {
                let entered = entered | self.field(ui, Slot::Folder, Field::Wide, "");
                if native_dialogs
                    && ui.button("Choose\u{2026}").clicked()
                    && let Some(folder) = rfd::FileDialog::new()
                        .set_directory(&self.folder)
                        .pick_folder()
                {
                    self.folder = folder.display().to_string();
                }
                entered
            })
            .inner;
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
            Slot::Why(i) => {
                let i = i.min(last(self.whys.len()));
                &mut self.whys[i]
            }
            Slot::Current => &mut self.current,
            Slot::Since => &mut self.since,
            Slot::Next => &mut self.next,
            Slot::By => &mut self.by,
            Slot::Goal => &mut self.goal,
            Slot::Amount => &mut self.amount,
            Slot::Due => &mut self.goal_due,
            Slot::Owner => &mut self.owner,
            Slot::PlanName | Slot::GoOn => &mut self.name,
            Slot::Folder => &mut self.folder,
            Slot::Milestone(i) | Slot::MilestoneDue(i) => {
                let i = i.min(last(self.milestones.len()));
                let row = &mut self.milestones[i];
                if matches!(slot, Slot::MilestoneDue(_)) {
                    &mut row.due
                } else {
                    &mut row.title
                }
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
        self.field_keys(ui, slot, kind, hint).0
    }

    /// A labelled text box: (Enter without Ctrl was pressed in it, it gave
    /// up the keyboard).
    fn field_keys(&mut self, ui: &mut Ui, slot: Slot, kind: Field, hint: &str) -> (bool, bool) {
        let width = match kind {
            Field::Wide => 360.0,
            Field::Name => 200.0,
            Field::Date => 140.0,
        };
        let label_width = if kind == Field::Name { 60.0 } else { 150.0 };
        let response = ui
            .horizontal(|ui| {
                let l = ui.add_sized([label_width, 18.0], egui::Label::new(slot.label()));
                let response = self.text_box(ui, slot, width, hint).labelled_by(l.id);
                if kind == Field::Date {
                    self.resolved_day(ui, slot);
                }
                response
            })
            .inner;
        let left = response.lost_focus();
        (left && enter_key(ui) == Some(false), left)
    }

    /// The text box of `slot`, which takes the keyboard when asked to.
    fn text_box(&mut self, ui: &mut Ui, slot: Slot, width: f32, hint: &str) -> egui::Response {
        let response = ui.add(
            egui::TextEdit::singleline(self.text_mut(slot))
                .id(slot.id())
                .hint_text(hint)
                .desired_width(width),
        );
        self.take_focus(&response, slot);
        let name = slot.label();
        ui.ctx()
            .accesskit_node_builder(slot.id(), |node| node.set_label(name));
        response
    }

    /// A typed day shows the day it means (2022 as a start, +18m, next
    /// friday); the goal's empty date, the day it will be given.
    fn resolved_day(&mut self, ui: &mut Ui, slot: Slot) {
        let shown = |day: Date| day.strftime("%a %-d %b %Y").to_string();
        let text = self.text_mut(slot).clone();
        let said = match self.day(&text, slot) {
            Ok(Some(day)) => shown(day),
            Ok(None) if slot == Slot::Due => match self.answers().map(|a| a.goal_due()) {
                Ok(Some(day)) => format!("empty: {}", shown(day)),
                _ => return,
            },
            _ => return,
        };
        ui.label(RichText::new(said).weak());
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
