//! `GET /.well-known/jwks.json`: the public keys of the worker's access tokens.

use crate::api_error::ApiError;
use crate::app::App;
use worker::Response;

/// Where the key set is published.
pub const JWKS_PATH: &str = "/.well-known/jwks.json";

/// The longest time, in seconds, that a verifier may keep the key set: 5 minutes.
const MAX_AGE: u64 = 300;

/// 200 with the JWK Set (the current key, then the previous one during a
/// rotation), cacheable by anyone; 404 with HS256, whose shared secret is
/// never published.
///
/// The set may be cached for a third of the access-token lifetime, at most 5
/// minutes: a rotation signs new tokens with the new key at once, and a
/// verifier that keeps the old set refuses them until it fetches the set
/// again (unless it refetches on an unknown `kid`, as jose does). A short
/// `max-age` bounds that gap to a small part of a token's life; the previous
/// key stays published for a whole lifetime, so no cached set ever lacks the
/// key of a token still valid because of the cache.
///
/// # Errors
/// 404 with HS256; 500 when the runtime cannot build the response.
pub fn handle_jwks(app: &App) -> Result<Response, ApiError> {
    let jwks = app.config.keys.jwks().ok_or_else(ApiError::not_found)?;
    let mut response = Response::ok(jwks)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", "application/jwk-set+json")?;
    headers.set("Cache-Control", &cache_control(app.config.access_ttl))?;
    // Public keys, for verifiers on any origin (a page verifying its token).
    headers.set("Access-Control-Allow-Origin", "*")?;
    Ok(response)
}

/// `public, max-age=…`: a third of the access-token lifetime, 5 minutes at
/// most, and at least a second.
fn cache_control(access_ttl: u64) -> String {
    format!("public, max-age={}", (access_ttl / 3).clamp(1, MAX_AGE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_set_is_cached_well_within_an_access_token_lifetime() {
        assert_eq!(cache_control(900), "public, max-age=300");
        assert_eq!(cache_control(86_400), "public, max-age=300");
        assert_eq!(cache_control(60), "public, max-age=20");
        assert_eq!(cache_control(2), "public, max-age=1");
    }
}
