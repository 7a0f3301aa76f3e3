//! Keeping fetched JWK Sets in the Cache API, so that a new isolate does not
//! fetch them again. The store is a shortcut, never the authority: an entry
//! that cannot be read is passed over (the set is fetched), and a failed write
//! is ignored. (On `workers.dev` hostnames the Cache API keeps nothing; each
//! isolate then fetches for itself.)

use worker::{Cache, Headers, Response};

/// When a set was fetched and how long it may be used, in seconds since the
/// epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    /// When it was fetched.
    pub fetched_at: u64,
    /// Until when it is used without fetching it again.
    pub fresh_until: u64,
    /// Until when it is still used while fetching it again fails.
    pub stale_until: u64,
}

const FETCHED_AT: &str = "X-Jwks-Fetched-At";
const FRESH_UNTIL: &str = "X-Jwks-Fresh-Until";
const STALE_UNTIL: &str = "X-Jwks-Stale-Until";

/// The Cache API's key for the set at `url`: a URL of its own, so that it
/// never answers a fetch of the set itself.
fn key(url: &str) -> String {
    format!(
        "https://jwks.jwt-edge.invalid/?url={}",
        js_sys::encode_uri_component(url)
    )
}

/// The body and lifetime kept for the set at `url`, if any.
pub async fn read(url: &str) -> Option<(Vec<u8>, Lifetime)> {
    let mut response = Cache::default().get(key(url), false).await.ok()??;
    let time = |name: &str| {
        response
            .headers()
            .get(name)
            .ok()
            .flatten()?
            .parse::<u64>()
            .ok()
    };
    let lifetime = Lifetime {
        fetched_at: time(FETCHED_AT)?,
        fresh_until: time(FRESH_UNTIL)?,
        stale_until: time(STALE_UNTIL)?,
    };
    if lifetime.fetched_at > lifetime.fresh_until || lifetime.fresh_until > lifetime.stale_until {
        return None;
    }
    Some((response.bytes().await.ok()?, lifetime))
}

/// Keeps `body`, the set fetched from `url`, until its stale limit.
pub async fn write(url: &str, body: &[u8], lifetime: Lifetime, now: u64) {
    let ttl = lifetime.stale_until.saturating_sub(now).max(1);
    let headers = Headers::new();
    let kept = [
        ("Content-Type", "application/jwk-set+json".to_string()),
        ("Cache-Control", format!("max-age={ttl}")),
        (FETCHED_AT, lifetime.fetched_at.to_string()),
        (FRESH_UNTIL, lifetime.fresh_until.to_string()),
        (STALE_UNTIL, lifetime.stale_until.to_string()),
    ];
    for (name, value) in kept {
        if headers.set(name, &value).is_err() {
            return;
        }
    }
    let Ok(response) = Response::from_bytes(body.to_vec()) else {
        return;
    };
    if let Err(error) = Cache::default()
        .put(key(url), response.with_headers(headers))
        .await
    {
        // The next isolate fetches the set itself.
        worker::console_warn!("the key set of {url} was not kept in the Cache API: {error}");
    }
}
