//! What a verified token's claims must satisfy.

use crate::claims::{CheckedClaims, CustomMembers, RegisteredClaims};
use crate::header::normalize_media_type;
use crate::{Algorithm, Error};
use alloc::string::String;
use alloc::vec::Vec;

/// The longest token accepted by default: 16 KiB.
pub const DEFAULT_MAX_TOKEN_LENGTH: usize = 16 * 1024;

/// The most clock skew a caller may allow, in seconds.
pub const MAX_LEEWAY: u64 = 300;

/// The rules a token's claims must pass, and the time to judge them at.
///
/// The core never reads a clock: the caller passes `now` in seconds since the
/// Unix epoch. By default only the key's own algorithm is allowed, `exp` is
/// required, there is no leeway, and tokens over 16 KiB are refused unread.
///
/// ```
/// use jwt_edge::Validation;
/// let validation = Validation::new(1_700_000_000)
///     .issuer("https://auth.example.com")
///     .audience("api")
///     .leeway(30)?;
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    pub(crate) now: u64,
    pub(crate) leeway: u64,
    pub(crate) algorithms: Vec<Algorithm>,
    pub(crate) issuers: Vec<String>,
    pub(crate) audiences: Vec<String>,
    pub(crate) subject: Option<String>,
    pub(crate) required_claims: Vec<String>,
    pub(crate) max_age: Option<u64>,
    pub(crate) typ: Option<String>,
    pub(crate) max_token_length: usize,
}

impl Validation {
    /// The default rules, judged at `now` (seconds since the Unix epoch).
    #[must_use]
    pub fn new(now: u64) -> Self {
        Self {
            now,
            leeway: 0,
            algorithms: Vec::new(),
            issuers: Vec::new(),
            audiences: Vec::new(),
            subject: None,
            required_claims: alloc::vec!["exp".into()],
            max_age: None,
            typ: None,
            max_token_length: DEFAULT_MAX_TOKEN_LENGTH,
        }
    }

    /// The default rules, judged at the system clock's current time.
    #[cfg(feature = "std")]
    #[must_use]
    pub fn at_system_time() -> Self {
        Self::new(crate::clock::system_now())
    }

