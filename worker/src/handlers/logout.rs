//! `POST /api/logout`: ends the session.

use crate::api_error::ApiError;
use crate::app::App;
use crate::auth::authenticate;
use crate::cookies::{cleared_cookies, read_cookie, REFRESH_COOKIE};
use crate::db;
use crate::refresh_token::refresh_token_hash;
use crate::request_body::{json_object, optional_string};
use worker::{Request, Response};

/// Answers 204 after revoking the refresh family of the presented access token
/// (its `sid`) and of the presented refresh token (body or cookie), putting the
/// access token's `jti` on the deny list until it expires, and clearing both
/// cookies. Logging out twice, or without a session, is not an error.
///
/// # Errors
/// 400 for a malformed body; 401 (cookies cleared, nothing revoked) when the
/// refresh cookie is sent twice; 500 when the database fails.
pub async fn handle_logout(req: &mut Request, app: &App) -> Result<Response, ApiError> {
    let body = json_object(req).await?;
    let cookie = req.headers().get("Cookie")?;
    let refresh_cookie = cookie
        .as_deref()
        .map(|header| read_cookie(header, REFRESH_COOKIE))
        .transpose()
        .map_err(|_| ApiError::duplicate_refresh_cookie())?
        .flatten();
    let mut families = Vec::new();
    if let Ok(principal) = authenticate(req.headers(), app).await {
        db::deny_access_token(&app.db, &principal.jti, principal.expires_at, app.now).await?;
        families.push(principal.family_id);
    }
    let refresh_token = optional_string(&body, "refreshToken")?.or(refresh_cookie);
    if let Some(token) = refresh_token {
        if let Some(stored) = db::find_refresh_token(
            &app.db,
            &refresh_token_hash(token),
            app.config.session_max_age,
        )
        .await?
        {
            families.push(stored.family_id);
        }
    }
    families.dedup();
    for family_id in &families {
        db::revoke_family(&app.db, family_id, app.now).await?;
    }
    let mut response = Response::empty()?.with_status(204);
    for cookie in cleared_cookies() {
        response.headers_mut().append("Set-Cookie", &cookie)?;
    }
    Ok(response)
}
