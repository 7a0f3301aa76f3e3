//! Public keys of the asymmetric families, bound to one family and, once
//! named, to one algorithm.

#[cfg(feature = "ecdsa-curves")]
use crate::alg::ecdsa::EcdsaPublicKey;
#[cfg(feature = "eddsa")]
use crate::alg::eddsa::Ed25519PublicKey;
#[cfg(feature = "rsa")]
use crate::alg::rsa::RsaPublicKey;
use crate::key::{KeyRequest, KeySource, VerifyingKey};
use crate::{Algorithm, Error, KeyFamily};
use alloc::string::String;

#[cfg(all(feature = "js-verify", speed_or_native))]
mod hand_over;
#[cfg(all(feature = "js-verify", speed_or_native))]
pub(crate) use hand_over::HandOverForms;

/// A public key for verifying tokens: an RSA, ECDSA or Ed25519 key, with the
/// one algorithm it verifies when its JWK or the caller named one, and its
/// `kid` if it has one.
///
/// The key decides the algorithm, never the token: a token is verified only
/// when its `alg` is the key's algorithm, or, for a key without one, an
/// algorithm of the key's family that the caller allowed through
/// [`Validation::algorithms`](crate::Validation::algorithms). An HS* token is
/// never verified with a public key.
///
/// ```
/// use jwt_edge::{Algorithm, PublicKey};
/// let jwk = br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// let key = PublicKey::from_jwk(jwk)?;
/// assert_eq!(key.algorithm(), None);
/// let key = key.with_algorithm(Algorithm::EdDsa)?;
/// assert_eq!(key.algorithm(), Some(Algorithm::EdDsa));
/// assert_eq!(format!("{key:?}"), "PublicKey { material: Ed25519, algorithm: Some(EdDsa), kid: None }");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub(crate) material: Material,
    pub(crate) algorithm: Option<Algorithm>,
    pub(crate) kid: Option<String>,
}

/// The key itself, one variant per family.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Material {
    #[cfg(feature = "rsa")]
    Rsa(RsaPublicKey),
    #[cfg(feature = "ecdsa-curves")]
    Ecdsa(EcdsaPublicKey),
    #[cfg(feature = "eddsa")]
    Ed25519(Ed25519PublicKey),
}

impl core::fmt::Debug for Material {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(&self.family(), f)
    }
}

impl Material {
    pub(crate) fn family(&self) -> KeyFamily {
        match self {
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => KeyFamily::Rsa,
            #[cfg(feature = "ecdsa-curves")]
            Self::Ecdsa(key) => key.family(),
            #[cfg(feature = "eddsa")]
            Self::Ed25519(_) => KeyFamily::Ed25519,
        }
    }

    fn verify(&self, algorithm: Algorithm, message: &[u8], signature: &[u8]) -> Result<(), Error> {
        if algorithm.family() != self.family() {
            return Err(Error::AlgorithmNotAllowed);
        }
        match self {
            #[cfg(feature = "rsa")]
            Self::Rsa(key) => key.verify(algorithm, message, signature),
            #[cfg(feature = "ecdsa-curves")]
            Self::Ecdsa(key) => key.verify(message, signature),
            #[cfg(feature = "eddsa")]
            Self::Ed25519(key) => key.verify(message, signature),
        }
    }
}

impl PublicKey {
    /// A key of `material`, bound to `algorithm` if given (the caller has
    /// checked that it fits).
    pub(crate) fn from_material(material: Material, algorithm: Option<Algorithm>) -> Self {
        Self {
            material,
            algorithm,
            kid: None,
        }
    }

    /// A key already known to fit `algorithm`.
    #[cfg(feature = "signing")]
    pub(crate) fn bound(material: Material, algorithm: Algorithm) -> Self {
        Self {
            material,
            algorithm: Some(algorithm),
            kid: None,
        }
    }

    /// The kind of key: RSA, a curve of ECDSA, or Ed25519.
    #[must_use]
    pub fn family(&self) -> KeyFamily {
        self.material.family()
    }

