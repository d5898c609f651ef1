//! The log section of a plan file: one entry a line, so it can be written
//! and read in parallel chunks. A file whose log is laid out differently
//! (edited by hand) is still read, by the ordinary whole-file parse.

use super::format::ron_options;
use super::{entry_line, lexer};
use crate::model::LogEntry;
use std::thread;

/// Logs shorter than this are written on the calling thread.
const PARALLEL_FROM: usize = 4096;
/// Log text shorter than this (bytes) is read on the calling thread.
const PARALLEL_FROM_BYTES: usize = 512 * 1024;

const OPEN: &str = "\n    log: [";
const CLOSE: &str = "\n    ],";

fn threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Runs `f` over each part, one thread a part when there are several, and
/// returns the results in order; `None` if a thread panicked.
fn in_parallel<T: Sync, R: Send>(parts: &[T], f: impl Fn(&T) -> R + Sync) -> Option<Vec<R>> {
    if parts.len() < 2 {
        return Some(parts.iter().map(&f).collect());
    }
    thread::scope(|s| {
        let handles: Vec<_> = parts.iter().map(|p| s.spawn(|| f(p))).collect();
        handles
            .into_iter()
            .map(thread::ScopedJoinHandle::join)
            .collect::<Result<Vec<R>, _>>()
            .ok()
    })
}

/// Appends `log: [ ... ],` with one compact entry a line.
pub fn write(log: &[LogEntry], out: &mut String) -> Result<(), ron::Error> {
    if log.is_empty() {
        out.push_str("    log: [],\n");
        return Ok(());
    }
    out.push_str(&OPEN[1..]);
    out.push('\n');
    let size = if log.len() < PARALLEL_FROM {
        log.len()
    } else {
        log.len().div_ceil(threads())
    };
    let parts: Vec<&[LogEntry]> = log.chunks(size).collect();
    let parts = in_parallel(&parts, |chunk| {
        let mut s = String::with_capacity(chunk.len() * 180);
        for entry in *chunk {
            s.push_str("        ");
            entry_line::write(entry, &mut s);
            s.push_str(",\n");
        }
        s
    })
    .ok_or_else(|| ron::Error::Message("a worker thread failed while writing the log".into()))?;
    out.reserve(parts.iter().map(String::len).sum::<usize>() + CLOSE.len());
    for part in parts {
        out.push_str(&part);
    }
    out.push_str(&CLOSE[1..]);
    out.push('\n');
    Ok(())
}

/// Only ASCII spaces, tabs and carriage returns: the blanks the fast path
/// skips. Anything else sends the file to the whole-file parse.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// Splits a file laid out as `write` does (with `\n` or `\r\n` line ends)
/// into the text before the log's entries (ending with `log: [`) and the
/// entry lines. `None` if the layout differs.
pub fn split(text: &str) -> Option<(&str, &str)> {
    let open = text.rfind(OPEN)? + OPEN.len();
    let after = &text[open..];
    let lines_start = open
        + after
            .strip_prefix('\r')
            .unwrap_or(after)
            .strip_prefix('\n')
            .map(|rest| after.len() - rest.len())?;
    let close = text.rfind(CLOSE).filter(|&c| c + 1 >= lines_start)?;
    let tail = text[close + CLOSE.len()..]
        .trim_matches(|c: char| c.is_ascii() && is_blank(c as u8) || c == '\n');
    if tail != ")" {
        return None;
    }
    Some((&text[..open], text.get(lines_start..=close).unwrap_or("")))
}

/// Cuts text into about `n` pieces at line ends.
fn pieces(text: &str, n: usize) -> Vec<&str> {
    let size = text.len().div_ceil(n.max(1)).max(1);
    let mut out = Vec::with_capacity(n);
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest
            .get(size.min(rest.len())..)
            .and_then(|tail| tail.find('\n'))
            .map_or(rest.len(), |i| size + i + 1);
        let (piece, tail) = rest.split_at(cut);
        out.push(piece);
        rest = tail;
    }
    out
}

/// Parses entry lines written by `write`, with how many of them were read
/// by hand (`entry_line::read`) rather than by `ron`: all of them in a file
/// Stepstone wrote. `None` if any line is not exactly one entry followed by
/// a comma (the last may omit it) and ASCII blanks, so the caller parses
/// the file as a whole: the two readers never disagree.
pub fn read(lines: &str) -> Option<(Vec<LogEntry>, usize)> {
    let parts = if lines.len() < PARALLEL_FROM_BYTES {
        vec![lines]
    } else {
        pieces(lines, threads())
    };
    let options = ron_options();
    let parsed = in_parallel(&parts, |piece| {
        let mut entries = Vec::with_capacity(piece.len() / 160);
        let mut by_hand = 0;
        let mut missing_comma = false;
        for line in piece.split('\n') {
            let Some(entry) = entry_text(line) else {
                continue;
            };
            // Only the very last entry of the log may omit its comma.
            if missing_comma {
                return None;
            }
            let (body, comma) = entry?;
            missing_comma = !comma;
            let entry = match entry_line::read(body) {
                Some(entry) => {
                    by_hand += 1;
                    entry
                }
                // A comment could hide the real end of the entry: let the whole parse decide.
                None if body.contains('/') && !lexer::comments(body).is_empty() => return None,
                None => options.from_str::<LogEntry>(body).ok()?,
            };
            entries.push(entry);
        }
        Some((entries, by_hand, missing_comma))
    })?;
    let mut log = Vec::with_capacity(parsed.iter().flatten().map(|p| p.0.len()).sum());
    let mut by_hand = 0;
    let count = parsed.len();
    for (i, part) in parsed.into_iter().enumerate() {
        let (entries, hand, missing_comma) = part?;
        if missing_comma && i + 1 < count && !entries.is_empty() {
            return None;
        }
        log.extend(entries);
        by_hand += hand;
    }
    Some((log, by_hand))
}

/// One line of the log: `None` for a blank line; `Some(None)` for a line the
/// fast path cannot take; else the entry's text and whether a comma follows.
#[expect(clippy::option_option, reason = "blank, unreadable, or an entry")]
fn entry_text(line: &str) -> Option<Option<(&str, bool)>> {
    let b = line.as_bytes();
    let start = b.iter().position(|&c| !is_blank(c))?;
    let mut end = b
        .iter()
        .rposition(|&c| !is_blank(c))
        .map_or(start, |i| i + 1);
    let comma = b[end - 1] == b',';
    if comma {
        end = b[..end - 1]
            .iter()
            .rposition(|&c| !is_blank(c))
            .map_or(start, |i| i + 1);
    }
    let body = &line[start..end];
    let plain = body.starts_with('(') && body.ends_with(')');
    Some(plain.then_some((body, comma)))
}
