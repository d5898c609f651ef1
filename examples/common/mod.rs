//! What the benchmarks share.

#![allow(dead_code, reason = "each benchmark uses a part of what they share")]

use std::time::Instant;

/// The median of `runs` timings of `f`, in milliseconds.
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// A figure: its name and its value as printed.
pub type Figure = (&'static str, String);

/// Prints figures one a line: `name value`.
pub fn print(figures: &[Figure]) {
    for (name, value) in figures {
        println!("{name} {value}");
    }
}
