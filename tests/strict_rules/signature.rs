//! Rule 6: the signature is exact, and its failure says nothing more.

use super::{
    assert_verifies, error_of, flip_signature_bit, other_key, parts, validation, verify_with,
    with_payload, with_signature,
};
use crate::common::codes::SIGNATURE_FAILED;
use crate::common::{b64, unb64, EXP};
use jwt_edge::{verify, Error};

fn signed_token() -> String {
    with_payload(&format!(r#"{{"exp":{EXP},"sub":"alice"}}"#))
}

#[test]
fn rule_6_signature_must_have_the_exact_length() {
    let token = signed_token();
    assert_verifies(&token, &validation());
    let tag = unb64(parts(&token)[2]);
    assert_eq!(tag.len(), 32);
    let mut long = tag.clone();
    long.push(0);
    for (what, signature) in [
        ("31 bytes", b64(&tag[..31])),
        ("16 bytes", b64(&tag[..16])),
        ("1 byte", b64(&tag[..1])),
        ("33 bytes", b64(&long)),
        ("64 bytes", b64([&tag[..], &tag[..]].concat())),
        ("empty", String::new()),
    ] {
        let bad = with_signature(&token, &signature);
        assert_eq!(
            verify_with(&bad, &validation()),
            Err(SIGNATURE_FAILED),
            "{what}"
        );
    }
}

#[test]
fn rule_6_every_flipped_bit_fails() {
    let token = signed_token();
    for bit in 0..256 {
        let bad = flip_signature_bit(&token, bit);
        assert_eq!(
            verify_with(&bad, &validation()),
            Err(SIGNATURE_FAILED),
            "bit {bit}"
        );
    }
}

#[test]
fn rule_6_signature_errors_carry_no_detail() {
    let token = signed_token();
    let tag = unb64(parts(&token)[2]);
    let failures = [
        error_of(&flip_signature_bit(&token, 0), &validation()),
        error_of(&flip_signature_bit(&token, 255), &validation()),
        error_of(&with_signature(&token, &b64(&tag[..31])), &validation()),
        error_of(&with_signature(&token, ""), &validation()),
        verify(&token, &other_key(), &validation()).expect_err("wrong key"),
    ];
    for error in failures {
        // A unit variant: there is no field to put a detail in.
        let Error::SignatureInvalid = error else {
            panic!("expected SignatureInvalid, got {error:?}");
        };
        assert_eq!(error, Error::SignatureInvalid);
        assert_eq!(error.reason(), None);
        assert_eq!(error.claim(), None);
        assert_eq!(error.message(), "signature verification failed");
        assert_eq!(error.code(), SIGNATURE_FAILED);
    }
}
