//! Signing a claims set into a compact JWS.

use crate::base64url;
use crate::claims::Claims;
use crate::header::HeaderOptions;
use crate::key::SigningKey;
use crate::Algorithm;
use alloc::string::String;

/// Signs `claims` with `key`, writing `alg` from the key and `typ`/`kid` from
/// `header`.
///
/// ```
/// use jwt_edge::{sign, Algorithm, Claims, HeaderOptions, HmacKey};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
/// let mut claims = Claims::new();
/// claims.subject = Some("user-1".into());
/// let token = sign(&claims, &key, &HeaderOptions::new());
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[must_use]
pub fn sign<K: SigningKey + ?Sized>(claims: &Claims, key: &K, header: &HeaderOptions) -> String {
    sign_payload(
        &encoded_header(header, key.algorithm()),
        claims.to_json().as_bytes(),
        key,
    )
}

/// The header for tokens signed with `algorithm`, base64url-encoded: how every
/// such token starts.
pub(crate) fn encoded_header(header: &HeaderOptions, algorithm: Algorithm) -> String {
    let json = header.to_json(algorithm);
    let mut encoded = String::with_capacity(json.len() / 3 * 4 + 4);
    base64url::encode_into(json.as_bytes(), &mut encoded);
    encoded
}

/// Signs raw payload bytes under an already encoded header.
pub(crate) fn sign_payload<K: SigningKey + ?Sized>(
    encoded_header: &str,
    payload: &[u8],
    key: &K,
) -> String {
    // The header, the payload's encoding (four characters for every three
    // bytes, the last group rounded up), two dots and the longest signature
    // (64 bytes: 86 characters).
    let mut token =
        String::with_capacity(encoded_header.len() + payload.len() / 3 * 4 + 4 + 2 + 86);
    token.push_str(encoded_header);
    token.push('.');
    base64url::encode_into(payload, &mut token);
    let signature = key.sign(token.as_bytes());
    token.push('.');
    base64url::encode_into(&signature, &mut token);
    token
}
