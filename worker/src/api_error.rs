//! Error responses: a status, a JSON body `{error, code, message}` and, for
//! authentication failures, the RFC 6750 `WWW-Authenticate` challenge.

use worker::Response;

/// An API failure, turned into a response at the edge of the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// A short error name (OAuth style, e.g. `invalid_token`).
    pub error: &'static str,
    /// A stable code: the core's (`ERR_JWT_EXPIRED`, …) or the worker's own.
    pub code: String,
    /// A human-readable message.
    pub message: String,
    /// Extra response headers.
    pub headers: Vec<(&'static str, String)>,
}

const REALM: &str = "jwt-edge";

impl ApiError {
    fn new(status: u16, error: &'static str, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            error,
            code: code.into(),
            message: message.into(),
            headers: Vec::new(),
        }
    }

    fn with_header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// 400: the request is malformed.
    #[must_use]
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request", "ERR_BAD_REQUEST", message)
    }

    /// 401 without credentials: a bare challenge (RFC 6750 §3.1).
    #[must_use]
    pub fn missing_token() -> Self {
        Self::new(
            401,
            "unauthorized",
            "ERR_TOKEN_MISSING",
            "no access token was presented",
        )
        .with_header("WWW-Authenticate", format!("Bearer realm=\"{REALM}\""))
    }

    /// 401 for a token that failed: the code tells expiry from forgery.
    #[must_use]
    pub fn invalid_token(code: &str, message: &str) -> Self {
        let description: String = message
            .chars()
            .map(|c| if c == '"' { '\'' } else { c })
            .filter(|c| *c != '\\' && (' '..='~').contains(c))
            .collect();
        Self::new(401, "invalid_token", code, message).with_header(
            "WWW-Authenticate",
            format!("Bearer realm=\"{REALM}\", error=\"invalid_token\", error_description=\"{description}\""),
        )
    }

    /// 401 for a wrong username or password (the same for both).
    #[must_use]
    pub fn invalid_credentials() -> Self {
        Self::new(
            401,
            "invalid_credentials",
            "ERR_INVALID_CREDENTIALS",
            "wrong username or password",
        )
    }

    /// 401 for a refresh token that cannot be used.
    #[must_use]
    pub fn invalid_refresh_token(code: &str, message: &str) -> Self {
        Self::new(401, "invalid_grant", code, message)
    }

    /// 401 for a refresh in a session older than `SESSION_MAX_AGE`.
    #[must_use]
    pub fn session_expired() -> Self {
        Self::new(
            401,
            "session_expired",
            "ERR_SESSION_EXPIRED",
            "the session has reached its maximum age: sign in again",
        )
    }

    /// 401 for a request carrying the refresh cookie twice (one may be planted
    /// by a sibling subdomain), with `Set-Cookie` values that clear ours.
    #[must_use]
    pub fn duplicate_refresh_cookie() -> Self {
        let mut error = Self::new(
            401,
            "invalid_grant",
            "ERR_REFRESH_COOKIE_DUPLICATED",
            "the refresh cookie was sent more than once: sign in again",
        );
        for cookie in crate::cookies::cleared_cookies() {
            error = error.with_header("Set-Cookie", cookie);
        }
        error
    }

    /// 403 for a valid token without the needed role (RFC 6750 §3.1).
    #[must_use]
    pub fn insufficient_scope(role: &str) -> Self {
        Self::new(
            403,
            "insufficient_scope",
            "ERR_INSUFFICIENT_SCOPE",
            format!("the \"{role}\" role is required"),
        )
        .with_header(
            "WWW-Authenticate",
            format!("Bearer realm=\"{REALM}\", error=\"insufficient_scope\", scope=\"{role}\""),
        )
    }

    /// 403 for a state-changing request from a foreign origin.
    #[must_use]
    pub fn foreign_origin() -> Self {
        Self::new(
            403,
            "forbidden",
            "ERR_FOREIGN_ORIGIN",
            "requests from this origin are not allowed",
        )
    }

    /// 404.
    #[must_use]
    pub fn not_found() -> Self {
        Self::new(404, "not_found", "ERR_NOT_FOUND", "no such endpoint")
    }

    /// 405.
    #[must_use]
    pub fn method_not_allowed(allow: &'static str) -> Self {
        Self::new(
            405,
            "method_not_allowed",
            "ERR_METHOD_NOT_ALLOWED",
            "method not allowed",
        )
        .with_header("Allow", allow.into())
    }

    /// 409.
    #[must_use]
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(409, "conflict", "ERR_USERNAME_TAKEN", message)
    }

    /// 413.
    #[must_use]
    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            413,
            "payload_too_large",
            "ERR_PAYLOAD_TOO_LARGE",
            format!("the body must be at most {limit} bytes"),
        )
    }

    /// 429 with `Retry-After`.
    #[must_use]
    pub fn locked(retry_after: u64) -> Self {
        Self::new(
            429,
            "too_many_attempts",
            "ERR_ACCOUNT_LOCKED",
            format!("too many failed logins: try again in {retry_after} s"),
        )
        .with_header("Retry-After", retry_after.to_string())
    }

    /// 429 with `Retry-After`: too many requests from this client address.
    #[must_use]
    pub fn rate_limited(retry_after: u64) -> Self {
        Self::new(
            429,
            "too_many_requests",
            "ERR_RATE_LIMITED",
            format!("too many requests from this address: try again in {retry_after} s"),
        )
        .with_header("Retry-After", retry_after.to_string())
    }

    /// 500, with the detail kept for the log.
    #[must_use]
    pub fn internal() -> Self {
        Self::new(
            500,
            "server_error",
            "ERR_INTERNAL",
            "the server could not handle the request",
        )
    }

    /// The JSON body.
    #[must_use]
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.error, "code": self.code, "message": self.message })
    }

    /// The response.
    ///
    /// # Errors
    /// When the runtime refuses to build the response.
    pub fn into_response(self) -> worker::Result<Response> {
        let mut response = Response::from_json(&self.body())?.with_status(self.status);
        for (name, value) in &self.headers {
            response.headers_mut().append(name, value)?;
        }
        Ok(response)
    }
}

impl From<worker::Error> for ApiError {
    fn from(error: worker::Error) -> Self {
        worker::console_error!("internal error: {error}");
        Self::internal()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_token_challenge_follows_rfc_6750() {
        let error =
            ApiError::invalid_token("ERR_JWT_EXPIRED", "\"exp\" claim timestamp check failed");
        assert_eq!(error.status, 401);
        assert_eq!(
            error.headers,
            [(
                "WWW-Authenticate",
                "Bearer realm=\"jwt-edge\", error=\"invalid_token\", error_description=\"'exp' claim timestamp check failed\""
                    .to_string()
            )]
        );
        assert_eq!(
            error.body(),
            serde_json::json!({
                "error": "invalid_token",
                "code": "ERR_JWT_EXPIRED",
                "message": "\"exp\" claim timestamp check failed"
            })
        );
    }

    #[test]
    fn lockout_says_when_to_retry() {
        let error = ApiError::locked(30);
        assert_eq!(error.status, 429);
        assert_eq!(error.headers, [("Retry-After", "30".to_string())]);
    }
}
