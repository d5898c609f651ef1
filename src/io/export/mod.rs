//! Exports of a plan for other tools and other people: a Markdown or HTML
//! report, the log as CSV, a calendar of milestones (ICS) and an
//! achievements ("brag") document for a review. Each is a string, written by
//! the caller; nothing here changes the plan. No egui here.
//!
//! The numbers come from the model (`model::insights`, `model::metrics`,
//! `model::skill_gaps`); `report.rs` gathers what the Markdown and HTML
//! reports share, and each format's file renders it.

mod brag;
mod csv;
mod html;
mod ics;
mod markup;
mod md;
mod report;
mod svg;

use crate::model::Plan;
use jiff::ToSpan;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Markdown report: purpose, roadmap, skills, goals, milestones, achievements.
    Md,
    /// The same report as one self-contained HTML page with charts.
    Html,
    /// The log, one row per entry.
    Csv,
    /// Milestones and goal due dates as calendar events.
    Ics,
    /// Achievements in a date range, for a review or a mentor meeting (Markdown).
    Brag,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Ics,
        Format::Brag,
    ];

    /// The name on the command line (`--format md`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Brag => "brag",
        }
    }

    /// What it is, for menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown report",
            Format::Html => "HTML report with charts",
            Format::Csv => "Log as a spreadsheet (CSV)",
            Format::Ics => "Calendar of milestones (ICS)",
            Format::Brag => "Achievements for a review",
        }
    }

    /// What it is within a sentence: "Wrote the log as CSV to …".
    pub fn noun(self) -> &'static str {
        match self {
            Format::Md => "the Markdown report",
            Format::Html => "the HTML report",
            Format::Csv => "the log as CSV",
            Format::Ics => "the calendar of milestones",
            Format::Brag => "the achievements document",
        }
    }

    /// The menu entry: the label and an ellipsis, since a dialog follows.
    pub fn menu_label(self) -> &'static str {
        match self {
            Format::Md => "Markdown report\u{2026}",
            Format::Html => "HTML report with charts\u{2026}",
            Format::Csv => "Log as a spreadsheet (CSV)\u{2026}",
            Format::Ics => "Calendar of milestones (ICS)\u{2026}",
            Format::Brag => "Achievements for a review\u{2026}",
        }
    }

    /// The file's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md | Format::Brag => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// The file type's name for a save dialog's filter.
    pub fn file_kind(self) -> &'static str {
        match self {
            Format::Md | Format::Brag => "Markdown",
            Format::Html => "Web page",
            Format::Csv => "CSV spreadsheet",
            Format::Ics => "Calendar",
        }
    }

    /// Whether `--from` and `--to` choose what it covers: the brag
    /// document's period, and the log entries a CSV holds.
    pub fn takes_range(self) -> bool {
        matches!(self, Format::Brag | Format::Csv)
    }

    /// The file name an export of the plan file `plan` gets beside it:
    /// `me.stepstone.ron` gives `me.report.md`, `me.report.html`,
    /// `me.log.csv`, `me.milestones.ics` and `me.achievements.md`.
    pub fn default_path(self, plan: &Path) -> PathBuf {
        let name = plan.file_name().map(|n| n.to_string_lossy().into_owned());
        let stem = name
            .as_deref()
            .map(|n| {
                n.strip_suffix(".stepstone.ron")
                    .or_else(|| n.strip_suffix(".ron"))
                    .unwrap_or(n)
            })
            .filter(|s| !s.is_empty())
            .unwrap_or("plan");
        let what = match self {
            Format::Md | Format::Html => "report",
            Format::Csv => "log",
            Format::Ics => "milestones",
            Format::Brag => "achievements",
        };
        plan.with_file_name(format!("{stem}.{what}.{}", self.extension()))
    }
}

/// The period an export covers, where it takes one (see [`Format::takes_range`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Why an export could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error(
        "the period starts on {from}, after it ends on {to}; give a start on or before the end"
    )]
    Backwards { from: Date, to: Date },
    #[error("could not write the CSV: {0}")]
    Csv(String),
}

/// The export of `plan` in `format`, as the file's text. `today` is the
/// app's today (pace, forecasts, "recent", the default brag period).
pub fn export(
    plan: &Plan,
    format: Format,
    options: &Options,
    today: Date,
) -> Result<String, ExportError> {
    if let (Some(from), Some(to)) = (options.from, options.to)
        && from > to
    {
        return Err(ExportError::Backwards { from, to });
    }
    Ok(match format {
        Format::Md => md::render(&report::Report::new(plan, today)),
        Format::Html => html::render(&report::Report::new(plan, today)),
        Format::Csv => csv::render(plan, options)?,
        Format::Ics => ics::render(plan, today),
        Format::Brag => {
            let (from, to) = brag_period(options, today);
            if from > to {
                return Err(ExportError::Backwards { from, to });
            }
            brag::render(plan, from, to, today)
        }
    })
}

