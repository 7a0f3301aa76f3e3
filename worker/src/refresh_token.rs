//! Opaque refresh tokens and the rotation rules of their families.
//!
//! A refresh token is 256 random bits, handed out once and stored only as its
//! SHA-256. Each use rotates it: the old token is marked used and a new one is
//! issued in the same family. A used token presented again means it was copied:
//! the whole family is revoked, the newest token included.

use crate::random::random_bytes;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A new refresh token (256 bits, base64url).
///
/// # Errors
/// When the platform has no secure random source.
pub fn new_refresh_token() -> worker::Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// What is stored for a token: its SHA-256, base64url.
#[must_use]
pub fn refresh_token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// What the database knows about a presented refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRefreshToken {
    /// The family (login) it belongs to.
    pub family_id: String,
    /// The account.
    pub user_id: String,
    /// When it stops working, in seconds.
    pub expires_at: u64,
    /// Whether it was already rotated.
    pub used: bool,
    /// Whether its family was revoked (logout or reuse).
    pub family_revoked: bool,
    /// When its session (family) ends, whatever its refreshes: the login
    /// time plus `SESSION_MAX_AGE`, in seconds.
    pub session_ends_at: u64,
}

/// What to do with a presented refresh token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rotation {
    /// Valid: claim it (atomically) and issue a new one in the same family.
    Rotate,
    /// Not a token we issued (or an access token presented as one).
    Unknown,
    /// Past its expiry.
    Expired,
    /// Its session is older than `SESSION_MAX_AGE`: sign in again.
    SessionExpired,
    /// Its family was revoked.
    Revoked,
    /// Already rotated: a copy is in use. Revoke the family.
    Reused,
}

/// Decides what a presented token is worth at `now`.
#[must_use]
pub fn decide(stored: Option<&StoredRefreshToken>, now: u64) -> Rotation {
    match stored {
        None => Rotation::Unknown,
        Some(token) if token.family_revoked => Rotation::Revoked,
        Some(token) if token.used => Rotation::Reused,
        Some(token) if now >= token.session_ends_at => Rotation::SessionExpired,
        Some(token) if now >= token.expires_at => Rotation::Expired,
        Some(_) => Rotation::Rotate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> StoredRefreshToken {
        StoredRefreshToken {
            family_id: "f".into(),
            user_id: "u".into(),
            expires_at: 1000,
            used: false,
            family_revoked: false,
            session_ends_at: 5000,
        }
    }

    #[test]
    fn a_fresh_unexpired_token_rotates() {
        assert_eq!(decide(Some(&stored()), 999), Rotation::Rotate);
    }

    #[test]
    fn unknown_tokens_are_refused() {
        assert_eq!(decide(None, 0), Rotation::Unknown);
    }

    #[test]
    fn a_used_token_is_reuse_even_before_expiry() {
        let token = StoredRefreshToken {
            used: true,
            ..stored()
        };
        assert_eq!(decide(Some(&token), 10), Rotation::Reused);
    }

    #[test]
    fn a_revoked_family_wins_over_everything_else() {
        let token = StoredRefreshToken {
            used: true,
            family_revoked: true,
            ..stored()
        };
        assert_eq!(decide(Some(&token), 10), Rotation::Revoked);
    }

    #[test]
    fn expiry_is_at_the_second() {
        assert_eq!(decide(Some(&stored()), 1000), Rotation::Expired);
    }

    #[test]
    fn a_session_ends_at_its_maximum_age_however_fresh_the_token() {
        let token = StoredRefreshToken {
            expires_at: 9000,
            ..stored()
        };
        assert_eq!(decide(Some(&token), 4999), Rotation::Rotate);
        assert_eq!(decide(Some(&token), 5000), Rotation::SessionExpired);
        let reused = StoredRefreshToken {
            used: true,
            ..token
        };
        assert_eq!(decide(Some(&reused), 5000), Rotation::Reused);
    }

    #[test]
    fn tokens_are_256_bits_and_stored_only_hashed() {
        let token = new_refresh_token().expect("random source");
        assert_eq!(token.len(), 43);
        let hash = refresh_token_hash(&token);
        assert_ne!(hash, token);
        assert_eq!(hash, refresh_token_hash(&token));
        assert_eq!(
            refresh_token_hash("abc"),
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"
        );
    }
}
