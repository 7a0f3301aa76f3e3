//! `GET /api/profile`: who the access token belongs to.

use crate::api_error::ApiError;
use crate::app::App;
use crate::caller::{authenticate_caller, Caller};
use serde::Serialize;
use worker::{Headers, Response};

/// The answer's body for an account, serialized straight from its fields.
#[derive(Serialize)]
struct Profile<'a> {
    sub: &'a str,
    username: &'a str,
    roles: &'a [String],
    /// When the access token the request carried expires (its `exp`): in
    /// cookie mode the page cannot read the token, so it asks.
    exp: u64,
}

/// The answer's body for a trusted issuer's subject: who it is at which
/// issuer, and no roles here.
#[derive(Serialize)]
struct ExternalProfile<'a> {
    sub: &'a str,
    iss: &'a str,
    roles: [&'a str; 0],
}

/// 200 `{sub, username, roles, exp}` for an account, `{sub, iss, roles: []}` for a
/// trusted issuer's token, given the request's headers.
///
/// # Errors
/// 401 (with the core's error code) without a valid access token.
pub async fn handle_profile(headers: &Headers, app: &App) -> Result<Response, ApiError> {
    Ok(match authenticate_caller(headers, app).await? {
        Caller::Account(principal) => Response::from_json(&Profile {
            sub: &principal.user_id,
            username: &principal.username,
            roles: &principal.roles,
            exp: principal.expires_at,
        })?,
        Caller::External(caller) => Response::from_json(&ExternalProfile {
            sub: &caller.subject,
            iss: &caller.issuer,
            roles: [],
        })?,
    })
}
