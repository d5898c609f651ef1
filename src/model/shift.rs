//! Moving a whole plan in time, keeping every interval: the built-in sample
//! opens shifted so that its last logged day is today, and stays current.

use super::plan::Plan;
use jiff::civil::Date;

impl Plan {
    /// The plan with every date moved by `days` (a date that would leave
    /// the calendar stays put). Reviews keep starting on their period's
    /// first day.
    #[must_use]
    pub fn shifted(mut self, days: i64) -> Self {
        let by = |d: &mut Date| {
            if let Ok(moved) = d.checked_add(jiff::Span::new().days(days)) {
                *d = moved;
            }
        };
        let by_opt = |d: &mut Option<Date>| {
            if let Some(d) = d {
                by(d);
            }
        };
        for r in &mut self.roles {
            by_opt(&mut r.start);
            by_opt(&mut r.end);
            by_opt(&mut r.target_date);
        }
        for s in &mut self.skills {
            if let Some(t) = &mut s.target {
                by_opt(&mut t.by);
            }
            s.history.iter_mut().for_each(|c| by(&mut c.date));
        }
        for g in &mut self.goals {
            by_opt(&mut g.start);
            by_opt(&mut g.due);
            for m in &mut g.milestones {
                by_opt(&mut m.due);
                by_opt(&mut m.done);
            }
        }
        self.people
            .iter_mut()
            .for_each(|p| by_opt(&mut p.last_contact));
        for r in &mut self.reviews {
            by(&mut r.start);
            r.start = r.period.start_of(r.start);
        }
        self.log.iter_mut().for_each(|e| by(&mut e.date));
        self
    }

    /// The plan moved so that its last logged day is `today` (unchanged
    /// without a log).
    #[must_use]
    pub fn brought_up_to(self, today: Date) -> Self {
        let Some(last) = self.log.iter().map(|e| e.date).max() else {
            return self;
        };
        let days = last.until(today).map_or(0, |s| i64::from(s.get_days()));
        self.shifted(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_sample_moved_to_today_keeps_its_shape() {
        let sample = crate::io::sample_plan();
        let today = date(2027, 8, 9);
        let live = sample.clone().brought_up_to(today);
        assert_eq!(live.log.iter().map(|e| e.date).max(), Some(today));
        assert_eq!(live.log.len(), sample.log.len());
        assert!(live.validate().is_empty(), "{:?}", live.validate());
        // Every interval is kept: the first entry is as far back as before.
        let span = |p: &Plan| {
            let first = p.log.iter().map(|e| e.date).min().unwrap_or(today);
            let last = p.log.iter().map(|e| e.date).max().unwrap_or(today);
            first.until(last).map_or(0, |s| s.get_days())
        };
        assert_eq!(span(&live), span(&sample));
        assert!(
            live.reviews
                .iter()
                .all(|r| r.period.start_of(r.start) == r.start)
        );
        // The numbers Today shows are alive: a streak and milestones due soon.
        let index = crate::model::LogIndex::new(&live.log);
        assert!(crate::model::metrics::streak(&index, today) > 0);
        assert!(!crate::model::metrics::due_soon(&live, today, 14).is_empty());
        assert_eq!(Plan::default().brought_up_to(today), Plan::default());
    }

    #[test]
    fn the_live_sample_has_the_same_streak_and_due_days_on_every_weekday() {
        let sample = crate::io::sample_plan();
        let last = sample.log.iter().map(|e| e.date).max().expect("a log");
        let seen = |today: Date| {
            let live = sample.clone().brought_up_to(today);
            let index = crate::model::LogIndex::new(&live.log);
            let due: Vec<_> = crate::model::metrics::due_soon(&live, today, 14)
                .into_iter()
                .map(|(_, m, d)| (m, today.until(d).map_or(0, |s| s.get_days())))
                .collect();
            (crate::model::metrics::streak(&index, today), due)
        };
        let own = seen(last);
        // Weekends without entries do not break a streak, so a sample whose
        // recent run had gaps showed another streak on each weekday.
        for n in 0..7 {
            let today = date(2027, 2, 1 + n);
            assert_eq!(seen(today), own, "opened on {today}");
        }
        assert!(own.0 > 30, "a long streak: {}", own.0);
    }
}
