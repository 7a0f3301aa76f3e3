//! `GET /api/profile`: who the access token belongs to.

use crate::api_error::ApiError;
use crate::app::App;
use crate::auth::authenticate;
use worker::{Request, Response};

/// 200 `{sub, username, roles}`.
///
/// # Errors
/// 401 (with the core's error code) without a valid access token.
pub async fn handle_profile(req: &Request, app: &App) -> Result<Response, ApiError> {
    let principal = authenticate(req, app).await?;
    Ok(Response::from_json(&serde_json::json!({
        "sub": principal.user.id,
        "username": principal.user.username,
        "roles": principal.roles,
    }))?)
}
