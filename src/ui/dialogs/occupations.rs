//! The occupation explorer: search 1,016 U.S. occupations (O*NET 29.0) by
//! any of their 56,000 names, see what one needs, the gap from where the
//! person is (their plan's levels, or the job they do now) and the
//! occupations one step away, and take one into the plan as a role. It
//! ends with the edit that takes it in; the app applies it as one undo step.

use super::{Env, Outcome};
use crate::io::occupations::occupations;
use crate::model::occupations::{
    ATTRIBUTION, ElementKind, GapRow, Hit, Near, Occupations, Profile, plan_level, take_edit,
};
use crate::model::{Edit, LevelNames, Plan, Stage};
use crate::ui::widgets;
use egui::{RichText, Ui};

/// How many results the search list shows.
const RESULTS: usize = 60;
/// How many of an occupation's most important elements start ticked.
const TICKED_AT_FIRST: usize = 8;
/// How many occupations "one step away" lists.
const NEAR: usize = 12;

/// What the explorer ended with: an occupation taken into the plan.
pub struct Taken {
    pub edit: Edit,
    /// "Added the role …", for the notice.
    pub told: String,
}

/// Which page of an occupation is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    About,
    Gap,
    Near,
}

/// Where the person is, for the gap and "one step away".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Here {
    /// The levels recorded in their plan.
    Plan,
    /// An occupation they hold now.
    Occupation(usize),
}

/// The explorer's state while it is open.
pub struct Explorer {
    query: String,
    /// The query the hits are for.
    searched: Option<String>,
    hits: Vec<Hit>,
    chosen: Option<usize>,
    page: Page,
    here: Here,
    /// "One step away" from the chosen occupation (else from `from`).
    near_chosen: bool,
    /// The chosen occupation's elements ticked to take into the plan.
    ticked: Vec<usize>,
    stage: Stage,
    focus_search: bool,
}

impl Default for Explorer {
    fn default() -> Self {
        Self {
            query: String::new(),
            searched: None,
            hits: Vec::new(),
            chosen: None,
            page: Page::About,
            here: Here::Plan,
            near_chosen: true,
            ticked: Vec::new(),
            stage: Stage::Next,
            focus_search: true,
        }
    }
}

