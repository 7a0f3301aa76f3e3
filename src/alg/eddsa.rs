//! `EdDSA` (RFC 8037) and `Ed25519` (RFC 9864): Ed25519 signatures, verified
//! strictly (no small-order keys or `R`, no non-canonical encodings).

use crate::key::SigningKey;
use crate::{Algorithm, Error};
use alloc::vec::Vec;
use core::fmt;
use ed25519_dalek::Signer;

/// The length of an Ed25519 public key, private key and half signature.
const KEY_LEN: usize = 32;

/// The canonical encodings of the eight points of small order (the
/// eight-torsion subgroup; the tests below check them against
/// curve25519-dalek's `EIGHT_TORSION`). `verify_strict` refuses a signature
/// whose `R` is one of them; comparing bytes costs nothing where decompressing
/// `R` to ask costs a square root.
#[cfg(speed_or_native)]
const SMALL_ORDER_R: [[u8; KEY_LEN]; 8] = {
    let mut identity = [0; KEY_LEN];
    identity[0] = 1;
    let mut minus_one = [0xff; KEY_LEN];
    minus_one[0] = 0xec;
    minus_one[31] = 0x7f;
    let zero_y = [0; KEY_LEN];
    let mut zero_y_negative = [0; KEY_LEN];
    zero_y_negative[31] = 0x80;
    [
        identity,
        minus_one,
        zero_y,
        zero_y_negative,
        *b"\xc7\x17\x6a\x70\x3d\x4d\xd8\x4f\xba\x3c\x0b\x76\x0d\x10\x67\x0f\x2a\x20\x53\xfa\x2c\x39\xcc\xc6\x4e\xc7\xfd\x77\x92\xac\x03\x7a",
        *b"\xc7\x17\x6a\x70\x3d\x4d\xd8\x4f\xba\x3c\x0b\x76\x0d\x10\x67\x0f\x2a\x20\x53\xfa\x2c\x39\xcc\xc6\x4e\xc7\xfd\x77\x92\xac\x03\xfa",
        *b"\x26\xe8\x95\x8f\xc2\xb2\x27\xb0\x45\xc3\xf4\x89\xf2\xef\x98\xf0\xd5\xdf\xac\x05\xd3\xc6\x33\x39\xb1\x38\x02\x88\x6d\x53\xfc\x05",
        *b"\x26\xe8\x95\x8f\xc2\xb2\x27\xb0\x45\xc3\xf4\x89\xf2\xef\x98\xf0\xd5\xdf\xac\x05\xd3\xc6\x33\x39\xb1\x38\x02\x88\x6d\x53\xfc\x85",
    ]
};

/// Whether `encoding` writes the y-coordinate as a number not below the
/// field's prime 2^255 − 19 (a non-canonical encoding; bit 255 is x's sign).
fn y_not_canonical(encoding: &[u8; KEY_LEN]) -> bool {
    encoding[31] & 0x7f == 0x7f
        && encoding[1..31].iter().all(|&byte| byte == 0xff)
        && encoding[0] >= 0xed
}

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
        // A non-canonical encoding is refused: the runtime's crypto, which
        // may check this key's signatures, would read it otherwise.
        if key.is_weak() || y_not_canonical(bytes) {
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
        // verify_strict checks these too; made here, the pure path and the
        // runtime's crypto (after the same call) refuse exactly alike. (The
        // browsers' size builds, which hand nothing over, leave them to
        // verify_strict: 127 bytes gzipped.)
        #[cfg(speed_or_native)]
        Self::check_signature_form(signature)?;
        let signature =
            ed25519_dalek::Signature::from_slice(signature).map_err(|_| Error::SignatureInvalid)?;
        self.key
            .verify_strict(message, &signature)
            .map_err(|_| Error::SignatureInvalid)
    }

    /// The checks of `verify_strict` that need no arithmetic, made before a
    /// signature is handed to the runtime's own crypto (which checks
    /// `[S]B = R + [k]A` without the cofactor, comparing `R` as bytes, as
    /// `verify_strict` does): 64 bytes, `R` canonical and not of small order,
    /// `S` canonical (below the group order).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail.
    #[cfg(speed_or_native)]
    pub(crate) fn check_signature_form(signature: &[u8]) -> Result<(), Error> {
        let (Some(r), Some(s)) = (signature.get(..KEY_LEN), signature.get(KEY_LEN..)) else {
            return Err(Error::SignatureInvalid);
        };
        let (Ok(r), Ok(s)) = (<[u8; KEY_LEN]>::try_from(r), <[u8; KEY_LEN]>::try_from(s)) else {
            return Err(Error::SignatureInvalid);
        };
        let s_canonical: bool = curve25519_dalek::Scalar::from_canonical_bytes(s)
            .is_some()
            .into();
        if !s_canonical || y_not_canonical(&r) || SMALL_ORDER_R.contains(&r) {
            return Err(Error::SignatureInvalid);
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::{y_not_canonical, SMALL_ORDER_R};
    use curve25519_dalek::constants::EIGHT_TORSION;

    #[test]
    fn small_order_r_list_is_exactly_the_eight_torsion_points() {
        let mut listed = SMALL_ORDER_R.to_vec();
        let mut torsion: alloc::vec::Vec<[u8; 32]> = EIGHT_TORSION
            .iter()
            .map(|point| point.compress().to_bytes())
            .collect();
        listed.sort_unstable();
        torsion.sort_unstable();
        assert_eq!(listed, torsion);
        assert!(SMALL_ORDER_R
            .iter()
            .all(|encoding| !y_not_canonical(encoding)));
    }

    #[test]
    fn y_at_or_above_the_prime_is_not_canonical() {
        let mut prime = [0xff; 32];
        prime[0] = 0xed;
        prime[31] = 0x7f;
        assert!(y_not_canonical(&prime));
        let mut below = prime;
        below[0] = 0xec;
        assert!(!y_not_canonical(&below));
        let mut top = [0xff; 32];
        top[31] = 0x7f;
        assert!(y_not_canonical(&top));
    }
}
