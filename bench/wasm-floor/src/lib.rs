//! The floor of the JavaScript benchmarks (`make bench`, `bench/js.mjs` and
//! `bench/size.mjs`): what any HS256/384/512 verify, sign or decode compiled to
//! WebAssembly pays at the least, measured beside jwt-edge and its peers.
//!
//! These functions do only the work no token library can skip: copy the token
//! in, HMAC-SHA2 over the signing input with a prepared key (or a key prepared
//! per call for the one-shot floor), base64url, and hand the payload's text
//! back for `JSON.parse`. They check nothing else (no header, no JSON, no
//! claim, no `exp`), so they are not a verifier: the gap between them and
//! jwt-edge is what its checks cost, and the gap between them and a target is
//! what the target leaves for those checks. Built twice, as the package is:
//! for speed (beside the Node cases) and, without signing (feature
//! `verify-only`), for size (beside the browser download). Not part of the
//! package.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "npm-runtime")]
mod npm_runtime;

use alloc::string::String;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::Hmac;
use sha2::{Sha256, Sha384, Sha512};
use wasm_bindgen::prelude::wasm_bindgen;

/// A prepared HMAC key for one of the three algorithms.
#[derive(Clone)]
enum Prepared {
    Hs256(Hmac<Sha256>),
    Hs384(Hmac<Sha384>),
    Hs512(Hmac<Sha512>),
}

/// HMAC takes keys of any length: `new_from_slice` cannot fail.
fn hmac<M: hmac::KeyInit>(secret: &[u8]) -> M {
    match M::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    }
}

impl Prepared {
    /// `HS256`, `HS384` or `HS512`; anything else is `None`.
    fn new(algorithm: &str, secret: &[u8]) -> Option<Self> {
        match algorithm {
            "HS256" => Some(Self::Hs256(hmac(secret))),
            "HS384" => Some(Self::Hs384(hmac(secret))),
            "HS512" => Some(Self::Hs512(hmac(secret))),
            _ => None,
        }
    }

    /// The base64url header of the floor's tokens: `{"alg":…,"typ":"JWT"}`.
    #[cfg(not(feature = "verify-only"))]
    fn header(&self) -> &'static str {
        match self {
            Self::Hs256(_) => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            Self::Hs384(_) => "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9",
            Self::Hs512(_) => "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9",
        }
    }

    /// Whether `signature` (base64url) is the tag of `signing_input`.
    fn signed(self, signing_input: &[u8], signature: &str) -> bool {
        fn check<M: hmac::Mac>(mut mac: M, input: &[u8], signature: &str) -> bool {
            mac.update(input);
            let mut tag = [0; 64];
            match URL_SAFE_NO_PAD.decode_slice(signature, &mut tag) {
                Ok(length) => tag
                    .get(..length)
                    .is_some_and(|tag| mac.verify_slice(tag).is_ok()),
                Err(_) => false,
            }
        }
        match self {
            Self::Hs256(mac) => check(mac, signing_input, signature),
            Self::Hs384(mac) => check(mac, signing_input, signature),
            Self::Hs512(mac) => check(mac, signing_input, signature),
        }
    }

    /// Appends `.` and the base64url tag of the signing input `token` holds.
    #[cfg(not(feature = "verify-only"))]
    fn sign_onto(self, token: &mut String) {
        fn append<M: hmac::Mac>(mut mac: M, token: &mut String) {
            mac.update(token.as_bytes());
            token.push('.');
            URL_SAFE_NO_PAD.encode_string(mac.finalize().into_bytes(), token);
        }
        match self {
            Self::Hs256(mac) => append(mac, token),
            Self::Hs384(mac) => append(mac, token),
            Self::Hs512(mac) => append(mac, token),
        }
    }
}

/// The payload segment's text, decoded.
fn payload_text(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    String::from_utf8(URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

/// The payload's text if the signature is `key`'s; nothing else is looked at.
fn payload_if_signed(key: Prepared, token: &str) -> Option<String> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    if key.signed(signing_input.as_bytes(), signature) {
        payload_text(token)
    } else {
        None
    }
}

/// A key prepared once, as `Verifier` and `Signer` keep theirs.
#[wasm_bindgen]
pub struct FloorKey {
    key: Prepared,
}

#[wasm_bindgen]
impl FloorKey {
    /// Prepares the key (HMAC's inner and outer blocks) for `HS256`, `HS384`
    /// or `HS512`; `undefined` for another algorithm.
    #[must_use]
    pub fn prepare(secret: &str, algorithm: &str) -> Option<FloorKey> {
        Prepared::new(algorithm, secret.as_bytes()).map(|key| FloorKey { key })
    }

    /// The payload's text if the signature is right, else `undefined`.
    #[must_use]
    pub fn verify(&self, token: &str) -> Option<String> {
        payload_if_signed(self.key.clone(), token)
    }
}

/// Signing, left out of the size build (feature `verify-only`), which stands
/// for a browser's `decode` and `verify` as `jwt-edge/verify` does.
#[cfg(not(feature = "verify-only"))]
#[wasm_bindgen]
impl FloorKey {
    /// A token for the payload's text (`JSON.stringify`'s), under a fixed
    /// header: base64url and HMAC, nothing checked.
    #[must_use]
    pub fn sign(&self, payload: &str) -> String {
        let header = self.key.header();
        let mut token = String::with_capacity(header.len() + payload.len().div_ceil(3) * 4 + 90);
        token.push_str(header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(payload, &mut token);
        self.key.clone().sign_onto(&mut token);
        token
    }
}

/// The one-shot floor: the key prepared on every call, as `verify` does.
#[wasm_bindgen(js_name = floorVerify)]
#[must_use]
pub fn floor_verify(token: &str, secret: &str, algorithm: &str) -> Option<String> {
    payload_if_signed(Prepared::new(algorithm, secret.as_bytes())?, token)
}

/// The payload segment's text, decoded: no header, no signature, no check.
#[wasm_bindgen(js_name = floorDecode)]
#[must_use]
pub fn floor_decode(token: &str) -> Option<String> {
    payload_text(token)
}
