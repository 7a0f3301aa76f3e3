//! `EdDSA` (RFC 8037) and `Ed25519` (RFC 9864): Ed25519 signatures, verified
//! strictly (no small-order keys or `R`, no non-canonical encodings).

use crate::key::SigningKey;
use crate::{Algorithm, Error};
use alloc::vec::Vec;
use core::fmt;
use ed25519_dalek::Signer;

/// The length of an Ed25519 public key, private key and half signature.
const KEY_LEN: usize = 32;

/// An Ed25519 public key: a point on the curve, not of small order.
///
/// ```
/// use jwt_edge::alg::eddsa::Ed25519PublicKey;
/// // The identity is a small-order point: refused.
/// let mut identity = [0; 32];
/// identity[0] = 1;
/// assert_eq!(Ed25519PublicKey::from_bytes(&identity).unwrap_err().code(), "ERR_KEY_INVALID");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Ed25519PublicKey {
    key: ed25519_dalek::VerifyingKey,
}

/// An Ed25519 private key (its 32-byte seed), zeroed when dropped.
///
/// ```
/// use jwt_edge::alg::eddsa::Ed25519PrivateKey;
/// use jwt_edge::{sign, verify, Algorithm, Claims, HeaderOptions, SigningKey, Validation};
/// let key = Ed25519PrivateKey::from_seed(Algorithm::EdDsa, &[9; 32])?;
/// let token = sign(&Claims::new(), &key, &HeaderOptions::new());
/// assert!(token.starts_with("eyJhbGciOiJFZERTQSIs"));
/// let validation = Validation::new(0).required_claims::<[&str; 0], &str>([]);
/// verify(&token, &key.public_key(), &validation)?;
/// assert_eq!(format!("{key:?}"), "Ed25519PrivateKey { algorithm: EdDsa, .. }");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Clone)]
pub struct Ed25519PrivateKey {
    key: ed25519_dalek::SigningKey,
    algorithm: Algorithm,
}

impl Ed25519PublicKey {
    /// The key with this 32-byte encoding (RFC 8032 §5.1.2).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `bytes` is not 32 bytes, not a point on the
    /// curve, or a point of small order (a weak key that `verify_strict`
    /// would refuse anyway).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let invalid = || Error::InvalidKey {
            reason: "not a valid Ed25519 public key",
        };
        let bytes: &[u8; KEY_LEN] = bytes.try_into().map_err(|_| invalid())?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|_| invalid())?;
        if key.is_weak() {
            return Err(invalid());
        }
        Ok(Self { key })
    }

    /// The 32-byte encoding.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; KEY_LEN] {
        self.key.to_bytes()
    }

    /// Checks a 64-byte signature over `message` with `verify_strict`.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail, when the signature has
    /// the wrong length, a non-canonical `S` or `R`, a small-order `R`, or does
    /// not match.
    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), Error> {
        let signature =
            ed25519_dalek::Signature::from_slice(signature).map_err(|_| Error::SignatureInvalid)?;
        self.key
            .verify_strict(message, &signature)
            .map_err(|_| Error::SignatureInvalid)
    }
}

impl Ed25519PrivateKey {
    /// The key with this 32-byte seed (RFC 8032 §5.1.5), signing as
    /// `algorithm` (`EdDSA` or `Ed25519`).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `algorithm` is not an Ed25519 algorithm or
    /// `seed` is not 32 bytes.
    pub fn from_seed(algorithm: Algorithm, seed: &[u8]) -> Result<Self, Error> {
        if algorithm.family() != crate::KeyFamily::Ed25519 {
            return Err(Error::InvalidKey {
                reason: "not an Ed25519 algorithm",
            });
        }
        let seed: &[u8; KEY_LEN] = seed.try_into().map_err(|_| Error::InvalidKey {
            reason: "an Ed25519 private key is 32 bytes",
        })?;
        Ok(Self {
            key: ed25519_dalek::SigningKey::from_bytes(seed),
            algorithm,
        })
    }

    /// The 32-byte seed.
    #[must_use]
    pub fn to_bytes(&self) -> zeroize::Zeroizing<Vec<u8>> {
        zeroize::Zeroizing::new(self.key.to_bytes().to_vec())
    }

    /// The public key of this private key, bound to its algorithm.
    #[must_use]
    pub fn public_key(&self) -> crate::PublicKey {
        let public = Ed25519PublicKey {
            key: self.key.verifying_key(),
        };
        crate::PublicKey::bound(crate::public_key::Material::Ed25519(public), self.algorithm)
    }
}

impl SigningKey for Ed25519PrivateKey {
    fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    fn sign(&self, signing_input: &[u8]) -> Vec<u8> {
        self.key.sign(signing_input).to_bytes().to_vec()
    }
}

impl fmt::Debug for Ed25519PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ed25519PublicKey").finish_non_exhaustive()
    }
}

impl fmt::Debug for Ed25519PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ed25519PrivateKey")
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}
