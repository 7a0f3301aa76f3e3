//! `POST /api/login {username, password, mode}`: starts a session.

use crate::accounts::username_problem;
use crate::api_error::ApiError;
use crate::app::App;
use crate::client_address::client_address;
use crate::db;
use crate::lockout::{client_key, name_key, PER_CLIENT, PER_NAME};
use crate::password::{hash_password, verify_password, PasswordHash};
use crate::random::random_id;
use crate::request_body::{json_object, optional_string, required_string};
use crate::session::{issue, Delivery};
use worker::{Request, Response};

/// 200 with tokens (`mode: "bearer"`, the default) or cookies (`"cookie"`).
/// An unknown user and a wrong password get the same answer after the same
/// work (a dummy hash is checked). Every attempt is counted before the
/// password is checked, per name and client address and per name (see
/// [`crate::lockout`]); too many lock the name with growing delays: 429 with
/// `Retry-After`, even for the right password.
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
    let keys = if plausible {
        let address = client_address(req.headers())?;
        let keys = [client_key(username, &address), name_key(username)];
        // The client's own limit first: attempts it refuses never count
        // against the name, so one client cannot lock the name for everyone.
        for (key, policy) in keys.iter().zip([&PER_CLIENT, &PER_NAME]) {
            if let Some(locked_until) =
                db::count_login_attempt(&app.db, key, policy, app.now).await?
            {
                return Err(ApiError::locked(
                    locked_until.saturating_sub(app.now).max(1),
                ));
            }
        }
        Some(keys)
    } else {
        None
    };
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
    // A failure was counted before the check.
    let (Some(user), Some(stored), true) = (user, stored, matches) else {
        return Err(ApiError::invalid_credentials());
    };
    if let Some([client, name]) = &keys {
        db::clear_login_attempts(&app.db, &[client, name]).await?;
    }
    if stored.needs_rehash() {
        db::set_password_hash(&app.db, &user.id, &hash_password(password).await?.encode()).await?;
    }
    let family_id = random_id()?;
    db::create_family(&app.db, &family_id, &user.id, app.now).await?;
    let session_ends_at = app.now.saturating_add(app.config.session_max_age);
    issue(app, &user, &family_id, session_ends_at, delivery).await
}
