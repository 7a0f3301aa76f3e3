//! The asymmetric examples of the RFCs: RFC 7515 §A.2 (RS256), §A.3 (ES256)
//! and §A.4 (ES512), RFC 8037 §A.4 (Ed25519). RFC 7520 §4.1–4.3 are Wycheproof
//! tc 345–347, run in `tests/wycheproof_asymmetric.rs`.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use common::code;
use jwt_edge::{verify, verify_jws, Algorithm, PrivateKey, PublicKey, SigningKey, Validation};

/// RFC 7515 §A.1's payload (`exp` 1300819380), shared by §A.2 and §A.3.
const RFC_7515_PAYLOAD: &str = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const BEFORE_EXP: u64 = 1_300_819_379;

fn jwt_validation(algorithm: Algorithm) -> Validation {
    Validation::new(BEFORE_EXP).algorithms(&[algorithm])
}

#[test]
fn rfc_7515_a2_rs256() {
    let jwk = r#"{"kty":"RSA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"}"#;
    let token = format!("eyJhbGciOiJSUzI1NiJ9.{RFC_7515_PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw");
    let key = PublicKey::from_jwk(jwk.as_bytes()).expect("RFC 7515's RSA key");
    let claims = verify(&token, &key, &jwt_validation(Algorithm::Rs256)).expect("genuine");
    assert_eq!(claims.issuer.as_deref(), Some("joe"));
    // The same key may not be used as PS256, nor without the caller naming RS256.
    assert_eq!(
        code(verify(&token, &key, &Validation::new(BEFORE_EXP))),
        Err("ERR_JOSE_ALG_NOT_ALLOWED")
    );
    let expired = Validation::new(BEFORE_EXP + 1).algorithms(&[Algorithm::Rs256]);
    assert_eq!(code(verify(&token, &key, &expired)), Err("ERR_JWT_EXPIRED"));
}

#[test]
fn rfc_7515_a3_es256() {
    let private = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#;
    let token = format!("eyJhbGciOiJFUzI1NiJ9.{RFC_7515_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");
    let private = PrivateKey::from_jwk(private.as_bytes()).expect("RFC 7515's EC key");
    let public = private.public_key();
    assert_eq!(public.algorithm(), Some(Algorithm::Es256));
    assert_eq!(
        code(verify(&token, &public, &Validation::new(BEFORE_EXP))),
        Ok(())
    );
    // Signing is deterministic (RFC 6979), so not the RFC's (random) signature,
    // but one the same key verifies.
    let (input, _) = token.rsplit_once('.').expect("three segments");
    let signature = private.sign(input.as_bytes());
    assert_eq!(signature, private.sign(input.as_bytes()));
    let mut ours = format!("{input}.");
    ours.push_str(&jwt_edge_b64(&signature));
    assert_eq!(
        code(verify(&ours, &public, &Validation::new(BEFORE_EXP))),
        Ok(())
    );
}

#[test]
fn rfc_7515_a4_es512() {
    let jwk = r#"{"kty":"EC","crv":"P-521","x":"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk","y":"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2","d":"AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPAxerEzgdRhajnu0ferB0d53vM9mE15j2C"}"#;
    let token = "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn";
    let public = PrivateKey::from_jwk(jwk.as_bytes())
        .expect("RFC 7515's P-521 key")
        .public_key();
    let verified = verify_jws(token, &public, &Validation::new(0)).expect("genuine");
    assert_eq!(verified.payload, b"Payload");
    // "Payload" is not a claims set: a JWT verify refuses it after the signature.
    assert_eq!(
        code(verify(token, &public, &Validation::new(0))),
        Err("ERR_JWT_INVALID")
    );
}

#[test]
fn rfc_8037_a4_ed25519() {
    let jwk = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    let token = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    let private = PrivateKey::from_jwk(jwk.as_bytes()).expect("RFC 8037's key");
    // Ed25519 is deterministic: the RFC's exact signature.
    let (input, signature) = token.rsplit_once('.').expect("three segments");
    assert_eq!(jwt_edge_b64(&private.sign(input.as_bytes())), signature);
    let verified = verify_jws(token, &private.public_key(), &Validation::new(0)).expect("genuine");
    assert_eq!(verified.payload, b"Example of Ed25519 signing");
}

fn jwt_edge_b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
