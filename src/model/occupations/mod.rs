//! Occupations: O*NET 29.0's skill and knowledge profiles of U.S.
//! occupations (CC BY 4.0, see [`ATTRIBUTION`]), to pick a target role, see
//! the gap to it and find the occupations one step away. The data is read
//! by `io::occupations`; everything here works on it in memory. No egui.
//!
//! Scales: O*NET rates each of 68 elements (35 skills, 33 knowledge areas)
//! for an occupation by importance (1 to 5) and level (0 to 7). An element
//! matters to an occupation from importance [`IMPORTANT_FROM`]; its level
//! maps onto the plan's 0 to 5 by [`plan_level`].

mod gap;
mod near;
#[cfg(test)]
mod scale_tests;
mod search;
mod take;

pub use gap::GapRow;
pub use near::Near;
pub use search::Hit;
pub use take::take_edit;

use super::{Level, Plan, name_key};
use jiff::civil::Date;

/// The words the data's licence asks for wherever it is shown.
pub const ATTRIBUTION: &str = "This product includes information from the O*NET 29.0 Database by \
    the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under \
    the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA. Stepstone has modified the \
    information; USDOL/ETA has not approved, endorsed or tested these modifications.";

/// A short line for places with little room, pointing at the full words.
pub const SOURCE: &str = "O*NET 29.0 (USDOL/ETA, CC BY 4.0): U.S. occupations";

/// The importance (1 to 5) from which an element matters to an occupation,
/// as O*NET's own tools count it.
pub const IMPORTANT_FROM: f32 = 3.0;

/// The category given to a skill taken from an occupation, by kind.
pub const SKILL_CATEGORY: &str = "Skill (O*NET)";
pub const KNOWLEDGE_CATEGORY: &str = "Knowledge (O*NET)";

/// A skill or a knowledge area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementKind {
    Skill,
    Knowledge,
}

/// One of the 68 rated elements.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// O*NET's id, such as `2.A.1.a`.
    pub id: String,
    pub kind: ElementKind,
    pub name: String,
    pub description: String,
}

/// How an occupation rates one element.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rating {
    /// 1 (not important) to 5 (extremely important).
    pub importance: f32,
    /// 0 to 7: how much of it the work needs.
    pub level: f32,
    /// O*NET advises against showing the level (too few answers, or too
    /// wide an interval): shown as uncertain.
    pub suppressed: bool,
}

impl Rating {
    pub fn is_important(self) -> bool {
        self.importance >= IMPORTANT_FROM
    }
}

/// One occupation.
#[derive(Clone, Debug, PartialEq)]
pub struct Occupation {
    /// The O*NET-SOC code, such as `29-1141.00`.
    pub code: String,
    pub title: String,
    pub description: String,
    /// Other names people use for it.
    pub alternates: Vec<String>,
    /// One rating per element, in the order of [`Occupations::elements`];
    /// empty for the occupations O*NET does not rate ("All Other" codes).
    pub ratings: Vec<Rating>,
}

impl Occupation {
    pub fn is_rated(&self) -> bool {
        !self.ratings.is_empty()
    }
}

/// Every occupation and element, with the search index built once.
#[derive(Debug, Default)]
pub struct Occupations {
    pub elements: Vec<Element>,
    pub occupations: Vec<Occupation>,
    index: search::Index,
}

/// Levels on O*NET's 0 to 7 scale, one per element (in the order of
/// [`Occupations::elements`]), with how much each matters; what the gap and
/// "one step away" compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// The O*NET level (0 to 7) held or needed per element; `None` where
    /// not known (a plan with no skill of that name).
    pub levels: Vec<Option<f32>>,
    /// The importance (1 to 5) per element, for weighting.
    pub importance: Vec<f32>,
}

impl Occupations {
    /// The data, with its search index built.
    pub fn new(elements: Vec<Element>, occupations: Vec<Occupation>) -> Self {
        let index = search::Index::new(&occupations);
        Self {
            elements,
            occupations,
            index,
        }
    }

    /// The occupation with this O*NET-SOC code (`29-1141.00`; `29-1141`
    /// means `.00`).
    pub fn by_code(&self, code: &str) -> Option<usize> {
        let code = code.trim();
        let full = if code.contains('.') {
            code.to_string()
        } else {
            format!("{code}.00")
        };
        self.occupations.iter().position(|o| o.code == full)
    }

    /// The element whose name is `name` (by `name_key`).
    pub fn element_named(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        self.elements.iter().position(|e| name_key(&e.name) == key)
    }

    /// An occupation's important elements, most important first (ties by
    /// level, then by name).
    pub fn important(&self, occupation: usize) -> Vec<usize> {
        let Some(o) = self.occupations.get(occupation) else {
            return Vec::new();
        };
        let mut elements: Vec<usize> = (0..o.ratings.len())
            .filter(|&e| o.ratings[e].is_important())
            .collect();
        elements.sort_by(|&a, &b| {
            let (ra, rb) = (o.ratings[a], o.ratings[b]);
            rb.importance
                .total_cmp(&ra.importance)
                .then(rb.level.total_cmp(&ra.level))
                .then_with(|| self.elements[a].name.cmp(&self.elements[b].name))
        });
        elements
    }

    /// An occupation's profile: its levels and importances.
    pub fn profile(&self, occupation: usize) -> Option<Profile> {
        let o = self.occupations.get(occupation).filter(|o| o.is_rated())?;
        Some(Profile {
            levels: o.ratings.iter().map(|r| Some(r.level)).collect(),
            importance: o.ratings.iter().map(|r| r.importance).collect(),
        })
    }

    /// The plan's own profile: for each element a plan skill is named
    /// after (by `name_key`), the person's level reached by `today`, put
    /// back on O*NET's scale ([`onet_level`]); other elements unknown.
    pub fn plan_profile(&self, plan: &Plan, today: Date) -> Profile {
        let levels = self
            .elements
            .iter()
            .map(|e| {
                let key = name_key(&e.name);
                plan.skills
                    .iter()
                    .find(|s| name_key(&s.name) == key)
                    .map(|s| onet_level(s.current_level(today)))
            })
            .collect();
        Profile {
            levels,
            importance: vec![IMPORTANT_FROM; self.elements.len()],
        }
    }
}

/// O*NET's level (0 to 7) on the plan's scale (0 to 5): `round(level × 5 /
/// 7)`, so 0 stays 0, 7 is 5, 3.5 is 3 (rounded half up: 2.5 is 3), and
/// any level above 0.7 is at least 1.
pub fn plan_level(onet: f32) -> Level {
    let scaled = (onet.clamp(0.0, 7.0) * 5.0 / 7.0).round();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=5"
    )]
    let level = scaled.clamp(0.0, 5.0) as u8;
    Level(level)
}

/// A plan level (0 to 5) on O*NET's scale (0 to 7): `level × 7 / 5`.
pub fn onet_level(level: Level) -> f32 {
    f32::from(level.0.min(5)) * 7.0 / 5.0
}
