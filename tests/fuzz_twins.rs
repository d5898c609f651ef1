//! Fast twins of the fuzz targets in `fuzz/`: the same properties, on a few
//! proptest cases, the seed files and every crash the fuzzer found
//! (`tests/fixtures/fuzz/<target>/`), so `cargo test` keeps them fixed.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

#[path = "../fuzz/src/lib.rs"]
mod props;

use arbitrary::{Arbitrary, Unstructured};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Runs a structured target's property on bytes, decoded as the fuzzer does.
fn structured<'a, T: Arbitrary<'a>>(
    bytes: &'a [u8],
    check: impl Fn(&T) -> props::Outcome,
) -> props::Outcome {
    match T::arbitrary_take_rest(Unstructured::new(bytes)) {
        Ok(case) => check(&case),
        Err(_) => Ok(()),
    }
}

/// The property of a target by its name.
fn run(target: &str, bytes: &[u8]) -> props::Outcome {
    match target {
        "plan_parse" => props::plan_parse(bytes),
        "edit_undo" => structured(bytes, props::edit_undo),
        "merge3" => structured(bytes, props::merge3),
        "framework_import" => props::framework_import(bytes),
        "quick_add" => props::quick_add(bytes),
        other => panic!("no fuzz target {other}"),
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(list) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = list
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The seeds of each target: the files `fuzz/seed.sh` copies into its corpus.
fn seeds(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match target {
        "plan_parse" => [
            files_in(&root.join("tests/fixtures")),
            files_in(&root.join("tests/fixtures/bad")),
            files_in(&root.join("tests/fixtures/import"))
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect(),
            files_in(&root.join("assets/templates")),
            vec![root.join("assets/sample.stepstone.ron")],
        ]
        .concat(),
        "framework_import" => files_in(&root.join("tests/fixtures/import")),
        "quick_add" => files_in(&root.join("tests/fixtures/quick_add")),
        _ => Vec::new(),
    }
}

/// Runs a target's property on each file; returns each failure or panic,
/// naming its file.
fn run_files(target: &str, files: &[PathBuf]) -> Vec<String> {
    let mut failed = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).expect("reads");
        match std::panic::catch_unwind(|| run(target, &bytes)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failed.push(format!("{target} on {}: {e}", file.display())),
            Err(_payload) => {
                failed.push(format!("{target} on {} panicked (above)", file.display()));
            }
        }
    }
    failed
}

const TARGETS: [&str; 5] = [
    "plan_parse",
    "edit_undo",
    "merge3",
    "framework_import",
    "quick_add",
];

