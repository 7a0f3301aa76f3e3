//! One name for a feature combination the code tests in many places:
//! `cfg(speed_or_native)` is `any(feature = "speed", not(feature = "npm-runtime"))`,
//! every build but the browsers' size builds of the npm package: the Node and
//! workerd build, native builds and the tests. The one-shot calls' caches and
//! the handover to the runtime's crypto live there; a page's download leaves
//! them out.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(speed_or_native)");
    let speed = std::env::var_os("CARGO_FEATURE_SPEED").is_some();
    let npm_runtime = std::env::var_os("CARGO_FEATURE_NPM_RUNTIME").is_some();
    if speed || !npm_runtime {
        println!("cargo::rustc-cfg=speed_or_native");
    }
}
