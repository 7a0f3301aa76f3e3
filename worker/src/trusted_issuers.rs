//! `TRUSTED_ISSUERS`: the identity providers whose access tokens the API
//! accepts besides its own, each with the URL of its JWK Set and the audience
//! its tokens must name.
//!
//! ```json
//! {"https://idp.example": {"jwksUrl": "https://idp.example/.well-known/jwks.json", "audience": "my-api"}}
//! ```

use core::fmt;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// After a fetch of an issuer's key set, a token with an unknown `kid` causes
/// no new fetch before this many seconds have passed, when the issuer's entry
/// sets no `cooldown`.
pub const DEFAULT_COOLDOWN: u64 = 30;
/// The longest `cooldown` an entry may set: an hour.
pub const MAX_COOLDOWN: u64 = 3600;

/// One identity provider the API trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedIssuer {
    /// The `iss` its tokens carry, exactly.
    pub issuer: String,
    /// Where its JWK Set is published: `https:` (or `http:` on loopback).
    pub jwks_url: String,
    /// The audience its tokens must name in `aud`: this API's identifier at
    /// the provider.
    pub audience: String,
    /// Seconds between fetches caused by unknown `kid`s.
    pub cooldown: u64,
}

/// Every trusted issuer, none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedIssuers(Vec<TrustedIssuer>);

/// An entry as written (`cooldown` is optional).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Entry {
    jwks_url: String,
    audience: String,
    cooldown: Option<u64>,
}

