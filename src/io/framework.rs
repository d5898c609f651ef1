//! What File > Import reads: another plan, or a published competency
//! framework made into a plan.
//!
//! Frameworks are read in the format of Monzo's open progression framework
//! (MIT), which many published career ladders copy: a Markdown file whose
//! YAML front matter holds `levels` and `topics`, each topic with lists of
//! criteria by level (`content: [{level, criteria, exampleCriteria}]`).
//! Unknown keys are ignored and the Markdown below is not read. Its levels
//! become roles (the lowest the next role, the others long-term, each
//! leading to the one above), its topics become skills, and its level
//! numbers are spread over the plan's scale of 1 to 5: a role requires each
//! topic at the mapped level of the highest level up to its own that the
//! topic has criteria for. Each role's notes list its level's criteria.

use super::{LoadError, load};
use crate::model::{
    Level, LevelNames, Plan, Requirement, Role, RoleId, Skill, SkillId, Stage, name_key,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// The most levels a framework may have (ladders have 4 to 10 or so).
pub const MAX_LEVELS: usize = 20;
/// Framework files over this size are refused (published ones are a few KiB).
pub const MAX_FRAMEWORK_BYTES: u64 = 4 * 1024 * 1024;

/// A plan to import from, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// What to call it: the framework's title, or the file's name.
    pub name: String,
    pub plan: Plan,
    /// For a framework: each of its levels and the plan level it maps to,
    /// lowest first. Empty for a plan.
    pub scale: Vec<(u32, Level)>,
}

impl Incoming {
    /// The scale mapping in words, e.g. "Framework level 1 counts as 1
    /// (aware), 2 as 2 (novice), …"; empty for a plan.
    pub fn scale_text(&self, names: &LevelNames) -> String {
        let pairs: Vec<String> = self
            .scale
            .iter()
            .enumerate()
            .map(|(i, (k, l))| {
                let first = if i == 0 { "Framework level " } else { "" };
                let verb = if i == 0 { "counts as" } else { "as" };
                format!("{first}{k} {verb} {} ({})", l.0, names.name(*l))
            })
            .collect();
        pairs.join(", ")
    }
}

/// Why a file could not be read for import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Plan(#[from] LoadError),
    /// A framework file that cannot be read or used.
    #[error("{}{}: {message}", path.display(), at.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
    Framework {
        path: PathBuf,
        /// Line and column (1-based), when there is one place.
        at: Option<(usize, usize)>,
        message: String,
    },
}

/// A problem in a framework's text, before it has a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkError {
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((l, c)) => write!(f, "{l}:{c}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn problem(message: impl Into<String>) -> FrameworkError {
    FrameworkError {
        at: None,
        message: message.into(),
    }
}

/// Whether `path` holds a framework rather than a plan: a Markdown or YAML
/// file, or any file that starts with YAML front matter (`---`).
fn is_framework(path: &Path) -> bool {
    let by_name = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "yaml", "yml"].contains(&e.to_ascii_lowercase().as_str())
    });
    by_name
        || super::write::open_regular(path).is_ok_and(|f| {
            use std::io::Read;
            let mut start = [0u8; 6];
            let n = f.take(6).read(&mut start).unwrap_or(0);
            let start = start.get(..n).unwrap_or_default();
            start
                .strip_prefix(b"\xef\xbb\xbf".as_slice())
                .unwrap_or(start)
                .starts_with(b"---")
        })
}

/// Reads a plan file, or a framework file made into a plan.
pub fn load_incoming(path: &Path) -> Result<Incoming, ImportError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if !is_framework(path) {
        let (plan, _) = load(path)?;
        return Ok(Incoming {
            name: file_name,
            plan,
            scale: Vec::new(),
        });
    }
    let fail = |at, message: String| ImportError::Framework {
        path: path.to_path_buf(),
        at,
        message,
    };
    let (bytes, _) =
        super::write::read_bounded(path, MAX_FRAMEWORK_BYTES).map_err(|e| match e {
            super::write::ReadError::Io(e) => fail(None, format!("cannot read the file: {e}")),
            super::write::ReadError::TooBig(n) => fail(
                None,
                format!("the file is {n} bytes; frameworks over 4 MiB are refused"),
            ),
        })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| fail(None, "this is not a text file (it is not UTF-8)".into()))?;
    let stem = file_name.split('.').next().unwrap_or_default();
    parse(&text, stem).map_err(|e| fail(e.at, e.message))
}

