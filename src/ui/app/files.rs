//! The file flow: open, save, autosave, the dialogs' answers and what comes
//! after them. Reading and writing large plans runs on a worker thread, so
//! the window stays responsive; small plans are written at once.

use super::commands::View;
use super::derived::LogParts;
use super::document::{Document, Snapshot};
use super::{App, Notice};
use crate::io;
use crate::model::{Base, LogEntry, Plan};
use crate::ui::dialogs::{AskPath, Begin, Dialog, Guided, Pick, Prompt, Then};
use crate::ui::storage::Recovery;
use crate::ui::views::Views;
use crate::ui::work::{WRITE_IN_BACKGROUND_FROM, run};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Seconds of quiet after an edit before unsaved changes are autosaved.
const AUTOSAVE_AFTER: f64 = 3.0;
/// Files larger than this (bytes) are read on a worker thread, with a spinner.
const LOAD_IN_BACKGROUND_FROM: u64 = 2 * 1024 * 1024;

/// A plan read from its file, with the log's numbers built beside it.
type Loaded = Result<(Plan, io::DiskStamp, LogParts), io::LoadError>;

/// A save that went through.
pub struct Written {
    saved: io::Saved,
    /// Of the plan as the file now holds it.
    base: Base,
    /// Entries another program had added to the file, now taken in.
    took_in: Vec<LogEntry>,
}

/// File work in progress, and what the autosave has done.
#[derive(Default)]
pub struct FileWork {
    /// The file being read, whether it opens read-only, and the answer.
    loading: Option<(PathBuf, bool, mpsc::Receiver<Loaded>)>,
    saving: Option<Saving>,
    autosave: Autosave,
    /// The person has agreed that saving over this file drops its comments.
    pub(super) comments_ok: Option<PathBuf>,
    /// Conflicted copies the person chose not to merge now.
    pub(super) declined_copies: Vec<PathBuf>,
}

struct Saving {
    path: PathBuf,
    snapshot: Snapshot,
    then: Option<Then>,
    rx: mpsc::Receiver<Result<Written, io::SaveError>>,
}

/// A recovery copy being written: the document version and the answer.
type AutosaveJob = ((u64, u64), mpsc::Receiver<std::io::Result<()>>);

#[derive(Default)]
struct Autosave {
    /// The document's revision when it last changed, and when (egui time).
    last_change: (u64, f64),
    /// The version last written to the recovery file, or `(0, 0)`.
    written: (u64, u64),
    /// The version whose write failed: not tried again until the plan changes.
    failed: Option<(u64, u64)>,
    job: Option<AutosaveJob>,
}

impl FileWork {
    /// What the spinner says, while a file is being read or written.
    pub fn busy(&self) -> Option<String> {
        if let Some((path, ..)) = &self.loading {
            return Some(format!("Opening {}\u{2026}", path.display()));
        }
        self.saving
            .as_ref()
            .map(|s| format!("Saving {}\u{2026}", s.path.display()))
    }

    /// Whether the recovery copy holds the document's current version.
    pub fn recovery_is_current(&self, doc: &Document) -> bool {
        self.autosave.written == doc.version()
    }
}

/// Writes `snapshot` to `path` under the file's lock. If another program
/// only added log entries since the file was read (a `stepstone log` from a
/// terminal), they are taken in and written too, instead of a conflict.
fn write(
    path: &Path,
    snapshot: &Snapshot,
    expected: Option<&io::DiskStamp>,
) -> Result<Written, io::SaveError> {
    let locked = io::lock(path)?;
    match locked.save(&snapshot.plan, expected) {
        Ok(saved) => Ok(Written {
            saved,
            base: Base::of(&snapshot.plan),
            took_in: Vec::new(),
        }),
        Err(io::SaveError::ChangedOnDisk { path }) => {
            let conflict = || io::SaveError::ChangedOnDisk { path: path.clone() };
            let base = snapshot.base.as_deref().ok_or_else(conflict)?;
            let (disk, stamp) = locked.load().map_err(|_| conflict())?;
            let added = base.appended(&disk).ok_or_else(conflict)?;
            let mut merged = (*snapshot.plan).clone();
            merged
                .apply(snapshot.plan.take_in(added).ok_or_else(conflict)?)
                .map_err(|_| conflict())?;
            let saved = locked.save(&merged, Some(&stamp))?;
            Ok(Written {
                saved,
                base: Base::of(&merged),
                took_in: added.to_vec(),
            })
        }
        Err(e) => Err(e),
    }
}

impl App {
    /// Does `then` now, or first asks what to do with unsaved changes.
    pub(super) fn then_or_ask(&mut self, then: Then) {
        if self.doc.is_dirty() {
            self.modal = Some(Dialog::Prompt(Prompt::Unsaved(then)));
        } else {
            self.go(then);
        }
    }

