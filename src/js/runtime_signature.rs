//! Handing a token's signature check to the runtime's own crypto
//! (`node:crypto` in Node, WebCrypto for `verifyAsync`), which the package's
//! entry modules do where it is faster than the arithmetic in WebAssembly.
//!
//! Everything else runs here first, exactly as in the pure-Rust path: the
//! token's form, its header, the algorithm and the key (the key decides it),
//! the key's own rules (RSA modulus size, a point on its curve, no small-order
//! Ed25519 key), and the signature's form, checked strictly short of the
//! arithmetic (`Material::check_signature_form`: its length, ECDSA's `r` and
//! `s`, Ed25519's canonical `S` and `R` not of small order). Only then is the
//! signature handed over, with the claims already judged: their verdict (the
//! payload, or the error) waits for the signature's, so a bad signature is
//! `ERR_JWS_SIGNATURE_VERIFICATION_FAILED` before any claim error, as in the
//! pure-Rust path.

use super::error::to_js;
use super::functions::token_text;
use super::host::{array_of4, Uint8Array};
#[cfg(any(feature = "speed", not(feature = "npm-runtime")))]
use super::last_options::{with_last_options, LAST_VERIFY_OPTIONS};
use super::options::VerifyConfig;
use super::verify::verify_any;
use crate::public_key::BoundPublicKey;
use crate::{Error, PublicKey, VerifyingKey};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use spin::mutex::SpinMutex;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// How many keys the runtime holds a prepared key for, at most: the oldest
/// is forgotten first (a key set rotates slowly; a caller with many keys
/// pays a preparation per key it comes back to).
const KEPT_KEYS: usize = 16;

/// The keys whose signatures were handed to the runtime, each with an id that
/// is never reused, so that the JavaScript side prepares its own key object
/// once per key and finds it by the id.
struct RuntimeKeys {
    next_id: u32,
    keys: Vec<(u32, PublicKey)>,
}

static RUNTIME_KEYS: SpinMutex<RuntimeKeys> = SpinMutex::new(RuntimeKeys {
    next_id: 0,
    keys: Vec::new(),
});

/// The id of `key` (its material: a JWK with and without `kid` is one key),
/// given a new one if it has none; `None` for a key that must stay with the
/// pure-Rust path (one the runtime may read otherwise) or when the table is
/// in use.
fn runtime_key_id(key: &PublicKey) -> Option<u32> {
    let mut table = RUNTIME_KEYS.try_lock()?;
    if let Some((id, _)) = table
        .keys
        .iter()
        .find(|(_, kept)| kept.material == key.material)
    {
        return Some(*id);
    }
    if !key.material.runtime_reads_alike() {
        return None;
    }
    if table.keys.len() == KEPT_KEYS {
        table.keys.remove(0);
    }
    let id = table.next_id;
    table.next_id = id.checked_add(1)?;
    let material = PublicKey::from_material(key.material.clone(), None);
    table.keys.push((id, material));
    Some(id)
}

/// The public JWK (its key material alone) of the key with id `id`, for the
/// runtime to import; `undefined` once the key has been forgotten.
#[wasm_bindgen(js_name = runtimeKeyJwk, skip_typescript)]
#[must_use]
pub fn runtime_key_jwk(id: u32) -> Option<String> {
    let table = RUNTIME_KEYS.try_lock()?;
    let (_, key) = table.keys.iter().find(|(kept, _)| *kept == id)?;
    Some(key.to_jwk())
}

/// The error a signature the runtime refused is: the pure-Rust path's.
#[wasm_bindgen(js_name = signatureFailed, skip_typescript)]
#[must_use]
pub fn signature_failed() -> JsValue {
    to_js(&Error::SignatureInvalid)
}

/// One verification whose signature check may be handed over: the algorithms
/// the runtime verifies faster (their names, separated by spaces), and what
/// was handed over.
pub(crate) struct Handover<'a> {
    algorithms: &'a str,
    /// `[key id, algorithm, signature]` once handed over.
    handed: RefCell<Option<[JsValue; 3]>>,
}

