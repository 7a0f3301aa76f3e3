//! Signing a claims set into a compact JWS.

use crate::base64url;
use crate::claims::Claims;
use crate::header::HeaderOptions;
use crate::key::SigningKey;
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
    sign_payload(claims.to_json().as_bytes(), key, header)
}

/// Signs raw payload bytes.
pub(crate) fn sign_payload<K: SigningKey + ?Sized>(
    payload: &[u8],
    key: &K,
    header: &HeaderOptions,
) -> String {
    let header_json = header.to_json(key.algorithm());
    let mut token = String::with_capacity((header_json.len() + payload.len()) * 4 / 3 + 100);
    base64url::encode_into(header_json.as_bytes(), &mut token);
    token.push('.');
    base64url::encode_into(payload, &mut token);
    let signature = key.sign(token.as_bytes());
    token.push('.');
    base64url::encode_into(&signature, &mut token);
    token
}
