//! The published test cases of two reference libraries for HS* compact JWS and
//! JWT claim validation, re-expressed against this crate's API:
//!
//! - `jose` (panva/jose): `test/jwt/verify.test.ts`, `test/jws/compact.verify.test.ts`,
//!   `test/jws/flattened.verify.test.ts` (the checks that apply to a compact
//!   token) and `test/jws/crit.test.ts`;
//! - `PyJWT` (jpadilla/pyjwt): `tests/test_api_jwt.py` and `tests/test_api_jws.py`.
//!
//! Each test names the case it re-expresses. Where this crate deliberately
//! differs from the reference library (it is stricter in a few places), the
//! test asserts this crate's documented outcome and says how the library differs.
//! Cases about options this API cannot express (a JavaScript `null` option, an
//! empty issuer list, `strict_aud`, detached payloads) are left out.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jwt_edge::json::Value;
use jwt_edge::{
    decode_unverified, sign, verify, verify_jws, verify_token, Algorithm, Audience, Claims, Error,
    HeaderOptions, HmacKey, NumericDate, SigningKey, Validation,
};

const JWS_INVALID: &str = "ERR_JWS_INVALID";
const JWT_INVALID: &str = "ERR_JWT_INVALID";
const ALG_NOT_ALLOWED: &str = "ERR_JOSE_ALG_NOT_ALLOWED";
const NOT_SUPPORTED: &str = "ERR_JOSE_NOT_SUPPORTED";
const SIGNATURE_FAILED: &str = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
const EXPIRED: &str = "ERR_JWT_EXPIRED";
const CLAIM_FAILED: &str = "ERR_JWT_CLAIM_VALIDATION_FAILED";

fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn code<T>(result: Result<T, Error>) -> Result<(), &'static str> {
    result.map(|_| ()).map_err(|error| error.code())
}

/// The code, claim and reason of a failure.
fn failure<T: core::fmt::Debug>(
    result: Result<T, Error>,
) -> (&'static str, Option<String>, Option<&'static str>) {
    let error = result.expect_err("the token must be refused");
    (
        error.code(),
        error.claim().map(String::from),
        error.reason(),
    )
}

fn claim_failure(
    claim: &str,
    reason: &'static str,
) -> (&'static str, Option<String>, Option<&'static str>) {
    (CLAIM_FAILED, Some(claim.into()), Some(reason))
}

/// No claim required: most published cases have no `exp`.
fn lax(now: u64) -> Validation {
    Validation::new(now).required_claims(Vec::<String>::new())
}

/// A compact JWS of exactly these header and payload bytes, signed with `key`.
fn raw(key: &HmacKey, header: &str, payload: impl AsRef<[u8]>) -> String {
    let signing_input = format!("{}.{}", b64(header), b64(payload));
    let tag = SigningKey::sign(key, signing_input.as_bytes());
    format!("{signing_input}.{}", b64(tag))
}

// ===========================================================================
// jose
// ===========================================================================

/// jose's tests freeze the clock here and sign with 32 zero bytes.
const JOSE_NOW: u64 = 1_604_416_038;

fn jose_key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, &[0; 32]).expect("32 bytes")
}

