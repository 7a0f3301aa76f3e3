//! ES256, ES384 and ES512: ECDSA on P-256, P-384 and P-521 (RFC 7518 §3.4),
//! with the fixed-length `r || s` signatures JWS uses (never DER).
//!
//! Signing is deterministic (RFC 6979): the core needs no random numbers.

use crate::key::SigningKey;
use crate::{Algorithm, Error, KeyFamily};
use alloc::vec::Vec;
use core::fmt;
// The `signature` traits, which every curve's crate re-exports.
#[cfg(feature = "es256")]
use p256::ecdsa::signature::{Signer, Verifier};
#[cfg(all(feature = "es384", not(feature = "es256")))]
use p384::ecdsa::signature::{Signer, Verifier};
#[cfg(all(feature = "es512", not(any(feature = "es256", feature = "es384"))))]
use p521::ecdsa::signature::{Signer, Verifier};

/// An ECDSA public key on P-256, P-384 or P-521: a point checked to be on its
/// curve (and not the identity) when it is made.
///
/// ```
/// use jwt_edge::alg::ecdsa::EcdsaPublicKey;
/// use jwt_edge::KeyFamily;
/// // (1, 1) is not on P-256.
/// let mut one = [0; 32];
/// one[31] = 1;
/// let refused = EcdsaPublicKey::from_coordinates(KeyFamily::P256, &one, &one);
/// assert_eq!(refused.unwrap_err().code(), "ERR_KEY_INVALID");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct EcdsaPublicKey {
    point: Point,
}

