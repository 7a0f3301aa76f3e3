//! A claims set checked against every rule, borrowed from its JSON text: what
//! verification judges before anything is copied.

use super::writer::claims_json;
use super::{Claims, CustomMembers, RegisteredClaims, RegisteredNames, REGISTERED};
use crate::json::{
    parse_members, sink, KnownMembers, MemberList, Object, ParseError, Raw, RawMembers,
};
use crate::Error;
use alloc::string::String;

/// A claims set checked against every rule, the registered claims borrowed
/// from the JSON text: what verification judges, before (for the Rust API)
/// it becomes [`Claims`]. `C` keeps the other members.
pub(crate) struct CheckedClaims<'a, C = RawMembers<'a>> {
    pub registered: RegisteredClaims<'a>,
    custom: C,
}

impl<'a, C: CustomMembers<'a>> CheckedClaims<'a, C> {
    /// Reads a claims set from JSON text: the same rules and the same errors
    /// as [`parse_object`](crate::json::parse_object) then
    /// [`Claims::from_object`]; a JSON error is mapped by `json_error`.
    pub(crate) fn read(
        json: &'a [u8],
        json_error: impl FnOnce(ParseError) -> Error,
    ) -> Result<Self, Error> {
        let mut members =
            KnownMembers::<RegisteredNames, Raw<'a>, { REGISTERED.len() }, C>::default();
        parse_members(json, sink(&mut members)).map_err(json_error)?;
        Ok(Self {
            registered: RegisteredClaims::read(members.slots)?,
            custom: members.others,
        })
    }

    /// Whether the claim `name`, registered or custom, is present.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.registered
            .has(name)
            .unwrap_or_else(|| self.custom.contains(name))
    }
}

impl<'a> CheckedClaims<'a> {
    /// The claims set as compact JSON, written as [`Claims::to_json`] writes
    /// it: registered claims first, then the others in order, each value
    /// copied as it was checked (for the JavaScript `sign`, whose input is
    /// `JSON.stringify` text, byte for byte what building it would write).
    #[cfg_attr(not(feature = "js"), allow(dead_code))]
    pub(crate) fn to_json(&self) -> String {
        claims_json(&self.registered, self.custom_members(), Raw::write_to)
    }

    /// The custom (non-registered) member `name`, checked but not built.
    pub(crate) fn custom_member(&self, name: &str) -> Option<&Raw<'a>> {
        self.custom
            .iter()
            .find_map(|(member, value)| (member == name).then_some(value))
    }

    /// The custom members, in order.
    pub(crate) fn custom_members(&self) -> impl Iterator<Item = (&str, &Raw<'a>)> {
        self.custom
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }

    /// The owned claims set, every custom member built.
    pub(crate) fn to_claims(&self) -> Claims {
        let custom = self
            .custom_members()
            .filter_map(|(name, value)| Some((name.into(), value.clone().into_value()?)))
            .collect();
        Claims::from_parts(self.registered.clone(), Object::from_unique_members(custom))
    }
}

impl CheckedClaims<'_, MemberList> {
    /// The owned claims set.
    pub(crate) fn into_claims(self) -> Claims {
        Claims::from_parts(self.registered, Object::from_unique_members(self.custom))
    }
}
