//! The JWS algorithms this crate implements.

/// A JWS signature algorithm (RFC 7518 §3.1).
///
/// Only the algorithms compiled into this build are variants; a token naming any
/// other algorithm (`none`, `RS256`, an unknown name) is refused with
/// [`Error::AlgorithmNotAllowed`](crate::Error::AlgorithmNotAllowed) before its
/// signature is looked at. New families join as new variants behind their own
/// cargo features, so the enum is `#[non_exhaustive]`.
///
/// ```
/// use jwt_edge::Algorithm;
/// assert_eq!(Algorithm::from_name("HS384"), Some(Algorithm::Hs384));
/// assert_eq!(Algorithm::from_name("none"), None);
/// assert_eq!(Algorithm::Hs512.name(), "HS512");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC with SHA-256.
    Hs256,
    /// HMAC with SHA-384.
    Hs384,
    /// HMAC with SHA-512.
    Hs512,
}

impl Algorithm {
    /// Every algorithm of this build.
    pub const ALL: [Self; 3] = [Self::Hs256, Self::Hs384, Self::Hs512];

    /// The registered name, as it appears in a JOSE header (`"HS256"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::Hs384 => "HS384",
            Self::Hs512 => "HS512",
        }
    }

    /// The algorithm with this exact registered name (names are case-sensitive,
    /// RFC 7515 §4.1.1), or `None` for any name this build does not implement.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|alg| alg.name() == name)
    }

    /// The length in bytes of this algorithm's signature.
    #[must_use]
    pub const fn signature_len(self) -> usize {
        match self {
            Self::Hs256 => 32,
            Self::Hs384 => 48,
            Self::Hs512 => 64,
        }
    }
}

impl core::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
