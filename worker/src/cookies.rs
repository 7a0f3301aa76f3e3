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

/// A cookie sent more than once in one request: another site under the same
/// parent domain can plant a second `__Secure-` cookie (only `__Host-` ones
/// are bound to one host), so neither copy can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuplicateCookie;

/// The value of cookie `name` in a `Cookie` request header (an empty value is
/// no cookie).
///
/// # Errors
/// [`DuplicateCookie`] when the header carries `name` more than once.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Result<Option<&'a str>, DuplicateCookie> {
    let mut values = header.split(';').filter_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    });
    let first = values.next();
    if values.next().is_some() {
        return Err(DuplicateCookie);
    }
    Ok(first.filter(|value| !value.is_empty()))
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
        assert_eq!(read_cookie(header, ACCESS_COOKIE), Ok(Some("tok.en.x")));
        assert_eq!(read_cookie(header, "empty"), Ok(None));
        assert_eq!(read_cookie(header, "missing"), Ok(None));
    }

    #[test]
    fn a_cookie_sent_twice_is_refused_whichever_comes_first() {
        for header in [
            "__Secure-refresh=planted; __Secure-refresh=ours",
            "__Secure-refresh=ours; a=1; __Secure-refresh=",
        ] {
            assert_eq!(
                read_cookie(header, REFRESH_COOKIE),
                Err(DuplicateCookie),
                "{header}"
            );
        }
    }
}
