//! The built-in copy of O*NET 29.0's occupation profiles
//! (`assets/occupations/onet.bin`, made by `examples/build_occupations.rs`
//! from the TSV files), decoded once on first use.
//!
//! The asset is deflate-compressed bytes: [`MAGIC`], then the elements
//! (count, then per element its id, kind byte 0 skill / 1 knowledge, name
//! and description), then the occupations (count, then per occupation its
//! code, title, description, its alternate titles (count, then each) and a
//! rated byte 0 / 1), then for each rated occupation one rating per element:
//! importance and level in hundredths as two little-endian `u16`, the
//! level's top bit set when O*NET suppresses it. Counts and string lengths
//! are LEB128 varints; strings are UTF-8.

use crate::model::name_key;
use crate::model::occupations::{Element, ElementKind, Occupation, Occupations, Rating};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What the decompressed asset starts with (its layout's version last).
pub const MAGIC: &[u8] = b"stepstone-onet\x01";

/// The committed asset.
const ASSET: &[u8] = include_bytes!("../../assets/occupations/onet.bin");

/// No built-in copy decompresses to more than this (the real one is about
/// 2.5 MB).
const MAX_DECODED: usize = 32 * 1024 * 1024;

/// The level's bit that says O*NET suppresses it.
const SUPPRESSED: u16 = 0x8000;

/// Every occupation, decoded on first use (decompressed, parsed and its
/// search index built, in about 30 ms on a two-core machine).
pub fn occupations() -> &'static Occupations {
    static DATA: OnceLock<Occupations> = OnceLock::new();
    // The asset is committed and `tests/occupations.rs` decodes it, so the
    // empty fallback is never reached by a released build.
    DATA.get_or_init(|| decode(ASSET).unwrap_or_default())
}

/// The compressed bytes of `data`, as the asset holds them.
pub fn encode(data: &Occupations) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    varint(&mut out, data.elements.len());
    for e in &data.elements {
        text(&mut out, &e.id);
        out.push(match e.kind {
            ElementKind::Skill => 0,
            ElementKind::Knowledge => 1,
        });
        text(&mut out, &e.name);
        text(&mut out, &e.description);
    }
    varint(&mut out, data.occupations.len());
    for o in &data.occupations {
        text(&mut out, &o.code);
        text(&mut out, &o.title);
        text(&mut out, &o.description);
        varint(&mut out, o.alternates.len());
        for a in &o.alternates {
            text(&mut out, a);
        }
        out.push(u8::from(o.is_rated()));
    }
    for o in data.occupations.iter().filter(|o| o.is_rated()) {
        for r in &o.ratings {
            out.extend_from_slice(&hundredths(r.importance).to_le_bytes());
            let level = hundredths(r.level) | if r.suppressed { SUPPRESSED } else { 0 };
            out.extend_from_slice(&level.to_le_bytes());
        }
    }
    miniz_oxide::deflate::compress_to_vec(&out, 10)
}

/// The occupations in `bytes` (made by [`encode`]), with their search index.
pub fn decode(bytes: &[u8]) -> Result<Occupations, String> {
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_DECODED)
        .map_err(|e| format!("the occupations data does not decompress ({:?})", e.status))?;
    if !raw.starts_with(MAGIC) {
        return Err("this is not Stepstone's occupations data, or a newer layout".to_string());
    }
    let mut r = Reader {
        bytes: &raw,
        at: MAGIC.len(),
    };
    let count = r.count()?;
    let mut elements = Vec::with_capacity(count);
    for _ in 0..count {
        let id = r.text()?;
        let kind = match r.byte()? {
            0 => ElementKind::Skill,
            1 => ElementKind::Knowledge,
            other => return Err(format!("element {id} has an unknown kind {other}")),
        };
        elements.push(Element {
            id,
            kind,
            name: r.text()?,
            description: r.text()?,
        });
    }
    let count = r.count()?;
    let mut occupations = Vec::with_capacity(count);
    let mut rated = Vec::with_capacity(count);
    for _ in 0..count {
        let code = r.text()?;
        let title = r.text()?;
        let description = r.text()?;
        let alternates = (0..r.count()?)
            .map(|_| r.text())
            .collect::<Result<_, _>>()?;
        rated.push(r.byte()? == 1);
        occupations.push(Occupation {
            code,
            title,
            description,
            alternates,
            ratings: Vec::new(),
        });
    }
    for (o, _) in occupations
        .iter_mut()
        .zip(rated)
        .filter(|(_, rated)| *rated)
    {
        o.ratings = (0..elements.len())
            .map(|_| {
                let importance = r.u16()?;
                let level = r.u16()?;
                Ok(Rating {
                    importance: f32::from(importance) / 100.0,
                    level: f32::from(level & !SUPPRESSED) / 100.0,
                    suppressed: level & SUPPRESSED != 0,
                })
            })
            .collect::<Result<_, String>>()?;
    }
    if r.at != raw.len() {
        return Err("the occupations data has bytes after its end".to_string());
    }
    Ok(Occupations::new(elements, occupations))
}

