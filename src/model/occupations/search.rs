//! Search over the occupations' titles and their alternate titles, as
//! people type: words in any order, each word a prefix of a word of the
//! name or one letter off (a typo), the occupation's own title before its
//! other names.
//!
//! Names are folded (lower case, accents and apostrophes dropped, anything
//! not a letter or digit a space) into words. Each query word must match a
//! different or the same word of the name: whole (the word itself, or its
//! plural with `s` or `es`), as a prefix, or, for a query word of 4 letters
//! or more, as a whole word with one typo (a letter inserted, deleted or
//! replaced, or two neighbours swapped). A name's score orders, in turn:
//! more whole-word matches, more prefix matches, the occupation's own title
//! before an alternate, fewer words in the name beyond the query's. An
//! occupation appears once, with its best name; ties go by title.
//!
//! The index keeps each distinct word once with the names it is in, so a
//! keystroke scans the vocabulary (some 11,000 words), not the 59,000
//! names.

use super::{Occupation, Occupations};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One occupation found, and the name that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into [`Occupations::occupations`].
    pub occupation: usize,
    /// The alternate title that matched, when not the occupation's own title.
    pub matched: Option<String>,
    /// Higher is better.
    pub score: u32,
}

/// Built once for all titles and alternate titles.
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Per name: its occupation, and which of its names it is (0 the
    /// title, `i + 1` its alternate `i`).
    names: Vec<(u32, u32)>,
    /// Per name: how many words it has.
    name_words: Vec<u16>,
    /// The distinct folded words of all names, sorted.
    words: Vec<String>,
    /// The names holding `words[w]` are `postings[starts[w]..starts[w + 1]]`,
    /// ascending, each once.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Per element, its mean level over the rated occupations: the centre
    /// "one step away" measures from.
    pub(super) mean_levels: Vec<f32>,
}

/// How a query word matched a word of a name, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Typo,
    Prefix,
    Whole,
}

/// Query words counted; more are ignored (the score's bits hold this many).
const MAX_QUERY_WORDS: usize = 16;

impl Index {
    pub(super) fn new(occupations: &[Occupation]) -> Self {
        let mut names = Vec::new();
        let mut name_words = Vec::new();
        let mut word_ids: HashMap<String, u32, BuildHasherDefault<WordHasher>> =
            HashMap::with_capacity_and_hasher(1 << 15, BuildHasherDefault::default());
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(1 << 18);
        let mut folded = String::new();
        let mut in_name: Vec<u32> = Vec::new();
        let all = occupations.iter().enumerate().flat_map(|(o, occupation)| {
            std::iter::once(&occupation.title)
                .chain(&occupation.alternates)
                .enumerate()
                .map(move |(which, name)| (o, which, name))
        });
        for (o, which, name) in all {
            let id = as_u32(names.len());
            names.push((as_u32(o), as_u32(which)));
            fold(name, &mut folded);
            in_name.clear();
            let mut count: u16 = 0;
            for word in folded.split_ascii_whitespace() {
                count = count.saturating_add(1);
                let next = as_u32(word_ids.len());
                let w = match word_ids.get(word) {
                    Some(&w) => w,
                    None => *word_ids.entry(word.to_string()).or_insert(next),
                };
                if !in_name.contains(&w) {
                    in_name.push(w);
                    pairs.push((w, id));
                }
            }
            name_words.push(count);
        }
        let mut words: Vec<(String, u32)> = word_ids.into_iter().collect();
        words.sort_unstable();
        let mut rank = vec![0_u32; words.len()];
        for (r, (_, old)) in words.iter().enumerate() {
            rank[*old as usize] = as_u32(r);
        }
        let mut starts = vec![0_u32; words.len() + 1];
        for (w, _) in &pairs {
            starts[rank[*w as usize] as usize + 1] += 1;
        }
        for w in 0..words.len() {
            starts[w + 1] += starts[w];
        }
        let mut fill: Vec<u32> = starts[..words.len()].to_vec();
        let mut postings = vec![0_u32; pairs.len()];
        for (w, name) in pairs {
            let slot = &mut fill[rank[w as usize] as usize];
            postings[*slot as usize] = name;
            *slot += 1;
        }
        Self {
            names,
            name_words,
            words: words.into_iter().map(|(w, _)| w).collect(),
            starts,
            postings,
            mean_levels: mean_levels(occupations),
        }
    }

    fn postings(&self, word: usize) -> &[u32] {
        &self.postings[self.starts[word] as usize..self.starts[word + 1] as usize]
    }

    /// The vocabulary's words `query_word` matches, the best matches first.
    fn matches(&self, query_word: &str) -> Vec<(usize, Match)> {
        let first = self.words.partition_point(|w| w.as_str() < query_word);
        let mut found: Vec<(usize, Match)> = self.words[first..]
            .iter()
            .take_while(|w| w.starts_with(query_word))
            .enumerate()
            .map(|(i, w)| {
                let rest = &w[query_word.len()..];
                let whole = rest.is_empty() || rest == "s" || rest == "es";
                (first + i, if whole { Match::Whole } else { Match::Prefix })
            })
            .collect();
        if query_word.chars().count() >= 4 {
            let typos = self.words.iter().enumerate().filter(|(_, w)| {
                w.len().abs_diff(query_word.len()) <= 4
                    && !w.starts_with(query_word)
                    && one_typo(query_word, w)
            });
            found.extend(typos.map(|(i, _)| (i, Match::Typo)));
        }
        found.sort_unstable_by_key(|&(_, m)| std::cmp::Reverse(m));
        found
    }
}

