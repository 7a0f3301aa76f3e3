//! Native verify of every asymmetric algorithm, and ES256/ES384/ES512/EdDSA
//! signing: `cargo bench --bench asymmetric`.
//!
//! The RSA tokens are Wycheproof's (`tests/vectors/json_web_signature_test.json`,
//! 2048-bit keys; the crate does not sign RSA); the ECDSA and Ed25519 tokens
//! are signed here. Each verify is `verify_jws` with a key prepared once:
//! form, header, algorithm, signature.

use core::hint::black_box;
use criterion::{criterion_group, criterion_main, Criterion};
use jwt_edge::alg::ecdsa::EcdsaPrivateKey;
use jwt_edge::alg::eddsa::Ed25519PrivateKey;
use jwt_edge::{
    sign, verify_jws, Algorithm, Claims, HeaderOptions, PrivateKey, PublicKey, SigningKey,
    Validation,
};

/// The first valid token and the public JWK of the Wycheproof group whose
/// key names `alg`.
fn wycheproof(alg: &str) -> (String, PublicKey) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/json_web_signature_test.json"
    );
    let text = std::fs::read_to_string(path).expect("the vectors");
    let vectors: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for group in vectors["testGroups"].as_array().expect("groups") {
        let public = &group["public"];
        if public["alg"] != alg {
            continue;
        }
        for case in group["tests"].as_array().expect("tests") {
            let jws = case["jws"].as_str().expect("jws");
            let key = PublicKey::from_jwk(public.to_string().as_bytes()).expect("a key");
            if case["result"] == "valid" && verify_jws(jws, &key, &Validation::new(0)).is_ok() {
                return (jws.to_owned(), key);
            }
        }
    }
    panic!("no valid {alg} token")
}

fn signers() -> Vec<PrivateKey> {
    let mut keys: Vec<PrivateKey> = [
        (Algorithm::Es256, 32),
        (Algorithm::Es384, 48),
        (Algorithm::Es512, 66),
    ]
    .into_iter()
    .map(|(algorithm, len)| {
        let mut d = vec![0x37; len];
        d[0] = 1;
        EcdsaPrivateKey::from_scalar(algorithm, &d)
            .expect("a scalar")
            .into()
    })
    .collect();
    keys.push(
        Ed25519PrivateKey::from_seed(Algorithm::EdDsa, &[0x37; 32])
            .expect("a seed")
            .into(),
    );
    keys
}

fn claims() -> Claims {
    let mut claims = Claims::new();
    claims.subject = Some("user-1".into());
    claims.issuer = Some("https://auth.example.com".into());
    claims
}

fn verify_each_algorithm(c: &mut Criterion) {
    let validation = Validation::new(0);
    let mut cases: Vec<(String, String, PublicKey)> =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
            .into_iter()
            .map(|alg| {
                let (token, key) = wycheproof(alg);
                (alg.to_owned(), token, key)
            })
            .collect();
    for private in signers() {
        let token = sign(&claims(), &private, &HeaderOptions::new());
        cases.push((
            private.algorithm().name().to_owned(),
            token,
            private.public_key(),
        ));
    }
    let mut group = c.benchmark_group("verify");
    for (alg, token, key) in &cases {
        group.bench_function(alg.as_str(), |b| {
            b.iter(|| verify_jws(black_box(token), black_box(key), &validation).expect("valid"));
        });
    }
    group.finish();
}

fn sign_each_algorithm(c: &mut Criterion) {
    let mut group = c.benchmark_group("sign");
    for private in signers() {
        let claims = claims();
        group.bench_function(private.algorithm().name(), |b| {
            b.iter(|| sign(black_box(&claims), &private, &HeaderOptions::new()));
        });
    }
    group.finish();
}

criterion_group!(benches, verify_each_algorithm, sign_each_algorithm);
criterion_main!(benches);