/// jose's default payload, `{ "urn:example:claim": true }`, with `claims` added.
fn jose_token(header: &str, claims: &str) -> String {
    let separator = if claims.is_empty() { "" } else { "," };
    raw(
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
        let token = raw(&jose_key(), r#"{"alg":"HS256"}"#, payload);
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

    let without_crit = raw(&jose_key(), r#"{"alg":"HS256","b64":false}"#, "{}");
    assert_eq!(
        code(jose_verify(&without_crit, &lax(JOSE_NOW))),
        Err(NOT_SUPPORTED)
    );
}

/// jose "signatures are compared before claim set": `{ exp: 0 }` is expired
/// under the right key and a signature failure under any other.
#[test]
fn jose_signatures_are_compared_before_the_claims() {
    let token = raw(&jose_key(), r#"{"alg":"HS256"}"#, r#"{"exp":0}"#);
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
    let token = raw(&jose_key(), r#"{"alg":"HS256"}"#, payload);
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
    let empty_payload = raw(&key, r#"{"alg":"HS256"}"#, "");
    assert_eq!(empty_payload.split('.').nth(1), Some(""));
    assert_eq!(jws(&empty_payload), Err(JWS_INVALID));
    // A payload segment that is not base64url, and one that is but was not signed.
    assert_eq!(jws(&format!("{header}.\u{e9}.")), Err(JWS_INVALID));
    let signed = raw(&key, r#"{"alg":"HS256"}"#, "foo");
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
        let token = raw(&key, header, "foo");
        assert_eq!(
            code(verify_jws(&token, &key, &lax(JOSE_NOW))),
            Err(expected),
            "{header}"
        );
    }
}

// ===========================================================================
// PyJWT
// ===========================================================================

/// The secret of `PyJWT`'s published HS256 tokens: 32 bytes.
const PYJWT_SECRET: &[u8; 32] = b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn pyjwt_key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, PYJWT_SECRET).expect("32 bytes")
}

/// A time when `PyJWT`'s fixed tokens (none has `exp`) are judged.
const PYJWT_NOW: u64 = 1_700_000_000;

fn pyjwt(token: &str, validation: &Validation) -> Result<Claims, Error> {
    verify(token, &pyjwt_key(), validation)
}

/// `PyJWT`'s `{ "iss": "jeff", "exp": now + 15, "claim": "insanity" }` with
/// `extra` members, signed with its secret.
fn pyjwt_token(extra: &str) -> String {
    let separator = if extra.is_empty() { "" } else { "," };
    raw(
        &pyjwt_key(),
        r#"{"alg":"HS256","typ":"JWT"}"#,
        format!(
            r#"{{"iss":"jeff","exp":{},"claim":"insanity"{separator}{extra}}}"#,
            PYJWT_NOW + 15
        ),
    )
}

/// `PyJWT` `test_decodes_valid_jwt` and `test_decodes_complete_valid_jwt`.
#[test]
fn pyjwt_decodes_valid_jwt() {
    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJoZWxsbyI6IndvcmxkIn0.IjD2VRI4XN7tpFko0uxzudU6FjB_0B3r1umZzBX3XH8";
    let verified = verify_token(token, &pyjwt_key(), &lax(PYJWT_NOW)).expect("valid");
    assert_eq!(verified.claims.get("hello"), Some(&Value::from("world")));
    assert_eq!(verified.claims.custom().len(), 1);
    assert_eq!(verified.header.alg_name(), "HS256");
    assert_eq!(verified.header.typ.as_deref(), Some("JWT"));
    assert_eq!(verified.header.members().len(), 2);
    // Without an `exp`, the default rules refuse it.
    assert_eq!(
        failure(pyjwt(token, &Validation::new(PYJWT_NOW))),
        claim_failure("exp", "missing")
    );
}

/// `PyJWT`'s published tokens whose payload is wrong: not JSON, not an object,
/// `aud` not a string or an array of strings, `exp` or `iat` not a number.
#[test]
fn pyjwt_published_tokens_with_invalid_payloads() {
    for (what, token) in [
        (
            "invalid payload string",
            "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.aGVsbG8gd29ybGQ.qIVQtvd8Pw-goEJSLpTB9nzXB7i3mCpHNkvqnz93WL0",
        ),
        (
            "non-mapping payload",
            "eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJIUzI1NiJ9.MQ.FZMiRww3K5UDJYv6HDb2_qtB-SzP1gPyY8eWjAVv_Eg",
        ),
        (
            "aud: 1",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJoZWxsbyI6IndvcmxkIiwiYXVkIjoxfQ.DbtPDOmDfdcuehvS4QoOHFh-jji0ISAw0Yd-RIswWf4",
        ),
        (
            "aud: [1]",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJoZWxsbyI6IndvcmxkIiwiYXVkIjpbMV19.K2pDEQ3U-3TdS4HD_tcI5dmQIAXvDd-fmW0Q6Z-y7W0",
        ),
        (
            "exp: \"not-an-int\"",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOiJub3QtYW4taW50In0.L5fBBapxrffCT4czpPFm2F9NeR0uTD25Qm7auvewgn8",
        ),
        (
            "iat: \"not-an-int\"",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOiJub3QtYW4taW50In0.fvrd35JEdbEzl-gjElD62axydQ_8e9FvTbmcdrUgFXA",
        ),
        // PyJWT accepts `aud: null`; here `aud` must be a string or an array.
        (
            "aud: null",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOm51bGx9.lDjRLYgSGTJ8K-QzfQpHtqj8zBJJl8BkyIn2CYeAymU",
        ),
    ] {
        assert_eq!(code(pyjwt(token, &lax(PYJWT_NOW))), Err(JWT_INVALID), "{what}");
        assert_eq!(
            code(pyjwt(token, &lax(PYJWT_NOW).audience("my_audience"))),
            Err(JWT_INVALID),
            "{what}"
        );
        // The signature is genuine: as a JWS, each verifies.
        assert_eq!(code(verify_jws(token, &pyjwt_key(), &lax(PYJWT_NOW))), Ok(()), "{what}");
    }
    // PyJWT's `nbf: "not-an-int"` token is signed with a 6-byte secret, too
    // short for HS256 here: under PyJWT's 32-byte secret its signature fails,
    // and re-signed with that secret its payload is invalid.
    let published = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYmYiOiJub3QtYW4taW50In0.c25hldC8G2ZamC8uKpax9sYMTgdZo3cxrmzFHaAAluw";
    assert_eq!(
        code(pyjwt(published, &lax(PYJWT_NOW))),
        Err(SIGNATURE_FAILED)
    );
    let resigned = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256","typ":"JWT"}"#,
        r#"{"nbf":"not-an-int"}"#,
    );
    assert_eq!(code(pyjwt(&resigned, &lax(PYJWT_NOW))), Err(JWT_INVALID));
    // PyJWT accepts an `iat` that is a string of digits; here it is not a number.
    let string_iat = pyjwt_token(r#""iat":"1638202770""#);
    assert_eq!(code(pyjwt(&string_iat, &lax(PYJWT_NOW))), Err(JWT_INVALID));
}

/// `PyJWT`'s expiry, not-before and issued-at cases, with and without leeway.
#[test]
fn pyjwt_time_claims_and_leeway() {
    let now = PYJWT_NOW;
    let with_leeway = |seconds| Validation::new(now).leeway(seconds).expect("valid leeway");

    // test_decode_with_expiration
    let expired = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"iss":"jeff","exp":{}}}"#, now - 1),
    );
    assert_eq!(code(pyjwt(&expired, &Validation::new(now))), Err(EXPIRED));
    // test_decode_with_expiration_with_leeway: exp two seconds ago.
    let two_ago = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"exp":{}}}"#, now - 2),
    );
    assert_eq!(code(pyjwt(&two_ago, &with_leeway(5))), Ok(()));
    assert_eq!(code(pyjwt(&two_ago, &with_leeway(1))), Err(EXPIRED));
    // test_decode_with_notbefore and ..._with_leeway: nbf ten seconds ahead.
    let not_yet = pyjwt_token(&format!(r#""nbf":{}"#, now + 10));
    assert_eq!(
        failure(pyjwt(&not_yet, &Validation::new(now))),
        claim_failure("nbf", "check_failed")
    );
    assert_eq!(code(pyjwt(&not_yet, &with_leeway(13))), Ok(()));
    assert_eq!(
        failure(pyjwt(&not_yet, &with_leeway(1))),
        claim_failure("nbf", "check_failed")
    );
    // test_decode_raises_exception_if_iat_is_greater_than_now
    let issued_ahead = pyjwt_token(&format!(r#""iat":{}"#, now + 10));
    assert_eq!(
        failure(pyjwt(&issued_ahead, &Validation::new(now))),
        claim_failure("iat", "check_failed")
    );
    // test_encode_datetime: exp, iat and nbf all at now, with a second of leeway.
    let all_now = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"exp":{now},"iat":{now},"nbf":{now}}}"#),
    );
    assert_eq!(code(pyjwt(&all_now, &with_leeway(1))), Ok(()));
    assert_eq!(code(pyjwt(&all_now, &Validation::new(now))), Err(EXPIRED));
}

