//! Writing public and private JWKs, and RFC 7638 thumbprints.

use crate::public_key::Material;
#[cfg(feature = "signing")]
use crate::PrivateKey;
use crate::{base64url, PublicKey};
use alloc::string::String;
use sha2::{Digest, Sha256};

impl PublicKey {
    /// The public JWK of this key: `kty`, `crv`, the key members, then `alg`
    /// and `kid` when the key has them, and `use` `sig`.
    ///
    /// ```
    /// use jwt_edge::PublicKey;
    /// let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","alg":"EdDSA","kid":"k1","use":"sig"}"#;
    /// assert_eq!(PublicKey::from_jwk(jwk.as_bytes())?.to_jwk(), jwk);
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    #[must_use]
    pub fn to_jwk(&self) -> String {
        let mut out = String::from("{");
        self.write_key_members(&mut out);
        self.write_use_members(&mut out);
        out
    }

    /// The RFC 7638 thumbprint: the base64url SHA-256 of the key's required
    /// members in lexicographic order, a stable `kid` for the key.
    ///
    /// ```
    /// use jwt_edge::PublicKey;
    /// let jwk = br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    /// // RFC 8037 §A.3.
    /// assert_eq!(PublicKey::from_jwk(jwk)?.thumbprint(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    #[must_use]
    pub fn thumbprint(&self) -> String {
        let mut canonical = String::from("{");
        match &self.material {
            #[cfg(feature = "rsa")]
            Material::Rsa(key) => {
                encoded_member(&mut canonical, "e", &key.exponent());
                member(&mut canonical, "kty", "RSA");
                encoded_member(&mut canonical, "n", &key.modulus());
            }
            #[cfg(feature = "ecdsa-curves")]
            Material::Ecdsa(key) => {
                let (x, y) = key.coordinates();
                member(&mut canonical, "crv", curve_name(self));
                member(&mut canonical, "kty", "EC");
                encoded_member(&mut canonical, "x", &x);
                encoded_member(&mut canonical, "y", &y);
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519(key) => {
                member(&mut canonical, "crv", "Ed25519");
                member(&mut canonical, "kty", "OKP");
                encoded_member(&mut canonical, "x", &key.to_bytes());
            }
        }
        canonical.push('}');
        let mut out = String::with_capacity(43);
        base64url::encode_into(&Sha256::digest(canonical.as_bytes()), &mut out);
        out
    }

    /// `kty`, `crv` and the public key members.
    /// The members that say how the key is used (`alg` when bound, `kid`
    /// when named, `use: "sig"`), and the object's closing brace.
    fn write_use_members(&self, out: &mut String) {
        if let Some(algorithm) = self.algorithm {
            member(out, "alg", algorithm.name());
        }
        if let Some(kid) = &self.kid {
            member(out, "kid", kid);
        }
        member(out, "use", "sig");
        out.push('}');
    }

    fn write_key_members(&self, out: &mut String) {
        match &self.material {
            #[cfg(feature = "rsa")]
            Material::Rsa(key) => {
                member(out, "kty", "RSA");
                encoded_member(out, "n", &key.modulus());
                encoded_member(out, "e", &key.exponent());
            }
            #[cfg(feature = "ecdsa-curves")]
            Material::Ecdsa(key) => {
                let (x, y) = key.coordinates();
                member(out, "kty", "EC");
                member(out, "crv", curve_name(self));
                encoded_member(out, "x", &x);
                encoded_member(out, "y", &y);
            }
            #[cfg(feature = "eddsa")]
            Material::Ed25519(key) => {
                member(out, "kty", "OKP");
                member(out, "crv", "Ed25519");
                encoded_member(out, "x", &key.to_bytes());
            }
        }
    }
}

#[cfg(feature = "signing")]
impl PrivateKey {
    /// The private JWK of this key: its public JWK's members with `d`.
    ///
    /// # Security
    /// The text holds the private key: keep it secret.
    ///
    /// ```
    /// use jwt_edge::PrivateKey;
    /// let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","alg":"EdDSA","use":"sig"}"#;
    /// assert_eq!(PrivateKey::from_jwk(jwk.as_bytes())?.to_jwk().as_str(), jwk);
    /// # Ok::<(), jwt_edge::Error>(())
    /// ```
    #[must_use]
    pub fn to_jwk(&self) -> zeroize::Zeroizing<String> {
        let public = self.public_key();
        let mut out = zeroize::Zeroizing::new(String::from("{"));
        public.write_key_members(&mut out);
        encoded_member(&mut out, "d", &self.secret_bytes());
        public.write_use_members(&mut out);
        out
    }
}

#[cfg(feature = "ecdsa-curves")]
fn curve_name(key: &PublicKey) -> &'static str {
    match key.family() {
        #[cfg(feature = "es256")]
        crate::KeyFamily::P256 => "P-256",
        #[cfg(feature = "es384")]
        crate::KeyFamily::P384 => "P-384",
        _ => "P-521",
    }
}

/// `"name":"value"`, after a comma unless first.
fn member(out: &mut String, name: &str, value: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    crate::json::write_string(name, out);
    out.push(':');
    crate::json::write_string(value, out);
}

/// `"name":"base64url(bytes)"`.
fn encoded_member(out: &mut String, name: &str, bytes: &[u8]) {
    if !out.ends_with('{') {
        out.push(',');
    }
    crate::json::write_string(name, out);
    out.push_str(":\"");
    base64url::encode_into(bytes, out);
    out.push('"');
}
