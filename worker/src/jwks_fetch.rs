//! Fetching an issuer's JWK Set: one `GET` whose answer must be a direct 200
//! with at most 64 KiB of JSON that the core reads as a JWK Set. Redirects are
//! not followed, other statuses and larger bodies (reading stops at the cap)
//! are refused, and an answer that has not arrived within 5 seconds is given
//! up.

use core::fmt;
use futures_util::StreamExt;
use jwt_edge::KeySet;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest JWK Set body read, in bytes.
pub const MAX_JWKS_BYTES: usize = 64 * 1024;
/// How long a fetch may take, headers and body, in milliseconds.
pub const FETCH_TIMEOUT_MS: u32 = 5_000;

/// A JWK Set as fetched.
pub struct FetchedJwks {
    /// The body, exactly as served (to keep in the Cache API).
    pub body: Vec<u8>,
    /// Its keys, read as a remote set: `oct` keys are never taken.
    pub set: KeySet,
    /// The seconds `Cache-Control` grants (see [`freshness`]).
    pub fresh_for: Option<u64>,
}

/// Why no JWK Set came from the issuer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwksProblem {
    /// No answer within [`FETCH_TIMEOUT_MS`].
    Timeout,
    /// A 3xx answer, which is not followed.
    Redirect(u16),
    /// Any other answer but 200.
    Status(u16),
    /// A body over [`MAX_JWKS_BYTES`].
    TooLarge,
    /// A body that is not a JWK Set (the core's reason).
    NotAJwkSet(String),
    /// The fetch failed (the runtime's reason).
    Unreachable(String),
}

impl JwksProblem {
    /// The error code the API answers with (jose's codes).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Timeout => "ERR_JWKS_TIMEOUT",
            _ => "ERR_JWKS_INVALID",
        }
    }
}

impl fmt::Display for JwksProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout => write!(f, "no answer within {FETCH_TIMEOUT_MS} ms"),
            Self::Redirect(status) => write!(f, "it answered {status}: redirects are not followed"),
            Self::Status(status) => write!(f, "it answered {status}, not 200"),
            Self::TooLarge => write!(f, "the body is larger than {MAX_JWKS_BYTES} bytes"),
            Self::NotAJwkSet(reason) => write!(f, "the body is not a JWK Set: {reason}"),
            Self::Unreachable(reason) => write!(f, "it could not be fetched: {reason}"),
        }
    }
}

/// Fetches the JWK Set at `url`.
///
/// # Errors
/// A [`JwksProblem`] for each way the fetch can fail.
pub async fn fetch_jwks(url: &str) -> Result<FetchedJwks, JwksProblem> {
    let signal = web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS);
    let failed = |error: wasm_bindgen::JsValue| {
        if signal.aborted() {
            JwksProblem::Timeout
        } else {
            JwksProblem::Unreachable(js_message(&error))
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_signal(Some(&signal));
    let headers = web_sys::Headers::new().map_err(failed)?;
    headers
        .set("Accept", "application/jwk-set+json, application/json")
        .map_err(failed)?;
    init.set_headers(&headers);
    let global: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = JsFuture::from(global.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = answer.dyn_into().map_err(failed)?;
    let status = response.status();
    if status != 200 {
        return Err(if (300..400).contains(&status) {
            JwksProblem::Redirect(status)
        } else {
            JwksProblem::Status(status)
        });
    }
    let response_headers = response.headers();
    let header = |name: &str| response_headers.get(name).ok().flatten();
    let fresh_for = freshness(header("Cache-Control").as_deref(), header("Age").as_deref());
    if header("Content-Length")
        .and_then(|length| length.trim().parse::<usize>().ok())
        .is_some_and(|length| length > MAX_JWKS_BYTES)
    {
        return Err(JwksProblem::TooLarge);
    }
    let mut body = Vec::new();
    let mut response = worker::Response::from(response);
    // A response without a body has no stream.
    if let Ok(mut stream) = response.stream() {
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|error| match error {
                _ if signal.aborted() => JwksProblem::Timeout,
                error => JwksProblem::Unreachable(error.to_string()),
            })?;
            if body.len() + chunk.len() > MAX_JWKS_BYTES {
                // Dropping the stream cancels it: the rest is never read.
                return Err(JwksProblem::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
    }
    let set = KeySet::from_remote_json(&body)
        .map_err(|error| JwksProblem::NotAJwkSet(error.message()))?;
    Ok(FetchedJwks {
        body,
        set,
        fresh_for,
    })
}

/// How many seconds `Cache-Control` says an answer stays fresh: its `max-age`
/// less the `Age` it already spent in a cache, 0 for `no-store` and
/// `no-cache`; `None` when it does not say.
#[must_use]
pub fn freshness(cache_control: Option<&str>, age: Option<&str>) -> Option<u64> {
    let mut max_age = None;
    for directive in cache_control?.split(',') {
        let (name, value) = directive
            .split_once('=')
            .map_or((directive, None), |(name, value)| (name, Some(value)));
        let name = name.trim();
        if name.eq_ignore_ascii_case("no-store") || name.eq_ignore_ascii_case("no-cache") {
            return Some(0);
        }
        if name.eq_ignore_ascii_case("max-age") {
            let value = value.map(|value| value.trim().trim_matches('"'));
            max_age = value.and_then(|value| {
                (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| value.parse::<u64>().unwrap_or(u64::MAX))
            });
        }
    }
    let age = age
        .and_then(|age| age.trim().parse::<u64>().ok())
        .unwrap_or(0);
    max_age.map(|max_age| max_age.saturating_sub(age))
}

/// The message of a JavaScript error, or its text.
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control_grants_max_age_less_age_and_nothing_for_no_store() {
        assert_eq!(freshness(Some("public, max-age=300"), None), Some(300));
        assert_eq!(freshness(Some("Max-Age=\"60\""), None), Some(60));
        assert_eq!(freshness(Some("max-age=300"), Some("100")), Some(200));
        assert_eq!(freshness(Some("max-age=300"), Some("400")), Some(0));
        assert_eq!(freshness(Some("max-age=300, no-cache"), None), Some(0));
        assert_eq!(freshness(Some("no-store"), None), Some(0));
        assert_eq!(freshness(Some("public"), None), None);
        assert_eq!(freshness(Some("max-age=-1"), None), None);
        assert_eq!(freshness(Some("max-age="), None), None);
        assert_eq!(freshness(Some("s-maxage=60"), None), None);
        assert_eq!(freshness(None, Some("10")), None);
        assert_eq!(
            freshness(Some("max-age=99999999999999999999999"), None),
            Some(u64::MAX)
        );
    }
}
