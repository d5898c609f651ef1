//! Reading a plan takes memory in proportion to its size, even when the
//! file is 64 MiB of blank lines. Its own test binary, so that no other test
//! shares the process's peak memory.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use std::io::Write;

/// The process's peak resident memory in KiB (Linux), from `/proc`.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_file_of_blank_lines_is_checked_in_a_small_multiple_of_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("blank.stepstone.ron");
    let sample = stepstone::io::SAMPLE_RON;
    let open = sample.find("\n    log: [\n").expect("log") + "\n    log: [\n".len();
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    file.write_all(&sample.as_bytes()[..open]).expect("write");
    let blank = vec![b'\n'; 1024 * 1024];
    for _ in 0..63 {
        file.write_all(&blank).expect("write");
    }
    file.write_all(&sample.as_bytes()[open..]).expect("write");
    drop(file);
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(size > 63 * 1024 * 1024 && size <= stepstone::io::MAX_FILE_BYTES);

    let Some(before) = peak_kib() else {
        return; // No /proc here: nothing to measure.
    };
    let (plan, _) = stepstone::io::load(&path).expect("loads");
    assert_eq!(plan.log.len(), stepstone::io::sample_plan().log.len());
    let grew = peak_kib().expect("peak") - before;
    assert!(
        grew * 1024 < 3 * size,
        "reading {size} bytes raised peak memory by {grew} KiB"
    );
}
