//! How repeated login failures lock a name: counted per name and client
//! address, and per name from anywhere with a looser ceiling, so that one
//! client cannot lock the real user out from another network.

/// One throttle: how many failures are free, then locks that double.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockPolicy {
    /// Failures allowed before the name is locked (at least 2); the attempt
    /// that reaches this count locks it in advance, before its password is
    /// checked, and a success lifts the lock.
    pub free_failures: u32,
    /// The first lock, in seconds; each further failure doubles it.
    pub first_lock_secs: u64,
    /// The longest lock, in seconds.
    pub max_lock_secs: u64,
}

/// A name from one client address: 5 attempts, then 30 s, 60 s … up to an hour.
pub const PER_CLIENT: LockPolicy = LockPolicy {
    free_failures: 5,
    first_lock_secs: 30,
    max_lock_secs: 3600,
};

/// A name from every address together: the ceiling for guesses spread over
/// many addresses, looser so that one client's failures never reach it.
pub const PER_NAME: LockPolicy = LockPolicy {
    free_failures: 50,
    first_lock_secs: 30,
    max_lock_secs: 3600,
};

// The statement that counts needs two free failures at least (the first
// attempt inserts the row unlocked), and one client must not reach the
// name's ceiling.
const _: () =
    assert!(PER_CLIENT.free_failures >= 2 && PER_NAME.free_failures > PER_CLIENT.free_failures);

/// The throttle key of `username` (already checked by `username_problem`,
/// so ASCII) from the client at `address`.
#[must_use]
pub fn client_key(username: &str, address: &str) -> String {
    format!("client {address} {}", username.to_ascii_lowercase())
}

/// The throttle key of `username` from every address.
#[must_use]
pub fn name_key(username: &str) -> String {
    format!("name {}", username.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_keep_scopes_apart() {
        assert_eq!(client_key("Alice", "192.0.2.1"), "client 192.0.2.1 alice");
        assert_eq!(name_key("ALICE"), "name alice");
        assert_ne!(client_key("a", ""), name_key("a"));
    }
}
