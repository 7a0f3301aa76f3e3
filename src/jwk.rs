//! Reading JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037 §2) with the crate's
//! strict JSON parser: duplicate members, bad base64url and mistyped members
//! are refused.

#[cfg(feature = "ecdsa-curves")]
use crate::alg::ecdsa::{EcdsaPrivateKey, EcdsaPublicKey};
#[cfg(feature = "eddsa")]
use crate::alg::eddsa::{Ed25519PrivateKey, Ed25519PublicKey};
#[cfg(feature = "rsa")]
use crate::alg::rsa::RsaPublicKey;
use crate::json::{Object, Value};
#[cfg(feature = "signing")]
use crate::private_key::PrivateKey;
use crate::public_key::PublicKey;
use crate::{base64url, Algorithm, Error, HmacKey, KeyFamily};
use alloc::string::String;
use alloc::vec::Vec;
use zeroize::Zeroizing;

/// Why a JWK was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A well-formed key this build or this use does not take (another
    /// `kty`, `crv` or `alg`, `use` `enc`, `key_ops` without the operation):
    /// a key set passes over it.
    Unusable(&'static str),
    /// A malformed key.
    Invalid(&'static str),
}

impl Problem {
    pub(crate) fn into_jwk_error(self) -> Error {
        match self {
            Self::Unusable(reason) | Self::Invalid(reason) => Error::InvalidJwk { reason },
        }
    }
}

/// A JWK as read: one of the three kinds of key.
pub(crate) enum Parsed {
    Public(PublicKey),
    #[cfg(feature = "signing")]
    Private(PrivateKey),
    Secret(SecretJwk),
}

/// An `oct` key: the secret and what its JWK says about it.
pub(crate) struct SecretJwk {
    pub bytes: Zeroizing<Vec<u8>>,
    pub algorithm: Option<Algorithm>,
    pub kid: Option<String>,
}

/// Members that only a private key has (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2).
const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// The JWK `json`, parsed strictly.
pub(crate) fn parse_text(json: &[u8]) -> Result<Parsed, Problem> {
    let object =
        crate::json::parse_object(json).map_err(|_| Problem::Invalid("not a JSON object"))?;
    parse(&object)
}

/// The JWK `object`.
pub(crate) fn parse(object: &Object) -> Result<Parsed, Problem> {
    let kty = string(object, "kty")?.ok_or(Problem::Invalid("\"kty\" is missing"))?;
    if let Some(usage) = string(object, "use")? {
        if usage != "sig" {
            return Err(Problem::Unusable("\"use\" is not \"sig\""));
        }
    }
    let kid = string(object, "kid")?.map(String::from);
    let algorithm = match string(object, "alg")? {
        None => None,
        Some(name) => Some(Algorithm::from_name(name).ok_or(Problem::Unusable(
            "\"alg\" is not an algorithm of this build",
        ))?),
    };
    let private = object.get("d").is_some();
    check_key_ops(object, if private { "sign" } else { "verify" })?;
    let family = match (kty, string(object, "crv")?) {
        ("oct", _) => KeyFamily::Hmac,
        #[cfg(feature = "rsa")]
        ("RSA", _) => KeyFamily::Rsa,
        #[cfg(feature = "es256")]
        ("EC", Some("P-256")) => KeyFamily::P256,
        #[cfg(feature = "es384")]
        ("EC", Some("P-384")) => KeyFamily::P384,
        #[cfg(feature = "es512")]
        ("EC", Some("P-521")) => KeyFamily::P521,
        #[cfg(feature = "eddsa")]
        ("OKP", Some("Ed25519")) => KeyFamily::Ed25519,
        ("EC" | "OKP", None) => return Err(Problem::Invalid("\"crv\" is missing")),
        _ => {
            return Err(Problem::Unusable(
                "\"kty\" or \"crv\" is not one of this build",
            ))
        }
    };
    if algorithm.is_some_and(|algorithm| algorithm.family() != family) {
        return Err(Problem::Invalid("\"alg\" does not fit \"kty\" and \"crv\""));
    }
    if family == KeyFamily::Hmac {
        let bytes = Zeroizing::new(bytes(object, "k")?);
        return Ok(Parsed::Secret(SecretJwk {
            bytes,
            algorithm,
            kid,
        }));
    }
    let public = public_material(object, family)?;
    let mut key = PublicKey::from_material(public, algorithm);
    key.kid = kid;
    if !private {
        if PRIVATE_MEMBERS
            .iter()
            .any(|name| object.get(name).is_some())
        {
            return Err(Problem::Invalid("a public JWK has a private member"));
        }
        return Ok(Parsed::Public(key));
    }
    private_jwk(object, &key)
}

/// The public part of a JWK of `family`.
fn public_material(
    object: &Object,
    family: KeyFamily,
) -> Result<crate::public_key::Material, Problem> {
    use crate::public_key::Material;
    let key_error = |error: Error| match error {
        Error::InvalidKey { reason } => Problem::Invalid(reason),
        _ => Problem::Invalid("the key was rejected"),
    };
    match family {
        #[cfg(feature = "rsa")]
        KeyFamily::Rsa => {
            let n = bytes(object, "n")?;
            let e = bytes(object, "e")?;
            Ok(Material::Rsa(
                RsaPublicKey::from_components(&n, &e).map_err(key_error)?,
            ))
        }
        #[cfg(feature = "ecdsa-curves")]
        family if crate::alg::ecdsa::field_len(family).is_some() => {
            let x = bytes(object, "x")?;
            let y = bytes(object, "y")?;
            Ok(Material::Ecdsa(
                EcdsaPublicKey::from_coordinates(family, &x, &y).map_err(key_error)?,
            ))
        }
        #[cfg(feature = "eddsa")]
        KeyFamily::Ed25519 => {
            if object.get("y").is_some() {
                return Err(Problem::Invalid("an OKP key has no \"y\""));
            }
            let x = bytes(object, "x")?;
            Ok(Material::Ed25519(
                Ed25519PublicKey::from_bytes(&x).map_err(key_error)?,
            ))
        }
        _ => Err(Problem::Unusable(
            "\"kty\" or \"crv\" is not one of this build",
        )),
    }
}

/// A JWK with `d`: a private key of a family that signs.
#[cfg(feature = "signing")]
fn private_jwk(object: &Object, public: &PublicKey) -> Result<Parsed, Problem> {
    Ok(Parsed::Private(private_key(object, public)?))
}

/// A JWK with `d` in a build whose families only verify.
#[cfg(not(feature = "signing"))]
fn private_jwk(_object: &Object, _public: &PublicKey) -> Result<Parsed, Problem> {
    Err(Problem::Unusable("private keys do not sign in this build"))
}

/// The private key of a JWK with `d`, checked against its public part.
#[cfg(feature = "signing")]
fn private_key(object: &Object, public: &PublicKey) -> Result<PrivateKey, Problem> {
    let d = Zeroizing::new(bytes(object, "d")?);
    let invalid = |_| Problem::Invalid("\"d\" is not a valid private key");
    let family = public.family();
    let algorithm = public
        .algorithm
        .or_else(|| crate::private_key::default_algorithm(family))
        .ok_or(Problem::Unusable(
            "only ECDSA and Ed25519 private keys sign (no RSA signing)",
        ))?;
    let private: PrivateKey = match family {
        #[cfg(feature = "ecdsa-curves")]
        family if crate::alg::ecdsa::field_len(family).is_some() => {
            PrivateKey::from(EcdsaPrivateKey::from_scalar(algorithm, &d).map_err(invalid)?)
        }
        #[cfg(feature = "eddsa")]
        KeyFamily::Ed25519 => {
            PrivateKey::from(Ed25519PrivateKey::from_seed(algorithm, &d).map_err(invalid)?)
        }
        _ => {
            return Err(Problem::Unusable(
                "only ECDSA and Ed25519 private keys sign (no RSA signing)",
            ))
        }
    };
    if private.public_key().material != public.material {
        return Err(Problem::Invalid(
            "\"d\" is not the private key of the public members",
        ));
    }
    Ok(private.with_kid(public.kid.clone()))
}

/// `key_ops`, when present, must be an array of distinct strings holding
/// `operation` (RFC 7517 §4.3).
fn check_key_ops(object: &Object, operation: &str) -> Result<(), Problem> {
    let Some(value) = object.get("key_ops") else {
        return Ok(());
    };
    let Value::Array(items) = value else {
        return Err(Problem::Invalid("\"key_ops\" must be an array of strings"));
    };
    let mut names = Vec::with_capacity(items.len());
    for item in items {
        let name = item
            .as_str()
            .ok_or(Problem::Invalid("\"key_ops\" must be an array of strings"))?;
        if names.contains(&name) {
            return Err(Problem::Invalid("\"key_ops\" repeats a value"));
        }
        names.push(name);
    }
    if names.contains(&operation) {
        Ok(())
    } else {
        Err(Problem::Unusable(
            "\"key_ops\" does not allow this operation",
        ))
    }
}

/// The string member `name`, if present.
fn string<'o>(object: &'o Object, name: &str) -> Result<Option<&'o str>, Problem> {
    match object.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(Problem::Invalid("a JWK member is not a string")),
    }
}

