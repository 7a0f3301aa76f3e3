//! Private keys that sign: ECDSA (ES256, ES384, ES512) and Ed25519 (`EdDSA`,
//! `Ed25519`). No RSA signing (RUSTSEC-2023-0071).

#[cfg(feature = "ecdsa-curves")]
use crate::alg::ecdsa::EcdsaPrivateKey;
#[cfg(feature = "eddsa")]
use crate::alg::eddsa::Ed25519PrivateKey;
use crate::jwk::{parse_text, Parsed, Problem};
use crate::key::SigningKey;
use crate::{Algorithm, Error, KeyFamily, PublicKey};
use alloc::string::String;
use alloc::vec::Vec;

/// A private key that signs tokens with one algorithm, from a private JWK
/// (its `d`). Signatures are deterministic (RFC 6979 for ECDSA, RFC 8032 for
/// Ed25519): signing needs no random numbers. `Debug` prints only the
/// algorithm and `kid`.
///
/// ```
/// use jwt_edge::{sign, verify, Claims, HeaderOptions, PrivateKey, Validation};
/// // RFC 8037 §A.1.
/// let jwk = br#"{"kty":"OKP","crv":"Ed25519",
///   "d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
///   "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// let key = PrivateKey::from_jwk(jwk)?;
/// let token = sign(&Claims::new(), &key, &HeaderOptions::new());
/// let validation = Validation::new(0).required_claims::<[&str; 0], &str>([]);
/// verify(&token, &key.public_key(), &validation)?;
/// assert_eq!(format!("{key:?}"), "PrivateKey { algorithm: EdDsa, kid: None, .. }");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Clone)]
pub struct PrivateKey {
    scalar: Scalar,
    kid: Option<String>,
}

#[derive(Clone)]
enum Scalar {
    #[cfg(feature = "ecdsa-curves")]
    Ecdsa(EcdsaPrivateKey),
    #[cfg(feature = "eddsa")]
    Ed25519(Ed25519PrivateKey),
}

/// The algorithm a private key of `family` signs with when its JWK names none.
pub(crate) fn default_algorithm(family: KeyFamily) -> Option<Algorithm> {
    match family {
        #[cfg(feature = "es256")]
        KeyFamily::P256 => Some(Algorithm::Es256),
        #[cfg(feature = "es384")]
        KeyFamily::P384 => Some(Algorithm::Es384),
        #[cfg(feature = "es512")]
        KeyFamily::P521 => Some(Algorithm::Es512),
        #[cfg(feature = "eddsa")]
        KeyFamily::Ed25519 => Some(Algorithm::EdDsa),
        _ => None,
    }
}

impl PrivateKey {
    /// The private key of the JWK `json`: `kty` `EC` or `OKP` with `d`, its
    /// public members matching `d`. It signs with the JWK's `alg`, or by
    /// default ES256, ES384, ES512 or `EdDSA` for its curve.
    ///
    /// # Errors
    /// [`Error::InvalidJwk`] when `json` is not a valid private ECDSA or
    /// Ed25519 JWK (including `key_ops` without `sign`, `use` other than
    /// `sig`, and an RSA private key).
    pub fn from_jwk(json: &[u8]) -> Result<Self, Error> {
        match parse_text(json).map_err(Problem::into_jwk_error)? {
            Parsed::Private(key) => Ok(key),
            _ => Err(Error::jwk("not a private JWK (no \"d\")")),
        }
    }

    /// The public key, bound to this key's algorithm, with its `kid`.
    #[must_use]
    pub fn public_key(&self) -> PublicKey {
        let public: PublicKey = match self.scalar {
            #[cfg(feature = "ecdsa-curves")]
            Scalar::Ecdsa(ref key) => key.public_key(),
            #[cfg(feature = "eddsa")]
            Scalar::Ed25519(ref key) => key.public_key(),
        };
        match &self.kid {
            Some(kid) => public.with_kid(kid.clone()),
            None => public,
        }
    }

    /// The key's `kid`, if its JWK had one.
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    pub(crate) fn with_kid(mut self, kid: Option<String>) -> Self {
        self.kid = kid;
        self
    }

    /// The private scalar or seed, for export.
    pub(crate) fn secret_bytes(&self) -> zeroize::Zeroizing<Vec<u8>> {
        match self.scalar {
            #[cfg(feature = "ecdsa-curves")]
            Scalar::Ecdsa(ref key) => key.to_bytes(),
            #[cfg(feature = "eddsa")]
            Scalar::Ed25519(ref key) => key.to_bytes(),
        }
    }
}

impl SigningKey for PrivateKey {
    fn algorithm(&self) -> Algorithm {
        match self.scalar {
            #[cfg(feature = "ecdsa-curves")]
            Scalar::Ecdsa(ref key) => key.algorithm(),
            #[cfg(feature = "eddsa")]
            Scalar::Ed25519(ref key) => key.algorithm(),
        }
    }

    fn sign(&self, signing_input: &[u8]) -> Vec<u8> {
        match self.scalar {
            #[cfg(feature = "ecdsa-curves")]
            Scalar::Ecdsa(ref key) => key.sign(signing_input),
            #[cfg(feature = "eddsa")]
            Scalar::Ed25519(ref key) => key.sign(signing_input),
        }
    }
}

#[cfg(feature = "ecdsa-curves")]
impl From<EcdsaPrivateKey> for PrivateKey {
    fn from(key: EcdsaPrivateKey) -> Self {
        Self {
            scalar: Scalar::Ecdsa(key),
            kid: None,
        }
    }
}

#[cfg(feature = "eddsa")]
impl From<Ed25519PrivateKey> for PrivateKey {
    fn from(key: Ed25519PrivateKey) -> Self {
        Self {
            scalar: Scalar::Ed25519(key),
            kid: None,
        }
    }
}

impl core::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PrivateKey")
            .field("algorithm", &self.algorithm())
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}
