//! Which origins may change state with this worker's cookies, and CORS.

use crate::request_url::RequestUrl;

/// Whether a state-changing request may proceed: no `Origin` (not a browser's
/// cross-site request), the worker's own origin, or a configured one. The
/// opaque origin `null` is never allowed.
#[must_use]
pub fn origin_allowed(origin: Option<&str>, own_origin: Option<&str>, allowed: &[String]) -> bool {
    match origin {
        None => true,
        Some(origin) => {
            own_origin.is_some_and(|own| own == origin)
                || allowed.iter().any(|listed| listed == origin)
        }
    }
}

/// The origin of the URL a request was sent to, serialized as a browser
/// serializes it in an `Origin` header: `scheme://host`, with `:port` unless
/// it is the scheme's default, in lower case. `None` for anything but an
/// absolute `http` or `https` URL with a host, whose origin is opaque.
///
/// The authority is read from the serialized URL as text (see
/// [`RequestUrl`]): a full URL parser would add about 190 KB (its IDNA and
/// Unicode normalization tables, with their code) to the worker for a host
/// that is ASCII by the time it reaches HTTP.
#[must_use]
pub fn own_origin(url: &str) -> Option<String> {
    let RequestUrl {
        scheme, authority, ..
    } = RequestUrl::split(url)?;
    let default_port = if scheme.eq_ignore_ascii_case("https") {
        ":443"
    } else if scheme.eq_ignore_ascii_case("http") {
        ":80"
    } else {
        return None;
    };
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = host_and_port
        .strip_suffix(default_port)
        .unwrap_or(host_and_port);
    if host.is_empty() || host.starts_with(':') {
        return None;
    }
    let mut origin = String::with_capacity(scheme.len() + 3 + host.len());
    origin.push_str(scheme);
    origin.push_str("://");
    origin.push_str(host);
    origin.make_ascii_lowercase();
    Some(origin)
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
        assert!(origin_allowed(None, Some(OWN), &allowed));
        assert!(origin_allowed(Some(OWN), Some(OWN), &allowed));
        assert!(origin_allowed(
            Some("https://app.example"),
            Some(OWN),
            &allowed
        ));
        assert!(origin_allowed(Some("https://app.example"), None, &allowed));
    }

    #[test]
    fn without_an_own_origin_only_configured_origins_pass() {
        let allowed = vec!["https://app.example".to_string()];
        assert!(!origin_allowed(Some("null"), None, &allowed));
        assert!(!origin_allowed(Some(OWN), None, &allowed));
    }

    #[test]
    fn own_origin_is_scheme_host_and_port_as_browsers_send_it() {
        for (url, origin) in [
            ("http://127.0.0.1:8787/api/login", "http://127.0.0.1:8787"),
            (
                "https://auth.example/api/login?next=/a",
                "https://auth.example",
            ),
            ("https://auth.example?x", "https://auth.example"),
            ("https://auth.example#top", "https://auth.example"),
            ("http://[::1]:8787/", "http://[::1]:8787"),
            (
                "https://xn--bcher-kva.example/",
                "https://xn--bcher-kva.example",
            ),
        ] {
            assert_eq!(own_origin(url).as_deref(), Some(origin), "{url}");
        }
    }

    #[test]
    fn own_origin_drops_default_ports_credentials_and_case() {
        for (url, origin) in [
            ("http://auth.example:80/api/login", "http://auth.example"),
            ("https://auth.example:443/", "https://auth.example"),
            ("http://auth.example:443/", "http://auth.example:443"),
            ("https://auth.example:80/", "https://auth.example:80"),
            ("http://auth.example:8080/", "http://auth.example:8080"),
            ("http://[::1]:80/", "http://[::1]"),
            ("https://user:p%40ss@auth.example/", "https://auth.example"),
            ("HTTPS://Auth.Example/", "https://auth.example"),
        ] {
            assert_eq!(own_origin(url).as_deref(), Some(origin), "{url}");
        }
    }

    #[test]
    fn urls_without_a_tuple_origin_have_none() {
        for url in [
            "file:///etc/passwd",
            "data:text/plain,x",
            "ws://auth.example/",
            "blob:https://auth.example/1",
            "https:///api",
            "https://user@/api",
            "https://:443/",
            "/api/login",
        ] {
            assert_eq!(own_origin(url), None, "{url}");
        }
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
            assert!(
                !origin_allowed(Some(origin), Some(OWN), &allowed),
                "{origin}"
            );
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
