//! The occupations one step away from a profile.

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

impl Occupations {
    /// The `limit` occupations nearest to `profile`, nearest first, leaving
    /// out `except` (the occupation the profile is of).
    pub fn nearest(&self, profile: &Profile, except: Option<usize>, limit: usize) -> Vec<Near> {
        let _ = (profile, except, limit);
        Vec::new()
    }
}
