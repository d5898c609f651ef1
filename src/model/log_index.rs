//! The log by day: which entries fall on which date, kept in date order, so
//! "today", "this week" and "newest first" cost what they show, not the
//! size of the log.

use super::plan::LogEntry;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Entry positions in `Plan::log`, grouped by date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogIndex {
    by_day: BTreeMap<Date, Vec<usize>>,
    /// How many entries of the log are indexed (entries `0..len`).
    len: usize,
}

impl LogIndex {
    pub fn new(log: &[LogEntry]) -> Self {
        let mut index = Self::default();
        index.extend(log);
        index
    }

    /// Indexes entries added to the end of the log since the last call.
    pub fn extend(&mut self, log: &[LogEntry]) {
        for (i, e) in log.iter().enumerate().skip(self.len) {
            self.by_day.entry(e.date).or_default().push(i);
        }
        self.len = log.len();
    }

    /// Files entry `i`, whose date changed from `from` to `to`, under its
    /// new day.
    pub fn redate(&mut self, i: usize, from: Date, to: Date) {
        if from == to {
            return;
        }
        if let Some(ix) = self.by_day.get_mut(&from) {
            ix.retain(|&j| j != i);
            if ix.is_empty() {
                self.by_day.remove(&from);
            }
        }
        let ix = self.by_day.entry(to).or_default();
        let at = ix.partition_point(|&j| j < i);
        ix.insert(at, i);
    }

    /// How many entries are indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries dated `from..=to`, oldest day first.
    pub fn between(&self, from: Date, to: Date) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let range = if from <= to { from..=to } else { to..=to };
        self.by_day
            .range(range)
            .flat_map(|(_, ix)| ix.iter().copied())
    }

    /// Every entry, newest day first (later-written first within a day).
    pub fn newest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_day
            .values()
            .rev()
            .flat_map(|ix| ix.iter().rev().copied())
    }

    /// The days with entries, newest first.
    pub fn days_newest_first(&self) -> impl Iterator<Item = Date> + '_ {
        self.by_day.keys().rev().copied()
    }
}
