//! The header members `typ` (compared as a media type), `cty` (nesting is
//! not supported) and `kid` (no effect on the key).

use super::{
    assert_claim_failure, assert_malformed, assert_verifies, key, other_key, validation,
    verify_with, with_header,
};
use crate::common::codes::{NOT_SUPPORTED, SIGNATURE_FAILED};
use crate::common::{code, EXP};
use jwt_edge::{sign, verify, verify_token, Claims, HeaderOptions, NumericDate};

#[test]
fn typ_is_compared_as_a_media_type() {
    let expecting = validation().typ("at+jwt");
    for typ in [
        "at+jwt",
        "AT+JWT",
        "application/at+jwt",
        "Application/At+Jwt",
    ] {
        let token = with_header(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#));
        assert_verifies(&token, &expecting);
    }
    for typ in [
        "JWT",
        "jwt",
        "at+jwt ",
        "application/jwt",
        "text/at+jwt",
        "at",
    ] {
        let token = with_header(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#));
        assert_claim_failure(&token, &expecting, "typ", "unexpected");
    }
    assert_claim_failure(
        &with_header(r#"{"alg":"HS256"}"#),
        &expecting,
        "typ",
        "missing",
    );
    assert_malformed(
        &with_header(r#"{"alg":"HS256","typ":1}"#),
        "typ must be a string",
    );
}

#[test]
fn nested_jwt_cty_is_not_supported() {
    for cty in ["JWT", "jwt", "Jwt", "application/jwt", "APPLICATION/JWT"] {
        let token = with_header(&format!(r#"{{"alg":"HS256","cty":"{cty}"}}"#));
        assert_eq!(
            verify_with(&token, &validation()),
            Err(NOT_SUPPORTED),
            "{cty}"
        );
    }
    assert_verifies(
        &with_header(r#"{"alg":"HS256","cty":"json"}"#),
        &validation(),
    );
}

#[test]
fn kid_has_no_effect() {
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(EXP);
    let long = "k".repeat(10 * 1024);
    for kid in [
        "../../../../../../etc/passwd",
        "/dev/null",
        "' OR '1'='1' --",
        "\"; DROP TABLE keys; --",
        "\u{0}",
        "$(rm -rf /)",
        long.as_str(),
    ] {
        let token = sign(&claims, &key(), &HeaderOptions::new().key_id(kid));
        let verified = verify_token(&token, &key(), &validation()).expect("verifies");
        assert_eq!(verified.header.kid.as_deref(), Some(kid));
        assert_eq!(
            code(verify(&token, &other_key(), &validation())),
            Err(SIGNATURE_FAILED)
        );
    }
    assert_malformed(
        &with_header(r#"{"alg":"HS256","kid":7}"#),
        "kid must be a string",
    );
}
