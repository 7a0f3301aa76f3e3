//! The published cases of jose (panva/jose): `test/jwt/verify.test.ts`,
//! `test/jws/compact.verify.test.ts`, `test/jws/flattened.verify.test.ts` (the
//! checks that apply to a compact token) and `test/jws/crit.test.ts`.

use super::{claim_failure, failure, lax};
use crate::common::codes::{
    ALG_NOT_ALLOWED, EXPIRED, JWS_INVALID, JWT_INVALID, NOT_SUPPORTED, SIGNATURE_FAILED,
};
use crate::common::{b64, code, signed};
use jwt_edge::{
    sign, verify, verify_jws, verify_token, Algorithm, Audience, Claims, Error, HeaderOptions,
    HmacKey, NumericDate, Validation,
};

/// jose's tests freeze the clock here and sign with 32 zero bytes.
const JOSE_NOW: u64 = 1_604_416_038;

fn jose_key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, &[0; 32]).expect("32 bytes")
}

/// jose's default payload, `{ "urn:example:claim": true }`, with `claims` added.
fn jose_token(header: &str, claims: &str) -> String {
    let separator = if claims.is_empty() { "" } else { "," };
    signed(
        &jose_key(),
        header,
        format!(r#"{{"urn:example:claim":true{separator}{claims}}}"#),
    )
}

fn jose_verify(token: &str, validation: &Validation) -> Result<Claims, Error> {
    verify(token, &jose_key(), validation)
}

/// jose "Basic JWT Claims Set verification": every registered claim and a
/// custom `typ`, checked together with `maxTokenAge: '30s'`.
#[test]
fn jose_basic_jwt_claims_set_verification() {
    let mut claims = Claims::new();
    claims.issuer = Some("urn:example:issuer".into());
    claims.subject = Some("urn:example:subject".into());
    claims.audience = Some(Audience::One("urn:example:audience".into()));
    claims.jwt_id = Some("urn:example:jti".into());
    claims.not_before = NumericDate::from_secs(JOSE_NOW - 10);
    claims.expires_at = NumericDate::from_secs(JOSE_NOW + 10);
    claims.issued_at = NumericDate::from_secs(JOSE_NOW - 20);
    claims.insert("urn:example:claim", true).expect("custom");
    let token = sign(
        &claims,
        &jose_key(),
        &HeaderOptions::new().typ("urn:example:typ"),
    );

    let validation = Validation::new(JOSE_NOW)
        .issuer("urn:example:issuer")
        .subject("urn:example:subject")
        .audience("urn:example:audience")
        .typ("urn:example:typ")
        .max_age(30);
    let verified = verify_token(&token, &jose_key(), &validation).expect("valid");
    assert_eq!(verified.claims, claims);
    assert_eq!(verified.header.alg_name(), "HS256");
    assert_eq!(verified.header.typ.as_deref(), Some("urn:example:typ"));
    assert_eq!(
        String::from_utf8(verified.payload).expect("UTF-8"),
        r#"{"iss":"urn:example:issuer","sub":"urn:example:subject","aud":"urn:example:audience","exp":1604416048,"nbf":1604416028,"iat":1604416018,"jti":"urn:example:jti","urn:example:claim":true}"#
    );
}

/// jose "Payload must be an object" and "Payload must JSON parseable".
#[test]
fn jose_payload_must_be_a_json_object() {
    for payload in ["0", "1", "-1", "true", "false", "null", "[]", r#""""#, "{"] {
        let token = signed(&jose_key(), r#"{"alg":"HS256"}"#, payload);
        assert_eq!(
            code(jose_verify(&token, &lax(JOSE_NOW))),
            Err(JWT_INVALID),
            "{payload}"
        );
    }
}

/// jose "incorrect hmac signature lengths": the token with its last three
/// characters cut off.
#[test]
fn jose_incorrect_hmac_signature_lengths() {
    let token = jose_token(r#"{"alg":"HS256"}"#, "");
    assert_eq!(code(jose_verify(&token, &lax(JOSE_NOW))), Ok(()));
    let cut = &token[..token.len() - 3];
    assert_eq!(
        code(jose_verify(cut, &lax(JOSE_NOW))),
        Err(SIGNATURE_FAILED)
    );
}

/// jose "algorithms options": an HS256 token when only another algorithm is allowed.
#[test]
fn jose_algorithms_option() {
    let token = jose_token(r#"{"alg":"HS256"}"#, "");
    let only_hs512 = lax(JOSE_NOW).algorithms(&[Algorithm::Hs512]);
    assert_eq!(code(jose_verify(&token, &only_hs512)), Err(ALG_NOT_ALLOWED));
}

/// jose "typ verification": media types compare case-insensitively, and an
/// `application/` prefix is implied only for a value without a `/`
/// (RFC 7515 §4.1.9), so `text/plain` and `application/text/plain` differ.
#[test]
fn jose_typ_verification() {
    let cases = [
        // (header typ, expected typ, accepted)
        ("JWT", "", false),
        ("urn:example:typ", "application/urn:example:typ", true),
        ("urn:example:typ", "urn:example:typ:2", false),
        ("urn:example:typ", "application/urn:example:typ:2", false),
        ("application/urn:example:typ", "urn:example:typ", true),
        (
            "application/urn:example:typ",
            "application/urn:example:typ:2",
            false,
        ),
        ("application/urn:example:typ", "urn:example:typ:2", false),
        ("text/plain", "text/plain", true),
        ("text/plain", "application/text/plain", false),
    ];
    for (typ, expected, accepted) in cases {
        let token = jose_token(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#), "");
        let outcome = jose_verify(&token, &lax(JOSE_NOW).typ(expected));
        if accepted {
            assert_eq!(code(outcome), Ok(()), "{typ} / {expected}");
        } else {
            assert_eq!(
                failure(outcome),
                claim_failure("typ", "unexpected"),
                "{typ} / {expected}"
            );
        }
    }
}

/// jose "Issuer[] verification", "Audience[] verification" (one of several
/// accepted values) and "Subject verification failed".
#[test]
fn jose_issuer_audience_and_subject() {
    let token = jose_token(
        r#"{"alg":"HS256"}"#,
        r#""iss":"urn:example:issuer","aud":["urn:example:audience"],"sub":"urn:example:subject""#,
    );
    let accepted = lax(JOSE_NOW)
        .issuer("urn:example:other")
        .issuer("urn:example:issuer")
        .audience("urn:example:audience");
    assert_eq!(code(jose_verify(&token, &accepted)), Ok(()));
    let wrong_subject = lax(JOSE_NOW).subject("urn:example:subject:2");
    assert_eq!(
        failure(jose_verify(&token, &wrong_subject)),
        claim_failure("sub", "unexpected")
    );
}

/// jose "iat/nbf/exp must be a number" (`null`): jose reports
/// `ERR_JWT_CLAIM_VALIDATION_FAILED`; a mistyped registered claim is
/// `ERR_JWT_INVALID` here, before any claim is checked.
#[test]
fn jose_numeric_dates_must_be_numbers() {
    for claim in ["iat", "nbf", "exp"] {
        let token = jose_token(r#"{"alg":"HS256"}"#, &format!(r#""{claim}":null"#));
        assert_eq!(
            code(jose_verify(&token, &lax(JOSE_NOW))),
            Err(JWT_INVALID),
            "{claim}"
        );
    }
}

/// jose "clockTolerance num", "exp must be in the future", "nbf must be at
/// least now", "iat must be in the past", "maxTokenAge option" and "maxTokenAge
/// of 0 is enforced". An `iat` older than `maxTokenAge` is `ERR_JWT_EXPIRED`
/// (claim `iat`), as in jose.
#[test]
fn jose_time_claims() {
    let at = |claims: &str| jose_token(r#"{"alg":"HS256"}"#, claims);
    let now = JOSE_NOW;

    let exp_now = at(&format!(r#""exp":{now}"#));
    assert_eq!(
        failure(jose_verify(&exp_now, &lax(now))),
        (EXPIRED, Some("exp".into()), Some("check_failed"))
    );
    let tolerant = lax(now).leeway(1).expect("valid leeway");
    assert_eq!(code(jose_verify(&exp_now, &tolerant)), Ok(()));

    let nbf_ahead = at(&format!(r#""nbf":{}"#, now + 1));
    assert_eq!(
        failure(jose_verify(&nbf_ahead, &lax(now))),
        claim_failure("nbf", "check_failed")
    );

    for claims in [
        format!(r#""iat":{}"#, now + 1),
        format!(r#""iat":{},"exp":{}"#, now + 1, now + 10),
    ] {
        let token = at(&claims);
        assert_eq!(
            failure(jose_verify(&token, &lax(now).max_age(5))),
            claim_failure("iat", "check_failed"),
            "{claims}"
        );
    }

    let old = at(&format!(r#""iat":{}"#, now - 31));
    assert_eq!(
        failure(jose_verify(&old, &lax(now).max_age(30))),
        (EXPIRED, Some("iat".into()), Some("check_failed"))
    );

    let thirty_seconds_old = at(&format!(r#""iat":{}"#, now - 30));
    assert_eq!(
        failure(jose_verify(&thirty_seconds_old, &lax(now).max_age(0))),
        (EXPIRED, Some("iat".into()), Some("check_failed"))
    );
    let fresh = at(&format!(r#""iat":{now}"#));
    assert_eq!(code(jose_verify(&fresh, &lax(now).max_age(0))), Ok(()));
}

/// jose "Signed JWTs cannot use unencoded payload" (its published token) and
/// "JWT verification ignores b64 false without crit": jose refuses the first
/// with `ERR_JWT_INVALID` and accepts the second; here `b64: false` is never
/// supported, with or without `crit`, and the header is refused before the
/// signature is looked at.
#[test]
fn jose_unencoded_payloads() {
    let published = "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.foo.VklKdp4tVYD61VNPDBTqxqdEQcUL3JK-D4dGXu9NvWs";
    assert_eq!(
        code(jose_verify(published, &lax(JOSE_NOW))),
        Err(NOT_SUPPORTED)
    );
    let (signing_input, _) = published.rsplit_once('.').expect("three segments");
    assert_eq!(
        code(jose_verify(&format!("{signing_input}.AA"), &lax(JOSE_NOW))),
        Err(NOT_SUPPORTED)
    );

    let without_crit = signed(&jose_key(), r#"{"alg":"HS256","b64":false}"#, "{}");
    assert_eq!(
        code(jose_verify(&without_crit, &lax(JOSE_NOW))),
        Err(NOT_SUPPORTED)
    );
}

/// jose "signatures are compared before claim set": `{ exp: 0 }` is expired
/// under the right key and a signature failure under any other.
#[test]
fn jose_signatures_are_compared_before_the_claims() {
    let token = signed(&jose_key(), r#"{"alg":"HS256"}"#, r#"{"exp":0}"#);
    assert_eq!(code(jose_verify(&token, &lax(JOSE_NOW))), Err(EXPIRED));
    let other = HmacKey::new(Algorithm::Hs256, &[1; 32]).expect("32 bytes");
    assert_eq!(
        code(verify(&token, &other, &lax(JOSE_NOW))),
        Err(SIGNATURE_FAILED)
    );
}

/// jose "requiredClaims claims check": a claim an option compares (`iss`,
/// `aud`, `iat` for the maximum age, `sub`) is required by that option, and a
/// required name that is an `Object.prototype` member is simply missing.
#[test]
fn jose_required_claims() {
    let token = jose_token(r#"{"alg":"HS256"}"#, "");
    let nbf = ["nbf"];
    for (claim, validation) in [
        ("iss", lax(JOSE_NOW).issuer("foo")),
        ("aud", lax(JOSE_NOW).audience("foo")),
        ("iat", lax(JOSE_NOW).max_age(1)),
        ("sub", lax(JOSE_NOW).subject("foo")),
    ] {
        assert_eq!(
            failure(jose_verify(&token, &validation)),
            claim_failure(claim, "missing")
        );
        // Required claims are checked first, as in jose.
        let also_nbf = validation.required_claims(nbf);
        assert_eq!(
            failure(jose_verify(&token, &also_nbf)),
            claim_failure("nbf", "missing")
        );
    }
    for claim in ["nbf", "constructor", "toString", "__proto__"] {
        let required = Validation::new(JOSE_NOW).required_claims([claim]);
        assert_eq!(
            failure(jose_verify(&token, &required)),
            claim_failure(claim, "missing")
        );
    }
}

/// jose "empty string validation options compare the claim value": an empty
/// expected issuer, subject or audience is compared, not ignored.
#[test]
fn jose_empty_string_options_are_compared() {
    let token = jose_token(
        r#"{"alg":"HS256"}"#,
        r#""iss":"urn:example:issuer","sub":"urn:example:subject","aud":"urn:example:audience""#,
    );
    for (claim, validation) in [
        ("iss", lax(JOSE_NOW).issuer("")),
        ("sub", lax(JOSE_NOW).subject("")),
        ("aud", lax(JOSE_NOW).audience("")),
    ] {
        assert_eq!(
            failure(jose_verify(&token, &validation)),
            claim_failure(claim, "unexpected")
        );
    }
}

/// jose "invalid UTF-8 in the Claims Set is rejected" (`C0 AF`, an overlong `/`).
#[test]
fn jose_invalid_utf8_in_the_claims_set() {
    let payload = [&b"{\"sub\":\"a"[..], &[0xc0, 0xaf], b"b\"}"].concat();
    let token = signed(&jose_key(), r#"{"alg":"HS256"}"#, payload);
    assert_eq!(code(jose_verify(&token, &lax(JOSE_NOW))), Err(JWT_INVALID));
}

/// jose `compactVerify` and `flattenedVerify` format checks that apply to a
/// compact token. jose accepts an empty payload (a JWS of zero bytes); here
/// both segments must be non-empty, so it is `ERR_JWS_INVALID`. jose refuses an
/// unknown `alg` with `ERR_JOSE_NOT_SUPPORTED`; here any `alg` the key does not
/// fix is `ERR_JOSE_ALG_NOT_ALLOWED`.
#[test]
fn jose_compact_jws_format_validation() {
    let key = jose_key();
    let jws = |token: &str| code(verify_jws(token, &key, &lax(JOSE_NOW)));
    let header = b64(r#"{"alg":"HS256"}"#);

    assert_eq!(jws("....."), Err(JWS_INVALID));
    let empty_payload = signed(&key, r#"{"alg":"HS256"}"#, "");
    assert_eq!(empty_payload.split('.').nth(1), Some(""));
    assert_eq!(jws(&empty_payload), Err(JWS_INVALID));
    // A payload segment that is not base64url, and one that is but was not signed.
    assert_eq!(jws(&format!("{header}.\u{e9}.")), Err(JWS_INVALID));
    let signed = signed(&key, r#"{"alg":"HS256"}"#, "foo");
    let signature = signed.rsplit('.').next().expect("a signature");
    assert_eq!(
        jws(&format!("{header}.\u{20ac}.{signature}")),
        Err(JWS_INVALID)
    );
    assert_eq!(
        jws(&format!("{header}.YmFy.{signature}")),
        Err(SIGNATURE_FAILED)
    );
    // A protected header with a character put in front.
    assert_eq!(jws(&format!("1{signed}")), Err(JWS_INVALID));
    // Unknown alg.
    assert_eq!(
        jws(&format!("{}.e30.", b64(r#"{"alg":"unsupported"}"#))),
        Err(ALG_NOT_ALLOWED)
    );
    // The same token under another key.
    let other = HmacKey::new(Algorithm::Hs256, &[7; 32]).expect("32 bytes");
    assert_eq!(
        code(verify_jws(&signed, &other, &lax(JOSE_NOW))),
        Err(SIGNATURE_FAILED)
    );
    assert_eq!(jws(&signed), Ok(()));
}

/// jose "crit member checks" and the `crit` consumer cases: a malformed `crit`
/// is `ERR_JWS_INVALID`; an unrecognized extension is `ERR_JOSE_NOT_SUPPORTED`,
/// as is every other well-formed `crit`, since no extension is implemented.
#[test]
fn jose_crit() {
    let key = jose_key();
    for (header, expected) in [
        (r#"{"alg":"HS256","crit":[null],"b64":false}"#, JWS_INVALID),
        (
            r#"{"alg":"HS256","crit":["nope"],"nope":"foo"}"#,
            NOT_SUPPORTED,
        ),
        (
            r#"{"alg":"HS256","b64":true,"crit":["b64","b64"]}"#,
            NOT_SUPPORTED,
        ),
        (r#"{"alg":"HS256","crit":["constructor"]}"#, NOT_SUPPORTED),
        (r#"{"alg":"HS256","crit":["__proto__"]}"#, NOT_SUPPORTED),
    ] {
        let token = signed(&key, header, "foo");
        assert_eq!(
            code(verify_jws(&token, &key, &lax(JOSE_NOW))),
            Err(expected),
            "{header}"
        );
    }
}
