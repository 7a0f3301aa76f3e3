//! Who calls an endpoint that only reads: an account of this API, by the
//! worker's own access token, or someone a trusted issuer vouches for, by that
//! issuer's access token (`TRUSTED_ISSUERS`).

use crate::api_error::ApiError;
use crate::app::App;
use crate::auth::{access_token, authenticate_token, Principal};
use crate::external_token::{claimed_issuer, verify_external, ExternalCaller};
use worker::Headers;

/// An authenticated caller.
#[derive(Debug, Clone)]
pub enum Caller {
    /// An account of this API, with its roles.
    Account(Principal),
    /// A trusted issuer's subject: no account here, no roles.
    External(ExternalCaller),
}

/// The caller of a request with these headers: the token's unverified `iss`
/// chooses between the worker's own keys and rules and a trusted issuer's.
///
/// # Errors
/// As [`crate::auth::authenticate`] for the worker's own tokens, as
/// [`verify_external`] for a trusted issuer's.
pub async fn authenticate_caller(headers: &Headers, app: &App) -> Result<Caller, ApiError> {
    let (token, _) = access_token(headers)?.ok_or_else(ApiError::missing_token)?;
    if let Some((issuer, kid)) = claimed_issuer(&token, &app.config) {
        return verify_external(&token, issuer, kid.as_deref(), app.now)
            .await
            .map(Caller::External);
    }
    authenticate_token(&token, app).await.map(Caller::Account)
}
