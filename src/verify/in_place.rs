//! Verifying a token in a copy of its own buffer, with the checker
//! (`json/checker.rs`) in place of the parser: the same rules, in the same
//! order, with the same errors as [`verify_checked`](super::verify_checked),
//! the values the rules judge read where they are. The tests hold the two to
//! the same result for every token and rule.
//!
//! This is how `jwt-edge/verify` verifies in browsers (`cfg(verifies_in_place)`):
//! the module has no other use for the parser, and leaving it out takes
//! about a quarter off its download (docs/benchmarks.md has the sizes).

use crate::base64url::decode_within;
use crate::claims::{AudienceRef, RegisteredClaims, REGISTERED};
use crate::header::KNOWN;
use crate::json::{check_object, Kind, Member, Name};
use crate::key::{KeyRequest, VerifyingKey};
use crate::token::in_place::{check_claims, check_header, date, dots, name, ClaimMembers};
use crate::token::reasons;
use crate::{Algorithm, Error, Validation};
use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::ops::Range;

#[cfg(test)]
mod tests;

/// A verified token's buffer, and where its payload's JSON text is.
pub(crate) struct VerifiedInPlace {
    buffer: Vec<u8>,
    payload: Range<usize>,
}

impl VerifiedInPlace {
    /// The payload's JSON text.
    pub(crate) fn payload_json(&self) -> &[u8] {
        self.buffer.get(self.payload.clone()).unwrap_or_default()
    }
}

/// Verifies `token` as `verify_checked` does, every rule in its order
/// (form, header, algorithm, key, signature, then the claims), with the key
/// `select` chooses.
pub(crate) fn verify_in_place<K: VerifyingKey>(
    token: &str,
    validation: &Validation,
    select: impl FnOnce(&KeyRequest<'_>) -> Result<K, Error>,
) -> Result<VerifiedInPlace, Error> {
    let token = token.as_bytes();
    let (first, second) = dots(token, validation.max_token_length)?;
    // The segments are decoded over a copy: the header's JSON from the start,
    // the payload's right after it, the signature over its own text.
    let mut buffer = token.to_vec();
    let header_len =
        decode_within(&mut buffer, 0..first, 0).ok_or(Error::malformed(reasons::HEADER_BASE64))?;
    // The decoded header is shorter than its segment, which ends at the first dot.
    let (header, rest) = buffer
        .split_at_mut_checked(header_len)
        .ok_or(Error::malformed(reasons::HEADER_BASE64))?;
    let mut members = [None; KNOWN.len()];
    check_header(header, &mut members)?;
    let [alg, typ, _, kid, ..] = members;
    let header: &[u8] = header;
    let algorithm = alg
        .and_then(|alg| Algorithm::from_name(&text(header, alg)))
        .filter(|algorithm| validation.allows(*algorithm))
        .ok_or(Error::AlgorithmNotAllowed)?;
    let kid = kid.map(|kid| text(header, kid));
    let key = select(&KeyRequest::new(
        algorithm,
        kid.as_deref(),
        &validation.algorithms,
    ))?;
    if key.algorithm() != algorithm {
        return Err(Error::AlgorithmNotAllowed);
    }
    // Places in `rest`, which starts where the header's JSON ends.
    let at = |place: usize| place.saturating_sub(header_len);
    let payload_len = decode_within(rest, at(first + 1)..at(second), 0)
        .ok_or(Error::malformed(reasons::PAYLOAD_BASE64))?;
    let signature = at(second + 1);
    let signature_len = decode_within(rest, signature..rest.len(), signature)
        .ok_or(Error::malformed(reasons::SIGNATURE_BASE64))?;
    key.verify_signature(
        token.get(..second).unwrap_or_default(),
        rest.get(signature..signature + signature_len)
            .unwrap_or_default(),
    )?;
    let payload = rest.get(..payload_len).unwrap_or_default();
    let mut members = [None; REGISTERED.len()];
    check_claims(payload, &mut members)?;
    let claims = registered_claims(payload, members)?;
    let typ = typ.map(|typ| text(header, typ));
    // A registered claim's presence is known; another's takes a look.
    let has_claim = |claim: &str| match REGISTERED.iter().position(|name| *name == claim) {
        Some(index) => members.get(index).is_some_and(Option::is_some),
        None => has_member(payload, claim),
    };
    validation.check_registered(typ.as_deref(), &claims, has_claim)?;
    Ok(VerifiedInPlace {
        payload: header_len..header_len + payload_len,
        buffer,
    })
}

/// A checked string member's value.
fn text(json: &[u8], member: Member) -> Cow<'_, str> {
    name(json, member).to_str(json)
}

/// The registered claims' values, as `RegisteredClaims::read` gives them,
/// from members `check_claims` checked.
fn registered_claims(json: &[u8], members: ClaimMembers) -> Result<RegisteredClaims<'_>, Error> {
    let [iss, sub, aud, exp, nbf, iat, jti] = members;
    let text = |member: Option<Member>| member.map(|member| text(json, member));
    let audience = aud.map(|aud| match aud.kind {
        Kind::String => AudienceRef::One(text(Some(aud)).unwrap_or_default()),
        _ => AudienceRef::Many(array_strings(json, aud)),
    });
    Ok(RegisteredClaims {
        issuer: text(iss),
        subject: text(sub),
        audience,
        expires_at: date(json, exp)?,
        not_before: date(json, nbf)?,
        issued_at: date(json, iat)?,
        jwt_id: text(jti),
    })
}

/// The items of a checked array of strings.
fn array_strings(json: &[u8], array: Member) -> Vec<Cow<'_, str>> {
    let mut items = Vec::new();
    let mut at = array.start;
    // Each item's opening quote, after `[` or a comma and whitespace.
    while let Some(open) = json
        .get(at..array.end)
        .and_then(|rest| rest.iter().position(|&byte| byte == b'"'))
    {
        let start = at + open + 1;
        let mut end = start;
        let mut escaped = false;
        while let Some(&byte) = json.get(end) {
            match byte {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    end += 2;
                }
                _ => end += 1,
            }
        }
        items.push(Name::new(start, end, escaped).to_str(json));
        at = end + 1;
    }
    items
}

/// Whether the checked object `json` has a member `claim`.
fn has_member(json: &[u8], claim: &str) -> bool {
    let mut slot = [None];
    check_object(json, &[claim], &mut slot).is_ok() && slot.iter().any(Option::is_some)
}
