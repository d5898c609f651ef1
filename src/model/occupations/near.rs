//! The occupations one step away from a profile.
//!
//! **The rule.** Only rated occupations are compared, and only over the
//! elements the profile knows (an element whose level is `None`, such as a
//! skill the plan does not have, is left out of both sides). Each element
//! counts with the weight `((i - 1) / 4)²`, where `i` is the larger of its
//! importance to the profile and to the candidate: 0 for an element neither
//! finds important at all (importance 1), 1/4 at "important" (3), 1 at
//! "extremely important" (5), so what matters to either side decides the
//! match. Levels are measured from each element's mean over all rated
//! occupations (what sets this work apart from the average job, not what
//! every job needs), and the similarity is the weighted cosine of the two
//! centred level vectors, put on 0 to 1 (`(cos + 1) / 2`): 1 is the same
//! profile, ½ unrelated, 0 the opposite.
//!
//! Why each is near (`shared`): up to three elements important to both
//! (from [`IMPORTANT_FROM`](super::IMPORTANT_FROM)) at levels within one
//! O*NET level of each other, the most important to both first. What the
//! person would still need (`needs`): the first three rows of
//! [`Occupations::gap`] with a level to go, leaving out those already
//! named as shared (within one O*NET level, that is a small step).

use super::{Occupations, Profile};

/// An occupation near a profile, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Near {
    /// Index into [`Occupations::occupations`].
    pub occupation: usize,
    /// 0 to 1; 1 is the same profile.
    pub similarity: f32,
    /// Elements both hold at close levels, the strongest first: why it is near.
    pub shared: Vec<usize>,
    /// The few elements the person would still need, the biggest gap first.
    pub needs: Vec<usize>,
}

/// How many elements `shared` and `needs` name at most.
const REASONS: usize = 3;

/// Levels (O*NET's 0 to 7) this close count as shared.
const CLOSE: f32 = 1.0;

impl Occupations {
    /// The `limit` occupations nearest to `profile`, nearest first (ties by
    /// title), leaving out `except` (the occupation the profile is of).
    /// Empty when the profile knows no element.
    pub fn nearest(&self, profile: &Profile, except: Option<usize>, limit: usize) -> Vec<Near> {
        let centre = &self.index.mean_levels;
        let mut found: Vec<(usize, f32)> = self
            .occupations
            .iter()
            .enumerate()
            .filter(|&(i, o)| o.is_rated() && Some(i) != except)
            .filter_map(|(i, o)| {
                let candidate = o.ratings.iter().map(|r| (r.level, r.importance));
                similarity(profile, candidate, centre).map(|s| (i, s))
            })
            .collect();
        found.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| {
                    self.occupations[a.0]
                        .title
                        .cmp(&self.occupations[b.0].title)
                })
                .then(a.0.cmp(&b.0))
        });
        found.truncate(limit);
        found
            .into_iter()
            .map(|(occupation, similarity)| {
                let shared = self.shared(profile, occupation);
                let needs = self
                    .gap(profile, occupation)
                    .into_iter()
                    .filter(|row| row.levels_to_go() > 0 && !shared.contains(&row.element))
                    .take(REASONS)
                    .map(|row| row.element)
                    .collect();
                Near {
                    occupation,
                    similarity,
                    shared,
                    needs,
                }
            })
            .collect()
    }

    /// Elements important to both at close levels, the most important to
    /// both first, then the higher level, then by name.
    fn shared(&self, profile: &Profile, occupation: usize) -> Vec<usize> {
        let ratings = &self.occupations[occupation].ratings;
        let mut shared: Vec<(usize, f32, f32)> = ratings
            .iter()
            .enumerate()
            .filter_map(|(e, r)| {
                let have = profile.levels.get(e).copied().flatten()?;
                let importance = profile.importance.get(e).copied()?;
                let important = r.is_important() && importance >= super::IMPORTANT_FROM;
                (important && (have - r.level).abs() <= CLOSE).then_some((
                    e,
                    importance + r.importance,
                    r.level,
                ))
            })
            .collect();
        shared.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(b.2.total_cmp(&a.2))
                .then_with(|| self.elements[a.0].name.cmp(&self.elements[b.0].name))
        });
        shared.into_iter().take(REASONS).map(|(e, ..)| e).collect()
    }
}

/// The weight of an element the profile and the candidate find this
/// important (1 to 5): 0 at 1, 1/4 at 3, 1 at 5.
fn weight(importance: f32) -> f32 {
    let scaled = ((importance - 1.0) / 4.0).clamp(0.0, 1.0);
    scaled * scaled
}

/// The module's similarity of `profile` and a candidate's (level,
/// importance) per element, measured from `centre`; `None` when nothing
/// is compared (no known element, or a side with every level at the
/// centre).
fn similarity(
    profile: &Profile,
    candidate: impl Iterator<Item = (f32, f32)>,
    centre: &[f32],
) -> Option<f32> {
    let (mut dot, mut mine, mut theirs) = (0.0_f32, 0.0_f32, 0.0_f32);
    for (e, (level, importance)) in candidate.enumerate() {
        let Some(have) = profile.levels.get(e).copied().flatten() else {
            continue;
        };
        let mid = centre.get(e).copied().unwrap_or(0.0);
        let w = weight(importance.max(profile.importance.get(e).copied().unwrap_or(1.0)));
        let (x, y) = (have - mid, level - mid);
        dot += w * x * y;
        mine += w * x * x;
        theirs += w * y * y;
    }
    let norm = (mine * theirs).sqrt();
    (norm > f32::EPSILON).then(|| (dot / norm).clamp(-1.0, 1.0).mul_add(0.5, 0.5))
}