#[test]
fn every_seed_passes() {
    let files: Vec<(&str, Vec<PathBuf>)> = TARGETS.iter().map(|t| (*t, seeds(t))).collect();
    let ran: usize = files.iter().map(|(_, f)| f.len()).sum();
    assert!(ran > 10, "the seeds were found ({ran} files)");
    let failed: Vec<String> = files.iter().flat_map(|(t, f)| run_files(t, f)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Each crash the fuzzer found, minimised (`tests/fixtures/fuzz/TARGET/`).
#[test]
fn every_crash_the_fuzzer_found_stays_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let failed: Vec<String> = TARGETS
        .iter()
        .flat_map(|t| run_files(t, &files_in(&root.join(t))))
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Small changes a person's editor (or a broken copy) makes to a file.
const MANGLES: &[&str] = &[
    "",
    ",",
    "\n",
    "\r\n",
    " // note",
    "/*",
    "*/",
    ")",
    "(",
    "]",
    "[",
    "\"",
    "'",
    ":",
    "-",
    "\u{a0}",
    "\u{feff}",
    "0",
    "99999999999",
    "id: 1, ",
    "level: 9",
    "  - ",
    "---\n",
    "é",
    "\\",
    "#![enable(unwrap_newtypes)]\n",
];

/// `text` with each `(place, mangle)` inserted, or a cut where the mangle is empty.
fn mangled(text: &str, edits: &[(prop::sample::Index, usize)]) -> Vec<u8> {
    let mut text = text.to_string();
    for (at, how) in edits {
        let mut at = at.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match MANGLES[*how] {
            "" => {
                let mut end = (at + 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            m => text.insert_str(at, m),
        }
    }
    text.into_bytes()
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, usize)>> {
    prop::collection::vec((any::<prop::sample::Index>(), 0..MANGLES.len()), 0..4)
}

/// Words a quick-add line is made of: tokens, near-tokens, edges.
const QUICK_WORDS: &[&str] = &[
    "Read",
    "3m",
    "papers",
    "45m",
    "45min",
    "1h",
    "1h30",
    "1h30m",
    "1.5h",
    ".5h",
    "1.h",
    "0m",
    "4294967295m",
    "71582789h",
    "99999999999m",
    "999999.999999h",
    "h",
    "m",
    "1e3h",
    "-3m",
    "#",
    "##",
    "#a",
    "#lean",
    "#sigma",
    "#dan",
    "#-",
    "#_",
    "#precepting",
    "#\u{301}",
    "today",
    "yesterday",
    "Yesterday",
    "-2d",
    "-1w",
    "+2d",
    "-99999999999d",
    "fri",
    "monday",
    "2026-11-23",
    "2026-02-30",
    "2026-11",
    "-2m",
    "é",
    "Ведение",
    "склада",
    "\u{1}",
    "\u{2}",
];

/// What goes between them: spaces of every kind, nothing, a kept-as-text mark.
const QUICK_GAPS: &[&str] = &[
    " ", "  ", "\t", "\r\n", "\u{a0}", "\u{3000}", "", "\u{2}", " \u{2}",
];

const SMALL_PLANS: [&str; 3] = [
    include_str!("fixtures/v1.stepstone.ron"),
    include_str!("fixtures/brag.stepstone.ron"),
    include_str!("fixtures/private.stepstone.ron"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Twin of `fuzz/fuzz_targets/plan_parse.rs`: a mangled plan file never
    /// panics, and one that reads writes and reads back the same.
    #[test]
    fn a_mangled_plan_file_reads_or_is_refused_and_round_trips(
        which in 0..SMALL_PLANS.len(),
        edits in edits(),
    ) {
        let bytes = mangled(SMALL_PLANS[which], &edits);
        prop_assert_eq!(props::plan_parse(&bytes), Ok(()));
    }

    /// Twin of the log-line half of `plan_parse`: a written entry line,
    /// mangled, is read by hand as `ron` reads it, or left to `ron`.
    #[test]
    fn a_mangled_log_line_is_read_by_hand_as_ron_reads_it_or_left_to_ron(
        which in any::<prop::sample::Index>(),
        edits in edits(),
    ) {
        let lines: Vec<&str> = stepstone::io::SAMPLE_RON
            .lines()
            .filter(|l| l.starts_with("        (id: "))
            .collect();
        let line = which.get(&lines);
        let (hand, _) = stepstone::io::log_line_readers(line.trim().trim_end_matches(','));
        prop_assert!(hand.is_some(), "a written line is read by hand: {}", line);
        let bytes = mangled(line, &edits);
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            prop_assert_eq!(props::log_line(line), Ok(()));
        }
    }

    /// Twin of `framework_import`: a mangled framework never panics, and
    /// one that reads imports and undoes cleanly.
    #[test]
    fn a_mangled_framework_imports_and_undoes_or_is_refused(edits in edits()) {
        let text = include_str!("fixtures/import/ward-nursing-framework.md");
        prop_assert_eq!(props::framework_import(&mangled(text, &edits)), Ok(()));
    }

    /// Twin of `quick_add`: a line of tokens, near-tokens and any text, on
    /// any start plan, day and kept-as-text places: every word accounted for.
    #[test]
    fn a_quick_add_line_loses_and_invents_no_word(
        head in any::<[u8; 2]>(),
        parts in prop::collection::vec(
            (prop::sample::select(QUICK_WORDS), prop::sample::select(QUICK_GAPS), "\\PC{0,3}"),
            0..12,
        ),
    ) {
        let mut bytes = head.to_vec();
        for (word, gap, any) in parts {
            bytes.extend(word.bytes().chain(gap.bytes()).chain(any.bytes()));
        }
        prop_assert_eq!(props::quick_add(&bytes), Ok(()));
    }

    /// Twin of `edit_undo`: any edits, then every undo, give the start back.
    #[test]
    fn any_edits_then_every_undo_give_the_start_plan_back(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        prop_assert_eq!(run("edit_undo", &bytes), Ok(()));
    }

    /// Twin of `merge3`: entries both sides hold and items one side added
    /// survive the merge, and the result reads back.
    #[test]
    fn a_merge_keeps_what_both_sides_hold_and_what_one_side_added(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        prop_assert_eq!(run("merge3", &bytes), Ok(()));
    }
}