    /// The one algorithm this key verifies, if its JWK or the caller named one.
    #[must_use]
    pub fn algorithm(&self) -> Option<Algorithm> {
        self.algorithm
    }

    /// The key's `kid`, if it has one.
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The same key with the `kid` `kid`.
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// Binds the key to `algorithm`, which must be of the key's family (and
    /// the same as the algorithm it is already bound to, if any).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `algorithm` does not fit the key.
    pub fn with_algorithm(mut self, algorithm: Algorithm) -> Result<Self, Error> {
        if !self.fits(algorithm) {
            return Err(Error::InvalidKey {
                reason: "the key does not fit the algorithm",
            });
        }
        self.algorithm = Some(algorithm);
        Ok(self)
    }

    /// Whether this key may verify `algorithm`: of its family, and its own
    /// algorithm if it has one.
    #[must_use]
    pub fn fits(&self, algorithm: Algorithm) -> bool {
        algorithm.family() == self.family() && self.algorithm.is_none_or(|own| own == algorithm)
    }

    /// Whether this key may verify what `request` asks: a key with an
    /// algorithm only that algorithm; a key without one only an algorithm
    /// of its family that the caller named.
    pub(crate) fn serves(&self, request: &KeyRequest<'_>) -> bool {
        self.fits(request.algorithm)
            && (self.algorithm.is_some() || request.allowed.contains(&request.algorithm))
    }
}

/// A [`PublicKey`] used for one algorithm: what [`verify`](crate::verify)
/// checks the signature with once the token's `alg` is known to fit the key.
///
/// ```
/// use jwt_edge::{Algorithm, KeyRequest, KeySource, PublicKey, VerifyingKey};
/// let jwk = br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// let key = PublicKey::from_jwk(jwk)?;
/// // Without an `alg` of its own, the key serves only what the caller allows.
/// assert!(key.key_for(&KeyRequest::new(Algorithm::EdDsa, None, &[])).is_err());
/// let bound = key.key_for(&KeyRequest::new(Algorithm::EdDsa, None, &[Algorithm::EdDsa]))?;
/// assert_eq!(bound.algorithm(), Algorithm::EdDsa);
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BoundPublicKey<'k> {
    key: &'k PublicKey,
    algorithm: Algorithm,
}

impl VerifyingKey for BoundPublicKey<'_> {
    fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        self.key
            .material
            .verify(self.algorithm, signing_input, signature)
    }
}

impl BoundPublicKey<'_> {
    pub(crate) fn new(key: &PublicKey, algorithm: Algorithm) -> BoundPublicKey<'_> {
        BoundPublicKey { key, algorithm }
    }
}

#[cfg(all(feature = "js-verify", speed_or_native))]
impl<'k> BoundPublicKey<'k> {
    /// The key itself.
    pub(crate) fn public_key(&self) -> &'k PublicKey {
        self.key
    }
}

impl KeySource for PublicKey {
    type Key<'k> = BoundPublicKey<'k>;

    fn key_for(&self, request: &KeyRequest<'_>) -> Result<BoundPublicKey<'_>, Error> {
        if !self.serves(request) {
            return Err(Error::AlgorithmNotAllowed);
        }
        Ok(BoundPublicKey::new(self, request.algorithm))
    }
}

#[cfg(feature = "rsa")]
impl From<RsaPublicKey> for PublicKey {
    fn from(key: RsaPublicKey) -> Self {
        Self {
            material: Material::Rsa(key),
            algorithm: None,
            kid: None,
        }
    }
}

#[cfg(feature = "ecdsa-curves")]
impl From<EcdsaPublicKey> for PublicKey {
    fn from(key: EcdsaPublicKey) -> Self {
        Self {
            material: Material::Ecdsa(key),
            algorithm: None,
            kid: None,
        }
    }
}

#[cfg(feature = "eddsa")]
impl From<Ed25519PublicKey> for PublicKey {
    fn from(key: Ed25519PublicKey) -> Self {
        Self {
            material: Material::Ed25519(key),
            algorithm: None,
            kid: None,
        }
    }
}
