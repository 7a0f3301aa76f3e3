//! A strict JSON Web Token library for browsers, Node and edge workers.
//!
//! `jwt-edge` decodes, verifies and signs HS256/HS384/HS512 tokens and, with
//! the cargo features `rsa`, `ecdsa` and `eddsa` (on by default), verifies
//! RS256/384/512, PS256/384/512, ES256/384/512, `EdDSA` and `Ed25519` tokens
//! with keys from JWKs, JWK Sets and SPKI, and signs ES256, ES384, ES512 and
//! `EdDSA`. The core is
//! `#![no_std]` with `alloc`, never reads a clock and never does I/O; the same
//! crate compiles to the `jwt-edge` npm package (feature `js`).
//!
//! ```
//! use jwt_edge::{sign, verify, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate, Validation};
//!
//! let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
//! let now = 1_700_000_000;
//!
//! let mut claims = Claims::new();
//! claims.issuer = Some("https://auth.example.com".into());
//! claims.subject = Some("user-1".into());
//! claims.expires_at = NumericDate::from_secs(now + 900);
//! claims.insert("roles", vec!["admin"])?;
//! let token = sign(&claims, &key, &HeaderOptions::new().typ("at+jwt"));
//!
//! let validation = Validation::new(now).issuer("https://auth.example.com").typ("at+jwt");
//! let verified = verify(&token, &key, &validation)?;
//! assert_eq!(verified.subject.as_deref(), Some("user-1"));
//! # Ok::<(), jwt_edge::Error>(())
//! ```
//!
//! # Strictness
//! Compact form only, canonical base64url, JSON objects without duplicate
//! names, `alg` fixed by the caller's key, no `crit` extensions, numeric dates
//! that are JSON numbers, exact `iss`/`sub` matching, and claim checks only after
//! a valid signature. Every failure has a stable [`Error::code`].
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;
#[cfg(all(feature = "std", not(test)))]
extern crate std;
// The crate's `cdylib` (built for wasm32 even when it is only a dependency)
// must link an allocator and a panic handler: the npm package's build brings
// its own (`npm_runtime`), every other wasm32 build takes the standard
// library's. The code itself uses only `core` and `alloc` either way.
#[cfg(all(
    target_arch = "wasm32",
    not(feature = "std"),
    not(feature = "npm-runtime"),
    not(test)
))]
extern crate std;

pub mod alg;
mod algorithm;
mod base64url;
mod claims;
mod claims_ref;
#[cfg(feature = "std")]
mod clock;
mod error;
mod header;
pub mod json;
#[cfg(feature = "asymmetric")]
mod jwk;
#[cfg(feature = "asymmetric")]
mod jwk_export;
#[cfg(feature = "asymmetric")]
mod jwk_set;
mod key;
#[cfg(feature = "asymmetric")]
mod private_key;
#[cfg(feature = "asymmetric")]
mod public_key;
mod sign;
#[cfg(feature = "asymmetric")]
mod spki;
mod token;
mod validation;
mod verify;

#[cfg(feature = "js-verify")]
#[doc(hidden)]
pub mod js;
#[cfg(all(
    feature = "npm-runtime",
    target_arch = "wasm32",
    not(feature = "std"),
    not(test)
))]
mod npm_runtime;

pub use alg::hmac::HmacKey;
pub use algorithm::{Algorithm, KeyFamily};
pub use claims::{Audience, Claims, NumericDate, MAX_NUMERIC_DATE};
pub use claims_ref::ClaimsRef;
#[cfg(feature = "std")]
pub use clock::system_now;
pub use error::Error;
pub use header::{Header, HeaderOptions};
#[cfg(feature = "asymmetric")]
pub use jwk_set::{KeySet, SelectedKey};
pub use key::{KeyRequest, KeySource, SigningKey, VerifyingKey};
#[cfg(feature = "asymmetric")]
pub use private_key::PrivateKey;
#[cfg(feature = "asymmetric")]
pub use public_key::{BoundPublicKey, PublicKey};
pub use sign::sign;
pub use token::{decode_unverified, UnverifiedToken};
pub use validation::{Validation, DEFAULT_MAX_TOKEN_LENGTH, MAX_LEEWAY};
pub use verify::{verify, verify_jws, verify_token, verify_with, VerifiedJws, VerifiedToken};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme_examples {}
