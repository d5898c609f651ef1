//! The hand-written log line against `ron`: the same bytes written, the same
//! entry read, and every other shape left to `ron`.

use super::entry_line::{read, write};
use super::format::{ron_options, unescape_readable};
use super::log_lines;
use crate::model::{EntryId, ExperienceKind, GoalId, LogEntry, PersonId, SkillId};
use jiff::civil::{Date, date};
use proptest::prelude::*;

/// The line as `ron` writes it: what the log was written with before.
fn ron_line(entry: &LogEntry) -> String {
    let config = ron::ser::PrettyConfig::new()
        .compact_structs(true)
        .compact_arrays(true);
    let mut s = String::new();
    ron_options()
        .to_writer_pretty(&mut s, entry, config)
        .expect("ron writes an entry");
    unescape_readable(s)
}

fn hand_line(entry: &LogEntry) -> String {
    let mut s = String::new();
    write(entry, &mut s);
    s
}

fn ron_read(line: &str) -> Option<LogEntry> {
    ron_options().from_str(line).ok()
}

/// Characters each writer treats specially: escapes, controls, marks that
/// `char::escape_debug` escapes, separators, emoji.
const ODD: [&str; 24] = [
    "\"",
    "\\",
    "'",
    "\n",
    "\r",
    "\t",
    "\0",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{ad}",
    "\u{301}",
    "\u{200d}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{e0001}",
    "\u{10ffff}",
    "\u{1f469}\u{200d}\u{1f4bb}",
    "\\u{41}",
    "\\'",
    "// not a comment",
    "r#\"raw\"#",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(&ODD[..]).prop_map(str::to_string),
                "[a-zA-Z ,()\\[\\]:]{0,6}",
            ],
            0..8
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// Any day; `readable` keeps to the years the strict date rule reads
/// (`YYYY-MM-DD`: 0 to 9999).
fn day(readable: bool) -> impl Strategy<Value = Date> {
    let years = if readable {
        0i16..=9999
    } else {
        -9999i16..=9999
    };
    (years, 1i8..=12, 1i8..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_else(|_| date(y, m, 1).last_of_month()))
}

fn ids() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(prop_oneof![0u32..20, any::<u32>()], 0..4)
}