/// The entries in the order written; an issuer named twice is refused (a
/// plain map would keep one of the two without a word).
struct Entries(Vec<(String, Entry)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a JSON object of issuer → {jwksUrl, audience}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries: Vec<(String, Entry)> = Vec::new();
                while let Some(issuer) = map.next_key::<String>()? {
                    if entries.iter().any(|(known, _)| *known == issuer) {
                        return Err(de::Error::custom(format!("{issuer:?} is given twice")));
                    }
                    let entry = map
                        .next_value::<Entry>()
                        .map_err(|error| de::Error::custom(format!("{issuer:?}: {error}")))?;
                    entries.push((issuer, entry));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl TrustedIssuers {
    /// The issuers in `json` (blank: none). `own_issuer` is the worker's own
    /// `JWT_ISSUER`, which no trusted issuer may claim.
    ///
    /// # Errors
    /// A message for the log, starting `TRUSTED_ISSUERS`, when `json` is not a
    /// JSON object of issuer → `{jwksUrl, audience[, cooldown]}`, an issuer is
    /// empty, named twice or the worker's own, a `jwksUrl` is not an `https:`
    /// URL (`http:` only on 127.0.0.0/8, `[::1]` or `localhost`), holds
    /// credentials or a fragment, an audience is empty, or a `cooldown` is not
    /// 1 to 3600 seconds.
    pub fn parse(json: &str, own_issuer: &str) -> Result<Self, String> {
        if json.trim().is_empty() {
            return Ok(Self::default());
        }
        let problem = |detail: String| format!("TRUSTED_ISSUERS: {detail}");
        let Entries(entries) =
            serde_json::from_str(json).map_err(|error| problem(error.to_string()))?;
        let mut issuers = Vec::with_capacity(entries.len());
        for (issuer, entry) in entries {
            if issuer.is_empty() {
                return Err(problem("an issuer is the empty string".into()));
            }
            if issuer == own_issuer {
                return Err(problem(format!(
                    "{issuer:?} is the worker's own JWT_ISSUER: its tokens are verified with the \
                     worker's own keys"
                )));
            }
            if let Some(reason) = jwks_url_problem(&entry.jwks_url) {
                return Err(problem(format!(
                    "{issuer:?}: jwksUrl {:?} {reason}",
                    entry.jwks_url
                )));
            }
            if entry.audience.trim().is_empty() {
                return Err(problem(format!(
                    "{issuer:?}: audience is empty (it must be this API's identifier at the issuer)"
                )));
            }
            let cooldown = entry.cooldown.unwrap_or(DEFAULT_COOLDOWN);
            if !(1..=MAX_COOLDOWN).contains(&cooldown) {
                return Err(problem(format!(
                    "{issuer:?}: cooldown must be 1 to {MAX_COOLDOWN} seconds, not {cooldown}"
                )));
            }
            issuers.push(TrustedIssuer {
                issuer,
                jwks_url: entry.jwks_url,
                audience: entry.audience,
                cooldown,
            });
        }
        Ok(Self(issuers))
    }

    /// The variable `TRUSTED_ISSUERS` of `env` (JSON text); none when it is
    /// not set.
    ///
    /// # Errors
    /// As [`TrustedIssuers::parse`], and when the variable is not text (a
    /// table in wrangler.toml's `[vars]` arrives as an object).
    pub fn from_env(env: &worker::Env, own_issuer: &str) -> Result<Self, String> {
        let value = js_sys::Reflect::get(env, &"TRUSTED_ISSUERS".into()).unwrap_or_default();
        if value.is_undefined() {
            return Ok(Self::default());
        }
        let text = value.as_string().ok_or(
            "TRUSTED_ISSUERS must be JSON text: in wrangler.toml, a string such as \
             TRUSTED_ISSUERS = '{\"https://idp.example/\": {\"jwksUrl\": …, \"audience\": …}}'",
        )?;
        Self::parse(&text, own_issuer)
    }

    /// The trusted issuer whose identifier is exactly `iss`.
    #[must_use]
    pub fn find(&self, iss: &str) -> Option<&TrustedIssuer> {
        self.0.iter().find(|trusted| trusted.issuer == iss)
    }

    /// Whether no issuer is trusted (the worker's own tokens only).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why `url` cannot be a JWK Set's URL, if it cannot.
fn jwks_url_problem(url: &str) -> Option<&'static str> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some("is not an absolute URL");
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    if authority.contains('@') {
        return Some("must not hold credentials");
    }
    if tail.contains('#') {
        return Some("must not have a fragment");
    }
    if !tail.chars().all(|c| c.is_ascii_graphic()) {
        return Some("has blanks or characters that are not ASCII (percent-encode them)");
    }
    if !crate::config::is_tuple_origin(&format!("{scheme}://{authority}")) {
        return Some("is not an http(s) URL with a valid host and port");
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => host,
        _ => authority,
    };
    if scheme.eq_ignore_ascii_case("https") || is_loopback(&host.to_ascii_lowercase()) {
        None
    } else {
        Some(
            "must be https: (http: only on 127.0.0.0/8, [::1] or localhost, for local development)",
        )
    }
}

/// Whether `host` (in lower case) is the loopback interface.
fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets[0] == "127"
        && octets
            .iter()
            .all(|octet| !octet.is_empty() && octet.len() <= 3 && octet.parse::<u8>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDP: &str = r#"{"https://idp.example": {"jwksUrl": "https://idp.example/.well-known/jwks.json", "audience": "my-api"}}"#;

    fn refusal(json: &str) -> String {
        TrustedIssuers::parse(json, "jwt-edge").expect_err(json)
    }

    #[test]
    fn issuers_are_read_with_their_url_audience_and_cooldown() {
        let issuers = TrustedIssuers::parse(IDP, "jwt-edge").expect("valid");
        let idp = issuers.find("https://idp.example").expect("trusted");
        assert_eq!(idp.jwks_url, "https://idp.example/.well-known/jwks.json");
        assert_eq!(idp.audience, "my-api");
        assert_eq!(idp.cooldown, DEFAULT_COOLDOWN);
        assert_eq!(
            issuers.find("https://idp.example/"),
            None,
            "exact match only"
        );
        let local = TrustedIssuers::parse(
            r#"{"a": {"jwksUrl": "http://127.0.0.1:8788/jwks", "audience": "x", "cooldown": 1},
                "b": {"jwksUrl": "http://localhost/jwks?tenant=b", "audience": "x"},
                "c": {"jwksUrl": "http://[::1]:9000/", "audience": "x"}}"#,
            "jwt-edge",
        )
        .expect("loopback is fine over http");
        assert_eq!(local.find("a").map(|a| a.cooldown), Some(1));
        assert!(local.find("c").is_some());
        for blank in ["", "  "] {
            assert!(TrustedIssuers::parse(blank, "jwt-edge")
                .expect("none")
                .is_empty());
        }
    }

    #[test]
    fn a_malformed_list_is_refused_with_a_reason() {
        let url = |url: &str| format!(r#"{{"i": {{"jwksUrl": "{url}", "audience": "a"}}}}"#);
        let cases = [
            (refusal("{"), "TRUSTED_ISSUERS: "),
            (refusal("[]"), "a JSON object of issuer"),
            (refusal(r#"{"i": "https://i/jwks"}"#), "\"i\": "),
            (
                refusal(r#"{"i": {"jwksUrl": "https://i/jwks"}}"#),
                "missing field `audience`",
            ),
            (
                refusal(r#"{"i": {"jwksUrl": "https://i/jwks", "audience": "a", "roles": "x"}}"#),
                "unknown field `roles`",
            ),
            (
                refusal(r#"{"i": {"jwksUrl": "https://i/jwks", "audience": " "}}"#),
                "audience is empty",
            ),
            (
                refusal(&IDP.replacen('}', "}, \"https://idp.example\": {}", 1)),
                "\"https://idp.example\" is given twice",
            ),
            (
                refusal(r#"{"": {"jwksUrl": "https://i/jwks", "audience": "a"}}"#),
                "empty string",
            ),
            (
                refusal(r#"{"jwt-edge": {"jwksUrl": "https://i/jwks", "audience": "a"}}"#),
                "the worker's own JWT_ISSUER",
            ),
            (
                refusal(r#"{"i": {"jwksUrl": "https://i/jwks", "audience": "a", "cooldown": 0}}"#),
                "cooldown must be 1 to 3600 seconds, not 0",
            ),
            (
                refusal(
                    r#"{"i": {"jwksUrl": "https://i/jwks", "audience": "a", "cooldown": 3601}}"#,
                ),
                "not 3601",
            ),
            (refusal(&url("http://idp.example/jwks")), "must be https:"),
            (
                refusal(&url("http://127.0.0.1.example/jwks")),
                "must be https:",
            ),
            (refusal(&url("http://10.0.0.1/jwks")), "must be https:"),
            (refusal(&url("ftp://idp.example/jwks")), "http(s) URL"),
            (refusal(&url("idp.example/jwks")), "not an absolute URL"),
            (refusal(&url("https:///jwks")), "http(s) URL"),
            (refusal(&url("https://idp.example:99999/")), "http(s) URL"),
            (
                refusal(&url("https://user:pw@idp.example/jwks")),
                "credentials",
            ),
            (refusal(&url("https://idp.example/jwks#x")), "fragment"),
            (refusal(&url("https://idp.example/a b")), "blanks"),
        ];
        for (problem, expected) in cases {
            assert!(problem.starts_with("TRUSTED_ISSUERS: "), "{problem:?}");
            assert!(problem.contains(expected), "{problem:?} lacks {expected:?}");
        }
    }
}
