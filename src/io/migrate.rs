//! One reader per format version, each turning its file into today's `Plan`.
//!
//! To change the format: freeze the current reader as `v1`, add a `v2` one,
//! write `From<v1::File> for v2::File`, bump `CURRENT_VERSION`, and add a
//! fixture of the new version to `tests/fixtures/`.

use super::error::FormatError;
use super::format::{CURRENT_VERSION, ron_error, ron_options};
use crate::model::Plan;

/// Reads text already known to declare `version`.
pub fn read(version: u32, text: &str) -> Result<Plan, FormatError> {
    match version {
        1 => v1::read(text),
        0 => Err(FormatError::UnknownVersion(0)),
        found => Err(FormatError::TooNew {
            found,
            supported: CURRENT_VERSION,
        }),
    }
}

mod v1 {
    use super::{FormatError, ron_error, ron_options};
    use crate::io::log_lines;
    use crate::model::{Goal, LevelNames, LogEntry, Person, Plan, Review, Role, Skill};
    use serde::Deserialize;

    /// A version 1 file, as written.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename = "Plan")]
    struct File {
        #[expect(
            dead_code,
            reason = "checked before parsing; kept so the field is known"
        )]
        format_version: u32,
        #[serde(default)]
        owner: String,
        #[serde(default)]
        purpose: Vec<String>,
        #[serde(default)]
        level_names: LevelNames,
        #[serde(default)]
        roles: Vec<Role>,
        #[serde(default)]
        skills: Vec<Skill>,
        #[serde(default)]
        goals: Vec<Goal>,
        #[serde(default)]
        people: Vec<Person>,
        #[serde(default)]
        reviews: Vec<Review>,
        #[serde(default)]
        log: Vec<LogEntry>,
    }

    pub fn read(text: &str) -> Result<Plan, FormatError> {
        let f = match read_split(text) {
            Some(f) => f,
            None => ron_options()
                .from_str::<File>(text)
                .map_err(|e| ron_error(&e))?,
        };
        Ok(Plan {
            owner: f.owner,
            purpose: f.purpose,
            level_names: f.level_names,
            roles: f.roles,
            skills: f.skills,
            goals: f.goals,
            people: f.people,
            reviews: f.reviews,
            log: f.log,
        })
    }

    /// The fast path for files laid out as Stepstone writes them: the head
    /// and the log lines are parsed separately, the log in parallel. `None`
    /// sends the caller to the whole-file parse, which also finds the exact
    /// place of any error.
    fn read_split(text: &str) -> Option<File> {
        let (head, lines) = log_lines::split(text)?;
        let mut f: File = ron_options().from_str(&format!("{head}],\n)")).ok()?;
        f.log = log_lines::read(lines)?;
        Some(f)
    }
}
