//! Handing a token's signature check to the runtime's own crypto
//! (`node:crypto` in Node, WebCrypto for `verifyAsync`), which the package's
//! entry modules do where it is faster than the arithmetic in WebAssembly.
//!
//! Everything else runs here first, exactly as in the pure-Rust path: the
//! token's form, its header, the algorithm and the key (the key decides it),
//! the key's own rules (RSA modulus size, a point on its curve), and the
//! signature's form, checked strictly short of the arithmetic
//! (`Material::check_signature_form`: its length, RSA's value below the
//! modulus, ECDSA's `r` and `s` nonzero and below the order, Ed25519's `R`
//! canonical and not of small order and `S` below the order). Only
//! then is the signature handed over, with the claims already judged: their
//! verdict (the payload, or the error) waits for the signature's, so a bad
//! signature is `ERR_JWS_SIGNATURE_VERIFICATION_FAILED` before any claim
//! error, as in the pure-Rust path. (A signature the runtime refuses is the same `JwtError`,
//! made by the JavaScript side: no export spent on it in the size builds.)
//!
//! Only the Node and workerd build (feature `speed`) hands anything over: in
//! the browsers' size builds the exports are there (one glue serves both) and
//! are the pure-Rust path's. WebCrypto would save a page a millisecond or two
//! once, against bytes every page downloads (handing over in the size build
//! measured +2.0 KB gzipped, over `jwt-edge/jwk`'s budget).

#[cfg(speed_or_native)]
pub(crate) use handing_over::{record_handed_over, verifier_handing_over};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// What a verification may hand its signature check over to: a
/// `handing_over::Handover`, or none (`None`). In the size builds there is
/// never one: a unit, so that no code for one is compiled in.
#[cfg(speed_or_native)]
pub(crate) type MaybeHandover<'a> = Option<&'a handing_over::Handover>;
#[cfg(not(speed_or_native))]
pub(crate) type MaybeHandover<'a> = core::marker::PhantomData<&'a ()>;

/// No handover: the pure-Rust path.
pub(crate) const NO_HANDOVER: MaybeHandover<'static> = {
    #[cfg(speed_or_native)]
    let none = None;
    #[cfg(not(speed_or_native))]
    let none = core::marker::PhantomData;
    none
};

/// The signature check of `key` through `handover` if there is one (`None`
/// when there is not: the caller checks it).
#[cfg_attr(not(speed_or_native), allow(clippy::unnecessary_wraps))]
pub(crate) fn through(
    handover: MaybeHandover<'_>,
    key: &crate::public_key::BoundPublicKey<'_>,
    signing_input: &[u8],
    signature: &[u8],
) -> Option<Result<(), crate::Error>> {
    #[cfg(speed_or_native)]
    return handover.map(|handover| handover.check_or_hand_over(key, signing_input, signature));
    #[cfg(not(speed_or_native))]
    {
        let _ = (handover, key, signing_input, signature);
        None
    }
}

/// The public JWK of the key with id `id`, its `alg` the one algorithm the
/// id stands for, for the runtime to import; `undefined` once the key has
/// been forgotten (and in the size builds, which hand nothing over).
#[wasm_bindgen(js_name = runtimeKeyJwk, skip_typescript)]
#[must_use]
pub fn runtime_key_jwk(id: u32) -> Option<alloc::string::String> {
    #[cfg(speed_or_native)]
    return handing_over::key_jwk(id);
    #[cfg(not(speed_or_native))]
    {
        let _ = id;
        None
    }
}

/// What the last `verifyHandingOver` or `signHandingOver` (free, a
/// `Verifier`'s or a `Signer`'s) handed over: the id of the key (and
/// algorithm) whose signature check, or signature, is left to the runtime,
/// or 0 when it left nothing (the signature was checked or made here, or a
/// rule failed before it). Read once: it is 0 afterwards.
#[wasm_bindgen(js_name = handedOver, skip_typescript)]
#[must_use]
pub fn handed_over() -> u32 {
    #[cfg(speed_or_native)]
    return handing_over::take_handed_over();
    #[cfg(not(speed_or_native))]
    0
}

/// Where the last hand-over call's outcome sits in the WebAssembly memory
/// (`wasmMemory()`), for the runtime to check a signature in place: five
/// 32-bit words, the key id (what `handedOver()` returns, which JavaScript
/// sets to 0 once read), then the address and length of the message (the
/// signing input, or what `handOverForNodeCrypto()` puts in its place) and
/// of the signature; the last two pairs are those of the last verification
/// that handed anything over.
#[cfg(speed_or_native)]
#[wasm_bindgen(js_name = handedOverPlace, skip_typescript)]
#[must_use]
pub fn handed_over_place() -> u32 {
    handing_over::handed_over_place()
}

/// From now on, signatures are handed over in the forms node:crypto checks
/// fastest: ECDSA signatures DER-encoded, and RS256, RS384 and RS512
/// signatures with the encoded message their public operation must give
/// (RFC 8017 §9.2, its digest taken here) where the signing input would be,
/// for `publicEncrypt` without padding and a comparison.
#[cfg(speed_or_native)]
#[wasm_bindgen(js_name = handOverForNodeCrypto, skip_typescript)]
pub fn hand_over_for_node_crypto() {
    handing_over::hand_over_for_node_crypto();
}

