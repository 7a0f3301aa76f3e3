//! The jwt-edge backend on Cloudflare Workers: registration, login, refresh-token
//! rotation, role-based access and logout, with accounts and sessions in D1 and
//! tokens signed and verified by the `jwt-edge` core.
#![forbid(unsafe_code)]

mod access_token;
mod accounts;
mod api_error;
mod app;
mod auth;
mod caller;
mod client_address;
#[cfg(test)]
mod committed_secrets;
mod config;
mod cookies;
mod db;
mod external_token;
mod handlers;
mod issuer_keys;
mod jwks_fetch;
mod jwks_store;
mod lockout;
mod origin;
mod password;
mod random;
mod rate_limit;
mod refresh_token;
mod request_body;
mod request_url;
mod router;
mod session;
mod token_keys;
mod trusted_issuers;

use worker::{event, Context, Env, Response};

/// The runtime's request as it is (see [`router::handle`] for why).
#[event(fetch)]
async fn fetch(req: worker::web_sys::Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    router::handle(req, env).await
}
