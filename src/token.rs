//! The compact serialization and tokens read without verification.

use crate::claims::{CheckedClaims, Claims};
use crate::header::{Header, HeaderView};
use crate::json::MemberList;
use crate::json::ParseError;
#[cfg(all(feature = "js-verify", not(verifies_in_place)))]
use crate::json::RawMembers;
use crate::validation::DEFAULT_MAX_TOKEN_LENGTH;
use crate::{base64url, Error, NumericDate};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
pub(crate) mod in_place;

#[cfg(any(not(feature = "js-verify"), verifies_in_place))]
use in_place::read_in_place;

/// The compact form's reasons, shared by [`CompactParts`] and the reader in
/// place (`token/in_place.rs`).
pub(crate) mod reasons {
    pub(crate) const TOO_LONG: &str = "token is longer than the configured maximum";
    pub(crate) const THREE_SEGMENTS: &str = "a compact JWS has exactly three segments";
    pub(crate) const EMPTY_SEGMENT: &str = "the header and payload segments must not be empty";
    pub(crate) const HEADER_BASE64: &str = "the header is not base64url";
    pub(crate) const PAYLOAD_BASE64: &str = "the payload is not base64url";
    pub(crate) const SIGNATURE_BASE64: &str = "the signature is not base64url";
}

/// The three segments of a compact JWS, still encoded.
pub(crate) struct CompactParts<'a> {
    pub header: &'a str,
    pub payload: &'a str,
    pub signature: &'a str,
    /// `header "." payload`: the bytes the signature covers.
    pub signing_input: &'a str,
}

impl<'a> CompactParts<'a> {
    /// Splits `token` into its segments. The length cap is applied first, so an
    /// oversized token costs one comparison.
    pub fn split(token: &'a str, max_length: usize) -> Result<Self, Error> {
        if token.len() > max_length {
            return Err(Error::malformed(reasons::TOO_LONG));
        }
        let three_segments = || Error::malformed(reasons::THREE_SEGMENTS);
        let (header, rest) = token.split_once('.').ok_or_else(three_segments)?;
        let (payload, signature) = rest.split_once('.').ok_or_else(three_segments)?;
        if signature.contains('.') {
            return Err(three_segments());
        }
        if header.is_empty() || payload.is_empty() {
            return Err(Error::malformed(reasons::EMPTY_SEGMENT));
        }
        // The signing input ends at the second dot.
        let signing_input = token
            .get(..header.len() + 1 + payload.len())
            .ok_or_else(three_segments)?;
        Ok(Self {
            header,
            payload,
            signature,
            signing_input,
        })
    }

    /// Decodes the header's JSON text.
    pub fn decode_header_json(&self) -> Result<Vec<u8>, Error> {
        base64url::decode(self.header).ok_or(Error::malformed(reasons::HEADER_BASE64))
    }

    /// Decodes the header's JSON text onto the end of `out`; returns where it is.
    #[cfg(all(feature = "js-verify", not(verifies_in_place)))]
    fn decode_header_json_onto(&self, out: &mut Vec<u8>) -> Result<Range<usize>, Error> {
        base64url::decode_onto(self.header, out).ok_or(Error::malformed(reasons::HEADER_BASE64))
    }

    /// Decodes the payload bytes onto the end of `out`; returns where they are.
    #[cfg(all(feature = "js-verify", not(verifies_in_place)))]
    fn decode_payload_onto(&self, out: &mut Vec<u8>) -> Result<Range<usize>, Error> {
        base64url::decode_onto(self.payload, out).ok_or(Error::malformed(reasons::PAYLOAD_BASE64))
    }

    /// Decodes the header's JSON text into `buffer` if it fits there.
    pub fn decode_header_json_in<'b>(&self, buffer: &'b mut [u8]) -> Result<Cow<'b, [u8]>, Error> {
        base64url::decode_in(self.header, buffer).ok_or(Error::malformed(reasons::HEADER_BASE64))
    }

    /// Decodes the payload bytes into `buffer` if they fit there.
    pub fn decode_payload_in<'b>(&self, buffer: &'b mut [u8]) -> Result<Cow<'b, [u8]>, Error> {
        base64url::decode_in(self.payload, buffer).ok_or(Error::malformed(reasons::PAYLOAD_BASE64))
    }

    /// Decodes the signature bytes into `buffer` if they fit there.
    pub fn decode_signature_in<'b>(&self, buffer: &'b mut [u8]) -> Result<Cow<'b, [u8]>, Error> {
        base64url::decode_in(self.signature, buffer)
            .ok_or(Error::malformed(reasons::SIGNATURE_BASE64))
    }
}

/// A payload's JSON error as the crate's error.
pub(crate) fn payload_error(error: ParseError) -> Error {
    match error {
        ParseError::NotAnObject => Error::invalid_claims("the payload is not a JSON object"),
        other => Error::invalid_claims(other.describe()),
    }
}

/// A token read **without** checking its signature.
///
/// # Security
/// Nothing in an unverified token can be trusted: anyone can write any header
/// and claims. Use it to show a token or schedule a refresh, never to decide
/// access; for that, use [`verify`](crate::verify).
#[derive(Debug, Clone, PartialEq)]
pub struct UnverifiedToken {
    /// The header.
    pub header: Header,
    /// The claims.
    pub claims: Claims,
}