/// The occupations in O*NET's tab-separated files (the text of each, with
/// its header row), as `../shared/data/onet/README.md` describes them. A
/// short title other than `n/a` is one more alternate name; a level O*NET
/// calls not relevant is level 0.
pub fn from_tsv(
    elements: &str,
    occupations: &str,
    alternates: &str,
    ratings: &str,
) -> Result<Occupations, String> {
    let elements = rows("elements.tsv", elements, 4)?
        .map(|(line, f)| {
            let kind = match f[1] {
                "skill" => ElementKind::Skill,
                "knowledge" => ElementKind::Knowledge,
                other => return Err(format!("elements.tsv:{line}: unknown kind {other}")),
            };
            Ok(Element {
                id: f[0].to_string(),
                kind,
                name: f[2].to_string(),
                description: f[3].to_string(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut list: Vec<Occupation> = rows("occupations.tsv", occupations, 3)?
        .map(|(_, f)| Occupation {
            code: f[0].to_string(),
            title: f[1].to_string(),
            description: f[2].to_string(),
            alternates: Vec::new(),
            ratings: Vec::new(),
        })
        .collect();
    let by_code: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, o)| (o.code.clone(), i))
        .collect();
    let find = |file: &str, line: usize, code: &str| {
        by_code
            .get(code)
            .copied()
            .ok_or_else(|| format!("{file}:{line}: no occupation {code}"))
    };
    for (line, f) in rows("alternate_titles.tsv", alternates, 3)? {
        let o = &mut list[find("alternate_titles.tsv", line, f[0])?];
        o.alternates.push(f[1].to_string());
        let short = f[2].trim();
        if !short.is_empty() && short != "n/a" {
            let key = name_key(short);
            let known = std::iter::once(&o.title)
                .chain(&o.alternates)
                .any(|name| name_key(name) == key);
            if !known {
                o.alternates.push(short.to_string());
            }
        }
    }
    let element_at: HashMap<&str, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut seen = vec![0_usize; list.len()];
    for (line, f) in rows("ratings.tsv", ratings, 6)? {
        let at = |what: &str| format!("ratings.tsv:{line}: {what}");
        let o = find("ratings.tsv", line, f[0])?;
        let e = *element_at
            .get(f[1])
            .ok_or_else(|| at(&format!("no element {}", f[1])))?;
        let number = |text: &str| {
            text.parse::<f32>()
                .map_err(|_| at(&format!("{text} is not a number")))
        };
        let importance = number(f[2])?;
        let level = if f[4] == "Y" { 0.0 } else { number(f[3])? };
        if !(1.0..=5.0).contains(&importance) || !(0.0..=7.0).contains(&level) {
            return Err(at("a rating off O*NET's scales"));
        }
        let ratings = &mut list[o].ratings;
        ratings.resize(elements.len(), Rating::default());
        ratings[e] = Rating {
            importance,
            level,
            suppressed: f[5] == "Y",
        };
        seen[o] += 1;
    }
    if let Some((o, _)) = list
        .iter()
        .zip(&seen)
        .find(|(o, seen)| o.is_rated() && **seen != elements.len())
    {
        return Err(format!(
            "ratings.tsv: {} does not rate every element once",
            o.code
        ));
    }
    Ok(Occupations::new(elements, list))
}

/// The rows of a tab-separated file after its header, each with its line
/// number and exactly `fields` fields.
fn rows<'a>(
    file: &'a str,
    text: &'a str,
    fields: usize,
) -> Result<impl Iterator<Item = (usize, Vec<&'a str>)>, String> {
    let rows: Vec<(usize, Vec<&str>)> = text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.is_empty())
        .map(|(i, line)| (i + 1, line.split('\t').collect()))
        .collect();
    if let Some((line, f)) = rows.iter().find(|(_, f)| f.len() != fields) {
        return Err(format!(
            "{file}:{line}: {} fields where {fields} were expected",
            f.len()
        ));
    }
    Ok(rows.into_iter())
}

/// A number on O*NET's scales (two decimals) in hundredths.
fn hundredths(value: f32) -> u16 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=700"
    )]
    let n = (value.clamp(0.0, 7.0) * 100.0).round() as u16;
    n
}

fn varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        #[expect(clippy::cast_possible_truncation, reason = "the low seven bits")]
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    #[expect(clippy::cast_possible_truncation, reason = "below 0x80")]
    out.push(n as u8);
}

fn text(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Reads the decompressed layout, each read checked against its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| "the occupations data ends too early".to_string())?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    /// A count or a length: never more than the bytes left, so a damaged
    /// count cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, String> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return if n <= self.bytes.len() - self.at {
                    Ok(n)
                } else {
                    Err("the occupations data ends too early".to_string())
                };
            }
        }
        Err("the occupations data has a number too long".to_string())
    }

    fn text(&mut self) -> Result<String, String> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?)
            .map(str::to_string)
            .map_err(|_| "the occupations data has text that is not UTF-8".to_string())
    }
}
