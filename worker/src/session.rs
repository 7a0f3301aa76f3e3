//! Issuing a session: a new refresh token in a family and a fresh access token,
//! delivered in the body (Bearer) or as HttpOnly cookies.

use crate::access_token::{access_claims, sign_access_token, Subject};
use crate::api_error::ApiError;
use crate::app::App;
use crate::cookies::{access_cookie, refresh_cookies};
use crate::db::{self, UserRow};
use crate::random::random_id;
use crate::refresh_token::{new_refresh_token, refresh_token_hash};
use worker::Response;

/// How tokens reach the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// In the JSON body, for `Authorization: Bearer` and `{refreshToken}`.
    Bearer,
    /// As HttpOnly cookies; the body holds no token.
    Cookie,
}

/// Issues tokens for `user` in the refresh family `family_id`, whose session
/// ends at `session_ends_at`: the refresh token lives `REFRESH_TTL`, but never
/// past the end of its session.
///
/// # Errors
/// 500 when the database, the clock or the random source fails.
pub async fn issue(
    app: &App,
    user: &UserRow,
    family_id: &str,
    session_ends_at: u64,
    delivery: Delivery,
) -> Result<Response, ApiError> {
    let refresh_token = new_refresh_token()?;
    let refresh_expires_at = app
        .now
        .saturating_add(app.config.refresh_ttl)
        .min(session_ends_at);
    db::insert_refresh_token(
        &app.db,
        &refresh_token_hash(&refresh_token),
        family_id,
        &user.id,
        refresh_expires_at,
    )
    .await?;
    let roles = user.role_list();
    let subject = Subject {
        user_id: &user.id,
        roles: &roles,
        family_id,
    };
    let claims = access_claims(&app.config, &subject, app.now, &random_id()?).map_err(|error| {
        worker::console_error!("cannot build access token claims: {error}");
        ApiError::internal()
    })?;
    let access_token = sign_access_token(&app.config, &claims);
    let expires_in = app.config.access_ttl;
    match delivery {
        Delivery::Bearer => Ok(Response::from_json(&serde_json::json!({
            "accessToken": access_token,
            "refreshToken": refresh_token,
            "tokenType": "Bearer",
            "expiresIn": expires_in,
        }))?),
        Delivery::Cookie => {
            let mut response = Response::from_json(&serde_json::json!({
                "tokenType": "Cookie",
                "expiresIn": expires_in,
            }))?;
            let headers = response.headers_mut();
            headers.append("Set-Cookie", &access_cookie(&access_token, expires_in))?;
            for cookie in
                refresh_cookies(&refresh_token, refresh_expires_at.saturating_sub(app.now))
            {
                headers.append("Set-Cookie", &cookie)?;
            }
            Ok(response)
        }
    }
}
