//! The plan file format: RON, `format_version` first, written deterministically.
//!
//! Everything but the log is pretty-printed one field a line; log entries are
//! written one a line, so a day's work is one line in `git diff` and a
//! 100,000-entry log stays small and fast to read.

use super::error::FormatError;
use super::{log_lines, migrate};
use crate::model::{Goal, LevelNames, Person, Plan, Review, Role, Skill};
use serde::Serialize;

/// The format version this build writes.
pub const CURRENT_VERSION: u32 = 1;
/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The first lines of every plan file. `implicit_some` lets optional fields be
/// written plainly (`due: "2026-05-01"` rather than `due: Some("2026-05-01")`).
const HEADER: &str = "// A Stepstone career plan. Plain RON: see the README's \"The plan file\" before editing by hand.\n#![enable(implicit_some)]\n";

/// RON options for reading and writing: optional values without `Some(...)`.
pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The plan's fields as written, with `format_version` first and without the log.
#[derive(Serialize)]
struct Head<'a> {
    format_version: u32,
    owner: &'a str,
    purpose: &'a [String],
    level_names: &'a LevelNames,
    roles: &'a [Role],
    skills: &'a [Skill],
    goals: &'a [Goal],
    people: &'a [Person],
    reviews: &'a [Review],
}

fn syntax(e: &ron::Error) -> FormatError {
    FormatError::Syntax {
        line: 1,
        col: 1,
        message: e.to_string(),
    }
}

/// Writes a plan as the text of a plan file.
pub fn to_ron(plan: &Plan) -> Result<String, FormatError> {
    // Destructured so that a new field in `Plan` cannot be forgotten here.
    let Plan {
        owner,
        purpose,
        level_names,
        roles,
        skills,
        goals,
        people,
        reviews,
        log,
    } = plan;
    let head = Head {
        format_version: CURRENT_VERSION,
        owner,
        purpose,
        level_names,
        roles,
        skills,
        goals,
        people,
        reviews,
    };
    let pretty = ron::ser::PrettyConfig::new().indentor("    ");
    let head = ron_options()
        .to_string_pretty(&head, pretty)
        .map_err(|e| syntax(&e))?;
    let head = join_id_lists(head.strip_suffix(')').unwrap_or(&head));

    let mut out = String::with_capacity(HEADER.len() + head.len() + log.len() * 160 + 32);
    out.push_str(HEADER);
    out.push_str(&head);
    log_lines::write(log, &mut out).map_err(|e| syntax(&e))?;
    out.push_str(")\n");
    Ok(out)
}

/// Puts lists of ids on one line (`skills: [2, 9, 10],`), as the pretty
/// printer writes one number a line. Strings are escaped, so a line holding
/// only a number is never inside a string.
fn join_id_lists(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    let mut lines = pretty.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if line.ends_with('[') {
            let mut ids: Vec<&str> = Vec::new();
            while let Some(&next) = lines.peek() {
                match next.trim().strip_suffix(',') {
                    Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        ids.push(next);
                    }
                    _ => break,
                }
                lines.next();
            }
            let close = lines
                .peek()
                .copied()
                .filter(|l| l.trim_start().starts_with(']'));
            match close {
                Some(close) if !ids.is_empty() => {
                    let ids: Vec<&str> =
                        ids.iter().map(|l| l.trim().trim_end_matches(',')).collect();
                    out.push_str(&ids.join(", "));
                    out.push_str(close.trim_start());
                    lines.next();
                }
                // Not a plain id list after all: keep the lines as they were.
                _ => {
                    for l in ids {
                        out.push('\n');
                        out.push_str(l);
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Reads the text of a plan file, migrating older versions.
pub fn from_ron(text: &str) -> Result<Plan, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let version = read_version(text)?;
    migrate::read(version, text)
}

/// Turns a ron error into one with a line and column.
pub(super) fn ron_error(e: &ron::error::SpannedError) -> FormatError {
    FormatError::Syntax {
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
        message: match e.code {
            ron::Error::Eof => "the file ends too early; it may have been cut short".to_string(),
            ref code => code.to_string(),
        },
    }
}

/// Finds `format_version: N` at the start of the text (after comments,
/// `#![enable(...)]` lines and an optional struct name) without parsing the rest.
fn read_version(text: &str) -> Result<u32, FormatError> {
    let mut s = Scanner { text, at: 0 };
    s.skip_blank();
    while s.eat("#![") {
        s.take_while(|c| c != ']');
        s.eat("]");
        s.skip_blank();
    }
    s.ident(); // an optional struct name, e.g. `Plan(`
    s.skip_blank();
    let found = s.eat("(")
        && {
            s.skip_blank();
            s.eat("format_version")
        }
        && {
            s.skip_blank();
            s.eat(":")
        };
    if !found {
        let (line, col) = line_col(text, s.at);
        return Err(FormatError::NoVersion { line, col });
    }
    s.skip_blank();
    let start = s.at;
    let digits = s.take_while(|c| c.is_ascii_digit());
    digits.parse().map_err(|_| {
        let (line, col) = line_col(text, start);
        FormatError::Syntax {
            line,
            col,
            message: "format_version must be a whole number".into(),
        }
    })
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }
    fn eat(&mut self, s: &str) -> bool {
        let ok = self.rest().starts_with(s);
        if ok {
            self.at += s.len();
        }
        ok
    }
    fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let n = rest.find(|c| !f(c)).unwrap_or(rest.len());
        self.at += n;
        &rest[..n]
    }
    fn ident(&mut self) {
        self.take_while(|c| c.is_alphanumeric() || c == '_');
    }
    fn skip_blank(&mut self) {
        loop {
            self.take_while(char::is_whitespace);
            if self.eat("//") {
                self.take_while(|c| c != '\n');
            } else if self.eat("/*") {
                let end = self.rest().find("*/").map_or(self.rest().len(), |i| i + 2);
                self.at += end;
            } else {
                return;
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}
