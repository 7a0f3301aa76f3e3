//! Keys passed from JavaScript as objects (the asymmetric builds): a JWK, a
//! JWK Set (`{ keys: [...] }`), or a key from `importJwk` / `importSpki`
//! (a JWK too). Strings and `Uint8Array`s stay HMAC secrets (`key_argument`).

use super::host::plain_object_json;
use crate::jwk::{parse, Parsed, Problem, SecretJwk};
use crate::{Error, HmacKey, KeyRequest, KeySet, KeySource, PublicKey, SelectedKey};
use alloc::string::String;
use wasm_bindgen::JsValue;

/// A verification key given as a JSON Web Key or a JWK Set.
pub(crate) enum JwkKey {
    /// An RSA, EC or OKP public JWK (or an imported key).
    Public(PublicKey),
    /// An `oct` JWK: a secret with what its JWK says about it.
    Secret(SecretJwk),
    /// A JWK Set the caller holds: `oct` keys are taken.
    Set(KeySet),
}

pub(crate) fn not_a_key() -> Error {
    Error::InvalidKey {
        reason: "the key must be a string, a Uint8Array, a JWK or a JWK Set",
    }
}

/// The JSON text of an object key argument.
pub(crate) fn key_json(key: &JsValue) -> Result<String, Error> {
    plain_object_json(key).ok_or_else(not_a_key)
}

impl JwkKey {
    /// The key of an object key argument.
    pub(crate) fn from_js(key: &JsValue) -> Result<Self, Error> {
        Self::from_json(&key_json(key)?)
    }

    /// The key of a JWK's or a JWK Set's JSON text (a set when it has `keys`).
    pub(crate) fn from_json(text: &str) -> Result<Self, Error> {
        let object = crate::json::parse_object(text.as_bytes())
            .map_err(|_| Error::jwk("not a JSON object"))?;
        if object.get("keys").is_some() {
            return KeySet::from_json(text.as_bytes()).map(Self::Set);
        }
        // An object that is neither a set nor a key (no `kty`) is not a key
        // at all, as a number is not.
        if object.get("kty").is_none() {
            return Err(not_a_key());
        }
        match parse(&object).map_err(Problem::into_jwk_error)? {
            Parsed::Public(key) => Ok(Self::Public(key)),
            Parsed::Secret(secret) => Ok(Self::Secret(secret)),
            Parsed::Private(_) => Err(Error::jwk(
                "a private JWK where a public one is expected: pass its public JWK",
            )),
        }
    }

    /// The key for the token that asks `request`.
    pub(crate) fn choose(&self, request: &KeyRequest<'_>) -> Result<SelectedKey<'_>, Error> {
        match self {
            Self::Public(key) => key.key_for(request).map(SelectedKey::Public),
            Self::Set(set) => set.select(request),
            Self::Secret(secret) => {
                let fits = secret.algorithm.map_or_else(
                    || request.allowed.contains(&request.algorithm),
                    |own| own == request.algorithm,
                );
                if !fits {
                    return Err(Error::AlgorithmNotAllowed);
                }
                HmacKey::new(request.algorithm, &secret.bytes).map(SelectedKey::Hmac)
            }
        }
    }
}

/// The private key of an object key argument: a private ECDSA or Ed25519 JWK.
#[cfg(feature = "js")]
pub(crate) fn private_key(key: &JsValue) -> Result<crate::PrivateKey, Error> {
    private_key_of_json(&zeroize::Zeroizing::new(key_json(key)?))
}

/// The private key of an object key argument's JSON text (`key_json`).
#[cfg(feature = "js")]
#[inline]
pub(crate) fn private_key_of_json(text: &str) -> Result<crate::PrivateKey, Error> {
    let object = crate::json::parse_object(text.as_bytes()).map_err(|_| not_a_key())?;
    if object.get("kty").is_none() {
        return Err(not_a_key());
    }
    crate::PrivateKey::from_jwk(text.as_bytes())
}
