//! Handing a token's signature to the runtime's own crypto (`node:crypto` in
//! Node), which the package's Node entry does for private ECDSA and Ed25519
//! keys, where it is faster than the arithmetic in WebAssembly.
//!
//! Everything else runs here, exactly as in the pure-Rust path: the options,
//! the key (a private JWK, with its public members checked against `d`), the
//! key's algorithm bound to the options' `alg` and its `kid` put in the
//! header, the payload's claims. Then, instead of a token, JavaScript gets
//! the signing input, and `handedOver()` the id of the key (never reused);
//! it signs the input with a key object it prepares once per id, from the
//! private JWK and algorithm handed over with the id the first time it is
//! given (or when asked for them again: see `signHandingOver`). A `Signer`
//! is its own key: JavaScript prepares one key object per signer, from the
//! JWK `Signer.signHandingOver` gives when asked.
//!
//! ECDSA signatures from the runtime (`node:crypto`) are randomized, where
//! the pure-Rust path's are deterministic (RFC 6979): both verify alike.
//!
//! The one-shot `sign` reads its key from a private JWK on every call, and
//! checking one (deriving the public key from `d`) costs a signature's
//! arithmetic: here the JWK's text is read once, and kept by its SHA-256
//! digest only (the key itself is not kept), so that a later call with the
//! same text signs with the same key id. (A text is either refused or read
//! into the same key on every call.)
//!
//! Only the Node and workerd build (feature `speed`) hands anything over: in
//! the browsers' size builds the exports are there (one glue serves both)
//! and are the pure-Rust path's.

use super::signer::Signer;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// `sign`, every check of the pure-Rust path made here, the signature left
/// to the runtime when the key is a private JWK. Returns the token when
/// nothing was handed over (a secret; `handedOver()` is then 0), else the
/// signing input (`handedOver()` is the key's id), or `[signing input,
/// algorithm, private JWK]` the first time the key's id is given or when
/// `with_jwk` asks for it (the runtime lost its key object).
///
/// # Errors
/// Throws a `JwtError` with the code the pure-Rust path's `sign` throws.
#[wasm_bindgen(js_name = signHandingOver, skip_typescript)]
pub fn sign_handing_over(
    with_jwk: bool,
    payload: &JsValue,
    key: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    #[cfg(speed_or_native)]
    return handing_over::sign(with_jwk, payload, key, options);
    #[cfg(not(speed_or_native))]
    {
        let _ = with_jwk;
        super::sign::sign(payload, key, options)
    }
}

#[wasm_bindgen]
impl Signer {
    /// As `sign`, leaving the signature to the runtime when the key is a
    /// private JWK: the signing input, or `[signing input, algorithm,
    /// private JWK]` when `with_jwk` asks for them (the runtime prepares its
    /// key object once per signer); `handedOver()` is then
    /// `SIGNER_KEY` (the signer is the key: it has no id of its own), else 0
    /// and the token is returned.
    ///
    /// # Errors
    /// Throws a `JwtError` with the code `sign` throws.
    #[wasm_bindgen(js_name = signHandingOver, skip_typescript)]
    pub fn sign_handing_over(&self, payload: &JsValue, with_jwk: bool) -> Result<JsValue, JsValue> {
        #[cfg(speed_or_native)]
        {
            let outcome = self.with_private_key(|key, config| {
                handing_over::signer_sign(payload, key, config, with_jwk)
            });
            let handed = matches!(outcome, Some(Ok(_)));
            let outcome = outcome.unwrap_or_else(|| self.sign(payload));
            super::runtime_signature::record_handed_over(if handed {
                handing_over::SIGNER_KEY
            } else {
                0
            });
            outcome
        }
        #[cfg(not(speed_or_native))]
        {
            let _ = with_jwk;
            self.sign(payload)
        }
    }
}

