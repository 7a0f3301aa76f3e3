//! `GET /api/admin`: for the `admin` role only.

use crate::api_error::ApiError;
use crate::app::App;
use crate::caller::{authenticate_caller, Caller};
use worker::{Headers, Response};

/// The role this endpoint needs.
pub const ADMIN_ROLE: &str = "admin";

/// 200 for an admin, given the request's headers. A trusted issuer's token
/// holds no role here, whatever its claims say.
///
/// # Errors
/// 401 without a valid access token; 403 `insufficient_scope` without the role.
pub async fn handle_admin(headers: &Headers, app: &App) -> Result<Response, ApiError> {
    let Caller::Account(principal) = authenticate_caller(headers, app).await? else {
        return Err(ApiError::insufficient_scope(ADMIN_ROLE));
    };
    if !principal.roles.iter().any(|role| role == ADMIN_ROLE) {
        return Err(ApiError::insufficient_scope(ADMIN_ROLE));
    }
    Ok(Response::from_json(&serde_json::json!({
        "message": format!("Welcome, {}: you hold the admin role.", principal.username),
        "sub": principal.user_id,
        "roles": principal.roles,
    }))?)
}
