//! Public keys in X.509 `SubjectPublicKeyInfo` form (RFC 5280 §4.1.2.7), DER
//! or PEM (`-----BEGIN PUBLIC KEY-----`, RFC 7468 §13), parsed with
//! `RustCrypto`'s `spki`, `der` and `pem-rfc7468`.

use crate::{Error, PublicKey};
#[cfg(feature = "rsa")]
use spki::der::asn1::UintRef;
use spki::der::Decode;
#[cfg(feature = "rsa")]
use spki::der::{Reader, SliceReader};
use spki::SubjectPublicKeyInfoRef;

/// The object identifiers of the keys this build reads (RFC 8017, RFC 5480,
/// RFC 8410).
mod oid {
    use spki::ObjectIdentifier;

    #[cfg(feature = "rsa")]
    pub(super) const RSA_ENCRYPTION: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
    #[cfg(feature = "ecdsa-curves")]
    pub(super) const EC_PUBLIC_KEY: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
    #[cfg(feature = "es256")]
    pub(super) const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
    #[cfg(feature = "es384")]
    pub(super) const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
    #[cfg(feature = "es512")]
    pub(super) const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
    #[cfg(feature = "eddsa")]
    pub(super) const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
}

fn invalid(reason: &'static str) -> Error {
    Error::InvalidKey { reason }
}

impl PublicKey {
    /// The public key of a PEM `PUBLIC KEY` block (an SPKI): RSA, ECDSA on
    /// P-256, P-384 or P-521, or Ed25519. The key has no algorithm yet: bind
    /// it with [`PublicKey::with_algorithm`] or allow algorithms through
    /// [`Validation::algorithms`](crate::Validation::algorithms).
    ///
    /// ```
    /// use jwt_edge::{Algorithm, KeyFamily, PublicKey};
    /// let pem = "-----BEGIN PUBLIC KEY-----\n\
    ///            MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n\
    ///            -----END PUBLIC KEY-----\n";
    /// let key = PublicKey::from_spki_pem(pem)?.with_algorithm(Algorithm::EdDsa)?;
    /// assert_eq!(key.family(), KeyFamily::Ed25519);
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `pem` is not one PEM block labelled
    /// `PUBLIC KEY`, or its DER is refused as by [`PublicKey::from_spki_der`].
    pub fn from_spki_pem(pem: &str) -> Result<Self, Error> {
        let (label, der) =
            pem_rfc7468::decode_vec(pem.as_bytes()).map_err(|_| invalid("not a PEM block"))?;
        if label != "PUBLIC KEY" {
            return Err(invalid("the PEM block is not a \"PUBLIC KEY\""));
        }
        Self::from_spki_der(&der)
    }

    /// The public key of a DER `SubjectPublicKeyInfo`.
    ///
    /// ```
    /// use jwt_edge::PublicKey;
    /// // An X25519 key: not a signing key.
    /// let der = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00,
    ///            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    ///            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    /// assert_eq!(PublicKey::from_spki_der(&der).unwrap_err().code(), "ERR_KEY_INVALID");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `der` is not exactly one DER
    /// `SubjectPublicKeyInfo`, its algorithm is not one of this build, or the
    /// key is refused (RSA outside 2048–8192 bits, a point not on its curve).
    pub fn from_spki_der(der: &[u8]) -> Result<Self, Error> {
        let spki = SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|_| invalid("not a DER SubjectPublicKeyInfo"))?;
        let key = spki
            .subject_public_key
            .as_bytes()
            .ok_or(invalid("the public key is not a whole number of bytes"))?;
        let (algorithm, parameters) = spki
            .algorithm
            .oids()
            .map_err(|_| invalid("the key's algorithm parameters are not understood"))?;
        match (algorithm, parameters) {
            #[cfg(feature = "rsa")]
            (oid::RSA_ENCRYPTION, None) => {
                Ok(crate::alg::rsa::RsaPublicKey::from_pkcs1_der(key)?.into())
            }
            #[cfg(feature = "ecdsa-curves")]
            (oid::EC_PUBLIC_KEY, Some(curve)) => {
                let family = match curve {
                    #[cfg(feature = "es256")]
                    oid::P256 => crate::KeyFamily::P256,
                    #[cfg(feature = "es384")]
                    oid::P384 => crate::KeyFamily::P384,
                    #[cfg(feature = "es512")]
                    oid::P521 => crate::KeyFamily::P521,
                    _ => return Err(invalid("the curve is not one of this build")),
                };
                Ok(crate::alg::ecdsa::EcdsaPublicKey::from_sec1(family, key)?.into())
            }
            #[cfg(feature = "eddsa")]
            (oid::ED25519, None) => {
                Ok(crate::alg::eddsa::Ed25519PublicKey::from_bytes(key)?.into())
            }
            _ => Err(invalid("the key's algorithm is not one of this build")),
        }
    }
}

/// The modulus and exponent of a DER PKCS #1 `RSAPublicKey` (RFC 8017
/// §A.1.1), without leading zeros.
#[cfg(feature = "rsa")]
pub(crate) fn rsa_public_key_parts(der: &[u8]) -> Result<(&[u8], &[u8]), Error> {
    let not_rsa = || invalid("not a DER RSAPublicKey");
    let mut reader = SliceReader::new(der).map_err(|_| not_rsa())?;
    let (n, e) = reader
        .sequence(|fields: &mut SliceReader<'_>| {
            Ok::<_, spki::der::Error>((UintRef::decode(fields)?, UintRef::decode(fields)?))
        })
        .map_err(|_| not_rsa())?;
    reader.finish().map_err(|_| not_rsa())?;
    Ok((n.as_bytes(), e.as_bytes()))
}
