//! The last key the one-shot `verify` and `sign` prepared, kept for the next
//! call with the same secret.
//!
//! Most callers pass the same secret on every call, and preparing an HMAC key
//! (hashing the secret's inner and outer pads) is a large share of a one-shot
//! call. The secret is kept beside the keys made from it, so that the next
//! call's secret can be matched by comparing the two in constant time; a call
//! with another secret wipes both (the secret with `zeroize`, the keys' hash
//! states on drop) before keeping its own. Nothing reads them but the
//! one-shot calls, which borrow a key for one call.

use crate::{Algorithm, Error, HmacKey};
use alloc::vec::Vec;
use core::borrow::Borrow;
use spin::mutex::{SpinMutex, SpinMutexGuard};
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

/// The key for `algorithm` made from `secret`: the one kept from an earlier
/// call with the same secret, or a new one, which is then kept. It is lent
/// for one call, under the lock, without a copy.
///
/// # Errors
/// [`Error::InvalidKey`] when `secret` is too short for `algorithm`.
pub(crate) fn last_prepared_key(secret: &[u8], algorithm: Algorithm) -> Result<PreparedKey, Error> {
    // A call into JavaScript while a key is lent (a payload's `toJSON`, say)
    // could call back into the module: that call finds the lock taken and
    // makes its key afresh rather than wait.
    let Some(mut last) = LAST_KEY.try_lock() else {
        return HmacKey::new(algorithm, secret).map(|key| PreparedKey(Lent::Made(key)));
    };
    if !bool::from(last.secret.as_slice().ct_eq(secret)) {
        // Dropping the keys wipes their hash states.
        last.keys.clear();
        last.secret.zeroize();
        last.secret.extend_from_slice(secret);
    }
    let kept = last
        .keys
        .iter()
        .position(|(made_for, _)| *made_for == algorithm);
    let index = if let Some(index) = kept {
        index
    } else {
        let key = HmacKey::new(algorithm, secret)?;
        last.keys.push((algorithm, key));
        last.keys.len() - 1
    };
    Ok(PreparedKey(Lent::Kept(last, index)))
}

/// A key for one call: the kept one (holding the lock) or one made afresh.
pub(crate) struct PreparedKey(Lent);

// A made key lives on the stack for one call: not worth a heap allocation.
#[allow(clippy::large_enum_variant)]
enum Lent {
    Kept(SpinMutexGuard<'static, LastKey>, usize),
    Made(HmacKey),
}

impl Borrow<HmacKey> for PreparedKey {
    fn borrow(&self) -> &HmacKey {
        match &self.0 {
            // `index` was checked when the key was lent.
            Lent::Kept(last, index) => &last.keys[*index].1,
            Lent::Made(key) => key,
        }
    }
}
