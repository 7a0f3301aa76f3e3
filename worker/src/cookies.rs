//! The session cookies: building them with the right attributes, and reading them.

/// The access token cookie. `__Host-` binds it to this origin: Secure, `Path=/`, no Domain.
pub const ACCESS_COOKIE: &str = "__Host-access";

/// The refresh token cookie. `__Secure-` because it is path-limited, which `__Host-` forbids.
pub const REFRESH_COOKIE: &str = "__Secure-refresh";

/// The only paths the refresh cookie is sent to.
pub const REFRESH_COOKIE_PATHS: [&str; 2] = ["/api/refresh", "/api/logout"];

/// `Set-Cookie` for the access token, living as long as the token.
#[must_use]
pub fn access_cookie(token: &str, max_age: u64) -> String {
    cookie(ACCESS_COOKIE, token, "/", max_age)
}

/// `Set-Cookie` values for the refresh token, one per auth endpoint path.
#[must_use]
pub fn refresh_cookies(token: &str, max_age: u64) -> Vec<String> {
    REFRESH_COOKIE_PATHS
        .iter()
        .map(|path| cookie(REFRESH_COOKIE, token, path, max_age))
        .collect()
}

/// `Set-Cookie` values that delete both cookies: same names, paths and
/// attributes, empty values, `Max-Age=0`.
#[must_use]
pub fn cleared_cookies() -> Vec<String> {
    let mut cleared = vec![cookie(ACCESS_COOKIE, "", "/", 0)];
    cleared.extend(refresh_cookies("", 0));
    cleared
}

fn cookie(name: &str, value: &str, path: &str, max_age: u64) -> String {
    format!("{name}={value}; Max-Age={max_age}; Path={path}; HttpOnly; Secure; SameSite=Strict")
}

/// The value of cookie `name` in a `Cookie` request header.
#[must_use]
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name && !value.is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_cookie_is_host_prefixed_http_only_secure_strict_for_the_whole_site() {
        assert_eq!(
            access_cookie("a.b.c", 900),
            "__Host-access=a.b.c; Max-Age=900; Path=/; HttpOnly; Secure; SameSite=Strict"
        );
    }

    #[test]
    fn refresh_cookie_is_limited_to_the_auth_endpoints() {
        assert_eq!(
            refresh_cookies("r", 60),
            [
                "__Secure-refresh=r; Max-Age=60; Path=/api/refresh; HttpOnly; Secure; SameSite=Strict",
                "__Secure-refresh=r; Max-Age=60; Path=/api/logout; HttpOnly; Secure; SameSite=Strict",
            ]
        );
    }

    #[test]
    fn clearing_repeats_every_cookie_with_max_age_zero() {
        let cleared = cleared_cookies();
        assert_eq!(cleared.len(), 3);
        assert!(cleared.iter().all(|c| c.contains("=; Max-Age=0; Path=/")));
        assert!(cleared[0].starts_with("__Host-access=;"));
    }

    #[test]
    fn reads_a_cookie_by_exact_name() {
        let header = "a=1; __Host-access=tok.en.x; __Host-accessory=no; empty=";
        assert_eq!(read_cookie(header, ACCESS_COOKIE), Some("tok.en.x"));
        assert_eq!(read_cookie(header, "empty"), None);
        assert_eq!(read_cookie(header, "missing"), None);
    }
}