fn entry(readable: bool) -> impl Strategy<Value = LogEntry> {
    (
        (any::<u32>(), day(readable), any::<u32>(), 0usize..5, text()),
        (
            ids(),
            ids(),
            ids(),
            prop::option::of(any::<u8>()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((id, date, minutes, kind, text), (s, g, p, energy, remembered_why))| LogEntry {
                id: EntryId(id),
                date,
                minutes,
                kind: ExperienceKind::ALL[kind],
                text,
                skills: s.into_iter().map(SkillId).collect(),
                goals: g.into_iter().map(GoalId).collect(),
                people: p.into_iter().map(PersonId).collect(),
                energy,
                remembered_why,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The file a save writes is byte for byte the one `ron` wrote before.
    #[test]
    fn the_hand_writer_writes_what_ron_writes(entry in entry(false)) {
        prop_assert_eq!(hand_line(&entry), ron_line(&entry));
    }

    /// Every line written is read back by hand, as `ron` reads it.
    #[test]
    fn a_written_line_is_read_by_hand_as_ron_reads_it(entry in entry(true)) {
        let line = hand_line(&entry);
        prop_assert_eq!(read(&line), Some(entry.clone()), "{}", line);
        prop_assert_eq!(ron_read(&line), Some(entry));
    }

    /// Whatever a line holds, the hand reader either gives `ron`'s entry or
    /// leaves the line to `ron`.
    #[test]
    fn the_hand_reader_never_disagrees_with_ron(
        entry in entry(true),
        at in any::<prop::sample::Index>(),
        insert in prop::sample::select(&[
            " ", ",", "\\", "\"", "0", "_", "(", ")", "[", "]", "/*", "*/", "//", ":", "\\x41",
            "\\u{", "}", "Some(", "r#", "#", "\u{a0}", "\t", "x", "e3", "-", "+",
        ][..]),
        cut in any::<bool>(),
    ) {
        let mut line = hand_line(&entry);
        let mut at = at.index(line.len() + 1);
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        if cut {
            let mut end = (at + insert.len()).min(line.len());
            while !line.is_char_boundary(end) {
                end += 1;
            }
            line.replace_range(at..end, "");
        } else {
            line.insert_str(at, insert);
        }
        if let Some(hand) = read(&line) {
            prop_assert_eq!(Some(hand), ron_read(&line), "{}", line);
        }
    }
}

#[test]
fn every_kind_and_every_optional_field_is_written_as_ron_writes_it() {
    for (i, kind) in ExperienceKind::ALL.into_iter().enumerate() {
        let day = [date(-1, 1, 9), date(0, 2, 29), date(9999, 12, 31)][i % 3];
        let entry = LogEntry {
            skills: vec![SkillId(1), SkillId(u32::MAX)],
            goals: vec![GoalId(0)],
            people: vec![PersonId(7), PersonId(8), PersonId(9)],
            energy: Some(u8::MAX),
            remembered_why: i % 2 == 0,
            ..LogEntry::new(
                EntryId(u32::MAX),
                day,
                0,
                kind,
                "caf\u{e9} \"quoted\" back\\slash\ttab",
            )
        };
        assert_eq!(hand_line(&entry), ron_line(&entry));
        // A year before 0 is written with a sign, which no date rule reads.
        let readable = entry.date.year() >= 0;
        assert_eq!(read(&hand_line(&entry)), readable.then(|| entry.clone()));
        assert_eq!(ron_read(&hand_line(&entry)), readable.then_some(entry));
    }
}

/// Lines `ron` reads that Stepstone does not write: left to `ron`, so they
/// read the same as before.
#[test]
fn lines_in_another_shape_are_left_to_ron() {
    let written =
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#;
    let expected = read(written).expect("the written shape is read by hand");
    let left_to_ron = [
        r#"(date: "2026-06-01", id: 1, minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"( id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id:  1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1,date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2], )"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2,])"#,
        r##"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: r#"x"#, skills: [2])"##,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: r"x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "\x78", skills: [2])"#,
        r#"(id: 1, date: /* when */ "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2]) // c"#,
        r#"(id: 1, date: "2026-06-01", minutes: 0_5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 0x5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: +5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 01, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2], energy: None)"#,
        r#"LogEntry(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: r#Routine, text: "x", skills: [2])"#,
    ];
    for line in left_to_ron {
        assert_eq!(read(line), None, "left to ron: {line}");
        assert_eq!(ron_read(line).as_ref(), Some(&expected), "{line}");
    }
    // Plain enough to take by hand, and read the same.
    let by_hand = [
        r#"(id: 1, date: " 2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2], goals: [])"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", skills: [2], remembered_why: false)"#,
    ];
    for line in by_hand {
        assert_eq!(read(line).as_ref(), Some(&expected), "{line}");
        assert_eq!(ron_read(line).as_ref(), Some(&expected), "{line}");
    }
}

/// Values `ron` refuses are refused by hand too (by leaving them to `ron`).
#[test]
fn values_ron_refuses_are_not_read_by_hand() {
    let bad = [
        r#"(id: 4294967296, date: "2026-06-01", minutes: 5, kind: Routine, text: "x")"#,
        r#"(id: 1, date: "2026-02-30", minutes: 5, kind: Routine, text: "x")"#,
        r#"(id: 1, date: "2026-06-01T10:00", minutes: 5, kind: Routine, text: "x")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Chores, text: "x")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "\u{d800}")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "\u{}")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "\u{1234567}")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "\q")"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", energy: 256)"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x", mood: 3)"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine)"#,
        r#"(id: 1, date: "2026-06-01", minutes: 5, kind: Routine, text: "x"#,
    ];
    for line in bad {
        assert_eq!(ron_read(line), None, "ron refuses it: {line}");
        assert_eq!(read(line), None, "{line}");
    }
}

/// The test that fails if the fast path stops being taken: every line of a
/// log Stepstone wrote is read by hand, none by `ron`.
#[test]
fn every_line_of_a_written_log_is_read_by_hand() {
    let log: Vec<LogEntry> = (0..100u32)
        .map(|i| LogEntry {
            skills: (0..i % 4).map(SkillId).collect(),
            goals: (0..i % 3).map(GoalId).collect(),
            people: (0..i % 2).map(PersonId).collect(),
            energy: (i % 6 != 0).then_some(u8::try_from(i % 6).unwrap_or(1)),
            remembered_why: i % 5 == 0,
            ..LogEntry::new(
                EntryId(i + 1),
                date(2026, 1, 1),
                i,
                ExperienceKind::ALL[(i % 5) as usize],
                ODD[(i % 24) as usize],
            )
        })
        .collect();
    let mut text = String::from("(\n    format_version: 1,\n");
    log_lines::write(&log, &mut text).expect("writes");
    text.push_str(")\n");
    let (_, lines) = log_lines::split(&text).expect("the layout write gives");
    let (read_back, by_hand) = log_lines::read(lines).expect("reads");
    assert_eq!(read_back, log);
    assert_eq!(by_hand, 100, "every line was read by hand");
}
