//! JavaScript bindings: the API of the `jwt-edge` npm package (feature `js`),
//! or of its `jwt-edge/verify` module, which cannot sign (feature `js-verify`).
//!
//! Every export is synchronous. Every failure is thrown as a `JwtError` (an
//! `Error` subclass with a `code`); none is a panic, which would reach
//! JavaScript as `RuntimeError: unreachable`.

mod error;
mod functions;
mod host;
mod key;
// The one-shot calls' key cache: in the Node and workerd build (and the tests),
// not in the browsers' size builds, where a page seldom holds a secret.
#[cfg(any(feature = "speed", not(feature = "npm-runtime")))]
mod last_key;
mod options;
#[cfg(feature = "js")]
mod sign;
#[cfg(feature = "js")]
mod sign_options;
#[cfg(feature = "js")]
mod signer;
mod types;
mod verifier;

pub(crate) use host::number_from_text;

// Public (and hidden from the docs) only so that the wasm-bindgen tests in
// `tests/` can call the exports with JavaScript values; not a Rust API.
pub use functions::{decode, expires_at, is_expired, seconds_until_expiry, verify};
#[cfg(feature = "js")]
pub use sign::sign;
#[cfg(feature = "js")]
pub use signer::Signer;
pub use verifier::Verifier;
