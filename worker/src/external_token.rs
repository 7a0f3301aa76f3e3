//! Access tokens of trusted issuers (`TRUSTED_ISSUERS`): routed by their
//! unverified `iss` to the one configured issuer, then verified with that
//! issuer's published keys and its audience.
//!
//! Such a token says who the caller is at the issuer, nothing more: it reads
//! the endpoints that take an access token (`/api/profile`), with its `sub`
//! and `iss`, but it holds no roles here (roles belong to this API's accounts,
//! and an issuer's role claims mean what that issuer says) and ends no
//! session of this API (it has none).

use crate::api_error::ApiError;
use crate::config::Config;
use crate::issuer_keys::key_set_for;
use crate::trusted_issuers::TrustedIssuer;
use jwt_edge::{decode_unverified, verify, Algorithm, KeyFamily, Validation};

/// A caller authenticated by a trusted issuer's token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalCaller {
    /// The issuer (`iss`), as configured.
    pub issuer: String,
    /// Who the caller is at the issuer (`sub`).
    pub subject: String,
}

/// The trusted issuer a token claims to come from, and its header's `kid`:
/// read without verifying, only to choose the keys and rules to verify with.
/// `None` when no issuer is trusted, the token cannot be read, or its `iss`
/// is not a trusted issuer (it is then one of the worker's own, or refused as
/// one).
#[must_use]
pub fn claimed_issuer<'c>(
    token: &str,
    config: &'c Config,
) -> Option<(&'c TrustedIssuer, Option<String>)> {
    if config.trusted_issuers.is_empty() {
        return None;
    }
    let unverified = decode_unverified(token).ok()?;
    let issuer = config
        .trusted_issuers
        .find(unverified.claims.issuer.as_deref()?)?;
    Some((issuer, unverified.header.kid))
}

/// The algorithms a trusted issuer's keys may verify: every public-key
/// algorithm of this build, never an HMAC one (a published key is no secret).
#[must_use]
pub fn external_algorithms() -> Vec<Algorithm> {
    Algorithm::ALL
        .iter()
        .copied()
        .filter(|algorithm| algorithm.family() != KeyFamily::Hmac)
        .collect()
}

/// The rules a token of `issuer` must pass at `now`: `iss` the issuer
/// exactly, `aud` naming its audience, `exp` (not passed) and `sub` present.
#[must_use]
pub fn external_validation(issuer: &TrustedIssuer, now: u64) -> Validation {
    Validation::new(now)
        .algorithms(&external_algorithms())
        .issuer(issuer.issuer.clone())
        .audience(issuer.audience.clone())
        .required_claims(["exp", "iss", "aud", "sub"])
}

/// Verifies `token`, which claims to come from `issuer` and names `kid`,
/// with the issuer's keys (fetched or kept: see [`key_set_for`]).
///
/// # Errors
/// 401 with the core's error code; `ERR_JWKS_INVALID` or `ERR_JWKS_TIMEOUT`
/// when the issuer's keys cannot be had (the reason is logged).
pub async fn verify_external(
    token: &str,
    issuer: &TrustedIssuer,
    kid: Option<&str>,
    now: u64,
) -> Result<ExternalCaller, ApiError> {
    let set = key_set_for(issuer, kid, now).await.map_err(|problem| {
        worker::console_error!(
            "the key set of the trusted issuer {:?} at {} could not be fetched: {problem}",
            issuer.issuer,
            issuer.jwks_url
        );
        ApiError::invalid_token(
            problem.code(),
            "the keys of the token's issuer could not be fetched",
        )
    })?;
    let claims = verify(token, &*set, &external_validation(issuer, now))
        .map_err(|error| ApiError::invalid_token(error.code(), &error.message()))?;
    // Required by the validation, so present.
    let subject = claims.subject.ok_or_else(|| {
        ApiError::invalid_token("ERR_JWT_CLAIM_VALIDATION_FAILED", "\"sub\" is missing")
    })?;
    Ok(ExternalCaller {
        issuer: issuer.issuer.clone(),
        subject,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jwt_edge::{sign, Audience, Claims, HeaderOptions, KeySet, NumericDate, PrivateKey};

    /// RFC 8037 §A.1.
    const ED25519: &str = r#"{"kty":"OKP","crv":"Ed25519","kid":"k1","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

    fn issuer() -> TrustedIssuer {
        TrustedIssuer {
            issuer: "https://idp.example".into(),
            jwks_url: "https://idp.example/jwks".into(),
            audience: "my-api".into(),
            cooldown: 30,
        }
    }

    fn token(edit: impl FnOnce(&mut Claims)) -> String {
        let key = PrivateKey::from_jwk(ED25519.as_bytes()).expect("key");
        let mut claims = Claims::new();
        claims.issuer = Some("https://idp.example".into());
        claims.audience = Some(Audience::Many(vec!["other".into(), "my-api".into()]));
        claims.subject = Some("auth0|42".into());
        claims.expires_at = NumericDate::from_secs(2000);
        edit(&mut claims);
        sign(&claims, &key, &HeaderOptions::new().key_id("k1"))
    }

    fn check(token: &str) -> Result<Claims, &'static str> {
        let key = PrivateKey::from_jwk(ED25519.as_bytes()).expect("key");
        let jwks = format!(r#"{{"keys":[{}]}}"#, key.public_key().to_jwk());
        let set = KeySet::from_remote_json(jwks.as_bytes()).expect("set");
        verify(token, &set, &external_validation(&issuer(), 1000)).map_err(|error| error.code())
    }

    #[test]
    fn an_issuer_token_needs_its_iss_its_audience_exp_and_sub() {
        check(&token(|_| {})).expect("valid");
        let refused = [
            token(|c| c.issuer = Some("https://idp.example/".into())),
            token(|c| c.issuer = None),
            token(|c| c.audience = Some(Audience::One("other".into()))),
            token(|c| c.audience = None),
            token(|c| c.expires_at = None),
            token(|c| c.expires_at = NumericDate::from_secs(1000)),
            token(|c| c.subject = None),
        ];
        for token in refused {
            assert!(check(&token).is_err(), "{token}");
        }
    }

    #[test]
    fn no_hmac_algorithm_is_allowed_for_an_issuer() {
        let algorithms = external_algorithms();
        assert!(algorithms.contains(&Algorithm::Rs256) && algorithms.contains(&Algorithm::EdDsa));
        assert!(Algorithm::HMAC
            .iter()
            .all(|hmac| !algorithms.contains(hmac)));
    }
}
