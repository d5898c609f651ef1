//! Any bytes as a plan file: read, validated, written and read back.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = stepstone_fuzz::plan_parse(bytes) {
        panic!("{e}");
    }
});
