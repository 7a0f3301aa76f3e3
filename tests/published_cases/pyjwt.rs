//! The published cases of `PyJWT` (jpadilla/pyjwt): `tests/test_api_jwt.py`
//! and `tests/test_api_jws.py`.

use super::{claim_failure, failure, lax};
use crate::common::codes::{ALG_NOT_ALLOWED, EXPIRED, JWS_INVALID, JWT_INVALID, SIGNATURE_FAILED};
use crate::common::{b64, code, signed};
use jwt_edge::json::Value;
use jwt_edge::{
    decode_unverified, sign, verify, verify_jws, verify_token, Algorithm, Claims, Error,
    HeaderOptions, HmacKey, Validation,
};

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
    signed(
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
    let resigned = signed(
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
    let expired = signed(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"iss":"jeff","exp":{}}}"#, now - 1),
    );
    assert_eq!(code(pyjwt(&expired, &Validation::new(now))), Err(EXPIRED));
    // test_decode_with_expiration_with_leeway: exp two seconds ago.
    let two_ago = signed(
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
    let all_now = signed(
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
    let foo = signed(
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
    let partial = signed(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"iss":"urn:","exp":{}}}"#, PYJWT_NOW + 15),
    );
    assert_eq!(
        failure(pyjwt(&partial, &expecting(&["urn:expected"]))),
        claim_failure("iss", "unexpected")
    );
    let no_issuer = signed(
        &pyjwt_key(),
        r#"{"alg":"HS256"}"#,
        format!(r#"{{"some":"payload","exp":{}}}"#, PYJWT_NOW + 15),
    );
    assert_eq!(
        failure(pyjwt(&no_issuer, &expecting(&["urn:wrong"]))),
        claim_failure("iss", "missing")
    );
    // test_validate_iss_with_non_str: `iss` must be a string.
    let number = signed(&pyjwt_key(), r#"{"alg":"HS256"}"#, r#"{"iss":123}"#);
    assert_eq!(
        code(pyjwt(&number, &lax(PYJWT_NOW).issuer("123"))),
        Err(JWT_INVALID)
    );
}

/// `PyJWT`'s required-claim, `sub` and `jti` cases.
#[test]
fn pyjwt_required_claims_subject_and_jwt_id() {
    let empty = signed(&pyjwt_key(), r#"{"alg":"HS256"}"#, r#"{"some":"payload"}"#);
    for claim in ["exp", "iat", "nbf", "sub", "jti"] {
        let required = Validation::new(PYJWT_NOW).required_claims([claim]);
        assert_eq!(
            failure(pyjwt(&empty, &required)),
            claim_failure(claim, "missing")
        );
    }
    let sub = signed(
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
        let token = signed(&pyjwt_key(), r#"{"alg":"HS256"}"#, payload);
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
    let token = signed(&key, header, "hello world");
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
    let lower = signed(
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
    assert_eq!(jws(&signed(&key, "{}", r#"{"a":5}"#)), Err(JWS_INVALID));
    // test_decode_invalid_header_padding, ..._payload_padding, ..._crypto_padding:
    // a character put in front of each segment of PyJWT's token (its header and
    // payload segments, re-signed), which leaves each an impossible length.
    let spaced = signed(
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
    let not_utf8 = b64(b"{\"alg\": \"HS256\xe9\", \"typ\": \"JWT\"}");
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
