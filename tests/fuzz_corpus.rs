//! Replays the `round_trip` fuzz target's corpus (`fuzz/corpus/round_trip/`)
//! through the target's own checks (`fuzz/src/lib.rs`), so every input the
//! fuzzer found interesting stays a regression test in `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod round_trip;

#[test]
fn fuzz_corpus_round_trips() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/round_trip");
    let mut inputs = 0;
    for entry in std::fs::read_dir(folder).expect("the corpus folder exists") {
        let path = entry.expect("a readable entry").path();
        let data = std::fs::read(&path).expect("a readable corpus file");
        let outcome = std::panic::catch_unwind(|| round_trip::round_trip(&data));
        assert!(outcome.is_ok(), "{} fails the round trip", path.display());
        inputs += 1;
    }
    assert!(inputs >= 10, "the corpus holds {inputs} inputs");
}
