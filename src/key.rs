//! What a key must do to sign or verify a token.
//!
//! Each algorithm family implements these traits on its own key type (HMAC in
//! [`alg::hmac`](crate::alg::hmac)); [`verify`](crate::verify) and
//! [`sign`](crate::sign) are generic over them, so a build only carries the
//! families it uses.

use crate::{Algorithm, Error};
use alloc::vec::Vec;

/// A key that checks signatures of one algorithm.
pub trait VerifyingKey {
    /// The one algorithm this key verifies. A token whose header names any
    /// other algorithm is refused before this key is used.
    fn algorithm(&self) -> Algorithm;

    /// Checks `signature` over `signing_input` (the ASCII bytes
    /// `base64url(header) "." base64url(payload)`).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail, when the signature does not match.
    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error>;
}

/// A key that produces signatures of one algorithm.
pub trait SigningKey {
    /// The algorithm this key signs with; [`sign`](crate::sign) writes it into the header.
    fn algorithm(&self) -> Algorithm;

    /// The signature over `signing_input`.
    fn sign(&self, signing_input: &[u8]) -> Vec<u8>;
}

impl<K: VerifyingKey + ?Sized> VerifyingKey for &K {
    fn algorithm(&self) -> Algorithm {
        (**self).algorithm()
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        (**self).verify_signature(signing_input, signature)
    }
}

/// What a token asks of a key: the algorithm its header names (already known
/// to be implemented and allowed), its `kid`, and the algorithms the caller
/// named (empty when the caller named none).
///
/// The header's `jku`, `x5u`, `jwk` and `x5c` are never offered: a token
/// never supplies its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeyRequest<'a> {
    /// The header's `alg`.
    pub algorithm: Algorithm,
    /// The header's `kid`, untrusted: only a hint for choosing among keys.
    pub kid: Option<&'a str>,
    /// The algorithms the caller allowed through
    /// [`Validation::algorithms`](crate::Validation::algorithms); empty when it
    /// named none.
    pub allowed: &'a [Algorithm],
}

impl<'a> KeyRequest<'a> {
    /// A request for `algorithm`, with the header's `kid` and the caller's
    /// allowed algorithms.
    ///
    /// ```
    /// use jwt_edge::{Algorithm, KeyRequest, KeySource, HmacKey};
    /// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
    /// let request = KeyRequest::new(Algorithm::Hs256, Some("k1"), &[]);
    /// assert!(key.key_for(&request).is_ok());
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    #[must_use]
    pub const fn new(algorithm: Algorithm, kid: Option<&'a str>, allowed: &'a [Algorithm]) -> Self {
        Self {
            algorithm,
            kid,
            allowed,
        }
    }
}

/// Where [`verify`](crate::verify) gets the key for a token: a single
/// [`VerifyingKey`] (bound to one algorithm), a [`PublicKey`](crate::PublicKey)
/// or a [`KeySet`](crate::KeySet).
///
/// ```
/// use jwt_edge::{Algorithm, HmacKey, KeyRequest, KeySource};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!")?;
/// // A key bound to one algorithm answers every request; `verify` then checks
/// // that the key's algorithm is the token's.
/// let chosen = key.key_for(&KeyRequest::new(Algorithm::Hs256, None, &[]))?;
/// # Ok::<(), jwt_edge::Error>(())
/// ```
pub trait KeySource {
    /// The key chosen for one token.
    type Key<'k>: VerifyingKey
    where
        Self: 'k;

    /// The key for the token that asks `request`.
    ///
    /// # Errors
    /// [`Error::AlgorithmNotAllowed`] when no key of this source may verify
    /// the requested algorithm; for key sets, [`Error::NoMatchingKey`] or
    /// [`Error::MultipleMatchingKeys`].
    fn key_for(&self, request: &KeyRequest<'_>) -> Result<Self::Key<'_>, Error>;
}

impl<K: VerifyingKey + ?Sized> KeySource for K {
    type Key<'k>
        = &'k K
    where
        K: 'k;

    fn key_for(&self, _request: &KeyRequest<'_>) -> Result<&K, Error> {
        Ok(self)
    }
}
