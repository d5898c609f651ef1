//! [`LogTotals::replace`]: one entry changed in place, so its day, week and
//! month are updated without summing the whole log again.

use super::totals::{GoalTotals, LogTotals, WeekTotals, kind_index};
use crate::model::log_index::LogIndex;
use crate::model::metrics;
use crate::model::plan::LogEntry;
use jiff::civil::Date;

/// Takes minutes an entry added back out of a total. False when that
/// cannot be done exactly: the total was at its limit (it may have
/// saturated) or holds less than the entry added.
fn take_from(total: &mut u32, minutes: u32) -> bool {
    if *total == u32::MAX {
        return false;
    }
    match total.checked_sub(minutes) {
        Some(left) => {
            *total = left;
            true
        }
        None => false,
    }
}

/// Takes minutes out of `key` in a list sorted by key, and drops the key
/// when `keep` says no entry has it any more.
fn take_sorted<K: Ord + Copy>(list: &mut Vec<(K, u32)>, key: K, minutes: u32, keep: bool) -> bool {
    let Ok(i) = list.binary_search_by_key(&key, |(k, _)| *k) else {
        return false;
    };
    if !take_from(&mut list[i].1, minutes) {
        return false;
    }
    if !keep {
        list.remove(i);
    }
    true
}

/// The log's entries dated `from..=to`, as the index has them now.
fn entries<'a>(
    log: &'a [LogEntry],
    index: &'a LogIndex,
    from: Date,
    to: Date,
) -> impl Iterator<Item = &'a LogEntry> + 'a {
    index.between(from, to).filter_map(|i| log.get(i))
}

impl LogTotals {
    /// Updates the sums for `old`, an entry of `log` now replaced in place
    /// by `new`. `index` must already file `new` under its date. False when
    /// the sums cannot be updated exactly (minutes so large a total reached
    /// its limit): rebuild them then.
    pub fn replace(
        &mut self,
        old: &LogEntry,
        new: &LogEntry,
        log: &[LogEntry],
        index: &LogIndex,
    ) -> bool {
        if !self.remove(old, log, index) {
            return false;
        }
        self.add(new);
        // `add` counted one more entry; the log did not grow.
        self.len -= 1;
        true
    }

    /// Takes `e` out of the sums. Keys no entry of the log (as `index` has
    /// it) holds any more are dropped, as a rebuild would not make them.
    fn remove(&mut self, e: &LogEntry, log: &[LogEntry], index: &LogIndex) -> bool {
        let day = e.date;
        let monday = metrics::week_start(day);
        let sunday = monday
            .checked_add(jiff::Span::new().days(6))
            .unwrap_or(Date::MAX);
        let month = day.first_of_month();
        let m = e.minutes;
        let on_day = || entries(log, index, day, day);
        let in_week = || entries(log, index, monday, sunday);

        let Some(total) = self.days.get_mut(&day) else {
            return false;
        };
        if !take_from(total, m) {
            return false;
        }
        if on_day().next().is_none() {
            self.days.remove(&day);
        }

        let Some(kinds) = self.months.get_mut(&month) else {
            return false;
        };
        if !take_from(&mut kinds[kind_index(e.kind)], m) {
            return false;
        }
        if entries(log, index, month, month.last_of_month())
            .next()
            .is_none()
        {
            self.months.remove(&month);
        }

        let Some(week) = self.weeks.get_mut(&monday) else {
            return false;
        };
        if !remove_from_week(week, e, in_week) {
            return false;
        }
        if in_week().next().is_none() {
            self.weeks.remove(&monday);
        }

        for s in &e.skills {
            let Some(days) = self.skills.get_mut(s) else {
                return false;
            };
            let Some(total) = days.get_mut(&day) else {
                return false;
            };
            if !take_from(total, m) {
                return false;
            }
            if !on_day().any(|x| x.skills.contains(s)) {
                days.remove(&day);
                if days.is_empty() {
                    self.skills.remove(s);
                }
            }
        }
        for g in &e.goals {
            let Some(goal) = self.goals.get_mut(g) else {
                return false;
            };
            if !remove_from_goal(goal, day, m) {
                return false;
            }
            if goal.days.is_empty() {
                self.goals.remove(g);
            }
        }
        true
    }
}

/// Takes `e` out of its week; `in_week` gives the week's entries now.
fn remove_from_week<'a, I: Iterator<Item = &'a LogEntry>>(
    week: &mut WeekTotals,
    e: &LogEntry,
    in_week: impl Fn() -> I,
) -> bool {
    let m = e.minutes;
    if !take_from(&mut week.minutes, m) {
        return false;
    }
    if e.goals.is_empty() {
        if !take_from(&mut week.no_goal, m) {
            return false;
        }
        if !e.skills.is_empty() {
            let Some(total) = week.goalless.get_mut(e.skills.as_slice()) else {
                return false;
            };
            if !take_from(total, m) {
                return false;
            }
            if !in_week().any(|x| x.goals.is_empty() && x.skills == e.skills) {
                week.goalless.remove(e.skills.as_slice());
            }
        }
    }
    if e.skills.is_empty() && !take_from(&mut week.no_skill, m) {
        return false;
    }
    for g in &e.goals {
        let keep = in_week().any(|x| x.goals.contains(g));
        if !take_sorted(&mut week.goals, *g, m, keep) {
            return false;
        }
    }
    for s in &e.skills {
        let keep = in_week().any(|x| x.skills.contains(s));
        if !take_sorted(&mut week.skills, *s, m, keep) {
            return false;
        }
    }
    true
}

/// Takes one entry of `minutes` on `day` out of a goal's time.
fn remove_from_goal(goal: &mut GoalTotals, day: Date, minutes: u32) -> bool {
    let Some(d) = goal.days.get_mut(&day) else {
        return false;
    };
    if !take_from(&mut d.minutes, minutes) || d.entries == 0 {
        return false;
    }
    d.entries -= 1;
    if d.entries == 0 {
        goal.days.remove(&day);
    }
    goal.minutes = goal.minutes.saturating_sub(u64::from(minutes));
    goal.entries = goal.entries.saturating_sub(1);
    true
}
