//! The last key the one-shot `verify` and `sign` prepared, kept for the next
//! call with the same secret.
//!
//! Most callers pass the same secret on every call, and preparing an HMAC key
//! (hashing the secret's inner and outer pads) is a large share of a one-shot
//! call. The secret is kept beside the keys made from it, so that the next
//! call's secret can be matched by comparing the two in constant time; a call
//! with another secret wipes both (the secret with `zeroize`, the keys' hash
//! states on drop) before keeping its own. Nothing reads them but the
//! one-shot calls, which take a copy of a key for one call.

use crate::{Algorithm, Error, HmacKey};
use alloc::vec::Vec;
use spin::mutex::SpinMutex;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// One secret and the keys made from it so far, one per algorithm asked for.
struct LastKey {
    secret: Vec<u8>,
    keys: Vec<(Algorithm, HmacKey)>,
}

static LAST_KEY: SpinMutex<LastKey> = SpinMutex::new(LastKey {
    secret: Vec::new(),
    keys: Vec::new(),
});

/// The key for `algorithm` made from `secret`: a copy of the one kept from an
/// earlier call with the same secret, or a new one, which is then kept.
///
/// # Errors
/// [`Error::InvalidKey`] when `secret` is too short for `algorithm`.
pub(crate) fn last_prepared_key(secret: &[u8], algorithm: Algorithm) -> Result<HmacKey, Error> {
    // Nothing under the lock calls JavaScript, which could call back into the
    // module, so the lock is always free here; were it not, the key is made
    // afresh rather than waited for.
    let Some(mut last) = LAST_KEY.try_lock() else {
        return HmacKey::new(algorithm, secret);
    };
    if !bool::from(last.secret.as_slice().ct_eq(secret)) {
        // Dropping the keys wipes their hash states.
        last.keys.clear();
        last.secret.zeroize();
        last.secret.extend_from_slice(secret);
    }
    if let Some((_, key)) = last
        .keys
        .iter()
        .find(|(made_for, _)| *made_for == algorithm)
    {
        return Ok(key.clone());
    }
    let key = HmacKey::new(algorithm, secret)?;
    last.keys.push((algorithm, key.clone()));
    Ok(key)
}
