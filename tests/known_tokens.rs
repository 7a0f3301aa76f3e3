//! Published example tokens: RFC 7515 Appendix A.1 and the jwt.io example.
//! (RFC 7520 §4.4 is Wycheproof tc 348, in `tests/wycheproof.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use jwt_edge::json::Value;
use jwt_edge::{decode_unverified, verify, Algorithm, HmacKey, Validation};
use sha2::Sha256;

/// RFC 7515 Appendix A.1: the JWK `k` of the HS256 example.
const RFC7515_K: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

/// RFC 7515 Appendix A.1: the HS256 example token (its header has a CRLF).
const RFC7515_TOKEN: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

/// The `exp` of the RFC 7515 example.
const RFC7515_EXP: u64 = 1_300_819_380;

/// The example token shown on jwt.io.
const JWT_IO_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

/// The secret jwt.io signs its example with: 19 bytes, below RFC 7518's minimum.
const JWT_IO_SECRET: &[u8] = b"your-256-bit-secret";

fn rfc7515_key() -> HmacKey {
    let bytes = URL_SAFE_NO_PAD.decode(RFC7515_K).expect("k is base64url");
    assert_eq!(bytes.len(), 64);
    HmacKey::new(Algorithm::Hs256, &bytes).expect("a 64-byte HS256 key")
}

#[test]
fn rfc7515_a1_verifies_before_exp() {
    let key = rfc7515_key();
    let claims =
        verify(RFC7515_TOKEN, &key, &Validation::new(RFC7515_EXP - 1)).expect("valid before exp");
    assert_eq!(claims.issuer.as_deref(), Some("joe"));
    assert_eq!(
        claims
            .expires_at
            .as_ref()
            .map(jwt_edge::NumericDate::as_secs),
        Some(RFC7515_EXP)
    );
    assert_eq!(
        claims.get("http://example.com/is_root"),
        Some(&Value::Bool(true))
    );

    let verified = jwt_edge::verify_token(RFC7515_TOKEN, &key, &Validation::new(RFC7515_EXP - 1))
        .expect("valid before exp");
    assert_eq!(verified.header.typ.as_deref(), Some("JWT"));
    assert_eq!(verified.header.alg_name(), "HS256");
}

#[test]
fn rfc7515_a1_is_expired_at_exp() {
    let error = verify(RFC7515_TOKEN, &rfc7515_key(), &Validation::new(RFC7515_EXP))
        .expect_err("exp == now is expired");
    assert_eq!(error.code(), "ERR_JWT_EXPIRED");
}

#[test]
fn rfc7515_a1_with_one_flipped_signature_bit_fails() {
    let (signing_input, signature) = RFC7515_TOKEN.rsplit_once('.').expect("three segments");
    let mut tag = URL_SAFE_NO_PAD.decode(signature).expect("base64url");
    tag[7] ^= 0x10;
    let forged = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(&tag));
    let error = verify(&forged, &rfc7515_key(), &Validation::new(RFC7515_EXP - 1))
        .expect_err("forged signature");
    assert_eq!(error.code(), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
}

#[test]
fn jwt_io_example_is_genuine_but_its_secret_is_below_the_rfc_minimum() {
    // The token really is HMAC-SHA256 under "your-256-bit-secret"...
    let (signing_input, signature) = JWT_IO_TOKEN.rsplit_once('.').expect("three segments");
    let tag = URL_SAFE_NO_PAD.decode(signature).expect("base64url");
    let mut mac = Hmac::<Sha256>::new_from_slice(JWT_IO_SECRET).expect("HMAC takes any key");
    mac.update(signing_input.as_bytes());
    mac.verify_slice(&tag)
        .expect("the jwt.io signature is genuine");

    // ...but that secret is 19 bytes, and RFC 7518 §3.2 requires at least 32.
    assert_eq!(JWT_IO_SECRET.len(), 19);
    let refused = HmacKey::new(Algorithm::Hs256, JWT_IO_SECRET).expect_err("too short");
    assert_eq!(refused.code(), "ERR_KEY_INVALID");
}

#[test]
fn jwt_io_example_decodes_unverified() {
    let token = decode_unverified(JWT_IO_TOKEN).expect("well-formed");
    assert_eq!(token.header.alg_name(), "HS256");
    assert_eq!(token.header.typ.as_deref(), Some("JWT"));
    assert_eq!(token.claims.subject.as_deref(), Some("1234567890"));
    assert_eq!(
        token.claims.get("name").and_then(Value::as_str),
        Some("John Doe")
    );
    assert_eq!(
        token
            .claims
            .issued_at
            .as_ref()
            .map(jwt_edge::NumericDate::as_secs),
        Some(1_516_239_022)
    );
    assert_eq!(token.expires_at(), None);
}
