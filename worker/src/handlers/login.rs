//! `POST /api/login {username, password, mode}`: starts a session.

use crate::accounts::username_problem;
use crate::api_error::ApiError;
use crate::app::App;
use crate::db;
use crate::password::{hash_password, verify_password, PasswordHash};
use crate::random::random_id;
use crate::request_body::{json_object, optional_string, required_string};
use crate::session::{issue, Delivery};
use worker::{Request, Response};

/// 200 with tokens (`mode: "bearer"`, the default) or cookies (`"cookie"`).
/// An unknown user and a wrong password get the same answer after the same
/// work (a dummy hash is checked). Repeated failures lock the name with
/// growing delays: 429 with `Retry-After`.
///
/// # Errors
/// As described, as an [`ApiError`].
pub async fn handle_login(req: &mut Request, app: &App) -> Result<Response, ApiError> {
    let body = json_object(req).await?;
    let username = required_string(&body, "username")?;
    let password = required_string(&body, "password")?;
    let delivery = match optional_string(&body, "mode")? {
        None | Some("bearer") => Delivery::Bearer,
        Some("cookie") => Delivery::Cookie,
        Some(_) => {
            return Err(ApiError::bad_request(
                "\"mode\" must be \"bearer\" or \"cookie\"",
            ))
        }
    };
    let plausible = username_problem(username).is_none();
    if plausible {
        let locked_until = db::locked_until(&app.db, username).await?;
        if locked_until > app.now {
            return Err(ApiError::locked(locked_until - app.now));
        }
    }
    let user = if plausible {
        db::find_user_by_name(&app.db, username).await?
    } else {
        None
    };
    let stored = user
        .as_ref()
        .and_then(|user| PasswordHash::parse(&user.password_hash));
    let candidate = stored.clone().unwrap_or_else(PasswordHash::dummy);
    let matches = verify_password(password, &candidate).await? && stored.is_some();
    let (Some(user), Some(stored), true) = (user, stored, matches) else {
        if plausible {
            db::record_failure(&app.db, username, app.now).await?;
        }
        return Err(ApiError::invalid_credentials());
    };
    db::clear_failures(&app.db, username).await?;
    if stored.needs_rehash() {
        db::set_password_hash(&app.db, &user.id, &hash_password(password).await?.encode()).await?;
    }
    let family_id = random_id()?;
    db::create_family(&app.db, &family_id, &user.id, app.now).await?;
    issue(app, &user, &family_id, delivery).await
}
