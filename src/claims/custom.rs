//! The members of a claims set that are not registered claims (roles, custom
//! data), and how a reader keeps them: built, or only checked.

use crate::json::{MemberList, Members, RawMembers};
use alloc::vec::Vec;

/// How a claims reader keeps the custom members: a member list of the JSON
/// parser ([`MemberList`], built; [`RawMembers`], checked but not built).
pub(crate) trait CustomMembers<'a>: Members<'a> + Default {
    /// Whether a member is called `name`.
    fn contains(&self, name: &str) -> bool;
}

impl<'a, N: AsRef<str>, V> CustomMembers<'a> for Vec<(N, V)>
where
    Self: Members<'a>,
{
    fn contains(&self, name: &str) -> bool {
        self.iter().any(|(member, _)| member.as_ref() == name)
    }
}

/// Names how the custom members are kept, for any lifetime of the JSON
/// text: what callers of verification choose, before the text exists.
pub(crate) trait KeepCustom {
    type Members<'a>: CustomMembers<'a>;
}

/// Custom members built, to be kept in [`Claims`](crate::Claims).
pub(crate) struct KeepBuilt;

impl KeepCustom for KeepBuilt {
    type Members<'a> = MemberList;
}

/// Custom members checked but not built: for
/// [`verify_with`](crate::verify_with) and the JavaScript bindings' verify,
/// which hands the payload's text to `JSON.parse`.
pub(crate) struct KeepChecked;

impl KeepCustom for KeepChecked {
    type Members<'a> = RawMembers<'a>;
}