impl<'a> Handover<'a> {
    fn new(algorithms: &'a str) -> Self {
        Self {
            algorithms,
            handed: RefCell::new(None),
        }
    }

    /// Checks the signature's form strictly, then hands the check over when
    /// the runtime does `key`'s algorithm and may have `key`; else checks it
    /// here.
    /// (The signing input is the token up to its last `.`, which JavaScript
    /// holds already.)
    pub(crate) fn check_or_hand_over(
        &self,
        key: &BoundPublicKey<'_>,
        signing_input: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let algorithm = key.algorithm();
        let wanted = self
            .algorithms
            .split(' ')
            .any(|name| name == algorithm.name());
        if !wanted {
            return key.verify_signature(signing_input, signature);
        }
        let public = key.public_key();
        public.material.check_signature_form(algorithm, signature)?;
        let Some(id) = runtime_key_id(public) else {
            return key.verify_signature(signing_input, signature);
        };
        *self.handed.borrow_mut() = Some([
            JsValue::from(id),
            JsValue::from(algorithm.name()),
            Uint8Array::copy_of(signature),
        ]);
        Ok(())
    }

    /// What the verification gives JavaScript: its `outcome` as it is when
    /// nothing was handed over (an object, or thrown); else
    /// `[key id, algorithm, signature, verdict]`, the verdict being the
    /// payload or the error to throw once the signature is good.
    fn finish(self, outcome: Result<JsValue, Error>) -> Result<JsValue, Error> {
        let Some([id, algorithm, signature]) = self.handed.into_inner() else {
            return outcome;
        };
        let verdict = outcome.unwrap_or_else(|error| to_js(&error));
        Ok(array_of4(&id, &algorithm, &signature, &verdict))
    }
}

/// `verify` (with `withHeader`, `verifyWithHeader`), every check of the
/// pure-Rust path made here, the signature's arithmetic left to the runtime
/// for the `algorithms` named (separated by spaces) when the key is a JWK or
/// a JWK Set. Returns the payload (an object) when nothing was handed over,
/// else `[key id, algorithm, signature, verdict]` (an array); the signing
/// input is the token up to its last `.`.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails before the
/// signature.
#[wasm_bindgen(js_name = verifyHandingOver, skip_typescript)]
pub fn verify_handing_over(
    token: &JsValue,
    key: &JsValue,
    options: &JsValue,
    algorithms: &str,
    with_header: bool,
) -> Result<JsValue, JsValue> {
    let verify = |config: &mut VerifyConfig| -> Result<JsValue, Error> {
        let token = token_text(token, config.validation.max_token_length)?;
        let handover = Handover::new(algorithms);
        let outcome = if with_header {
            verify_any::<true>(&token, key, config, Some(&handover))
        } else {
            verify_any::<false>(&token, key, config, Some(&handover))
        };
        handover.finish(outcome)
    };
    // As `verify` and `verifyWithHeader` read their options.
    #[cfg(any(feature = "speed", not(feature = "npm-runtime")))]
    let result = if with_header {
        VerifyConfig::from_js(options).and_then(|mut config| verify(&mut config))
    } else {
        with_last_options(
            &LAST_VERIFY_OPTIONS,
            options,
            VerifyConfig::from_text,
            verify,
        )
    };
    #[cfg(not(any(feature = "speed", not(feature = "npm-runtime"))))]
    let result = VerifyConfig::from_js(options).and_then(|mut config| verify(&mut config));
    result.map_err(|error| to_js(&error))
}

/// As [`verify_handing_over`], for a `Verifier`.
pub(crate) fn verifier_handing_over(
    algorithms: &str,
    verify: impl FnOnce(&Handover<'_>) -> Result<JsValue, Error>,
) -> Result<JsValue, Error> {
    let handover = Handover::new(algorithms);
    let outcome = verify(&handover);
    handover.finish(outcome)
}
