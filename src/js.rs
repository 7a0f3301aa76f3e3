//! JavaScript bindings: the API of the `jwt-edge` npm package (feature `js`),
//! of its `jwt-edge/verify` module, which cannot sign (feature `js-verify`),
//! or of its `jwt-edge/decode` module, which only reads tokens and holds no
//! MAC code (feature `js-decode`).
//!
//! With an asymmetric family (features `rsa`, `ecdsa`, `eddsa`), keys may
//! also be JWKs and JWK Sets, and private JWKs sign.
//!
//! Every export is synchronous. Every failure is thrown as a `JwtError` (an
//! `Error` subclass with a `code`); none is a panic, which would reach
//! JavaScript as `RuntimeError: unreachable`.

#[cfg(feature = "asymmetric")]
mod asymmetric;
#[cfg(feature = "asymmetric")]
mod asymmetric_types;
mod error;
mod functions;
mod host;
#[cfg(feature = "asymmetric")]
mod jwk_key;
#[cfg(feature = "js-verify")]
mod key;
#[cfg(feature = "js-verify")]
mod key_argument;
#[cfg(all(feature = "js", any(feature = "ecdsa", feature = "eddsa")))]
mod key_pair;
// The one-shot calls' key and options caches: in the Node and workerd build (and the tests),
// not in the browsers' size builds, where a page seldom holds a secret.
#[cfg(all(feature = "asymmetric", speed_or_native))]
mod last_jwk;
#[cfg(all(feature = "js-verify", speed_or_native))]
mod last_key;
#[cfg(all(feature = "js-verify", speed_or_native))]
mod last_options;
#[cfg(feature = "js-verify")]
mod option_readers;
#[cfg(feature = "js-verify")]
mod options;
#[cfg(feature = "asymmetric")]
mod runtime_signature;
#[cfg(feature = "asymmetric")]
mod runtime_signing;
#[cfg(feature = "js")]
mod sign;
#[cfg(feature = "js")]
mod sign_options;
#[cfg(feature = "js")]
mod signer;
mod time;
mod types;
#[cfg(feature = "js-verify")]
mod verifier;
#[cfg(feature = "js-verify")]
mod verify;

pub(crate) use host::number_from_text;

// Public (and hidden from the docs) only so that the wasm-bindgen tests in
// `tests/` can call the exports with JavaScript values; not a Rust API.
#[cfg(feature = "asymmetric")]
pub use asymmetric::{decode_protected_header, import_jwk, import_spki, verify_with_header};
pub use functions::{decode, expires_at, is_expired, seconds_until_expiry};
#[cfg(all(feature = "js", any(feature = "ecdsa", feature = "eddsa")))]
pub use key_pair::generate_key_pair;
#[cfg(feature = "js")]
pub use sign::sign;
#[cfg(feature = "js")]
pub use signer::Signer;
#[cfg(feature = "js-verify")]
pub use verifier::Verifier;
#[cfg(feature = "js-verify")]
pub use verify::verify;
