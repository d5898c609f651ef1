//! The plan and everything that changes or checks it. No egui here.

mod appended;
mod dates;
mod edit;
mod ids;
pub mod insights;
mod log_index;
pub mod merge3;
mod merge_in;
pub mod metrics;
pub mod occupations;
mod overview;
mod plan;
pub mod quick_add;
mod roadmap;
mod share;
mod shift;
mod start;
mod validate;

pub use appended::Base;
pub use dates::{
    Bound, DateError, PeriodError, TypedDayError, parse_bound_day, parse_date, parse_logged_day,
    parse_typed_day,
};
pub use edit::{Edit, EditError, Item, ItemRef};
pub use ids::{EntryId, GoalId, MilestoneId, PersonId, ReviewId, RoleId, SkillId, next_id};
pub use log_index::LogIndex;
pub use merge_in::{Choice, Merge, MergeError, Row, Status};
pub use overview::{Overview, RECENT_DAYS};
pub use plan::*;
pub use roadmap::{Gap, RoleSpan, role_spans, skill_gaps};
pub use share::{ALWAYS_KEPT, Keep, PRIVATE_TEXT, Private, PrivateCounts};
pub use start::{MAX_SKILLS, MilestoneAnswer, SkillAnswer, StartAnswers, skill_line};
pub use validate::{Problem, is_bidi_control, is_safe_link, link_problem};

#[cfg(test)]
mod merge3_tests;
#[cfg(test)]
mod tests;