    fn go(&mut self, then: Then) {
        if !matches!(then, Then::Open(_) | Then::GuidedStart | Then::SetAside(_)) {
            self.views = Views::default();
        }
        match then {
            Then::NewEmpty => self.replace_doc(Document::new(Plan::default(), None, None)),
            Then::NewFromSample => self.replace_doc(Document::new(self.sample(), None, None)),
            Then::NewFromTemplate(name) => {
                let plan = io::templates::template(&name)
                    .map(|t| t.plan())
                    .unwrap_or_default();
                self.replace_doc(Document::new(plan, None, None));
            }
            Then::GuidedStart => {
                let guided = Guided::new(&self.settings.dirs.plans, self.today());
                self.modal = Some(Dialog::Guided(Box::new(guided)));
            }
            Then::Open(Some(path)) => self.open_path(path),
            Then::Open(None) => {
                if let Some(path) = self.pick_path(Pick::Open, None) {
                    self.load(path);
                }
            }
            Then::SetAside(copy) => self.set_aside(&copy),
            Then::Quit => self.allow_close = true,
        }
    }

    /// Puts another document in place of the open one. A plan still being
    /// read is no longer wanted: its result would replace this one.
    fn replace_doc(&mut self, doc: Document) {
        self.files.loading = None;
        self.doc = doc;
        self.folder_follows_doc();
    }

    /// Reads a plan (large ones on a worker thread); on failure the current
    /// plan stays open and the error is shown.
    pub(super) fn load(&mut self, path: PathBuf) {
        self.load_as(path, false);
    }

    /// Reads a plan to open it, read-only (someone else's, from a folder of
    /// plans) or not.
    pub(super) fn load_as(&mut self, path: PathBuf, read_only: bool) {
        let path = std::path::absolute(&path).unwrap_or(path);
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let p = path.clone();
        let rx = run(size >= LOAD_IN_BACKGROUND_FROM, move || {
            io::load(&p).map(|(plan, stamp)| {
                let parts = LogParts::new(&plan);
                (plan, stamp, parts)
            })
        });
        self.files.loading = Some((path, read_only, rx));
        self.poll_files();
    }

    /// Someone else's plan is not added to the recent plans.
    fn opened(&mut self, plan: Plan, path: PathBuf, stamp: io::DiskStamp, read_only: bool) {
        if read_only {
            self.doc = Document::read_only(plan, path, stamp);
        } else {
            self.recent = self.settings.dirs.add_recent(&path);
            self.doc = Document::new(plan, Some(path), Some(stamp));
        }
        self.folder_follows_doc();
        self.views = Views::default();
        self.notice = None;
        self.offer_conflicted_copy();
    }

    /// Picks up finished loads, saves, autosaves and shared copies.
    pub(super) fn poll_files(&mut self) {
        self.poll_folder();
        if let Some((_, _, rx)) = &self.files.loading
            && let Ok(result) = rx.try_recv()
        {
            self.loaded(result);
        }
        if let Some(saving) = &self.files.saving
            && let Ok(result) = saving.rx.try_recv()
            && let Some(saving) = self.files.saving.take()
        {
            self.saved(saving, result);
        }
        if let Some((version, rx)) = &self.files.autosave.job
            && let Ok(result) = rx.try_recv()
        {
            let version = *version;
            self.files.autosave.job = None;
            match result {
                Ok(()) => self.files.autosave.written = version,
                Err(e) => {
                    self.files.autosave.failed = Some(version);
                    self.notice = Some(Notice::error(format!(
                        "Could not write the recovery copy of your changes: {e}. Save the plan to keep them."
                    )));
                }
            }
        }
    }

    /// Waits up to `limit` for the plan being read, so that the window
    /// opens on it rather than on a spinner (the first frame only).
    pub(super) fn wait_for_plan(&mut self, limit: std::time::Duration) {
        if let Some((_, _, rx)) = &self.files.loading
            && let Ok(result) = rx.recv_timeout(limit)
        {
            self.loaded(result);
        }
    }

    /// Opens a plan that was read, or says why it could not be.
    fn loaded(&mut self, result: Loaded) {
        let Some((path, read_only, _)) = self.files.loading.take() else {
            return;
        };
        match result {
            Ok((plan, stamp, parts)) => {
                self.opened(plan, path, stamp, read_only);
                self.derived.adopt(&self.doc, parts);
            }
            Err(e) => {
                let still = if read_only {
                    ""
                } else {
                    " your current plan is still open."
                };
                self.notice = Some(Notice::error(format!(
                    "Could not open the plan;{still} {e}"
                )));
            }
        }
    }

