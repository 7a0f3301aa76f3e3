//! `POST /api/register {username, password}`: creates a `user` account.

use crate::accounts::{password_problem, username_problem};
use crate::api_error::ApiError;
use crate::app::App;
use crate::db::{self, UserRow};
use crate::password::hash_password;
use crate::random::random_id;
use crate::request_body::{json_object, required_string};
use worker::{Request, Response};

/// 201 `{id, username}`; 400 with the reason for a bad name or password; 409
/// when the name is taken.
///
/// # Errors
/// As described, as an [`ApiError`].
pub async fn handle_register(req: &mut Request, app: &App) -> Result<Response, ApiError> {
    let body = json_object(req).await?;
    let username = required_string(&body, "username")?;
    let password = required_string(&body, "password")?;
    if let Some(problem) = username_problem(username).or_else(|| password_problem(password)) {
        return Err(ApiError::bad_request(problem));
    }
    if db::find_user_by_name(&app.db, username).await?.is_some() {
        return Err(ApiError::conflict("that username is taken"));
    }
    let user = UserRow {
        id: random_id()?,
        username: username.to_string(),
        password_hash: hash_password(password).await?.encode(),
        roles: "user".into(),
    };
    if !db::insert_user(&app.db, &user, app.now).await? {
        return Err(ApiError::conflict("that username is taken"));
    }
    Ok(
        Response::from_json(&serde_json::json!({ "id": user.id, "username": user.username }))?
            .with_status(201),
    )
}
