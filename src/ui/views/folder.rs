//! The folder of plans, for a mentor who receives several people's plans
//! (share copies or full plans): File > Open folder of plans, or
//! `stepstone FOLDER`. Each plan is a row: the person, their current and
//! next role, readiness and forecast arrival, goals at risk, the last day
//! they logged and their time in the last 4 weeks. The files are read on
//! worker threads behind a progress bar, and a broken one shows its error
//! in its row. A click opens that plan read-only, with every view; Back
//! (or Escape) returns to the list.

use crate::io::folder::{self, FolderRow};
use crate::model::Overview;
use crate::model::insights::Standing;
use crate::model::insights::duration;
use crate::ui::dialogs::name_of;
use crate::ui::widgets;
use crate::ui::widgets::ListTable;
use crate::ui::work;
use egui::{RichText, Ui};
use egui_extras::Column;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// A table column to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortBy {
    #[default]
    Person,
    CurrentRole,
    NextRole,
    Ready,
    Arrives,
    AtRisk,
    LastLogged,
    Recent,
}

/// An open folder of plans.
pub struct Folder {
    path: PathBuf,
    rows: Rows,
    sort: SortBy,
    descending: bool,
    /// The list is on screen; otherwise a plan opened from it is.
    showing: bool,
}

enum Rows {
    /// Files read so far, of `total`.
    Reading {
        total: usize,
        done: Arc<AtomicUsize>,
        rx: mpsc::Receiver<Vec<FolderRow>>,
    },
    Read(Vec<FolderRow>),
}

/// What the person asked for on the list.
#[derive(Clone, Debug, PartialEq)]
pub enum FolderOutcome {
    /// Open this plan, read-only.
    Open(PathBuf),
    /// Read the folder again.
    ReadAgain,
}

impl Folder {
    /// Lists the plans in `path` and starts reading them on a worker
    /// thread (their forecasts as of `today`). Reading a folder again keeps
    /// its order (`was`, the folder open before).
    pub fn open(
        path: PathBuf,
        today: jiff::civil::Date,
        was: Option<&Folder>,
    ) -> Result<Self, String> {
        let paths = folder::list_plans(&path).map_err(|e| e.to_string())?;
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let total = paths.len();
        let rx = work::run(true, move || folder::read_rows(&paths, today, &counter));
        let (sort, descending) = was
            .filter(|f| f.path == path)
            .map_or((SortBy::default(), false), |f| (f.sort, f.descending));
        Ok(Self {
            path,
            rows: Rows::Reading { total, done, rx },
            sort,
            descending,
            showing: true,
        })
    }

    /// The folder's path.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Whether the list is on screen (rather than a plan opened from it).
    pub fn is_showing(&self) -> bool {
        self.showing
    }

    /// Shows the list, or the plan opened from it.
    pub fn show_list(&mut self, showing: bool) {
        self.showing = showing;
    }

    /// Takes the rows in once they are all read.
    pub fn poll(&mut self) {
        if let Rows::Reading { rx, .. } = &self.rows
            && let Ok(rows) = rx.try_recv()
        {
            self.rows = Rows::Read(rows);
            self.sort();
        }
    }

    /// For the status bar: how many plans, or how many are being read.
    pub fn status(&self) -> String {
        match &self.rows {
            Rows::Reading { total, .. } => {
                format!("Reading {}", crate::model::plural(*total, "plan"))
            }
            Rows::Read(rows) => crate::model::plural(rows.len(), "plan"),
        }
    }

