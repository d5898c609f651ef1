//! The built-in copy of O*NET 29.0's occupation profiles
//! (`assets/occupations/`, made by `examples/build_occupations.rs` from the
//! TSV files), decoded once on first use.

use crate::model::occupations::Occupations;
use std::sync::OnceLock;

/// Every occupation, decoded on first use.
pub fn occupations() -> &'static Occupations {
    static DATA: OnceLock<Occupations> = OnceLock::new();
    DATA.get_or_init(Occupations::default)
}
