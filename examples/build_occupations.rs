//! Builds the built-in occupations asset from O*NET's tab-separated files.
//!
//! `cargo run --example build_occupations [-- DIR]` reads `elements.tsv`,
//! `occupations.tsv`, `alternate_titles.tsv` and `ratings.tsv` from `DIR`
//! (by default `../shared/data/onet`) and writes
//! `assets/occupations/onet.bin`, which the binary carries.

use std::path::{Path, PathBuf};
use stepstone::io::occupations::{encode, from_tsv};

const OUT: &str = "assets/occupations/onet.bin";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/data/onet"), PathBuf::from);
    let read = |name: &str| -> Result<String, Box<dyn std::error::Error>> {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()).into())
    };
    let data = from_tsv(
        &read("elements.tsv")?,
        &read("occupations.tsv")?,
        &read("alternate_titles.tsv")?,
        &read("ratings.tsv")?,
    )?;
    let bytes = encode(&data);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join(OUT);
    std::fs::write(&out, &bytes)?;
    let rated = data.occupations.iter().filter(|o| o.is_rated()).count();
    let names: usize = data.occupations.iter().map(|o| o.alternates.len()).sum();
    println!(
        "{}: {} elements, {} occupations ({rated} rated), {names} alternate titles, {} bytes",
        out.display(),
        data.elements.len(),
        data.occupations.len(),
        bytes.len()
    );
    Ok(())
}
