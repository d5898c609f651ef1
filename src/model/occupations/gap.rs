//! The gap between where a person is (an occupation's levels, or the plan's
//! own) and where a target occupation needs them.
//!
//! One row per element important to the target (importance from
//! [`IMPORTANT_FROM`](super::IMPORTANT_FROM)), both levels on the plan's
//! scale ([`plan_level`]). The biggest gap weighted by importance comes
//! first (levels to go × importance), then the more important, then by
//! name.

use super::{Occupations, Profile, plan_level};
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
        let Some(target) = self.occupations.get(target) else {
            return Vec::new();
        };
        let mut rows: Vec<GapRow> = target
            .ratings
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_important())
            .map(|(element, r)| GapRow {
                element,
                have: from.levels.get(element).copied().flatten().map(plan_level),
                need: plan_level(r.level),
                importance: r.importance,
                uncertain: r.suppressed,
            })
            .collect();
        rows.sort_unstable_by(|a, b| {
            let weighted = |row: &GapRow| f32::from(row.levels_to_go()) * row.importance;
            weighted(b)
                .total_cmp(&weighted(a))
                .then(b.importance.total_cmp(&a.importance))
                .then_with(|| {
                    self.elements[a.element]
                        .name
                        .cmp(&self.elements[b.element].name)
                })
        });
        rows
    }
}