    /// The list: a progress bar while the files are read, then the table;
    /// what the person asked for, if anything.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<FolderOutcome> {
        let mut read_again = false;
        ui.horizontal(|ui| {
            ui.heading("Folder of plans");
            ui.label(RichText::new(self.path.display().to_string()).weak());
            read_again = ui
                .add_enabled(!self.is_reading(), egui::Button::new("\u{27f3} Read again"))
                .on_hover_text("Read the folder again, for plans added or changed since")
                .clicked();
        });
        let open = match &self.rows {
            Rows::Reading { total, done, .. } => {
                let done = done.load(Ordering::Relaxed).min(*total);
                #[expect(clippy::cast_precision_loss, reason = "a share for a progress bar")]
                let share = done as f32 / (*total).max(1) as f32;
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(420.0)
                        .text(format!("Reading {done} of {total} plans\u{2026}")),
                );
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                None
            }
            Rows::Read(rows) if rows.is_empty() => {
                widgets::hint(
                    ui,
                    "No plans in this folder. Plans are files that end in .stepstone.ron; a copy \
                     made with Export for sharing ends in .shared.stepstone.ron.",
                );
                None
            }
            Rows::Read(_) => {
                ui.label(summary_line(self.rows()));
                ui.add_space(4.0);
                table(ui, self)
            }
        };
        if read_again {
            Some(FolderOutcome::ReadAgain)
        } else {
            open.map(FolderOutcome::Open)
        }
    }

    /// Whether the files are still being read (for `--screenshot`).
    pub fn is_reading(&self) -> bool {
        matches!(self.rows, Rows::Reading { .. })
    }

    /// The rows read, in the order shown; empty while reading.
    pub fn rows(&self) -> &[FolderRow] {
        match &self.rows {
            Rows::Read(rows) => rows,
            Rows::Reading { .. } => &[],
        }
    }

    /// Sorts the rows by the chosen column, ties by person; files that
    /// could not be read come last, by name.
    fn sort(&mut self) {
        use std::cmp::Ordering;
        let Rows::Read(rows) = &mut self.rows else {
            return;
        };
        let (by, descending) = (self.sort, self.descending);
        let person =
            |a: &FolderRow, b: &FolderRow| a.person.to_lowercase().cmp(&b.person.to_lowercase());
        rows.sort_by(|a, b| match (&a.overview, &b.overview) {
            (Ok(x), Ok(y)) => {
                let order = compare(by, x, y).then_with(|| person(a, b));
                if descending { order.reverse() } else { order }
            }
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            (Err(_), Err(_)) => person(a, b),
        });
    }
}

/// The order of two plans by a column; `Equal` by person, which breaks ties.
fn compare(by: SortBy, a: &Overview, b: &Overview) -> std::cmp::Ordering {
    let lower = |s: &Option<String>| s.as_ref().map(|s| s.to_lowercase());
    let score = |o: &Overview| o.readiness.map_or(-1.0, |r| r.score);
    // Plans without a forecast after every date.
    let arrives = |o: &Overview| {
        o.forecast
            .as_ref()
            .map_or((u8::MAX, None), crate::model::insights::Forecast::sort_key)
    };
    match by {
        SortBy::Person => std::cmp::Ordering::Equal,
        SortBy::CurrentRole => lower(&a.current_role).cmp(&lower(&b.current_role)),
        SortBy::NextRole => lower(&a.next_role).cmp(&lower(&b.next_role)),
        SortBy::Ready => score(a).total_cmp(&score(b)),
        SortBy::Arrives => arrives(a).cmp(&arrives(b)),
        SortBy::AtRisk => a.goals_at_risk.len().cmp(&b.goals_at_risk.len()),
        SortBy::LastLogged => a.last_logged.cmp(&b.last_logged),
        SortBy::Recent => a.recent_minutes.cmp(&b.recent_minutes),
    }
}

/// "6 plans, 1 could not be read. Click a plan to open it, read-only."
fn summary_line(rows: &[FolderRow]) -> String {
    let broken = rows.iter().filter(|r| r.overview.is_err()).count();
    let plans = crate::model::plural(rows.len(), "plan");
    let broken = match broken {
        0 => String::new(),
        1 => ", 1 could not be read".to_string(),
        n => format!(", {n} could not be read"),
    };
    format!("{plans}{broken}. Click a plan to open it, read-only, with every view.")
}

/// The folder's table; the path of the plan clicked, if any.
fn table(ui: &mut Ui, f: &mut Folder) -> Option<PathBuf> {
    let mut sort = (f.sort, f.descending);
    let titles = [
        ("Person", SortBy::Person, ""),
        ("Current role", SortBy::CurrentRole, ""),
        ("Next role", SortBy::NextRole, ""),
        (
            "Ready",
            SortBy::Ready,
            "Readiness for the next role: for each skill it asks for, the level reached over \
             the level needed (at most 100%), averaged.",
        ),
        (
            "Forecast",
            SortBy::Arrives,
            "Where the person stands against the date they want for the next role; hover a cell for why.",
        ),
        (
            "Goals at risk",
            SortBy::AtRisk,
            "Open goals below 75% of where their pace line says they should be by today.",
        ),
        ("Last logged", SortBy::LastLogged, ""),
        (
            "Last 4 weeks",
            SortBy::Recent,
            "Time logged in the last 28 days, today included.",
        ),
    ];
    let outer_clip = ui.clip_rect();
    let columns = [
        Column::initial(170.0).at_least(100.0).clip(true),
        Column::initial(190.0).at_least(80.0).clip(true),
        Column::initial(190.0).at_least(80.0).clip(true),
        Column::initial(70.0).at_least(60.0).clip(true),
        Column::initial(175.0).at_least(80.0).clip(true),
        Column::remainder().at_least(120.0).clip(true),
        Column::initial(110.0).at_least(80.0).clip(true),
        Column::initial(110.0).at_least(80.0).clip(true),
    ];
    let header = |h: &mut egui_extras::TableRow<'_, '_>| {
        for (title, by, hover) in titles {
            h.col(|ui| {
                let r = widgets::sort_header(ui, title, by, &mut sort.0, &mut sort.1);
                if !hover.is_empty() {
                    r.on_hover_text(hover);
                }
            });
        }
    };
    let rows = f.rows();
    let clicked = ListTable::new(columns)
        .header_height(24.0)
        .row_height(26.0)
        .centred_cells()
        .clickable_rows()
        .show(ui, header, rows.len(), None, |row| {
            let r = &rows[row.index()];
            row.item(r.path.clone());
            let opened = match &r.overview {
                Ok(o) => plan_row(row.table_row(), r, o),
                Err(e) => broken_row(row.table_row(), r, e, outer_clip),
            };
            if opened || (r.overview.is_ok() && row.response().clicked()) {
                row.pick();
            }
        });
    if sort != (f.sort, f.descending) {
        (f.sort, f.descending) = sort;
        f.sort();
    }
    clicked
}