/// The front matter of a framework file.
#[derive(Deserialize)]
struct FrontMatter {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, rename = "sidebarTitle")]
    sidebar_title: Option<String>,
    #[serde(default)]
    levels: Option<u32>,
    #[serde(default)]
    topics: Option<Vec<Topic>>,
}

#[derive(Deserialize)]
struct Topic {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content: Option<Vec<AtLevel>>,
}

#[derive(Deserialize)]
struct AtLevel {
    level: u32,
    #[serde(default)]
    criteria: Option<Vec<String>>,
    #[serde(default, rename = "exampleCriteria")]
    example_criteria: Option<Vec<Example>>,
}

#[derive(Deserialize)]
struct Example {
    #[serde(default)]
    criteria: Option<String>,
}

/// The YAML of a framework file: its front matter (between `---` lines),
/// or the whole text for a plain YAML file, and the lines before it.
fn yaml_of(text: &str) -> Result<(&str, usize), FrameworkError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Err(problem("the file is empty"));
    };
    if first.trim_end() != "---" {
        return Ok((text, 0));
    }
    let start = first.len();
    let mut at = start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok((&text[start..at], 1));
        }
        at += line.len();
    }
    Err(FrameworkError {
        at: Some((1, 1)),
        message: "the front matter that starts here has no closing `---` line".into(),
    })
}

/// Reads a framework's text; `fallback` names it when it has no title.
pub fn parse(text: &str, fallback: &str) -> Result<Incoming, FrameworkError> {
    let (yaml, offset) = yaml_of(text)?;
    let options = serde_saphyr::options! { with_snippet: false };
    let front: FrontMatter = serde_saphyr::from_str_with_options(yaml, options).map_err(|e| {
        let at = e.location().map(|l| {
            let line = usize::try_from(l.line()).unwrap_or(usize::MAX);
            let col = usize::try_from(l.column()).unwrap_or(usize::MAX);
            (line.saturating_add(offset), col)
        });
        FrameworkError {
            at: at.filter(|(l, _)| *l > 0),
            message: format!(
                "this does not read as a competency framework: {}",
                yaml_message(&e)
            ),
        }
    })?;
    to_incoming(&front, fallback)
}

/// The YAML error's message without the place (given apart), in plain
/// words where the parser's are terse.
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let text = e.to_string();
    let text = text.lines().next().unwrap_or_default();
    // The plain rendering ends with " at line L, column C".
    let text = text.rfind(" at line ").map_or(text, |i| &text[..i]);
    let plain = [
        (
            "invalid u32",
            "expected a whole number (levels count from 1)",
        ),
        ("expected sequence start", "expected a list"),
        ("expected string scalar", "expected a text"),
        (
            "missing field `level`",
            "each entry of a topic's `content` needs a `level:`",
        ),
    ];
    plain
        .iter()
        .find(|(terse, _)| text.contains(terse))
        .map_or(text, |(_, plain)| plain)
        .to_string()
}

/// A title without its leading emoji and a trailing "Framework".
fn clean_title(title: &str) -> String {
    let t = title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let lower = t.to_lowercase();
    let t = if lower.ends_with(" framework") {
        t.get(..t.len() - " framework".len()).unwrap_or(t)
    } else {
        t
    };
    t.trim().to_string()
}

/// A topic's or file's lower-case name as a title: "patient care" → "Patient care".
fn capitalised(name: &str) -> String {
    let name = name.trim().replace(['-', '_'], " ");
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A topic as imported: its skill name and criteria by level.
struct Criteria {
    name: String,
    by_level: BTreeMap<u32, Vec<String>>,
}

fn topics(front: &FrontMatter) -> Vec<Criteria> {
    let mut out: Vec<Criteria> = Vec::new();
    // Where each name (by `name_key`) is in `out`: a topic named twice joins the first.
    let mut at_key: HashMap<String, usize> = HashMap::new();
    for t in front.topics.iter().flatten() {
        let title = t.title.as_deref().map(clean_title).unwrap_or_default();
        let name = if title.is_empty() {
            capitalised(t.name.as_deref().unwrap_or_default())
        } else {
            title
        };
        if name.is_empty() {
            continue;
        }
        let i = *at_key.entry(name_key(&name)).or_insert_with(|| {
            out.push(Criteria {
                name,
                by_level: BTreeMap::new(),
            });
            out.len() - 1
        });
        for at in t.content.iter().flatten() {
            let listed = at.criteria.iter().flatten().cloned();
            let examples = at
                .example_criteria
                .iter()
                .flatten()
                .filter_map(|e| e.criteria.clone());
            let texts = listed
                .chain(examples)
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty());
            out[i].by_level.entry(at.level).or_default().extend(texts);
        }
    }
    out
}

