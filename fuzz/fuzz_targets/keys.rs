//! The JWK, JWK Set and SPKI parsers on arbitrary input; the checks are in
//! `fuzz/src/keys.rs`, shared with `tests/fuzz_corpus_keys.rs`.
#![no_main]

#[path = "../src/keys.rs"]
mod keys;

libfuzzer_sys::fuzz_target!(|data: &[u8]| keys::keys(data));
