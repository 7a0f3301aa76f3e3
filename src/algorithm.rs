//! The JWS algorithms this crate implements.

/// A JWS signature algorithm (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864 §2.2).
///
/// Only the algorithms compiled into this build are variants; a token naming any
/// other algorithm (`none`, an unknown name, a family left out of the build) is
/// refused with [`Error::AlgorithmNotAllowed`](crate::Error::AlgorithmNotAllowed)
/// before its signature is looked at. The asymmetric families join behind their
/// own cargo features (`rsa`, `ecdsa`, `eddsa`), so the enum is
/// `#[non_exhaustive]`.
///
/// ```
/// use jwt_edge::Algorithm;
/// assert_eq!(Algorithm::from_name("HS384"), Some(Algorithm::Hs384));
/// assert_eq!(Algorithm::from_name("none"), None);
/// assert_eq!(Algorithm::Hs512.name(), "HS512");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC with SHA-256.
    Hs256,
    /// HMAC with SHA-384.
    Hs384,
    /// HMAC with SHA-512.
    Hs512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    #[cfg(feature = "rsa")]
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    #[cfg(feature = "rsa")]
    Rs384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    #[cfg(feature = "rsa")]
    Rs512,
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    #[cfg(feature = "rsa")]
    Ps256,
    /// RSASSA-PSS with SHA-384, MGF1 with SHA-384 and a 48-byte salt.
    #[cfg(feature = "rsa")]
    Ps384,
    /// RSASSA-PSS with SHA-512, MGF1 with SHA-512 and a 64-byte salt.
    #[cfg(feature = "rsa")]
    Ps512,
    /// ECDSA on P-256 with SHA-256.
    #[cfg(feature = "es256")]
    Es256,
    /// ECDSA on P-384 with SHA-384.
    #[cfg(feature = "es384")]
    Es384,
    /// ECDSA on P-521 with SHA-512.
    #[cfg(feature = "es512")]
    Es512,
    /// `EdDSA` (RFC 8037) with an Ed25519 key: the only curve this crate takes.
    #[cfg(feature = "eddsa")]
    EdDsa,
    /// `Ed25519` (RFC 9864): the fully specified name for the same signatures.
    #[cfg(feature = "eddsa")]
    Ed25519,
}

/// The kind of key an algorithm needs (a JWK's `kty`, with its `crv`).
///
/// ```
/// use jwt_edge::{Algorithm, KeyFamily};
/// assert_eq!(Algorithm::Es384.family(), KeyFamily::P384);
/// assert_eq!(Algorithm::EdDsa.family(), Algorithm::Ed25519.family());
/// assert_ne!(Algorithm::Hs256.family(), Algorithm::Rs256.family());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyFamily {
    /// A shared secret (`kty` `oct`).
    Hmac,
    /// An RSA key (`kty` `RSA`).
    #[cfg(feature = "rsa")]
    Rsa,
    /// A P-256 key (`kty` `EC`, `crv` `P-256`).
    #[cfg(feature = "es256")]
    P256,
    /// A P-384 key (`kty` `EC`, `crv` `P-384`).
    #[cfg(feature = "es384")]
    P384,
    /// A P-521 key (`kty` `EC`, `crv` `P-521`).
    #[cfg(feature = "es512")]
    P521,
    /// An Ed25519 key (`kty` `OKP`, `crv` `Ed25519`).
    #[cfg(feature = "eddsa")]
    Ed25519,
}

