//! `generateKeyPair`: a new ECDSA or Ed25519 key pair. The random bytes come
//! from `crypto.getRandomValues`; the core only turns them into a key.

use super::asymmetric::algorithm_argument;
use super::error::to_js;
use super::host::{get_random_values, json_parse};
use crate::{Algorithm, Error, KeyFamily, PrivateKey};
use alloc::string::String;
use alloc::vec;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use zeroize::Zeroizing;

/// How many scalars are drawn before giving up: a random P-256 scalar is out
/// of range with a chance under 2^-32, so a second draw practically never
/// happens.
const DRAWS: usize = 4;

/// Random bytes from `crypto.getRandomValues`.
fn random(length: usize) -> Result<Zeroizing<alloc::vec::Vec<u8>>, Error> {
    let mut bytes = Zeroizing::new(vec![0; length]);
    get_random_values(&mut bytes).map_err(|_| Error::InvalidKey {
        reason: "no secure random source is available",
    })?;
    Ok(bytes)
}

/// A new private key for `algorithm`, from fresh random bytes.
fn new_private_key(algorithm: Algorithm) -> Result<PrivateKey, Error> {
    let not_a_pair = || {
        Error::invalid_option(
            "alg",
            "must be an algorithm that signs with a key pair: ES256, ES384, ES512, EdDSA or Ed25519",
        )
    };
    match algorithm.family() {
        #[cfg(feature = "eddsa")]
        KeyFamily::Ed25519 => Ok(PrivateKey::from(
            crate::alg::eddsa::Ed25519PrivateKey::from_seed(algorithm, &random(32)?)?,
        )),
        #[cfg(feature = "ecdsa")]
        family @ (KeyFamily::P256 | KeyFamily::P384 | KeyFamily::P521) => {
            let length = crate::alg::ecdsa::field_len(family).ok_or_else(not_a_pair)?;
            for _ in 0..DRAWS {
                let mut scalar = random(length)?;
                if family == KeyFamily::P521 {
                    // 521 bits: the first byte holds one.
                    if let Some(first) = scalar.first_mut() {
                        *first &= 1;
                    }
                }
                if let Ok(key) = crate::alg::ecdsa::EcdsaPrivateKey::from_scalar(algorithm, &scalar)
                {
                    return Ok(PrivateKey::from(key));
                }
            }
            Err(Error::InvalidKey {
                reason: "the random source gave no valid scalar",
            })
        }
        _ => Err(not_a_pair()),
    }
}

/// A new key pair for `alg` (ES256, ES384, ES512, `EdDSA` or `Ed25519`):
/// `{ privateJwk, publicJwk }`, both with `alg`, `use` `sig` and a `kid`,
/// the key's RFC 7638 thumbprint.
///
/// # Errors
/// Throws a `JwtError`: `ERR_INVALID_OPTIONS` for an algorithm that does not
/// sign with a key pair here (HS*, RS*, PS*), `ERR_KEY_INVALID` where there
/// is no `crypto.getRandomValues`.
#[wasm_bindgen(js_name = generateKeyPair, skip_typescript)]
pub fn generate_key_pair(alg: &JsValue) -> Result<JsValue, JsValue> {
    let generate = || -> Result<JsValue, Error> {
        let algorithm =
            algorithm_argument(alg)?.ok_or_else(|| Error::invalid_option("alg", "is required"))?;
        let private = new_private_key(algorithm)?;
        let kid = private.public_key().thumbprint();
        let private = private.with_kid(Some(kid));
        let public = private.public_key().to_jwk();
        let private = private.to_jwk();
        let mut both = Zeroizing::new(String::with_capacity(private.len() + public.len() + 32));
        both.push_str("{\"privateJwk\":");
        both.push_str(&private);
        both.push_str(",\"publicJwk\":");
        both.push_str(&public);
        both.push('}');
        Ok(json_parse(&both))
    };
    generate().map_err(|error| to_js(&error))
}
