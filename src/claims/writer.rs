//! A claims set as compact JSON: the registered claims first, in
//! [`REGISTERED`] order, then the other members in order.

use super::{AudienceRef, RegisteredClaims, REGISTERED};
use crate::json::{write_array, write_string};
use alloc::string::String;

/// A claims set as compact JSON: `registered`, then the `custom` members,
/// their values written by `write_value`.
pub(crate) fn claims_json<'m, V: 'm>(
    registered: &RegisteredClaims<'_>,
    custom: impl Iterator<Item = (&'m str, &'m V)>,
    write_value: impl Fn(&V, &mut String),
) -> String {
    let mut out = String::with_capacity(256);
    out.push('{');
    write_registered(registered, &mut out);
    for (name, value) in custom {
        comma(&mut out);
        write_string(name, &mut out);
        out.push(':');
        write_value(value, &mut out);
    }
    out.push('}');
    out
}

/// Writes the registered claims present, in [`REGISTERED`] order, as members
/// of the object `out` has opened (with a comma before each but the
/// object's first).
fn write_registered(claims: &RegisteredClaims<'_>, out: &mut String) {
    let [iss, sub, aud, exp, nbf, iat, jti] = REGISTERED;
    if let Some(issuer) = &claims.issuer {
        write_string(issuer, member(out, iss));
    }
    if let Some(subject) = &claims.subject {
        write_string(subject, member(out, sub));
    }
    match &claims.audience {
        Some(AudienceRef::One(one)) => write_string(one, member(out, aud)),
        Some(AudienceRef::Many(many)) => {
            write_array(many, member(out, aud), |item, out| write_string(item, out));
        }
        None => {}
    }
    let dates = [
        (exp, &claims.expires_at),
        (nbf, &claims.not_before),
        (iat, &claims.issued_at),
    ];
    for (name, date) in dates {
        if let Some(date) = date {
            date.write_to(member(out, name));
        }
    }
    if let Some(id) = &claims.jwt_id {
        write_string(id, member(out, jti));
    }
}

/// Separates a new member of the object `out` has opened from the one
/// before, if any.
fn comma(out: &mut String) {
    if !out.ends_with('{') {
        out.push(',');
    }
}

/// Starts a member of the object `out` has opened: `"name":` (a registered
/// name, which needs no escapes).
fn member<'o>(out: &'o mut String, name: &str) -> &'o mut String {
    comma(out);
    out.push('"');
    out.push_str(name);
    out.push_str("\":");
    out
}
