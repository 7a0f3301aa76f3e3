//! RS256/384/512 (RSASSA-PKCS1-v1_5) and PS256/384/512 (RSASSA-PSS), RFC 7518
//! §3.3 and §3.5: verification only.
//!
//! No RSA signing: the `rsa` crate's private-key operations are not constant
//! time (RUSTSEC-2023-0071).

use crate::{Algorithm, Error};
use alloc::vec::Vec;
use core::fmt;
use rsa::traits::PublicKeyParts;
use rsa::BoxedUint;
use sha2::{Sha256, Sha384, Sha512};

/// The smallest RSA modulus accepted, in bits (RFC 7518 §3.3).
pub const MIN_MODULUS_BITS: usize = 2048;

/// The largest RSA modulus accepted, in bits.
pub const MAX_MODULUS_BITS: usize = 8192;

/// An RSA public key of 2048 to 8192 bits.
///
/// ```
/// # use jwt_edge::alg::rsa::RsaPublicKey;
/// // A 1024-bit modulus is refused.
/// let n = [0xc5; 128];
/// assert_eq!(RsaPublicKey::from_components(&n, &[1, 0, 1]).unwrap_err().code(), "ERR_KEY_INVALID");
/// ```
#[derive(Clone)]
pub struct RsaPublicKey {
    key: rsa::PublicKey,
    bits: usize,
    /// The modulus, big-endian, without leading zero bytes: as long as a
    /// signature must be. Kept beside `key` because the `rsa` crate writes
    /// it out afresh on every `n_bytes()`, which cost 2.9 µs of the 7 µs the
    /// strict checks took per RS256 token handed to `node:crypto`.
    modulus: Vec<u8>,
}

/// Two keys are one key when their modulus and exponent are (the `rsa`
/// crate's own comparison also compares what it derives from them).
impl PartialEq for RsaPublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.modulus == other.modulus && self.key.e() == other.key.e()
    }
}

impl Eq for RsaPublicKey {}

impl RsaPublicKey {
    /// The key with modulus `n` and public exponent `e`, both unsigned
    /// big-endian without leading zero bytes (RFC 7518 §6.3.1).
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when a number has a leading zero byte, the
    /// modulus is under 2048 or over 8192 bits or even, or the exponent is
    /// out of the range the `rsa` crate accepts (3 to 2³³ − 1, odd).
    pub fn from_components(n: &[u8], e: &[u8]) -> Result<Self, Error> {
        let invalid = |reason| Error::InvalidKey { reason };
        if n.first().is_none_or(|&byte| byte == 0) || e.first().is_none_or(|&byte| byte == 0) {
            return Err(invalid(
                "RSA numbers must be written without leading zero bytes",
            ));
        }
        let bits = n.len() * 8 - n[0].leading_zeros() as usize;
        if bits < MIN_MODULUS_BITS {
            return Err(invalid("an RSA modulus must be at least 2048 bits"));
        }
        if bits > MAX_MODULUS_BITS {
            return Err(invalid("an RSA modulus must be at most 8192 bits"));
        }
        if e.len() > 8 {
            return Err(invalid("the RSA public exponent is too large"));
        }
        let key = rsa::PublicKey::new_with_size_limits(
            BoxedUint::from_be_slice_vartime(n),
            BoxedUint::from_be_slice_vartime(e),
            MIN_MODULUS_BITS..=MAX_MODULUS_BITS,
        )
        .map_err(|_| invalid("the RSA public key was rejected"))?;
        Ok(Self {
            key,
            bits,
            modulus: n.to_vec(),
        })
    }

    /// The key of an SPKI's `subjectPublicKey` bits (a PKCS #1
    /// `RSAPublicKey`).
    pub(crate) fn from_pkcs1_der(der: &[u8]) -> Result<Self, Error> {
        let (n, e) = crate::spki::rsa_public_key_parts(der)?;
        Self::from_components(n, e)
    }

    /// The modulus, big-endian, without leading zero bytes.
    #[must_use]
    pub fn modulus(&self) -> Vec<u8> {
        self.modulus.clone()
    }

    /// The public exponent, big-endian, without leading zero bytes.
    #[must_use]
    pub fn exponent(&self) -> Vec<u8> {
        trimmed(&self.key.e_bytes())
    }

    /// The modulus length in bits.
    #[must_use]
    pub fn modulus_bits(&self) -> usize {
        self.bits
    }

