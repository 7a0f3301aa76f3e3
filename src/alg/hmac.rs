//! HS256, HS384 and HS512: HMAC with SHA-2 (RFC 7518 §3.2).

use crate::key::{SigningKey, VerifyingKey};
use crate::{Algorithm, Error};
use alloc::vec::Vec;
use core::fmt;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

/// A shared secret for one HMAC algorithm.
///
/// The key is processed once, when it is made: the HMAC inner and outer hash
/// states are computed up front, so every sign or verify pays only for the
/// message. The raw bytes are not kept; the precomputed states are zeroed when
/// the key is dropped, and `Debug` prints only the algorithm.
///
/// ```
/// use jwt_edge::{Algorithm, HmacKey};
/// let key = HmacKey::new(Algorithm::Hs256, b"a secret of at least thirty-two bytes!").unwrap();
/// assert_eq!(format!("{key:?}"), "HmacKey { algorithm: Hs256, .. }");
/// // RFC 7518 §3.2: a key shorter than the hash output is refused.
/// assert_eq!(HmacKey::new(Algorithm::Hs256, b"short").unwrap_err().code(), "ERR_KEY_INVALID");
/// ```
#[derive(Clone)]
pub struct HmacKey {
    state: HmacState,
}

#[derive(Clone)]
enum HmacState {
    Sha256(Hmac<Sha256>),
    Sha384(Hmac<Sha384>),
    Sha512(Hmac<Sha512>),
}

impl HmacKey {
    /// A key for `algorithm` from the secret `bytes`.
    ///
    /// A public key is not a secret: text that is a PEM block (`-----BEGIN`)
    /// or a JSON Web Key is refused, so that a verifier handed the issuer's
    /// public key where it expected a secret can never accept an HMAC token
    /// made with that public key (the 2015 algorithm-confusion attack).
    ///
    /// ```
    /// use jwt_edge::{Algorithm, HmacKey};
    /// let pem = b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    /// assert_eq!(HmacKey::new(Algorithm::Hs256, pem).unwrap_err().code(), "ERR_KEY_INVALID");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `algorithm` is not an HMAC algorithm, when
    /// `bytes` is shorter than the hash output of the algorithm (32, 48 or 64
    /// bytes, as RFC 7518 §3.2 requires), or when `bytes` is a PEM text or a
    /// JWK's JSON text.
    pub fn new(algorithm: Algorithm, bytes: &[u8]) -> Result<Self, Error> {
        if algorithm.family() != crate::KeyFamily::Hmac {
            return Err(Error::InvalidKey {
                reason: "an HMAC key verifies only HS256, HS384 and HS512",
            });
        }
        if bytes.len() < algorithm.signature_len() {
            return Err(Error::InvalidKey {
                reason: match algorithm {
                    Algorithm::Hs256 => "an HS256 key must be at least 32 bytes",
                    Algorithm::Hs384 => "an HS384 key must be at least 48 bytes",
                    _ => "an HS512 key must be at least 64 bytes",
                },
            });
        }
        if looks_like_public_key(bytes) {
            return Err(Error::InvalidKey {
                reason: "a PEM or JWK text is not an HMAC secret",
            });
        }
        let rejected = || Error::InvalidKey {
            reason: "the HMAC key was rejected",
        };
        let state = match algorithm {
            Algorithm::Hs256 => {
                HmacState::Sha256(Hmac::new_from_slice(bytes).map_err(|_| rejected())?)
            }
            Algorithm::Hs384 => {
                HmacState::Sha384(Hmac::new_from_slice(bytes).map_err(|_| rejected())?)
            }
            _ => HmacState::Sha512(Hmac::new_from_slice(bytes).map_err(|_| rejected())?),
        };
        Ok(Self { state })
    }
}

/// Whether `bytes` is a key's text rather than a secret: a PEM block
/// (RFC 7468) anywhere in it, or a JSON object naming a `kty` (a JWK or a JWK
/// Set). Random secrets are neither: both need specific runs of ASCII.
fn looks_like_public_key(bytes: &[u8]) -> bool {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|window| window == needle);
    let trimmed = bytes.trim_ascii();
    contains(b"-----BEGIN")
        || (trimmed.first() == Some(&b'{') && trimmed.last() == Some(&b'}') && contains(b"\"kty\""))
}

