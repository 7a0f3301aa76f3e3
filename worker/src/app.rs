//! What every handler works with: configuration, the database and the time.

use crate::config::Config;
use worker::D1Database;

/// The request's context.
pub struct App {
    /// The configuration.
    pub config: Config,
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
    pub fn new(config: Config, env: &worker::Env) -> Result<Self, crate::api_error::ApiError> {
        let db = env.d1("DB").map_err(|error| {
            worker::console_error!("the D1 binding DB is missing: {error}");
            crate::api_error::ApiError::internal()
        })?;
        Ok(Self {
            config,
            db,
            now: worker::Date::now().as_millis() / 1000,
        })
    }
}