    /// Saves to the plan's file (or asks where), then does `then`.
    pub(super) fn save(&mut self, then: Option<Then>) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(path, false, then),
            None => self.save_as(then),
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Then>) {
        if let Some(path) = self.pick_path(Pick::Save, then.clone()) {
            self.save_as_path(path, then);
        }
    }

    /// Saves to a path picked for Save as. Picking the open file itself
    /// still checks for outside changes; another file is replaced.
    fn save_as_path(&mut self, path: PathBuf, then: Option<Then>) {
        let path = std::path::absolute(&path).unwrap_or(path);
        let other_file = self.doc.path.as_ref() != Some(&path);
        self.save_to(path, other_file, then);
    }

    /// Writes the plan to `path`. Without `force`, a file changed by another
    /// program since it was read is not overwritten: the user is asked
    /// (unless it only gained log entries, which are taken in). A file with
    /// hand-written comments asks first, once.
    pub(super) fn save_to(&mut self, path: PathBuf, force: bool, then: Option<Then>) {
        if let Some(saving) = &mut self.files.saving {
            // A save is under way: go on from it once it is done.
            if saving.then.is_none() {
                saving.then = then;
            }
            return;
        }
        let path = std::path::absolute(&path).unwrap_or(path);
        let same_file = self.doc.path.as_ref() == Some(&path);
        // Only a file that has comments now asks (another program's save
        // may have dropped them since it was read).
        let may_have_comments = !same_file || self.doc.stamp.as_ref().is_some_and(|s| s.comments);
        if may_have_comments
            && self.files.comments_ok.as_ref() != Some(&path)
            && let Ok(bytes) = io::write::read_file(&path)
            && io::format::has_comments(&String::from_utf8_lossy(&bytes))
        {
            self.modal = Some(Dialog::Prompt(Prompt::Comments {
                copy: io::comments_copy_path(&path, &bytes),
                path,
                force,
                then,
            }));
            return;
        }
        let expected = (!force && same_file)
            .then(|| self.doc.stamp.clone())
            .flatten();
        let snapshot = self.doc.snapshot();
        let background = snapshot.plan.log.len() > WRITE_IN_BACKGROUND_FROM;
        let (p, s) = (path.clone(), snapshot.clone());
        let rx = run(background, move || write(&p, &s, expected.as_ref()));
        self.files.saving = Some(Saving {
            path,
            snapshot,
            then,
            rx,
        });
        self.poll_files();
    }

    /// Acts on a finished save.
    fn saved(&mut self, saving: Saving, result: Result<Written, io::SaveError>) {
        let Saving {
            path,
            snapshot,
            then,
            ..
        } = saving;
        match result {
            Ok(written) => {
                if !self.doc.owns(&snapshot) {
                    return; // Another plan was opened meanwhile.
                }
                self.recent = self.settings.dirs.add_recent(&path);
                let took = written.took_in.len();
                let old_path = self.doc.path.clone();
                if !self.doc.record_save(
                    &snapshot,
                    path.clone(),
                    written.saved.stamp,
                    written.base,
                    &written.took_in,
                ) {
                    self.notice = Some(Notice::error(
                        "Saved, but the entries logged elsewhere link to something you deleted \
                         while saving; save again to choose what to keep.",
                    ));
                    return;
                }
                // The recovery copy was kept under the old name (or "untitled").
                self.settings.dirs.clear_recovery(old_path.as_deref());
                self.notice = match (took, &written.saved.comments_kept) {
                    (0, None) => None,
                    (n, kept) => Some(Notice::info(saved_notice(n, kept.as_deref()))),
                };
                if let Some(then) = then {
                    self.then_or_ask(then);
                }
                self.offer_conflicted_copy();
            }
            Err(io::SaveError::ChangedOnDisk { .. }) => {
                self.modal = Some(Dialog::Prompt(Prompt::ChangedOnDisk(then)));
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// A path from the system's dialog; without one, the typed-path dialog
    /// opens (remembering `then`) and `None` is returned for now.
    pub(super) fn pick_path(&mut self, pick: Pick, then: Option<Then>) -> Option<PathBuf> {
        let folder = self.doc.path.as_ref().and_then(|p| p.parent());
        if self.settings.native_dialogs {
            let dialog = rfd::FileDialog::new();
            let dialog = match folder {
                Some(dir) => dialog.set_directory(dir),
                None => dialog,
            };
            let plans = |d: rfd::FileDialog| d.add_filter("Stepstone plan", &["ron"]);
            let started = std::time::Instant::now();
            let picked = match pick {
                Pick::Save => plans(dialog)
                    .set_file_name("plan.stepstone.ron")
                    .save_file(),
                Pick::Open => plans(dialog).pick_file(),
                Pick::Folder => dialog.pick_folder(),
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
        let start = match (&self.doc.path, pick) {
            (Some(p), Pick::Save) => Some(p.clone()),
            (Some(_), _) => folder.map(Path::to_path_buf),
            (None, _) => std::env::current_dir().ok(),
        };
        let mut text = start.map(|p| p.display().to_string()).unwrap_or_default();
        if pick != Pick::Save && !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        self.modal = Some(Dialog::AskPath(AskPath { pick, text, then }));
        None
    }

    /// Writes unsaved changes to the recovery file after a quiet spell (on a
    /// worker thread for large plans). A failed write is not retried until
    /// the plan changes again.
    pub(super) fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let auto = &mut self.files.autosave;
        let revision = self.doc.revision();
        if revision != auto.last_change.0 {
            auto.last_change = (revision, now);
        }
        if !self.doc.is_dirty() {
            // Undone back to the saved state: the recovery copy is out of date.
            if auto.written != (0, 0) {
                self.settings.dirs.clear_recovery(self.doc.path.as_deref());
                auto.written = (0, 0);
            }
            return;
        }
        let version = self.doc.version();
        if auto.written == version || auto.failed == Some(version) || auto.job.is_some() {
            return;
        }
        let wait = auto.last_change.1 + AUTOSAVE_AFTER - now;
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        let snapshot = self.doc.snapshot();
        let (dirs, path, stamp) = (
            self.settings.dirs.clone(),
            self.doc.path.clone(),
            self.doc.stamp.clone(),
        );
        let background = snapshot.plan.log.len() > WRITE_IN_BACKGROUND_FROM;
        let rx = run(background, move || {
            dirs.write_recovery(path.as_deref(), stamp.as_ref(), &snapshot.plan)
        });
        self.files.autosave.job = Some((version, rx));
        self.poll_files();
    }

    /// Drops unsaved changes: the plan goes back to its file (read again,
    /// on a worker thread if large) or, without one, to where it started,
    /// so nothing unsaved stays on screen as "saved".
    pub(super) fn discard_changes(&mut self) {
        while self.doc.undo() {}
        let path = self.doc.path.clone();
        let (plan, stamp) = (self.doc.plan().clone(), self.doc.stamp.clone());
        self.doc = Document::new(plan, path.clone(), stamp);
        self.views = Views::default();
        if let Some(path) = path {
            self.load(path);
        }
    }

    /// Makes the plan the guided start asked for, as one undo step over an
    /// empty plan, saves it under its new name and shows Today.
    pub(super) fn begin(&mut self, begin: Begin) {
        let mut doc = Document::new(Plan::default(), None, None);
        let edit = begin.answers.edit(doc.plan(), self.today());
        if let Err(e) = doc.apply(edit, 0.0, false) {
            self.notice = Some(Notice::error(format!("Could not make the plan: {e}.")));
            return;
        }
        self.replace_doc(doc);
        self.views = Views::default();
        self.view = View::Today;
        let path = begin.path;
        if let Some(folder) = path.parent()
            && let Err(e) = std::fs::create_dir_all(folder)
        {
            self.notice = Some(Notice::error(format!(
                "Your plan is ready but could not be saved in {}: {e}. Save it elsewhere with \
                 File > Save as.",
                folder.display()
            )));
            return;
        }
        self.save_to(path.clone(), false, None);
        if self.doc.path.as_ref() == Some(&path) && !self.doc.is_dirty() {
            self.notice = Some(Notice::info(format!(
                "Your plan is saved as {}. Log what you did today below.",
                path.display()
            )));
        }
    }

    /// Opens the recovered plan as unsaved changes to its file.
    /// The stamp is the one the changes were made to: if the file changed
    /// since, saving asks first.
    pub(super) fn restore(&mut self, r: Recovery) {
        self.replace_doc(Document::restored(r.plan, r.path, r.stamp));
        self.views = Views::default();
    }
}

/// What a save did besides saving.
fn saved_notice(took_in: usize, comments: Option<&Path>) -> String {
    let mut parts = Vec::new();
    if took_in > 0 {
        parts.push(format!(
            "Saved, and took in {} logged elsewhere (for example with `stepstone log`) since you opened the plan.",
            match took_in {
                1 => "1 entry".to_string(),
                n => format!("{n} entries"),
            }
        ));
    }
    if let Some(copy) = comments {
        parts.push(format!(
            "The file's hand-written comments are kept in {}.",
            copy.display()
        ));
    }
    parts.join(" ")
}
