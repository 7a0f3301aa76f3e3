//! The JOSE header of a compact JWS (RFC 7515 §4).

use crate::json::{Object, Value};
use crate::{Algorithm, Error};
use alloc::string::String;

/// The protected header of a token, read without trusting it.
///
/// It does not offer `alg` as something to act on: the caller fixes the
/// algorithm through the key, and [`verify`](crate::verify) only checks that the
/// header names it. `jwk`, `jku`, `x5u` and `x5c` are kept as data in
/// [`Header::members`] and never used to choose a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    alg: String,
    /// `typ`: the media type of the whole token, e.g. `"JWT"` or `"at+jwt"`.
    pub typ: Option<String>,
    /// `cty`: the media type of the payload.
    pub cty: Option<String>,
    /// `kid`: a hint naming the key. Treat it as untrusted data.
    pub kid: Option<String>,
    members: Object,
}

impl Header {
    /// Reads a header and applies the rules every token must pass before its
    /// signature is checked.
    ///
    /// # Errors
    /// - [`Error::MalformedToken`] when `alg` is missing or not a string, or a
    ///   registered member has the wrong type;
    /// - [`Error::NotSupported`] for `crit`, `b64: false` or a nested JWT.
    pub(crate) fn from_object(members: Object) -> Result<Self, Error> {
        let alg = match members.get("alg") {
            Some(Value::String(alg)) => alg.clone(),
            _ => return Err(Error::malformed("\"alg\" must be present and a string")),
        };
        let text = |name: &str| match members.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(Error::malformed(
                "\"typ\", \"cty\" and \"kid\" must be strings",
            )),
        };
        let typ = text("typ")?;
        let cty = text("cty")?;
        let kid = text("kid")?;
        if let Some(crit) = members.get("crit") {
            // RFC 7515 §4.1.11: a non-empty array of names; this crate
            // implements no extension, so any well-formed list is unsupported.
            return Err(match crit {
                Value::Array(names)
                    if !names.is_empty() && names.iter().all(|n| n.as_str().is_some()) =>
                {
                    Error::NotSupported {
                        reason: "\"crit\" names an extension this library does not implement",
                    }
                }
                _ => Error::malformed("\"crit\" must be a non-empty array of strings"),
            });
        }
        match members.get("b64") {
            None | Some(Value::Bool(true)) => {}
            Some(Value::Bool(false)) => {
                return Err(Error::NotSupported {
                    reason: "unencoded payloads (\"b64\": false) are not supported",
                })
            }
            Some(_) => return Err(Error::malformed("\"b64\" must be a boolean")),
        }
        if cty
            .as_deref()
            .is_some_and(|cty| normalize_media_type(cty) == "jwt")
        {
            return Err(Error::NotSupported {
                reason: "nested JWTs (\"cty\": \"JWT\") are not supported",
            });
        }
        Ok(Self {
            alg,
            typ,
            cty,
            kid,
            members,
        })
    }

    /// The algorithm the header names, if this build implements it. Use it for
    /// display and logging; [`verify`](crate::verify) decides by the key.
    #[must_use]
    pub fn algorithm(&self) -> Option<Algorithm> {
        Algorithm::from_name(&self.alg)
    }

    /// The raw `alg` text as the token wrote it.
    #[must_use]
    pub fn alg_name(&self) -> &str {
        &self.alg
    }

    /// Every header member, as JSON, in order.
    #[must_use]
    pub fn members(&self) -> &Object {
        &self.members
    }
}

/// What [`sign`](crate::sign) writes into the header besides `alg`.
///
/// ```
/// use jwt_edge::HeaderOptions;
/// let header = HeaderOptions::new().typ("at+jwt").key_id("2026-11");
/// # let _ = header;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderOptions {
    pub(crate) typ: Option<String>,
    pub(crate) kid: Option<String>,
}

impl HeaderOptions {
    /// `typ: "JWT"` and no `kid`.
    #[must_use]
    pub fn new() -> Self {
        Self {
            typ: Some("JWT".into()),
            kid: None,
        }
    }

    /// Sets `typ` (for example `"at+jwt"` for OAuth access tokens, RFC 9068).
    #[must_use]
    pub fn typ(mut self, typ: impl Into<String>) -> Self {
        self.typ = Some(typ.into());
        self
    }

    /// Leaves `typ` out of the header.
    #[must_use]
    pub fn without_typ(mut self) -> Self {
        self.typ = None;
        self
    }

    /// Sets `kid`, the id of the signing key.
    #[must_use]
    pub fn key_id(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// The header's JSON text for `alg`.
    pub(crate) fn to_json(&self, alg: Algorithm) -> String {
        let mut out = String::from("{\"alg\":\"");
        out.push_str(alg.name());
        out.push('"');
        for (name, value) in [("typ", &self.typ), ("kid", &self.kid)] {
            if let Some(value) = value {
                out.push_str(",\"");
                out.push_str(name);
                out.push_str("\":");
                crate::json::write_string(value, &mut out);
            }
        }
        out.push('}');
        out
    }
}

impl Default for HeaderOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// A media type as JOSE compares them: lower case, without an `application/`
/// prefix (RFC 7515 §4.1.9 and §4.1.10).
pub(crate) fn normalize_media_type(typ: &str) -> String {
    let lower = typ.to_ascii_lowercase();
    match lower.strip_prefix("application/") {
        Some(rest) => rest.into(),
        None => lower,
    }
}
