//! The system clock, for callers with `std` (the core itself never reads time).

/// Seconds since the Unix epoch by the system clock (0 if the clock is before it).
#[must_use]
pub fn system_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}