impl Algorithm {
    /// Every algorithm of this build.
    pub const ALL: &'static [Self] = &[
        Self::Hs256,
        Self::Hs384,
        Self::Hs512,
        #[cfg(feature = "rsa")]
        Self::Rs256,
        #[cfg(feature = "rsa")]
        Self::Rs384,
        #[cfg(feature = "rsa")]
        Self::Rs512,
        #[cfg(feature = "rsa")]
        Self::Ps256,
        #[cfg(feature = "rsa")]
        Self::Ps384,
        #[cfg(feature = "rsa")]
        Self::Ps512,
        #[cfg(feature = "es256")]
        Self::Es256,
        #[cfg(feature = "es384")]
        Self::Es384,
        #[cfg(feature = "es512")]
        Self::Es512,
        #[cfg(feature = "eddsa")]
        Self::EdDsa,
        #[cfg(feature = "eddsa")]
        Self::Ed25519,
    ];

    /// The HMAC algorithms, in every build.
    pub const HMAC: [Self; 3] = [Self::Hs256, Self::Hs384, Self::Hs512];

    /// The registered name, as it appears in a JOSE header (`"HS256"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::Hs384 => "HS384",
            Self::Hs512 => "HS512",
            #[cfg(feature = "rsa")]
            Self::Rs256 => "RS256",
            #[cfg(feature = "rsa")]
            Self::Rs384 => "RS384",
            #[cfg(feature = "rsa")]
            Self::Rs512 => "RS512",
            #[cfg(feature = "rsa")]
            Self::Ps256 => "PS256",
            #[cfg(feature = "rsa")]
            Self::Ps384 => "PS384",
            #[cfg(feature = "rsa")]
            Self::Ps512 => "PS512",
            #[cfg(feature = "es256")]
            Self::Es256 => "ES256",
            #[cfg(feature = "es384")]
            Self::Es384 => "ES384",
            #[cfg(feature = "es512")]
            Self::Es512 => "ES512",
            #[cfg(feature = "eddsa")]
            Self::EdDsa => "EdDSA",
            #[cfg(feature = "eddsa")]
            Self::Ed25519 => "Ed25519",
        }
    }

    /// The algorithm with this exact registered name (names are case-sensitive,
    /// RFC 7515 §4.1.1), or `None` for any name this build does not implement.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|alg| alg.name() == name)
    }

    /// The kind of key this algorithm needs: a key of any other family never
    /// verifies it.
    ///
    /// ```
    /// use jwt_edge::{Algorithm, KeyFamily};
    /// assert_eq!(Algorithm::Hs256.family(), KeyFamily::Hmac);
    /// ```
    #[must_use]
    pub const fn family(self) -> KeyFamily {
        match self {
            Self::Hs256 | Self::Hs384 | Self::Hs512 => KeyFamily::Hmac,
            #[cfg(feature = "rsa")]
            Self::Rs256 | Self::Rs384 | Self::Rs512 | Self::Ps256 | Self::Ps384 | Self::Ps512 => {
                KeyFamily::Rsa
            }
            #[cfg(feature = "es256")]
            Self::Es256 => KeyFamily::P256,
            #[cfg(feature = "es384")]
            Self::Es384 => KeyFamily::P384,
            #[cfg(feature = "es512")]
            Self::Es512 => KeyFamily::P521,
            #[cfg(feature = "eddsa")]
            Self::EdDsa | Self::Ed25519 => KeyFamily::Ed25519,
        }
    }

    /// The length in bytes of this algorithm's signature; for RSA, the length
    /// for the smallest accepted modulus (a signature is as long as its key's
    /// modulus).
    #[must_use]
    pub const fn signature_len(self) -> usize {
        match self {
            Self::Hs256 => 32,
            Self::Hs384 => 48,
            Self::Hs512 => 64,
            #[cfg(feature = "rsa")]
            Self::Rs256 | Self::Rs384 | Self::Rs512 | Self::Ps256 | Self::Ps384 | Self::Ps512 => {
                256
            }
            #[cfg(feature = "es256")]
            Self::Es256 => 64,
            #[cfg(feature = "es384")]
            Self::Es384 => 96,
            #[cfg(feature = "es512")]
            Self::Es512 => 132,
            #[cfg(feature = "eddsa")]
            Self::EdDsa | Self::Ed25519 => 64,
        }
    }
}

impl core::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
