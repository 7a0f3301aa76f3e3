//! `POST /api/logout-all`: ends every session of the account.

use crate::api_error::ApiError;
use crate::app::App;
use crate::auth::authenticate;
use crate::cookies::cleared_cookies;
use crate::db;
use worker::{Headers, Response};

/// Answers 204 after revoking every refresh family (session) of the access
/// token's account: their refresh tokens stop working, and so do their access
/// tokens (each names its session in `sid`). Clears this client's cookies.
///
/// # Errors
/// 401 without a valid access token; 500 when the database fails.
pub async fn handle_logout_all(headers: &Headers, app: &App) -> Result<Response, ApiError> {
    let principal = authenticate(headers, app).await?;
    db::revoke_user_families(&app.db, &principal.user_id, app.now).await?;
    let mut response = Response::empty()?.with_status(204);
    for cookie in cleared_cookies() {
        response.headers_mut().append("Set-Cookie", &cookie)?;
    }
    Ok(response)
}
