//! How long repeated login failures lock an account.

/// Failures allowed before the account is locked.
pub const FREE_FAILURES: u32 = 5;

/// The first lock, in seconds; each further failure doubles it.
pub const FIRST_LOCK_SECS: u64 = 30;

/// The longest lock, in seconds.
pub const MAX_LOCK_SECS: u64 = 3600;

/// Seconds to lock the account after its `failures`-th consecutive failure:
/// nothing for the first few, then 30 s, 60 s, 120 s … up to an hour.
#[must_use]
pub fn lock_secs(failures: u32) -> u64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(16);
    (FIRST_LOCK_SECS << doublings).min(MAX_LOCK_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failures_do_not_lock() {
        for failures in 0..FREE_FAILURES {
            assert_eq!(lock_secs(failures), 0);
        }
    }

    #[test]
    fn locks_grow_and_are_capped() {
        assert_eq!(lock_secs(5), 30);
        assert_eq!(lock_secs(6), 60);
        assert_eq!(lock_secs(7), 120);
        assert_eq!(lock_secs(12), 3600);
        assert_eq!(lock_secs(u32::MAX), 3600);
    }
}
