//! Where the members of an object go as they are parsed: built, checked, only
//! their names, or the ones a table names into slots.

use super::duplicate_names::has_duplicate_names;
use super::{ParseError, Parser, Raw, Value};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::marker::PhantomData;

/// What reading a member or a value gives: the parser's error on bad JSON.
type Result<T> = core::result::Result<T, ParseError>;

/// Receives the members of an object, in order, as they are parsed.
pub(crate) trait Members<'a> {
    /// One member: reads its value from `parser` (at `depth`) and keeps it.
    /// The name is borrowed from the input unless it had escapes.
    fn member(&mut self, name: Cow<'a, str>, parser: &mut Parser<'a>, depth: usize) -> Result<()>;

    /// Called when the object closes: whether two members shared a name.
    fn has_duplicate_names(&mut self, parser: &mut Parser<'a>) -> bool;
}

/// A member sink as the object loop should take it. In the WebAssembly builds
/// for size it is a `dyn` trait object, so that the loop exists once (a copy
/// per kind of sink costs kilobytes of download); natively and with feature
/// `speed` it is the sink itself, so that the loop is specialized and inlined
/// (faster).
#[cfg(all(target_arch = "wasm32", not(feature = "speed")))]
pub(crate) fn sink<'s, 'a>(members: &'s mut impl Members<'a>) -> &'s mut dyn Members<'a> {
    members
}

/// A member sink as the object loop should take it (see the version for
/// size).
#[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
pub(crate) fn sink<'s, 'a, M: Members<'a>>(members: &'s mut M) -> &'s mut M {
    members
}

/// A value as a sink keeps it: built ([`Value`]) or only checked ([`Raw`]).
pub(crate) trait ReadValue<'a>: Sized {
    /// Reads the value at the parser's position.
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self>;
}

impl<'a> ReadValue<'a> for Value {
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self> {
        parser.value(depth)
    }
}

impl<'a> ReadValue<'a> for Raw<'a> {
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self> {
        parser.raw(depth)
    }
}

/// The members of an object, built, names owned: for nested objects,
/// [`parse_object`](super::parse_object) and the custom members of a claims
/// set.
pub(crate) type MemberList = Vec<(String, Value)>;

/// The members of an object checked but not built, names and strings
/// borrowed from the text unless they had escapes: the JavaScript bindings'
/// options, and the members of a claims set that verification does not keep.
pub(crate) type RawMembers<'a> = Vec<(Cow<'a, str>, Raw<'a>)>;

/// Every member kept, in order: [`MemberList`] and [`RawMembers`].
impl<'a, N, V> Members<'a> for Vec<(N, V)>
where
    N: From<Cow<'a, str>> + AsRef<str>,
    V: ReadValue<'a>,
{
    fn member(&mut self, name: Cow<'a, str>, parser: &mut Parser<'a>, depth: usize) -> Result<()> {
        let value = V::read(parser, depth)?;
        self.push((N::from(name), value));
        Ok(())
    }

    fn has_duplicate_names(&mut self, _: &mut Parser<'a>) -> bool {
        has_duplicate_names(self.iter().map(|(name, _)| name.as_ref()))
    }
}

/// The members of an object checked but not built: only their names are kept,
/// on the parser's stack of names from `first` on, for the duplicate check.
/// (An object nested in a value pushes its own names and takes them off again
/// when it closes, before this object's next name is pushed.) The default is
/// for the top-level object, when the stack is empty.
#[derive(Default)]
pub(crate) struct NamesOnly {
    pub(super) first: usize,
}

impl<'a> Members<'a> for NamesOnly {
    fn member(&mut self, name: Cow<'a, str>, parser: &mut Parser<'a>, depth: usize) -> Result<()> {
        parser.raw(depth)?;
        parser.names.push(name);
        Ok(())
    }

    fn has_duplicate_names(&mut self, parser: &mut Parser<'a>) -> bool {
        let names = parser.names.get(self.first..).unwrap_or_default();
        let repeated = has_duplicate_names(names.iter().map(AsRef::as_ref));
        parser.names.truncate(self.first);
        repeated
    }
}

/// A table of the `N` member names of an object that the rules look at,
/// each of which gets a slot in [`KnownMembers`]. A constant, so that finding
/// a name compiles to a few comparisons, as a `match` on the names would.
pub(crate) trait NameTable<const N: usize> {
    /// The names, in the order of their slots.
    const NAMES: [&'static str; N];

    /// The position of `name` in the table.
    #[inline]
    fn position(name: &str) -> Option<usize> {
        Self::NAMES.iter().position(|known| *known == name)
    }
}

/// The members of an object as they are parsed: each one the table `T`
/// names in its slot (in the table's order, read as `V`), every other one
/// handed to `others`. A header's members, and a claims set's.
pub(crate) struct KnownMembers<T, V, const N: usize, O> {
    /// The values of the named members, in the table's order.
    pub(crate) slots: [Option<V>; N],
    /// A name of the table appeared twice.
    repeated: bool,
    /// The other members (their names are never in the table).
    pub(crate) others: O,
    table: PhantomData<T>,
}

impl<T, V, const N: usize, O: Default> Default for KnownMembers<T, V, N, O> {
    fn default() -> Self {
        Self {
            slots: core::array::from_fn(|_| None),
            repeated: false,
            others: O::default(),
            table: PhantomData,
        }
    }
}

impl<T: NameTable<N>, V, const N: usize, O> KnownMembers<T, V, N, O> {
    /// Puts the value of a member the table names in its slot; gives back
    /// any other.
    pub(crate) fn place(&mut self, name: &str, value: V) -> Option<V> {
        match T::position(name) {
            Some(index) => {
                self.place_at(index, value);
                None
            }
            None => Some(value),
        }
    }

    fn place_at(&mut self, index: usize, value: V) {
        if let Some(slot) = self.slots.get_mut(index) {
            self.repeated |= slot.is_some();
            *slot = Some(value);
        }
    }
}

impl<'a, T, V, const N: usize, O> Members<'a> for KnownMembers<T, V, N, O>
where
    T: NameTable<N>,
    V: ReadValue<'a>,
    O: Members<'a>,
{
    fn member(&mut self, name: Cow<'a, str>, parser: &mut Parser<'a>, depth: usize) -> Result<()> {
        if let Some(index) = T::position(&name) {
            let value = V::read(parser, depth)?;
            self.place_at(index, value);
            Ok(())
        } else {
            self.others.member(name, parser, depth)
        }
    }

    fn has_duplicate_names(&mut self, parser: &mut Parser<'a>) -> bool {
        self.repeated || self.others.has_duplicate_names(parser)
    }
}
