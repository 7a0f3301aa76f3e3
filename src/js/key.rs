//! Keys passed from JavaScript: a string (its UTF-8 bytes) or a `Uint8Array`.

use super::host::{copy_bytes, Uint8Array};
#[cfg(speed_or_native)]
use super::last_key::last_prepared_key;
/// A key for one one-shot call (see [`KeyBytes::last_prepared_key`]); it
/// borrows as an [`HmacKey`].
#[cfg(speed_or_native)]
pub(crate) use super::last_key::PreparedKey;
#[cfg(not(speed_or_native))]
pub(crate) struct PreparedKey(HmacKey);

#[cfg(not(speed_or_native))]
impl core::borrow::Borrow<HmacKey> for PreparedKey {
    fn borrow(&self) -> &HmacKey {
        &self.0
    }
}
use crate::{Algorithm, Error, HmacKey};
use alloc::vec;
use alloc::vec::Vec;
use wasm_bindgen::{JsCast, JsValue};
use zeroize::Zeroizing;

/// The secret bytes of a key argument, wiped from wasm memory when dropped.
pub(crate) struct KeyBytes(Zeroizing<Vec<u8>>);

impl KeyBytes {
    pub(crate) fn from_js(key: &JsValue) -> Result<Self, Error> {
        if let Some(text) = key.as_string() {
            return Ok(Self(Zeroizing::new(text.into_bytes())));
        }
        if let Some(bytes) = key.dyn_ref::<Uint8Array>() {
            // Copied straight into wasm memory, into a buffer of exactly its length.
            let mut copy = Zeroizing::new(vec![0; bytes.length() as usize]);
            copy_bytes(&mut copy, bytes);
            return Ok(Self(copy));
        }
        Err(Error::InvalidKey {
            reason: "the key must be a string or a Uint8Array",
        })
    }

    pub(crate) fn hmac_key(&self, algorithm: Algorithm) -> Result<HmacKey, Error> {
        HmacKey::new(algorithm, &self.0)
    }

    /// As [`hmac_key`](Self::hmac_key), through the last prepared key: for the
    /// one-shot calls, which usually get the same secret every time. (The
    /// browsers' size builds make the key every time.)
    pub(crate) fn last_prepared_key(&self, algorithm: Algorithm) -> Result<PreparedKey, Error> {
        #[cfg(speed_or_native)]
        return last_prepared_key(&self.0, algorithm);
        #[cfg(not(speed_or_native))]
        self.hmac_key(algorithm).map(PreparedKey)
    }
}