/// The brag document's period: as given, else the six months up to `to`
/// (by default today).
pub fn brag_period(options: &Options, today: Date) -> (Date, Date) {
    let to = options.to.unwrap_or(today);
    let from = options.from.unwrap_or_else(|| {
        to.checked_sub(6.months())
            .and_then(Date::tomorrow)
            .unwrap_or(Date::MIN)
    });
    (from, to)
}

/// Why `out` may not take an export of the plan file `plan` (in one
/// sentence), or `None` if it may. An export never replaces a plan, this one
/// or another, and needs a file name, not a folder. An earlier export is
/// replaced: exporting again is how a calendar or a report is brought up to date.
pub fn output_problem(plan: Option<&Path>, out: &Path) -> Option<String> {
    let same = plan.is_some_and(
        |p| match (std::fs::canonicalize(p), std::fs::canonicalize(out)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
    );
    let name = out.file_name().map(|n| n.to_string_lossy().to_lowercase());
    if same
        || name
            .as_deref()
            .is_some_and(|n| n.ends_with(".stepstone.ron"))
    {
        Some("This is a plan file; write the export to another name.".to_string())
    } else if out.as_os_str().is_empty() || name.is_none() || out.is_dir() {
        Some("Give a file name for the export, not a folder.".to_string())
    } else {
        None
    }
}

/// Writes an export of the plan file `plan` to `out` through the one safe
/// write path: a reader sees the old file or the new one, never half of
/// one, and a private plan's export is private too.
pub fn write(out: &Path, text: &str, plan: Option<&Path>) -> std::io::Result<()> {
    crate::io::write_file(out, text.as_bytes(), crate::io::Perms::From(plan))
}

/// A day as reports write it: "4 Nov 2026".
fn day(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

/// A level with its name: "3 (practising)".
fn level(plan: &Plan, l: crate::model::Level) -> String {
    format!("{} ({})", l.0, plan.level_names.name(l))
}

/// Appends `c` to a link percent-encoded (`%20`), byte by byte.
fn percent_encode(out: &mut String, c: char) {
    use std::fmt::Write;
    for b in c.encode_utf8(&mut [0; 4]).bytes() {
        let _ = write!(out, "%{b:02X}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn default_paths_sit_beside_the_plan_with_their_extension() {
        let plan = Path::new("/home/t/me.stepstone.ron");
        let names: Vec<String> = Format::ALL
            .iter()
            .map(|f| f.default_path(plan).display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "/home/t/me.report.md",
                "/home/t/me.report.html",
                "/home/t/me.log.csv",
                "/home/t/me.milestones.ics",
                "/home/t/me.achievements.md",
            ]
        );
        assert_eq!(
            Format::Csv.default_path(Path::new("x/.stepstone.ron")),
            Path::new("x/plan.log.csv")
        );
    }

    #[test]
    fn the_brag_period_defaults_to_six_months_up_to_today() {
        let today = date(2026, 11, 25);
        assert_eq!(
            brag_period(&Options::default(), today),
            (date(2026, 5, 26), today)
        );
        let to = date(2026, 3, 31);
        assert_eq!(
            brag_period(
                &Options {
                    from: None,
                    to: Some(to)
                },
                today
            ),
            (date(2025, 10, 1), to)
        );
    }

    #[test]
    fn an_export_goes_to_a_file_that_is_not_a_plan() {
        let dir = std::env::temp_dir();
        let plan = Path::new("/home/t/me.stepstone.ron");
        assert_eq!(
            output_problem(Some(plan), Path::new("/home/t/me.report.md")),
            None
        );
        for bad in ["/home/t/me.stepstone.ron", "/home/t/Other.Stepstone.RON"] {
            assert!(
                output_problem(Some(plan), Path::new(bad)).is_some_and(|m| m.contains("plan file"))
            );
        }
        for bad in [Path::new(""), dir.as_path(), Path::new("/")] {
            assert!(
                output_problem(None, bad).is_some_and(|m| m.contains("not a folder")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_backwards_period_is_refused() {
        let options = Options {
            from: Some(date(2026, 5, 1)),
            to: Some(date(2026, 4, 1)),
        };
        for f in Format::ALL {
            let e = export(&Plan::default(), f, &options, date(2026, 6, 1));
            assert!(matches!(e, Err(ExportError::Backwards { .. })), "{f:?}");
        }
        // Only a start after the default end (today).
        let late = Options {
            from: Some(date(2026, 7, 1)),
            to: None,
        };
        assert!(export(&Plan::default(), Format::Brag, &late, date(2026, 6, 1)).is_err());
    }
}