/// The handing over itself, in the Node and workerd build (and the tests).
#[cfg(speed_or_native)]
mod handing_over {
    use crate::js::error::to_js;
    use crate::js::host::{array_of3, Uint8Array};
    use crate::js::jwk_key::{key_json, private_key_of_json};
    use crate::js::last_options::{with_last_options, LAST_SIGN_OPTIONS};
    use crate::js::runtime_signature::record_handed_over;
    use crate::js::sign::sign_with;
    use crate::js::sign_options::SignConfig;
    use crate::{Algorithm, Error, PrivateKey, SigningKey};
    use alloc::string::String;
    use alloc::vec::Vec;
    use sha2::{Digest, Sha256};
    use spin::mutex::SpinMutex;
    use subtle::ConstantTimeEq;
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::{JsCast, JsValue};
    use zeroize::Zeroizing;

    /// How many private JWK texts are kept (by digest) with their key's id,
    /// at most: the oldest is forgotten first. (The JavaScript side keeps as
    /// many key objects.)
    const KEPT_KEYS: usize = 16;

    /// A private JWK's text that was read into a key: what signing with it
    /// needs besides the key (its algorithm and `kid`), and its key's id.
    struct KeptKey {
        id: u32,
        digest: [u8; 32],
        algorithm: Algorithm,
        kid: Option<String>,
    }

    /// What `handedOver()` is after a `Signer` handed its signature over.
    /// (The ids of `RuntimePrivateKeys` stay below it: `keep` gives none
    /// once the next would overflow.)
    pub(super) const SIGNER_KEY: u32 = u32::MAX;

    /// The texts read, and the next id to give (from 1; ids are never
    /// reused: the JavaScript side finds its key object by the id).
    struct RuntimePrivateKeys {
        next_id: u32,
        keys: Vec<KeptKey>,
    }

    static RUNTIME_PRIVATE_KEYS: SpinMutex<RuntimePrivateKeys> =
        SpinMutex::new(RuntimePrivateKeys {
            next_id: 1,
            keys: Vec::new(),
        });

    #[wasm_bindgen(module = "/pkg-template/frozen-key.js")]
    extern "C" {
        /// The id kept with `key` when it is the very object last kept
        /// with one (frozen and flat: its text is the same); else 0.
        #[wasm_bindgen(js_name = frozenKeyId)]
        fn frozen_key_id(key: &JsValue) -> u32;

        /// Keeps `id` for `key` when it is frozen and flat.
        #[wasm_bindgen(js_name = keepFrozenKey)]
        fn keep_frozen_key(key: &JsValue, id: u32);
    }

    /// The algorithm and `kid` kept under `id`, if it is still kept.
    fn kept_id(id: u32) -> Option<(Algorithm, Option<String>)> {
        let table = RUNTIME_PRIVATE_KEYS.try_lock()?;
        let key = table.keys.iter().find(|key| key.id == id)?;
        Some((key.algorithm, key.kid.clone()))
    }

    /// The id, algorithm and `kid` kept for the text with `digest`.
    fn kept(digest: &[u8; 32]) -> Option<(u32, Algorithm, Option<String>)> {
        let table = RUNTIME_PRIVATE_KEYS.try_lock()?;
        let key = table
            .keys
            .iter()
            .find(|key| bool::from(key.digest.ct_eq(digest)))?;
        Some((key.id, key.algorithm, key.kid.clone()))
    }

    /// Keeps the text with `digest`, read into `key`, under a new id;
    /// `None` when the table is in use (a call into JavaScript that called
    /// back) or the ids have run out.
    fn keep(digest: [u8; 32], key: &PrivateKey) -> Option<u32> {
        let mut table = RUNTIME_PRIVATE_KEYS.try_lock()?;
        let id = table.next_id;
        table.next_id = id.checked_add(1)?;
        if table.keys.len() == KEPT_KEYS {
            table.keys.remove(0);
        }
        table.keys.push(KeptKey {
            id,
            digest,
            algorithm: key.algorithm(),
            kid: key.kid().map(String::from),
        });
        Some(id)
    }

    /// A key that leaves its signature to the runtime: it signs with
    /// nothing, so that a token it signs is the signing input and a `.`.
    struct SignatureLeftToRuntime(Algorithm);

    impl SigningKey for SignatureLeftToRuntime {
        fn algorithm(&self) -> Algorithm {
            self.0
        }

        fn sign(&self, _signing_input: &[u8]) -> Vec<u8> {
            Vec::new()
        }
    }