/// Spreads the framework's levels over the plan's 1 to 5: unchanged when
/// they fit, else linearly from the lowest (1) to the highest (5), rounded.
fn scale(levels: &[u32]) -> Vec<(u32, Level)> {
    let (lo, hi) = (
        levels.first().copied().unwrap_or(1),
        levels.last().copied().unwrap_or(1),
    );
    let fits = lo >= 1 && hi <= u32::from(Level::MAX.0);
    levels
        .iter()
        .map(|&k| {
            let plan = if fits {
                k
            } else if hi == lo {
                k.clamp(1, 5)
            } else {
                let (k, lo, hi) = (u64::from(k), u64::from(lo), u64::from(hi));
                let spread = (8 * (k - lo) + (hi - lo)) / (2 * (hi - lo));
                u32::try_from(1 + spread).unwrap_or(5)
            };
            (k, Level(u8::try_from(plan.min(5)).unwrap_or(5)))
        })
        .collect()
}

fn to_incoming(front: &FrontMatter, fallback: &str) -> Result<Incoming, FrameworkError> {
    let topics = topics(front);
    if !topics.iter().any(|t| !t.by_level.is_empty()) {
        return Err(problem(
            "no topics with criteria by level; only frameworks written as `levels` and `topics` \
             in their front matter can be imported",
        ));
    }
    let declared = front.levels.unwrap_or(0);
    if declared as usize > MAX_LEVELS {
        return Err(problem(format!(
            "it has {declared} levels; frameworks of up to {MAX_LEVELS} levels can be imported"
        )));
    }
    let mut levels: Vec<u32> = (1..=declared)
        .chain(topics.iter().flat_map(|t| t.by_level.keys().copied()))
        .collect();
    levels.sort_unstable();
    levels.dedup();
    if levels.len() > MAX_LEVELS {
        return Err(problem(format!(
            "it has {} levels; frameworks of up to {MAX_LEVELS} levels can be imported",
            levels.len()
        )));
    }
    let scale = scale(&levels);
    let mapped = |k: u32| {
        scale
            .iter()
            .find(|(x, _)| *x == k)
            .map_or(Level(1), |(_, l)| *l)
    };
    let name = [front.title.as_deref(), front.sidebar_title.as_deref()]
        .into_iter()
        .flatten()
        .map(clean_title)
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| capitalised(fallback));

    let skills = topics
        .iter()
        .zip(1..)
        .map(|(t, id)| Skill {
            category: name.clone(),
            ..Skill::new(SkillId(id), &t.name)
        })
        .collect();
    let mut plan = Plan {
        skills,
        ..Plan::default()
    };
    for ((i, &k), id) in levels.iter().enumerate().zip(1..) {
        let stage = if i == 0 { Stage::Next } else { Stage::LongTerm };
        let mut role = Role::new(RoleId(id), format!("{name} level {k}"), stage);
        if i + 1 < levels.len() {
            role.leads_to.push(RoleId(id + 1));
        }
        let mut notes = Vec::new();
        for (t, skill) in topics.iter().zip(1..) {
            // The highest level up to this one that the topic sets criteria for.
            if let Some((&at, _)) = t.by_level.range(..=k).next_back() {
                role.requires.push(Requirement {
                    skill: SkillId(skill),
                    level: mapped(at),
                });
            }
            if let Some(criteria) = t.by_level.get(&k).filter(|c| !c.is_empty()) {
                let list: Vec<String> = criteria.iter().map(|c| format!("- {c}")).collect();
                notes.push(format!("{}:\n{}", t.name, list.join("\n")));
            }
        }
        role.notes = notes.join("\n\n");
        plan.roles.push(role);
    }
    Ok(Incoming { name, plan, scale })
}
