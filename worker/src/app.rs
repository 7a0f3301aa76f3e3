//! What every handler works with: configuration, the database and the time.

use crate::config::Config;
use std::rc::Rc;
use worker::D1Database;

/// The request's context.
pub struct App {
    /// The configuration, shared by the requests of an isolate.
    pub config: Rc<Config>,
    /// The D1 database.
    pub db: D1Database,
    /// The current time, read once per request, in seconds.
    pub now: u64,
}

impl App {
    /// The context of a request now.
    ///
    /// # Errors
    /// 500 when the `DB` binding is missing.
    pub fn new(config: Rc<Config>, env: &worker::Env) -> Result<Self, crate::api_error::ApiError> {
        let db = env.d1("DB").map_err(|error| {
            worker::console_error!("the D1 binding DB is missing: {error}");
            crate::api_error::ApiError::internal()
        })?;
        Ok(Self {
            config,
            db,
            now: now_secs(),
        })
    }
}

/// The current time in whole seconds: `Date.now()`, one call into JavaScript
/// (`worker::Date::now()` creates a `Date` object and then reads it).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a whole, positive number of ms below 2^53
fn now_secs() -> u64 {
    js_sys::Date::now() as u64 / 1000
}