impl VerifyingKey for HmacKey {
    fn algorithm(&self) -> Algorithm {
        match self.state {
            HmacState::Sha256(_) => Algorithm::Hs256,
            HmacState::Sha384(_) => Algorithm::Hs384,
            HmacState::Sha512(_) => Algorithm::Hs512,
        }
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        // `verify_slice` refuses a tag of the wrong length and compares in
        // constant time.
        let result = match &self.state {
            HmacState::Sha256(mac) => mac
                .clone()
                .chain_update(signing_input)
                .verify_slice(signature),
            HmacState::Sha384(mac) => mac
                .clone()
                .chain_update(signing_input)
                .verify_slice(signature),
            HmacState::Sha512(mac) => mac
                .clone()
                .chain_update(signing_input)
                .verify_slice(signature),
        };
        result.map_err(|_| Error::SignatureInvalid)
    }
}

impl SigningKey for HmacKey {
    fn algorithm(&self) -> Algorithm {
        VerifyingKey::algorithm(self)
    }

    fn sign(&self, signing_input: &[u8]) -> Vec<u8> {
        match &self.state {
            HmacState::Sha256(mac) => mac
                .clone()
                .chain_update(signing_input)
                .finalize()
                .into_bytes()
                .to_vec(),
            HmacState::Sha384(mac) => mac
                .clone()
                .chain_update(signing_input)
                .finalize()
                .into_bytes()
                .to_vec(),
            HmacState::Sha512(mac) => mac
                .clone()
                .chain_update(signing_input)
                .finalize()
                .into_bytes()
                .to_vec(),
        }
    }
}

impl fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HmacKey")
            .field("algorithm", &VerifyingKey::algorithm(self))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_zeroize_on_drop<T: zeroize::ZeroizeOnDrop>() {}

    /// The precomputed inner and outer states are the hash cores; with the
    /// `zeroize` feature of `sha2` they wipe themselves on drop.
    #[test]
    fn precomputed_states_are_zeroed_on_drop() {
        assert_zeroize_on_drop::<<Sha256 as hmac::EagerHash>::Core>();
        assert_zeroize_on_drop::<<Sha384 as hmac::EagerHash>::Core>();
        assert_zeroize_on_drop::<<Sha512 as hmac::EagerHash>::Core>();
    }

    #[test]
    fn key_shorter_than_hash_output_is_refused() {
        for (alg, len) in [
            (Algorithm::Hs256, 32),
            (Algorithm::Hs384, 48),
            (Algorithm::Hs512, 64),
        ] {
            assert_eq!(
                HmacKey::new(alg, &vec![7; len - 1])
                    .map(|_| ())
                    .map_err(|e| e.code()),
                Err("ERR_KEY_INVALID")
            );
            assert!(HmacKey::new(alg, &vec![7; len]).is_ok());
        }
    }

    #[test]
    fn key_text_given_as_a_secret_is_refused() {
        let pem = b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
        let jwk =
            br#" {"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"} "#;
        for text in [&pem[..], &jwk[..]] {
            for alg in Algorithm::HMAC {
                assert_eq!(
                    HmacKey::new(alg, text).map(|_| ()).map_err(|e| e.code()),
                    Err("ERR_KEY_INVALID")
                );
            }
        }
        // JSON that is not a JWK, and text that merely mentions PEM, are secrets.
        assert!(HmacKey::new(Algorithm::Hs256, br#"{"a secret":"of thirty-two bytes"}"#).is_ok());
        assert!(HmacKey::new(Algorithm::Hs256, b"-----BEGI a secret of 32 bytes or more").is_ok());
    }

    #[test]
    fn debug_never_prints_key_material() {
        let key = HmacKey::new(Algorithm::Hs512, &[0xab; 64]).expect("valid");
        let printed = format!("{key:?}");
        assert_eq!(printed, "HmacKey { algorithm: Hs512, .. }");
    }

    #[test]
    fn signature_of_wrong_length_fails() {
        let key = HmacKey::new(Algorithm::Hs256, &[1; 32]).expect("valid");
        let tag = SigningKey::sign(&key, b"input");
        assert!(key.verify_signature(b"input", &tag).is_ok());
        assert_eq!(
            key.verify_signature(b"input", &tag[..31]),
            Err(Error::SignatureInvalid)
        );
        let mut long = tag.clone();
        long.push(0);
        assert_eq!(
            key.verify_signature(b"input", &long),
            Err(Error::SignatureInvalid)
        );
        assert_eq!(
            key.verify_signature(b"input", &[]),
            Err(Error::SignatureInvalid)
        );
    }
}
