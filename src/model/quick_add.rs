//! The quick-add line: one typed line such as
//! `Cycle count review 45m #inventory #sigma yesterday` gives a log entry's
//! text, minutes, links and day. One reader for the app's "What did you
//! do?" box and for `stepstone log FILE "LINE"`.
//!
//! The rules:
//! - Words are split at white space. `#part` anywhere is a link: the skill,
//!   goal or person whose name holds `part`, compared by `name_key` (any
//!   case, any script), with `-` or `_` standing for a space in the part
//!   and the names alike ([`find_by_part`], which `stepstone log -s` uses
//!   too). A name equal
//!   to the part wins over names that only hold it; a part held by several
//!   names is ambiguous and one held by none is unknown, and the line is
//!   not saved until either is resolved. `#` alone is text.
//! - Minutes and the day are read only at the line's end: the last run of
//!   words that are all minutes, a day or links. So "Read 3m papers" keeps
//!   its text, and "Read papers 3m" takes 3 minutes. Minutes: `45m`,
//!   `45min`, `1h`, `1h30`, `1h30m`, `1.5h`; several add up (`1h 30m`).
//!   The day: what [`parse_logged_day`] reads in one word (`today`,
//!   `yesterday`, `-2d`, `fri`, `2026-11-23`); a second day ends the run.
//! - A recognised word is kept as text when its start is in `literal`
//!   (the app's Backspace right after a chip), and it ends the run.
//! - The text is the line without the recognised words, its spaces
//!   collapsed.

use super::dates::parse_logged_day;
use super::ids::{GoalId, PersonId, SkillId};
use super::plan::{Plan, name_key};
use jiff::civil::Date;

/// What a `#part` can link to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Linked {
    Skill(SkillId),
    Goal(GoalId),
    Person(PersonId),
}

impl Linked {
    /// The linked item's name in `plan`, and what kind it is.
    pub fn name(self, plan: &Plan) -> Option<(&str, &'static str)> {
        match self {
            Linked::Skill(id) => plan.skill(id).map(|s| (s.name.as_str(), "skill")),
            Linked::Goal(id) => plan.goal(id).map(|g| (g.title.as_str(), "goal")),
            Linked::Person(id) => plan.person(id).map(|p| (p.name.as_str(), "person")),
        }
    }
}

/// Links sorted into what a log entry holds: its skills, goals and
/// people, each once, in the order first given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub skills: Vec<SkillId>,
    pub goals: Vec<GoalId>,
    pub people: Vec<PersonId>,
}

impl Links {
    pub fn of(links: impl IntoIterator<Item = Linked>) -> Self {
        let mut out = Self::default();
        for link in links {
            out.add(link);
        }
        out
    }
    /// Adds a link, unless it is there already.
    pub fn add(&mut self, link: Linked) {
        fn once<T: PartialEq>(list: &mut Vec<T>, id: T) {
            if !list.contains(&id) {
                list.push(id);
            }
        }
        match link {
            Linked::Skill(id) => once(&mut self.skills, id),
            Linked::Goal(id) => once(&mut self.goals, id),
            Linked::Person(id) => once(&mut self.people, id),
        }
    }
}

/// What a recognised word says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Minutes(u32),
    Day(Date),
    Link(Linked),
    /// A `#part` that several names hold (the first few of them).
    Ambiguous(Vec<Linked>),
    /// A `#part` that no name holds.
    Unknown,
}

/// A recognised word: where it is in the line (byte offsets) and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub token: Token,
}

/// A quick-add line as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickLine {
    /// The line without its recognised words.
    pub text: String,
    /// The recognised words, in line order.
    pub words: Vec<Word>,
}

/// Most names listed for an ambiguous part.
const MOST_MATCHES: usize = 5;

impl QuickLine {
    /// The minutes the line gives, all minute words added up.
    pub fn minutes(&self) -> Option<u32> {
        let mut minutes = self.words.iter().filter_map(|w| match w.token {
            Token::Minutes(m) => Some(m),
            _ => None,
        });
        let first = minutes.next()?;
        Some(minutes.fold(first, u32::saturating_add))
    }

    /// The day the line gives.
    pub fn day(&self) -> Option<Date> {
        self.words.iter().find_map(|w| match w.token {
            Token::Day(d) => Some(d),
            _ => None,
        })
    }

    /// The links, each once, in line order.
    pub fn links(&self) -> Vec<Linked> {
        let mut links: Vec<Linked> = Vec::new();
        for w in &self.words {
            if let Token::Link(l) = w.token
                && !links.contains(&l)
            {
                links.push(l);
            }
        }
        links
    }

    /// What stops the line from being saved, a sentence each: parts that
    /// name several items, or none.
    pub fn problems(&self, line: &str, plan: &Plan) -> Vec<String> {
        self.words
            .iter()
            .filter_map(|w| {
                let part = line.get(w.start..w.end).unwrap_or_default();
                match &w.token {
                    Token::Ambiguous(matches) => {
                        let names: Vec<&str> = matches
                            .iter()
                            .filter_map(|l| l.name(plan).map(|(n, _)| n))
                            .collect();
                        Some(format!(
                            "{part} could be {}: type more of the name",
                            names.join(", ")
                        ))
                    }
                    Token::Unknown => Some(format!(
                        "{part} names no skill, goal or person in this plan"
                    )),
                    _ => None,
                }
            })
            .collect()
    }
}

