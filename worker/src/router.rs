//! Dispatch by method and path, the origin rule, CORS and caching headers.

use crate::api_error::ApiError;
use crate::app::App;
use crate::config::Config;
use crate::handlers::{admin, login, logout, profile, refresh, register};
use crate::origin::{cors_origin, origin_allowed};
use worker::{Env, Method, Request, Response};

/// Answers one request.
///
/// # Errors
/// Only when the runtime cannot build a response at all.
pub async fn handle(mut req: Request, env: Env) -> worker::Result<Response> {
    let path = req.path();
    if !path.starts_with("/api/") {
        // Static assets normally never reach the worker (run_worker_first
        // covers /api/* only); serve them if they do.
        return env.assets("ASSETS")?.fetch_request(req).await;
    }
    let config = match Config::from_env(&env) {
        Ok(config) => config,
        Err(problem) => {
            worker::console_error!("jwt-edge worker refuses to serve: {problem}");
            return ApiError::internal().into_response();
        }
    };
    let origin = req.headers().get("Origin")?;
    let allowed_origin = cors_origin(origin.as_deref(), &config.allowed_origins).map(String::from);
    let method = req.method();
    let mut response = if method == Method::Options {
        preflight(allowed_origin.is_some())
    } else {
        let own_origin = req.url()?.origin().ascii_serialization();
        let result = if method == Method::Post
            && !origin_allowed(origin.as_deref(), &own_origin, &config.allowed_origins)
        {
            Err(ApiError::foreign_origin())
        } else {
            match App::new(config, &env) {
                Ok(app) => route(&mut req, &app, &method, &path).await,
                Err(error) => Err(error),
            }
        };
        match result {
            Ok(response) => Ok(response),
            Err(error) => error.into_response(),
        }
    }?;
    let headers = response.headers_mut();
    headers.set("Cache-Control", "no-store")?;
    if let Some(origin) = allowed_origin {
        headers.set("Access-Control-Allow-Origin", &origin)?;
        headers.set("Access-Control-Allow-Credentials", "true")?;
        headers.append("Vary", "Origin")?;
    }
    Ok(response)
}

async fn route(
    req: &mut Request,
    app: &App,
    method: &Method,
    path: &str,
) -> Result<Response, ApiError> {
    match (method, path) {
        (Method::Post, "/api/register") => register::handle_register(req, app).await,
        (Method::Post, "/api/login") => login::handle_login(req, app).await,
        (Method::Post, "/api/refresh") => refresh::handle_refresh(req, app).await,
        (Method::Post, "/api/logout") => logout::handle_logout(req, app).await,
        (Method::Get, "/api/profile") => profile::handle_profile(req, app).await,
        (Method::Get, "/api/admin") => admin::handle_admin(req, app).await,
        (_, "/api/register" | "/api/login" | "/api/refresh" | "/api/logout") => {
            Err(ApiError::method_not_allowed("POST"))
        }
        (_, "/api/profile" | "/api/admin") => Err(ApiError::method_not_allowed("GET")),
        _ => Err(ApiError::not_found()),
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
