//! Authenticating a request by its access token (Bearer header or cookie).

use crate::access_token::{access_validation, family_of, roles_of};
use crate::api_error::ApiError;
use crate::app::App;
use crate::cookies::{read_cookie, ACCESS_COOKIE};
use crate::db;
use crate::external_token::claimed_issuer;
use worker::Headers;

/// Where the access token came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    /// `Authorization: Bearer …`
    Header,
    /// The `__Host-access` cookie.
    Cookie,
}

/// An authenticated caller.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The account id (the token's `sub`).
    pub user_id: String,
    /// The account's username, as it is now.
    pub username: String,
    /// The roles the token grants.
    pub roles: Vec<String>,
    /// The token's id, for the deny list.
    pub jti: String,
    /// When the token expires.
    pub expires_at: u64,
    /// The login (refresh family) it came from.
    pub family_id: String,
}

/// The access token of a request, given its headers: the `Authorization`
/// header first, then the cookie.
///
/// # Errors
/// 401 for an `Authorization` header that is not `Bearer <token>`, or an
/// access cookie sent twice.
pub fn access_token(headers: &Headers) -> Result<Option<(String, TokenSource)>, ApiError> {
    if let Some(header) = headers.get("Authorization")? {
        return match header.trim().split_once(' ') {
            Some((scheme, token))
                if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
            {
                Ok(Some((token.trim().to_string(), TokenSource::Header)))
            }
            _ => Err(ApiError::invalid_token(
                "ERR_BAD_AUTHORIZATION",
                "the Authorization header must be 'Bearer <token>'",
            )),
        };
    }
    let cookie = headers.get("Cookie")?;
    let token = cookie
        .as_deref()
        .map(|header| read_cookie(header, ACCESS_COOKIE))
        .transpose()
        .map_err(|_| {
            ApiError::invalid_token(
                "ERR_BAD_COOKIE",
                "the access cookie was sent more than once",
            )
        })?
        .flatten();
    Ok(token.map(|token| (token.to_string(), TokenSource::Cookie)))
}

/// Verifies the access token of a request with these headers, checks the deny
/// list, that its session (`sid`) is not revoked and that the user still
/// exists: a token of the worker's own, for the endpoints that act on the
/// account or its sessions.
///
/// # Errors
/// 401 with the core's error code, or the worker's for a revoked token, a
/// deleted user or a token that claims a trusted issuer (`TRUSTED_ISSUERS`).
pub async fn authenticate(headers: &Headers, app: &App) -> Result<Principal, ApiError> {
    let (token, _) = access_token(headers)?.ok_or_else(ApiError::missing_token)?;
    if claimed_issuer(&token, &app.config).is_some() {
        return Err(ApiError::invalid_token(
            "ERR_OWN_TOKEN_REQUIRED",
            "this endpoint takes only this API's own access tokens, not a trusted issuer's",
        ));
    }
    authenticate_token(&token, app).await
}

/// Verifies `token` as one of the worker's own access tokens, as
/// [`authenticate`] does.
///
/// # Errors
/// As [`authenticate`].
pub async fn authenticate_token(token: &str, app: &App) -> Result<Principal, ApiError> {
    let claims = app
        .config
        .keys
        .verify(token, &access_validation(&app.config, app.now))
        .map_err(|error| ApiError::invalid_token(error.code(), &error.message()))?;
    // Required by the validation, so present.
    let (Some(user_id), Some(jti), Some(expires_at), Some(family_id)) = (
        claims.subject.as_deref(),
        claims.jwt_id.as_deref(),
        claims.expires_at.as_ref(),
        family_of(&claims),
    ) else {
        return Err(ApiError::invalid_token(
            "ERR_JWT_CLAIM_VALIDATION_FAILED",
            "a required claim is missing",
        ));
    };
    // A deleted user's tokens die with the account; a token on the deny list,
    // or from a revoked session, is refused even while its user exists.
    let (username, denied) = db::find_username_and_denial(&app.db, user_id, jti, family_id)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_token("ERR_USER_UNKNOWN", "the token's user no longer exists")
        })?;
    if denied {
        return Err(ApiError::invalid_token(
            "ERR_TOKEN_REVOKED",
            "the token or its session was revoked",
        ));
    }
    Ok(Principal {
        user_id: user_id.to_string(),
        username,
        roles: roles_of(&claims),
        jti: jti.to_string(),
        expires_at: expires_at.as_secs(),
        family_id: family_id.to_string(),
    })
}
