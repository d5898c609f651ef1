//! The app: the open document, the views, and the frame loop. Menus, keys,
//! buttons and dialogs queue actions; they run in one place at the start
//! of the next frame, before anything is drawn. Views push edits, applied
//! after the views.

pub mod commands;
pub mod derived;
mod dialogs;
pub mod document;
mod files;
mod folder;
mod merging;
mod screenshot;
mod shell;

pub use screenshot::Outcome;

use super::Notice;
use super::dialogs::{self as dialog, About, Dialog, Prompt, Then};
use super::storage::{AppDirs, Look, Theme};
use super::views::{Ask, Asks, ViewCtx, Views};
use crate::io;
use crate::model::{Edit, Plan};
use commands::{Command, View};
use derived::Derived;
use document::Document;
use files::FileWork;
use jiff::civil::Date;
use screenshot::Screenshot;
use std::path::{Path, PathBuf};

/// How the app is set up; tests use their own folders and no native dialogs.
pub struct Settings {
    pub dirs: AppDirs,
    /// Use the system's file dialogs (rfd); otherwise type a path.
    pub native_dialogs: bool,
    /// A fixed "today" (`--today`, tests); `None` follows the system clock.
    pub today: Option<Date>,
    /// Greet a first start (no plan given, no last plan) with the welcome
    /// dialog; off for unattended runs (screenshots, tests).
    pub welcome: bool,
    /// Open the built-in sample moved so its last logged day is today (as a
    /// person starts it); off keeps the sample's own dates (`--today`, tests).
    pub live_sample: bool,
}

/// Something asked for during a frame, run at the start of the next.
pub enum Action {
    Run(Command),
    /// Open this file (Open recent, a dropped file).
    OpenPath(PathBuf),
    /// What the dialog just answered ended with.
    Answer(dialog::Outcome),
}

/// How long the first frame waits for the plan the app starts on.
const FIRST_FRAME_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// The running app.
pub struct App {
    pub(super) doc: Document,
    pub(super) view: View,
    pub(super) views: Views,
    pub(super) settings: Settings,
    pub(super) recent: Vec<PathBuf>,
    /// The dialog on screen, if any.
    modal: Option<Dialog>,
    /// A message for the user (an error, or what just happened).
    pub(super) notice: Option<Notice>,
    pub(super) derived: Derived,
    pub(super) files: FileWork,
    /// Actions queued this frame.
    pub(super) pending: Vec<Action>,
    /// Today's date, and when (egui time) the clock was last read.
    today: (Date, f64),
    pub(super) allow_close: bool,
    /// A folder of plans open in the mentor view.
    folder: Option<super::views::folder::Folder>,
    shown_title: String,
    screenshot: Option<Screenshot>,
    /// The window's look as last kept (`None` until the first frame has
    /// put the kept theme in place).
    look: Option<Look>,
    /// Whether a frame was drawn.
    drawn: bool,
}

