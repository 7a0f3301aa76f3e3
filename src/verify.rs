//! Verifying a token: the signature first, then the claims.

use crate::claims::Claims;
use crate::header::Header;
use crate::key::VerifyingKey;
use crate::token::{claims_from_payload, CompactParts};
use crate::{Algorithm, Error, Validation};
use alloc::vec::Vec;

/// A compact JWS whose signature has been verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedJws {
    /// The header.
    pub header: Header,
    /// The payload bytes, which need not be JSON.
    pub payload: Vec<u8>,
}

/// A JWT whose signature and claims have been verified.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedToken {
    /// The header.
    pub header: Header,
    /// The claims.
    pub claims: Claims,
    /// The payload's JSON text, exactly as signed.
    pub payload: Vec<u8>,
}

/// Verifies a token's signature and claims and returns the claims.
///
/// The algorithm is fixed by `key`: a token whose header names any other
/// algorithm (`none` included) is refused before any signature work. Claims are
/// checked only once the signature is valid.
///
/// ```
/// use jwt_edge::{sign, verify, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate, Validation};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
/// let mut claims = Claims::new();
/// claims.subject = Some("user-1".into());
/// claims.expires_at = NumericDate::from_secs(1_700_000_900);
/// let token = sign(&claims, &key, &HeaderOptions::new());
///
/// let verified = verify(&token, &key, &Validation::new(1_700_000_000))?;
/// assert_eq!(verified.subject.as_deref(), Some("user-1"));
///
/// let late = verify(&token, &key, &Validation::new(1_700_000_900));
/// assert_eq!(late.unwrap_err().code(), "ERR_JWT_EXPIRED");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
///
/// # Errors
/// Every [`Error`] variant but [`Error::InvalidKey`], as each rule fails.
pub fn verify<K: VerifyingKey + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<Claims, Error> {
    verify_token(token, key, validation).map(|verified| verified.claims)
}

/// Like [`verify`], returning the header and the exact payload text as well.
///
/// # Errors
/// As [`verify`].
pub fn verify_token<K: VerifyingKey + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<VerifiedToken, Error> {
    verify_token_with(token, validation, |_| Ok(key))
}

/// Verifies a compact JWS (its form, header and signature) without reading the
/// payload as JWT claims; `validation` supplies the allowed algorithms and the
/// length cap only.
///
/// # Errors
/// [`Error::MalformedToken`], [`Error::AlgorithmNotAllowed`],
/// [`Error::NotSupported`] or [`Error::SignatureInvalid`].
pub fn verify_jws<K: VerifyingKey + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<VerifiedJws, Error> {
    verify_jws_with(token, validation, |_| Ok(key))
}

/// [`verify_token`] with the key chosen by `select` from the algorithm the
/// header names, once that algorithm is known to be allowed.
pub(crate) fn verify_token_with<K: VerifyingKey>(
    token: &str,
    validation: &Validation,
    select: impl FnOnce(Algorithm) -> Result<K, Error>,
) -> Result<VerifiedToken, Error> {
    let VerifiedJws { header, payload } = verify_jws_with(token, validation, select)?;
    let claims = claims_from_payload(&payload)?;
    validation.check(&header, &claims)?;
    Ok(VerifiedToken {
        header,
        claims,
        payload,
    })
}

/// [`verify_jws`] with the key chosen by `select`. The chosen key must be for
/// exactly the algorithm the header names: the token never picks the
/// algorithm, it can only match it.
pub(crate) fn verify_jws_with<K: VerifyingKey>(
    token: &str,
    validation: &Validation,
    select: impl FnOnce(Algorithm) -> Result<K, Error>,
) -> Result<VerifiedJws, Error> {
    let parts = CompactParts::split(token, validation.max_token_length)?;
    let header = parts.decode_header()?;
    let algorithm = Algorithm::from_name(header.alg_name())
        .filter(|algorithm| validation.allows(*algorithm))
        .ok_or(Error::AlgorithmNotAllowed)?;
    let key = select(algorithm)?;
    if key.algorithm() != algorithm {
        return Err(Error::AlgorithmNotAllowed);
    }
    let payload = parts.decode_payload()?;
    let signature = parts.decode_signature()?;
    key.verify_signature(parts.signing_input.as_bytes(), &signature)?;
    Ok(VerifiedJws { header, payload })
}
