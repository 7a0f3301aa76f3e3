//! Rule 5: no extensions (`crit`, `b64`); embedded keys and key URLs are never
//! used.

use super::{
    assert_malformed, assert_verifies, key, other_key, sign_segments, validation, verify_with,
    with_header, OTHER_SECRET,
};
use crate::common;
use crate::common::codes::{NOT_SUPPORTED, SIGNATURE_FAILED};
use crate::common::{b64, code, EXP};
use jwt_edge::{decode_unverified, verify, verify_token};

#[test]
fn rule_5_crit_is_not_supported() {
    for crit in [
        r#"["exp"]"#,
        r#"["x-unknown"]"#,
        r#"["b64"]"#,
        r#"["exp","iss"]"#,
    ] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit},"exp":{EXP},"x-unknown":1}}"#);
        let token = with_header(&header);
        assert_eq!(
            verify_with(&token, &validation()),
            Err(NOT_SUPPORTED),
            "{crit}"
        );
        assert_eq!(
            code(decode_unverified(&token)),
            Err(NOT_SUPPORTED),
            "{crit}"
        );
    }
}

#[test]
fn rule_5_malformed_crit_is_invalid() {
    for crit in ["[]", r#""exp""#, "[1]", "null", "{}", r#"["exp",1]"#] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit}}}"#);
        assert_malformed(&with_header(&header), crit);
    }
}

#[test]
fn rule_5_unencoded_payloads_are_not_supported() {
    let token = with_header(r#"{"alg":"HS256","b64":false}"#);
    assert_eq!(verify_with(&token, &validation()), Err(NOT_SUPPORTED));
    let token = with_header(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    assert_eq!(verify_with(&token, &validation()), Err(NOT_SUPPORTED));
    assert_malformed(
        &with_header(r#"{"alg":"HS256","b64":"false"}"#),
        "b64 string",
    );
    assert_verifies(&with_header(r#"{"alg":"HS256","b64":true}"#), &validation());
}

#[test]
fn rule_5_embedded_keys_and_key_urls_are_ignored() {
    let attacker_k = b64(OTHER_SECRET);
    let header = format!(
        concat!(
            r#"{{"alg":"HS256","jwk":{{"kty":"oct","alg":"HS256","k":"{}"}},"#,
            r#""jku":"https://attacker.example/jwks.json","#,
            r#""x5u":"https://attacker.example/cert.pem","#,
            r#""x5c":["MIIBattackerCertificate"]}}"#
        ),
        attacker_k
    );
    let payload = format!(r#"{{"exp":{EXP}}}"#);
    let (header_segment, payload_segment) = (b64(header.as_bytes()), b64(payload.as_bytes()));

    // Signed with the real key: verifies with it, and only with it.
    let genuine = sign_segments(&header_segment, &payload_segment);
    assert_verifies(&genuine, &validation());
    assert_eq!(
        code(verify(&genuine, &other_key(), &validation())),
        Err(SIGNATURE_FAILED)
    );
    // Signed with the key the header embeds: refused by the real key.
    let forged = common::sign_segments(&other_key(), &header_segment, &payload_segment);
    assert_eq!(verify_with(&forged, &validation()), Err(SIGNATURE_FAILED));
    // The members are kept as data.
    let verified = verify_token(&genuine, &key(), &validation()).expect("valid");
    assert!(verified.header.members().get("jwk").is_some());
}