    /// The signing input of the token `sign_with` makes of `payload` under
    /// `config` (bound to a key that signs with `algorithm`): the pure-Rust
    /// path's own, its every check made, short of the signature.
    fn signing_input(
        payload: &JsValue,
        config: &SignConfig,
        algorithm: Algorithm,
    ) -> Result<String, Error> {
        let mut token = sign_with(payload, config, &SignatureLeftToRuntime(algorithm))?;
        token.pop();
        Ok(token)
    }

    /// The signing input as it is, or `[signing input, algorithm, private
    /// JWK]` when the JWK is given.
    fn handed_over(input: &str, given: Option<(Algorithm, &Zeroizing<String>)>) -> JsValue {
        match given {
            None => JsValue::from(input),
            Some((algorithm, jwk)) => array_of3(
                &JsValue::from(input),
                &JsValue::from(algorithm.name()),
                &JsValue::from(jwk.as_str()),
            ),
        }
    }

    /// `signHandingOver`: options read as `sign` reads them, then the key.
    pub(super) fn sign(
        with_jwk: bool,
        payload: &JsValue,
        key: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue> {
        // A secret (or no key at all): the pure-Rust path, all of it.
        if !key.is_object() || key.dyn_ref::<Uint8Array>().is_some() {
            let token = crate::js::sign::sign(payload, key, options);
            record_handed_over(0);
            return token;
        }
        let handed = core::cell::Cell::new(0);
        let sign = |config: &mut SignConfig| -> Result<JsValue, Error> {
            // The very object read last, still frozen (as `importJwk` gives
            // it): its text, and so its id, cannot have changed.
            // Why: µs per call of this export with an ES256 key from
            // `importJwk` in Node, its text made and digested every call
            // against once: 5.7 → 3.5 (a `Signer`'s: 2.8).
            let frozen = if with_jwk { 0 } else { frozen_key_id(key) };
            let known = (frozen != 0)
                .then(|| kept_id(frozen))
                .flatten()
                .map(|(algorithm, kid)| (frozen, algorithm, kid, None));
            let (id, algorithm, kid, jwk) = if let Some(known) = known {
                known
            } else {
                let text = Zeroizing::new(key_json(key)?);
                let digest: [u8; 32] = Sha256::digest(text.as_bytes()).into();
                let read = match kept(&digest) {
                    Some((id, algorithm, kid)) if !with_jwk => (id, algorithm, kid, None),
                    kept => {
                        let private = private_key_of_json(&text)?;
                        let id = kept.map(|(id, ..)| id).or_else(|| keep(digest, &private));
                        let Some(id) = id else {
                            let mut config = config.clone();
                            config.bind(&private)?;
                            return sign_with(payload, &config, &private).map(JsValue::from);
                        };
                        let kid = private.kid().map(String::from);
                        (id, private.algorithm(), kid, Some(private.to_jwk()))
                    }
                };
                keep_frozen_key(key, read.0);
                read
            };
            // The options may be kept for the next call (`last_options`):
            // bound on a copy, as `sign` binds them.
            let mut config = config.clone();
            config.bind_to(algorithm, kid.as_deref())?;
            let input = signing_input(payload, &config, algorithm)?;
            handed.set(id);
            Ok(handed_over(
                &input,
                jwk.as_ref().map(|jwk| (algorithm, jwk)),
            ))
        };
        let outcome = with_last_options(&LAST_SIGN_OPTIONS, options, |config| {
            sign(config).map_err(|error| to_js(&error))
        });
        record_handed_over(handed.get());
        outcome
    }

    /// `Signer.signHandingOver` for a signer of the private key `key`, its
    /// options bound to it.
    pub(super) fn signer_sign(
        payload: &JsValue,
        key: &PrivateKey,
        config: &SignConfig,
        with_jwk: bool,
    ) -> Result<JsValue, JsValue> {
        let algorithm = key.algorithm();
        signing_input(payload, config, algorithm)
            .map(|input| {
                let jwk = with_jwk.then(|| key.to_jwk());
                handed_over(&input, jwk.as_ref().map(|jwk| (algorithm, jwk)))
            })
            .map_err(|error| to_js(&error))
    }
}
