//! The package's runtime (feature `npm-runtime`), so that the floor pays for
//! allocation and traps as the package's modules do: no standard library,
//! panics trap, a TLSF allocator.

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