/// The base64url member `name`, which must be present.
fn bytes(object: &Object, name: &str) -> Result<Vec<u8>, Problem> {
    let text = string(object, name)?.ok_or(Problem::Invalid("a key member is missing"))?;
    base64url::decode(text).ok_or(Problem::Invalid("a key member is not base64url"))
}

impl PublicKey {
    /// The public key of the JWK `json` (RFC 7517): `kty` `RSA`, `EC`
    /// (`P-256`, `P-384`, `P-521`) or `OKP` (`Ed25519`). Its `alg`, if any,
    /// binds the key to that algorithm; its `kid` is kept.
    ///
    /// ```
    /// use jwt_edge::{KeyFamily, PublicKey};
    /// let jwk = br#"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig",
    ///   "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    ///   "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;
    /// assert_eq!(PublicKey::from_jwk(jwk)?.family(), KeyFamily::P256);
    /// let enc = br#"{"kty":"OKP","crv":"Ed25519","use":"enc","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    /// assert_eq!(PublicKey::from_jwk(enc).unwrap_err().code(), "ERR_JWK_INVALID");
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidJwk`] when `json` is not a strict JSON object, a member
    /// is missing, mistyped or not canonical base64url, `use` is not `sig`,
    /// `key_ops` lacks `verify`, `alg` does not fit the key, the key is
    /// private or a secret (`oct`), or the key itself is refused (an RSA
    /// modulus outside 2048–8192 bits, a point not on its curve).
    pub fn from_jwk(json: &[u8]) -> Result<Self, Error> {
        match parse_text(json).map_err(Problem::into_jwk_error)? {
            Parsed::Public(key) => Ok(key),
            #[cfg(feature = "signing")]
            Parsed::Private(_) => Err(Error::jwk("a private JWK where a public one is expected")),
            Parsed::Secret(_) => Err(Error::jwk("an \"oct\" JWK is a secret, not a public key")),
        }
    }
}

impl HmacKey {
    /// The HMAC key of the `oct` JWK `json` for `algorithm`, which must be
    /// the JWK's `alg` when it has one.
    ///
    /// ```
    /// use jwt_edge::{Algorithm, HmacKey};
    /// let jwk = br#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;
    /// assert!(HmacKey::from_jwk(jwk, Algorithm::Hs256).is_ok());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidJwk`] when `json` is not a valid `oct` JWK for
    /// `algorithm`; [`Error::InvalidKey`] when the secret is too short.
    pub fn from_jwk(json: &[u8], algorithm: Algorithm) -> Result<Self, Error> {
        let Parsed::Secret(secret) = parse_text(json).map_err(Problem::into_jwk_error)? else {
            return Err(Error::jwk("not an \"oct\" JWK"));
        };
        if secret.algorithm.is_some_and(|own| own != algorithm) {
            return Err(Error::jwk("\"alg\" does not fit the algorithm"));
        }
        Self::new(algorithm, &secret.bytes)
    }
}

impl core::fmt::Debug for SecretJwk {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SecretJwk")
            .field("algorithm", &self.algorithm)
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}
