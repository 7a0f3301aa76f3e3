//! JavaScript bindings (feature `js`): the API of the `jwt-edge` npm package.
//!
//! Every export is synchronous. Every failure is thrown as a `JwtError` (an
//! `Error` subclass with a `code`); none is a panic, which would reach
//! JavaScript as `RuntimeError: unreachable`.

mod error;
mod functions;
mod host;
mod key;
mod options;
mod signer;
mod types;
mod verifier;

// Public (and hidden from the docs) only so that the wasm-bindgen tests in
// `tests/` can call the exports with JavaScript values; not a Rust API.
pub use functions::{decode, expires_at, is_expired, seconds_until_expiry, sign, verify};
pub use signer::Signer;
pub use verifier::Verifier;
