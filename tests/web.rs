//! The JavaScript API in a browser:
//! `wasm-pack test --headless --chrome -- --features js --test web`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::too_many_lines
)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
mod js_api;