impl UnverifiedToken {
    /// When the token expires (`exp`), if it says.
    #[must_use]
    pub fn expires_at(&self) -> Option<&NumericDate> {
        self.claims.expires_at.as_ref()
    }

    /// Whole seconds from `now` until `exp`, negative once expired; `None`
    /// without `exp`.
    #[must_use]
    pub fn seconds_until_expiry(&self, now: u64) -> Option<i64> {
        let exp = self.expires_at()?.as_secs();
        // Both are at most 2^53 (exp) and u64 (now); saturate rather than wrap.
        let exp = i64::try_from(exp).unwrap_or(i64::MAX);
        let now = i64::try_from(now).unwrap_or(i64::MAX);
        Some(exp.saturating_sub(now))
    }

    /// Whether `now >= exp + leeway`, the same rule as [`verify`](crate::verify).
    /// A token without `exp` never expires.
    #[must_use]
    pub fn is_expired(&self, now: u64, leeway: u64) -> bool {
        #[allow(clippy::cast_precision_loss)] // times are at most 2^53
        self.expires_at()
            .is_some_and(|exp| now as f64 >= exp.as_secs_f64() + leeway as f64)
    }
}

/// Reads a token's header and claims **without verifying it**.
///
/// The token must still be well-formed: the same compact-form, JSON and header
/// rules as [`verify`](crate::verify) apply, and tokens over 16 KiB are refused.
///
/// ```
/// let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
/// let unverified = jwt_edge::decode_unverified(token)?;
/// assert_eq!(unverified.claims.subject.as_deref(), Some("1234567890"));
/// assert_eq!(unverified.expires_at(), None);
/// # Ok::<(), jwt_edge::Error>(())
/// ```
///
/// # Errors
/// [`Error::MalformedToken`] for a malformed token or header,
/// [`Error::InvalidClaims`] for a payload that is not a valid claims set,
/// [`Error::NotSupported`] for `crit` or `b64: false`.
///
/// # Security
/// See [`UnverifiedToken`]: nothing read here is authenticated.
pub fn decode_unverified(token: &str) -> Result<UnverifiedToken, Error> {
    // The length first: a token over the cap is refused uncopied.
    CompactParts::split(token, DEFAULT_MAX_TOKEN_LENGTH)?;
    let decoded = decode_checked(token.into())?;
    // Read again to be kept: the texts passed every rule, so this cannot fail.
    let header_json = decoded.header_json();
    let header = HeaderView::read(header_json)?.into_header(header_json)?;
    let claims =
        CheckedClaims::<MemberList>::read(decoded.payload_json(), payload_error)?.into_claims();
    Ok(UnverifiedToken { header, claims })
}

/// A token read without verifying it: its header and payload JSON texts,
/// which passed every rule a token must pass to be read (the same as
/// [`verify`](crate::verify) applies before the signature), in one buffer,
/// and its `exp`.
pub(crate) struct Decoded {
    /// The header's and the payload's texts.
    json: Vec<u8>,
    header: Range<usize>,
    payload: Range<usize>,
    #[cfg_attr(not(feature = "js-decode"), allow(dead_code))] // the JavaScript expiry helpers
    pub expires_at: Option<f64>,
}

impl Decoded {
    /// The header's JSON text.
    pub fn header_json(&self) -> &[u8] {
        self.json.get(self.header.clone()).unwrap_or_default()
    }

    /// The payload's JSON text.
    pub fn payload_json(&self) -> &[u8] {
        self.json.get(self.payload.clone()).unwrap_or_default()
    }
}

/// Reads a token without verifying it, by the parser where the build has
/// the verifier (which carries the parser): both texts decoded into one
/// buffer, so a read costs one allocation.
#[cfg(all(feature = "js-verify", not(verifies_in_place)))]
#[allow(clippy::needless_pass_by_value)] // one signature with the reader in place, which takes the buffer
pub(crate) fn decode_checked(token: String) -> Result<Decoded, Error> {
    let parts = CompactParts::split(&token, DEFAULT_MAX_TOKEN_LENGTH)?;
    // At most the decoded lengths: a segment of n characters holds 3n/4 bytes.
    let mut json = Vec::with_capacity((parts.header.len() + parts.payload.len()) / 4 * 3 + 4);
    let header = parts.decode_header_json_onto(&mut json)?;
    HeaderView::read(json.get(header.clone()).unwrap_or_default())?;
    let payload = parts.decode_payload_onto(&mut json)?;
    parts.decode_signature_in(&mut [0; 64])?;
    let claims = CheckedClaims::<RawMembers<'_>>::read(
        json.get(payload.clone()).unwrap_or_default(),
        payload_error,
    )?;
    let expires_at = claims.registered.expires_at.map(|exp| exp.secs);
    Ok(Decoded {
        json,
        header,
        payload,
        expires_at,
    })
}

/// Reads a token without verifying it, by the checker, in the token's own
/// buffer, where the build has no verifier (`jwt-edge/decode`, whose download
/// the parser would double; native builds).
#[cfg(any(not(feature = "js-verify"), verifies_in_place))]
pub(crate) fn decode_checked(token: String) -> Result<Decoded, Error> {
    let mut json = token.into_bytes();
    let read = read_in_place(&mut json)?;
    Ok(Decoded {
        json,
        header: read.header,
        payload: read.payload,
        expires_at: read.expires_at,
    })
}
