//! File > Import: roles, skills and goals from another plan, a career-path
//! template or a competency framework, into the open plan.
//!
//! The dialog first asks where from (a typed or picked file, or a template),
//! then shows what comes in: per item whether it is new, already in the plan
//! or there with other content, and a choice for each. The dialog reads the
//! file and prepares the [`Merge`]; the app applies it as one undo step.

use super::{Env, Outcome};
use crate::io;
use crate::model::{Edit, Merge, Plan, Row};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// Where to import from, as chosen in the dialog.
#[derive(Clone, Debug, PartialEq)]
enum Pick {
    /// Ask the system's file dialog.
    Browse,
    File(PathBuf),
    /// A built-in template, by name.
    Template(String),
}

/// What the first page asked for.
enum Asked {
    Read(Pick),
    Cancel,
}

/// The import dialog's state, kept while it is open.
pub struct ImportDialog {
    /// The typed path.
    path: String,
    /// Why the last file could not be used.
    error: Option<String>,
    preview: Option<Preview>,
    /// Give the path field the keyboard (when the dialog opens or goes back).
    focus_path: bool,
}

/// The import as previewed and chosen, for the app to apply.
pub struct Imported {
    /// Where it comes from, for the heading and the notice.
    from: String,
    merge: Merge,
}

impl Imported {
    /// The edit that brings it into `plan`, as one undo step.
    pub fn edit(&self, plan: &Plan) -> Edit {
        self.merge.edit(plan)
    }

    /// What came in, for the notice once applied.
    pub fn done(&self) -> String {
        format!(
            "Imported from {}: {}. Edit > Undo takes it all back.",
            self.from,
            self.merge.summary(true)
        )
    }
}

/// What an import would do, shown before anything changes.
struct Preview {
    /// Where it comes from, for the heading and the notice.
    from: String,
    /// For a framework: how its levels map onto the plan's scale.
    scale: String,
    merge: Merge,
    /// What the list shows, line by line: each heading, then its rows
    /// (indices into `merge.rows`). Made once; the list draws only the
    /// lines in view, so a framework of 20,000 topics scrolls smoothly.
    lines: Vec<Line>,
}

/// One line of the preview's list.
#[derive(Clone, Copy)]
enum Line {
    Heading(&'static str),
    Row(usize),
}

impl Preview {
    fn new(from: String, scale: String, merge: Merge) -> Self {
        let lines = merge
            .groups()
            .into_iter()
            .flat_map(|(heading, rows)| {
                std::iter::once(Line::Heading(heading)).chain(rows.into_iter().map(Line::Row))
            })
            .collect();
        Self {
            from,
            scale,
            merge,
            lines,
        }
    }
}

/// Up to this many lines the preview draws them all (its columns settle at
/// once); a longer list, such as a framework of thousands of topics, draws
/// only the lines in view.
const DRAW_ALL_UP_TO: usize = 300;

/// The file types the import reads.
const EXTENSIONS: [&str; 5] = ["ron", "md", "markdown", "yaml", "yml"];

impl ImportDialog {
    /// The dialog, its path field starting at `start`.
    fn new(start: String) -> Self {
        Self {
            path: start,
            error: None,
            preview: None,
            focus_path: true,
        }
    }

    /// The dialog, its path field starting in `plan_file`'s folder (else
    /// the working folder).
    pub fn beside(plan_file: Option<&std::path::Path>) -> Self {
        let folder = plan_file
            .and_then(|p| p.parent())
            .map(std::path::Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok());
        let mut start = folder.map(|p| p.display().to_string()).unwrap_or_default();
        if !start.is_empty() && !start.ends_with(std::path::MAIN_SEPARATOR) {
            start.push(std::path::MAIN_SEPARATOR);
        }
        Self::new(start)
    }

    /// Draws the dialog; the outcome once Import or Cancel is pressed.
    pub fn show(&mut self, ui: &mut Ui, env: &Env) -> Option<Outcome> {
        ui.set_max_width(720.0);
        let Some(preview) = &mut self.preview else {
            return match self.pick(ui, env.native_dialogs)? {
                Asked::Read(pick) => {
                    self.read(pick, env.plan);
                    None
                }
                Asked::Cancel => Some(Outcome::Closed),
            };
        };
        match preview.show(ui)? {
            Pressed::Import => self.preview.take().map(|p| {
                Outcome::Import(Box::new(Imported {
                    from: p.from,
                    merge: p.merge,
                }))
            }),
            Pressed::Cancel => Some(Outcome::Closed),
            Pressed::Back => {
                self.preview = None;
                self.focus_path = true;
                None
            }
        }
    }

    /// Reads what was picked and shows its preview against `plan`; an
    /// error stays in the dialog.
    fn read(&mut self, pick: Pick, plan: &Plan) {
        let read = match pick {
            Pick::Browse => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Plans and frameworks", &EXTENSIONS)
                    .pick_file();
                let Some(path) = picked else {
                    return;
                };
                self.path = path.display().to_string();
                io::load_incoming(&path).map_err(|e| e.to_string())
            }
            Pick::File(path) => io::load_incoming(&path).map_err(|e| e.to_string()),
            Pick::Template(name) => io::templates::template(&name)
                .map(|t| io::Incoming {
                    name: format!("the template \u{201c}{}\u{201d}", t.title),
                    plan: t.plan(),
                    scale: Vec::new(),
                })
                .ok_or_else(|| format!("There is no template named {name}.")),
        };
        self.error = None;
        match read.and_then(|incoming| {
            let scale = incoming.scale_text(&plan.level_names);
            Merge::new(plan, incoming.plan)
                .map(|merge| Preview::new(incoming.name.clone(), scale, merge))
                .map_err(|e| format!("{} cannot be imported: {e}.", incoming.name))
        }) {
            Ok(preview) => self.preview = Some(preview),
            Err(e) => self.error = Some(e),
        }
    }

