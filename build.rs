//! One name for each feature combination the code tests in many places:
//! - `cfg(speed_or_native)` is `any(feature = "speed", not(feature = "npm-runtime"))`,
//!   every build but the browsers' size builds of the npm package: the Node and
//!   workerd build, native builds and the tests. The one-shot calls' caches and
//!   the handover to the runtime's crypto live there; a page's download leaves
//!   them out.
//! - `cfg(verifies_in_place)`: the browsers' build that verifies without
//!   signing or asymmetric keys (`jwt-edge/verify`, feature `npm-verify`
//!   alone), which has no other use for the JSON parser: it verifies tokens in
//!   their own buffer with the checker (`verify/in_place.rs`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(speed_or_native)");
    let speed = std::env::var_os("CARGO_FEATURE_SPEED").is_some();
    let npm_runtime = std::env::var_os("CARGO_FEATURE_NPM_RUNTIME").is_some();
    if speed || !npm_runtime {
        println!("cargo::rustc-cfg=speed_or_native");
    }
    println!("cargo::rustc-check-cfg=cfg(verifies_in_place)");
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    if npm_runtime && !speed && feature("JS_VERIFY") && !feature("JS") && !feature("ASYMMETRIC") {
        println!("cargo::rustc-cfg=verifies_in_place");
    }
}
