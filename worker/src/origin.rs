//! Which origins may change state with this worker's cookies, and CORS.

/// Whether a state-changing request may proceed: no `Origin` (not a browser's
/// cross-site request), the worker's own origin, or a configured one. The
/// opaque origin `null` is never allowed.
#[must_use]
pub fn origin_allowed(origin: Option<&str>, own_origin: &str, allowed: &[String]) -> bool {
    match origin {
        None => true,
        Some(origin) => origin == own_origin || allowed.iter().any(|listed| listed == origin),
    }
}

/// The origin to echo in `Access-Control-Allow-Origin`, if it is configured.
#[must_use]
pub fn cors_origin<'a>(origin: Option<&'a str>, allowed: &[String]) -> Option<&'a str> {
    origin.filter(|origin| allowed.iter().any(|listed| listed == origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "http://127.0.0.1:8787";

    #[test]
    fn same_origin_configured_and_originless_requests_pass() {
        let allowed = vec!["https://app.example".to_string()];
        assert!(origin_allowed(None, OWN, &allowed));
        assert!(origin_allowed(Some(OWN), OWN, &allowed));
        assert!(origin_allowed(Some("https://app.example"), OWN, &allowed));
    }

    #[test]
    fn foreign_and_null_origins_are_refused() {
        let allowed = vec!["https://app.example".to_string()];
        for origin in [
            "https://evil.example",
            "null",
            "http://127.0.0.1:8788",
            "https://app.example.evil",
        ] {
            assert!(!origin_allowed(Some(origin), OWN, &allowed), "{origin}");
        }
    }

    #[test]
    fn cors_echoes_only_configured_origins() {
        let allowed = vec!["https://app.example".to_string()];
        assert_eq!(
            cors_origin(Some("https://app.example"), &allowed),
            Some("https://app.example")
        );
        assert_eq!(cors_origin(Some(OWN), &allowed), None);
        assert_eq!(cors_origin(None, &allowed), None);
    }
}