/// Reads `line` against `plan`'s names, with `today` for typed days. Words
/// starting at a byte offset in `literal` stay text.
pub fn parse(line: &str, plan: &Plan, today: Date, literal: &[usize]) -> QuickLine {
    let words = split(line);
    let mut tokens: Vec<Option<Token>> = vec![None; words.len()];
    // Links anywhere.
    for (i, &(start, word)) in words.iter().enumerate() {
        if !literal.contains(&start) {
            tokens[i] = link(word, plan);
        }
    }
    // Minutes and the day in the run at the end.
    let mut day_seen = false;
    for (i, &(start, word)) in words.iter().enumerate().rev() {
        if literal.contains(&start) {
            break;
        }
        if tokens[i].is_some() {
            continue;
        }
        if let Some(m) = minutes(word) {
            tokens[i] = Some(Token::Minutes(m));
        } else if let (false, Ok(d)) = (day_seen, parse_logged_day(word, today)) {
            day_seen = true;
            tokens[i] = Some(Token::Day(d));
        } else {
            break;
        }
    }
    let mut text = String::new();
    let mut found = Vec::new();
    for ((start, word), token) in words.into_iter().zip(tokens) {
        if let Some(token) = token {
            found.push(Word {
                start,
                end: start + word.len(),
                token,
            });
        } else {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    QuickLine { text, words: found }
}

/// The words of `line` with their byte offsets.
fn split(line: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &line[s..]));
    }
    words
}

/// A `#part` word's link (or why it links nothing); `None` for other words.
fn link(word: &str, plan: &Plan) -> Option<Token> {
    let part = word.strip_prefix('#')?;
    let key = part_key(part);
    if key.is_empty() || key.starts_with('#') {
        return None;
    }
    let named = plan
        .skills
        .iter()
        .map(|s| (Linked::Skill(s.id), s.name.as_str()))
        .chain(
            plan.goals
                .iter()
                .map(|g| (Linked::Goal(g.id), g.title.as_str())),
        )
        .chain(
            plan.people
                .iter()
                .map(|p| (Linked::Person(p.id), p.name.as_str())),
        );
    Some(match find_by_part(part, named) {
        Found::None => Token::Unknown,
        Found::One(l) => Token::Link(l),
        Found::Many(many) => Token::Ambiguous(many.into_iter().take(MOST_MATCHES).collect()),
    })
}

/// What a part of a name finds among named items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<T> {
    /// No name holds the part (or the part is empty).
    None,
    /// The one name equal to the part, or the only one holding it.
    One(T),
    /// Every name holding the part, in the order given, when none equals it
    /// (or several do).
    Many(Vec<T>),
}

/// The one rule for finding an item by part of its name, for the quick-add
/// `#part` and `stepstone log -s/-g/-p`: names and part compared by
/// [`name_key`] (any case, any script) with `-` and `_` read as spaces; a
/// name equal to the part wins over names that only hold it.
pub fn find_by_part<'a, T>(part: &str, named: impl IntoIterator<Item = (T, &'a str)>) -> Found<T> {
    let key = part_key(part);
    if key.is_empty() {
        return Found::None;
    }
    let mut exact = Vec::new();
    let mut holding = Vec::new();
    for (item, name) in named {
        let name = part_key(name);
        if name == key {
            exact.push(item);
        } else if name.contains(&key) {
            holding.push(item);
        }
    }
    let mut matches = if exact.is_empty() { holding } else { exact };
    match matches.len() {
        0 => Found::None,
        1 => matches.pop().map_or(Found::None, Found::One),
        _ => Found::Many(matches),
    }
}

/// A name or a part of one as [`find_by_part`] compares it.
fn part_key(name: &str) -> String {
    if name.contains(['-', '_']) {
        name_key(&name.replace(['-', '_'], " "))
    } else {
        name_key(name)
    }
}

/// The minutes a word gives: `45m`, `45min`, `1h`, `1h30`, `1h30m`, `1.5h`
/// (used too where a title may end with its time: a goal of `40h`).
pub fn minutes(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let whole = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (hours, rest) = match w.split_once('h') {
        Some((h, rest)) => (Some(h), rest),
        None => (None, w.as_str()),
    };
    // What follows the hours (or the whole word): "30", "30m", "30min" or nothing.
    let after = rest
        .strip_suffix("min")
        .or_else(|| rest.strip_suffix('m'))
        .unwrap_or(rest);
    match hours {
        // "45m", "45min": a unit is needed, or "45" alone would be minutes.
        None => (after != rest).then(|| whole(after)).flatten(),
        Some(h) if after.is_empty() && rest.is_empty() => hours_of(h),
        Some(h) => whole(h)?.checked_mul(60)?.checked_add(whole(after)?),
    }
}

/// Minutes in `h` hours, written `1` or `1.5`, rounded to the minute.
fn hours_of(h: &str) -> Option<u32> {
    let (a, b) = h.split_once('.').unwrap_or((h, "0"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    let hours: f64 = format!("{a}.{b}").parse().ok()?;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "at most 999999.999999 hours: far below u32::MAX minutes, and not negative"
    )]
    let minutes = (hours * 60.0).round() as u32;
    Some(minutes)
}

#[cfg(test)]
#[path = "quick_add_tests.rs"]
mod tests;
