//! JWKs, JWK Sets, imported keys and key pairs: the asymmetric bindings'
//! rules and refusals (the test builds have every family).

use super::{at_now, get, get_string, json, sign, text, thrown, SignsText};
use js_sys::JSON;
use jwt_edge::js::{
    decode_protected_header, generate_key_pair, import_jwk, import_spki, verify,
    verify_with_header, Signer, Verifier,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// RFC 8037 §A.1's Ed25519 key, without `alg` or `kid`.
const ED25519_PRIVATE: &str = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
const ED25519_PUBLIC: &str =
    r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// The same public key as a PEM SPKI.
const ED25519_PEM: &str = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";

/// The `code` of a call that must throw a `JwtError`.
fn code<T>(result: Result<T, JsValue>) -> String {
    let error = thrown(result);
    assert_eq!(get_string(&error, "name").as_deref(), Some("JwtError"));
    get_string(&error, "code").expect("a string code")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("JSON")
        .as_string()
        .expect("a string")
}

/// A new key pair's `[privateJwk, publicJwk]`.
fn key_pair(alg: &str) -> (JsValue, JsValue) {
    let pair = generate_key_pair(&text(alg)).expect("a key pair");
    (get(&pair, "privateJwk"), get(&pair, "publicJwk"))
}

/// `{ sub: "user-1" }` signed with `private` at `NOW`, expiring 900 s later.
fn signed(private: &JsValue, options: &str) -> String {
    let options = if options.is_empty() {
        String::from(r#""expiresIn":900"#)
    } else {
        format!(r#""expiresIn":900,{options}"#)
    };
    sign(&json(r#"{"sub":"user-1"}"#), private, &at_now(&options))
        .expect("signing with a private JWK")
}

#[wasm_bindgen_test]
fn a_pem_or_jwk_text_given_as_an_hmac_secret_is_err_key_invalid() {
    let token = sign(&json("{}"), &text(&"k".repeat(64)), &at_now("")).expect("signed");
    let public_texts = [
        ED25519_PEM.to_owned(),
        format!("{ED25519_PUBLIC}{}", " ".repeat(32)),
    ];
    for secret in &public_texts {
        assert_eq!(
            code(verify(&text(&token), &text(secret), &at_now(""))),
            "ERR_KEY_INVALID"
        );
        assert_eq!(
            code(Verifier::new(&text(secret), &at_now(""))),
            "ERR_KEY_INVALID"
        );
        assert_eq!(
            code(sign(&json("{}"), &text(secret), &at_now(""))),
            "ERR_KEY_INVALID"
        );
        assert_eq!(
            code(Signer::new(&text(secret), &at_now(""))),
            "ERR_KEY_INVALID"
        );
    }
}

#[wasm_bindgen_test]
fn a_key_decides_the_algorithm_never_the_token() {
    let (private, public) = key_pair("ES256");
    let token = signed(&private, "");
    verify(&text(&token), &public, &at_now("")).expect("the key's own algorithm");
    // A public key never verifies an HS256 token, whatever the options allow.
    let hs256 = sign(&json("{}"), &text(&"k".repeat(64)), &at_now("")).expect("signed");
    assert_eq!(
        code(verify(&text(&hs256), &public, &at_now(""))),
        "ERR_JOSE_ALG_NOT_ALLOWED"
    );
    let allowed = at_now(r#""algorithms":["HS256","ES256"]"#);
    assert_eq!(
        code(verify(&text(&hs256), &public, &allowed)),
        "ERR_JOSE_ALG_NOT_ALLOWED"
    );
    // A secret never verifies an asymmetric algorithm.
    let secret = text(&"k".repeat(64));
    assert_eq!(
        code(verify(&text(&token), &secret, &allowed)),
        "ERR_INVALID_OPTIONS"
    );
}

#[wasm_bindgen_test]
fn a_jwk_without_alg_verifies_only_the_algorithms_named() {
    let private = json(ED25519_PRIVATE);
    let token = signed(&private, "");
    let public = json(ED25519_PUBLIC);
    assert_eq!(
        code(verify(&text(&token), &public, &at_now(""))),
        "ERR_JOSE_ALG_NOT_ALLOWED"
    );
    verify(&text(&token), &public, &at_now(r#""algorithms":["EdDSA"]"#)).expect("EdDSA named");
    let verifier = Verifier::new(&public, &at_now(""));
    assert_eq!(
        code(verifier.expect("a verifier").verify(&text(&token))),
        "ERR_JOSE_ALG_NOT_ALLOWED"
    );
    // Bound by importJwk, it verifies its algorithm without options naming it.
    let imported = import_jwk(&public, &text("EdDSA")).expect("imported");
    verify(&text(&token), &imported, &at_now("")).expect("bound to EdDSA");
    assert_eq!(code(import_jwk(&public, &text("ES256"))), "ERR_KEY_INVALID");
}

#[wasm_bindgen_test]
fn key_sets_choose_exactly_one_key_by_kid() {
    let (private, public) = key_pair("EdDSA");
    let (_, other) = key_pair("EdDSA");
    let set = |keys: &[&JsValue]| {
        let texts: Vec<String> = keys.iter().map(|key| stringify(key)).collect();
        json(&format!(r#"{{"keys":[{}]}}"#, texts.join(",")))
    };
    let token = signed(&private, "");
    let header = decode_protected_header(&text(&token)).expect("a header");
    assert_eq!(
        get_string(&header, "kid"),
        get_string(&public, "kid"),
        "the key's kid is written"
    );
    verify(&text(&token), &set(&[&other, &public]), &at_now("")).expect("chosen by kid");
    assert_eq!(
        code(verify(&text(&token), &set(&[&other]), &at_now(""))),
        "ERR_JWKS_NO_MATCHING_KEY"
    );
    let without_kid = signed(&private, r#""keyId":"""#);
    let both = set(&[&other, &public]);
    let no_kid = signed(&json(ED25519_PRIVATE), "");
    assert_eq!(
        code(verify(&text(&no_kid), &both, &at_now(""))),
        "ERR_JWKS_MULTIPLE_MATCHING_KEYS"
    );
    assert_eq!(
        code(verify(&text(&without_kid), &both, &at_now(""))),
        "ERR_JWKS_NO_MATCHING_KEY"
    );
    assert_eq!(
        code(verify(&text(&token), &json(r#"{"keys":[1]}"#), &at_now(""))),
        "ERR_JWKS_INVALID"
    );
    assert_eq!(
        code(verify(&text(&token), &json(r#"{"keys":{}}"#), &at_now(""))),
        "ERR_JWKS_INVALID"
    );
}

#[wasm_bindgen_test]
fn malformed_and_private_jwks_are_refused_where_public_ones_are_expected() {
    let (private, public) = key_pair("ES384");
    let token = signed(&private, "");
    let bad = [
        r#"{"kty":"EC","crv":"P-384","x":"AAAA","y":"AAAA"}"#,
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","use":"enc"}"#,
        r#"{"kty":"OKP","crv":"Ed25519"}"#,
        r#"{"kty":1}"#,
    ];
    for jwk in bad {
        assert_eq!(
            code(verify(&text(&token), &json(jwk), &at_now(""))),
            "ERR_JWK_INVALID",
            "{jwk}"
        );
        assert_eq!(
            code(Verifier::new(&json(jwk), &at_now(""))),
            "ERR_JWK_INVALID",
            "{jwk}"
        );
    }
    assert_eq!(
        code(verify(&text(&token), &private, &at_now(""))),
        "ERR_JWK_INVALID"
    );
    // A public key never signs.
    assert_eq!(
        code(sign(&json("{}"), &public, &at_now(""))),
        "ERR_JWK_INVALID"
    );
    assert_eq!(code(Signer::new(&public, &at_now(""))), "ERR_JWK_INVALID");
}

#[wasm_bindgen_test]
fn a_private_key_signs_with_its_own_algorithm_only() {
    let (private, _) = key_pair("ES256");
    assert_eq!(
        code(sign(&json("{}"), &private, &json(r#"{"alg":"ES384"}"#))),
        "ERR_KEY_INVALID"
    );
    assert_eq!(
        code(Signer::new(&private, &json(r#"{"alg":"HS256"}"#))),
        "ERR_KEY_INVALID"
    );
    assert_eq!(
        code(sign(&json("{}"), &private, &json(r#"{"alg":"RS256"}"#))),
        "ERR_INVALID_OPTIONS"
    );
    let signer = Signer::new(&private, &json(r#"{"alg":"ES256"}"#)).expect("its own algorithm");
    let token = signer.sign_text(&json("{}")).expect("signed");
    let header = decode_protected_header(&text(&token)).expect("a header");
    assert_eq!(get_string(&header, "alg").as_deref(), Some("ES256"));
}

#[wasm_bindgen_test]
fn generated_key_pairs_carry_their_thumbprint_as_kid() {
    for alg in ["ES256", "ES384", "ES512", "EdDSA", "Ed25519"] {
        let (private, public) = key_pair(alg);
        let public_text = stringify(&public);
        let thumbprint = jwt_edge::PublicKey::from_jwk(public_text.as_bytes())
            .expect("a public JWK")
            .thumbprint();
        assert_eq!(get_string(&public, "kid"), Some(thumbprint), "{alg}");
        assert_eq!(get_string(&private, "kid"), get_string(&public, "kid"));
        assert_eq!(get_string(&public, "alg").as_deref(), Some(alg));
        assert!(
            get_string(&public, "d").is_none(),
            "{alg}: the public JWK has no d"
        );
    }
    let (first, _) = key_pair("EdDSA");
    let (second, _) = key_pair("EdDSA");
    assert_ne!(
        get_string(&first, "d"),
        get_string(&second, "d"),
        "fresh randomness"
    );
    for alg in ["RS256", "PS256", "HS256", "none"] {
        assert_eq!(
            code(generate_key_pair(&text(alg))),
            "ERR_INVALID_OPTIONS",
            "{alg}"
        );
    }
}

#[wasm_bindgen_test]
fn verify_with_header_returns_the_verified_protected_header() {
    let token = signed(&json(ED25519_PRIVATE), r#""keyId":"k1""#);
    let key = import_spki(&text(ED25519_PEM), &text("EdDSA")).expect("an SPKI key");
    let verified = verify_with_header(&text(&token), &key, &at_now("")).expect("verified");
    assert_eq!(
        get_string(&get(&verified, "payload"), "sub").as_deref(),
        Some("user-1")
    );
    let header = get(&verified, "protectedHeader");
    assert_eq!(get_string(&header, "kid").as_deref(), Some("k1"));
    assert_eq!(get_string(&header, "alg").as_deref(), Some("EdDSA"));
    let mut reusable = Verifier::new(&key, &at_now("")).expect("a verifier");
    let again = reusable
        .verify_with_header(&text(&token))
        .expect("verified");
    assert_eq!(stringify(&again), stringify(&verified));
    assert_eq!(
        code(import_spki(&text(ED25519_PEM), &text("ES256"))),
        "ERR_KEY_INVALID"
    );
    assert_eq!(
        code(import_spki(
            &text("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"),
            &text("EdDSA")
        )),
        "ERR_KEY_INVALID"
    );
}

#[wasm_bindgen_test]
fn a_forged_signature_fails_under_every_key_form() {
    let (private, public) = key_pair("EdDSA");
    let token = signed(&private, "");
    let (head, _) = token.rsplit_once('.').expect("three segments");
    let forged = format!("{head}.{}", "A".repeat(86));
    let set = json(&format!(r#"{{"keys":[{}]}}"#, stringify(&public)));
    for key in [&public, &set] {
        assert_eq!(
            code(verify(&text(&forged), key, &at_now(""))),
            "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
        );
        let mut verifier = Verifier::new(key, &at_now("")).expect("a verifier");
        assert_eq!(
            code(verifier.verify(&text(&forged))),
            "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
        );
    }
}

/// One-shot `sign` and `verify` keep the options they read for the next call
/// with the same options: a JWK's algorithm, bound for one call, must not stay
/// in them for a secret that comes next.
#[wasm_bindgen_test]
fn a_jwk_call_leaves_the_kept_options_as_they_were_read() {
    let secret = text(&"k".repeat(64));
    let (private, public) = key_pair("ES256");
    let payload = json(r#"{"sub":"user-1"}"#);
    let options = r#""expiresIn":900"#;
    sign(&payload, &private, &at_now(options)).expect("signed with the private JWK");
    let hs256 = sign(&payload, &secret, &at_now(options)).expect("signed with the secret");
    let header = decode_protected_header(&text(&hs256)).expect("a header");
    assert_eq!(get_string(&header, "alg").as_deref(), Some("HS256"));

    let es256 = signed(&private, "");
    let hs384 = sign(
        &payload,
        &secret,
        &at_now(r#""alg":"HS384","expiresIn":900"#),
    )
    .expect("signed with HS384");
    verify(&text(&es256), &public, &at_now("")).expect("verified with the public JWK");
    verify(&text(&hs256), &secret, &at_now("")).expect("HS256 with the secret");
    verify(&text(&es256), &public, &at_now("")).expect("verified with the public JWK again");
    assert_eq!(
        code(verify(&text(&hs384), &secret, &at_now(""))),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "a secret verifies HS256 only unless the options name more"
    );
}

/// One-shot `verify` keeps the last JWK or JWK Set it read for the next call
/// with the same key text: a call with another key (another key pair, or a
/// set holding a different secret) must read that key, never reuse the kept
/// one, and a key that fails to read must leave the kept one usable.
#[wasm_bindgen_test]
fn the_kept_jwk_serves_only_a_key_of_the_same_text() {
    let (private_a, public_a) = key_pair("ES256");
    let (private_b, public_b) = key_pair("ES256");
    let token_a = text(&signed(&private_a, ""));
    let token_b = text(&signed(&private_b, ""));
    verify(&token_a, &public_a, &at_now("")).expect("A with A's key");
    assert_eq!(
        code(verify(&token_b, &public_a, &at_now(""))),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "B's token with A's key, kept from the call before"
    );
    verify(&token_b, &public_b, &at_now("")).expect("B with B's key, read anew");
    assert_eq!(
        code(verify(&token_a, &public_b, &at_now(""))),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "A's token with B's key: A's is no longer the one used"
    );

    // Sets of one secret each, differing in the secret alone: 32 zero bytes,
    // then the 32 bytes "iii…" the token was signed with.
    let oct_set = |k: &str| {
        json(&format!(
            r#"{{"keys":[{{"kty":"oct","alg":"HS256","k":"{k}"}}]}}"#
        ))
    };
    let hs256 = sign(
        &json(r#"{"sub":"user-1"}"#),
        &text(&"i".repeat(32)),
        &at_now(r#""expiresIn":900"#),
    )
    .expect("signed with the secret");
    assert_eq!(
        code(verify(
            &text(&hs256),
            &oct_set(&"A".repeat(43)),
            &at_now("")
        )),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
    );
    let secret_k = "aWlp".repeat(10) + "aWk";
    verify(&text(&hs256), &oct_set(&secret_k), &at_now("")).expect("the set with the secret");

    // A key that cannot be read changes nothing kept.
    assert_eq!(
        code(verify(
            &token_a,
            &json(r#"{"kty":"EC","crv":"P-256"}"#),
            &at_now("")
        )),
        "ERR_JWK_INVALID"
    );
    verify(&token_a, &public_a, &at_now("")).expect("A with A's key after a bad key");
}
