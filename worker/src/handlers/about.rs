//! `GET /api/about`: what a page needs to know about this worker.

use crate::api_error::ApiError;
use crate::app::App;
use worker::Response;

/// 200 `{seededLocalDatabase}`: `true` only where the worker runs with the
/// seeded local database of `make dev` (`SEEDED_LOCAL_DATABASE`), so that the
/// demo page shows the demo accounts' passwords there and nowhere else.
///
/// # Errors
/// 500 when the runtime cannot build the response.
pub fn handle_about(app: &App) -> Result<Response, ApiError> {
    Ok(Response::from_json(&serde_json::json!({
        "seededLocalDatabase": app.config.seeded_local_database,
    }))?)
}
