//! The log as CSV (RFC 4180: a header row, CRLF line ends, quotes where
//! needed), one row per entry in date order, with links as names, for a
//! spreadsheet or a script. A text cell that a spreadsheet would run as a
//! formula gets a `'` in front (see [`text_cell`]).

use super::{ExportError, Options};
use crate::model::{LogIndex, Plan};
use jiff::civil::Date;

/// The columns, in order.
pub const HEADER: [&str; 9] = [
    "Date",
    "Minutes",
    "Kind",
    "Text",
    "Skills",
    "Goals",
    "People",
    "Energy",
    "Remembered why",
];

/// Links in one cell are joined with this.
pub const JOIN: &str = "; ";

/// The entries dated within `options` (all of them by default), oldest first.
pub(super) fn render(plan: &Plan, options: &Options) -> Result<String, ExportError> {
    let err = |e: csv::Error| ExportError::Csv(e.to_string());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER).map_err(err)?;
    let index = LogIndex::new(&plan.log);
    let from = options.from.unwrap_or(Date::MIN);
    let to = options.to.unwrap_or(Date::MAX);
    for e in index.between(from, to).filter_map(|i| plan.log.get(i)) {
        let names = |found: Vec<String>| found.join(JOIN);
        let skills = e.skills.iter().map(|id| {
            plan.skill(*id)
                .map_or_else(|| format!("(missing {id})"), |s| s.name.clone())
        });
        let goals = e.goals.iter().map(|id| {
            plan.goal(*id)
                .map_or_else(|| format!("(missing {id})"), |g| g.title.clone())
        });
        let people = e.people.iter().map(|id| {
            plan.person(*id)
                .map_or_else(|| format!("(missing {id})"), |p| p.name.clone())
        });
        w.write_record([
            e.date.to_string(),
            e.minutes.to_string(),
            e.kind.label().to_string(),
            text_cell(e.text.clone()),
            text_cell(names(skills.collect())),
            text_cell(names(goals.collect())),
            text_cell(names(people.collect())),
            e.energy.map(|n| n.to_string()).unwrap_or_default(),
            if e.remembered_why { "yes" } else { "" }.to_string(),
        ])
        .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

/// Plan text for a cell, never a formula when a spreadsheet opens the file
/// (a mentor opening a mentee's log): a text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return (OWASP's list) gets a `'` in front, and
/// so does one starting with `'` followed by such a text, so that removing
/// one leading `'` from such a cell always gives the text back. Numbers and
/// dates are never changed.
fn text_cell(text: String) -> String {
    if text
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text
    }
}
