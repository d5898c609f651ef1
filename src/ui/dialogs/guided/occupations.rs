//! "Pick from occupations" in the guided start: a search box under each
//! role step that fills the role's title from O*NET's occupations, and the
//! skills step filled with the next role's most important elements, at
//! the levels it needs and (when the current role was picked too) the
//! levels the current one has, for the person to adjust.

use super::{Guided, SkillRow, Slot};
use crate::io::occupations::occupations;
use crate::model::MAX_SKILLS;
use crate::model::occupations::plan_level;
use crate::ui::widgets;
use egui::{RichText, Ui};

/// How many results the picker shows.
const SHOWN: usize = 6;

/// The picker's state: open under which role step, and what is typed.
#[derive(Debug, Default)]
pub(super) struct Picker {
    /// Open under the current role's step (`Some(true)`) or the next's.
    open: Option<bool>,
    query: String,
    focus: bool,
}

impl Guided {
    /// The picker under a role step; true once an occupation was picked.
    pub(super) fn occupation_picker(&mut self, ui: &mut Ui, current: bool) -> bool {
        let data = occupations();
        let linked = if current {
            self.occupation_now
        } else {
            self.occupation_next
        };
        ui.horizontal(|ui| {
            if ui
                .button("\u{1f50d} Pick from occupations\u{2026}")
                .on_hover_text("1,016 U.S. occupations (O*NET) with the skills each needs")
                .clicked()
            {
                let open = self.picker.open != Some(current);
                self.picker = Picker {
                    open: open.then_some(current),
                    query: String::new(),
                    focus: open,
                };
            }
            if let Some(o) = linked.and_then(|o| data.occupations.get(o)) {
                ui.label(RichText::new(format!("From O*NET: {} ({})", o.title, o.code)).weak());
            }
        });
        if self.picker.open != Some(current) {
            return false;
        }
        let l = ui.label("Search occupations:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.picker.query)
                    .hint_text("e.g. warehouse, nurse, accountant")
                    .desired_width(360.0),
            )
            .labelled_by(l.id);
        if std::mem::take(&mut self.picker.focus) {
            field.request_focus();
        }
        let hits = data.search(&self.picker.query, SHOWN);
        let mut picked = None;
        if widgets::enter_pressed(ui, &field) {
            picked = hits.first().map(|h| h.occupation);
        }
        for hit in &hits {
            let Some(o) = data.occupations.get(hit.occupation) else {
                continue;
            };
            let text = match &hit.matched {
                Some(name) => format!("{} (also called {name})", o.title),
                None => o.title.clone(),
            };
            if ui.selectable_label(false, text).clicked() {
                picked = Some(hit.occupation);
            }
        }
        if !self.picker.query.trim().is_empty() && hits.is_empty() {
            ui.label(RichText::new("No occupation has a name like that.").weak());
        }
        let Some(o) = picked else {
            return false;
        };
        let title = data.occupations[o].title.clone();
        if current {
            (self.occupation_now, self.current) = (Some(o), title);
        } else {
            (self.occupation_next, self.next) = (Some(o), title);
        }
        self.picker = Picker::default();
        true
    }

    /// Fills an untouched skills step from the picked occupations: the
    /// next role's most important elements, with the levels it needs and
    /// those the current role has.
    pub(super) fn skills_from_occupations(&mut self) {
        let data = occupations();
        let Some(next_index) = self.occupation_next else {
            return;
        };
        let Some(next) = data.occupations.get(next_index) else {
            return;
        };
        if self.skills.iter().any(|s| !s.name.trim().is_empty()) {
            return;
        }
        let now = self.occupation_now.and_then(|o| data.occupations.get(o));
        self.skills = data
            .important(next_index)
            .into_iter()
            .take(MAX_SKILLS)
            .filter_map(|e| {
                let needed = plan_level(next.ratings.get(e)?.level);
                let now = now
                    .and_then(|o| o.ratings.get(e))
                    .map_or_else(String::new, |r| plan_level(r.level).0.to_string());
                Some(SkillRow {
                    name: data.elements.get(e)?.name.clone(),
                    now,
                    needed: needed.0.to_string(),
                })
            })
            .collect();
        if self.skills.is_empty() {
            self.skills.push(SkillRow::default());
        }
        self.focus = Some(Slot::SkillNow(0));
    }
}