/// A plan's cells; true if its name was clicked.
fn plan_row(row: &mut egui_extras::TableRow<'_, '_>, r: &FolderRow, o: &Overview) -> bool {
    let mut clicked = false;
    row.col(|ui| {
        let hover = if r.shared {
            format!("{}\nA copy shared without private notes.", r.path.display())
        } else {
            r.path.display().to_string()
        };
        clicked = ui
            .add(egui::Button::selectable(false, &r.person).truncate())
            .on_hover_text(hover)
            .clicked();
        if r.shared {
            ui.label(RichText::new("shared").weak().small());
        }
    });
    for role in [&o.current_role, &o.next_role] {
        row.col(|ui| match role {
            Some(title) => {
                ui.add(egui::Label::new(title).truncate());
            }
            None => none(ui),
        });
    }
    row.col(|ui| match o.readiness {
        Some(r) => {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a share from 0 to 1, shown as 0 to 100"
            )]
            let percent = (r.score * 100.0).round() as u32;
            ui.label(format!("{percent}%")).on_hover_text(format!(
                "{} of {} skills at the level the next role needs",
                r.met, r.required
            ));
        }
        None => none(ui),
    });
    row.col(|ui| match &o.forecast {
        Some(f) => {
            let late = matches!(f.standing(), Standing::Late { .. } | Standing::Overdue);
            let text = RichText::new(f.headline());
            let text = if late {
                text.color(ui.visuals().warn_fg_color)
            } else {
                text
            };
            ui.label(text).on_hover_text(f.sentence());
        }
        None => none(ui),
    });
    row.col(|ui| {
        if o.goals_at_risk.is_empty() {
            none(ui);
        } else {
            let titles = o.goals_at_risk.join(", ");
            ui.add(
                egui::Label::new(RichText::new(&titles).color(ui.visuals().warn_fg_color))
                    .truncate(),
            )
            .on_hover_text(titles);
        }
    });
    row.col(|ui| match o.last_logged {
        Some(day) => {
            ui.label(day.strftime("%-d %b %Y").to_string());
        }
        None => {
            ui.label(RichText::new("Nothing yet").weak());
        }
    });
    row.col(|ui| {
        let minutes = u32::try_from(o.recent_minutes).unwrap_or(u32::MAX);
        let text = RichText::new(duration(minutes));
        ui.label(if minutes == 0 { text.weak() } else { text });
    });
    clicked
}

/// A file that could not be read: its name, then its error across the
/// other columns. Never opens.
fn broken_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    r: &FolderRow,
    error: &str,
    outer_clip: egui::Rect,
) -> bool {
    row.col(|ui| {
        ui.label(
            RichText::new(format!("\u{26a0} {}", name_of(&r.path)))
                .color(ui.visuals().error_fg_color),
        )
        .on_hover_text(r.path.display().to_string());
    });
    // The error spans the other cells: their backgrounds are drawn first,
    // then the text over them from the last cell.
    let (_, first) = row.col(|_| {});
    for _ in 0..5 {
        row.col(|_| {});
    }
    let left = first.rect.left();
    row.col(|ui| {
        let cell = ui.max_rect();
        let span = egui::Rect::from_min_max(egui::pos2(left, cell.top()), cell.max);
        let mut line = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(span)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        line.set_clip_rect(span.intersect(outer_clip));
        line.add(
            egui::Label::new(
                RichText::new(format!("Could not be read: {error}"))
                    .color(line.visuals().error_fg_color),
            )
            .truncate(),
        );
    });
    false
}

/// An empty cell's dash.
fn none(ui: &mut Ui) {
    ui.label(RichText::new("\u{2014}").weak());
}
