//! Keys passed from JavaScript: a string (its UTF-8 bytes) or a `Uint8Array`.

use crate::{Algorithm, Error, HmacKey};
use alloc::vec::Vec;
use js_sys::Uint8Array;
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
            return Ok(Self(Zeroizing::new(bytes.to_vec())));
        }
        Err(Error::InvalidKey {
            reason: "the key must be a string or a Uint8Array",
        })
    }

    pub(crate) fn hmac_key(&self, algorithm: Algorithm) -> Result<HmacKey, Error> {
        HmacKey::new(algorithm, &self.0)
    }
}
