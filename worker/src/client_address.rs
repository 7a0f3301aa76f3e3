//! The client's address, for throttles and rate limits.

use worker::Headers;

/// `CF-Connecting-IP`, which Cloudflare's edge sets on every request (and
/// overwrites when a client sends its own), or `unknown` without it (only
/// outside Cloudflare, e.g. under `wrangler dev`).
///
/// # Errors
/// When the runtime cannot read the headers.
pub fn client_address(headers: &Headers) -> worker::Result<String> {
    Ok(headers
        .get("CF-Connecting-IP")?
        .map(|address| address.trim().to_string())
        .filter(|address| !address.is_empty())
        .unwrap_or_else(|| "unknown".into()))
}
