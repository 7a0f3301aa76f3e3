//! The parts of a request URL as the runtime serializes it.

/// A request URL split into the parts the worker reads, without parsing it:
/// the runtime hands it over serialized (WHATWG, absolute), so the authority
/// runs from `://` to the first `/`, `?` or `#`, and the path from there to
/// the query or fragment, whose markers cannot occur unescaped before them.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestUrl<'a> {
    /// As written, e.g. `https`.
    pub scheme: &'a str,
    /// `host[:port]`, with credentials if the URL has them.
    pub authority: &'a str,
    /// From the `/` after the authority; empty when there is none.
    pub path: &'a str,
}

impl<'a> RequestUrl<'a> {
    /// The parts of `url`, or `None` if it has no `://`.
    #[must_use]
    pub fn split(url: &'a str) -> Option<Self> {
        let (scheme, rest) = url.split_once("://")?;
        let (authority, rest) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
        let (path, _) = rest.split_at(rest.find(['?', '#']).unwrap_or(rest.len()));
        Some(Self {
            scheme,
            authority,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authority_ends_at_the_path_query_or_fragment() {
        for (url, authority, path) in [
            (
                "http://127.0.0.1:8787/api/profile",
                "127.0.0.1:8787",
                "/api/profile",
            ),
            (
                "https://a.example/api/login?next=/x#top",
                "a.example",
                "/api/login",
            ),
            ("https://a.example/#/api/login", "a.example", "/"),
            ("https://a.example?x=/y", "a.example", ""),
            ("https://a.example#/y", "a.example", ""),
            ("https://a.example", "a.example", ""),
            (
                "https://u:p%40ss@a.example/a%3Fb",
                "u:p%40ss@a.example",
                "/a%3Fb",
            ),
        ] {
            let parts = RequestUrl::split(url).expect("an absolute URL");
            assert_eq!((parts.authority, parts.path), (authority, path), "{url}");
        }
    }

    #[test]
    fn a_url_without_a_scheme_separator_has_no_parts() {
        assert_eq!(RequestUrl::split("/api/login"), None);
        assert_eq!(RequestUrl::split("data:text/plain,x"), None);
    }
}
