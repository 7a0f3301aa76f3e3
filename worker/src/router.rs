//! Dispatch by method and path, the origin rule, CORS and caching headers.

use crate::api_error::ApiError;
use crate::app::App;
use crate::client_address::client_address;
use crate::config::Config;
use crate::handlers::jwks::{self, JWKS_PATH};
use crate::handlers::{about, admin, login, logout, logout_all, profile, refresh, register};
use crate::origin::{cors_origin, origin_allowed, own_origin};
use crate::rate_limit::RateLimit;
use crate::request_url::RequestUrl;
use worker::{Env, Headers, Method, Request, Response};

/// Answers one request.
///
/// It takes the runtime's request as it is: building workers-rs's [`Request`]
/// reads `request.cf`, which makes the runtime materialize the request's
/// Cloudflare properties (a few dozen fields; 5 to 8% of the worker's time per
/// request in a CPU profile) that no endpoint uses. Only the endpoints that read
/// a body get a [`Request`]; the others read the headers alone.
///
/// # Errors
/// Only when the runtime cannot build a response at all.
pub async fn handle(raw: worker::web_sys::Request, env: Env) -> worker::Result<Response> {
    let url = raw.url();
    let path = path_of(&url);
    if !path.starts_with("/api/") && path != JWKS_PATH {
        // Static assets normally never reach the worker (run_worker_first
        // covers /api/* and the key set only); serve them if they do.
        return env
            .assets("ASSETS")?
            .fetch_request(Request::from(raw))
            .await;
    }
    let config = match Config::cached(&env) {
        Ok(config) => config,
        Err(problem) => {
            worker::console_error!("jwt-edge worker refuses to serve: {problem}");
            return ApiError::internal().into_response();
        }
    };
    let headers = Headers(raw.headers());
    let method = Method::from(raw.method());
    // `Origin` matters to POSTs (the origin rule) and to CORS, which only
    // configured origins get: most GETs need not read it.
    let origin = if method == Method::Post || !config.allowed_origins.is_empty() {
        headers.get("Origin")?
    } else {
        None
    };
    let allowed_origin = cors_origin(origin.as_deref(), &config.allowed_origins).map(String::from);
    let mut response = if method == Method::Options {
        preflight(allowed_origin.is_some())
    } else {
        // Only a POST carrying an Origin header needs the worker's own origin.
        let foreign = method == Method::Post
            && match origin.as_deref() {
                Some(origin) => !origin_allowed(
                    Some(origin),
                    own_origin(&url).as_deref(),
                    &config.allowed_origins,
                ),
                None => false,
            };
        let result = if foreign {
            Err(ApiError::foreign_origin())
        } else {
            match App::new(config, &env) {
                Ok(app) => route(raw, &env, &headers, &app, &method, path).await,
                Err(error) => Err(error),
            }
        };
        match result {
            Ok(response) => Ok(response),
            Err(error) => error.into_response(),
        }
    }?;
    let headers = response.headers_mut();
    // Only the key set says how long it may be kept; nothing else is cached.
    if !headers.has("Cache-Control")? {
        headers.set("Cache-Control", "no-store")?;
    }
    if let Some(origin) = allowed_origin {
        headers.set("Access-Control-Allow-Origin", &origin)?;
        headers.set("Access-Control-Allow-Credentials", "true")?;
        headers.append("Vary", "Origin")?;
    }
    Ok(response)
}

async fn route(
    raw: worker::web_sys::Request,
    env: &Env,
    headers: &Headers,
    app: &App,
    method: &Method,
    path: &str,
) -> Result<Response, ApiError> {
    match (method, path) {
        (Method::Get, "/api/about") => about::handle_about(app),
        (Method::Get, JWKS_PATH) => jwks::handle_jwks(app),
        (Method::Get, "/api/profile") => profile::handle_profile(headers, app).await,
        (Method::Get, "/api/admin") => admin::handle_admin(headers, app).await,
        (Method::Post, "/api/register") => {
            RateLimit::Register
                .check(env, &client_address(headers)?)
                .await?;
            register::handle_register(&mut Request::from(raw), app).await
        }
        (Method::Post, "/api/login") => {
            RateLimit::Login
                .check(env, &client_address(headers)?)
                .await?;
            login::handle_login(&mut Request::from(raw), app).await
        }
        (Method::Post, "/api/refresh") => {
            refresh::handle_refresh(&mut Request::from(raw), app).await
        }
        (Method::Post, "/api/logout") => logout::handle_logout(&mut Request::from(raw), app).await,
        (Method::Post, "/api/logout-all") => logout_all::handle_logout_all(headers, app).await,
        (
            _,
            "/api/register" | "/api/login" | "/api/refresh" | "/api/logout" | "/api/logout-all",
        ) => Err(ApiError::method_not_allowed("POST")),
        (_, "/api/about" | "/api/profile" | "/api/admin" | JWKS_PATH) => {
            Err(ApiError::method_not_allowed("GET"))
        }
        _ => Err(ApiError::not_found()),
    }
}

/// The path of a request URL, `/` when it has none.
fn path_of(url: &str) -> &str {
    match RequestUrl::split(url) {
        Some(RequestUrl { path, .. }) if !path.is_empty() => path,
        _ => "/",
    }
}

/// The answer to a CORS preflight: allowed only for configured origins.
fn preflight(allowed: bool) -> worker::Result<Response> {
    let mut response = Response::empty()?.with_status(204);
    if allowed {
        let headers = response.headers_mut();
        headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")?;
        headers.set(
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type",
        )?;
        headers.set("Access-Control-Max-Age", "600")?;
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_ends_at_the_query_or_fragment() {
        assert_eq!(path_of("http://127.0.0.1:8787/api/profile"), "/api/profile");
        assert_eq!(
            path_of("https://a.example/api/login?next=/x#top"),
            "/api/login"
        );
        assert_eq!(path_of("https://a.example/#/api/login"), "/");
        assert_eq!(path_of("https://a.example"), "/");
        assert_eq!(path_of("https://a.example/"), "/");
        assert_eq!(path_of("https://a.example/a%3Fb"), "/a%3Fb");
    }
}
