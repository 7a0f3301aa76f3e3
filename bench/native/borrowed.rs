//! Native HS256 verify through `verify_with`, which checks everything
//! `verify` checks and lends the claims to a closure instead of copying them
//! out, beside the same HMAC-SHA256 floor and with the same token as
//! `bench/native/native.rs`.
//!
//! A binary of its own: compiled beside `verify`, the code both share is
//! inlined less for each (1.5% more instructions for a `verify` of this token
//! under callgrind), which a program using one of them does not pay.

mod common;

use common::{edge_claims, now, Floor, SECRET};
use core::hint::black_box;
use criterion::{criterion_group, criterion_main, Criterion};

fn verify_borrowed(c: &mut Criterion) {
    let now = now();
    let key = jwt_edge::HmacKey::new(jwt_edge::Algorithm::Hs256, SECRET).expect("a 45-byte key");
    let claims = edge_claims(now);
    let token = jwt_edge::sign(&claims, &key, &jwt_edge::HeaderOptions::new());
    let validation = jwt_edge::Validation::new(now);
    let floor = Floor::new(&token);
    // It accepts the token and reads the claims `verify` would return.
    let read = jwt_edge::verify_with(&token, &key, &validation, |borrowed| {
        borrowed.to_claims() == claims
    });
    assert_eq!(read, Ok(true), "verify_with reads the claims signed");

    let mut group = c.benchmark_group("verify HS256, borrowed claims");
    group.bench_function("jwt-edge verify_with", |b| {
        b.iter(|| {
            jwt_edge::verify_with(black_box(&token), &key, &validation, |claims| {
                black_box(claims);
            })
        });
    });
    group.bench_function("HMAC-SHA256 floor", |b| b.iter(|| floor.run()));
    group.finish();
}

criterion_group! {
    name = borrowed;
    config = common::config();
    targets = verify_borrowed
}
criterion_main!(borrowed);