impl App {
    /// Starts on `file`, else the last plan used, else the sample. Offers to
    /// restore unsaved changes left by a crash.
    pub fn new(file: Option<&Path>, settings: Settings) -> Self {
        let recent = settings.dirs.read_recent();
        let mut app = Self {
            doc: Document::new(Plan::default(), None, None),
            view: View::Today,
            views: Views::default(),
            settings,
            recent,
            modal: None,
            notice: None,
            derived: Derived::default(),
            files: FileWork::default(),
            pending: Vec::new(),
            today: (crate::clock::system_today(), 0.0),
            allow_close: false,
            folder: None,
            shown_title: String::new(),
            screenshot: None,
            look: None,
            drawn: false,
        };
        app.doc = Document::new(app.sample(), None, None);
        let start = file
            .map(Path::to_path_buf)
            .or_else(|| app.recent.first().filter(|p| p.exists()).cloned());
        match start {
            Some(path) => app.open_path(path),
            None if app.settings.welcome => app.modal = Some(Dialog::Welcome { first: true }),
            None => {}
        }
        if let Some(recovery) = app.settings.dirs.read_recovery() {
            app.modal = Some(Dialog::Prompt(Prompt::Recover(Box::new(recovery))));
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

    /// Whether the app has agreed to close (after Quit, with nothing unsaved).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.view
    }

    pub fn set_view(&mut self, view: View) {
        self.view = view;
    }

    /// The built-in sample, as an untitled copy. Live (see
    /// [`Settings::live_sample`]) it is moved so that its last logged day is
    /// today, so its streak, due milestones and plots are current.
    pub(super) fn sample(&self) -> Plan {
        let sample = io::sample_plan();
        if self.settings.live_sample {
            sample.brought_up_to(self.today())
        } else {
            sample
        }
    }

    /// Sets the app's clock to `today`, as if the day had passed (tests).
    pub fn set_today(&mut self, today: Date) {
        self.settings.today = Some(today);
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

    /// Runs a command from a menu, a button or the keyboard.
    pub fn run(&mut self, command: Command) {
        if self.blocked(command) {
            return;
        }
        match command {
            Command::New => self.modal = Some(Dialog::Welcome { first: false }),
            Command::GuidedStart => self.then_or_ask(Then::GuidedStart),
            Command::NewEmpty => self.then_or_ask(Then::NewEmpty),
            Command::NewFromSample => self.then_or_ask(Then::NewFromSample),
            Command::NewFromTemplate => self.modal = Some(Dialog::Templates { selected: 0 }),
            Command::Open => self.then_or_ask(Then::Open(None)),
            Command::Import => self.start_import(),
            Command::Occupations => self.modal = Some(Dialog::Occupations(Box::default())),
            Command::About => {
                let about = About::new(&self.settings.dirs, self.doc.path.as_deref());
                self.modal = Some(Dialog::About(Box::new(about)));
            }
            Command::OpenFolder => self.pick_folder(),
            Command::BackToFolder => self.back_to_folder(),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
            Command::ExportForSharing => self.export_for_sharing(),
            Command::Export(format) => self.open_export(format),
            Command::Undo | Command::Redo => {
                let moved = if command == Command::Undo {
                    self.doc.undo()
                } else {
                    self.doc.redo()
                };
                // News of what was just done ("Imported…") no longer holds.
                if moved && self.notice.as_ref().is_some_and(|n| !n.is_error) {
                    self.notice = None;
                }
            }
            Command::Show(view) => self.view = view,
            Command::Quit => self.then_or_ask(Then::Quit),
        }
    }

    /// Runs what was queued: the one place where commands change the app.
    fn run_pending(&mut self) {
        for action in std::mem::take(&mut self.pending) {
            match action {
                Action::Run(command) => self.run(command),
                Action::OpenPath(path) => self.then_or_ask(Then::Open(Some(path))),
                Action::Answer(answer) => self.answer(answer),
            }
        }
    }

    /// Applies the edits a frame produced. Edits made while typing in a
    /// field join into one undo step; others are one step each.
    fn apply(&mut self, edits: Vec<Edit>, now: f64, typing: bool) {
        for edit in edits {
            if let Err(e) = self.doc.apply(edit, now, typing) {
                self.notice = Some(Notice::error(format!(
                    "That change could not be made: {e}."
                )));
            }
        }
    }

    fn title(&self) -> String {
        if let Some(title) = self.folder_title() {
            return title;
        }
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

    /// Queues what the keyboard, a dropped file or the window's close button asks for.
    fn take_input(&mut self, ctx: &egui::Context) {
        if self.modal.is_none()
            && let Some(command) = Command::pressed(ctx)
        {
            self.pending.push(Action::Run(command));
        }
        self.back_key(ctx);
        let dropped: Option<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.pending.push(Action::OpenPath(path));
        }
        self.keep_look(ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                // The window stays; quitting goes through the queue, which asks first.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.pending.push(Action::Run(Command::Quit));
            } else if !matches!(self.modal, Some(Dialog::Prompt(Prompt::Recover(_)))) {
                // A clean close; an unanswered offer to restore keeps its copy.
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
            }
        }
    }

    /// The first frame puts the kept theme in place; later, a theme picked
    /// in the View menu, or the window closing, keeps the look for the next
    /// start.
    fn keep_look(&mut self, ctx: &egui::Context) {
        let (size, place) = ctx.input(|i| {
            let viewport = i.viewport();
            (
                viewport
                    .inner_rect
                    .map_or([1280.0, 800.0], |r| [r.width(), r.height()]),
                viewport.outer_rect.map(|r| [r.min.x, r.min.y]),
            )
        });
        let Some(kept) = self.look else {
            let kept = self.settings.dirs.read_look();
            let theme = kept.map_or(Theme::System, |l| l.theme);
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Dark => egui::ThemePreference::Dark,
                Theme::Light => egui::ThemePreference::Light,
            });
            self.look = Some(Look { theme, size, place });
            return;
        };
        let theme = match ctx.options(|o| o.theme_preference) {
            egui::ThemePreference::System => Theme::System,
            egui::ThemePreference::Dark => Theme::Dark,
            egui::ThemePreference::Light => Theme::Light,
        };
        let closing = ctx.input(|i| i.viewport().close_requested());
        if theme != kept.theme || closing {
            let look = Look { theme, size, place };
            self.settings.dirs.write_look(&look);
            self.look = Some(look);
        }
    }

    /// While a file is read or written: a spinner saying which, and true
    /// (nothing else is drawn then).
    pub(super) fn busy_bar(&self, ui: &mut egui::Ui) -> bool {
        let Some(busy) = self.files.busy() else {
            return false;
        };
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(busy);
        });
        ui.ctx().request_repaint();
        true
    }

    fn views_ui(&mut self, ui: &mut egui::Ui, edits: &mut Vec<Edit>) {
        self.read_only_bar(ui);
        self.notice_bar(ui);
        if self.busy_bar(ui) {
            return;
        }
        let asks = Asks::default();
        let cx = ViewCtx {
            doc: &self.doc,
            plan: self.doc.plan(),
            today: self.today(),
            problems: &self.derived.problems,
            derived: &self.derived,
            asks: &asks,
        };
        match self.view {
            View::Today => self.views.today.ui(ui, &cx, edits),
            View::Log => self.views.log.ui(ui, &cx, edits),
            View::Review => self.views.review.ui(ui, &cx, edits),
            View::Roadmap => self.views.roadmap.ui(ui, &cx, edits),
            View::Skills => self.views.skills.ui(ui, &cx, edits),
            View::Goals => self.views.goals.ui(ui, &cx, edits),
            View::People => self.views.people.ui(ui, &cx, edits),
            View::Insights => self.views.insights.ui(ui, &cx, edits),
        }
        for ask in asks.take() {
            let view = match ask {
                Ask::OpenLog(filter) => {
                    self.views.log.show_filtered(filter);
                    View::Log
                }
                Ask::QuickLog => {
                    self.views.today.focus_quick_log();
                    View::Today
                }
                Ask::Occupations => {
                    self.pending.push(Action::Run(Command::Occupations));
                    continue;
                }
                Ask::OpenGoal(goal) => {
                    self.views.goals.show_goal(goal);
                    View::Goals
                }
            };
            self.pending.push(Action::Run(Command::Show(view)));
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.tick_clock(now);
        self.take_input(&ctx);
        if !self.drawn {
            // The plan the app starts on is read while the window opens:
            // a short wait shows it at once, not the sample and a spinner.
            self.wait_for_plan(FIRST_FRAME_WAIT);
            self.drawn = true;
        }
        self.poll_files();
        self.run_pending();
        if self.view == View::Insights {
            self.derived.refresh_series(&self.doc, self.today());
        } else {
            self.derived.refresh(&self.doc, self.today());
        }
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let listing = self.showing_folder();
        if !listing {
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(170.0)
                .show(ui, |ui| self.nav(ui));
        }
        let mut edits = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            if listing {
                self.folder_ui(ui);
            } else {
                self.views_ui(ui, &mut edits);
            }
        });
        let typing = ctx.text_edit_focused();
        self.apply(edits, now, typing);
        let env = dialog::Env {
            file: self.doc.path.as_deref(),
            plan: self.doc.plan(),
            today: self.today(),
            native_dialogs: self.settings.native_dialogs,
        };
        if let Some(outcome) = dialog::show(&ctx, &mut self.modal, &env) {
            self.pending.push(Action::Answer(outcome));
        }
        self.autosave(&ctx, now);
        if self.allow_close {
            self.settings.dirs.clear_recovery(self.doc.path.as_deref());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !self.pending.is_empty() {
            ctx.request_repaint();
        }
        let settled = self.files.busy().is_none()
            && !self
                .folder
                .as_ref()
                .is_some_and(super::views::folder::Folder::is_reading);
        if let Some(shot) = &mut self.screenshot {
            shot.on_frame(&ctx, settled);
        }
    }
}
