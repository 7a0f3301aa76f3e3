//! The JavaScript API under Node.js:
//! `wasm-pack test --node -- --features js --test node`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::too_many_lines
)]

mod common;
mod js_api;
