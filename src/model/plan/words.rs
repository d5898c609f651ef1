//! Counts in words, shared by the views, the exports and the command line.

/// "1 level to go", "4 levels to go".
pub fn levels_to_go(n: u32) -> String {
    plural(usize::try_from(n).unwrap_or(usize::MAX), "level") + " to go"
}

/// Whether a word ends in a vowel and "y" ("day", "key"), whose plural only adds "s".
fn ends_in_vowel_y(word: &str) -> bool {
    ["ay", "ey", "oy", "uy"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// A count with its noun: "1 goal", "3 goals", "2 people", "5 log entries", "4 days".
pub fn plural(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "person") => format!("{n} people"),
        // "entry" to "entries", but "day" to "days".
        (_, w) if w.ends_with('y') && !ends_in_vowel_y(w) => {
            format!("{n} {}ies", &w[..w.len() - 1])
        }
        _ => format!("{n} {what}s"),
    }
}
