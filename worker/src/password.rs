//! Password hashing: PBKDF2-HMAC-SHA256 through WebCrypto, stored self-describing.
//!
//! A stored hash reads `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url),
//! so a later change of parameters is noticed at the next successful login and
//! the password rehashed. 100,000 iterations is the most Cloudflare's runtime
//! allows for `deriveBits`; see the README for why not OWASP's 600,000.

use crate::random::random_bytes;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The iteration count new hashes use.
pub const ITERATIONS: u32 = 100_000;

const SCHEME: &str = "pbkdf2-sha256";
const SALT_LEN: usize = 16;
const HASH_LEN: usize = 32;

/// A parsed stored password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash {
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The random salt.
    pub salt: Vec<u8>,
    /// The derived key.
    pub hash: Vec<u8>,
}

impl PasswordHash {
    /// Reads a stored hash; `None` for anything not in the expected form.
    #[must_use]
    pub fn parse(stored: &str) -> Option<Self> {
        let mut parts = stored.split('$');
        let (Some(SCHEME), Some(iterations), Some(salt), Some(hash), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let iterations = iterations.parse().ok().filter(|n| *n > 0)?;
        let salt = URL_SAFE_NO_PAD.decode(salt).ok()?;
        let hash = URL_SAFE_NO_PAD
            .decode(hash)
            .ok()
            .filter(|h| h.len() == HASH_LEN)?;
        Some(Self {
            iterations,
            salt,
            hash,
        })
    }

    /// The stored form.
    #[must_use]
    pub fn encode(&self) -> String {
        format!(
            "{SCHEME}${}${}${}",
            self.iterations,
            URL_SAFE_NO_PAD.encode(&self.salt),
            URL_SAFE_NO_PAD.encode(&self.hash)
        )
    }

    /// Whether this hash was made with other parameters than new ones would be.
    #[must_use]
    pub fn needs_rehash(&self) -> bool {
        self.iterations != ITERATIONS || self.salt.len() != SALT_LEN
    }

    /// A fixed hash to check unknown users' passwords against, so that an
    /// unknown user costs the same time as a wrong password.
    #[must_use]
    pub fn dummy() -> Self {
        Self {
            iterations: ITERATIONS,
            salt: vec![0x5a; SALT_LEN],
            hash: vec![0; HASH_LEN],
        }
    }
}

/// Hashes a new password with a fresh salt.
///
/// # Errors
/// When WebCrypto or the random source fails.
pub async fn hash_password(password: &str) -> worker::Result<PasswordHash> {
    let salt = random_bytes::<SALT_LEN>()?.to_vec();
    let hash = pbkdf2_sha256(password.as_bytes(), &salt, ITERATIONS).await?;
    Ok(PasswordHash {
        iterations: ITERATIONS,
        salt,
        hash,
    })
}

/// Whether `password` matches `stored`, compared in constant time.
///
/// # Errors
/// When WebCrypto fails.
pub async fn verify_password(password: &str, stored: &PasswordHash) -> worker::Result<bool> {
    let derived = pbkdf2_sha256(password.as_bytes(), &stored.salt, stored.iterations).await?;
    Ok(constant_time_eq(&derived, &stored.hash))
}

/// Compares two byte strings without stopping at the first difference.
#[must_use]
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: u32) -> worker::Result<Vec<u8>> {
    let subtle = js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .crypto()?
        .subtle();
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let key = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(password),
        "PBKDF2",
        false,
        &usages,
    )?)
    .await?
    .unchecked_into::<web_sys::CryptoKey>();
    let params = Object::new();
    for (name, value) in [
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", JsValue::from(iterations)),
    ] {
        Reflect::set(&params, &JsValue::from_str(name), &value)?;
    }
    // HASH_LEN bytes = 256 bits.
    let bits = JsFuture::from(subtle.derive_bits_with_object(&params, &key, 256)?).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_hashes_round_trip_and_describe_themselves() {
        let hash = PasswordHash {
            iterations: 100_000,
            salt: vec![1; 16],
            hash: vec![2; 32],
        };
        let stored = hash.encode();
        assert!(stored.starts_with("pbkdf2-sha256$100000$"));
        assert_eq!(PasswordHash::parse(&stored), Some(hash));
    }

    #[test]
    fn malformed_stored_hashes_are_refused() {
        for bad in [
            "",
            "bcrypt$10$x$y",
            "pbkdf2-sha256$0$AQ$AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI",
            "pbkdf2-sha256$x$AQ$AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI",
            "pbkdf2-sha256$1000$AQ$short",
            "pbkdf2-sha256$1000$AQ$AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI$extra",
        ] {
            assert_eq!(PasswordHash::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn other_parameters_ask_for_a_rehash() {
        let mut hash = PasswordHash::dummy();
        assert!(!hash.needs_rehash());
        hash.iterations = 10_000;
        assert!(hash.needs_rehash());
    }

    #[test]
    fn constant_time_eq_compares_whole_strings() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
