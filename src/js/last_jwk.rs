//! The JWK or JWK Set the last one-shot `verify` read, kept for the next call
//! with the same key: the same members, as pkg-template/kept-key.js compares
//! them (no text made), or the same `JSON.stringify` text.
//!
//! Callers pass the same key object on every call (an issuer's set from
//! `createRemoteJwks`, a JWK from configuration), and reading it — the text
//! parsed, each key imported, its point checked on the curve — was most of a
//! one-shot call. Measured in Node 20 (one-shot `verify`, a loaded 2-core
//! machine): RS256 with one JWK 85–116 → 35 µs; with a set of four keys (two
//! RSA, P-256, Ed25519) 147–233 → 41 µs; Ed25519 with that set 443–513 →
//! 148 µs. The kept text is compared in constant time and wiped when
//! replaced: a caller's set may hold `oct` secrets. Comparing members
//! instead of texts took what a cached remote set of those four keys adds to
//! `verifyAsync` in Node from 22% to 3% (RS256; ES256 10% to 0.3%), and a
//! one-shot RS256 `verify` with a JWK from 32.4 to 30.2 µs.
//!
//! The key is read from its text alone (`JwkKey::from_json`), so a kept key
//! is exactly the key the same text would give again.

use super::jwk_key::{not_a_key, JwkKey};
use crate::Error;
use alloc::string::String;
use spin::mutex::SpinMutex;
use subtle::ConstantTimeEq;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use zeroize::Zeroizing;

#[wasm_bindgen(module = "/pkg-template/kept-key.js")]
extern "C" {
    /// The key's `JSON.stringify` text; `undefined` for a key with the same
    /// members as the one last handed over with `keep` (see kept-key.js);
    /// `null` for a value with no text.
    #[wasm_bindgen(js_name = keptKeyText)]
    fn kept_key_text(key: &JsValue, keep: u32) -> JsValue;
}

/// The last key's text and the key read from it.
static LAST_JWK: SpinMutex<Option<(Zeroizing<String>, JwkKey)>> = SpinMutex::new(None);

/// `key`'s text (an object's: it opens with `{`), or `None` for the same key
/// as the kept one (only with `keep` 2).
fn key_text(key: &JsValue, keep: u32) -> Result<Option<Zeroizing<String>>, Error> {
    let text = kept_key_text(key, keep);
    if text.is_undefined() {
        return Ok(None);
    }
    match text.as_string() {
        Some(text) if text.starts_with('{') => Ok(Some(Zeroizing::new(text))),
        _ => Err(not_a_key()),
    }
}

/// Runs `then` with the key of `key` (a JWK or a JWK Set object): the one
/// kept from the last call with the same key, or one read now, which is then
/// kept.
///
/// # Errors
/// What reading the key gives (nothing is kept then), or what `then` gives.
pub(crate) fn with_last_jwk<R>(
    key: &JsValue,
    then: impl FnOnce(&JwkKey) -> Result<R, Error>,
) -> Result<R, Error> {
    let read_now = |key: &JsValue| -> Result<JwkKey, Error> {
        let text = key_text(key, 0)?.ok_or_else(not_a_key)?;
        JwkKey::from_json(&text)
    };
    // `then` calls JavaScript (the runtime's crypto, a payload's parser),
    // which could call back into the module: that call finds the lock taken
    // and reads its key afresh.
    let Some(mut last) = LAST_JWK.try_lock() else {
        return then(&read_now(key)?);
    };
    let keep = if last.is_some() { 2 } else { 1 };
    let Some(text) = key_text(key, keep)? else {
        return match &*last {
            Some((_, kept)) => then(kept),
            None => then(&read_now(key)?),
        };
    };
    // Another object with the same text (a key parsed afresh each call).
    if let Some((kept, kept_key)) = &*last {
        if bool::from(kept.as_bytes().ct_eq(text.as_bytes())) {
            return then(kept_key);
        }
    }
    // What JavaScript now takes as kept is read from `text`, or nothing.
    *last = None;
    let read = JwkKey::from_json(&text)?;
    let (_, read) = last.insert((text, read));
    then(read)
}
