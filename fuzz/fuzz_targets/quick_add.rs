//! Any line (with a start plan, today and places kept as text) read as a
//! quick-add line: its words are all accounted for.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = stepstone_fuzz::quick_add(bytes) {
        panic!("{e}");
    }
});
