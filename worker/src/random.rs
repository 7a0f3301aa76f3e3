//! Random bytes and ids from `crypto.getRandomValues` (through getrandom).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// `N` random bytes.
///
/// # Errors
/// When the platform has no secure random source.
pub fn random_bytes<const N: usize>() -> worker::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|error| worker::Error::RustError(format!("random source: {error}")))?;
    Ok(bytes)
}

/// A random 128-bit id, base64url (22 characters).
///
/// # Errors
/// When the platform has no secure random source.
pub fn random_id() -> worker::Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<16>()?))
}