/// An enum of one variant per curve this build has (its cargo feature on),
/// each holding that curve's crate's `$key`.
macro_rules! per_curve {
    ($(#[$attribute:meta])* enum $name:ident of $key:ident) => {
        $(#[$attribute])*
        enum $name {
            #[cfg(feature = "es256")]
            P256(p256::ecdsa::$key),
            #[cfg(feature = "es384")]
            P384(p384::ecdsa::$key),
            #[cfg(feature = "es512")]
            P521(p521::ecdsa::$key),
        }
    };
}

per_curve! {
    /// A public key: the curve point, checked on its curve when read.
    #[derive(Clone, PartialEq, Eq)]
    enum Point of VerifyingKey
}

/// An ECDSA private key on P-256, P-384 or P-521, zeroed when dropped.
///
/// ```
/// use jwt_edge::alg::ecdsa::EcdsaPrivateKey;
/// use jwt_edge::{sign, verify, Algorithm, Claims, HeaderOptions, SigningKey, Validation};
/// let key = EcdsaPrivateKey::from_scalar(Algorithm::Es256, &[7; 32])?;
/// let signature = key.sign(b"header.payload");
/// assert_eq!(signature.len(), 64);
/// assert_eq!(signature, key.sign(b"header.payload"), "RFC 6979: deterministic");
/// let token = sign(&Claims::new(), &key, &HeaderOptions::new());
/// let validation = Validation::new(0).required_claims::<[&str; 0], &str>([]);
/// verify(&token, &key.public_key(), &validation)?;
/// assert_eq!(format!("{key:?}"), "EcdsaPrivateKey { algorithm: Es256, .. }");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Clone)]
pub struct EcdsaPrivateKey {
    scalar: Scalar,
}

per_curve! {
    /// A private key: the scalar, with its public point.
    #[derive(Clone)]
    enum Scalar of SigningKey
}

/// The length in bytes of a coordinate (and of `r` and `s`) on `family`'s curve.
pub(crate) fn field_len(family: KeyFamily) -> Option<usize> {
    match family {
        #[cfg(feature = "es256")]
        KeyFamily::P256 => Some(32),
        #[cfg(feature = "es384")]
        KeyFamily::P384 => Some(48),
        #[cfg(feature = "es512")]
        KeyFamily::P521 => Some(66),
        _ => None,
    }
}

fn invalid_point() -> Error {
    Error::InvalidKey {
        reason: "the point is not on the curve",
    }
}

impl EcdsaPublicKey {
    /// The point (`x`, `y`) on `family`'s curve, each coordinate big-endian
    /// and exactly as long as the curve's field (32, 48 or 66 bytes, RFC 7518
    /// §6.2.1.2).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `family` is not an ECDSA curve, a coordinate
    /// has the wrong length, or the point is not on the curve.
    pub fn from_coordinates(family: KeyFamily, x: &[u8], y: &[u8]) -> Result<Self, Error> {
        let len = field_len(family).ok_or(Error::InvalidKey {
            reason: "not an ECDSA curve",
        })?;
        if x.len() != len || y.len() != len {
            return Err(Error::InvalidKey {
                reason: "a coordinate is not as long as the curve's field",
            });
        }
        let mut sec1 = Vec::with_capacity(1 + 2 * len);
        sec1.push(4);
        sec1.extend_from_slice(x);
        sec1.extend_from_slice(y);
        Self::from_sec1(family, &sec1)
    }

    /// The point in SEC1 form (uncompressed `04 || x || y`, or compressed),
    /// as an SPKI carries it.
    pub(crate) fn from_sec1(family: KeyFamily, sec1: &[u8]) -> Result<Self, Error> {
        let point = match family {
            #[cfg(feature = "es256")]
            KeyFamily::P256 => Point::P256(
                p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map_err(|_| invalid_point())?,
            ),
            #[cfg(feature = "es384")]
            KeyFamily::P384 => Point::P384(
                p384::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map_err(|_| invalid_point())?,
            ),
            #[cfg(feature = "es512")]
            KeyFamily::P521 => Point::P521(
                p521::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map_err(|_| invalid_point())?,
            ),
            _ => {
                return Err(Error::InvalidKey {
                    reason: "not an ECDSA curve",
                })
            }
        };
        Ok(Self { point })
    }

    /// The curve.
    #[must_use]
    pub fn family(&self) -> KeyFamily {
        match self.point {
            #[cfg(feature = "es256")]
            Point::P256(_) => KeyFamily::P256,
            #[cfg(feature = "es384")]
            Point::P384(_) => KeyFamily::P384,
            #[cfg(feature = "es512")]
            Point::P521(_) => KeyFamily::P521,
        }
    }

    /// The coordinates `(x, y)`, each as long as the curve's field.
    #[must_use]
    pub fn coordinates(&self) -> (Vec<u8>, Vec<u8>) {
        let sec1 = match &self.point {
            #[cfg(feature = "es256")]
            Point::P256(key) => key.to_sec1_point(false).as_bytes().to_vec(),
            #[cfg(feature = "es384")]
            Point::P384(key) => key.to_sec1_point(false).as_bytes().to_vec(),
            #[cfg(feature = "es512")]
            Point::P521(key) => key.to_sec1_point(false).as_bytes().to_vec(),
        };
        let len = (sec1.len() - 1) / 2;
        let x = sec1.get(1..=len).unwrap_or_default().to_vec();
        let y = sec1.get(1 + len..).unwrap_or_default().to_vec();
        (x, y)
    }

    /// Checks `signature` (`r || s`, each exactly as long as the curve's
    /// field) over `message`, hashed with the curve's JWS hash.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail, when the signature has
    /// the wrong length, `r` or `s` is zero or not below the group order, or it
    /// does not match.
    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), Error> {
        // `Signature::from_slice` takes exactly `2 × field` bytes and refuses
        // `r` or `s` that is zero or not below the order (CVE-2022-21449).
        let result = match &self.point {
            #[cfg(feature = "es256")]
            Point::P256(key) => p256::ecdsa::Signature::from_slice(signature)
                .and_then(|signature| key.verify(message, &signature)),
            #[cfg(feature = "es384")]
            Point::P384(key) => p384::ecdsa::Signature::from_slice(signature)
                .and_then(|signature| key.verify(message, &signature)),
            #[cfg(feature = "es512")]
            Point::P521(key) => p521::ecdsa::Signature::from_slice(signature)
                .and_then(|signature| key.verify(message, &signature)),
        };
        result.map_err(|_| Error::SignatureInvalid)
    }
}

impl EcdsaPublicKey {
    /// The checks of [`verify`](Self::verify) that need no arithmetic:
    /// `signature` is `r || s`, exactly `2 × field` bytes, with `r` and `s`
    /// each nonzero and below the group order (CVE-2022-21449), compared as
    /// bytes (`src/alg/ecdsa_form.rs`). Run before a signature is handed to
    /// the runtime's own crypto, which is not relied on for them. With `der`,
    /// the signature is appended to it DER-encoded once it passes.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail.
    #[cfg(all(feature = "js-verify", speed_or_native))]
    pub(crate) fn check_signature_form(
        &self,
        signature: &[u8],
        der: Option<&mut Vec<u8>>,
    ) -> Result<(), Error> {
        use super::ecdsa_form;
        let order: &[u8] = match self.point {
            #[cfg(feature = "es256")]
            Point::P256(_) => &ecdsa_form::P256_ORDER,
            #[cfg(feature = "es384")]
            Point::P384(_) => &ecdsa_form::P384_ORDER,
            #[cfg(feature = "es512")]
            Point::P521(_) => &ecdsa_form::P521_ORDER,
        };
        if !ecdsa_form::r_and_s_in_range(signature, order) {
            return Err(Error::SignatureInvalid);
        }
        if let Some(out) = der {
            ecdsa_form::write_der(signature, out);
        }
        Ok(())
    }
}

impl EcdsaPrivateKey {
    /// The private key `d` (big-endian, exactly as long as the curve's field)
    /// for `algorithm` (ES256, ES384 or ES512).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `algorithm` is not an ECDSA algorithm, or
    /// `d` has the wrong length, is zero or is not below the group order.
    pub fn from_scalar(algorithm: Algorithm, d: &[u8]) -> Result<Self, Error> {
        let invalid = || Error::InvalidKey {
            reason: "the ECDSA private key was rejected",
        };
        let scalar = match algorithm {
            #[cfg(feature = "es256")]
            Algorithm::Es256 => {
                Scalar::P256(p256::ecdsa::SigningKey::from_slice(d).map_err(|_| invalid())?)
            }
            #[cfg(feature = "es384")]
            Algorithm::Es384 => {
                Scalar::P384(p384::ecdsa::SigningKey::from_slice(d).map_err(|_| invalid())?)
            }
            #[cfg(feature = "es512")]
            Algorithm::Es512 => {
                Scalar::P521(p521::ecdsa::SigningKey::from_slice(d).map_err(|_| invalid())?)
            }
            _ => {
                return Err(Error::InvalidKey {
                    reason: "not an ECDSA algorithm",
                })
            }
        };
        if field_len(algorithm.family()) != Some(d.len()) {
            return Err(invalid());
        }
        Ok(Self { scalar })
    }

    /// The private scalar `d`, big-endian, as long as the curve's field.
    #[must_use]
    pub fn to_bytes(&self) -> zeroize::Zeroizing<Vec<u8>> {
        zeroize::Zeroizing::new(match &self.scalar {
            #[cfg(feature = "es256")]
            Scalar::P256(key) => key.to_bytes().to_vec(),
            #[cfg(feature = "es384")]
            Scalar::P384(key) => key.to_bytes().to_vec(),
            #[cfg(feature = "es512")]
            Scalar::P521(key) => key.to_bytes().to_vec(),
        })
    }

    /// The public key of this private key, bound to its algorithm.
    #[must_use]
    pub fn public_key(&self) -> crate::PublicKey {
        let point = match &self.scalar {
            #[cfg(feature = "es256")]
            Scalar::P256(key) => Point::P256(*key.verifying_key()),
            #[cfg(feature = "es384")]
            Scalar::P384(key) => Point::P384(*key.verifying_key()),
            #[cfg(feature = "es512")]
            Scalar::P521(key) => Point::P521(*key.verifying_key()),
        };
        crate::PublicKey::bound(
            crate::public_key::Material::Ecdsa(EcdsaPublicKey { point }),
            SigningKey::algorithm(self),
        )
    }
}

impl SigningKey for EcdsaPrivateKey {
    fn algorithm(&self) -> Algorithm {
        match self.scalar {
            #[cfg(feature = "es256")]
            Scalar::P256(_) => Algorithm::Es256,
            #[cfg(feature = "es384")]
            Scalar::P384(_) => Algorithm::Es384,
            #[cfg(feature = "es512")]
            Scalar::P521(_) => Algorithm::Es512,
        }
    }

    fn sign(&self, signing_input: &[u8]) -> Vec<u8> {
        match &self.scalar {
            #[cfg(feature = "es256")]
            Scalar::P256(key) => {
                let signature: p256::ecdsa::Signature = key.sign(signing_input);
                signature.to_bytes().to_vec()
            }
            #[cfg(feature = "es384")]
            Scalar::P384(key) => {
                let signature: p384::ecdsa::Signature = key.sign(signing_input);
                signature.to_bytes().to_vec()
            }
            #[cfg(feature = "es512")]
            Scalar::P521(key) => {
                let signature: p521::ecdsa::Signature = key.sign(signing_input);
                signature.to_bytes().to_vec()
            }
        }
    }
}

impl fmt::Debug for EcdsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcdsaPublicKey")
            .field("curve", &self.family())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for EcdsaPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcdsaPrivateKey")
            .field("algorithm", &SigningKey::algorithm(self))
            .finish_non_exhaustive()
    }
}
