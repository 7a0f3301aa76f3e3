//! The published test cases of two reference libraries for HS* compact JWS and
//! JWT claim validation, re-expressed against this crate's API:
//!
//! - `jose` (panva/jose), in `jose.rs`: `test/jwt/verify.test.ts`,
//!   `test/jws/compact.verify.test.ts`, `test/jws/flattened.verify.test.ts`
//!   (the checks that apply to a compact token) and `test/jws/crit.test.ts`;
//! - `PyJWT` (jpadilla/pyjwt), in `pyjwt.rs`: `tests/test_api_jwt.py` and
//!   `tests/test_api_jws.py`.
//!
//! Each test names the case it re-expresses. Where this crate deliberately
//! differs from the reference library (it is stricter in a few places), the
//! test asserts this crate's documented outcome and says how the library differs.
//! Cases about options this API cannot express (a JavaScript `null` option, an
//! empty issuer list, `strict_aud`, detached payloads) are left out.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod jose;
mod pyjwt;

use common::codes::CLAIM_FAILED;
use jwt_edge::{Error, Validation};

/// The code, claim and reason of a failure.
fn failure<T: core::fmt::Debug>(
    result: Result<T, Error>,
) -> (&'static str, Option<String>, Option<&'static str>) {
    let error = result.expect_err("the token must be refused");
    (
        error.code(),
        error.claim().map(String::from),
        error.reason(),
    )
}

fn claim_failure(
    claim: &str,
    reason: &'static str,
) -> (&'static str, Option<String>, Option<&'static str>) {
    (CLAIM_FAILED, Some(claim.into()), Some(reason))
}

/// No claim required: most published cases have no `exp`.
fn lax(now: u64) -> Validation {
    Validation::new(now).required_claims(Vec::<String>::new())
}