/// The module's memory, where `handedOverPlace()` points.
#[cfg(speed_or_native)]
#[wasm_bindgen(js_name = wasmMemory, skip_typescript)]
#[must_use]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// `verify` (with `withHeader`, `verifyWithHeader`), every check of the
/// pure-Rust path made here, the signature's arithmetic left to the runtime
/// when the key is a JWK or a JWK Set's. Returns what `verify` returns (or
/// throws its error), the claims judged; whether the signature was left to
/// the runtime, and to which key, `handedOver()` tells right after. When it
/// was, the payload (or the claims' error) stands only once the runtime
/// finds the signature good.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails.
#[wasm_bindgen(js_name = verifyHandingOver, skip_typescript)]
pub fn verify_handing_over(
    token: &JsValue,
    key: &JsValue,
    options: &JsValue,
    with_header: bool,
) -> Result<JsValue, JsValue> {
    #[cfg(speed_or_native)]
    return handing_over::verify(token, key, options, with_header);
    #[cfg(not(speed_or_native))]
    {
        if with_header {
            super::asymmetric::verify_with_header(token, key, options)
        } else {
            super::verify::verify(token, key, options)
        }
    }
}

/// The handing over itself, in the Node and workerd build (and the tests).
#[cfg(speed_or_native)]
mod handing_over {
    use crate::js::error::to_js;
    use crate::js::functions::token_text;
    use crate::js::last_options::{with_last_options, LAST_VERIFY_OPTIONS};
    use crate::js::options::VerifyConfig;
    use crate::js::verify::verify_any;
    use crate::public_key::{BoundPublicKey, HandOverForms};
    use crate::{Algorithm, Error, PublicKey, VerifyingKey};
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::cell::Cell;
    use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};
    use spin::mutex::SpinMutex;
    use wasm_bindgen::JsValue;

    /// How many keys the runtime holds a prepared key for, at most: the
    /// oldest is forgotten first (a key set rotates slowly; a caller with many
    /// keys pays a preparation per key it comes back to).
    const KEPT_KEYS: usize = 16;

    /// The keys whose signatures were handed to the runtime, each bound to
    /// the algorithm it was used with and given an id (from 1) that is never
    /// reused, so that the JavaScript side prepares its own key object once
    /// per key and algorithm and finds it by the id.
    struct RuntimeKeys {
        next_id: u32,
        keys: Vec<(u32, PublicKey)>,
    }

    static RUNTIME_KEYS: SpinMutex<RuntimeKeys> = SpinMutex::new(RuntimeKeys {
        next_id: 1,
        keys: Vec::new(),
    });

    /// What the last call handed over, where JavaScript reads it in the
    /// WebAssembly memory (`handedOverPlace()`): the key id (or 0), then the
    /// address and length of the message and of the signature, which the
    /// runtime checks in place. (Copying them out as JavaScript buffers,
    /// the token sliced and its signature decoded again, measured 0.9 µs
    /// more per RS256 verify and 1.1 µs more per ES256 verify in Node 20.)
    ///
    /// Written once, as the very last step of every `verifyHandingOver` and
    /// `signHandingOver`, after anything that can call into JavaScript: a
    /// call started from inside another (from a getter of its options, say)
    /// has written its own before the outer one writes, so what JavaScript
    /// reads right after a call returns is always that call's.
    static HANDED_OVER: [AtomicU32; 5] = [const { AtomicU32::new(0) }; 5];

    /// The bytes the last verification handed over (its signature, then the
    /// message), kept where `HANDED_OVER` points until the next one.
    static HANDED_BYTES: SpinMutex<Vec<u8>> = SpinMutex::new(Vec::new());

    /// Whether signatures are handed over in node:crypto's forms
    /// (`handOverForNodeCrypto()`, `HandOverForms::NodeCrypto`) rather than
    /// as the token has them.
    static NODE_CRYPTO_FORMS: AtomicBool = AtomicBool::new(false);

    pub(super) fn hand_over_for_node_crypto() {
        NODE_CRYPTO_FORMS.store(true, Ordering::Relaxed);
    }

    /// Records what a hand-over call handed over (`id`, or 0 for nothing):
    /// its last step.
    pub(crate) fn record_handed_over(id: u32) {
        HANDED_OVER[0].store(id, Ordering::Relaxed);
    }

    pub(super) fn take_handed_over() -> u32 {
        HANDED_OVER[0].swap(0, Ordering::Relaxed)
    }

    /// The address of `HANDED_OVER` in the WebAssembly memory.
    pub(super) fn handed_over_place() -> u32 {
        address(HANDED_OVER.as_ptr())
    }

    /// `pointer` as JavaScript finds it in the WebAssembly memory (32-bit;
    /// 0 in native builds, where no JavaScript reads it).
    fn address<T>(pointer: *const T) -> u32 {
        u32::try_from(pointer as usize).unwrap_or(0)
    }

    /// The id of `key` bound to `algorithm` (told by its material: a JWK
    /// with and without `kid` is one key), given a new one if it has none;
    /// `None` when the table is in use.
    fn key_id(key: &PublicKey, algorithm: Algorithm) -> Option<u32> {
        let mut table = RUNTIME_KEYS.try_lock()?;
        if let Some((id, _)) = table
            .keys
            .iter()
            .find(|(_, kept)| kept.algorithm == Some(algorithm) && kept.material == key.material)
        {
            return Some(*id);
        }
        if table.keys.len() == KEPT_KEYS {
            table.keys.remove(0);
        }
        let id = table.next_id;
        table.next_id = id.checked_add(1)?;
        let bound = PublicKey::from_material(key.material.clone(), Some(algorithm));
        table.keys.push((id, bound));
        Some(id)
    }

    pub(super) fn key_jwk(id: u32) -> Option<String> {
        let table = RUNTIME_KEYS.try_lock()?;
        let (_, key) = table.keys.iter().find(|(kept, _)| *kept == id)?;
        Some(key.to_jwk())
    }

    /// One verification whose signature check may be handed over: the id of
    /// the key it was handed over with (0 until then), and the signature
    /// and message handed over with it (`signature_len` bytes, then the
    /// message's). The bytes are this verification's own until its last
    /// step, so that a verification started inside it cannot change them.
    #[derive(Default)]
    pub(crate) struct Handover {
        handed: Cell<u32>,
        bytes: Cell<Vec<u8>>,
        signature_len: Cell<usize>,
    }

    impl Handover {
        /// Checks the signature's form strictly, then hands the check over
        /// (checking it here when the table of keys is in use).
        pub(crate) fn check_or_hand_over(
            &self,
            key: &BoundPublicKey<'_>,
            signing_input: &[u8],
            signature: &[u8],
        ) -> Result<(), Error> {
            let algorithm = key.algorithm();
            let public = key.public_key();
            // The buffer of the last verification is reused: no allocation
            // once it has grown to the tokens' size.
            let mut bytes = HANDED_BYTES
                .try_lock()
                .map(|mut kept| core::mem::take(&mut *kept))
                .unwrap_or_default();
            bytes.clear();
            let forms = if NODE_CRYPTO_FORMS.load(Ordering::Relaxed) {
                HandOverForms::NodeCrypto
            } else {
                HandOverForms::Token
            };
            let signature_len = public.material.hand_over(
                algorithm,
                signing_input,
                signature,
                forms,
                &mut bytes,
            )?;
            let Some(id) = key_id(public, algorithm) else {
                return key.verify_signature(signing_input, signature);
            };
            self.signature_len.set(signature_len);
            self.bytes.set(bytes);
            self.handed.set(id);
            Ok(())
        }

        /// `outcome` as JavaScript gets it, `HANDED_OVER` set to what this
        /// verification handed over: the last step of every call.
        fn finish<T>(self, outcome: T) -> T {
            let id = self.handed.get();
            if id != 0 {
                let bytes = self.bytes.take();
                let (signature, message) =
                    bytes.split_at(self.signature_len.get().min(bytes.len()));
                let places = [
                    address(message.as_ptr()),
                    u32::try_from(message.len()).unwrap_or(0),
                    address(signature.as_ptr()),
                    u32::try_from(signature.len()).unwrap_or(0),
                ];
                for (word, value) in HANDED_OVER[1..].iter().zip(places) {
                    word.store(value, Ordering::Relaxed);
                }
                // Kept until the next hand-over. (The lock is never held
                // across a call into JavaScript: it is free here.)
                *HANDED_BYTES.lock() = bytes;
            }
            record_handed_over(id);
            outcome
        }
    }

    /// `verifyHandingOver`: options read as `verify` and `verifyWithHeader`
    /// read them.
    pub(super) fn verify(
        token: &JsValue,
        key: &JsValue,
        options: &JsValue,
        with_header: bool,
    ) -> Result<JsValue, JsValue> {
        let handover = Handover::default();
        let verify = |config: &mut VerifyConfig| -> Result<JsValue, JsValue> {
            let token = token_text(token, config.validation.max_token_length)
                .map_err(|error| to_js(&error))?;
            let outcome = if with_header {
                verify_any::<true>(&token, key, config, Some(&handover))
            } else {
                verify_any::<false>(&token, key, config, Some(&handover))
            };
            outcome.map_err(|error| to_js(&error))
        };
        let outcome = if with_header {
            VerifyConfig::from_js(options).and_then(|mut config| verify(&mut config))
        } else {
            with_last_options(&LAST_VERIFY_OPTIONS, options, verify)
        };
        handover.finish(outcome)
    }

    /// As [`verify`], for a `Verifier`.
    pub(crate) fn verifier_handing_over(
        verify: impl FnOnce(&Handover) -> Result<JsValue, Error>,
    ) -> Result<JsValue, JsValue> {
        let handover = Handover::default();
        let outcome = verify(&handover).map_err(|error| to_js(&error));
        handover.finish(outcome)
    }
}
