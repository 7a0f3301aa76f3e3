//! The algorithm families, one file each.

#[cfg(feature = "ecdsa-curves")]
pub mod ecdsa;
#[cfg(feature = "eddsa")]
pub mod eddsa;
pub mod hmac;
#[cfg(feature = "rsa")]
pub mod rsa;
