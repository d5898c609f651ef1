//! The occupation explorer's work: the built-in data's first use, a search
//! keystroke, "one step away" and the gap.
//!
//! `cargo run --release --example bench_occupations` prints one figure a
//! line, in milliseconds: the first use of `io::occupations::occupations()`
//! (decompress, parse, build the search index; once, cold), the median of
//! decoding again, the median keystroke while typing "logistics manager"
//! one letter at a time (each prefix a search, limit 50), and the medians of
//! the nearest occupations to one profile and of one gap.

#![expect(
    clippy::expect_used,
    reason = "a benchmark should stop at its first failure"
)]

mod common;

use common::median_ms;
use std::time::Instant;
use stepstone::io::occupations::{decode, occupations};

const RUNS: usize = 21;
const TYPED: &str = "logistics manager";

fn main() {
    let t = Instant::now();
    let data = occupations();
    let first_use = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(data.occupations.len(), 1016, "the built-in data decodes");

    let asset = include_bytes!("../assets/occupations/onet.bin");
    let decode_again = median_ms(7, || {
        let again = decode(asset).expect("decode");
        assert_eq!(again.occupations.len(), data.occupations.len());
    });

    let mut keystrokes: Vec<f64> = (1..=TYPED.len())
        .map(|end| {
            let typed = &TYPED[..end];
            median_ms(RUNS, || {
                std::hint::black_box(data.search(typed, 50));
            })
        })
        .collect();
    keystrokes.sort_by(f64::total_cmp);
    let keystroke = keystrokes[keystrokes.len() / 2];
    let slowest = keystrokes[keystrokes.len() - 1];

    let nurse = data.by_code("29-1141.00").expect("Registered Nurses");
    let profile = data.profile(nurse).expect("rated");
    let nearest = median_ms(RUNS, || {
        std::hint::black_box(data.nearest(&profile, Some(nurse), 10));
    });
    let manager = data.by_code("11-3071.00").expect("the logistics managers");
    let gap = median_ms(RUNS, || {
        std::hint::black_box(data.gap(&profile, manager));
    });

    println!("occupations_decode_ms {first_use:.1}");
    println!("occupations_decode_again_ms {decode_again:.1}");
    println!("search_keystroke_ms {keystroke:.3}");
    println!("search_slowest_keystroke_ms {slowest:.3}");
    println!("nearest_ms {nearest:.3}");
    println!("gap_ms {gap:.4}");
}
