//! A sequence of edits on a start plan, then every undo: the plan comes back.
#![no_main]

libfuzzer_sys::fuzz_target!(|case: stepstone_fuzz::EditCase| {
    if let Err(e) = stepstone_fuzz::edit_undo(&case) {
        panic!("{e}");
    }
});
