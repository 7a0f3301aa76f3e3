//! What the native benchmarks share: the access token every library verifies,
//! the HMAC-SHA256 floor, and criterion's settings.

use core::hint::black_box;
use core::time::Duration;
use criterion::Criterion;
use hmac::{KeyInit, Mac};
use std::time::{SystemTime, UNIX_EPOCH};

pub const SECRET: &[u8] = b"bench-secret-0123456789abcdef0123456789abcdef";

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
}

/// The benchmark token's claims: `sub`, `roles`, `iss`, `aud`, `iat`, `exp`
/// and `jti`, issued at `now`.
pub fn edge_claims(now: u64) -> jwt_edge::Claims {
    let mut claims = jwt_edge::Claims::new();
    claims.subject = Some("user-8f3a2c71".into());
    claims
        .insert("roles", vec!["admin", "editor"])
        .expect("a custom claim");
    claims.issuer = Some("https://auth.example.com".into());
    claims.audience = Some(jwt_edge::Audience::One("api.example.com".into()));
    claims.issued_at = jwt_edge::NumericDate::from_secs(now);
    claims.expires_at = jwt_edge::NumericDate::from_secs(now + 15 * 60);
    claims.jwt_id = Some("7b1e9d04-6c2f-4a8e".into());
    claims
}

/// The floor every verify and sign pays: HMAC-SHA256 of a token's signing
/// input with the key prepared once.
pub struct Floor {
    key: hmac::Hmac<sha2::Sha256>,
    signing_input: Vec<u8>,
}

impl Floor {
    pub fn new(token: &str) -> Self {
        let end = token.rfind('.').expect("three segments");
        Self {
            key: hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET).expect("any key length"),
            signing_input: token.as_bytes()[..end].to_vec(),
        }
    }

    pub fn run(&self) -> impl Sized {
        self.key
            .clone()
            .chain_update(black_box(&self.signing_input))
            .finalize()
    }
}

/// Short runs: `make bench` must finish in a few minutes on two cores.
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}