impl Occupations {
    /// The best `limit` occupations for `query`, best first; empty for an
    /// empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let index = &self.index;
        let mut folded = String::new();
        fold(query, &mut folded);
        let query_words: Vec<&str> = folded
            .split_ascii_whitespace()
            .take(MAX_QUERY_WORDS)
            .collect();
        if query_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Per name: how many query words matched so far (a name missing one
        // drops out), and the points of how they matched.
        let mut matched = vec![0_u8; index.names.len()];
        let mut points = vec![0_u32; index.names.len()];
        let mut candidates: Vec<u32> = Vec::new();
        for (i, word) in query_words.iter().enumerate() {
            let i = as_u8(i);
            for (w, how) in index.matches(word) {
                for &name in index.postings(w) {
                    let n = name as usize;
                    if matched[n] != i {
                        continue;
                    }
                    matched[n] = i + 1;
                    points[n] += match how {
                        Match::Whole => 32,
                        Match::Prefix => 1,
                        Match::Typo => 0,
                    };
                    if i == 0 {
                        candidates.push(name);
                    }
                }
            }
        }
        let all = as_u8(query_words.len());
        // Per occupation: its best name's score (0: none) and which name.
        let mut best = vec![(0_u32, 0_u32); self.occupations.len()];
        let mut found: Vec<u32> = Vec::new();
        for name in candidates {
            let n = name as usize;
            if matched[n] != all {
                continue;
            }
            let (occupation, which) = index.names[n];
            let extra = u32::from(index.name_words[n]).saturating_sub(u32::from(all));
            let score = (points[n] << 20) | (u32::from(which == 0) << 19) | (0xFFFF - extra);
            let b = &mut best[occupation as usize];
            if b.0 == 0 {
                found.push(occupation);
            }
            if (score, std::cmp::Reverse(which)) > (b.0, std::cmp::Reverse(b.1)) {
                *b = (score, which);
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .map(|occupation| {
                let (score, which) = best[occupation as usize];
                let o = &self.occupations[occupation as usize];
                Hit {
                    occupation: occupation as usize,
                    matched: (which as usize)
                        .checked_sub(1)
                        .and_then(|a| o.alternates.get(a).cloned()),
                    score,
                }
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            let (oa, ob) = (
                &self.occupations[a.occupation],
                &self.occupations[b.occupation],
            );
            b.score
                .cmp(&a.score)
                .then_with(|| oa.title.cmp(&ob.title))
                .then_with(|| oa.code.cmp(&ob.code))
                .then(a.occupation.cmp(&b.occupation))
        });
        hits.truncate(limit);
        hits
    }
}

/// `text` as search words into `out`: lower case, accents and apostrophes
/// dropped, every other character that is not a letter or digit a space.
fn fold(text: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    out.clear();
    if text.is_ascii() {
        let mut bytes = std::mem::take(out).into_bytes();
        let word_byte = |b: u8| {
            if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else {
                b' '
            }
        };
        if text.contains('\'') {
            bytes.extend(text.bytes().filter(|&b| b != b'\'').map(word_byte));
        } else {
            bytes.extend(text.bytes().map(word_byte));
        }
        // ASCII in, ASCII out: always UTF-8.
        *out = String::from_utf8(bytes).unwrap_or_default();
        return;
    }
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            '\'' | '\u{2019}' => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
}

/// Whether `a` and `b` are one typo apart: a letter inserted, deleted or
/// replaced, or two neighbours swapped (not equal).
fn one_typo(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_typo_in(a.as_bytes(), b.as_bytes())
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_typo_in(&a, &b)
    }
}

fn one_typo_in<T: Eq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let same = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if same == short.len() => false,
        0 => {
            let i = same;
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => short[same..] == long[same + 1..],
        _ => false,
    }
}

/// A fast hash for the index's many short words, eight bytes at a time
/// (as rustc's `FxHasher`; only the built-in names reach it).
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0_u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Each element's mean level over the rated occupations.
fn mean_levels(occupations: &[Occupation]) -> Vec<f32> {
    let rated: Vec<&Occupation> = occupations.iter().filter(|o| o.is_rated()).collect();
    let elements = rated.first().map_or(0, |o| o.ratings.len());
    (0..elements)
        .map(|e| {
            let sum: f32 = rated
                .iter()
                .map(|o| o.ratings.get(e).map_or(0.0, |r| r.level))
                .sum();
            sum / rated.len() as f32
        })
        .collect()
}

/// Counts and indices here stay far below `u32::MAX` (59,000 names).
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn as_u8(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_typo_is_one_letter_inserted_deleted_replaced_or_two_swapped() {
        assert!(one_typo("logistcs", "logistics"), "deleted");
        assert!(one_typo("logistica", "logistics"), "replaced");
        assert!(one_typo("logisstics", "logistics"), "inserted");
        assert!(one_typo("lgoistics", "logistics"), "swapped");
        assert!(one_typo("nurss", "nurse"), "the last letter replaced");
        assert!(!one_typo("logistics", "logistics"), "the same word");
        assert!(!one_typo("lgoistisc", "logistics"), "two typos");
        assert!(!one_typo("nures", "nurser"), "a swap and an insertion");
        assert!(one_typo("café", "cafés"), "not only ASCII");
    }

    #[test]
    fn folding_drops_case_accents_and_apostrophes() {
        let mut out = String::new();
        fold("Chef de Cuisine (Café) – Driver's", &mut out);
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["chef", "de", "cuisine", "cafe", "drivers"]
        );
    }
}
