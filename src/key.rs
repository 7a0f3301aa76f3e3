//! What a key must do to sign or verify a token.
//!
//! Each algorithm family implements these traits on its own key type (HMAC in
//! [`alg::hmac`](crate::alg::hmac)); [`verify`](crate::verify) and
//! [`sign`](crate::sign) are generic over them, so a build only carries the
//! families it uses.

use crate::{Algorithm, Error};
use alloc::vec::Vec;

/// A key that checks signatures of one algorithm.
pub trait VerifyingKey {
    /// The one algorithm this key verifies. A token whose header names any
    /// other algorithm is refused before this key is used.
    fn algorithm(&self) -> Algorithm;

    /// Checks `signature` over `signing_input` (the ASCII bytes
    /// `base64url(header) "." base64url(payload)`).
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`], with no detail, when the signature does not match.
    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error>;
}

/// A key that produces signatures of one algorithm.
pub trait SigningKey {
    /// The algorithm this key signs with; [`sign`](crate::sign) writes it into the header.
    fn algorithm(&self) -> Algorithm;

    /// The signature over `signing_input`.
    fn sign(&self, signing_input: &[u8]) -> Vec<u8>;
}

impl<K: VerifyingKey + ?Sized> VerifyingKey for &K {
    fn algorithm(&self) -> Algorithm {
        (**self).algorithm()
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        (**self).verify_signature(signing_input, signature)
    }
}
