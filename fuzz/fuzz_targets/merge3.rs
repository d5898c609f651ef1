//! Three plans (a base and two sides edited from it), merged.
#![no_main]

libfuzzer_sys::fuzz_target!(|case: stepstone_fuzz::MergeCase| {
    if let Err(e) = stepstone_fuzz::merge3(&case) {
        panic!("{e}");
    }
});
