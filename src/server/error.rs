//! The server's errors: JSON `{"error", "message"}` with the status that fits.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::store::StoreError;

/// An answer other than success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// A stable, machine-readable code (`unauthorized`, `refused`...).
    pub code: &'static str,
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    message: &'a str,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }

    /// 400: the request's input, naming the field.
    pub fn bad_input(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "store_unavailable", message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl ApiError {
    /// The JSON body this error is answered with (also one outcome of a batch).
    pub fn body(&self) -> serde_json::Value {
        let body = Body { error: self.code, message: &crate::visible::one_line(&self.message) };
        serde_json::to_value(body).unwrap_or_default()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let message = e.to_string();
        let (status, code) = match &e {
            StoreError::UnknownResident(_)
            | StoreError::UnknownBooking(_)
            | StoreError::UnknownFacility(_) => (StatusCode::NOT_FOUND, "not_found"),
            StoreError::Refused(_) => (StatusCode::CONFLICT, "refused"),
            StoreError::AlreadyCancelled { .. }
            | StoreError::AlreadyUsed { .. }
            | StoreError::CancelBeforeBooking { .. }
            | StoreError::ResidentExists(_)
            | StoreError::NeedsDecision { .. }
            | StoreError::NoShowTooEarly { .. }
            | StoreError::CommandReused { .. } => (StatusCode::CONFLICT, "conflict"),
            StoreError::Invalid { .. }
            | StoreError::BadLength(_)
            | StoreError::NoCareRule(_)
            | StoreError::MomentOutOfRange { .. } => (StatusCode::BAD_REQUEST, "bad_request"),
            StoreError::Unreachable { .. }
            | StoreError::ConnectionLost { .. }
            | StoreError::Locked { .. } => (StatusCode::SERVICE_UNAVAILABLE, "store_unavailable"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "store_error"),
        };
        ApiError::new(status, code, message)
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(e: r2d2::Error) -> ApiError {
        ApiError::unavailable(format!(
            "the store (データベース) cannot be reached now: {e}; try again in a moment"
        ))
    }
}
