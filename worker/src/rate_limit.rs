//! Per-client-address rate limits on the endpoints that cost a password hash,
//! with the Workers rate-limiting binding (`[[ratelimits]]` in wrangler.toml).

use crate::api_error::ApiError;
use worker::Env;

/// An endpoint's limit: its binding in wrangler.toml, whose `period` is
/// [`PERIOD_SECS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateLimit {
    /// `POST /api/register`.
    Register,
    /// `POST /api/login`.
    Login,
}

/// The `period` of every limit in wrangler.toml, in seconds: what
/// `Retry-After` says (the binding does not tell when its window ends).
pub const PERIOD_SECS: u64 = 60;

impl RateLimit {
    /// The binding's name in wrangler.toml.
    #[must_use]
    pub fn binding(self) -> &'static str {
        match self {
            Self::Register => "REGISTER_RATE_LIMIT",
            Self::Login => "LOGIN_RATE_LIMIT",
        }
    }

    /// Counts a request from the client at `address`.
    ///
    /// # Errors
    /// 429 with `Retry-After` over the limit; 500 (logged) when the binding
    /// is missing or fails: requests are not let through unlimited.
    pub async fn check(self, env: &Env, address: &str) -> Result<(), ApiError> {
        let outcome = async {
            env.rate_limiter(self.binding())?
                .limit(address.to_string())
                .await
        }
        .await
        .map_err(|error| {
            worker::console_error!("rate limit {} failed: {error}", self.binding());
            ApiError::internal()
        })?;
        if outcome.success {
            Ok(())
        } else {
            Err(ApiError::rate_limited(PERIOD_SECS))
        }
    }
}
