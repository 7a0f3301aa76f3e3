//! decode → verify → sign round trips on arbitrary input; the checks are in
//! `fuzz/src/lib.rs`, shared with `tests/fuzz_corpus.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jwt_edge_fuzz::round_trip(data));
