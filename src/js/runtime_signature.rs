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
pub(crate) use handing_over::verifier_handing_over;
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

/// The public JWK (its key material alone) of the key with id `id`, for the
/// runtime to import; `undefined` once the key has been forgotten (and in the
/// size builds, which hand nothing over).
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

/// `verify` (with `withHeader`, `verifyWithHeader`), every check of the
/// pure-Rust path made here, the signature's arithmetic left to the runtime
/// when the key is a JWK or a JWK Set's. Returns the payload (an object) when
/// nothing was handed over, else `[key id, algorithm, signing input length,
/// verdict]` (an array; the numbers as decimal strings).
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails before the
/// signature.
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
    use crate::js::host::array_of4;
    use crate::js::last_options::{with_last_options, LAST_VERIFY_OPTIONS};
    use crate::js::options::VerifyConfig;
    use crate::js::verify::verify_any;
    use crate::public_key::BoundPublicKey;
    use crate::{Algorithm, Error, PublicKey, VerifyingKey};
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::cell::RefCell;
    use spin::mutex::SpinMutex;
    use wasm_bindgen::JsValue;

    /// How many keys the runtime holds a prepared key for, at most: the
    /// oldest is forgotten first (a key set rotates slowly; a caller with many
    /// keys pays a preparation per key it comes back to).
    const KEPT_KEYS: usize = 16;

    /// The keys whose signatures were handed to the runtime, each with an id
    /// that is never reused, so that the JavaScript side prepares its own key
    /// object once per key and finds it by the id.
    struct RuntimeKeys {
        next_id: u32,
        keys: Vec<(u32, PublicKey)>,
    }

    static RUNTIME_KEYS: SpinMutex<RuntimeKeys> = SpinMutex::new(RuntimeKeys {
        next_id: 0,
        keys: Vec::new(),
    });

    /// The id of `key` (told by its material: a JWK with and without `alg`
    /// or `kid` is one key), given a new one if it has none; `None` when the
    /// table is in use.
    fn key_id(key: &PublicKey) -> Option<u32> {
        let mut table = RUNTIME_KEYS.try_lock()?;
        if let Some((id, _)) = table
            .keys
            .iter()
            .find(|(_, kept)| kept.material == key.material)
        {
            return Some(*id);
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

    pub(super) fn key_jwk(id: u32) -> Option<String> {
        let table = RUNTIME_KEYS.try_lock()?;
        let (_, key) = table.keys.iter().find(|(kept, _)| *kept == id)?;
        Some(key.to_jwk())
    }

    /// One verification whose signature check may be handed over, and what
    /// was handed over: the key's id, the algorithm and the signing input's
    /// length.
    #[derive(Default)]
    pub(crate) struct Handover {
        handed: RefCell<Option<(u32, Algorithm, usize)>>,
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
            public.material.check_signature_form(algorithm, signature)?;
            let Some(id) = key_id(public) else {
                return key.verify_signature(signing_input, signature);
            };
            *self.handed.borrow_mut() = Some((id, algorithm, signing_input.len()));
            Ok(())
        }

        /// What the verification gives JavaScript: its `outcome` as it is
        /// when nothing was handed over (an object, or thrown); else
        /// `[key id, algorithm, signing input length, verdict]`, the verdict
        /// being the payload or the error to throw once the signature is
        /// good. (The token is the signing input, a `.` and the signature in
        /// base64url, checked here to be canonical: JavaScript decodes the
        /// very bytes checked here. The numbers go as decimal strings: a
        /// number would add a conversion to the glue, which the size builds
        /// share.)
        fn finish(self, outcome: Result<JsValue, Error>) -> Result<JsValue, Error> {
            let Some((id, algorithm, input_length)) = self.handed.into_inner() else {
                return outcome;
            };
            let verdict = outcome.unwrap_or_else(|error| to_js(&error));
            Ok(array_of4(
                &JsValue::from(alloc::format!("{id}")),
                &JsValue::from(algorithm.name()),
                &JsValue::from(alloc::format!("{input_length}")),
                &verdict,
            ))
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
        let verify = |config: &mut VerifyConfig| -> Result<JsValue, JsValue> {
            let mut verify = || -> Result<JsValue, Error> {
                let token = token_text(token, config.validation.max_token_length)?;
                let handover = Handover::default();
                let outcome = if with_header {
                    verify_any::<true>(&token, key, config, Some(&handover))
                } else {
                    verify_any::<false>(&token, key, config, Some(&handover))
                };
                handover.finish(outcome)
            };
            verify().map_err(|error| to_js(&error))
        };
        if with_header {
            verify(&mut VerifyConfig::from_js(options)?)
        } else {
            with_last_options(&LAST_VERIFY_OPTIONS, options, verify)
        }
    }

    /// As [`verify`], for a `Verifier`.
    pub(crate) fn verifier_handing_over(
        verify: impl FnOnce(&Handover) -> Result<JsValue, Error>,
    ) -> Result<JsValue, Error> {
        let handover = Handover::default();
        let outcome = verify(&handover);
        handover.finish(outcome)
    }
}
