//! A verified claims set borrowed from the token's payload, for callers that read a few
//! claims and keep nothing: what [`verify_with`](crate::verify_with) lends.

use super::{AudienceRef, CheckedClaims, NumericDateRef};
use crate::json::{Raw, Value};
use crate::{Claims, NumericDate};

/// A claims set that has passed every rule of [`verify`](crate::verify),
/// borrowed from the token's decoded payload: reading it copies nothing but
/// what is asked for.
///
/// [`verify_with`](crate::verify_with) lends one to a closure. The strings
/// point into the payload's JSON text (a string with escapes was unescaped
/// once, when it was checked); custom claims are built only when
/// [`get`](Self::get) asks.
///
/// ```
/// use jwt_edge::{sign, verify_with, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate, Validation};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
/// let mut claims = Claims::new();
/// claims.subject = Some("user-1".into());
/// claims.expires_at = NumericDate::from_secs(1_700_000_900);
/// claims.insert("role", "admin")?;
/// let token = sign(&claims, &key, &HeaderOptions::new());
///
/// let admin = verify_with(&token, &key, &Validation::new(1_700_000_000), |claims| {
///     claims.subject() == Some("user-1") && claims.get_str("role") == Some("admin")
/// })?;
/// assert!(admin);
/// # Ok::<(), jwt_edge::Error>(())
/// ```
pub struct ClaimsRef<'a> {
    view: CheckedClaims<'a>,
}

impl<'a> ClaimsRef<'a> {
    pub(crate) fn new(view: CheckedClaims<'a>) -> Self {
        Self { view }
    }

    /// `iss`: who issued the token.
    #[must_use]
    pub fn issuer(&self) -> Option<&str> {
        self.view.registered.issuer.as_deref()
    }

    /// `sub`: whom the token is about.
    #[must_use]
    pub fn subject(&self) -> Option<&str> {
        self.view.registered.subject.as_deref()
    }

    /// `aud`, one audience or several, in order; nothing without `aud`.
    pub fn audiences(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match &self.view.registered.audience {
            Some(AudienceRef::One(one)) => (Some(one.as_ref()), &[][..]),
            Some(AudienceRef::Many(many)) => (None, many.as_slice()),
            None => (None, &[][..]),
        };
        one.into_iter().chain(many.iter().map(AsRef::as_ref))
    }

    /// `exp`: when the token expires.
    #[must_use]
    pub fn expires_at(&self) -> Option<NumericDate> {
        owned_date(self.view.registered.expires_at.as_ref())
    }

    /// `nbf`: when the token becomes valid.
    #[must_use]
    pub fn not_before(&self) -> Option<NumericDate> {
        owned_date(self.view.registered.not_before.as_ref())
    }

    /// `iat`: when the token was issued.
    #[must_use]
    pub fn issued_at(&self) -> Option<NumericDate> {
        owned_date(self.view.registered.issued_at.as_ref())
    }

    /// `jti`: a unique id for the token.
    #[must_use]
    pub fn jwt_id(&self) -> Option<&str> {
        self.view.registered.jwt_id.as_deref()
    }

    /// The custom (non-registered) claim `name`, if it is a string: borrowed,
    /// not copied.
    #[must_use]
    pub fn get_str(&self, name: &str) -> Option<&str> {
        match self.view.custom_member(name)? {
            Raw::String(text) => Some(text),
            _ => None,
        }
    }

    /// The custom (non-registered) claim `name`, built as [`Claims::get`]
    /// would return it.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Value> {
        self.view.custom_member(name)?.clone().into_value()
    }

    /// The names of the custom (non-registered) claims, in order.
    pub fn custom_names(&self) -> impl Iterator<Item = &str> {
        self.view.custom_members().map(|(name, _)| name)
    }

    /// Whether the claim `name`, registered or custom, is present.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.view.contains(name)
    }

    /// The claims set as owned [`Claims`], exactly what
    /// [`verify`](crate::verify) returns for the same token.
    #[must_use]
    pub fn to_claims(&self) -> Claims {
        self.view.to_claims()
    }
}

/// A registered date as [`Claims`] holds it.
fn owned_date(date: Option<&NumericDateRef<'_>>) -> Option<NumericDate> {
    date.cloned().map(NumericDateRef::into_owned)
}

impl core::fmt::Debug for ClaimsRef<'_> {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let registered = &self.view.registered;
        formatter
            .debug_struct("ClaimsRef")
            .field("issuer", &self.issuer())
            .field("subject", &self.subject())
            .field("audience", &registered.audience)
            .field(
                "expires_at",
                &registered.expires_at.as_ref().map(|date| date.secs),
            )
            .field(
                "not_before",
                &registered.not_before.as_ref().map(|date| date.secs),
            )
            .field(
                "issued_at",
                &registered.issued_at.as_ref().map(|date| date.secs),
            )
            .field("jwt_id", &self.jwt_id())
            .field(
                "custom",
                &self.view.custom_members().collect::<alloc::vec::Vec<_>>(),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use crate::{sign, verify_with, Algorithm, Claims, HeaderOptions, HmacKey, Validation};
    use alloc::format;

    #[test]
    fn debug_lists_every_claim_read() {
        let key = HmacKey::new(Algorithm::Hs256, &[7; 32]).expect("32 bytes");
        let mut claims = Claims::new();
        claims.subject = Some("user-1".into());
        claims
            .insert("roles", alloc::vec!["admin"])
            .expect("a custom claim");
        let token = sign(&claims, &key, &HeaderOptions::new());
        let lax =
            Validation::new(0).required_claims(alloc::vec::Vec::<alloc::string::String>::new());
        let shown = verify_with(&token, &key, &lax, |claims| format!("{claims:?}")).expect("valid");
        assert!(shown.starts_with("ClaimsRef {"), "{shown}");
        assert!(shown.contains(r#"subject: Some("user-1")"#), "{shown}");
        assert!(
            shown.contains("roles") && shown.contains("admin"),
            "{shown}"
        );
    }
}
