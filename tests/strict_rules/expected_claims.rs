//! Rule 8: issuer, subject and audience are compared exactly; the required
//! claims (`exp` by default); every claim survives signing and verifying.

use super::{
    assert_claim_failure, assert_verifies, key, lax, validation, verify_with, with_payload, ISSUER,
};
use crate::common::codes::JWT_INVALID;
use crate::common::{EXP, NOW};
use jwt_edge::json::{Object, Value};
use jwt_edge::{
    decode_unverified, sign, verify_token, Audience, Claims, HeaderOptions, NumericDate,
};

fn claims_token(extra: &str) -> String {
    with_payload(&format!(r#"{{"exp":{EXP},{extra}}}"#))
}

#[test]
fn rule_8_issuer_is_compared_exactly() {
    let expecting = validation().issuer(ISSUER);
    assert_verifies(&claims_token(&format!(r#""iss":"{ISSUER}""#)), &expecting);
    for issuer in [
        "https://auth.example",
        "https://auth.example.com/",
        "https://auth.example.com.evil.example",
        "HTTPS://AUTH.EXAMPLE.COM",
        "https://Auth.example.com",
        " https://auth.example.com",
        "",
    ] {
        let token = claims_token(&format!(r#""iss":"{issuer}""#));
        assert_claim_failure(&token, &expecting, "iss", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""sub":"x""#), &expecting, "iss", "missing");
    // `iss` must be a string: an array holding the issuer is malformed.
    let array = claims_token(&format!(r#""iss":["{ISSUER}"]"#));
    assert_eq!(verify_with(&array, &expecting), Err(JWT_INVALID));
    assert_eq!(verify_with(&array, &validation()), Err(JWT_INVALID));
}

#[test]
fn rule_8_several_accepted_issuers() {
    let expecting = validation().issuer(ISSUER).issuer("https://other.example");
    for issuer in [ISSUER, "https://other.example"] {
        assert_verifies(&claims_token(&format!(r#""iss":"{issuer}""#)), &expecting);
    }
    let token = claims_token(r#""iss":"https://third.example""#);
    assert_claim_failure(&token, &expecting, "iss", "unexpected");
}

#[test]
fn rule_8_subject_is_compared_exactly() {
    let expecting = validation().subject("user-1");
    assert_verifies(&claims_token(r#""sub":"user-1""#), &expecting);
    for subject in ["user-", "user-10", "USER-1", "user-1 ", ""] {
        let token = claims_token(&format!(r#""sub":"{subject}""#));
        assert_claim_failure(&token, &expecting, "sub", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""jti":"x""#), &expecting, "sub", "missing");
    let array = claims_token(r#""sub":["user-1"]"#);
    assert_eq!(verify_with(&array, &expecting), Err(JWT_INVALID));
}

#[test]
fn rule_8_audience_is_a_string_or_an_array_containing_it() {
    let expecting = validation().audience("api");
    for aud in [r#""api""#, r#"["api"]"#, r#"["web","api"]"#] {
        assert_verifies(&claims_token(&format!(r#""aud":{aud}"#)), &expecting);
    }
    for aud in [
        "[]",
        r#""api2""#,
        r#""ap""#,
        r#""API""#,
        r#"["web"]"#,
        r#"["apiweb"]"#,
        r#""api,web""#,
    ] {
        let token = claims_token(&format!(r#""aud":{aud}"#));
        assert_claim_failure(&token, &expecting, "aud", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""sub":"x""#), &expecting, "aud", "missing");
    // Several accepted audiences: any one is enough.
    let either = validation().audience("web").audience("api");
    assert_verifies(&claims_token(r#""aud":"api""#), &either);
    // `aud` must be a string or an array of strings.
    for aud in ["1", r#"["api",1]"#, "null", r#"{"api":true}"#] {
        let token = claims_token(&format!(r#""aud":{aud}"#));
        assert_eq!(verify_with(&token, &expecting), Err(JWT_INVALID), "{aud}");
    }
}
#[test]
fn required_claims_default_to_exp() {
    let token = claims_token(r#""sub":"user-1""#);
    let no_exp = with_payload(r#"{"sub":"user-1"}"#);
    assert_claim_failure(&no_exp, &validation(), "exp", "missing");
    assert_verifies(&no_exp, &lax());
    // Other names can be required, registered or custom.
    assert_verifies(&token, &validation().required_claims(["exp", "sub"]));
    assert_claim_failure(
        &token,
        &validation().required_claims(["jti"]),
        "jti",
        "missing",
    );
    assert_claim_failure(
        &token,
        &validation().required_claims(["tenant"]),
        "tenant",
        "missing",
    );
    assert_verifies(
        &claims_token(r#""tenant":null"#),
        &validation().required_claims(["tenant"]),
    );
}
#[test]
fn sign_then_verify_keeps_every_claim() {
    let mut claims = Claims::new();
    claims.issuer = Some(ISSUER.into());
    claims.subject = Some("user-1".into());
    claims.audience = Some(Audience::Many(vec!["api".into(), "web".into()]));
    claims.expires_at = NumericDate::from_secs(EXP);
    claims.not_before = NumericDate::from_secs(NOW - 10);
    claims.issued_at = NumericDate::from_secs(NOW - 10);
    claims.jwt_id = Some("id-1".into());
    claims
        .insert("roles", vec!["admin", "ops"])
        .expect("custom");
    claims.insert("verified", true).expect("custom");
    claims.insert("quota", 12_345_u64).expect("custom");
    claims
        .insert("name", "Zo\u{eb} \"Z\" \\ \u{1f600}")
        .expect("custom");
    let mut profile = Object::new();
    profile.insert("locale", "fr-FR");
    profile.insert("tags", Value::Array(vec![Value::Null, Value::from(1_u64)]));
    claims.insert("profile", profile).expect("custom");

    let header = HeaderOptions::new().typ("at+jwt").key_id("2026-01");
    let token = sign(&claims, &key(), &header);
    let rules = validation()
        .issuer(ISSUER)
        .subject("user-1")
        .audience("web")
        .typ("at+jwt");
    let verified = verify_token(&token, &key(), &rules).expect("round trip");
    assert_eq!(verified.claims, claims);
    assert_eq!(verified.payload, claims.to_json().into_bytes());
    assert_eq!(verified.header.kid.as_deref(), Some("2026-01"));
    assert_eq!(
        verified.claims.get("roles").map(Value::to_json).as_deref(),
        Some(r#"["admin","ops"]"#)
    );
    assert_eq!(
        decode_unverified(&token).expect("well-formed").claims,
        claims
    );
}
