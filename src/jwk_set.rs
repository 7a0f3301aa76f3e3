//! JWK Sets (RFC 7517 §5): choosing the one key for a token by its `kid` and
//! `alg`.

use crate::json::Value;
use crate::jwk::{parse, Parsed, Problem, SecretJwk};
use crate::key::{KeyRequest, KeySource, VerifyingKey};
use crate::public_key::BoundPublicKey;
use crate::{Algorithm, Error, HmacKey, PublicKey};
use alloc::vec::Vec;

/// A JWK Set: the keys a token's `kid` and `alg` choose from.
///
/// Keys this build or signature verification cannot use (another `kty`,
/// `crv` or `alg`, `use` `enc`, `key_ops` without `verify`) are passed over;
/// a malformed key makes the whole set invalid. A set read with
/// [`KeySet::from_remote_json`] never yields an `oct` (secret) key. The
/// token's own `jku`, `x5u`, `jwk` and `x5c` are never used.
///
/// A key is chosen when it is of the family the token's `alg` needs, its
/// `alg` (if any) is the token's, the caller allowed the token's `alg` when
/// the key names none, and its `kid` is the token's (when the token has
/// one). Exactly one key must be chosen.
///
/// ```
/// use jwt_edge::{Algorithm, KeySet, PrivateKey, sign, verify, Claims, HeaderOptions, Validation};
/// let private = PrivateKey::from_jwk(br#"{"kty":"OKP","crv":"Ed25519","kid":"2024",
///   "d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
///   "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#)?;
/// let jwks = format!(r#"{{"keys":[{}]}}"#, private.public_key().to_jwk());
/// let set = KeySet::from_remote_json(jwks.as_bytes())?;
///
/// let token = sign(&Claims::new(), &private, &HeaderOptions::new().key_id("2024"));
/// let validation = Validation::new(0).required_claims::<[&str; 0], &str>([]);
/// verify(&token, &set, &validation)?;
///
/// let other = sign(&Claims::new(), &private, &HeaderOptions::new().key_id("2023"));
/// assert_eq!(verify(&other, &set, &validation).unwrap_err().code(), "ERR_JWKS_NO_MATCHING_KEY");
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Debug)]
pub struct KeySet {
    keys: Vec<PublicKey>,
    secrets: Vec<SecretJwk>,
}

impl KeySet {
    /// A set the caller holds (its own configuration): `oct` keys are taken.
    ///
    /// # Errors
    /// [`Error::InvalidJwks`] when `json` is not a JSON object with a `keys`
    /// array of JSON objects, or a key is malformed.
    pub fn from_json(json: &[u8]) -> Result<Self, Error> {
        Self::read(json, true)
    }

    /// A set fetched from elsewhere (an issuer's `jwks_uri`): `oct` keys are
    /// passed over, since a published secret is no secret.
    ///
    /// # Errors
    /// As [`KeySet::from_json`].
    pub fn from_remote_json(json: &[u8]) -> Result<Self, Error> {
        Self::read(json, false)
    }

    fn read(json: &[u8], secrets_allowed: bool) -> Result<Self, Error> {
        let invalid = |reason| Error::InvalidJwks { reason };
        let object = crate::json::parse_object(json).map_err(|_| invalid("not a JSON object"))?;
        let Some(Value::Array(entries)) = object.get("keys") else {
            return Err(invalid("\"keys\" must be an array"));
        };
        let mut set = Self {
            keys: Vec::new(),
            secrets: Vec::new(),
        };
        for entry in entries {
            let Value::Object(jwk) = entry else {
                return Err(invalid("every key must be a JSON object"));
            };
            match parse(jwk) {
                Ok(Parsed::Public(key)) => set.keys.push(key),
                Ok(Parsed::Secret(secret)) if secrets_allowed => set.secrets.push(secret),
                Ok(Parsed::Private(_)) => return Err(invalid("a key set holds a private key")),
                Ok(Parsed::Secret(_)) | Err(Problem::Unusable(_)) => {}
                Err(Problem::Invalid(reason)) => return Err(invalid(reason)),
            }
        }
        Ok(set)
    }

    /// The public keys taken from the set.
    #[must_use]
    pub fn public_keys(&self) -> &[PublicKey] {
        &self.keys
    }

    /// How many keys of the set may be chosen (public and secret).
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len() + self.secrets.len()
    }

    /// Whether no key of the set may be chosen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The one key for `request`.
    ///
    /// # Errors
    /// [`Error::NoMatchingKey`] when no key fits, [`Error::MultipleMatchingKeys`]
    /// when more than one does; [`Error::InvalidKey`] when the chosen secret
    /// is too short for the algorithm.
    pub fn select(&self, request: &KeyRequest<'_>) -> Result<SelectedKey<'_>, Error> {
        let kid_matches = |kid: Option<&str>| request.kid.is_none_or(|wanted| kid == Some(wanted));
        let mut public = self
            .keys
            .iter()
            .filter(|key| key.serves(request) && kid_matches(key.kid()));
        let mut secret = self.secrets.iter().filter(|secret| {
            request.algorithm.family() == crate::KeyFamily::Hmac
                && secret
                    .algorithm
                    .map_or(request.allowed.contains(&request.algorithm), |own| {
                        own == request.algorithm
                    })
                && kid_matches(secret.kid.as_deref())
        });
        let chosen = match (public.next(), secret.next()) {
            (Some(key), None) => SelectedKey::Public(BoundPublicKey::new(key, request.algorithm)),
            (None, Some(secret)) => {
                SelectedKey::Hmac(HmacKey::new(request.algorithm, &secret.bytes)?)
            }
            (None, None) => return Err(Error::NoMatchingKey),
            (Some(_), Some(_)) => return Err(Error::MultipleMatchingKeys),
        };
        if public.next().is_some() || secret.next().is_some() {
            return Err(Error::MultipleMatchingKeys);
        }
        Ok(chosen)
    }
}

/// The key a [`KeySet`] chose for one token. It lives on the stack for one
/// verification: a made HMAC key is not worth a heap allocation.
///
/// ```
/// use jwt_edge::{Algorithm, KeyRequest, KeySet, SelectedKey, VerifyingKey};
/// let set = KeySet::from_json(br#"{"keys":[{"kty":"oct","kid":"h","alg":"HS256",
///   "k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}]}"#)?;
/// let chosen = set.select(&KeyRequest::new(Algorithm::Hs256, Some("h"), &[]))?;
/// assert!(matches!(chosen, SelectedKey::Hmac(_)));
/// assert_eq!(chosen.algorithm(), Algorithm::Hs256);
/// # Ok::<(), jwt_edge::Error>(())
/// ```
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum SelectedKey<'k> {
    /// A public key, used for the token's algorithm.
    Public(BoundPublicKey<'k>),
    /// A secret of a local set.
    Hmac(HmacKey),
}

impl VerifyingKey for SelectedKey<'_> {
    fn algorithm(&self) -> Algorithm {
        match self {
            Self::Public(key) => key.algorithm(),
            Self::Hmac(key) => VerifyingKey::algorithm(key),
        }
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        match self {
            Self::Public(key) => key.verify_signature(signing_input, signature),
            Self::Hmac(key) => key.verify_signature(signing_input, signature),
        }
    }
}

impl KeySource for KeySet {
    type Key<'k> = SelectedKey<'k>;

    fn key_for(&self, request: &KeyRequest<'_>) -> Result<SelectedKey<'_>, Error> {
        self.select(request)
    }
}
