//! The worker's configuration, read from its environment once per isolate.

use crate::token_keys::TokenKeys;
use crate::trusted_issuers::TrustedIssuers;
use core::cell::OnceCell;
use std::rc::Rc;
use worker::Env;

/// Access token lifetime when `ACCESS_TTL` is not set: 15 minutes.
pub const DEFAULT_ACCESS_TTL: u64 = 900;
/// Refresh token lifetime when `REFRESH_TTL` is not set: 14 days.
pub const DEFAULT_REFRESH_TTL: u64 = 14 * 24 * 3600;
/// The access tokens' algorithm when `JWT_ALG` is not set.
pub const DEFAULT_ALGORITHM: &str = "EdDSA";
/// Session lifetime when `SESSION_MAX_AGE` is not set: 30 days.
pub const DEFAULT_SESSION_MAX_AGE: u64 = 30 * 24 * 3600;

/// Everything the handlers need to know.
#[derive(Debug)]
pub struct Config {
    /// The keys of access tokens (`JWT_ALG`, and `JWT_SECRET` or
    /// `JWT_PRIVATE_JWK` with `JWT_PREVIOUS_PUBLIC_JWK`).
    pub keys: TokenKeys,
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
    /// (`CORS_ORIGINS`, comma-separated `scheme://host[:port]`).
    pub allowed_origins: Vec<String>,
    /// Identity providers whose access tokens the read endpoints accept too
    /// (`TRUSTED_ISSUERS`, JSON: issuer → `{jwksUrl, audience}`).
    pub trusted_issuers: TrustedIssuers,
    /// Whether the worker runs with the seeded local database of `make dev`
    /// and the tests (`SEEDED_LOCAL_DATABASE = "true"`), whose demo accounts
    /// the page may then show. Never set where the worker is deployed.
    pub seeded_local_database: bool,
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
    /// A message for the log when `JWT_ALG` and its keys do not fit (see
    /// [`TokenKeys::new`]; `JWT_ALG` is `EdDSA` when not set), a number is not
    /// a number, an entry of `CORS_ORIGINS` is not
    /// `scheme://host[:port]`, `TRUSTED_ISSUERS` is malformed (see
    /// [`TrustedIssuers::parse`]), or `SEEDED_LOCAL_DATABASE` is neither `true`
    /// nor `false`. (A `JWT_SECRET` or `JWT_PRIVATE_JWK` in wrangler.toml's
    /// `[vars]`, which the runtime cannot tell from a secret, fails the build:
    /// see build.rs.)
    pub fn from_env(env: &Env) -> Result<Self, String> {
        let text = |name: &str| env.var(name).ok().map(|value| value.to_string());
        let secret = |name: &str| env.secret(name).ok().map(|value| value.to_string());
        let keys = TokenKeys::new(
            text("JWT_ALG").as_deref().unwrap_or(DEFAULT_ALGORITHM),
            secret("JWT_SECRET").as_deref(),
            secret("JWT_PRIVATE_JWK").as_deref(),
            secret("JWT_PREVIOUS_PUBLIC_JWK").as_deref(),
        )?;
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
        let issuer = text("JWT_ISSUER").unwrap_or_else(|| "jwt-edge".into());
        Ok(Self {
            keys,
            trusted_issuers: TrustedIssuers::from_env(env, &issuer)?,
            issuer,
            audience: text("JWT_AUDIENCE").unwrap_or_else(|| "jwt-edge-api".into()),
            access_ttl: seconds("ACCESS_TTL", DEFAULT_ACCESS_TTL)?,
            refresh_ttl: seconds("REFRESH_TTL", DEFAULT_REFRESH_TTL)?,
            session_max_age: seconds("SESSION_MAX_AGE", DEFAULT_SESSION_MAX_AGE)?,
            allowed_origins: text("CORS_ORIGINS")
                .map(|list| parse_origins(&list))
                .transpose()?
                .unwrap_or_default(),
            seeded_local_database: match text("SEEDED_LOCAL_DATABASE").as_deref() {
                None | Some("false") => false,
                Some("true") => true,
                Some(other) => {
                    return Err(format!(
                        "SEEDED_LOCAL_DATABASE must be \"true\" or \"false\", not {other:?}"
                    ))
                }
            },
        })
    }
}

/// The origins in a comma-separated list, without blanks or a trailing
/// slash, in lower case as browsers send them.
///
/// # Errors
/// A message naming the first entry that is not `scheme://host[:port]` (with
/// `http` or `https`), such as `null`, a path or a wildcard.
pub fn parse_origins(list: &str) -> Result<Vec<String>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|origin| !origin.is_empty())
        .map(|origin| {
            let tuple = origin.strip_suffix('/').unwrap_or(origin);
            if is_tuple_origin(tuple) {
                Ok(tuple.to_ascii_lowercase())
            } else {
                Err(format!(
                    "CORS_ORIGINS: {origin:?} is not an origin (scheme://host[:port], http or https)"
                ))
            }
        })
        .collect()
}

/// `http` or `https`, `://`, a host of letters, digits, `.` and `-` (or an
/// IPv6 address in brackets), and an optional port of 1 to 5 digits.
pub(crate) fn is_tuple_origin(origin: &str) -> bool {
    let Some((scheme, authority)) = origin.split_once("://") else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return false;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port))
            if !host.is_empty()
                && (host.starts_with('[') == host.ends_with(']'))
                && !port.contains(']') =>
        {
            (host, Some(port))
        }
        _ => (authority, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'))
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
    };
    let port_ok = port.is_none_or(|port| {
        (1..=5).contains(&port.len())
            && port.chars().all(|c| c.is_ascii_digit())
            && port
                .parse::<u32>()
                .is_ok_and(|port| (1..=65535).contains(&port))
    });
    host_ok && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_trimmed_and_blanks_dropped() {
        assert_eq!(
            parse_origins(" https://A.example/ ,, http://127.0.0.1:5173,http://[::1]:8080"),
            Ok(vec![
                "https://a.example".to_string(),
                "http://127.0.0.1:5173".to_string(),
                "http://[::1]:8080".to_string()
            ])
        );
        assert_eq!(parse_origins(""), Ok(Vec::new()));
    }

    #[test]
    fn anything_but_scheme_host_and_port_is_refused() {
        for junk in [
            "null",
            "*",
            "a.example",
            "https://",
            "https://a.example/path",
            "https://a.example:0",
            "https://a.example:65536",
            "https://a.example:",
            "https://user@a.example",
            "ftp://a.example",
            "https://a.example?x",
            "https://[::1",
            "https://*.a.example",
        ] {
            let problem = parse_origins(&format!("https://ok.example, {junk}")).expect_err(junk);
            assert!(problem.contains(&format!("{junk:?}")), "{problem}");
        }
    }
}
