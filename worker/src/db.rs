//! Every query the worker makes, against the D1 database bound as `DB`.

use crate::lockout::LockPolicy;
use crate::refresh_token::StoredRefreshToken;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1Result};

/// An account.
#[derive(Debug, Clone, Deserialize)]
pub struct UserRow {
    /// Random id, the `sub` of its tokens.
    pub id: String,
    /// Unique, case-insensitively.
    pub username: String,
    /// A `PasswordHash` in its stored form.
    pub password_hash: String,
    /// Comma-separated role names.
    pub roles: String,
}

impl UserRow {
    /// The role names.
    #[must_use]
    pub fn role_list(&self) -> Vec<String> {
        self.roles
            .split(',')
            .map(str::trim)
            .filter(|role| !role.is_empty())
            .map(String::from)
            .collect()
    }
}

#[allow(clippy::cast_precision_loss)] // times are far below 2^53
fn number(value: u64) -> JsValue {
    JsValue::from(value as f64)
}

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

fn changes(result: &D1Result) -> worker::Result<usize> {
    Ok(result.meta()?.and_then(|meta| meta.changes).unwrap_or(0))
}

/// The account named `username` (case-insensitive).
pub async fn find_user_by_name(db: &D1Database, username: &str) -> worker::Result<Option<UserRow>> {
    db.prepare("SELECT id, username, password_hash, roles FROM users WHERE username = ?1")
        .bind(&[text(username)])?
        .first(None)
        .await
}

/// The account with id `id`.
pub async fn find_user_by_id(db: &D1Database, id: &str) -> worker::Result<Option<UserRow>> {
    db.prepare("SELECT id, username, password_hash, roles FROM users WHERE id = ?1")
        .bind(&[text(id)])?
        .first(None)
        .await
}

/// Creates an account; `false` when the name is taken.
pub async fn insert_user(db: &D1Database, user: &UserRow, now: u64) -> worker::Result<bool> {
    let result = db
        .prepare(
            "INSERT INTO users (id, username, password_hash, roles, created_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT(username) DO NOTHING",
        )
        .bind(&[text(&user.id), text(&user.username), text(&user.password_hash), text(&user.roles), number(now)])?
        .run()
        .await?;
    Ok(changes(&result)? == 1)
}

/// Replaces an account's password hash (after a parameter change).
pub async fn set_password_hash(
    db: &D1Database,
    user_id: &str,
    password_hash: &str,
) -> worker::Result<()> {
    db.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1")
        .bind(&[text(user_id), text(password_hash)])?
        .run()
        .await?;
    Ok(())
}

#[derive(Deserialize)]
struct LockRow {
    locked_until: u64,
}

/// A row the counting statement returned (a typed row, not a JSON value: it
/// keeps serde's generic deserializer out of the module).
#[derive(Deserialize)]
struct Counted {
    #[serde(rename = "failures")]
    _failures: u32,
}

/// Counts a login attempt under `key` before its password is checked, in one
/// statement, so that concurrent attempts are counted one by one: `None` when
/// the key is not locked (the attempt may go ahead; the attempt that reaches
/// the policy's free failures locks the key in advance), or until when it is
/// locked (the attempt is refused and not counted).
pub async fn count_login_attempt(
    db: &D1Database,
    key: &str,
    policy: &LockPolicy,
    now: u64,
) -> worker::Result<Option<u64>> {
    // The lock after the n-th failure: first_lock_secs doubled (n - free)
    // times, at most max_lock_secs. A DO UPDATE whose WHERE fails changes and
    // returns no row: the key is locked.
    let counted: Option<Counted> = db
        .prepare(
            "INSERT INTO login_attempts (key, failures, locked_until) VALUES (?1, 1, 0) \
             ON CONFLICT(key) DO UPDATE SET failures = failures + 1, \
             locked_until = CASE WHEN failures + 1 >= ?3 \
               THEN ?2 + min(?4 << min(failures + 1 - ?3, 16), ?5) ELSE 0 END \
             WHERE locked_until <= ?2 RETURNING failures",
        )
        .bind(&[
            text(key),
            number(now),
            number(u64::from(policy.free_failures)),
            number(policy.first_lock_secs),
            number(policy.max_lock_secs),
        ])?
        .first(None)
        .await?;
    if counted.is_some() {
        return Ok(None);
    }
    let lock: Option<LockRow> = db
        .prepare("SELECT locked_until FROM login_attempts WHERE key = ?1")
        .bind(&[text(key)])?
        .first(None)
        .await?;
    Ok(Some(lock.map_or(now, |row| row.locked_until)))
}

/// Forgets the attempts counted under `keys` after a successful login.
pub async fn clear_login_attempts(db: &D1Database, keys: &[&str]) -> worker::Result<()> {
    let statements = keys
        .iter()
        .map(|key| {
            db.prepare("DELETE FROM login_attempts WHERE key = ?1")
                .bind(&[text(key)])
        })
        .collect::<worker::Result<Vec<_>>>()?;
    db.batch(statements).await?;
    Ok(())
}

