//! A token read without verifying it, in its own buffer: its segments decoded
//! where they were, its header and payload checked against every rule a token
//! must pass to be read (the same as [`verify`](crate::verify) applies before
//! the signature), nothing built and nothing allocated. `decode` and the
//! expiry helpers read tokens this way; JavaScript's `JSON.parse` then builds
//! what `decode` returns.
//!
//! Its rules are those of `HeaderView` and `RegisteredClaims`, over the
//! checker's kinds (`json/checker.rs`) in place of parsed values; the tests
//! hold the two to the same texts, `exp` and error for every token. Builds
//! with a parser for other reasons (signing, JWKs) read with it; this is for
//! the builds without one (`jwt-edge/decode`, and `jwt-edge/verify` in
//! browsers, which verifies in place: `verify/in_place.rs`) and native builds.
//! Measured on `jwt-edge/decode` as a browser fetches it (entry and `.wasm`,
//! gzipped): 18,457 bytes read by the parser, about 12.5 KB read in place (no
//! parser, no allocation but the token's own).

use super::reasons;
use crate::base64url::decode_within;
use crate::claims::{reasons as claim, NumericDateRef, REGISTERED};
use crate::header::{reasons as header, KNOWN};
use crate::json::{check_object, Kind, Member, Name};
use crate::validation::DEFAULT_MAX_TOKEN_LENGTH;
use crate::Error;
use alloc::borrow::Cow;
use core::ops::Range;

#[cfg(test)]
mod tests;

/// Where a token read in place left its header's and payload's JSON texts in
/// its buffer, and its `exp`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadInPlace {
    pub header: Range<usize>,
    pub payload: Range<usize>,
    pub expires_at: Option<f64>,
}

/// Reads the compact token in `token` without verifying it, decoding its
/// segments over their own text: the header's JSON from the start, the
/// payload's right after it. On an error the buffer holds nothing useful.
pub(crate) fn read_in_place(token: &mut [u8]) -> Result<ReadInPlace, Error> {
    let (first, second) = dots(token, DEFAULT_MAX_TOKEN_LENGTH)?;
    let header_len =
        decode_within(token, 0..first, 0).ok_or(Error::malformed(reasons::HEADER_BASE64))?;
    check_header(
        token.get(..header_len).unwrap_or_default(),
        &mut [None; KNOWN.len()],
    )?;
    let payload_len = decode_within(token, first + 1..second, header_len)
        .ok_or(Error::malformed(reasons::PAYLOAD_BASE64))?;
    let end = token.len();
    decode_within(token, second + 1..end, second + 1)
        .ok_or(Error::malformed(reasons::SIGNATURE_BASE64))?;
    let payload = header_len..header_len + payload_len;
    let json = token.get(payload.clone()).unwrap_or_default();
    let mut claims = [None; REGISTERED.len()];
    check_claims(json, &mut claims)?;
    let [_, _, _, exp, ..] = claims;
    let expires_at = date(json, exp)?.map(|date| date.secs);
    Ok(ReadInPlace {
        header: 0..header_len,
        payload,
        expires_at,
    })
}

/// The places of a compact token's two dots, its length capped at
/// `max_length` first, with the errors of `CompactParts::split`.
pub(crate) fn dots(token: &[u8], max_length: usize) -> Result<(usize, usize), Error> {
    if token.len() > max_length {
        return Err(Error::malformed(reasons::TOO_LONG));
    }
    let three_segments = || Error::malformed(reasons::THREE_SEGMENTS);
    let dot = |from: usize| {
        let rest = token.get(from..).unwrap_or_default();
        rest.iter()
            .position(|&byte| byte == b'.')
            .map(|at| from + at)
    };
    let first = dot(0).ok_or_else(three_segments)?;
    let second = dot(first + 1).ok_or_else(three_segments)?;
    if dot(second + 1).is_some() {
        return Err(three_segments());
    }
    if first == 0 || second == first + 1 {
        return Err(Error::malformed(reasons::EMPTY_SEGMENT));
    }
    Ok((first, second))
}