/// `PyJWT`'s audience cases. `PyJWT` refuses a token with `aud` when the caller
/// expects no audience (`test_check_audience_none_specified`); here, as in
/// jose, `aud` is only checked when an audience is expected.
#[test]
fn pyjwt_audience() {
    let me = pyjwt_token(r#""aud":"urn:me""#);
    let me_and_else = pyjwt_token(r#""aud":["urn:me","urn:someone-else"]"#);
    let someone_else = pyjwt_token(r#""aud":"urn:someone-else""#);
    let others = pyjwt_token(r#""aud":["urn:someone","urn:someone-else"]"#);
    let none = pyjwt_token("");
    let expecting = |names: &[&str]| {
        names
            .iter()
            .fold(Validation::new(PYJWT_NOW), |validation, name| {
                validation.audience(*name)
            })
    };

    assert_eq!(code(pyjwt(&me, &expecting(&["urn:me"]))), Ok(()));
    assert_eq!(code(pyjwt(&me, &expecting(&["urn:you", "urn:me"]))), Ok(()));
    assert_eq!(code(pyjwt(&me_and_else, &expecting(&["urn:me"]))), Ok(()));
    assert_eq!(code(pyjwt(&me, &Validation::new(PYJWT_NOW))), Ok(()));
    for (token, names) in [
        (&me, &["urn:you", "urn:him"][..]),
        (&someone_else, &["urn-me"][..]),
        (&others, &["urn:me"][..]),
    ] {
        assert_eq!(
            failure(pyjwt(token, &expecting(names))),
            claim_failure("aud", "unexpected")
        );
    }
    assert_eq!(
        failure(pyjwt(&none, &expecting(&["urn:me"]))),
        claim_failure("aud", "missing")
    );
    // test_raise_exception_token_with_aud_none_and_without_audience: PyJWT says
    // "missing"; here `aud: null` is not a valid claims set.
    let null_aud = pyjwt_token(r#""aud":null"#);
    assert_eq!(
        code(pyjwt(&null_aud, &expecting(&["urn:me"]))),
        Err(JWT_INVALID)
    );
}

/// `PyJWT`'s issuer cases, including `test_rasise_exception_on_partial_issuer_match`.
#[test]
fn pyjwt_issuer() {
    let foo = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(
            r#"{{"some":"payload","iss":"urn:foo","exp":{}}}"#,
            PYJWT_NOW + 15
        ),
    );
    let expecting = |names: &[&str]| {
        names
            .iter()
            .fold(Validation::new(PYJWT_NOW), |validation, name| {
                validation.issuer(*name)
            })
    };
    assert_eq!(code(pyjwt(&foo, &expecting(&["urn:foo"]))), Ok(()));
    assert_eq!(
        code(pyjwt(&foo, &expecting(&["urn:foo", "urn:bar"]))),
        Ok(())
    );
    assert_eq!(
        failure(pyjwt(&foo, &expecting(&["urn:wrong"]))),
        claim_failure("iss", "unexpected")
    );
    assert_eq!(
        failure(pyjwt(
            &foo,
            &expecting(&["urn:wrong", "urn:bar", "urn:baz"])
        )),
        claim_failure("iss", "unexpected")
    );
    let partial = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"iss":"urn:","exp":{}}}"#, PYJWT_NOW + 15),
    );
    assert_eq!(
        failure(pyjwt(&partial, &expecting(&["urn:expected"]))),
        claim_failure("iss", "unexpected")
    );
    let no_issuer = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"some":"payload","exp":{}}}"#, PYJWT_NOW + 15),
    );
    assert_eq!(
        failure(pyjwt(&no_issuer, &expecting(&["urn:wrong"]))),
        claim_failure("iss", "missing")
    );
    // test_validate_iss_with_non_str: `iss` must be a string.
    let number = raw(&pyjwt_key(), r#"{"alg":"HS256"}"#, r#"{"iss":123}"#);
    assert_eq!(
        code(pyjwt(&number, &lax(PYJWT_NOW).issuer("123"))),
        Err(JWT_INVALID)
    );
}

