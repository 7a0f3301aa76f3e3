//! The worker's configuration, read from its environment once per isolate.

use core::cell::OnceCell;
use jwt_edge::{Algorithm, HmacKey};
use std::rc::Rc;
use worker::Env;

/// Access token lifetime when `ACCESS_TTL` is not set: 15 minutes.
pub const DEFAULT_ACCESS_TTL: u64 = 900;
/// Refresh token lifetime when `REFRESH_TTL` is not set: 14 days.
pub const DEFAULT_REFRESH_TTL: u64 = 14 * 24 * 3600;
/// Session lifetime when `SESSION_MAX_AGE` is not set: 30 days.
pub const DEFAULT_SESSION_MAX_AGE: u64 = 30 * 24 * 3600;

/// Everything the handlers need to know.
#[derive(Debug)]
pub struct Config {
    /// The signing key, from the `JWT_SECRET` secret.
    pub key: HmacKey,
    /// `iss` of issued tokens (`JWT_ISSUER`).
    pub issuer: String,
    /// `aud` of issued tokens (`JWT_AUDIENCE`).
    pub audience: String,
    /// Access token lifetime in seconds (`ACCESS_TTL`).
    pub access_ttl: u64,
    /// Refresh token lifetime in seconds (`REFRESH_TTL`).
    pub refresh_ttl: u64,
    /// How long a session (a login and its refreshes) lasts at most, in
    /// seconds (`SESSION_MAX_AGE`): refreshing never extends it.
    pub session_max_age: u64,
    /// Origins besides the worker's own that may call the API with cookies
    /// (`CORS_ORIGINS`, comma-separated).
    pub allowed_origins: Vec<String>,
}

thread_local! {
    /// The configuration of this isolate, read by its first request that found
    /// it valid. An isolate runs one version of the worker, whose variables and
    /// secrets cannot change while it lives (a new secret or deployment starts
    /// new isolates), so every later request can share it instead of crossing
    /// into JavaScript for each variable and preparing the HMAC key again.
    static CACHED: OnceCell<Rc<Config>> = const { OnceCell::new() };
}

impl Config {
    /// The configuration of this isolate: read from `env` the first time, then
    /// shared. An invalid configuration is not kept, so every request answers
    /// 500 and logs why until it is fixed (which needs a new isolate anyway).
    ///
    /// # Errors
    /// As [`Config::from_env`].
    pub fn cached(env: &Env) -> Result<Rc<Self>, String> {
        CACHED.with(|cell| {
            if let Some(config) = cell.get() {
                return Ok(Rc::clone(config));
            }
            let config = Rc::new(Self::from_env(env)?);
            Ok(Rc::clone(cell.get_or_init(|| config)))
        })
    }

    /// Reads the configuration.
    ///
    /// # Errors
    /// A message for the log when `JWT_SECRET` is missing or shorter than 32
    /// bytes, or a number is not a number.
    pub fn from_env(env: &Env) -> Result<Self, String> {
        let text = |name: &str| env.var(name).ok().map(|value| value.to_string());
        let secret = env
            .secret("JWT_SECRET")
            .map(|secret| secret.to_string())
            .ok()
            .or_else(|| text("JWT_SECRET"))
            .ok_or("JWT_SECRET is not set: run `wrangler secret put JWT_SECRET` (or add it to .dev.vars)")?;
        let key = HmacKey::new(Algorithm::Hs256, secret.as_bytes())
            .map_err(|_| "JWT_SECRET must be at least 32 bytes (256 bits) for HS256".to_string())?;
        let seconds = |name: &str, default: u64| match text(name) {
            None => Ok(default),
            Some(value) => value
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|secs| *secs > 0)
                .ok_or(format!(
                    "{name} must be a positive number of seconds, not {value:?}"
                )),
        };
        Ok(Self {
            key,
            issuer: text("JWT_ISSUER").unwrap_or_else(|| "jwt-edge".into()),
            audience: text("JWT_AUDIENCE").unwrap_or_else(|| "jwt-edge-api".into()),
            access_ttl: seconds("ACCESS_TTL", DEFAULT_ACCESS_TTL)?,
            refresh_ttl: seconds("REFRESH_TTL", DEFAULT_REFRESH_TTL)?,
            session_max_age: seconds("SESSION_MAX_AGE", DEFAULT_SESSION_MAX_AGE)?,
            allowed_origins: text("CORS_ORIGINS")
                .map(|list| parse_origins(&list))
                .unwrap_or_default(),
        })
    }
}

/// The origins in a comma-separated list, without blanks or trailing slashes.
#[must_use]
pub fn parse_origins(list: &str) -> Vec<String> {
    list.split(',')
        .map(|origin| origin.trim().trim_end_matches('/'))
        .filter(|origin| !origin.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_trimmed_and_blanks_dropped() {
        assert_eq!(
            parse_origins(" https://a.example/ ,, http://127.0.0.1:5173"),
            ["https://a.example", "http://127.0.0.1:5173"]
        );
        assert!(parse_origins("").is_empty());
    }
}
