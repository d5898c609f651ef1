//! The log section of a plan file: one entry a line, so it can be written
//! and read in parallel chunks. A file whose log is laid out differently
//! (edited by hand) is still read, by the ordinary whole-file parse.

use super::format::ron_options;
use crate::model::LogEntry;
use std::thread;

/// Logs shorter than this are handled on the calling thread.
const PARALLEL_FROM: usize = 4096;

const OPEN: &str = "\n    log: [\n";
const CLOSE: &str = "\n    ],";

fn threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Runs `f` over contiguous chunks of `items`, in parallel for long lists,
/// and returns the results in order.
fn chunked<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    if items.len() < PARALLEL_FROM {
        return vec![f(items)];
    }
    let size = items.len().div_ceil(threads());
    thread::scope(|s| {
        let handles: Vec<_> = items.chunks(size).map(|c| s.spawn(|| f(c))).collect();
        // A chunk's thread only panics if `f` does; treat it like a failed chunk.
        handles
            .into_iter()
            .map(thread::ScopedJoinHandle::join)
            .collect::<Result<Vec<R>, _>>()
    })
    .unwrap_or_default()
}

/// Appends `log: [ ... ],` with one compact entry a line.
pub fn write(log: &[LogEntry], out: &mut String) -> Result<(), ron::Error> {
    if log.is_empty() {
        out.push_str("    log: [],\n");
        return Ok(());
    }
    out.push_str(&OPEN[1..]);
    let line = ron::ser::PrettyConfig::new()
        .compact_structs(true)
        .compact_arrays(true);
    let options = ron_options();
    let parts = chunked(log, |chunk| {
        let mut s = String::with_capacity(chunk.len() * 180);
        for entry in chunk {
            s.push_str("        ");
            options.to_writer_pretty(&mut s, entry, line.clone())?;
            s.push_str(",\n");
        }
        Ok::<_, ron::Error>(s)
    });
    if parts.is_empty() {
        return Err(ron::Error::Message(
            "a worker thread failed while writing the log".into(),
        ));
    }
    for part in parts {
        out.push_str(&part?);
    }
    out.push_str(&CLOSE[1..]);
    out.push('\n');
    Ok(())
}

/// Splits a file laid out as `write` does into the text before the log's
/// entries (ending with `log: [`) and the entry lines. `None` if the layout
/// differs.
pub fn split(text: &str) -> Option<(&str, &str)> {
    let open = text.rfind(OPEN)?;
    let lines_start = open + OPEN.len();
    let close = text.rfind(CLOSE).filter(|&c| c + 1 >= lines_start)?;
    let tail = &text[close + CLOSE.len()..];
    if tail.trim() != ")" {
        return None;
    }
    Some((
        &text[..lines_start - 1],
        text.get(lines_start..=close).unwrap_or(""),
    ))
}

/// Parses entry lines written by `write`; `None` if any line is not one
/// whole entry (the caller then parses the file as a whole).
pub fn read(lines: &str) -> Option<Vec<LogEntry>> {
    let lines: Vec<&str> = lines.lines().collect();
    let options = ron_options();
    let parts = chunked(&lines, |chunk| {
        chunk
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(|l| options.from_str::<LogEntry>(l.strip_suffix(',')?).ok())
            .collect::<Option<Vec<_>>>()
    });
    if parts.is_empty() {
        return None;
    }
    let mut log = Vec::with_capacity(lines.len());
    for part in parts {
        log.extend(part?);
    }
    Some(log)
}
