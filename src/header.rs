//! The JOSE header of a compact JWS (RFC 7515 §4).

use crate::json::{
    array_items, parse_members, parse_object, sink, KnownMembers, NameTable, NamesOnly, Object, Raw,
};
use crate::{Algorithm, Error};
use alloc::borrow::Cow;
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

/// The header rules' reasons, shared by the view below and the reader of
/// unverified tokens (`token/in_place.rs`).
pub(crate) mod reasons {
    pub(crate) const ALG: &str = "\"alg\" must be present and a string";
    pub(crate) const TEXTS: &str = "\"typ\", \"cty\" and \"kid\" must be strings";
    pub(crate) const CRIT_UNSUPPORTED: &str =
        "\"crit\" names an extension this library does not implement";
    pub(crate) const CRIT: &str = "\"crit\" must be a non-empty array of strings";
    pub(crate) const B64_FALSE: &str = "unencoded payloads (\"b64\": false) are not supported";
    pub(crate) const B64: &str = "\"b64\" must be a boolean";
    pub(crate) const NESTED: &str = "nested JWTs (\"cty\": \"JWT\") are not supported";
}

/// The header members the rules look at, in the order the rules check them
/// (here and in the reader in place, `token/in_place.rs`).
pub(crate) const KNOWN: [&str; 6] = ["alg", "typ", "cty", "kid", "crit", "b64"];

/// [`KNOWN`] as the parser's table of names that get a slot.
struct KnownNames;