    /// Checks `signature` over `message` for `algorithm`.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail, when the signature is not
    /// exactly as long as the modulus or does not match; [`Error::AlgorithmNotAllowed`]
    /// when `algorithm` is not an RSA algorithm.
    pub(crate) fn verify(
        &self,
        algorithm: Algorithm,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        // RFC 8017 §8.2.2 step 1: exactly the modulus length, no shorter
        // (left-padded) or longer encoding.
        if signature.len() != self.modulus.len() {
            return Err(Error::SignatureInvalid);
        }
        let key = &self.key;
        let result = match algorithm {
            Algorithm::Rs256 => key.pkcs1v15_verify::<Sha256>(message, signature),
            Algorithm::Rs384 => key.pkcs1v15_verify::<Sha384>(message, signature),
            Algorithm::Rs512 => key.pkcs1v15_verify::<Sha512>(message, signature),
            // The salt must be exactly as long as the hash (RFC 7518 §3.5).
            Algorithm::Ps256 => key.pss_verify::<Sha256>(message, signature),
            Algorithm::Ps384 => key.pss_verify::<Sha384>(message, signature),
            Algorithm::Ps512 => key.pss_verify::<Sha512>(message, signature),
            _ => return Err(Error::AlgorithmNotAllowed),
        };
        result.map_err(|_| Error::SignatureInvalid)
    }
}

impl RsaPublicKey {
    /// The checks of [`verify`](Self::verify) that need no arithmetic: the
    /// signature is exactly as long as the modulus (RFC 8017 §8.2.2 step 1: no
    /// shorter, left-padded, or longer encoding) and, as a number, below it
    /// (RFC 8017 §5.2.2 step 1, which the `rsa` crate checks in `verify`).
    /// Run before a signature is handed to the runtime's own crypto, which is
    /// not relied on for them.
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail.
    #[cfg(all(feature = "js-verify", speed_or_native))]
    pub(crate) fn check_signature_form(&self, signature: &[u8]) -> Result<(), Error> {
        // Both big-endian and of the same length: compared as byte strings.
        if signature.len() != self.modulus.len() || signature >= self.modulus.as_slice() {
            return Err(Error::SignatureInvalid);
        }
        Ok(())
    }
}

/// What an RS256/384/512 signature handed to the runtime must come to.
#[cfg(all(feature = "js-verify", speed_or_native))]
impl RsaPublicKey {
    /// Writes to `out` the encoded message (RFC 8017 §9.2, EMSA-PKCS1-v1_5:
    /// `00 01 FF…FF 00`, the hash's `DigestInfo` prefix from the `rsa`
    /// crate, the digest of `message`) that a valid RS256, RS384 or RS512
    /// signature of `message` gives under the public operation: the runtime
    /// then computes only that operation (node:crypto's `publicEncrypt` with
    /// no padding) and compares the two, RFC 8017 §8.2.2 step 3's comparison
    /// of `EM` with `EM'`. `false`, with nothing written, for any other
    /// algorithm.
    ///
    /// (Per RS256 verification in Node 20, `crypto.verify` takes 2.1 µs more
    /// than `publicEncrypt` and the comparison; the digest and this encoding
    /// cost WebAssembly 1.4 µs: 0.7 µs less in all, in an A/B of the two.)
    pub(crate) fn write_pkcs1v15_encoding(
        &self,
        algorithm: Algorithm,
        message: &[u8],
        out: &mut Vec<u8>,
    ) -> bool {
        use sha2::Digest;
        // At least 2048 bits: 256 bytes, room for the longest `DigestInfo`
        // (83 bytes) and 11 more.
        let mut write = |prefix: &[u8], digest: &[u8]| {
            let padding = self
                .modulus
                .len()
                .saturating_sub(prefix.len() + digest.len() + 3);
            out.extend_from_slice(&[0, 1]);
            out.resize(out.len() + padding, 0xff);
            out.push(0);
            out.extend_from_slice(prefix);
            out.extend_from_slice(digest);
        };
        match algorithm {
            Algorithm::Rs256 => write(
                &rsa::Pkcs1v15Sign::new::<Sha256>().prefix,
                &Sha256::digest(message),
            ),
            Algorithm::Rs384 => write(
                &rsa::Pkcs1v15Sign::new::<Sha384>().prefix,
                &Sha384::digest(message),
            ),
            Algorithm::Rs512 => write(
                &rsa::Pkcs1v15Sign::new::<Sha512>().prefix,
                &Sha512::digest(message),
            ),
            _ => return false,
        }
        true
    }
}

fn trimmed(bytes: &[u8]) -> Vec<u8> {
    let start = bytes
        .iter()
        .position(|&byte| byte != 0)
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().to_vec()
}

impl fmt::Debug for RsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaPublicKey")
            .field("modulus_bits", &self.modulus_bits())
            .finish_non_exhaustive()
    }
}