impl Explorer {
    /// Draws the explorer; the outcome once an occupation is taken in or it
    /// is closed.
    pub fn show(&mut self, ui: &mut Ui, env: &Env) -> Option<Outcome> {
        let data = occupations();
        ui.set_width(940.0);
        ui.heading("Explore occupations");
        ui.label(
            RichText::new(
                "Find a job by any of its names, see the skills and knowledge it needs, how far \
                 you are from it, and the jobs one step away. Then take it into your plan as a role.",
            )
            .weak(),
        );
        if self.searched.as_deref() != Some(self.query.as_str()) {
            self.hits = data.search(&self.query, RESULTS);
            self.searched = Some(self.query.clone());
        }
        let mut outcome = None;
        let column = egui::Layout::top_down(egui::Align::Min);
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(egui::vec2(300.0, 520.0), column, |ui| {
                ui.set_width(300.0);
                self.search_column(ui, data);
            });
            ui.add_space(12.0);
            ui.allocate_ui_with_layout(egui::vec2(620.0, 520.0), column, |ui| {
                ui.set_width(620.0);
                match self.chosen {
                    Some(o) => outcome = self.occupation(ui, data, o, env),
                    None => widgets::hint(
                        ui,
                        "Type a job title on the left (for example nurse, warehouse or \
                         accountant), then pick one to see what it needs.",
                    ),
                }
            });
        });
        ui.separator();
        ui.add(egui::Label::new(RichText::new(ATTRIBUTION).weak().small()).wrap());
        if ui.button("Close").clicked() {
            outcome = Some(Outcome::Closed);
        }
        outcome
    }

    /// The search box and its results.
    fn search_column(&mut self, ui: &mut Ui, data: &Occupations) {
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .hint_text("Search 1,016 occupations")
                .desired_width(290.0),
        );
        if std::mem::take(&mut self.focus_search) {
            field.request_focus();
        }
        // Enter takes the first result.
        if widgets::enter_pressed(ui, &field)
            && let Some(first) = self.hits.first()
        {
            let first = first.occupation;
            self.choose(data, first);
        }
        ui.add_space(4.0);
        if self.query.trim().is_empty() {
            return;
        }
        if self.hits.is_empty() {
            ui.label(RichText::new("No occupation has a name like that.").weak());
            return;
        }
        let mut picked = None;
        egui::ScrollArea::vertical()
            .id_salt("occupation results")
            .max_height(480.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for hit in &self.hits {
                    let Some(o) = data.occupations.get(hit.occupation) else {
                        continue;
                    };
                    let selected = self.chosen == Some(hit.occupation);
                    let row = ui.selectable_label(selected, &o.title);
                    if let Some(name) = &hit.matched {
                        ui.label(
                            RichText::new(format!("  also called {name}"))
                                .weak()
                                .small(),
                        );
                    }
                    if row.clicked() {
                        picked = Some(hit.occupation);
                    }
                }
            });
        if let Some(o) = picked {
            self.choose(data, o);
        }
    }

    /// Shows occupation `o`, its most important elements ticked.
    fn choose(&mut self, data: &Occupations, o: usize) {
        self.chosen = Some(o);
        self.ticked = data
            .important(o)
            .into_iter()
            .take(TICKED_AT_FIRST)
            .collect();
    }

    /// The chosen occupation's pages.
    fn occupation(
        &mut self,
        ui: &mut Ui,
        data: &Occupations,
        o: usize,
        env: &Env,
    ) -> Option<Outcome> {
        let occupation = data.occupations.get(o)?;
        ui.horizontal(|ui| {
            ui.heading(&occupation.title);
            ui.label(RichText::new(&occupation.code).weak());
        });
        if !occupation.is_rated() {
            ui.label(&occupation.description);
            widgets::hint(
                ui,
                "O*NET does not rate the skills of this occupation (it groups several jobs). \
                 Look for a more specific one.",
            );
            return None;
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.page, Page::About, "What it needs");
            ui.selectable_value(&mut self.page, Page::Gap, "Your gap");
            ui.selectable_value(&mut self.page, Page::Near, "One step away");
        });
        ui.separator();
        match self.page {
            Page::About => return self.about(ui, data, o, env.plan),
            Page::Gap => self.gap(ui, data, o, env),
            Page::Near => self.near(ui, data, o, env),
        }
        None
    }

    /// The description and the important elements, with the boxes to take
    /// them in.
    fn about(&mut self, ui: &mut Ui, data: &Occupations, o: usize, plan: &Plan) -> Option<Outcome> {
        let occupation = &data.occupations[o];
        ui.label(&occupation.description);
        ui.add_space(6.0);
        let important = data.important(o);
        ui.label(
            RichText::new(format!(
                "It needs {}, most important first. Tick what to take into your plan.",
                crate::model::plural(important.len(), "skill and knowledge area")
            ))
            .strong(),
        );
        egui::ScrollArea::vertical()
            .id_salt("occupation elements")
            .max_height(300.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("occupation elements grid")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        for &e in &important {
                            let element = &data.elements[e];
                            let rating = occupation.ratings[e];
                            let mut on = self.ticked.contains(&e);
                            if ui
                                .checkbox(&mut on, &element.name)
                                .on_hover_text(&element.description)
                                .changed()
                            {
                                if on {
                                    self.ticked.push(e);
                                } else {
                                    self.ticked.retain(|t| *t != e);
                                }
                            }
                            ui.label(RichText::new(kind_word(element.kind)).weak());
                            let need = plan_level(rating.level);
                            let bar = widgets::level_bar(ui, need, None);
                            bar.on_hover_text(level_text(
                                &plan.level_names,
                                need,
                                rating.suppressed,
                            ));
                            let unsure = if rating.suppressed {
                                "; level uncertain"
                            } else {
                                ""
                            };
                            ui.label(
                                RichText::new(format!(
                                    "{}{unsure}",
                                    importance_word(rating.importance)
                                ))
                                .weak(),
                            );
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(6.0);
        self.take_row(ui, data, o, plan)
    }

    /// Where to take the occupation in, and the button that does it; the
    /// outcome once pressed.
    fn take_row(
        &mut self,
        ui: &mut Ui,
        data: &Occupations,
        o: usize,
        plan: &Plan,
    ) -> Option<Outcome> {
        let occupation = &data.occupations[o];
        let mut outcome = None;
        ui.horizontal(|ui| {
            let stages = [
                Stage::Next,
                Stage::LongTerm,
                Stage::Alternative,
                Stage::Current,
            ]
            .map(|s| (s, s.label().to_string()));
            widgets::choice(
                ui,
                "Take into your plan as",
                "occupation stage",
                &mut self.stage,
                &stages,
            );
            let n = self.ticked.len();
            let take = ui.add_enabled(
                n > 0,
                egui::Button::new(format!(
                    "Take it in, with {}",
                    crate::model::plural(n, "skill")
                )),
            );
            if take.clicked()
                && let Some(edit) = take_edit(plan, data, o, &self.ticked, self.stage)
            {
                let new = self
                    .ticked
                    .iter()
                    .filter(|&&e| {
                        data.elements.get(e).is_some_and(|el| {
                            let key = crate::model::name_key(&el.name);
                            !plan
                                .skills
                                .iter()
                                .any(|s| crate::model::name_key(&s.name) == key)
                        })
                    })
                    .count();
                outcome = Some(Outcome::Occupation(Box::new(Taken {
                    edit,
                    told: format!(
                        "Added the role {} ({}), requiring {}, {} new. Edit > Undo takes it back.",
                        occupation.title,
                        self.stage.label().to_lowercase(),
                        crate::model::plural(n, "skill"),
                        new
                    ),
                })));
            }
            if self.here == Here::Occupation(o) {
                ui.label(RichText::new("\u{2714} The job you do now").weak())
                    .on_hover_text(
                        "Gaps and the jobs one step away start from it: search for the next",
                    );
            } else if ui
                .button("I do this job now")
                .on_hover_text("Measure your gap and the jobs one step away from this one")
                .clicked()
            {
                self.here = Here::Occupation(o);
                self.focus_search = true;
            }
        });
        outcome
    }

    /// Where the person is, as a profile, and in words.
    fn where_i_am(&self, data: &Occupations, env: &Env) -> (Option<Profile>, String) {
        match self.here {
            Here::Plan => (
                Some(data.plan_profile(env.plan, env.today)),
                "the levels in your plan".to_string(),
            ),
            Here::Occupation(o) => (
                data.profile(o),
                data.occupations
                    .get(o)
                    .map_or_else(String::new, |x| x.title.clone()),
            ),
        }
    }

    /// Choosing where the person is: their plan, or the job they do.
    fn here_choice(&mut self, ui: &mut Ui, data: &Occupations) {
        ui.horizontal(|ui| {
            ui.label("From:");
            ui.radio_value(&mut self.here, Here::Plan, "my plan's levels");
            if let Here::Occupation(o) = self.here
                && let Some(x) = data.occupations.get(o)
            {
                ui.radio_value(&mut self.here, Here::Occupation(o), &x.title);
            } else {
                ui.label(
                    RichText::new(
                        "(or pick the job you do and press \u{201c}I do this job now\u{201d})",
                    )
                    .weak()
                    .small(),
                );
            }
        });
    }

    /// Per element: where the person is, where the occupation needs them.
    fn gap(&mut self, ui: &mut Ui, data: &Occupations, o: usize, env: &Env) {
        self.here_choice(ui, data);
        let (Some(from), from_text) = self.where_i_am(data, env) else {
            return;
        };
        let rows = data.gap(&from, o);
        let known = rows.iter().filter(|r| r.have.is_some()).count();
        let to_go: u32 = rows
            .iter()
            .filter(|r| r.have.is_some())
            .map(|r| u32::from(r.levels_to_go()))
            .sum();
        if known == 0 {
            widgets::hint(
                ui,
                "None of these is in your plan by name yet: take the occupation in (first \
                 page) and record your levels in Skills, or pick the job you do now and press \
                 \u{201c}I do this job now\u{201d}.",
            );
        } else {
            let unknown = match rows.len() - known {
                0 => String::new(),
                n => format!("; {n} more not in your plan yet"),
            };
            let on = if known == rows.len() {
                format!("the {} it needs", crate::model::plural(known, "skill"))
            } else {
                format!(
                    "{known} of the {} it needs",
                    crate::model::plural(rows.len(), "skill")
                )
            };
            ui.label(format!(
                "From {from_text}: {} to go on {on}{unknown}.",
                crate::model::plural(usize::try_from(to_go).unwrap_or(usize::MAX), "level"),
            ));
        }
        egui::ScrollArea::vertical()
            .id_salt("occupation gap")
            .max_height(380.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("occupation gap grid")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        for title in ["", "You", "It needs", "To go"] {
                            ui.label(RichText::new(title).strong());
                        }
                        ui.end_row();
                        for row in &rows {
                            gap_row(ui, data, row, &env.plan.level_names);
                        }
                    });
            });
    }

    /// The occupations nearest to the chosen one, or to where the person is.
    fn near(&mut self, ui: &mut Ui, data: &Occupations, o: usize, env: &Env) {
        let title = data.occupations[o].title.clone();
        ui.horizontal(|ui| {
            ui.label("Near:");
            ui.radio_value(&mut self.near_chosen, true, &title);
            ui.radio_value(&mut self.near_chosen, false, "where I am");
        });
        if !self.near_chosen {
            self.here_choice(ui, data);
        }
        let (profile, except) = if self.near_chosen {
            (data.profile(o), Some(o))
        } else {
            let except = match self.here {
                Here::Occupation(x) => Some(x),
                Here::Plan => None,
            };
            (self.where_i_am(data, env).0, except)
        };
        let Some(profile) = profile else { return };
        if profile.levels.iter().all(Option::is_none) {
            widgets::hint(
                ui,
                "Your plan has no skills named like O*NET's yet, so there is nothing to \
                 compare: take an occupation in first, or pick the job you do.",
            );
            return;
        }
        let near = data.nearest(&profile, except, NEAR);
        let mut picked = None;
        egui::ScrollArea::vertical()
            .id_salt("occupation near")
            .max_height(400.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for n in &near {
                    if near_row(ui, data, n) {
                        picked = Some(n.occupation);
                    }
                    ui.separator();
                }
            });
        if let Some(p) = picked {
            self.choose(data, p);
            self.page = Page::About;
        }
    }
}