impl NameTable<{ KNOWN.len() }> for KnownNames {
    const NAMES: [&'static str; KNOWN.len()] = KNOWN;
}

/// The headers most signers write, as the text before and after the
/// algorithm's name and whether it has `typ` `"JWT"`: `alg` then `typ` (this
/// crate, jose with `typ`, fast-jwt, jsonwebtoken, hono), `typ` then `alg`
/// (the `jsonwebtoken` crate), `alg` alone (jose's default). Native builds
/// and the WebAssembly build for speed (feature `speed`) only: in the
/// downloaded WebAssembly the shortcut saves less than it adds to its size.
#[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
const COMMON_HEADERS: [(&str, &str, bool); 3] = [
    (r#"{"alg":""#, r#"","typ":"JWT"}"#, true),
    (r#"{"typ":"JWT","alg":""#, r#""}"#, true),
    (r#"{"alg":""#, r#""}"#, false),
];

/// A header checked against every rule, borrowed from its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderView<'a> {
    pub alg: Cow<'a, str>,
    pub typ: Option<Cow<'a, str>>,
    cty: Option<Cow<'a, str>>,
    pub(crate) kid: Option<Cow<'a, str>>,
}

impl<'a> HeaderView<'a> {
    /// Reads a header's JSON text and applies the rules every token must pass
    /// before its signature is checked.
    ///
    /// # Errors
    /// - [`Error::MalformedToken`] when the text is not a JSON object, `alg` is
    ///   missing or not a string, or a registered member has the wrong type;
    /// - [`Error::NotSupported`] for `crit`, `b64: false` or a nested JWT.
    pub(crate) fn read(json: &'a [u8]) -> Result<Self, Error> {
        #[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
        if let Some(view) = Self::common(json) {
            return Ok(view);
        }
        Self::parse(json)
    }

    /// The view of a header that is byte for byte one of the
    /// [`COMMON_HEADERS`] with an algorithm this crate implements: what parsing
    /// would give, without parsing (about half of a header's cost natively).
    /// Any other text, however close, is parsed.
    #[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
    fn common(json: &[u8]) -> Option<Self> {
        COMMON_HEADERS.iter().find_map(|&(before, after, typ)| {
            let name = json
                .strip_prefix(before.as_bytes())?
                .strip_suffix(after.as_bytes())?;
            let name = core::str::from_utf8(name).ok()?;
            Some(Self {
                alg: Cow::Borrowed(Algorithm::from_name(name)?.name()),
                typ: typ.then_some(Cow::Borrowed("JWT")),
                cty: None,
                kid: None,
            })
        })
    }

    /// [`read`](Self::read) by parsing the text.
    fn parse(json: &'a [u8]) -> Result<Self, Error> {
        // The known members in their slots, only the names of the others
        // (for the duplicate check).
        let mut members =
            KnownMembers::<KnownNames, Raw<'a>, { KNOWN.len() }, NamesOnly>::default();
        parse_members(json, sink(&mut members))
            .map_err(|error| Error::malformed(error.describe()))?;
        let [alg, typ, cty, kid, crit, b64] = members.slots;
        let Some(Raw::String(alg)) = alg else {
            return Err(Error::malformed(reasons::ALG));
        };
        let text = |value: Option<Raw<'a>>| match value {
            None => Ok(None),
            Some(Raw::String(text)) => Ok(Some(text)),
            Some(_) => Err(Error::malformed(reasons::TEXTS)),
        };
        let typ = text(typ)?;
        let cty = text(cty)?;
        let kid = text(kid)?;
        if let Some(crit) = crit {
            // RFC 7515 §4.1.11: a non-empty array of names; this crate
            // implements no extension, so any well-formed list is unsupported.
            let names = match crit {
                Raw::Array(text) => array_items(text),
                _ => None,
            };
            return Err(match names {
                Some(names)
                    if !names.is_empty()
                        && names.iter().all(|name| matches!(name, Raw::String(_))) =>
                {
                    Error::NotSupported {
                        reason: reasons::CRIT_UNSUPPORTED,
                    }
                }
                _ => Error::malformed(reasons::CRIT),
            });
        }
        match b64 {
            None | Some(Raw::Bool(true)) => {}
            Some(Raw::Bool(false)) => {
                return Err(Error::NotSupported {
                    reason: reasons::B64_FALSE,
                })
            }
            Some(_) => return Err(Error::malformed(reasons::B64)),
        }
        if cty
            .as_deref()
            .is_some_and(|cty| normalize_media_type(cty) == "jwt")
        {
            return Err(Error::NotSupported {
                reason: reasons::NESTED,
            });
        }
        Ok(Self { alg, typ, cty, kid })
    }

    /// The owned header, with every member of `json` (the text this view was
    /// read from, so building it cannot fail; the error is only mapped).
    pub(crate) fn into_header(self, json: &[u8]) -> Result<Header, Error> {
        let members = parse_object(json).map_err(|error| Error::malformed(error.describe()))?;
        Ok(Header {
            alg: self.alg.into_owned(),
            typ: self.typ.map(Cow::into_owned),
            cty: self.cty.map(Cow::into_owned),
            kid: self.kid.map(Cow::into_owned),
            members,
        })
    }
}

impl Header {
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

/// A media type as JOSE compares them: lower case, and without the
/// `application/` prefix that is implied for a value with no other `/`
/// (RFC 7515 §4.1.9 and §4.1.10), so `application/at+jwt` is `at+jwt` but
/// `application/text/plain` is not `text/plain`.
pub(crate) fn normalize_media_type(typ: &str) -> String {
    let lower = typ.to_ascii_lowercase();
    match lower.strip_prefix("application/") {
        Some(rest) if !rest.contains('/') => rest.into(),
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Value;
    use alloc::format;
    use alloc::vec::Vec;

    /// The header rules as first written, over a built object: the reference
    /// the view must agree with.
    fn reference(json: &[u8]) -> Result<(String, Option<String>), Error> {
        let members = parse_object(json).map_err(|error| Error::malformed(error.describe()))?;
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
        text("kid")?;
        if let Some(crit) = members.get("crit") {
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
        Ok((alg, typ))
    }

    #[test]
    fn view_applies_the_header_rules_in_order() {
        let values = [
            "",
            r#""HS256""#,
            r#""JWT""#,
            r#""jwt""#,
            r#""application/JWT""#,
            "1",
            "null",
            "true",
            "false",
            "[]",
            r#"["x"]"#,
            r#"["x",1]"#,
            "{}",
            r#"{"a":1,"a":2}"#,
        ];
        let names = ["alg", "typ", "cty", "kid", "crit", "b64", "x", "\\u0061lg"];
        let mut cases = 0;
        for (i, first) in names.iter().enumerate() {
            for second in names.iter().skip(i) {
                for a in values {
                    for b in values {
                        let mut members = alloc::vec![format!(r#""alg":"HS256""#)];
                        if !a.is_empty() {
                            members.push(format!(r#""{first}":{a}"#));
                        }
                        if !b.is_empty() {
                            members.push(format!(r#""{second}":{b}"#));
                        }
                        for json in [
                            format!("{{{}}}", members.join(",")),
                            format!(
                                "{{{}}}",
                                members
                                    .iter()
                                    .skip(1)
                                    .cloned()
                                    .collect::<Vec<_>>()
                                    .join(",")
                            ),
                        ] {
                            let viewed = HeaderView::read(json.as_bytes())
                                .map(|view| (view.alg.into_owned(), view.typ.map(Cow::into_owned)));
                            assert_eq!(viewed, reference(json.as_bytes()), "{json}");
                            cases += 1;
                        }
                    }
                }
            }
        }
        assert!(cases > 10_000);
        for json in [
            "",
            "[]",
            "1",
            "{",
            r#"{"alg":"HS256"} x"#,
            r#"{"alg":"HS256","alg":"HS256"}"#,
        ] {
            assert_eq!(
                HeaderView::read(json.as_bytes())
                    .map(|view| (view.alg.into_owned(), view.typ.map(Cow::into_owned))),
                reference(json.as_bytes()),
                "{json}"
            );
        }
    }

    #[test]
    #[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
    fn common_headers_read_exactly_as_parsing_reads_them() {
        for alg in ["HS256", "HS384", "HS512", "RS256", "none"] {
            let implemented = Algorithm::from_name(alg).is_some();
            let shapes = [
                (format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#), implemented),
                (format!(r#"{{"typ":"JWT","alg":"{alg}"}}"#), implemented),
                (format!(r#"{{"alg":"{alg}"}}"#), implemented),
                // Close to the common shapes, but not them: always parsed.
                (format!(r#"{{"alg":"{alg}","typ":"JWT","crit":[]}}"#), false),
                (format!(r#"{{"alg":"{alg}", "typ":"JWT"}}"#), false),
                (format!(r#"{{"alg":"{alg}","typ":"jwt"}}"#), false),
            ];
            for (json, common) in shapes {
                let view = HeaderView::common(json.as_bytes());
                assert_eq!(view.is_some(), common, "{json}");
                if let Some(view) = view {
                    assert_eq!(Ok(view), HeaderView::parse(json.as_bytes()), "{json}");
                }
            }
        }
    }
}
