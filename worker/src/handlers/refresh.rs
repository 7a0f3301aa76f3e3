//! `POST /api/refresh`: rotates a refresh token (body `{refreshToken}` or the cookie).

use crate::api_error::ApiError;
use crate::app::App;
use crate::cookies::{read_cookie, REFRESH_COOKIE};
use crate::db;
use crate::refresh_token::{decide, refresh_token_hash, Rotation};
use crate::request_body::{json_object, optional_string};
use crate::session::{issue, Delivery};
use worker::{Request, Response};

/// 200 with a new access token and a new refresh token, delivered the way the
/// old one came; the old one stops working. A rotated token presented again
/// revokes its whole family. Of concurrent refreshes with one token, exactly
/// one wins: the claim is a single conditional UPDATE, which also fails once
/// the family is revoked, so a refresh racing a logout gets nothing.
///
/// # Errors
/// 401 for a missing, unknown, expired, revoked or reused token, and
/// `session_expired` once the session is older than `SESSION_MAX_AGE`.
pub async fn handle_refresh(req: &mut Request, app: &App) -> Result<Response, ApiError> {
    let body = json_object(req).await?;
    let (token, delivery) = if let Some(token) = optional_string(&body, "refreshToken")? {
        (token.to_string(), Delivery::Bearer)
    } else {
        let cookie = req.headers().get("Cookie")?;
        let token = cookie
            .as_deref()
            .map(|header| read_cookie(header, REFRESH_COOKIE))
            .transpose()
            .map_err(|_| ApiError::duplicate_refresh_cookie())?
            .flatten()
            .ok_or_else(|| {
                ApiError::invalid_refresh_token(
                    "ERR_REFRESH_TOKEN_MISSING",
                    "no refresh token was presented",
                )
            })?;
        (token.to_string(), Delivery::Cookie)
    };
    let token_hash = refresh_token_hash(&token);
    let max_age = app.config.session_max_age;
    let stored = db::find_refresh_token(&app.db, &token_hash, max_age).await?;
    let stored = match (decide(stored.as_ref(), app.now), stored) {
        (Rotation::Rotate, Some(stored)) => stored,
        (Rotation::Reused, Some(stored)) => {
            return Err(revoke_reused(app, &stored.family_id).await?)
        }
        (rotation, _) => return Err(refusal(rotation)),
    };
    // Lost the race to a concurrent refresh with the same token: that is
    // reuse too; or to a logout, which revoked the family.
    if !db::claim_refresh_token(&app.db, &token_hash, app.now).await? {
        let now_stored = db::find_refresh_token(&app.db, &token_hash, max_age).await?;
        if now_stored.is_some_and(|token| token.family_revoked) {
            return Err(refusal(Rotation::Revoked));
        }
        return Err(revoke_reused(app, &stored.family_id).await?);
    }
    let user = db::find_user_by_id(&app.db, &stored.user_id)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_refresh_token("ERR_USER_UNKNOWN", "the account no longer exists")
        })?;
    issue(
        app,
        &user,
        &stored.family_id,
        stored.session_ends_at,
        delivery,
    )
    .await
}

/// Revokes the family of a reused token and says so.
async fn revoke_reused(app: &App, family_id: &str) -> Result<ApiError, ApiError> {
    db::revoke_family(&app.db, family_id, app.now).await?;
    Ok(ApiError::invalid_refresh_token(
        "ERR_REFRESH_TOKEN_REUSED",
        "the refresh token was already used; the session is revoked",
    ))
}

/// The answer for a token that cannot be rotated.
fn refusal(rotation: Rotation) -> ApiError {
    match rotation {
        Rotation::Expired => ApiError::invalid_refresh_token(
            "ERR_REFRESH_TOKEN_EXPIRED",
            "the refresh token has expired",
        ),
        Rotation::SessionExpired => ApiError::session_expired(),
        Rotation::Revoked => {
            ApiError::invalid_refresh_token("ERR_REFRESH_TOKEN_REVOKED", "the session was revoked")
        }
        Rotation::Unknown | Rotation::Rotate | Rotation::Reused => {
            ApiError::invalid_refresh_token("ERR_REFRESH_TOKEN_INVALID", "unknown refresh token")
        }
    }
}
