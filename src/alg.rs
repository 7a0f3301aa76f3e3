//! The algorithm families, one file each.

#[cfg(feature = "ecdsa-curves")]
pub mod ecdsa;
#[cfg(all(
    feature = "ecdsa-curves",
    any(test, all(feature = "js-verify", speed_or_native))
))]
pub(crate) mod ecdsa_form;
#[cfg(feature = "eddsa")]
pub mod eddsa;
pub mod hmac;
#[cfg(feature = "rsa")]
pub mod rsa;