    /// Allows `seconds` of clock skew on `exp`, `nbf` and `iat` (0 to 300).
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] when `seconds` is over [`MAX_LEEWAY`].
    pub fn leeway(mut self, seconds: u64) -> Result<Self, Error> {
        if seconds > MAX_LEEWAY {
            return Err(Error::invalid_option(
                "leeway",
                "must be between 0 and 300 seconds",
            ));
        }
        self.leeway = seconds;
        Ok(self)
    }

    /// Narrows the allowed algorithms. A token must name an algorithm in this
    /// list *and* the key's own algorithm; by default only the key's own. A
    /// public key without an algorithm of its own (a JWK without `alg`, an
    /// SPKI) verifies only the algorithms of its family named here.
    #[must_use]
    pub fn algorithms(mut self, algorithms: &[Algorithm]) -> Self {
        self.algorithms = algorithms.to_vec();
        self
    }

    /// Adds an accepted issuer; `iss` must then equal one of them exactly.
    #[must_use]
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuers.push(issuer.into());
        self
    }

    /// Adds an accepted audience; `aud` (a string or an array) must then
    /// contain one of them.
    #[must_use]
    pub fn audience(mut self, audience: impl Into<String>) -> Self {
        self.audiences.push(audience.into());
        self
    }

    /// Requires `sub` to equal `subject` exactly.
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Replaces the claims that must be present (by default `["exp"]`).
    #[must_use]
    pub fn required_claims<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.required_claims = names.into_iter().map(Into::into).collect();
        self
    }

    /// Refuses tokens issued (`iat`) more than `seconds` ago with
    /// [`Error::TooOld`] (`ERR_JWT_EXPIRED`, claim `iat`); `iat` becomes required.
    #[must_use]
    pub fn max_age(mut self, seconds: u64) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// Requires the header's `typ`, compared as a media type: case-insensitive,
    /// with an optional `application/` prefix (RFC 7515 §4.1.9).
    #[must_use]
    pub fn typ(mut self, typ: impl Into<String>) -> Self {
        self.typ = Some(typ.into());
        self
    }

    /// Changes the longest token accepted (default 16 KiB). Longer tokens are
    /// refused before they are split or decoded.
    #[must_use]
    pub fn max_token_length(mut self, bytes: usize) -> Self {
        self.max_token_length = bytes;
        self
    }

    /// Whether the key's algorithm may be used under these rules.
    pub(crate) fn allows(&self, algorithm: Algorithm) -> bool {
        self.algorithms.is_empty() || self.algorithms.contains(&algorithm)
    }

    /// Checks the header's `typ` and the claims. Runs only after the signature
    /// has been verified.
    pub(crate) fn check<'a, C: CustomMembers<'a>>(
        &self,
        typ: Option<&str>,
        claims: &CheckedClaims<'a, C>,
    ) -> Result<(), Error> {
        self.check_registered(typ, &claims.registered, |name| claims.contains(name))
    }

    /// [`check`](Self::check) of the registered claims, `has_claim` telling
    /// whether the claims set has a claim of any name: for readers that keep
    /// the other claims their own way.
    pub(crate) fn check_registered(
        &self,
        typ: Option<&str>,
        claims: &RegisteredClaims<'_>,
        has_claim: impl Fn(&str) -> bool,
    ) -> Result<(), Error> {
        if let Some(expected) = &self.typ {
            let actual = typ.ok_or_else(|| Error::claim_invalid("typ", "missing"))?;
            if normalize_media_type(actual) != normalize_media_type(expected) {
                return Err(Error::claim_invalid("typ", "unexpected"));
            }
        }
        for name in &self.required_claims {
            if !has_claim(name) {
                return Err(Error::claim_invalid(name, "missing"));
            }
        }
        if !self.issuers.is_empty() {
            let issuer = claims
                .issuer
                .as_deref()
                .ok_or_else(|| Error::claim_invalid("iss", "missing"))?;
            if !self.issuers.iter().any(|expected| expected == issuer) {
                return Err(Error::claim_invalid("iss", "unexpected"));
            }
        }
        if let Some(expected) = &self.subject {
            let subject = claims
                .subject
                .as_deref()
                .ok_or_else(|| Error::claim_invalid("sub", "missing"))?;
            if subject != expected {
                return Err(Error::claim_invalid("sub", "unexpected"));
            }
        }
        if !self.audiences.is_empty() {
            let audience = claims
                .audience
                .as_ref()
                .ok_or_else(|| Error::claim_invalid("aud", "missing"))?;
            if !self
                .audiences
                .iter()
                .any(|expected| audience.contains(expected))
            {
                return Err(Error::claim_invalid("aud", "unexpected"));
            }
        }
        self.check_times(claims)
    }

    #[allow(clippy::cast_precision_loss)] // times are at most 2^53, exact in f64
    fn check_times(&self, claims: &RegisteredClaims<'_>) -> Result<(), Error> {
        let now = self.now as f64;
        let leeway = self.leeway as f64;
        if let Some(issued_at) = &claims.issued_at {
            if issued_at.secs > now + leeway {
                return Err(Error::claim_invalid("iat", "check_failed"));
            }
        }
        if let Some(max_age) = self.max_age {
            let issued_at = claims
                .issued_at
                .as_ref()
                .ok_or_else(|| Error::claim_invalid("iat", "missing"))?;
            if now - issued_at.secs > max_age as f64 + leeway {
                return Err(Error::TooOld);
            }
        }
        if let Some(not_before) = &claims.not_before {
            if now < not_before.secs - leeway {
                return Err(Error::claim_invalid("nbf", "check_failed"));
            }
        }
        if let Some(expires_at) = &claims.expires_at {
            if now >= expires_at.secs + leeway {
                return Err(Error::Expired);
            }
        }
        Ok(())
    }
}