/// One element of the gap.
fn gap_row(ui: &mut Ui, data: &Occupations, row: &GapRow, names: &LevelNames) {
    let Some(element) = data.elements.get(row.element) else {
        return;
    };
    ui.label(&element.name).on_hover_text(&element.description);
    match row.have {
        Some(have) => {
            widgets::level_bar(ui, have, Some(row.need))
                .on_hover_text(level_text(names, have, false));
        }
        None => {
            ui.label(RichText::new("not known").weak());
        }
    }
    widgets::level_bar(ui, row.need, None).on_hover_text(level_text(
        names,
        row.need,
        row.uncertain,
    ));
    let to_go = row.levels_to_go();
    ui.label(match (row.have, to_go) {
        (None, _) => "?".to_string(),
        (Some(_), 0) => "there".to_string(),
        (Some(_), n) => crate::model::levels_to_go(u32::from(n)),
    });
    ui.end_row();
}

/// One occupation one step away; true if its title was clicked.
fn near_row(ui: &mut Ui, data: &Occupations, n: &Near) -> bool {
    let Some(o) = data.occupations.get(n.occupation) else {
        return false;
    };
    let names = |list: &[usize]| {
        list.iter()
            .filter_map(|&e| data.elements.get(e).map(|x| x.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let clicked = ui
        .horizontal(|ui| {
            let link = ui.link(&o.title).clicked();
            ui.label(RichText::new(format!("{:.0}% alike", n.similarity * 100.0)).weak());
            link
        })
        .inner;
    if !n.shared.is_empty() {
        ui.label(RichText::new(format!("Alike in {}", names(&n.shared))).small());
    }
    if !n.needs.is_empty() {
        ui.label(RichText::new(format!("You would still need {}", names(&n.needs))).small());
    }
    clicked
}

fn kind_word(kind: ElementKind) -> &'static str {
    match kind {
        ElementKind::Skill => "skill",
        ElementKind::Knowledge => "knowledge",
    }
}

/// O*NET's importance (1 to 5) in words.
fn importance_word(importance: f32) -> &'static str {
    if importance >= 4.5 {
        "essential"
    } else if importance >= 4.0 {
        "very important"
    } else {
        "important"
    }
}

/// "Level 3 of 5 (Working)", and whether O*NET is unsure of it.
fn level_text(names: &LevelNames, level: crate::model::Level, uncertain: bool) -> String {
    let sure = if uncertain {
        "; O*NET is unsure of this level (few answers)"
    } else {
        ""
    };
    format!("Level {} of 5 ({}){sure}", level.0, names.name(level))
}