/// Starts a refresh family (one per login).
pub async fn create_family(
    db: &D1Database,
    family_id: &str,
    user_id: &str,
    now: u64,
) -> worker::Result<()> {
    db.prepare("INSERT INTO refresh_families (id, user_id, created_at) VALUES (?1, ?2, ?3)")
        .bind(&[text(family_id), text(user_id), number(now)])?
        .run()
        .await?;
    Ok(())
}

/// Stores a new refresh token (by its hash) in a family.
pub async fn insert_refresh_token(
    db: &D1Database,
    token_hash: &str,
    family_id: &str,
    user_id: &str,
    expires_at: u64,
) -> worker::Result<()> {
    db.prepare("INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(&[text(token_hash), text(family_id), text(user_id), number(expires_at)])?
        .run()
        .await?;
    Ok(())
}

#[derive(Deserialize)]
struct RefreshRow {
    family_id: String,
    user_id: String,
    expires_at: u64,
    used_at: Option<u64>,
    revoked_at: Option<u64>,
    session_started_at: u64,
}

/// What is known about the refresh token with this hash, whose sessions last
/// `session_max_age` seconds.
pub async fn find_refresh_token(
    db: &D1Database,
    token_hash: &str,
    session_max_age: u64,
) -> worker::Result<Option<StoredRefreshToken>> {
    let row: Option<RefreshRow> = db
        .prepare(
            "SELECT t.family_id, t.user_id, t.expires_at, t.used_at, f.revoked_at, \
             f.created_at AS session_started_at \
             FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?1",
        )
        .bind(&[text(token_hash)])?
        .first(None)
        .await?;
    Ok(row.map(|row| StoredRefreshToken {
        family_id: row.family_id,
        user_id: row.user_id,
        expires_at: row.expires_at,
        used: row.used_at.is_some(),
        family_revoked: row.revoked_at.is_some(),
        session_ends_at: row.session_started_at.saturating_add(session_max_age),
    }))
}

/// Marks a refresh token used, atomically: of concurrent callers with the same
/// token at most one gets `true`, and none once its family is revoked (a
/// refresh that races a logout loses).
pub async fn claim_refresh_token(
    db: &D1Database,
    token_hash: &str,
    now: u64,
) -> worker::Result<bool> {
    let result = db
        .prepare(
            "UPDATE refresh_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM refresh_families f \
               WHERE f.id = refresh_tokens.family_id AND f.revoked_at IS NOT NULL)",
        )
        .bind(&[text(token_hash), number(now)])?
        .run()
        .await?;
    Ok(changes(&result)? == 1)
}

/// Revokes every refresh token of a family.
pub async fn revoke_family(db: &D1Database, family_id: &str, now: u64) -> worker::Result<()> {
    db.prepare("UPDATE refresh_families SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")
        .bind(&[text(family_id), number(now)])?
        .run()
        .await?;
    Ok(())
}

/// Revokes every session (refresh family) of an account.
pub async fn revoke_user_families(db: &D1Database, user_id: &str, now: u64) -> worker::Result<()> {
    db.prepare(
        "UPDATE refresh_families SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
    )
    .bind(&[text(user_id), number(now)])?
    .run()
    .await?;
    Ok(())
}

/// Puts an access token on the deny list until it expires, and prunes the
/// entries (and refresh tokens) that have expired since.
pub async fn deny_access_token(
    db: &D1Database,
    jti: &str,
    expires_at: u64,
    now: u64,
) -> worker::Result<()> {
    db.batch(vec![
        db.prepare("INSERT OR IGNORE INTO denied_access_tokens (jti, expires_at) VALUES (?1, ?2)")
            .bind(&[text(jti), number(expires_at)])?,
        db.prepare("DELETE FROM denied_access_tokens WHERE expires_at <= ?1")
            .bind(&[number(now)])?,
        db.prepare("DELETE FROM refresh_tokens WHERE expires_at <= ?1")
            .bind(&[number(now)])?,
    ])
    .await?;
    Ok(())
}

#[derive(Deserialize)]
struct UsernameAndDenial {
    username: String,
    denied: u32,
}

/// The username of the account `user_id`, and whether an access token with
/// id `jti` from the session (refresh family) `family_id` is revoked: its
/// `jti` on the deny list, or its session revoked or gone. One round trip
/// (this runs on every authenticated request, so it reads only what it needs:
/// no password hash).
pub async fn find_username_and_denial(
    db: &D1Database,
    user_id: &str,
    jti: &str,
    family_id: &str,
) -> worker::Result<Option<(String, bool)>> {
    let row: Option<UsernameAndDenial> = db
        .prepare(
            "SELECT username, \
             EXISTS (SELECT 1 FROM denied_access_tokens WHERE jti = ?2) \
             OR NOT EXISTS (SELECT 1 FROM refresh_families \
               WHERE id = ?3 AND user_id = ?1 AND revoked_at IS NULL) AS denied \
             FROM users WHERE id = ?1",
        )
        .bind(&[text(user_id), text(jti), text(family_id)])?
        .first(None)
        .await?;
    Ok(row.map(|row| (row.username, row.denied != 0)))
}
