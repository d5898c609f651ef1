//! The gap between where a person is (an occupation's levels, or the plan's
//! own) and where a target occupation needs them.

use super::{Occupations, Profile};
use crate::model::Level;

/// One element of the target occupation that matters to it.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    /// Index into [`Occupations::elements`].
    pub element: usize,
    /// Where the person is, on the plan's scale (`None`: not known).
    pub have: Option<Level>,
    /// Where the target needs them, on the plan's scale.
    pub need: Level,
    /// The target's importance (1 to 5).
    pub importance: f32,
    /// The target's level is suppressed by O*NET: shown as uncertain.
    pub uncertain: bool,
}

impl GapRow {
    /// Levels to go (0 when there already).
    pub fn levels_to_go(&self) -> u8 {
        self.need.0.saturating_sub(self.have.map_or(0, |l| l.0))
    }
}

impl Occupations {
    /// The target's important elements, from `from`: the biggest gap
    /// weighted by importance first.
    pub fn gap(&self, from: &Profile, target: usize) -> Vec<GapRow> {
        let _ = (from, target);
        Vec::new()
    }
}
