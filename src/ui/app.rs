//! The app: the open document, the views, menus, status bar and dialogs.
//! Views push edits; they are applied here once per frame.

use super::commands::{Command, View};
use super::derived::Derived;
use super::document::Document;
use super::screenshot::{Outcome, Screenshot};
use super::storage::{AppDirs, Recovery};
use super::views::{ViewCtx, Views};
use crate::io;
use crate::model::{Edit, Plan};
use jiff::civil::Date;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Seconds of quiet after an edit before unsaved changes are autosaved.
const AUTOSAVE_AFTER: f64 = 3.0;
/// Files larger than this are read on a worker thread, with a spinner.
const LOAD_IN_BACKGROUND_FROM: u64 = 2 * 1024 * 1024;

/// How the app is set up; tests use their own folders and no native dialogs.
pub struct Settings {
    pub dirs: AppDirs,
    /// Use the system's file dialogs (rfd); otherwise type a path.
    pub native_dialogs: bool,
    /// A fixed "today" (`--today`, tests); `None` follows the system clock.
    pub today: Option<Date>,
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    NewEmpty,
    NewFromSample,
    /// Open this file, or ask which.
    Open(Option<PathBuf>),
    Quit,
}

/// A dialog that needs an answer before anything else.
pub enum Modal {
    Unsaved(Then),
    ChangedOnDisk,
    /// A typed path, when no native dialog is available.
    AskPath {
        save: bool,
        text: String,
        /// What to do once saved (when saving was asked for by New, Open or Quit).
        then: Option<Then>,
    },
    Recover(Box<Recovery>),
}

/// A file being read on a worker thread.
struct Loading {
    path: PathBuf,
    rx: mpsc::Receiver<Result<(Plan, io::DiskStamp), io::LoadError>>,
}

/// The running app.
pub struct App {
    pub(super) doc: Document,
    pub(super) view: View,
    pub(super) views: Views,
    pub(super) settings: Settings,
    pub(super) recent: Vec<PathBuf>,
    pub(super) modal: Option<Modal>,
    /// A message for the user (an error, or what just happened).
    pub(super) notice: Option<String>,
    derived: Derived,
    /// When the document last changed, and the version last autosaved.
    last_change: (u64, f64),
    autosaved: (u64, u64),
    loading: Option<Loading>,
    /// Today's date, and when (egui time) the clock was last read.
    today: (Date, f64),
    allow_close: bool,
    shown_title: String,
    screenshot: Option<Screenshot>,
}

impl App {
    /// Starts on `file`, else the last plan used, else the sample. Offers to
    /// restore unsaved changes left by a crash.
    pub fn new(file: Option<&Path>, settings: Settings) -> Self {
        let recent = settings.dirs.read_recent();
        let mut app = Self {
            doc: Document::new(io::sample_plan(), None, None),
            view: View::Today,
            views: Views::default(),
            settings,
            recent,
            modal: None,
            notice: None,
            derived: Derived::default(),
            last_change: (0, 0.0),
            autosaved: (0, 0),
            loading: None,
            today: (crate::clock::system_today(), 0.0),
            allow_close: false,
            shown_title: String::new(),
            screenshot: None,
        };
        let start = file
            .map(Path::to_path_buf)
            .or_else(|| app.recent.first().filter(|p| p.exists()).cloned());
        if let Some(path) = start {
            match io::load(&path) {
                Ok((plan, stamp)) => app.opened(plan, path, stamp),
                Err(e) => app.notice = Some(format!("Could not open the plan. {e}")),
            }
        }
        if let Some(recovery) = app.settings.dirs.read_recovery() {
            app.modal = Some(Modal::Recover(Box::new(recovery)));
        }
        app
    }

    /// An app on a plan already in memory, not tied to a file (for tests
    /// and benchmarks).
    pub fn from_plan(plan: Plan, settings: Settings) -> Self {
        let mut app = Self::new(None, settings);
        app.doc = Document::new(plan, None, None);
        app.modal = None;
        app
    }

    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The views' state, to set filters or scroll from outside (tests, benchmarks).
    pub fn views_mut(&mut self) -> &mut Views {
        &mut self.views
    }

