//! Native HS256 verify and sign: jwt-edge beside the `jsonwebtoken` crate and
//! `jwt-compact`, and the floor every verify pays, HMAC-SHA256 over the same
//! signing input with a prepared key.
//!
//! `cargo bench --bench native` (run by `make bench`, which turns the results
//! into `docs/benchmarks.md`). Every library verifies the same token, the one
//! the JavaScript benchmarks use: a ~300-byte access token with `sub`, `roles`,
//! `iss`, `aud`, `iat`, `exp` and `jti`, checking the signature (HS256 only)
//! and `exp`, and returning the claims. (`bench/native/borrowed.rs` measures
//! jwt-edge's `verify_with`, which lends the claims instead, in a binary of
//! its own.)

mod common;

use common::{edge_claims, now, Floor, SECRET};
use core::hint::black_box;
use criterion::{criterion_group, criterion_main, Criterion};
use jwt_compact::AlgorithmExt as _;
use serde::{Deserialize, Serialize};

/// The claims as the serde-based crates read them.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct AccessClaims {
    sub: String,
    roles: Vec<String>,
    iss: String,
    aud: String,
    iat: u64,
    exp: u64,
    jti: String,
}

/// `jwt-compact` keeps the time claims itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CompactCustom {
    sub: String,
    roles: Vec<String>,
    iss: String,
    aud: String,
    jti: String,
}

/// Everything each library needs, made once: the same token and claims for all.
struct Setup {
    token: String,
    edge_key: jwt_edge::HmacKey,
    edge_claims: jwt_edge::Claims,
    edge_header: jwt_edge::HeaderOptions,
    validation: jwt_edge::Validation,
    serde_claims: AccessClaims,
    jwt_decoding: jsonwebtoken::DecodingKey,
    jwt_encoding: jsonwebtoken::EncodingKey,
    jwt_validation: jsonwebtoken::Validation,
    jwt_header: jsonwebtoken::Header,
    compact_key: jwt_compact::alg::Hs256Key,
    compact_time: jwt_compact::TimeOptions<Box<dyn Fn() -> chrono::DateTime<chrono::Utc>>>,
    compact_header: jwt_compact::Header,
    compact_claims: jwt_compact::Claims<CompactCustom>,
    floor: Floor,
}

impl Setup {
    fn new() -> Self {
        let now = now();
        let edge_key =
            jwt_edge::HmacKey::new(jwt_edge::Algorithm::Hs256, SECRET).expect("a 45-byte key");
        let edge_claims = edge_claims(now);
        let edge_header = jwt_edge::HeaderOptions::new();
        let token = jwt_edge::sign(&edge_claims, &edge_key, &edge_header);
        let floor = Floor::new(&token);
        let serde_claims = AccessClaims {
            sub: "user-8f3a2c71".into(),
            roles: vec!["admin".into(), "editor".into()],
            iss: "https://auth.example.com".into(),
            aud: "api.example.com".into(),
            iat: now,
            exp: now + 15 * 60,
            jti: "7b1e9d04-6c2f-4a8e".into(),
        };
        // jsonwebtoken: `aud` is not checked, like the others here.
        let mut jwt_validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
        jwt_validation.validate_aud = false;
        let at = |secs: u64| {
            chrono::DateTime::from_timestamp(i64::try_from(secs).expect("a time"), 0)
                .expect("a time")
        };
        let compact_now = at(now);
        let compact_claims = {
            let custom = CompactCustom {
                sub: serde_claims.sub.clone(),
                roles: serde_claims.roles.clone(),
                iss: serde_claims.iss.clone(),
                aud: serde_claims.aud.clone(),
                jti: serde_claims.jti.clone(),
            };
            let mut claims = jwt_compact::Claims::new(custom);
            claims.issued_at = Some(at(now));
            claims.expiration = Some(at(now + 15 * 60));
            claims
        };
        Self {
            token,
            edge_key,
            edge_claims,
            edge_header,
            validation: jwt_edge::Validation::new(now),
            serde_claims,
            jwt_decoding: jsonwebtoken::DecodingKey::from_secret(SECRET),
            jwt_encoding: jsonwebtoken::EncodingKey::from_secret(SECRET),
            jwt_validation,
            jwt_header: jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            compact_key: jwt_compact::alg::Hs256Key::new(SECRET),
            compact_time: jwt_compact::TimeOptions::new(
                chrono::Duration::zero(),
                Box::new(move || compact_now),
            ),
            compact_header: jwt_compact::Header::empty().with_token_type("JWT"),
            compact_claims,
            floor,
        }
    }

    fn edge_verify(&self) -> Result<jwt_edge::Claims, jwt_edge::Error> {
        jwt_edge::verify(black_box(&self.token), &self.edge_key, &self.validation)
    }

    fn jsonwebtoken_verify(&self) -> jsonwebtoken::errors::Result<AccessClaims> {
        jsonwebtoken::decode::<AccessClaims>(
            black_box(&self.token),
            &self.jwt_decoding,
            &self.jwt_validation,
        )
        .map(|data| data.claims)
    }

    fn compact_verify(&self) -> Option<jwt_compact::Token<CompactCustom>> {
        let untrusted = jwt_compact::UntrustedToken::new(black_box(&self.token)).ok()?;
        let token = jwt_compact::alg::Hs256
            .validator::<CompactCustom>(&self.compact_key)
            .validate(&untrusted)
            .ok()?;
        token
            .claims()
            .validate_expiration(&self.compact_time)
            .ok()?;
        Some(token)
    }
}

fn verify(c: &mut Criterion) {
    let setup = Setup::new();
    // Every verifier accepts the token and reads the same claims.
    let edge = setup.edge_verify().expect("jwt-edge verifies");
    assert_eq!(edge.subject.as_deref(), Some("user-8f3a2c71"));
    let serde = setup.jsonwebtoken_verify().expect("jsonwebtoken verifies");
    assert_eq!(serde.roles, ["admin", "editor"]);
    assert!(setup.compact_verify().is_some(), "jwt-compact verifies");

    let mut group = c.benchmark_group("verify HS256");
    group.bench_function("jwt-edge verify", |b| b.iter(|| setup.edge_verify()));
    group.bench_function("jsonwebtoken decode", |b| {
        b.iter(|| setup.jsonwebtoken_verify());
    });
    group.bench_function("jwt-compact validate", |b| {
        b.iter(|| setup.compact_verify());
    });
    group.bench_function("HMAC-SHA256 floor", |b| b.iter(|| setup.floor.run()));
    group.finish();
}

fn sign(c: &mut Criterion) {
    let setup = Setup::new();
    let mut group = c.benchmark_group("sign HS256");
    group.bench_function("jwt-edge sign", |b| {
        b.iter(|| {
            jwt_edge::sign(
                black_box(&setup.edge_claims),
                &setup.edge_key,
                &setup.edge_header,
            )
        });
    });
    group.bench_function("jsonwebtoken encode", |b| {
        b.iter(|| {
            jsonwebtoken::encode(
                &setup.jwt_header,
                black_box(&setup.serde_claims),
                &setup.jwt_encoding,
            )
        });
    });
    group.bench_function("jwt-compact token", |b| {
        b.iter(|| {
            jwt_compact::alg::Hs256.token(
                &setup.compact_header,
                black_box(&setup.compact_claims),
                &setup.compact_key,
            )
        });
    });
    group.bench_function("HMAC-SHA256 floor", |b| b.iter(|| setup.floor.run()));
    group.finish();
}

criterion_group! {
    name = native;
    config = common::config();
    targets = verify, sign
}
criterion_main!(native);
