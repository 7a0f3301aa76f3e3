//! What makes a username and a password acceptable (NIST SP 800-63B: length,
//! no composition rules).

/// Shortest and longest password, in characters.
pub const PASSWORD_CHARS: core::ops::RangeInclusive<usize> = 8..=128;

/// Shortest and longest username, in characters.
pub const USERNAME_CHARS: core::ops::RangeInclusive<usize> = 3..=32;

/// Why a username is refused, or `None` when it is acceptable: 3 to 32
/// letters, digits, `.`, `_` or `-`.
#[must_use]
pub fn username_problem(username: &str) -> Option<&'static str> {
    if !USERNAME_CHARS.contains(&username.chars().count()) {
        return Some("the username must be 3 to 32 characters long");
    }
    if !username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Some("the username may contain only letters, digits, '.', '_' and '-'");
    }
    None
}

/// Why a password is refused, or `None` when it is acceptable: 8 to 128
/// characters, anything else goes.
#[must_use]
pub fn password_problem(password: &str) -> Option<&'static str> {
    if PASSWORD_CHARS.contains(&password.chars().count()) {
        None
    } else {
        Some("the password must be 8 to 128 characters long")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_short_plain_names() {
        assert_eq!(username_problem("alice"), None);
        assert_eq!(username_problem("a.b_c-9"), None);
        assert!(username_problem("al").is_some());
        assert!(username_problem(&"a".repeat(33)).is_some());
        for bad in ["al ice", "x'; DROP TABLE users;--", "ålice", "a/b"] {
            assert!(username_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn passwords_are_judged_by_length_only() {
        assert_eq!(password_problem("12345678"), None);
        assert_eq!(
            password_problem("pässwörd"),
            None,
            "8 characters, more bytes"
        );
        assert!(password_problem("1234567").is_some());
        assert_eq!(password_problem(&"x".repeat(128)), None);
        assert!(password_problem(&"x".repeat(129)).is_some());
    }
}
