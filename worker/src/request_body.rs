//! Reading JSON request bodies: bounded in size, objects only.

use crate::api_error::ApiError;
use futures_util::StreamExt;
use serde_json::{Map, Value};
use worker::Request;

/// The largest body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 8 * 1024;

/// The body as a JSON object (an empty body is an empty object).
///
/// A declared `Content-Length` over the limit is refused before anything is
/// read; a body without one (chunked) is read chunk by chunk and refused as
/// soon as the running total passes the limit: the rest is never read (the
/// stream is cancelled), so no body takes more than the limit and one chunk.
///
/// # Errors
/// 413 over [`MAX_BODY_BYTES`], 400 for anything but a JSON object.
pub async fn json_object(req: &mut Request) -> Result<Map<String, Value>, ApiError> {
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|length| length.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(ApiError::payload_too_large(MAX_BODY_BYTES));
    }
    let mut bytes = Vec::new();
    // A request without a body has no stream.
    if let Ok(mut stream) = req.stream() {
        while let Some(chunk) = stream.next().await {
            let chunk = chunk?;
            if bytes.len() + chunk.len() > MAX_BODY_BYTES {
                // Dropping the stream cancels it.
                return Err(ApiError::payload_too_large(MAX_BODY_BYTES));
            }
            bytes.extend_from_slice(&chunk);
        }
    }
    parse_object(&bytes)
}

/// Parses a body already read.
///
/// # Errors
/// As [`json_object`].
pub fn parse_object(bytes: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::payload_too_large(MAX_BODY_BYTES));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(ApiError::bad_request("the body must be a JSON object")),
        Err(_) => Err(ApiError::bad_request("the body is not valid JSON")),
    }
}

/// An optional string member.
///
/// # Errors
/// 400 when the member is present but not a string.
pub fn optional_string<'a>(
    body: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, ApiError> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(ApiError::bad_request(format!(
            "\"{name}\" must be a string"
        ))),
    }
}

/// A required string member.
///
/// # Errors
/// 400 when the member is missing or not a string.
pub fn required_string<'a>(body: &'a Map<String, Value>, name: &str) -> Result<&'a str, ApiError> {
    optional_string(body, name)?
        .ok_or_else(|| ApiError::bad_request(format!("\"{name}\" is required")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_must_be_small_json_objects() {
        assert_eq!(parse_object(b"").map(|m| m.len()), Ok(0));
        assert_eq!(parse_object(br#"{"a":"b"}"#).map(|m| m.len()), Ok(1));
        assert_eq!(parse_object(b"[1]").map_err(|e| e.status), Err(400));
        assert_eq!(parse_object(b"{\"a\":").map_err(|e| e.status), Err(400));
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        assert_eq!(parse_object(&big).map_err(|e| e.status), Err(413));
    }

    #[test]
    fn string_members_are_type_checked() {
        let body = parse_object(br#"{"name":"x","n":1}"#).expect("object");
        assert_eq!(required_string(&body, "name"), Ok("x"));
        assert_eq!(required_string(&body, "n").map_err(|e| e.status), Err(400));
        assert_eq!(
            required_string(&body, "missing").map_err(|e| e.status),
            Err(400)
        );
        assert_eq!(optional_string(&body, "missing"), Ok(None));
    }
}
