//! The runtime of the npm package's WebAssembly build (features `npm` and `npm-verify`), which
//! links no standard library: the standard library's panic machinery and
//! allocator alone were a third of the download.

/// A panic is a trap. None is reachable: every export turns failures into a
/// thrown `JwtError`, and the code indexes only where bounds are proven (the
/// wasm-bindgen tests feed garbage to every export to check that nothing
/// traps). Formatting a message that nobody can read would only add size.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// TLSF: constant-time allocation and deallocation, bounded fragmentation,
/// about 1 KB of code (dlmalloc, the standard library's, is about 5 KB).
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
