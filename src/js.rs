//! JavaScript bindings (feature `js`): the API of the `jwt-edge` npm package.
//!
//! Every export is synchronous. Every failure is thrown as a `JwtError` (an
//! `Error` subclass with a `code`); none is a panic, which would reach
//! JavaScript as `RuntimeError: unreachable`.

mod error;
mod functions;
mod key;
mod options;
mod signer;
mod types;
mod verifier;
