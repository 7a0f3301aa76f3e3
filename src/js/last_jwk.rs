//! The JWK or JWK Set the last one-shot `verify` read, kept for the next call
//! whose key has the same `JSON.stringify` text.
//!
//! Callers pass the same key object on every call (an issuer's set from
//! `createRemoteJwks`, a JWK from configuration), and reading it — the text
//! parsed, each key imported, its point checked on the curve — was most of a
//! one-shot call. Measured in Node 20 (one-shot `verify`, a loaded 2-core
//! machine): RS256 with one JWK 85–116 → 35 µs; with a set of four keys (two
//! RSA, P-256, Ed25519) 147–233 → 41 µs; Ed25519 with that set 443–513 →
//! 148 µs. The kept text is compared in constant time and wiped when
//! replaced: a caller's set may hold `oct` secrets.
//!
//! The key is read from its text alone (`JwkKey::from_json`), so a kept key
//! is exactly the key the same text would give again.

use super::jwk_key::JwkKey;
use crate::Error;
use alloc::string::String;
use spin::mutex::SpinMutex;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// The last key's text and the key read from it.
static LAST_JWK: SpinMutex<Option<(Zeroizing<String>, JwkKey)>> = SpinMutex::new(None);

/// Runs `then` with the key of `text` (a JWK's or a JWK Set's
/// `JSON.stringify` text): the one kept from the last call with the same text,
/// or one read now, which is then kept.
///
/// # Errors
/// What reading the key gives (the kept key is left as it was), or what
/// `then` gives.
pub(crate) fn with_last_jwk<R>(
    text: String,
    then: impl FnOnce(&JwkKey) -> Result<R, Error>,
) -> Result<R, Error> {
    let text = Zeroizing::new(text);
    // `then` calls JavaScript (the runtime's crypto, a payload's parser),
    // which could call back into the module: that call finds the lock taken
    // and reads its key afresh.
    let Some(mut last) = LAST_JWK.try_lock() else {
        return then(&JwkKey::from_json(&text)?);
    };
    if let Some((kept, key)) = &*last {
        if bool::from(kept.as_bytes().ct_eq(text.as_bytes())) {
            return then(key);
        }
    }
    let key = JwkKey::from_json(&text)?;
    let (_, key) = last.insert((text, key));
    then(key)
}
