//! The algorithm families, one file each.

pub mod hmac;
