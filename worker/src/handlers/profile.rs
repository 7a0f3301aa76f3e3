//! `GET /api/profile`: who the access token belongs to.

use crate::api_error::ApiError;
use crate::app::App;
use crate::auth::authenticate;
use serde::Serialize;
use worker::{Headers, Response};

/// The answer's body, serialized straight from the principal's fields.
#[derive(Serialize)]
struct Profile<'a> {
    sub: &'a str,
    username: &'a str,
    roles: &'a [String],
}

/// 200 `{sub, username, roles}`, given the request's headers.
///
/// # Errors
/// 401 (with the core's error code) without a valid access token.
pub async fn handle_profile(headers: &Headers, app: &App) -> Result<Response, ApiError> {
    let principal = authenticate(headers, app).await?;
    Ok(Response::from_json(&Profile {
        sub: &principal.user_id,
        username: &principal.username,
        roles: &principal.roles,
    })?)
}
