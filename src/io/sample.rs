//! The built-in sample plan, shown on first run and used by tests.

use crate::model::Plan;

/// The sample plan's text, compiled into the binary.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.stepstone.ron");

/// The sample plan. It is checked by tests, so failing here is a build bug;
/// an empty plan is returned rather than a panic.
pub fn sample_plan() -> Plan {
    super::from_ron(SAMPLE_RON).unwrap_or_default()
}

/// The sample plan with a log of `n` entries: its own entries, repeated on
/// earlier days (nine a day), for benchmarks and tests of large plans.
pub fn sample_with_log(n: usize) -> Plan {
    let mut plan = sample_plan();
    let templates = std::mem::take(&mut plan.log);
    let Some(last) = templates.last().map(|e| e.date) else {
        return plan;
    };
    plan.log = (0..n)
        .map(|i| {
            let mut e = templates[i % templates.len()].clone();
            e.id = crate::model::EntryId(u32::try_from(i + 1).unwrap_or(u32::MAX));
            let days_back = i64::try_from((n - 1 - i) / 9).unwrap_or(0);
            e.date = last
                .checked_sub(jiff::Span::new().days(days_back))
                .unwrap_or(last);
            e
        })
        .collect();
    plan
}
