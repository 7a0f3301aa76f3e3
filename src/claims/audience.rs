//! `Audience`, the `aud` claim's type, owned and as read.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The `aud` claim: one audience or several (RFC 7519 §4.1.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// `"aud": "api"`
    One(String),
    /// `"aud": ["api", "web"]`
    Many(Vec<String>),
}

impl Audience {
    /// Whether `name` is one of the audiences.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        match self {
            Self::One(one) => one == name,
            Self::Many(many) => many.iter().any(|item| item == name),
        }
    }

    /// The audience as a borrowed view, as if it had been read.
    pub(crate) fn as_view(&self) -> AudienceRef<'_> {
        match self {
            Self::One(one) => AudienceRef::One(Cow::Borrowed(one)),
            Self::Many(many) => AudienceRef::Many(
                many.iter()
                    .map(|item| Cow::Borrowed(item.as_str()))
                    .collect(),
            ),
        }
    }
}

/// `aud` as read from a claims set, borrowed where the input allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AudienceRef<'a> {
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

impl AudienceRef<'_> {
    /// Whether `name` is one of the audiences.
    pub(crate) fn contains(&self, name: &str) -> bool {
        match self {
            Self::One(one) => one == name,
            Self::Many(many) => many.iter().any(|item| item == name),
        }
    }

    /// The owned audience.
    pub(crate) fn into_owned(self) -> Audience {
        match self {
            Self::One(one) => Audience::One(one.into_owned()),
            Self::Many(many) => Audience::Many(many.into_iter().map(Cow::into_owned).collect()),
        }
    }
}
