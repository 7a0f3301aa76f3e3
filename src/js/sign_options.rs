//! `SignOptions` (feature `js`): read and checked in JavaScript
//! (`signOptions` in `pkg-template/host.js`, with the rules of
//! [`options`](super::options): unknown names are refused), and taken here
//! as the compact text it returns.

use super::host::get_random_values;
use super::option_readers::sign_options;
use super::options::{compact_item, not_compact, read_options};
use super::time::clock_now;
use crate::claims::{Audience, NumericDateRef, RegisteredClaims};
use crate::sign::encoded_header;
use crate::{Algorithm, Error, HeaderOptions};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
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
    /// The options of one call, read and checked in JavaScript.
    ///
    /// # Errors
    /// The `JwtError` (`ERR_INVALID_OPTIONS`) that JavaScript threw.
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, JsValue> {
        read_options(options, sign_options, Self::from_compact)
    }

    /// From the compact text of host.js's `signOptions`.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] for a text `signOptions` does not write.
    pub(crate) fn from_compact(text: &str) -> Result<Self, Error> {
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
        let mut rest = text;
        while let Some((tag, value, after)) = compact_item(rest) {
            rest = after;
            let number = || value.parse::<u64>().map_err(|_| not_compact());
            let owned = || String::from(value);
            match tag {
                b'a' => {
                    config.algorithm = Algorithm::from_name(value).ok_or_else(not_compact)?;
                    #[cfg(feature = "asymmetric")]
                    {
                        config.algorithm_named = true;
                    }
                }
                b'e' => config.expires_in = Some(number()?),
                b'b' => config.not_before = Some(number()?),
                b'i' => config.issuer = Some(owned()),
                b'U' => config.audience = Some(Audience::One(owned())),
                b'M' => config.audience = Some(Audience::Many(Vec::new())),
                b'u' => match &mut config.audience {
                    Some(Audience::Many(list)) => list.push(owned()),
                    _ => return Err(not_compact()),
                },
                b's' => config.subject = Some(owned()),
                b'j' => config.jwt_id = Some(JwtId::Fixed(owned())),
                b'J' => config.jwt_id = Some(JwtId::Random),
                b'k' => header = header.key_id(owned()),
                b't' => header = header.typ(owned()),
                b'n' => config.fixed_now = Some(number()?),
                _ => return Err(not_compact()),
            }
        }
        if !rest.is_empty() {
            return Err(not_compact());
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
