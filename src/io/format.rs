//! The plan file format: RON, `format_version` first, written deterministically.
//!
//! Everything but the log is pretty-printed one field a line; log entries are
//! written one a line, so a day's work is one line in `git diff` and a
//! 100,000-entry log stays small and fast to read.

use super::error::FormatError;
use super::{lexer, log_lines, migrate};
use crate::model::{Goal, LevelNames, Person, Plan, Review, Role, Skill};
use serde::Serialize;

/// The format version this build writes.
pub const CURRENT_VERSION: u32 = 1;
/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The first lines of every plan file. `implicit_some` lets optional fields be
/// written plainly (`due: "2026-05-01"` rather than `due: Some("2026-05-01")`).
const HEADER: &str = "// A Stepstone career plan. Plain RON: see the README's \"The plan file\" before editing by hand.\n#![enable(implicit_some)]\n";

/// Whether the text has comments besides the header line Stepstone writes.
/// Saving cannot keep them, so the person is told and a copy is kept.
pub fn has_comments(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let own = HEADER.lines().next().unwrap_or_default();
    let rest = text.strip_prefix(own).unwrap_or(text);
    // Most files have no `//` or `/*` past the header at all: skip the lexer.
    if !rest.contains("//") && !rest.contains("/*") {
        return false;
    }
    lexer::comments(text)
        .iter()
        .any(|c| !(c.start == 0 && text[c.start..c.end].trim_end_matches('\r') == own))
}

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
    let head = unescape_readable(join_id_lists(head.strip_suffix(')').unwrap_or(&head)));

    let mut out = String::with_capacity(HEADER.len() + head.len() + log.len() * 160 + 32);
    out.push_str(HEADER);
    out.push_str(&head);
    log_lines::write(log, &mut out).map_err(|e| syntax(&e))?;
    out.push_str(")\n");
    Ok(out)
}

/// Writes every character as typed. `ron` escapes everything that is not
/// printable ASCII-like by Rust's `escape_debug` (combining marks, joiners,
/// even `'`); this undoes those escapes, keeping only what RON needs escaped:
/// `"`, `\` and control characters (and the line and paragraph separators,
/// which editors show as line breaks). Outside strings the output has no
/// backslashes, so every backslash starts an escape inside a string.
pub(super) fn unescape_readable(text: String) -> String {
    if !text.contains("\\u{") && !text.contains("\\'") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let (replacement, len) = if escape.starts_with("\\'") {
            (Some('\''), 2)
        } else if let Some(body) = escape.strip_prefix("\\u{")
            && let Some(close) = body.find('}')
        {
            let c = u32::from_str_radix(&body[..close], 16)
                .ok()
                .and_then(char::from_u32)
                .filter(|&c| !needs_escape(c));
            (c, 4 + close)
        } else {
            (None, escape.chars().nth(1).map_or(1, |c| 1 + c.len_utf8()))
        };
        match replacement {
            Some(c) => out.push(c),
            None => out.push_str(&escape[..len]),
        }
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}

/// Characters that stay escaped in a plan file.
pub(super) fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '"' | '\\' | '\u{2028}' | '\u{2029}' | '\u{feff}')
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
    read_plan(text).map(|r| r.plan)
}

/// [`from_ron`], also telling whether the text has hand-written comments.
pub(super) fn read_plan(text: &str) -> Result<migrate::Read, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let version = read_version(text)?;
    // A plan nests only a few levels; when a file does not read, far deeper
    // nesting is the better thing to point at (it fails no sooner).
    migrate::read(version, text).map_err(|e| too_deep(text).unwrap_or(e))
}

/// The deepest a plan file nests is about 6 levels (plan, goals, a goal, its
/// milestones, a milestone); anything far deeper is refused.
pub const MAX_NESTING: usize = 32;

/// Where the text's brackets first nest deeper than [`MAX_NESTING`], as an
/// error; strings and comments are skipped. Linear, no recursion.
fn too_deep(text: &str) -> Option<FormatError> {
    let bytes = text.as_bytes();
    let comments = lexer::comments(text);
    let mut comments = comments.iter().peekable();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        while comments.peek().is_some_and(|c| c.start < i) {
            comments.next();
        }
        if comments.peek().is_some_and(|c| c.start == i) {
            i = comments.next().map_or(bytes.len(), |c| c.end);
            continue;
        }
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let (line, col) = line_col(text, i);
                    return Some(FormatError::Syntax {
                        line,
                        col,
                        message: format!(
                            "nested more than {MAX_NESTING} levels deep here; a plan nests only a few levels"
                        ),
                    });
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Turns a ron error into one with a line and column, in words a person
/// can act on.
pub(super) fn ron_error(e: &ron::error::SpannedError, text: &str) -> FormatError {
    let (mut line, mut col) = (e.span.start.line.max(1), e.span.start.col.max(1));
    let at = byte_offset(text, line, col);
    let token: String = text[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'))
        .collect();
    // Nothing after the error but, at most, the start of a word: a file cut
    // in the middle of a field's name is cut short too.
    let cut_short = text[at + token.len()..].trim().is_empty();
    let message = match &e.code {
        ron::Error::UnclosedBlockComment => {
            if let Some(open) = lexer::comments(text).iter().find(|c| c.unclosed) {
                (line, col) = line_col(text, open.start);
            }
            "this `/*` comment is never closed: end it with `*/`".to_string()
        }
        _ if cut_short => "the file ends too early; it may have been cut short".to_string(),
        ron::Error::SuggestRawIdentifier(_) | ron::Error::InvalidIdentifier(_) => {
            expected_here(text, at, &token).unwrap_or_else(|| e.code.to_string())
        }
        ron::Error::ExpectedComma | ron::Error::ExpectedStructLikeEnd
            if text[at..].starts_with('.')
                && text[..at].ends_with(|c: char| c.is_ascii_digit()) =>
        {
            let start = text[..at]
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .len();
            let number: String = text[start..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            format!("`{number}` is not a whole number; this needs one, like 1 or 90")
        }
        ron::Error::IntegerOutOfBounds if token.starts_with('-') || text[..at].ends_with('-') => {
            format!(
                "`-{}` is below zero; this needs a whole number from 0 up",
                token.trim_start_matches('-')
            )
        }
        ron::Error::ExpectedStringEnd => {
            "this text in quotes is never closed: a `\"` is missing, or the file was cut short"
                .to_string()
        }
        ron::Error::IntegerOutOfBounds => format!("`{token}` is too large a number here"),
        code => code.to_string(),
    };
    FormatError::Syntax { line, col, message }
}

/// For an identifier that is not allowed at byte `at`, the values that are:
/// found by putting a name that cannot exist there and reading serde's list.
fn expected_here(text: &str, at: usize, token: &str) -> Option<String> {
    let end = at
        + text[at..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+')))?;
    let probe = format!("{}Zz_not_a_value{}", &text[..at], &text[end..]);
    let list = migrate::expected_variants(&probe)?;
    Some(format!(
        "`{token}` is not allowed here; expected one of {list}"
    ))
}

/// The byte offset of a 1-based line and column (in characters).
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(col - 1)
        .map_or(text.len(), |(i, _)| line_start + i)
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