/// `PyJWT`'s required-claim, `sub` and `jti` cases.
#[test]
fn pyjwt_required_claims_subject_and_jwt_id() {
    let empty = raw(&pyjwt_key(), r#"{"alg":"HS256"}"#, r#"{"some":"payload"}"#);
    for claim in ["exp", "iat", "nbf", "sub", "jti"] {
        let required = Validation::new(PYJWT_NOW).required_claims([claim]);
        assert_eq!(
            failure(pyjwt(&empty, &required)),
            claim_failure(claim, "missing")
        );
    }
    let sub = raw(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"user123","jti":"unique-id-456"}"#,
    );
    let claims = pyjwt(&sub, &lax(PYJWT_NOW).subject("user123")).expect("valid");
    assert_eq!(claims.subject.as_deref(), Some("user123"));
    assert_eq!(claims.jwt_id.as_deref(), Some("unique-id-456"));
    assert_eq!(
        failure(pyjwt(&sub, &lax(PYJWT_NOW).subject("user456"))),
        claim_failure("sub", "unexpected")
    );
    for payload in [r#"{"sub":1224344}"#, r#"{"jti":12223}"#] {
        let token = raw(&pyjwt_key(), r#"{"alg":"HS256"}"#, payload);
        assert_eq!(
            code(pyjwt(&token, &lax(PYJWT_NOW))),
            Err(JWT_INVALID),
            "{payload}"
        );
    }
}

/// `PyJWT`'s compact JWS cases (`tests/test_api_jws.py`), with its 6-byte
/// `"secret"` replaced by the 32-byte secret (HS256 needs at least 32 bytes).
#[test]
fn pyjwt_compact_jws() {
    let key = pyjwt_key();
    let jws = |token: &str| code(verify_jws(token, &key, &lax(PYJWT_NOW)));
    let header = r#"{"alg":"HS256","typ":"JWT"}"#;
    let token = raw(&key, header, "hello world");
    assert_eq!(
        verify_jws(&token, &key, &lax(PYJWT_NOW))
            .expect("valid")
            .payload,
        b"hello world"
    );
    let [h, p, s]: [&str; 3] = token
        .split('.')
        .collect::<Vec<_>>()
        .try_into()
        .expect("three");

    // test_decode_fails_when_alg_is_not_on_method_algorithms_param
    let hs384_only = lax(PYJWT_NOW).algorithms(&[Algorithm::Hs384]);
    assert_eq!(
        code(verify_jws(&token, &key, &hs384_only)),
        Err(ALG_NOT_ALLOWED)
    );
    // test_decode_missing_segments_throws_exception
    assert_eq!(jws(&format!("{h}.{p}")), Err(JWS_INVALID));
    // test_decode_with_non_mapping_header_throws_exception
    assert_eq!(jws(&format!("MQ.{p}.{s}")), Err(JWS_INVALID));
    // test_decode_algorithm_param_should_be_case_sensitive
    let lower = raw(
        &key,
        r#"{"alg":"hs256","typ":"JWT"}"#,
        r#"{"hello":"world"}"#,
    );
    assert_eq!(jws(&lower), Err(ALG_NOT_ALLOWED));
    // test_bad_secret
    let other = HmacKey::new(Algorithm::Hs256, &[b'b'; 32]).expect("32 bytes");
    assert_eq!(
        code(verify_jws(&token, &other, &lax(PYJWT_NOW))),
        Err(SIGNATURE_FAILED)
    );
    // test_verify_signature_with_no_algo_header_throws_exception: header `{}`.
    assert_eq!(jws(&raw(&key, "{}", r#"{"a":5}"#)), Err(JWS_INVALID));
    // test_decode_invalid_header_padding, ..._payload_padding, ..._crypto_padding:
    // a character put in front of each segment of PyJWT's token (its header and
    // payload segments, re-signed), which leaves each an impossible length.
    let spaced = raw(
        &key,
        r#"{"alg": "HS256", "typ": "JWT"}"#,
        r#"{"hello": "world"}"#,
    );
    assert!(
        spaced.starts_with("eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJoZWxsbyI6ICJ3b3JsZCJ9.")
    );
    assert_eq!(jws(&spaced), Ok(()));
    let [h, p, s]: [&str; 3] = spaced
        .split('.')
        .collect::<Vec<_>>()
        .try_into()
        .expect("three");
    assert_eq!(jws(&format!("a{h}.{p}.{s}")), Err(JWS_INVALID));
    assert_eq!(jws(&format!("{h}.a{p}.{s}")), Err(JWS_INVALID));
    assert_eq!(jws(&format!("{h}.{p}.aa{s}")), Err(JWS_INVALID));
    // test_decode_invalid_header_string: padded, and not UTF-8 once decoded.
    assert_eq!(
        jws(&format!(
            "eyJhbGciOiAiSFMyNTbpIiwgInR5cCI6ICJKV1QifQ==.{p}.{s}"
        )),
        Err(JWS_INVALID)
    );
    let not_utf8 = URL_SAFE_NO_PAD.encode(b"{\"alg\": \"HS256\xe9\", \"typ\": \"JWT\"}");
    assert_eq!(jws(&format!("{not_utf8}.{p}.{s}")), Err(JWS_INVALID));
    // test_decode_with_algo_none_should_fail
    let none = format!("{}.{p}.", b64(r#"{"alg":"none"}"#));
    assert_eq!(jws(&none), Err(ALG_NOT_ALLOWED));
    // test_get_unverified_header_fails_on_bad_header_types: `kid: 123`.
    let bad_kid = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6MTIzfQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.vs2WY54jfpKP3JGC73Vq5YlMsqM5oTZ1ZydT77SiZSk";
    assert_eq!(code(decode_unverified(bad_kid)), Err(JWS_INVALID));
    // test_get_unverified_header_returns_header_values
    let mut claims = Claims::new();
    claims.subject = Some("x".into());
    let with_kid = sign(
        &claims,
        &key,
        &HeaderOptions::new().key_id("toomanysecrets"),
    );
    let header = decode_unverified(&with_kid).expect("well-formed").header;
    assert_eq!(header.kid.as_deref(), Some("toomanysecrets"));
    // test_decode_detached_content_without_proper_argument: `b64: false` and
    // an empty payload segment.
    let detached = format!("{}..{s}", b64(r#"{"typ":"JWT","alg":"HS256","b64":false}"#));
    assert_eq!(jws(&detached), Err(JWS_INVALID));
    // test_encode_with_typ: a `typ` the caller sets is written as given.
    let secevent = sign(&claims, &key, &HeaderOptions::new().typ("secevent+jwt"));
    let header = decode_unverified(&secevent).expect("well-formed").header;
    assert_eq!(header.typ.as_deref(), Some("secevent+jwt"));
}
