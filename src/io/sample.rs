//! The built-in sample plan, shown on first run and used by tests.

use crate::model::Plan;

/// The sample plan's text, compiled into the binary.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.stepstone.ron");

/// The sample plan. It is checked by tests, so failing here is a build bug;
/// an empty plan is returned rather than a panic.
pub fn sample_plan() -> Plan {
    super::from_ron(SAMPLE_RON).unwrap_or_default()
}