    /// Where from: a file, or a template.
    fn pick(&mut self, ui: &mut Ui, native_dialogs: bool) -> Option<Asked> {
        ui.heading("Import into this plan");
        ui.label(
            "Bring in roles, skills and goals from another plan, a career-path template, or \
             your employer's career ladder (a competency framework in the open progression \
             framework format, a .md or .yaml file). You see what comes in before anything \
             changes.",
        );
        ui.add_space(6.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            let l = ui.label("File path:");
            let mut output = egui::TextEdit::singleline(&mut self.path)
                .desired_width(380.0)
                .show(ui);
            let field = output.response.response.clone().labelled_by(l.id);
            if std::mem::take(&mut self.focus_path) {
                // The cursor at the end: type the file's name after its folder.
                field.request_focus();
                let end = egui::text::CCursor::new(self.path.chars().count());
                output
                    .state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::one(end)));
                output.state.store(ui.ctx(), field.id);
            }
            if crate::ui::widgets::enter_pressed(ui, &field) && !self.path.trim().is_empty() {
                answer = Some(Asked::Read(Pick::File(self.path.trim().into())));
            }
            if native_dialogs && ui.button("Browse\u{2026}").clicked() {
                answer = Some(Asked::Read(Pick::Browse));
            }
            let typed = !self.path.trim().is_empty();
            if ui
                .add_enabled(typed, egui::Button::new("Preview"))
                .clicked()
            {
                answer = Some(Asked::Read(Pick::File(self.path.trim().into())));
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
        ui.label("Or from a career-path template:");
        for t in io::templates::templates() {
            if ui
                .selectable_label(false, &t.title)
                .on_hover_text(&t.about)
                .clicked()
            {
                answer = Some(Asked::Read(Pick::Template(t.name)));
            }
        }
        ui.separator();
        if ui.button("Cancel").clicked() {
            answer = Some(Asked::Cancel);
        }
        answer
    }
}

/// A button of the preview.
enum Pressed {
    Import,
    Back,
    Cancel,
}

impl Preview {
    fn show(&mut self, ui: &mut Ui) -> Option<Pressed> {
        ui.heading(format!("Import from {}", self.from));
        if !self.scale.is_empty() {
            ui.label(format!(
                "Its levels become roles and its topics skills. {}.",
                self.scale
            ));
        }
        let area = egui::ScrollArea::vertical()
            .max_height(420.0)
            .auto_shrink([false, true]);
        let lines = self.lines.len();
        if lines <= DRAW_ALL_UP_TO {
            area.show(ui, |ui| self.grid(ui, 0..lines));
        } else {
            let row_height = ui.spacing().interact_size.y;
            area.show_rows(ui, row_height, lines, |ui, in_view| {
                self.grid(ui, in_view);
            });
        }
        ui.add_space(4.0);
        ui.label(RichText::new(self.merge.left_out()).weak());
        ui.separator();
        let mut answer = None;
        ui.horizontal(|ui| {
            let nothing = self.merge.is_empty();
            let import = ui.add_enabled(!nothing, egui::Button::new("Import"));
            if import.clicked() {
                answer = Some(Pressed::Import);
            }
            if ui.button("Back").clicked() {
                answer = Some(Pressed::Back);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Pressed::Cancel);
            }
            let what = if nothing {
                "Nothing to import: all of it is in your plan already, or skipped.".to_string()
            } else {
                format!("Import {}.", self.merge.summary(false))
            };
            ui.label(RichText::new(what).weak());
        });
        answer
    }
}

impl Preview {
    /// The lines `in_view` of one grid, so the columns line up across the
    /// three lists.
    fn grid(&mut self, ui: &mut Ui, in_view: std::ops::Range<usize>) {
        egui::Grid::new("import preview")
            .num_columns(3)
            .spacing([12.0, ui.spacing().item_spacing.y])
            .min_row_height(ui.spacing().interact_size.y)
            .show(ui, |ui| self.rows_ui(ui, in_view));
    }

    /// The lines in view of the roles, then the skills, then the goals,
    /// each list under a heading.
    fn rows_ui(&mut self, ui: &mut Ui, in_view: std::ops::Range<usize>) {
        for line in self.lines.get(in_view).unwrap_or_default() {
            match *line {
                Line::Heading(heading) => {
                    ui.label(RichText::new(heading).strong());
                }
                Line::Row(i) => {
                    if let Some(row) = self.merge.rows.get_mut(i) {
                        row_ui(ui, row);
                    }
                }
            }
            ui.end_row();
        }
    }
}

/// One item: its name, how it stands, and its choice.
fn row_ui(ui: &mut Ui, row: &mut Row) {
    ui.label(&row.name);
    let mut status = row.status_text();
    if let Some(note) = row.note {
        status = format!("{status}; {note}");
    }
    ui.label(RichText::new(status).weak());
    ui.horizontal(|ui| {
        for &c in row.choices() {
            ui.radio_value(&mut row.choice, c, c.label());
        }
        // Room for the scroll bar, which floats over the right edge.
        ui.add_space(ui.spacing().scroll.bar_width + 4.0);
    });
}
