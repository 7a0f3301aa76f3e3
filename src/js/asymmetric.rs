//! The asymmetric builds' exports: verifying with JWKs and JWK Sets, the
//! verified protected header, importing keys, and generating key pairs.

use super::error::to_js;
use super::functions::token_text;
use super::host::{json_parse, object_freeze};
use super::jwk_key::key_json;
use super::options::VerifyConfig;
use super::verify::verify_any;
use crate::jwk::{parse_text, Parsed, Problem};
use crate::token::CompactParts;
use crate::{Algorithm, Error, HmacKey, PublicKey, DEFAULT_MAX_TOKEN_LENGTH};
use alloc::string::String;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Verifies a token's signature and claims and returns
/// `{ payload, protectedHeader }`.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails.
#[wasm_bindgen(js_name = verifyWithHeader, skip_typescript)]
pub fn verify_with_header(
    token: &JsValue,
    key: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let mut config = VerifyConfig::from_js(options)?;
    let mut verify = || -> Result<JsValue, Error> {
        let token = token_text(token, config.validation.max_token_length)?;
        verify_any::<true>(
            &token,
            key,
            &mut config,
            super::runtime_signature::NO_HANDOVER,
        )
    };
    verify().map_err(|error| to_js(&error))
}

/// A token's protected header, **not verified**: for choosing a key by its
/// `kid` or `alg`. The payload is not read.
///
/// # Errors
/// Throws a `JwtError` (`ERR_JWS_INVALID`) when the token is not three
/// segments or its header is not a valid JOSE header.
#[wasm_bindgen(js_name = decodeProtectedHeader, skip_typescript)]
pub fn decode_protected_header(token: &JsValue) -> Result<JsValue, JsValue> {
    let decode = || -> Result<JsValue, Error> {
        let token = token_text(token, DEFAULT_MAX_TOKEN_LENGTH)?;
        let parts = CompactParts::split(&token, DEFAULT_MAX_TOKEN_LENGTH)?;
        let json = parts.decode_header_json()?;
        crate::header::HeaderView::read(&json)?;
        let text =
            core::str::from_utf8(&json).map_err(|_| Error::malformed("the header is not UTF-8"))?;
        Ok(json_parse(text))
    };
    decode().map_err(|error| to_js(&error))
}

/// The algorithm argument `alg`: `None` when `undefined`.
pub(crate) fn algorithm_argument(alg: &JsValue) -> Result<Option<Algorithm>, Error> {
    if alg.is_undefined() {
        return Ok(None);
    }
    alg.as_string()
        .and_then(|name| Algorithm::from_name(&name))
        .map(Some)
        .ok_or_else(|| Error::invalid_option("alg", "is not an algorithm of this package"))
}

/// A checked JWK text as a frozen JavaScript object.
fn frozen(json: &str) -> JsValue {
    object_freeze(&json_parse(json))
}

/// Checks a JWK once and returns it in canonical form, bound to `alg` (which
/// must fit the key, and be its `alg` when it has one). Every function that
/// takes a key takes the result.
///
/// # Errors
/// Throws a `JwtError`: `ERR_JWK_INVALID` for a JWK that is not valid,
/// `ERR_KEY_INVALID` when `alg` does not fit it, `ERR_INVALID_OPTIONS` for
/// an unknown `alg`.
#[wasm_bindgen(js_name = importJwk, skip_typescript)]
pub fn import_jwk(jwk: &JsValue, alg: &JsValue) -> Result<JsValue, JsValue> {
    let import = || -> Result<JsValue, Error> {
        let algorithm = algorithm_argument(alg)?;
        let text = zeroize::Zeroizing::new(key_json(jwk)?);
        let not_fit = || Error::InvalidKey {
            reason: "the key does not fit the algorithm",
        };
        match parse_text(text.as_bytes()).map_err(Problem::into_jwk_error)? {
            Parsed::Public(key) => {
                let key = match algorithm {
                    Some(algorithm) => key.with_algorithm(algorithm)?,
                    None => key,
                };
                Ok(frozen(&key.to_jwk()))
            }
            Parsed::Private(key) => {
                let own = crate::SigningKey::algorithm(&key);
                if algorithm.is_some_and(|algorithm| algorithm != own) {
                    return Err(not_fit());
                }
                Ok(frozen(&key.to_jwk()))
            }
            Parsed::Secret(secret) => {
                let algorithm = match (algorithm, secret.algorithm) {
                    (Some(given), Some(own)) if given != own => return Err(not_fit()),
                    (Some(algorithm), _) | (None, Some(algorithm)) => algorithm,
                    (None, None) => {
                        return Err(Error::InvalidKey {
                            reason: "an \"oct\" JWK without \"alg\" needs the algorithm",
                        })
                    }
                };
                HmacKey::new(algorithm, &secret.bytes)?;
                let mut out = zeroize::Zeroizing::new(String::from("{\"kty\":\"oct\",\"k\":\""));
                crate::base64url::encode_into(&secret.bytes, &mut out);
                out.push_str("\",\"alg\":");
                crate::json::write_string(algorithm.name(), &mut out);
                if let Some(kid) = &secret.kid {
                    out.push_str(",\"kid\":");
                    crate::json::write_string(kid, &mut out);
                }
                out.push('}');
                Ok(frozen(&out))
            }
        }
    };
    import().map_err(|error| to_js(&error))
}

/// Reads a PEM `PUBLIC KEY` (an SPKI: RSA, ECDSA on P-256, P-384 or P-521, or
/// Ed25519) and returns its public JWK, bound to `alg`.
///
/// # Errors
/// Throws a `JwtError`: `ERR_KEY_INVALID` for a PEM that is not a public key
/// of this package or a key that does not fit `alg`; `ERR_INVALID_OPTIONS`
/// for an unknown `alg`.
#[wasm_bindgen(js_name = importSpki, skip_typescript)]
pub fn import_spki(pem: &JsValue, alg: &JsValue) -> Result<JsValue, JsValue> {
    let import = || -> Result<JsValue, Error> {
        let algorithm = algorithm_argument(alg)?
            .ok_or_else(|| Error::invalid_option("alg", "is required for an SPKI key"))?;
        let pem = pem.as_string().ok_or(Error::InvalidKey {
            reason: "the SPKI key must be a PEM string",
        })?;
        let key = PublicKey::from_spki_pem(&pem)?.with_algorithm(algorithm)?;
        Ok(frozen(&key.to_jwk()))
    };
    import().map_err(|error| to_js(&error))
}