    /// Applies an edit as if made in a view, and brings derived numbers up to date.
    pub fn apply_edit(&mut self, edit: Edit) -> Result<(), crate::model::EditError> {
        self.doc.apply(edit, 0.0, false)?;
        self.derived.refresh(&self.doc, self.today());
        Ok(())
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn set_view(&mut self, view: View) {
        self.view = view;
    }

    /// The date the app treats as today.
    pub fn today(&self) -> Date {
        self.settings.today.unwrap_or(self.today.0)
    }

    /// Reads the system clock every half minute, so an app left open past
    /// midnight logs the new day.
    fn tick_clock(&mut self, now: f64) {
        if self.settings.today.is_none() && (now - self.today.1).abs() > 30.0 {
            self.today = (crate::clock::system_today(), now);
        }
    }

    /// Saves a picture of the window to `path` after a few frames, then closes.
    pub fn take_screenshot(&mut self, path: PathBuf, outcome: Outcome) {
        self.screenshot = Some(Screenshot::new(path, outcome));
    }

    fn opened(&mut self, plan: Plan, path: PathBuf, stamp: io::DiskStamp) {
        self.recent = self.settings.dirs.add_recent(&path);
        self.doc = Document::new(plan, Some(path), Some(stamp));
        self.views = Views::default();
    }

    /// Runs a command from a menu, a button or the keyboard.
    pub fn run(&mut self, command: Command) {
        match command {
            Command::NewEmpty => self.then_or_ask(Then::NewEmpty),
            Command::NewFromSample => self.then_or_ask(Then::NewFromSample),
            Command::Open => self.then_or_ask(Then::Open(None)),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::Show(view) => self.view = view,
            Command::Quit => self.then_or_ask(Then::Quit),
        }
    }

    /// Opens a file (from Open Recent or a drop), asking about unsaved changes first.
    pub fn open_path(&mut self, path: PathBuf) {
        self.then_or_ask(Then::Open(Some(path)));
    }

    /// Does `then` now, or first asks what to do with unsaved changes.
    fn then_or_ask(&mut self, then: Then) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.go(then);
        }
    }

    fn go(&mut self, then: Then) {
        if !matches!(then, Then::Open(_)) {
            self.views = Views::default();
        }
        match then {
            Then::NewEmpty => self.doc = Document::new(Plan::default(), None, None),
            Then::NewFromSample => self.doc = Document::new(io::sample_plan(), None, None),
            Then::Open(Some(path)) => self.load(path),
            Then::Open(None) => {
                if let Some(path) = self.pick_file(false) {
                    self.load(path);
                }
            }
            Then::Quit => self.allow_close = true,
        }
    }

    /// Reads a plan; on failure the current plan stays open and the error is shown.
    fn load(&mut self, path: PathBuf) {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size < LOAD_IN_BACKGROUND_FROM {
            self.finish_load(path.clone(), io::load(&path));
            return;
        }
        let (tx, rx) = mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(io::load(&p));
        });
        self.loading = Some(Loading { path, rx });
    }

    fn finish_load(&mut self, path: PathBuf, result: Result<(Plan, io::DiskStamp), io::LoadError>) {
        match result {
            Ok((plan, stamp)) => {
                self.opened(plan, path, stamp);
                self.notice = None;
            }
            Err(e) => {
                self.notice = Some(format!(
                    "Could not open the plan; your current plan is still open. {e}"
                ));
            }
        }
    }

    /// Saves to the plan's file (or asks where); true if saved.
    fn save(&mut self) -> bool {
        let Some(path) = self.doc.path.clone() else {
            return self.save_as();
        };
        self.save_to(path, false)
    }

    fn save_as(&mut self) -> bool {
        match self.pick_file(true) {
            Some(path) => self.save_to(path, true),
            None => false,
        }
    }

    /// Writes the plan to `path`. Without `force`, a file changed by another
    /// program since it was read is not overwritten: the user is asked.
    pub(super) fn save_to(&mut self, path: PathBuf, force: bool) -> bool {
        let expected = if force || self.doc.path.as_ref() != Some(&path) {
            None
        } else {
            self.doc.stamp.as_ref()
        };
        match io::save(&path, self.doc.plan(), expected) {
            Ok(stamp) => {
                self.recent = self.settings.dirs.add_recent(&path);
                // The recovery copy was kept under the old name (or "untitled").
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                self.doc.mark_saved(path, stamp);
                self.notice = None;
                true
            }
            Err(io::SaveError::ChangedOnDisk { .. }) => {
                self.modal = Some(Modal::ChangedOnDisk);
                false
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                false
            }
        }
    }

    /// A path from the system's dialog; without one, the typed-path dialog
    /// opens and `None` is returned for now.
    fn pick_file(&mut self, save: bool) -> Option<PathBuf> {
        if self.settings.native_dialogs {
            let dialog = rfd::FileDialog::new().add_filter("Stepstone plan", &["ron"]);
            let dialog = match self.doc.path.as_ref().and_then(|p| p.parent()) {
                Some(dir) => dialog.set_directory(dir),
                None => dialog,
            };
            let started = std::time::Instant::now();
            let picked = if save {
                dialog.set_file_name("plan.stepstone.ron").save_file()
            } else {
                dialog.pick_file()
            };
            if picked.is_some() {
                return picked;
            }
            // rfd answers None both for "cancelled" and "no dialog available";
            // an instant None means there was no dialog to cancel.
            if started.elapsed().as_millis() > 300 {
                return None;
            }
        }
        // Saving starts from the current file's path; opening from its folder.
        let start = match (&self.doc.path, save) {
            (Some(p), true) => Some(p.clone()),
            (Some(p), false) => p.parent().map(Path::to_path_buf),
            (None, _) => std::env::current_dir().ok(),
        };
        let mut text = start.map(|p| p.display().to_string()).unwrap_or_default();
        if !save && !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        self.modal = Some(Modal::AskPath {
            save,
            text,
            then: None,
        });
        None
    }

    /// Applies the edits a frame produced. Edits made while typing in a
    /// field join into one undo step; others are one step each.
    fn apply(&mut self, edits: Vec<Edit>, now: f64, typing: bool) {
        for edit in edits {
            if let Err(e) = self.doc.apply(edit, now, typing) {
                self.notice = Some(format!("That change could not be made: {e}."));
            }
        }
    }

    /// Writes unsaved changes to the recovery file after a quiet spell.
    fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let revision = self.doc.revision();
        if revision != self.last_change.0 {
            self.last_change = (revision, now);
        }
        if !self.doc.is_dirty() {
            // Undone back to the saved state: the recovery copy is out of date.
            if self.autosaved != (0, 0) {
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                self.autosaved = (0, 0);
            }
            return;
        }
        if self.doc.version() == self.autosaved {
            return;
        }
        let wait = self.last_change.1 + AUTOSAVE_AFTER - now;
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        match self.settings.dirs.write_recovery(
            self.doc.path.as_deref(),
            self.doc.stamp.as_ref(),
            self.doc.plan(),
        ) {
            Ok(()) => self.autosaved = self.doc.version(),
            Err(e) => {
                self.notice = Some(format!(
                    "Could not write the recovery copy of your changes: {e}"
                ));
            }
        }
    }

    fn title(&self) -> String {
        let name = self.doc.path.as_ref().map_or_else(
            || "Untitled plan".to_string(),
            |p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            },
        );
        let dirty = if self.doc.is_dirty() { "\u{25cf} " } else { "" };
        format!("{dirty}{name} - Stepstone")
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        if self.modal.is_none()
            && let Some(command) = Command::pressed(ctx)
        {
            self.run(command);
        }
        let dropped: Option<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.open_path(path);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(Then::Quit));
            } else if !matches!(self.modal, Some(Modal::Recover(_))) {
                // A clean close; an unanswered offer to restore keeps its copy.
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
            }
        }
        if let Some(loading) = &self.loading
            && let Ok(result) = loading.rx.try_recv()
        {
            let path = loading.path.clone();
            self.loading = None;
            self.finish_load(path, result);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [Command::NewEmpty, Command::NewFromSample, Command::Open] {
                    if c.menu_button(ui, true) {
                        self.run(c);
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.recent.is_empty() {
                        ui.label("No recent plans yet.");
                    }
                    for path in self.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.open_path(path);
                        }
                    }
                });
                ui.separator();
                for c in [Command::Save, Command::SaveAs] {
                    if c.menu_button(ui, true) {
                        self.run(c);
                    }
                }
                ui.separator();
                if Command::Quit.menu_button(ui, true) {
                    self.run(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if Command::Undo.menu_button(ui, self.doc.can_undo()) {
                    self.run(Command::Undo);
                }
                if Command::Redo.menu_button(ui, self.doc.can_redo()) {
                    self.run(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                for v in View::ALL {
                    if Command::Show(v).menu_button(ui, true) {
                        self.run(Command::Show(v));
                    }
                }
                ui.separator();
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                ui.label("Stepstone: your current role as a stepping stone to the next.");
                ui.label("Ctrl+1 to Ctrl+7 switch views; Tab moves between fields.");
                ui.label("Plans are plain text (RON): see the README for the format.");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let file = self.doc.path.as_ref().map_or_else(
                || "Not saved to a file yet".to_string(),
                |p| p.display().to_string(),
            );
            ui.label(file);
            ui.separator();
            if self.doc.is_dirty() {
                let autosaved = if self.autosaved == self.doc.version() {
                    " (recovery copy kept)"
                } else {
                    ""
                };
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("Unsaved changes{autosaved}"),
                );
            } else if self.doc.path.is_some() {
                // A new plan not yet written anywhere is not "Saved".
                ui.label("Saved");
            }
            let problems = self.derived.problems.all();
            if !problems.is_empty() {
                ui.separator();
                let text = if problems.len() == 1 {
                    "1 problem".to_string()
                } else {
                    format!("{} problems", problems.len())
                };
                ui.menu_button(
                    egui::RichText::new(format!("\u{26a0} {text}"))
                        .color(ui.visuals().warn_fg_color),
                    |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(300.0)
                            .show(ui, |ui| {
                                for p in problems {
                                    ui.label(p.to_string());
                                }
                            });
                    },
                );
            }
        });
    }

    fn notice_bar(&mut self, ui: &mut egui::Ui) {
        let Some(text) = self.notice.clone() else {
            return;
        };
        egui::Panel::top("notice").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, text);
                if ui.button("Dismiss").clicked() {
                    self.notice = None;
                }
            });
        });
    }

    fn nav(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for v in View::ALL {
            let shortcut = Command::Show(v)
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            if ui
                .selectable_label(self.view == v, v.label())
                .on_hover_text(shortcut)
                .clicked()
            {
                self.view = v;
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.handle_input(&ctx);
        self.tick_clock(now);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.nav(ui));
        let mut edits = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            self.notice_bar(ui);
            if let Some(loading) = &self.loading {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Opening {}\u{2026}", loading.path.display()));
                });
                ctx.request_repaint();
                return;
            }
            // After the menus, which may have changed or replaced the plan.
            self.derived.refresh(&self.doc, self.today());
            let cx = ViewCtx {
                doc: &self.doc,
                plan: self.doc.plan(),
                today: self.today(),
                problems: &self.derived.problems,
                derived: &self.derived,
            };
            match self.view {
                View::Today => self.views.today.ui(ui, &cx, &mut edits),
                View::Log => self.views.log.ui(ui, &cx, &mut edits),
                View::Review => self.views.review.ui(ui, &cx, &mut edits),
                View::Roadmap => self.views.roadmap.ui(ui, &cx, &mut edits),
                View::Skills => self.views.skills.ui(ui, &cx, &mut edits),
                View::Goals => self.views.goals.ui(ui, &cx, &mut edits),
                View::People => self.views.people.ui(ui, &cx, &mut edits),
            }
        });
        let typing = ctx.text_edit_focused();
        self.apply(edits, now, typing);
        self.modal_ui(&ctx);
        self.autosave(&ctx, now);
        if self.allow_close {
            self.settings.dirs.clear_recovery(self.doc.path.as_deref());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(shot) = &mut self.screenshot {
            shot.on_frame(&ctx);
        }
    }
}