/// A string member as a name, to compare decoded.
pub(crate) fn name(json: &[u8], member: Member) -> Name {
    let literal = json.get(member.start..member.end).unwrap_or_default();
    Name::new(member.start, member.end, literal.contains(&b'\\'))
}

/// The header's known members (in [`KNOWN`] order), as checked.
pub(crate) type HeaderMembers = [Option<Member>; KNOWN.len()];

/// The header rules of `HeaderView::read`, in its order; its known members
/// in `slots`.
pub(crate) fn check_header(json: &[u8], slots: &mut HeaderMembers) -> Result<(), Error> {
    check_object(json, &KNOWN, slots).map_err(|error| Error::malformed(error.describe()))?;
    let [alg, typ, cty, kid, crit, b64] = *slots;
    let kind_of = |member: Option<Member>| member.map(|member| member.kind);
    if kind_of(alg) != Some(Kind::String) {
        return Err(Error::malformed(header::ALG));
    }
    if [typ, cty, kid]
        .into_iter()
        .any(|member| kind_of(member).is_some_and(|kind| kind != Kind::String))
    {
        return Err(Error::malformed(header::TEXTS));
    }
    if let Some(crit) = crit {
        return Err(match crit.kind {
            Kind::Array {
                empty: false,
                all_strings: true,
            } => Error::NotSupported {
                reason: header::CRIT_UNSUPPORTED,
            },
            _ => Error::malformed(header::CRIT),
        });
    }
    match kind_of(b64) {
        None | Some(Kind::True) => {}
        Some(Kind::False) => {
            return Err(Error::NotSupported {
                reason: header::B64_FALSE,
            })
        }
        Some(_) => return Err(Error::malformed(header::B64)),
    }
    // `normalize_media_type(cty) == "jwt"`: "JWT" or "application/JWT" in any case.
    let nested = cty.is_some_and(|cty| {
        let cty = name(json, cty);
        ["jwt", "application/jwt"]
            .iter()
            .any(|media_type| cty.is_ignoring_ascii_case(json, media_type))
    });
    if nested {
        return Err(Error::NotSupported {
            reason: header::NESTED,
        });
    }
    Ok(())
}

/// The payload's registered claims (in [`REGISTERED`] order), as checked.
pub(crate) type ClaimMembers = [Option<Member>; REGISTERED.len()];

/// The claim rules of `RegisteredClaims::read`, in its order; the registered
/// claims in `slots`.
pub(crate) fn check_claims(json: &[u8], slots: &mut ClaimMembers) -> Result<(), Error> {
    check_object(json, &REGISTERED, slots).map_err(super::payload_error)?;
    let [iss, sub, aud, exp, nbf, iat, jti] = *slots;
    let text = |member: Option<Member>| match member {
        Some(Member { kind, .. }) if kind != Kind::String => {
            Err(Error::invalid_claims(claim::TEXT))
        }
        _ => Ok(()),
    };
    text(iss)?;
    text(sub)?;
    match aud.map(|member| member.kind) {
        None
        | Some(
            Kind::String
            | Kind::Array {
                all_strings: true, ..
            },
        ) => {}
        Some(_) => return Err(Error::invalid_claims(claim::AUDIENCE)),
    }
    date(json, exp)?;
    date(json, nbf)?;
    date(json, iat)?;
    text(jti)
}

/// A date claim's value, once checked.
pub(crate) fn date(
    json: &[u8],
    member: Option<Member>,
) -> Result<Option<NumericDateRef<'_>>, Error> {
    match member {
        None => Ok(None),
        Some(Member {
            kind: Kind::Number,
            start,
            end,
        }) => json
            .get(start..end)
            .and_then(|number| core::str::from_utf8(number).ok())
            .and_then(|number| NumericDateRef::from_number(Cow::Borrowed(number)))
            .map(Some)
            .ok_or(Error::invalid_claims(claim::DATE)),
        Some(_) => Err(Error::invalid_claims(claim::DATE)),
    }
}
