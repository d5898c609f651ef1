//! One log entry as one line of a plan file, written and read by hand.
//!
//! `write` gives byte for byte what `ron` writes for a `LogEntry` (compact,
//! `implicit_some`, text as typed through `format::unescape_readable`), at a
//! fraction of the cost. `read` takes only that exact shape and says `None`
//! to anything else (another field order, other spacing, a comment, a raw
//! string, an escape it does not know), which the caller hands to `ron`:
//! whenever `read` gives an entry, `ron` gives the same one.

use super::format::needs_escape;
use crate::model::{EntryId, ExperienceKind, GoalId, LogEntry, PersonId, SkillId, parse_date};
use jiff::civil::Date;
use std::fmt::Write as _;

/// Appends the entry as `ron` writes it on one line, without indent or comma.
pub(super) fn write(entry: &LogEntry, out: &mut String) {
    // Destructured so that a new field cannot be forgotten here.
    let LogEntry {
        id,
        date,
        minutes,
        kind,
        text,
        skills,
        goals,
        people,
        energy,
        remembered_why,
    } = entry;
    out.push_str("(id: ");
    push_number(out, id.0);
    out.push_str(", date: \"");
    push_date(out, *date);
    out.push_str("\", minutes: ");
    push_number(out, *minutes);
    out.push_str(", kind: ");
    out.push_str(kind_name(*kind));
    out.push_str(", text: \"");
    push_text(out, text);
    out.push('"');
    push_ids(out, ", skills: [", skills.iter().map(|s| s.0));
    push_ids(out, ", goals: [", goals.iter().map(|g| g.0));
    push_ids(out, ", people: [", people.iter().map(|p| p.0));
    if let Some(energy) = energy {
        out.push_str(", energy: ");
        push_number(out, u32::from(*energy));
    }
    if *remembered_why {
        out.push_str(", remembered_why: true");
    }
    out.push(')');
}

/// The variant's name as serde writes it.
fn kind_name(kind: ExperienceKind) -> &'static str {
    match kind {
        ExperienceKind::Learning => "Learning",
        ExperienceKind::Relationship => "Relationship",
        ExperienceKind::Mentoring => "Mentoring",
        ExperienceKind::BeyondDuty => "BeyondDuty",
        ExperienceKind::Routine => "Routine",
    }
}

fn push_number(out: &mut String, n: u32) {
    let width = n.checked_ilog10().unwrap_or(0) + 1;
    push_digits(out, n, width);
}

/// The last `width` decimal digits of `n`, with leading zeros.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

/// `YYYY-MM-DD` as jiff displays it (which is what serde writes).
fn push_date(out: &mut String, date: Date) {
    match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            push_digits(out, year, 4);
            out.push('-');
            push_digits(out, u32::from(date.month().unsigned_abs()), 2);
            out.push('-');
            push_digits(out, u32::from(date.day().unsigned_abs()), 2);
        }
        // Years before 0 are written with a sign and six digits.
        _ => {
            let _ = write!(out, "{date}");
        }
    }
}

/// The text as `ron` escapes it (`char::escape_debug`) once
/// `unescape_readable` has put back every character but those that stay
/// escaped: what needs no escape is written as typed.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x7f)
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(rest);
}

fn push_ids(out: &mut String, open: &str, ids: impl ExactSizeIterator<Item = u32>) {
    if ids.len() == 0 {
        return;
    }
    out.push_str(open);
    for (i, id) in ids.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_number(out, id);
    }
    out.push(']');
}

/// Reads an entry written exactly as [`write`] writes it (with `false` and
/// empty lists also taken); `None` for anything else.
pub(super) fn read(body: &str) -> Option<LogEntry> {
    let mut c = Cursor {
        text: body,
        bytes: body.as_bytes(),
        at: 0,
    };
    c.eat("(id: ")?;
    let id = EntryId(c.number()?);
    c.eat(", date: \"")?;
    let date = c.date()?;
    c.eat(", minutes: ")?;
    let minutes = c.number()?;
    c.eat(", kind: ")?;
    let kind = c.kind()?;
    c.eat(", text: \"")?;
    let text = c.text()?;
    let skills = c.ids(", skills: [", SkillId)?;
    let goals = c.ids(", goals: [", GoalId)?;
    let people = c.ids(", people: [", PersonId)?;
    let energy = match c.eat(", energy: ") {
        Some(()) => Some(u8::try_from(c.number()?).ok()?),
        None => None,
    };
    let remembered_why = match c.eat(", remembered_why: ") {
        Some(()) => c.boolean()?,
        None => false,
    };
    c.eat(")")?;
    (c.at == c.bytes.len()).then_some(LogEntry {
        id,
        date,
        minutes,
        kind,
        text,
        skills,
        goals,
        people,
        energy,
        remembered_why,
    })
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn eat(&mut self, word: &str) -> Option<()> {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        found.then(|| self.at += word.len())
    }

    /// A whole number in plain digits (no sign, `_`, leading zero or base),
    /// within `u32`.
    fn number(&mut self) -> Option<u32> {
        let digits = self.bytes[self.at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = &self.bytes[self.at..self.at + digits];
        if digits == 0 || digits > 10 || (digits > 1 && text[0] == b'0') {
            return None;
        }
        let n = text.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        self.at += digits;
        u32::try_from(n).ok()
    }

    /// The date's text up to its closing quote, read by the one strict rule.
    fn date(&mut self) -> Option<Date> {
        let len = self.bytes[self.at..].iter().position(|&b| b == b'"')?;
        let raw = &self.text[self.at..self.at + len];
        if raw.contains('\\') {
            return None;
        }
        self.at += len + 1;
        parse_date(raw).ok()
    }

    fn kind(&mut self) -> Option<ExperienceKind> {
        let len = self.bytes[self.at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        let kind = ExperienceKind::ALL
            .into_iter()
            .find(|&k| kind_name(k).as_bytes() == &self.bytes[self.at..self.at + len])?;
        self.at += len;
        Some(kind)
    }

    /// The text up to its closing quote, with the escapes `ron` reads and
    /// `write` writes; `None` at any other escape.
    fn text(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let rest = &self.bytes[self.at..];
            let at = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[self.at..self.at + at]);
            self.at += at + 1;
            if rest[at] == b'"' {
                return Some(out);
            }
            let escape = *self.bytes.get(self.at)?;
            self.at += 1;
            match escape {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'\'' => out.push('\''),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'0' => out.push('\0'),
                b'u' => out.push(self.unicode()?),
                _ => return None,
            }
        }
    }

    /// The rest of a `\u{...}` escape: one to six hex digits, a real character.
    fn unicode(&mut self) -> Option<char> {
        self.eat("{")?;
        let digits = self.bytes[self.at..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if !(1..=6).contains(&digits) {
            return None;
        }
        let hex = &self.text[self.at..self.at + digits];
        self.at += digits;
        self.eat("}")?;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `open` and a list of ids then `]`, or an empty list if `open` is not next.
    fn ids<T>(&mut self, open: &str, make: impl Fn(u32) -> T) -> Option<Vec<T>> {
        let mut ids = Vec::new();
        if self.eat(open).is_none() {
            return Some(ids);
        }
        if self.eat("]").is_some() {
            return Some(ids);
        }
        loop {
            ids.push(make(self.number()?));
            if self.eat("]").is_some() {
                return Some(ids);
            }
            self.eat(", ")?;
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        if self.eat("true").is_some() {
            Some(true)
        } else {
            self.eat("false").map(|()| false)
        }
    }
}
