//! Access tokens: short-lived JWTs (RFC 9068 `at+jwt`) signed by the core.

use crate::config::Config;
use jwt_edge::json::Value;
use jwt_edge::{Claims, Error, NumericDate, Validation};

/// The header `typ` of access tokens; refresh tokens are opaque, so neither
/// can stand in for the other.
pub const ACCESS_TOKEN_TYPE: &str = "at+jwt";

/// Who a token is for and which login it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject<'a> {
    /// The user id (`sub`).
    pub user_id: &'a str,
    /// Role names (`roles`).
    pub roles: &'a [String],
    /// The refresh family of the login (`sid`), so logout can revoke it.
    pub family_id: &'a str,
}

/// The claims of a new access token: `iss`, `aud`, `sub`, `roles`, `sid`,
/// `iat`, `exp`, `jti`.
///
/// # Errors
/// When a time is past 2^53 seconds.
pub fn access_claims(
    config: &Config,
    subject: &Subject<'_>,
    now: u64,
    jti: &str,
) -> Result<Claims, Error> {
    let date = |secs: u64| {
        NumericDate::from_secs(secs).ok_or(Error::InvalidClaims {
            reason: "time out of range",
        })
    };
    let mut claims = Claims::new();
    claims.issuer = Some(config.issuer.clone());
    claims.audience = Some(jwt_edge::Audience::One(config.audience.clone()));
    claims.subject = Some(subject.user_id.into());
    claims.issued_at = Some(date(now)?);
    claims.expires_at = Some(date(now.saturating_add(config.access_ttl))?);
    claims.jwt_id = Some(jti.into());
    let roles: Vec<Value> = subject
        .roles
        .iter()
        .map(|role| Value::from(role.as_str()))
        .collect();
    claims.insert("roles", Value::Array(roles))?;
    claims.insert("sid", subject.family_id)?;
    Ok(claims)
}

/// Signs access token claims with the configured key.
#[must_use]
pub fn sign_access_token(config: &Config, claims: &Claims) -> String {
    config.keys.sign(claims, ACCESS_TOKEN_TYPE)
}

/// The rules an access token must pass at `now`.
#[must_use]
pub fn access_validation(config: &Config, now: u64) -> Validation {
    Validation::new(now)
        .issuer(config.issuer.clone())
        .audience(config.audience.clone())
        .typ(ACCESS_TOKEN_TYPE)
        .required_claims(["exp", "iat", "sub", "jti", "sid"])
}

/// The role names in verified claims (an absent or malformed list is no roles).
#[must_use]
pub fn roles_of(claims: &Claims) -> Vec<String> {
    match claims.get("roles") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

/// The refresh family (`sid`) in verified claims.
#[must_use]
pub fn family_of(claims: &Claims) -> Option<&str> {
    claims.get("sid").and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token_keys::TokenKeys;
    use jwt_edge::{sign, verify_token, Algorithm, HeaderOptions, HmacKey};

    fn key() -> HmacKey {
        HmacKey::new(Algorithm::Hs256, &[7; 32]).expect("valid key")
    }

    fn config() -> Config {
        Config {
            keys: TokenKeys::Hmac(key()),
            issuer: "https://issuer.example".into(),
            audience: "api".into(),
            access_ttl: 900,
            refresh_ttl: 3600,
            session_max_age: 7200,
            allowed_origins: Vec::new(),
            trusted_issuers: crate::trusted_issuers::TrustedIssuers::default(),
            seeded_local_database: false,
        }
    }

    #[test]
    fn access_tokens_carry_every_claim_and_the_at_jwt_type() {
        let config = config();
        let roles = vec!["user".to_string(), "admin".to_string()];
        let subject = Subject {
            user_id: "u1",
            roles: &roles,
            family_id: "f1",
        };
        let claims = access_claims(&config, &subject, 1000, "j1").expect("in range");
        let token = sign_access_token(&config, &claims);
        let verified =
            verify_token(&token, &key(), &access_validation(&config, 1001)).expect("valid");
        assert_eq!(verified.header.typ.as_deref(), Some("at+jwt"));
        assert_eq!(
            String::from_utf8(verified.payload).expect("utf-8"),
            r#"{"iss":"https://issuer.example","sub":"u1","aud":"api","exp":1900,"iat":1000,"jti":"j1","roles":["user","admin"],"sid":"f1"}"#
        );
        assert_eq!(roles_of(&verified.claims), roles);
        assert_eq!(family_of(&verified.claims), Some("f1"));
    }

    #[test]
    fn a_plain_jwt_is_not_an_access_token() {
        let config = config();
        let claims = access_claims(
            &config,
            &Subject {
                user_id: "u1",
                roles: &[],
                family_id: "f1",
            },
            1000,
            "j1",
        )
        .expect("in range");
        let token = sign(&claims, &key(), &HeaderOptions::new());
        let error =
            verify_token(&token, &key(), &access_validation(&config, 1001)).expect_err("typ JWT");
        assert_eq!(error.claim(), Some("typ"));
    }
}
