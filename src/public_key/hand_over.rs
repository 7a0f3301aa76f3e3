//! What a public key hands the runtime's own crypto (`node:crypto`,
//! WebCrypto) with a signature it leaves to it: the checks of the pure-Rust
//! path short of the arithmetic, then the bytes the runtime checks, in the
//! forms it checks fastest (`src/js/runtime_signature.rs` hands them over).

use super::Material;
use crate::{Algorithm, Error};
use alloc::vec::Vec;

/// The forms a runtime takes a handed-over signature and message in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum HandOverForms {
    /// As the token has them: `r || s` for ECDSA, and the signing input.
    Token,
    /// The fastest for `node:crypto`: ECDSA signatures DER-encoded (its
    /// default, checked with the bare `KeyObject`: 1.0 µs less per ES256
    /// verification in Node 20 than `r || s` with `dsaEncoding`), and for
    /// RS256, RS384 and RS512 the encoded message in place of the signing
    /// input (`RsaPublicKey::write_pkcs1v15_encoding`).
    NodeCrypto,
}

impl Material {
    /// The checks of [`verify`](Self::verify) short of the arithmetic, made
    /// before a runtime's own crypto checks a signature (RSA, ECDSA and
    /// Ed25519 alike; the measurements are beside
    /// pkg-template/runtime-crypto/node-crypto.js): the algorithm is of
    /// the key's family and the signature has the form the family's strict
    /// rules demand. What passes them is what the pure-Rust path's `verify`
    /// would go on to check with the arithmetic alone, so the runtime may do
    /// that instead.
    ///
    /// Once they pass, appends to `out` the signature and then the message
    /// the runtime checks it against, in `forms`; returns the signature's
    /// length there. (On an error `out` may hold part of them.)
    ///
    /// # Errors
    /// [`Error::SignatureInvalid`] (or [`Error::AlgorithmNotAllowed`] for an
    /// algorithm of another family), as `verify` would fail.
    pub(crate) fn hand_over(
        &self,
        algorithm: Algorithm,
        signing_input: &[u8],
        signature: &[u8],
        forms: HandOverForms,
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        if algorithm.family() != self.family() {
            return Err(Error::AlgorithmNotAllowed);
        }
        let start = out.len();
        match self {
            #[cfg(feature = "rsa")]
            Self::Rsa(key) => {
                key.check_signature_form(signature)?;
                out.extend_from_slice(signature);
            }
            #[cfg(feature = "ecdsa-curves")]
            Self::Ecdsa(key) => {
                let der = (forms == HandOverForms::NodeCrypto).then_some(&mut *out);
                key.check_signature_form(signature, der)?;
                if forms == HandOverForms::Token {
                    out.extend_from_slice(signature);
                }
            }
            #[cfg(feature = "eddsa")]
            Self::Ed25519(_) => {
                crate::alg::eddsa::Ed25519PublicKey::check_signature_form(signature)?;
                out.extend_from_slice(signature);
            }
        }
        let signature_len = out.len() - start;
        #[cfg(feature = "rsa")]
        if let (Self::Rsa(key), HandOverForms::NodeCrypto) = (self, forms) {
            if key.write_pkcs1v15_encoding(algorithm, signing_input, out) {
                return Ok(signature_len);
            }
        }
        out.extend_from_slice(signing_input);
        Ok(signature_len)
    }
}
