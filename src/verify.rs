//! Verifying a token: the signature first, then the claims.

use crate::claims::{CheckedClaims, Claims, ClaimsRef, KeepBuilt, KeepChecked, KeepCustom};
use crate::header::{Header, HeaderView};
use crate::key::{KeyRequest, KeySource, VerifyingKey};
use crate::token::{payload_error, CompactParts};
use crate::{Algorithm, Error, Validation};
use alloc::borrow::Cow;
use alloc::vec::Vec;

#[cfg(any(test, verifies_in_place))]
mod in_place;
#[cfg(verifies_in_place)]
pub(crate) use in_place::verify_in_place;

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
/// `key` is any [`KeySource`]: a key bound to one algorithm (an
/// [`HmacKey`](crate::HmacKey)), a public key, or a key set that chooses by
/// the header's `kid` and `alg`.
///
/// # Errors
/// Every [`Error`] variant, as each rule fails: [`Error::NoMatchingKey`] and
/// [`Error::MultipleMatchingKeys`] from a key set, [`Error::InvalidKey`] only
/// for a set's secret too short for the token's algorithm.
pub fn verify<K: KeySource + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<Claims, Error> {
    // The same checks as `verify_token`, keeping only the claims (the header
    // is never built).
    verify_checked::<_, KeepBuilt, _>(token, validation, chosen_by(key), |_, _, _, claims| {
        Ok(claims.into_claims())
    })
}

/// Verifies a token as [`verify`] does, every rule the same, and lends its
/// claims to `read` without copying them: for a hot path that reads a claim or
/// two and keeps nothing. Returns what `read` returns.
///
/// The header and payload are decoded into buffers on the stack (longer
/// ones on the heap), so a typical access token is verified without any
/// allocation but one list of its custom claim names.
///
/// ```
/// use jwt_edge::{sign, verify_with, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate, Validation};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
/// let mut claims = Claims::new();
/// claims.subject = Some("user-1".into());
/// claims.expires_at = NumericDate::from_secs(1_700_000_900);
/// let token = sign(&claims, &key, &HeaderOptions::new());
///
/// let user = verify_with(&token, &key, &Validation::new(1_700_000_000), |claims| {
///     claims.subject().map(str::len)
/// })?;
/// assert_eq!(user, Some(6));
///
/// let late = verify_with(&token, &key, &Validation::new(1_700_000_900), |_| ());
/// assert_eq!(late.unwrap_err().code(), "ERR_JWT_EXPIRED");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
///
/// # Errors
/// As [`verify`]; `read` runs only once every rule has passed.
pub fn verify_with<K: KeySource + ?Sized, R>(
    token: &str,
    key: &K,
    validation: &Validation,
    read: impl FnOnce(&ClaimsRef<'_>) -> R,
) -> Result<R, Error> {
    verify_checked::<_, KeepChecked, _>(token, validation, chosen_by(key), |_, _, _, claims| {
        Ok(read(&ClaimsRef::new(claims)))
    })
}

/// Like [`verify`], returning the header and the exact payload text as well.
///
/// # Errors
/// As [`verify`].
pub fn verify_token<K: KeySource + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<VerifiedToken, Error> {
    verify_checked::<_, KeepBuilt, _>(
        token,
        validation,
        chosen_by(key),
        |header_json, header, payload, claims| {
            Ok(VerifiedToken {
                header: header.into_header(header_json)?,
                claims: claims.into_claims(),
                payload: payload.to_vec(),
            })
        },
    )
}

/// Verifies a compact JWS (its form, header and signature) without reading the
/// payload as JWT claims; `validation` supplies the allowed algorithms and the
/// length cap only.
///
/// # Errors
/// [`Error::MalformedToken`], [`Error::AlgorithmNotAllowed`],
/// [`Error::NotSupported`] or [`Error::SignatureInvalid`].
pub fn verify_jws<K: KeySource + ?Sized>(
    token: &str,
    key: &K,
    validation: &Validation,
) -> Result<VerifiedJws, Error> {
    let parts = CompactParts::split(token, validation.max_token_length)?;
    let header_json = parts.decode_header_json()?;
    let header = HeaderView::read(&header_json)?;
    let payload = check_signature(&parts, &header, validation, chosen_by(key), &mut [])?;
    Ok(VerifiedJws {
        header: header.into_header(&header_json)?,
        payload: payload.into_owned(),
    })
}

/// Header JSON up to this length is decoded on the stack.
const HEADER_BUFFER: usize = 192;

/// Payloads up to this length are decoded on the stack.
const PAYLOAD_BUFFER: usize = 512;

/// The choice of `source`'s key for a token, as [`verify_checked`] takes it.
fn chosen_by<'k, K: KeySource + ?Sized>(
    source: &'k K,
) -> impl FnOnce(&KeyRequest<'_>) -> Result<K::Key<'k>, Error> + 'k {
    move |request| source.key_for(request)
}

/// Verifies a token, every rule in order (form, header, algorithm, key,
/// signature, then the claims), judging borrowed views so that nothing is
/// copied (custom claims are kept as `C` says); `then` gets the header's JSON
/// text, the payload and the checked views.
pub(crate) fn verify_checked<K: VerifyingKey, C: KeepCustom, R>(
    token: &str,
    validation: &Validation,
    select: impl FnOnce(&KeyRequest<'_>) -> Result<K, Error>,
    then: impl FnOnce(
        &[u8],
        HeaderView<'_>,
        &[u8],
        CheckedClaims<'_, C::Members<'_>>,
    ) -> Result<R, Error>,
) -> Result<R, Error> {
    let parts = CompactParts::split(token, validation.max_token_length)?;
    // Headers and most payloads are short: decoded on the stack unless these
    // are not.
    let mut header_buffer = [0; HEADER_BUFFER];
    let header_json = parts.decode_header_json_in(&mut header_buffer)?;
    let header = HeaderView::read(&header_json)?;
    let mut payload_buffer = [0; PAYLOAD_BUFFER];
    let payload = check_signature(&parts, &header, validation, select, &mut payload_buffer)?;
    let claims = CheckedClaims::<C::Members<'_>>::read(&payload, payload_error)?;
    validation.check(header.typ.as_deref(), &claims)?;
    then(&header_json, header, &payload, claims)
}

/// Checks a token's signature with the key `select` chooses for the
/// algorithm its header names, and returns the payload. The chosen key must be
/// for exactly that algorithm: the token never picks the algorithm, it can
/// only match it.
fn check_signature<'b, K: VerifyingKey>(
    parts: &CompactParts<'_>,
    header: &HeaderView<'_>,
    validation: &Validation,
    select: impl FnOnce(&KeyRequest<'_>) -> Result<K, Error>,
    payload_buffer: &'b mut [u8],
) -> Result<Cow<'b, [u8]>, Error> {
    let algorithm = Algorithm::from_name(&header.alg)
        .filter(|algorithm| validation.allows(*algorithm))
        .ok_or(Error::AlgorithmNotAllowed)?;
    let request = KeyRequest::new(algorithm, header.kid.as_deref(), &validation.algorithms);
    let key = select(&request)?;
    if key.algorithm() != algorithm {
        return Err(Error::AlgorithmNotAllowed);
    }
    let payload = parts.decode_payload_in(payload_buffer)?;
    // HMAC, Ed25519 and P-256/P-384 signatures fit; longer ones (P-521, RSA)
    // are decoded on the heap.
    let mut signature_buffer = [0; 96];
    let signature = parts.decode_signature_in(&mut signature_buffer)?;
    key.verify_signature(parts.signing_input.as_bytes(), &signature)?;
    Ok(payload)
}
