//! Reading `SignOptions` from JavaScript (feature `js`), with the rules of
//! [`options`](super::options): unknown names are refused.

use super::host::get_random_values;
use super::options::{algorithm, duration, number, option_members, options_text, string, strings};
use super::time::clock_now;
use crate::claims::{Audience, NumericDateRef, RegisteredClaims};
use crate::json::Raw;
use crate::sign::encoded_header;
use crate::{Algorithm, Error, HeaderOptions};
use alloc::borrow::Cow;
use alloc::string::String;
use wasm_bindgen::JsValue;

/// How the `jti` claim is set.
#[derive(Clone)]
enum JwtId {
    Fixed(String),
    Random,
}

/// `SignOptions`, read once.
#[derive(Clone)]
pub(crate) struct SignConfig {
    pub algorithm: Algorithm,
    /// The header every token starts with, encoded once.
    pub encoded_header: String,
    expires_in: Option<u64>,
    not_before: Option<u64>,
    issuer: Option<String>,
    audience: Option<Audience>,
    subject: Option<String>,
    jwt_id: Option<JwtId>,
    fixed_now: Option<u64>,
    /// The header's options and whether `alg` was named, for a private key,
    /// whose own algorithm decides.
    #[cfg(feature = "asymmetric")]
    header: HeaderOptions,
    #[cfg(feature = "asymmetric")]
    algorithm_named: bool,
}

impl SignConfig {
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, Error> {
        Self::from_text(options, options_text(options)?.as_deref())
    }

    /// From `options` and their `JSON.stringify` text (`options_text`).
    pub(crate) fn from_text(options: &JsValue, text: Option<&str>) -> Result<Self, Error> {
        let mut header = HeaderOptions::new();
        let mut config = Self {
            algorithm: Algorithm::Hs256,
            encoded_header: String::new(),
            expires_in: None,
            not_before: None,
            issuer: None,
            audience: None,
            subject: None,
            jwt_id: None,
            fixed_now: None,
            #[cfg(feature = "asymmetric")]
            header: HeaderOptions::new(),
            #[cfg(feature = "asymmetric")]
            algorithm_named: false,
        };
        for (name, value) in &option_members(options, text)? {
            let name = name.as_ref();
            match name {
                "alg" => {
                    config.algorithm = algorithm(value, name)?;
                    #[cfg(feature = "rsa")]
                    if config.algorithm.family() == crate::KeyFamily::Rsa {
                        return Err(Error::invalid_option(
                            name,
                            "RSA keys only verify: sign with HS*, ES256, ES384, ES512 or EdDSA",
                        ));
                    }
                    #[cfg(feature = "asymmetric")]
                    {
                        config.algorithm_named = true;
                    }
                }
                "expiresIn" => config.expires_in = Some(duration(value, name)?),
                "notBefore" => config.not_before = Some(duration(value, name)?),
                "issuer" => config.issuer = Some(string(value, name)?),
                "audience" => {
                    config.audience = Some(match value {
                        Raw::String(one) => Audience::One(String::from(one.as_ref())),
                        _ => Audience::Many(strings(value, name)?),
                    });
                }
                "subject" => config.subject = Some(string(value, name)?),
                "jwtId" => {
                    config.jwt_id = Some(match value {
                        Raw::Bool(true) => JwtId::Random,
                        Raw::String(id) => JwtId::Fixed(String::from(id.as_ref())),
                        _ => return Err(Error::invalid_option(name, "must be a string or true")),
                    });
                }
                "keyId" => header = header.key_id(string(value, name)?),
                "typ" => header = header.typ(string(value, name)?),
                "now" => config.fixed_now = Some(number(value, name)?),
                _ => return Err(Error::invalid_option(name, "is not a sign option")),
            }
        }
        config.encoded_header = encoded_header(&header, config.algorithm);
        #[cfg(feature = "asymmetric")]
        {
            config.header = header;
        }
        Ok(config)
    }

    /// Binds the options to a private key: the key's algorithm (the one `alg`
    /// names must be it), and its `kid` unless `keyId` names one.
    ///
    /// # Errors
    /// [`Error::InvalidKey`] when `alg` names another algorithm than the key's.
    #[cfg(feature = "asymmetric")]
    pub(crate) fn bind(&mut self, key: &crate::PrivateKey) -> Result<(), Error> {
        self.bind_to(crate::SigningKey::algorithm(key), key.kid())
    }

    /// As [`bind`](Self::bind), to a private key that signs with `own` and
    /// has the `kid` `kid`.
    #[cfg(feature = "asymmetric")]
    pub(crate) fn bind_to(&mut self, own: Algorithm, kid: Option<&str>) -> Result<(), Error> {
        if self.algorithm_named && self.algorithm != own {
            return Err(Error::InvalidKey {
                reason: "the private key signs with another algorithm than \"alg\"",
            });
        }
        self.algorithm = own;
        let mut header = self.header.clone();
        if let (None, Some(kid)) = (&header.kid, kid) {
            header = header.key_id(kid);
        }
        self.encoded_header = encoded_header(&header, own);
        Ok(())
    }

    /// Sets the claims the options set in `claims`, at the current time.
    pub(crate) fn apply<'a>(&'a self, claims: &mut RegisteredClaims<'a>) -> Result<(), Error> {
        // The clock is read once, and only when a claim needs it.
        let mut now = None;
        let mut date = |offset: u64, option: &str| {
            now.get_or_insert_with(|| self.fixed_now.unwrap_or_else(clock_now))
                .checked_add(offset)
                .and_then(NumericDateRef::from_secs)
                .ok_or_else(|| Error::invalid_option(option, "puts the time past 2^53 seconds"))
        };
        if claims.issued_at.is_none() {
            claims.issued_at = Some(date(0, "now")?);
        }
        if let Some(secs) = self.expires_in {
            claims.expires_at = Some(date(secs, "expiresIn")?);
        }
        if let Some(secs) = self.not_before {
            claims.not_before = Some(date(secs, "notBefore")?);
        }
        if let Some(issuer) = &self.issuer {
            claims.issuer = Some(Cow::Borrowed(issuer));
        }
        if let Some(audience) = &self.audience {
            claims.audience = Some(audience.as_view());
        }
        if let Some(subject) = &self.subject {
            claims.subject = Some(Cow::Borrowed(subject));
        }
        match &self.jwt_id {
            Some(JwtId::Fixed(id)) => claims.jwt_id = Some(Cow::Borrowed(id)),
            Some(JwtId::Random) => claims.jwt_id = Some(Cow::Owned(random_id()?)),
            None => {}
        }
        Ok(())
    }
}

/// A random 128-bit id, base64url-encoded, from `crypto.getRandomValues`.
fn random_id() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    get_random_values(&mut bytes)
        .map_err(|_| Error::invalid_option("jwtId", "no secure random source is available"))?;
    let mut id = String::with_capacity(22);
    crate::base64url::encode_into(&bytes, &mut id);
    Ok(id)
}
