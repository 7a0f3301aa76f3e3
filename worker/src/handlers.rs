//! One handler per endpoint.

pub mod about;
pub mod admin;
pub mod jwks;
pub mod login;
pub mod logout;
pub mod logout_all;
pub mod profile;
pub mod refresh;
pub mod register;
