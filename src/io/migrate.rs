//! One reader per format version, each turning its file into today's `Plan`.
//!
//! To change the format: freeze the current reader as `v1`, add a `v2` one,
//! write `From<v1::File> for v2::File`, bump `CURRENT_VERSION`, and add a
//! fixture of the new version to `tests/fixtures/`.

use super::error::FormatError;
use super::format::{CURRENT_VERSION, ron_error, ron_options};
use crate::model::{LogEntry, Plan};

/// A plan as read, and whether its text has hand-written comments.
pub struct Read {
    pub plan: Plan,
    pub comments: bool,
}

/// Reads text already known to declare `version`.
pub fn read(version: u32, text: &str) -> Result<Read, FormatError> {
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
    use super::{FormatError, Read, ron_error, ron_options};
    use crate::io::format::has_comments;
    use crate::io::{entry_line, log_lines};
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

    pub fn read(text: &str) -> Result<Read, FormatError> {
        match read_split(text) {
            // The fast path takes no log line with a comment: only the head may have one.
            Some((plan, head, _)) => Ok(Read {
                plan,
                comments: has_comments(head),
            }),
            None => read_whole(text).map(|plan| Read {
                plan,
                comments: has_comments(text),
            }),
        }
    }

    /// The ordinary parse of the whole text, which also finds the exact
    /// place of any error.
    pub fn read_whole(text: &str) -> Result<Plan, FormatError> {
        let f = ron_options()
            .from_str::<File>(text)
            .map_err(|e| ron_error(&e, text))?;
        Ok(f.into())
    }

    /// The parser's error for the text, as it gives it.
    pub fn first_error(text: &str) -> Option<ron::error::SpannedError> {
        ron_options().from_str::<File>(text).err()
    }

    /// The fast path for files laid out as Stepstone writes them: the head
    /// and the log lines are parsed separately, the log in parallel. `None`
    /// sends the caller to the whole-file parse; whenever this gives a plan,
    /// the whole-file parse gives the same one.
    pub fn read_fast(text: &str) -> Option<Plan> {
        read_split(text).map(|(plan, _, _)| plan)
    }

    /// [`read_fast`], also giving how many log lines were read by hand.
    pub fn read_fast_counted(text: &str) -> Option<(Plan, usize)> {
        read_split(text).map(|(plan, _, by_hand)| (plan, by_hand))
    }

    /// The entry read from one log line by hand (`None` when it is not in
    /// the shape Stepstone writes) and by `ron`.
    pub fn log_line(body: &str) -> (Option<LogEntry>, Option<LogEntry>) {
        (
            entry_line::read(body),
            ron_options().from_str::<LogEntry>(body).ok(),
        )
    }

    /// [`read_fast`], also giving the text before the log and how many
    /// log lines were read by hand.
    fn read_split(text: &str) -> Option<(Plan, &str, usize)> {
        let (head, lines) = log_lines::split(text)?;
        if !only_implicit_some(head) {
            return None;
        }
        let mut f: File = ron_options().from_str(&format!("{head}],\n)")).ok()?;
        let (log, by_hand) = log_lines::read(lines)?;
        f.log = log;
        Some((f.into(), head, by_hand))
    }

    /// Whether the file turns on no RON extension but `implicit_some` (which
    /// the log lines are read with); others could change how a line reads.
    fn only_implicit_some(head: &str) -> bool {
        let before = head.find("format_version").map_or(head, |i| &head[..i]);
        // Every `#` (RON allows blanks inside `#![...]`) must start exactly this.
        before.matches('#').count() == before.matches("#![enable(implicit_some)]").count()
    }

    impl From<File> for Plan {
        fn from(f: File) -> Self {
            let mut log = f.log;
            // A link written twice by hand means no more than once.
            log.iter_mut().for_each(LogEntry::dedup_links);
            Plan {
                owner: f.owner,
                purpose: f.purpose,
                level_names: f.level_names,
                roles: f.roles,
                skills: f.skills,
                goals: f.goals,
                people: f.people,
                reviews: f.reviews,
                log,
            }
        }
    }
}

/// The list of allowed values in serde's "unknown variant" message for
/// `text`, a plan with `Zz_not_a_value` put where a bad name was. The
/// parser's own message is read: making it into words for people probes
/// again, and a probe that fails the same way would never end.
pub(super) fn expected_variants(text: &str) -> Option<String> {
    let message = v1::first_error(text)?.code.to_string();
    let list = message
        .split_once("expected one of ")
        .map(|(_, l)| l)
        .or_else(|| message.split_once("expected ").map(|(_, l)| l))?;
    Some(list.trim_end_matches(" instead").to_string())
}

/// The fast reader (`None` when it cannot take the file) and the
/// whole-file reader of the current version.
pub type Readers = (
    fn(&str) -> Option<Plan>,
    fn(&str) -> Result<Plan, FormatError>,
);

/// Both readers of the current version, for tests that compare them.
#[doc(hidden)]
pub fn current_readers() -> Readers {
    (v1::read_fast, v1::read_whole)
}

/// The fast reader of the current version, also giving how many log lines
/// it read by hand rather than by `ron`, for tests that check the hand
/// reader is used.
#[doc(hidden)]
pub fn read_fast_counted(text: &str) -> Option<(Plan, usize)> {
    v1::read_fast_counted(text)
}

/// The hand reader of one log line (the text between the indent and the
/// comma) and `ron`'s, for tests that compare them: whenever the first
/// gives an entry, the second gives the same.
#[doc(hidden)]
pub fn log_line_readers(body: &str) -> (Option<LogEntry>, Option<LogEntry>) {
    v1::log_line(body)
}
