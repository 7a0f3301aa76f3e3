//! Rule 9: the claims are checked only after the signature.

use super::{
    flip_signature_bit, other_key, parts, raw, validation, verify_with, with_signature, HEADER,
    ISSUER,
};
use crate::common;
use crate::common::codes::{CLAIM_FAILED, EXPIRED, JWT_INVALID, SIGNATURE_FAILED};
use crate::common::{EXP, NOW};

#[test]
fn rule_9_claims_are_checked_only_after_the_signature() {
    let strict = validation()
        .issuer(ISSUER)
        .subject("user-1")
        .audience("api")
        .typ("at+jwt");
    let good_header = r#"{"alg":"HS256","typ":"at+jwt"}"#;
    let good = format!(r#""iss":"{ISSUER}","sub":"user-1","aud":"api""#);
    let cases = [
        (
            "expired",
            good_header.to_string(),
            format!(r#"{{{good},"exp":{NOW}}}"#),
            EXPIRED,
        ),
        (
            "wrong iss",
            good_header.into(),
            format!(r#"{{"iss":"https://evil.example","sub":"user-1","aud":"api","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong sub",
            good_header.into(),
            format!(r#"{{"iss":"{ISSUER}","sub":"admin","aud":"api","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong aud",
            good_header.into(),
            format!(r#"{{"iss":"{ISSUER}","sub":"user-1","aud":"web","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong typ",
            HEADER.into(),
            format!(r#"{{{good},"exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "nbf ahead",
            good_header.into(),
            format!(r#"{{{good},"nbf":{EXP},"exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "no exp",
            good_header.into(),
            format!("{{{good}}}"),
            CLAIM_FAILED,
        ),
        (
            "string exp",
            good_header.into(),
            format!(r#"{{{good},"exp":"{EXP}"}}"#),
            JWT_INVALID,
        ),
        (
            "duplicate sub",
            good_header.into(),
            format!(r#"{{{good},"sub":"x","exp":{EXP}}}"#),
            JWT_INVALID,
        ),
        (
            "array payload",
            good_header.into(),
            "[]".into(),
            JWT_INVALID,
        ),
    ];
    for (what, header, payload, claim_code) in cases {
        let token = raw(&header, &payload);
        // Validly signed, the claim problem is reported...
        assert_eq!(verify_with(&token, &strict), Err(claim_code), "{what}");
        // ...but with a bad signature, only the signature is.
        for forged in [
            flip_signature_bit(&token, 3),
            with_signature(&token, ""),
            common::sign_segments(&other_key(), parts(&token)[0], parts(&token)[1]),
        ] {
            assert_eq!(
                verify_with(&forged, &strict),
                Err(SIGNATURE_FAILED),
                "{what}"
            );
        }
    }
}
