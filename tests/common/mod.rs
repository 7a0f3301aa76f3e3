//! What the Rust test files share: the error codes, base64url, signing raw
//! header and payload bytes, a key that fits every algorithm, and the
//! Wycheproof vector files.
//!
//! Each test file is its own crate and uses only a part of this module.
#![allow(dead_code)]

pub mod codes;
pub mod vectors;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jwt_edge::{Algorithm, Error, HmacKey, SigningKey};

/// A fixed clock: 2023-11-14T22:13:20Z.
pub const NOW: u64 = 1_700_000_000;
/// Ten minutes after [`NOW`]: an `exp` that has not passed.
pub const EXP: u64 = NOW + 600;

/// 64 bytes: long enough for every algorithm.
pub const SECRET: &[u8; 64] = b"jwt-edge tests: a sixty-four byte secret for HS256, HS384, HS512";

/// A key for `algorithm` made of [`SECRET`].
pub fn key(algorithm: Algorithm) -> HmacKey {
    HmacKey::new(algorithm, SECRET).expect("a 64-byte key fits every algorithm")
}

/// Unpadded base64url, as in a compact JWS.
pub fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The bytes of a canonical, unpadded base64url segment.
pub fn unb64(segment: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(segment)
        .expect("canonical base64url")
}

/// `Ok(())` or the error's code: the outcome of a call, to compare.
pub fn code<T>(result: Result<T, Error>) -> Result<(), &'static str> {
    result.map(|_| ()).map_err(|error| error.code())
}

/// `header_segment "." payload_segment "." signature`, the two segments taken
/// verbatim (whatever they contain) and signed with `key`.
pub fn sign_segments(key: &HmacKey, header_segment: &str, payload_segment: &str) -> String {
    let signing_input = format!("{header_segment}.{payload_segment}");
    let tag = SigningKey::sign(key, signing_input.as_bytes());
    format!("{signing_input}.{}", b64(tag))
}

/// A compact JWS of exactly these header and payload bytes, signed with `key`.
pub fn signed(key: &HmacKey, header: impl AsRef<[u8]>, payload: impl AsRef<[u8]>) -> String {
    sign_segments(key, &b64(header), &b64(payload))
}
