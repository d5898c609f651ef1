//! Any bytes as a competency framework file: read, imported, undone.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = stepstone_fuzz::framework_import(bytes) {
        panic!("{e}");
    }
});
