//! Replays the `keys` fuzz target's corpus (`fuzz/corpus/keys/`) through the
//! target's own checks (`fuzz/src/keys.rs`): the JWK, JWK Set and SPKI
//! parsers on every input the fuzzer found interesting.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

#[path = "../fuzz/src/keys.rs"]
mod keys;

#[test]
fn fuzz_corpus_of_the_key_parsers_passes_its_checks() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/keys");
    let mut inputs = 0;
    for entry in std::fs::read_dir(folder).expect("the corpus folder exists") {
        let path = entry.expect("a readable entry").path();
        let data = std::fs::read(&path).expect("a readable corpus file");
        let outcome = std::panic::catch_unwind(|| keys::keys(&data));
        assert!(outcome.is_ok(), "{} fails the key checks", path.display());
        inputs += 1;
    }
    assert!(inputs >= 10, "the corpus holds {inputs} inputs");
}
