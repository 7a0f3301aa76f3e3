//! The package's runtime (feature `npm-runtime`), so that the floor pays for
//! allocation and traps as the package's modules do: no standard library,
//! panics trap, a TLSF allocator. A copy of jwt-edge's `src/npm_runtime.rs`
//! rather than a link to it: depending on jwt-edge would unify its features
//! into `hmac` and `sha2` (zeroizing keys), and the floor would grow by 0.7 KB
//! (5 KB in the speed build) of work that is jwt-edge's, not the floor's.

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
