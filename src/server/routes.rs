//! The endpoints, in one table ([`endpoints`]) from which both the router and the route list
//! that docs/api.md is checked against are made.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Extension, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::{ApiError, Caller, Shared};
use crate::domain::care::CareType;
use crate::domain::{fees, jst, period, user_number};
use crate::store::ResidentInput;
use crate::store::access::Role;
use crate::store::bookings::{BookingFilter, BookingRequest, checked_length};
use crate::store::commands::{Applied, Command};

/// The header that carries a kiosk's session (from `POST /v1/kiosk/identify`).
pub const SESSION_HEADER: &str = "sango-session";
/// The header that carries a staff member's sign-in (from `POST /v1/login`).
pub const SIGNIN_HEADER: &str = "sango-signin";

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without a token.
    Public,
    /// Any enrolled terminal.
    Terminal,
    /// A kiosk terminal only.
    Kiosk,
    /// A staff terminal, or a kiosk identified as the mother the path names.
    Mother,
    /// A staff terminal only.
    Staff,
    /// A staff terminal with a live sign-in made there (`Sango-Signin`): its writes.
    SignedIn,
}

impl Access {
    /// The word docs/api.md uses.
    pub fn word(self) -> &'static str {
        match self {
            Access::Public => "none",
            Access::Terminal => "any",
            Access::Kiosk => "kiosk",
            Access::Mother => "mother",
            Access::Staff => "staff",
            Access::SignedIn => "signed-in",
        }
    }
}

/// One endpoint: method, path (axum's `{param}` form), who may call it, its handler.
pub struct Endpoint {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    handler: MethodRouter<Shared>,
}

fn ep<H, T>(method: Method, path: &'static str, access: Access, h: H) -> Endpoint
where
    H: axum::handler::Handler<T, Shared>,
    T: 'static,
{
    let filter = MethodFilter::try_from(method.clone()).expect("a standard method");
    Endpoint { method, path, access, handler: on(filter, h) }
}

/// Every endpoint the server has.
pub fn endpoints() -> Vec<Endpoint> {
    use Access::*;
    vec![
        ep(Method::GET, "/v1/health", Public, health),
        ep(Method::GET, "/v1/facilities", Terminal, facilities),
        ep(Method::GET, "/v1/facilities/{id}/hours", Terminal, hours),
        ep(Method::GET, "/v1/facilities/{id}/window", Terminal, window),
        ep(Method::GET, "/v1/fee", Terminal, fee),
        ep(Method::POST, "/v1/kiosk/identify", Kiosk, identify),
        ep(Method::GET, "/v1/kiosk/me", Kiosk, kiosk_me),
        ep(Method::POST, "/v1/kiosk/bookings", Kiosk, kiosk_book),
        ep(Method::POST, "/v1/kiosk/bookings/{id}/cancel", Kiosk, kiosk_cancel),
        ep(Method::POST, "/v1/kiosk/requests", Kiosk, kiosk_request),
        ep(Method::POST, "/v1/kiosk/pin-lockouts", Kiosk, kiosk_pin_lockout),
        ep(Method::POST, "/v1/login", Staff, login),
        ep(Method::POST, "/v1/logout", Staff, logout),
        ep(Method::GET, "/v1/signin", SignedIn, signin_status),
        ep(Method::GET, "/v1/residents", Staff, residents),
        ep(Method::POST, "/v1/residents", SignedIn, add_resident),
        ep(Method::GET, "/v1/residents/{id}", Staff, resident),
        ep(Method::GET, "/v1/residents/{id}/quota", Mother, quota),
        ep(Method::GET, "/v1/residents/{id}/bookings", Mother, resident_bookings),
        ep(Method::GET, "/v1/bookings", Staff, bookings),
        ep(Method::POST, "/v1/bookings", SignedIn, book),
        ep(Method::POST, "/v1/bookings/{id}/cancel", SignedIn, cancel),
        ep(Method::POST, "/v1/commands", SignedIn, commands),
        ep(Method::GET, "/v1/changes", Staff, changes),
        ep(Method::POST, "/v1/reviews/{id}/resolve", SignedIn, resolve_review),
        ep(Method::POST, "/v1/residents/{id}/preview", Staff, preview_resident),
        ep(Method::POST, "/v1/residents/{id}/edit", SignedIn, edit_resident),
        ep(Method::POST, "/v1/bookings/{id}/no-show", SignedIn, no_show),
    ]
}

/// The documented form of every route: (method, path, access word).
pub fn route_table() -> Vec<(String, String, String)> {
    endpoints()
        .into_iter()
        .map(|e| (e.method.to_string(), e.path.to_string(), e.access.word().to_string()))
        .collect()
}

/// The router, each endpoint guarded by its access.
pub fn routes() -> axum::Router<Shared> {
    let mut r = axum::Router::new();
    for e in endpoints() {
        let handler = match e.access {
            Access::Staff => e.handler.route_layer(axum::middleware::from_fn(require_staff)),
            Access::Kiosk => e.handler.route_layer(axum::middleware::from_fn(require_kiosk)),
            Access::SignedIn => e.handler.route_layer(axum::middleware::from_fn(require_signin)),
            Access::Public | Access::Terminal | Access::Mother => e.handler,
        };
        r = r.route(e.path, handler);
    }
    r.fallback(|| async { ApiError::not_found("no such endpoint: see docs/api.md") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not take that method: see docs/api.md",
            )
        })
}

fn caller_of(req: &Request) -> Result<&Caller, ApiError> {
    req.extensions().get::<Caller>().ok_or_else(|| ApiError::unauthorized("no token"))
}

async fn require_staff(req: Request, next: Next) -> Response {
    match caller_of(&req) {
        Ok(c) if c.role == Role::Staff => {
            // A staff member's sign-in carried by a read counts as activity too.
            let signin = req.headers().get(SIGNIN_HEADER).and_then(|v| v.to_str().ok());
            if let (Some(t), Some(app)) = (signin, req.extensions().get::<Shared>()) {
                let _ = app.signins.touch(app, &c.name, t.trim()).await;
            }
            next.run(req).await
        }
        Ok(_) => ApiError::forbidden("a kiosk may not do this: it needs a staff terminal")
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// A write of a staff terminal: a live sign-in made at this terminal, whose staff member the
/// caller's name then carries (`TERMINAL/STAFF_ID`, recorded as the events' terminal).
async fn require_signin(mut req: Request, next: Next) -> Response {
    let Some(app) = req.extensions().get::<Shared>().cloned() else {
        return ApiError::internal("the request has no server state").into_response();
    };
    let caller = match caller_of(&req) {
        Ok(c) if c.role == Role::Staff => c.clone(),
        Ok(_) => {
            return ApiError::forbidden("a kiosk may not do this: it needs a staff terminal")
                .into_response();
        }
        Err(e) => return e.into_response(),
    };
    let token = req.headers().get(SIGNIN_HEADER).and_then(|v| v.to_str().ok()).map(str::trim);
    let staff = match token {
        Some(t) => match app.signins.touch(&app, &caller.name, t).await {
            Ok(staff) => staff,
            Err(e) => return e.into_response(),
        },
        None => None,
    };
    match staff {
        Some(staff) => {
            let name = format!("{}/{staff}", caller.name);
            req.extensions_mut().insert(Caller { name, role: caller.role });
            let mut response = next.run(req).await;
            // For the request log: the staff member this write was made under.
            response.extensions_mut().insert(super::SignedInStaff(staff));
            response
        }
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "signin_required",
            "a staff member must be signed in at this terminal (サインインしてください): sango login ID",
        )
        .into_response(),
    }
}

async fn require_kiosk(req: Request, next: Next) -> Response {
    match caller_of(&req) {
        Ok(c) if c.role == Role::Kiosk => next.run(req).await,
        Ok(_) => ApiError::forbidden("only a kiosk identifies a mother").into_response(),
        Err(e) => e.into_response(),
    }
}

/// A JSON body whose faults are answered as 400 naming the field.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let Json(v) = Json::<T>::from_request(req, state)
            .await
            .map_err(|e: JsonRejection| ApiError::bad_input(e.body_text()))?;
        Ok(Body(v))
    }
}

/// A query string whose faults are answered as 400 naming the field.
pub struct Q<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(v) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|e: QueryRejection| ApiError::bad_input(e.body_text()))?;
        Ok(Q(v))
    }
}

/// The path's one parameter.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(v) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e: PathRejection| ApiError::bad_input(e.body_text()))?;
        Ok(Id(v))
    }
}

fn care_of(s: &str) -> Result<CareType, ApiError> {
    s.parse().map_err(|_| ApiError::bad_input(format!("type: '{s}' is not stay, day or visit")))
}

fn moment_of(field: &str, s: Option<&str>) -> Result<NaiveDateTime, ApiError> {
    match s {
        None => Ok(jst::from_utc(chrono::Utc::now())),
        Some(s) => {
            crate::cli::args::moment(s).map_err(|e| ApiError::bad_input(format!("{field}: {e}")))
        }
    }
}

async fn health(State(app): State<Shared>) -> Result<Json<Value>, ApiError> {
    app.store(|s, _| Ok(s.data_version()?)).await?;
    Ok(Json(json!({ "status": "ok", "store": app.kind.id() })))
}

#[derive(Deserialize)]
struct TypeQuery {
    #[serde(rename = "type")]
    care: Option<String>,
}

async fn facilities(
    State(app): State<Shared>,
    Q(q): Q<TypeQuery>,
) -> Result<Json<Value>, ApiError> {
    let care = q.care.as_deref().map(care_of).transpose()?;
    let rows: Vec<crate::cli::cmd_facilities::Row> = app
        .dataset
        .facilities
        .iter()
        .filter(|f| care.is_none_or(|c| f.offers(c)))
        .map(crate::cli::cmd_facilities::Row::of)
        .collect();
    Ok(Json(json!({ "facilities": rows })))
}

fn facility_of<'a>(
    app: &'a Shared,
    id: &str,
    care: Option<CareType>,
) -> Result<&'a crate::dataset::Facility, ApiError> {
    let f = app.dataset.facility(id).ok_or_else(|| {
        ApiError::not_found(format!("unknown facility (施設) '{}'", crate::visible::one_line(id)))
    })?;
    if let Some(c) = care
        && !f.offers(c)
    {
        return Err(ApiError::bad_input(format!(
            "type: {} does not offer {c} (この施設では利用できない種類です)",
            f.id
        )));
    }
    Ok(f)
}

#[derive(Deserialize)]
struct HoursQuery {
    #[serde(rename = "type")]
    care: Option<String>,
    at: Option<String>,
}

async fn hours(
    State(app): State<Shared>,
    Id(id): Id,
    Q(q): Q<HoursQuery>,
) -> Result<Json<Value>, ApiError> {
    let care = q.care.as_deref().map(care_of).transpose()?;
    let f = facility_of(&app, &id, care)?;
    let at = moment_of("at", q.at.as_deref())?;
    let reservation = match care {
        Some(c) => f.reservation(c),
        None => f.reservations.iter().find(|r| r.hours.is_some()).or(f.reservations.first()),
    };
    let ans = crate::cli::cmd_hours::answer(
        &f.id,
        reservation.and_then(|r| r.hours.as_ref()),
        reservation.and_then(|r| r.wording.as_ref()).map(ToString::to_string),
        at,
    );
    Ok(Json(serde_json::to_value(ans).map_err(|e| ApiError::internal(e.to_string()))?))
}

#[derive(Deserialize)]
struct WindowQuery {
    #[serde(rename = "type")]
    care: String,
    birth: NaiveDate,
    due: Option<NaiveDate>,
    #[serde(default)]
    corrected: bool,
}

async fn window(
    State(app): State<Shared>,
    Id(id): Id,
    Q(q): Q<WindowQuery>,
) -> Result<Json<Value>, ApiError> {
    let care = care_of(&q.care)?;
    if q.corrected && q.due.is_none() {
        return Err(ApiError::bad_input("due: corrected (修正月齢) needs the due date"));
    }
    let f = facility_of(&app, &id, Some(care))?;
    let entry = f
        .period(care)
        .ok_or_else(|| ApiError::bad_input(format!("type: {} does not offer {care}", f.id)))?;
    let w = period::window(entry.period, q.birth, q.due, q.corrected).ok_or_else(|| {
        ApiError::bad_input(
            "birth: the eligibility period (利用期間) cannot be computed for this date",
        )
    })?;
    Ok(Json(json!({
        "facility": f.id,
        "type": care,
        "first_day": w.first_day,
        "last_day": w.last_day,
        "period": entry.wording,
        "corrected": w.first_day != q.birth,
    })))
}

#[derive(Deserialize)]
struct FeeQuery {
    #[serde(rename = "type")]
    care: String,
    units: u32,
    #[serde(default = "one")]
    babies: u32,
    #[serde(default)]
    exempt: bool,
}

fn one() -> u32 {
    1
}

async fn fee(State(app): State<Shared>, Q(q): Q<FeeQuery>) -> Result<Json<Value>, ApiError> {
    let care = care_of(&q.care)?;
    let rule =
        app.dataset.programme.care_rule(care).ok_or_else(|| {
            ApiError::bad_input(format!("type: the dataset has no care type {care}"))
        })?;
    if q.units == 0 || q.units > rule.limit {
        return Err(ApiError::bad_input(format!(
            "units: {} is not between 1 and the limit (利用上限) {}",
            q.units, rule.limit
        )));
    }
    if q.babies == 0 || q.babies > 16 {
        return Err(ApiError::bad_input("babies: must be between 1 and 16 (子の人数)"));
    }
    let fee = fees::fee(rule.fee, q.units, q.babies, q.exempt);
    let mut v = serde_json::to_value(fee).map_err(|e| ApiError::internal(e.to_string()))?;
    v["type"] = json!(care);
    Ok(Json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Identify {
    user_number: String,
    baby_birth: NaiveDate,
}

async fn identify(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<Identify>,
) -> Result<Response, ApiError> {
    let user = user_number::normalize(&b.user_number);
    if user.is_empty() || user.len() > 64 {
        return Err(ApiError::bad_input("user_number: give the mother's user number (利用者番号)"));
    }
    if app.kiosks.locked(&app, &caller.name, &user).await? {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "locked_out",
            "too many failed identifications (本人確認の失敗が続きました): ask staff at the counter, or try again later",
        ));
    }
    let lookup = user.clone();
    let found = app.store(move |s, _| Ok(s.resident(&lookup)?)).await?;
    match found {
        Some(r) if r.birth == b.baby_birth => {
            app.kiosks.succeeded(&app, &user).await?;
            let session = app.kiosks.open(&caller.name, &r.id).map_err(ApiError::internal)?;
            let body = json!({
                "session": session,
                "resident": r.id,
                "expires_in_s": super::kiosk::SESSION_TTL.as_secs(),
            });
            Ok((StatusCode::OK, Json(body)).into_response())
        }
        _ => {
            app.kiosks.failed(&app, &caller.name, &user).await?;
            Err(ApiError::forbidden(
                "the user number and the baby's birth date do not match a registered mother (一致しません)",
            ))
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Login {
    staff_id: String,
    password: String,
}

/// An Argon2id hash of no one's password: an unknown staff id is checked against it, so that
/// it takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        crate::credentials::hash_password("not anyone's password, only a decoy").unwrap_or_default()
    })
}

/// A staff member signs in at this staff terminal.
async fn login(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<Login>,
) -> Result<Response, ApiError> {
    let id = b.staff_id.trim().to_string();
    let wrong = || {
        ApiError::unauthorized(
            "the staff id or the password is wrong (職員IDまたはパスワードが違います)",
        )
    };
    // An id that cannot be a staff member's is refused as a wrong one, without being counted
    // (the failure counts stay small).
    if !crate::config::valid_terminal_id(&id) {
        return Err(wrong());
    }
    if app.signins.locked(&app, &id).await? {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "locked_out",
            "too many failed sign-ins for this staff id (サインインの失敗が続きました): try again later",
        ));
    }
    let lookup = id.clone();
    let hash = app.store(move |s, _| Ok(s.staff_password_hash(&lookup)?)).await?;
    let password = b.password;
    let ok = tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let h = hash.unwrap_or_else(|| decoy_hash().to_string());
        crate::credentials::verify_password(&h, &password) && known
    })
    .await
    .map_err(|e| ApiError::internal(format!("the sign-in check failed: {e}")))?;
    if !ok {
        app.signins.failed(&app, &id).await?;
        return Err(wrong());
    }
    app.signins.succeeded(&app, &id).await?;
    let signin = app.signins.open(&app, &caller.name, &id).await?;
    let body = json!({
        "signin": signin,
        "staff": id,
        "terminal": caller.name,
        "expires_idle_secs": app.signins.idle().as_secs(),
    });
    Ok((StatusCode::OK, Json(body)).into_response())
}

/// Ends the sign-in the request carries (made at this terminal).
async fn logout(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let ended = match headers.get(SIGNIN_HEADER).and_then(|v| v.to_str().ok()) {
        Some(t) => app.signins.close(&app, &caller.name, t.trim()).await?,
        None => false,
    };
    Ok(Json(json!({ "signed_out": ended })))
}

/// The mother the path names, if the caller may see her: staff always, a kiosk only with a
/// live session for her.
fn may_see(
    app: &Shared,
    caller: &Caller,
    headers: &HeaderMap,
    id: &str,
) -> Result<String, ApiError> {
    let id = user_number::normalize(id);
    if caller.role == Role::Staff {
        return Ok(id);
    }
    let session = headers.get(SESSION_HEADER).and_then(|v| v.to_str().ok()).ok_or_else(|| {
        ApiError::forbidden("a kiosk sees a mother's own data only after POST /v1/kiosk/identify")
    })?;
    match app.kiosks.resident_of(&caller.name, session) {
        Some(r) if r == id => Ok(id),
        Some(_) => Err(ApiError::forbidden("this kiosk session is for another mother")),
        None => Err(ApiError::forbidden("the kiosk session is unknown or expired: identify again")),
    }
}

async fn quota(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Id(id): Id,
) -> Result<Json<Value>, ApiError> {
    let id = may_see(&app, &caller, &headers, &id)?;
    let q = app.store(move |s, ds| Ok(s.quota(&ds.programme, &id)?)).await?;
    Ok(Json(json!({ "quota": q })))
}

async fn resident_bookings(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Id(id): Id,
) -> Result<Json<Value>, ApiError> {
    let id = may_see(&app, &caller, &headers, &id)?;
    let list = app
        .store(move |s, _| {
            if s.resident(&id)?.is_none() {
                return Err(crate::store::StoreError::UnknownResident(id).into());
            }
            Ok(s.bookings(&BookingFilter { resident: Some(id), ..Default::default() })?)
        })
        .await?;
    Ok(Json(json!({ "bookings": list })))
}

async fn residents(State(app): State<Shared>) -> Result<Json<Value>, ApiError> {
    let list = app.store(|s, _| Ok(s.residents()?)).await?;
    Ok(Json(json!({ "residents": list })))
}

async fn resident(State(app): State<Shared>, Id(id): Id) -> Result<Json<Value>, ApiError> {
    let r = app
        .store(move |s, _| {
            s.resident(&id)?.ok_or_else(|| crate::store::StoreError::UnknownResident(id).into())
        })
        .await?;
    Ok(Json(json!({ "resident": r })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewResident {
    /// Optional: with it the registration is applied once (answered as a command).
    command_id: Option<String>,
    id: String,
    birth: NaiveDate,
    due: Option<NaiveDate>,
    #[serde(default)]
    corrected: bool,
    #[serde(default = "one")]
    babies: u32,
    #[serde(default)]
    exempt: bool,
    at: Option<String>,
}

async fn add_resident(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<NewResident>,
) -> Result<Response, ApiError> {
    let at = moment_of("at", b.at.as_deref())?;
    let input = ResidentInput {
        id: b.id,
        birth: b.birth,
        due: b.due,
        corrected: b.corrected,
        babies: b.babies,
        exempt: b.exempt,
    };
    if let Some(command) = b.command_id {
        let a = app
            .store(move |s, _| Ok(s.add_resident_once(&input, at, &caller.name, &command)?))
            .await?;
        return Ok(applied(a, StatusCode::CREATED));
    }
    let r = app.store(move |s, _| Ok(s.add_resident(&input, at, &caller.name)?)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "resident": r }))).into_response())
}

#[derive(Deserialize)]
struct BookingsQuery {
    resident: Option<String>,
    date: Option<NaiveDate>,
    facility: Option<String>,
}

async fn bookings(
    State(app): State<Shared>,
    Q(q): Q<BookingsQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = BookingFilter {
        resident: q.resident.map(|r| user_number::normalize(&r)),
        date: q.date,
        facility: q.facility,
    };
    let list = app.store(move |s, _| Ok(s.bookings(&filter)?)).await?;
    Ok(Json(json!({ "bookings": list })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Book {
    command_id: String,
    resident: String,
    facility: String,
    #[serde(rename = "type")]
    care: CareType,
    start: NaiveDate,
    nights: Option<u32>,
    days: Option<u32>,
    at: Option<String>,
}

/// A command's answer: the same body every time it is sent; `Sango-Replayed: true` when it
/// had been applied before.
fn applied(a: Applied, status: StatusCode) -> Response {
    let replayed = a.replayed;
    let mut r = (status, Json(applied_body(a))).into_response();
    r.headers_mut().insert(
        "sango-replayed",
        axum::http::HeaderValue::from_static(if replayed { "true" } else { "false" }),
    );
    r
}

fn applied_body(a: Applied) -> Value {
    json!({
        "command_id": a.command_id,
        "kind": a.kind,
        "applied_at": jst::rfc3339(a.applied_at),
        "result": a.result,
    })
}

impl Book {
    fn command(self) -> Result<Command, ApiError> {
        let at = moment_of("at", self.at.as_deref())?;
        let length = checked_length(self.care, self.nights, self.days)?;
        let req = BookingRequest {
            resident: self.resident,
            facility: self.facility,
            care: self.care,
            start: self.start,
            length,
        };
        Ok(Command::Book { id: self.command_id, req, at })
    }
}

async fn book(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<Book>,
) -> Result<Response, ApiError> {
    let command = b.command()?;
    let a = app.store(move |s, ds| Ok(s.apply_one(ds, &command, &caller.name)?)).await?;
    Ok(applied(a, StatusCode::CREATED))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cancel {
    command_id: String,
    at: Option<String>,
}

async fn cancel(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Id(id): Id,
    Body(b): Body<Cancel>,
) -> Result<Response, ApiError> {
    let command = b.command(id)?;
    let a = app.store(move |s, ds| Ok(s.apply_one(ds, &command, &caller.name)?)).await?;
    Ok(applied(a, StatusCode::OK))
}

impl Cancel {
    fn command(self, booking: String) -> Result<Command, ApiError> {
        let at = moment_of("at", self.at.as_deref())?;
        Ok(Command::Cancel { id: self.command_id, booking, at })
    }
}

/// One command of a batch: a booking or a cancellation, as the single endpoints take them.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum BatchItem {
    Book(Book),
    Cancel(BatchCancel),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchCancel {
    command_id: String,
    booking: String,
    at: Option<String>,
}

/// One command of a batch as read: the command and the status its success answers, or why
/// it cannot be decided.
type ItemRead = Result<(Command, StatusCode), ApiError>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    commands: Vec<Value>,
}

/// A terminal's outbox, many commands a request (`sango sync`): each is decided as its own
/// endpoint would decide it, in order, and answered with the status and body that endpoint
/// would give; the whole batch is one transaction of the store (see
/// [`crate::store::Store::apply_commands`]).
async fn commands(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<Batch>,
) -> Result<Json<Value>, ApiError> {
    use crate::store::commands::MAX_BATCH;
    if b.commands.len() > MAX_BATCH {
        return Err(ApiError::bad_input(format!("commands: at most {MAX_BATCH} in one request")));
    }
    // Each item read on its own: a malformed one is that item's 400, not the batch's.
    let read: Vec<(String, ItemRead)> = b
        .commands
        .into_iter()
        .map(|v| {
            let id = v["command_id"].as_str().unwrap_or_default().to_string();
            let command = serde_json::from_value::<BatchItem>(v)
                .map_err(|e| ApiError::bad_input(e.to_string()))
                .and_then(|item| match item {
                    BatchItem::Book(b) => Ok((b.command()?, StatusCode::CREATED)),
                    BatchItem::Cancel(c) => {
                        let cancel = Cancel { command_id: c.command_id, at: c.at };
                        Ok((cancel.command(c.booking)?, StatusCode::OK))
                    }
                });
            (id, command)
        })
        .collect();
    let valid: Vec<Command> =
        read.iter().filter_map(|(_, r)| r.as_ref().ok().map(|(c, _)| c.clone())).collect();
    let mut outcomes =
        app.store(move |s, ds| Ok(s.apply_commands(ds, &valid, &caller.name)?)).await?.into_iter();
    // The outcomes come in the order of the valid items.
    let results: Vec<Value> = read
        .into_iter()
        .map(|(id, r)| {
            let decided = r.and_then(|(_, ok)| {
                let outcome = outcomes.next().ok_or_else(|| ApiError::internal("no outcome"))?;
                Ok((ok, outcome?))
            });
            let (status, replayed, body) = match decided {
                Ok((ok, a)) => (ok, a.replayed, applied_body(a)),
                Err(e) => (e.status, false, e.body()),
            };
            json!({ "command_id": id, "status": status.as_u16(), "replayed": replayed, "body": body })
        })
        .collect();
    Ok(Json(json!({ "results": results })))
}

#[derive(Deserialize)]
struct ChangesQuery {
    #[serde(default)]
    since: i64,
    limit: Option<u32>,
}

/// The change feed (staff only: a kiosk never holds other mothers' data).
async fn changes(
    State(app): State<Shared>,
    Q(q): Q<ChangesQuery>,
) -> Result<Json<Value>, ApiError> {
    use crate::store::changes::{DEFAULT_LIMIT, MAX_LIMIT};
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::bad_input(format!("limit: must be between 1 and {MAX_LIMIT}")));
    }
    if q.since < 0 {
        return Err(ApiError::bad_input("since: must be 0 or a sequence number given as next"));
    }
    let page = app.store(move |s, _| Ok(s.changes(q.since, limit)?)).await?;
    Ok(Json(serde_json::to_value(page).map_err(|e| ApiError::internal(e.to_string()))?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Resolve {
    resolution: String,
    note: String,
    /// The refused command as the terminal sent it.
    command: Value,
    /// The server's refusal of it (its message, naming the rule).
    refusal: String,
    /// The booking made instead (a rebooking).
    booking: Option<String>,
    at: Option<String>,
}

/// A clerk's resolution of a command refused on sync: an event, recorded once.
async fn resolve_review(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Id(id): Id,
    Body(b): Body<Resolve>,
) -> Result<Response, ApiError> {
    if !["note", "rebooked", "cancelled"].contains(&b.resolution.as_str()) {
        return Err(ApiError::bad_input("resolution: note, rebooked or cancelled"));
    }
    let note = b.note.trim().to_string();
    if note.is_empty() || note.chars().count() > 500 || crate::visible::has_unsafe(&note) {
        return Err(ApiError::bad_input(
            "note: 1 to 500 printable characters saying what was done (対応内容)",
        ));
    }
    let at = moment_of("at", b.at.as_deref())?;
    let data = json!({
        "resolution": b.resolution,
        "note": note,
        "command": b.command,
        "refusal": b.refusal,
        "booking": b.booking,
    });
    let (ev, replayed) =
        app.store(move |s, _| Ok(s.resolve_review(&id, &data, at, &caller.name)?)).await?;
    Ok(event_once_answer(ev, replayed))
}

/// An event recorded once: `201` the first time, `200` with `Sango-Replayed: true` after.
fn event_once_answer(ev: crate::store::Event, replayed: bool) -> Response {
    let status = if replayed { StatusCode::OK } else { StatusCode::CREATED };
    let mut r = (status, Json(json!({ "event": ev }))).into_response();
    r.headers_mut().insert(
        "sango-replayed",
        axum::http::HeaderValue::from_static(if replayed { "true" } else { "false" }),
    );
    r
}

/// A change to a resident's record: the facts that change (absent ones stay), the moment,
/// and for the edit itself its command id and the clerk's answers for bookings the change puts
/// outside her window (a preview takes the same body; it changes nothing).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    command_id: Option<String>,
    birth: Option<NaiveDate>,
    due: Option<NaiveDate>,
    #[serde(default)]
    no_due: bool,
    corrected: Option<bool>,
    babies: Option<u32>,
    exempt: Option<bool>,
    /// Bookings (id or code) outside her new window to keep.
    #[serde(default)]
    keep: Vec<String>,
    /// Bookings (id or code) outside her new window to cancel.
    #[serde(default)]
    cancel: Vec<String>,
    at: Option<String>,
}

impl Change {
    fn edit(&self) -> crate::store::ResidentEdit {
        crate::store::ResidentEdit {
            birth: self.birth,
            due: self.due,
            no_due: self.no_due,
            corrected: self.corrected,
            babies: self.babies,
            exempt: self.exempt,
        }
    }
}

/// What an edit would do to her active bookings (`sango resident edit --dry-run`): a read.
async fn preview_resident(
    State(app): State<Shared>,
    Id(id): Id,
    Body(b): Body<Change>,
) -> Result<Json<Value>, ApiError> {
    let at = moment_of("at", b.at.as_deref())?;
    let edit = b.edit();
    let affected = app
        .store(move |s, ds| {
            let old = s
                .resident(&id)?
                .ok_or_else(|| crate::store::StoreError::UnknownResident(id.clone()))?;
            Ok(s.resident_change_preview(ds, &edit.apply(&old), at)?)
        })
        .await?;
    Ok(Json(json!({ "affected": affected })))
}

/// Edits a resident's record and what it does to her bookings, once per command id.
async fn edit_resident(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Id(id): Id,
    Body(b): Body<Change>,
) -> Result<Response, ApiError> {
    let at = moment_of("at", b.at.as_deref())?;
    let edit = b.edit();
    let command = b.command_id.ok_or_else(|| {
        ApiError::bad_input("command_id: required, a ULID or a UUID new for each edit")
    })?;
    let decisions = crate::store::Decision::from_lists(b.keep, b.cancel);
    let a = app
        .store(move |s, ds| {
            Ok(s.edit_resident_once(ds, &id, &edit, at, &caller.name, &decisions, &command)?)
        })
        .await?;
    Ok(applied(a, StatusCode::OK))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoShow {
    command_id: String,
    at: Option<String>,
}

/// Records that nobody came to a booking (無断キャンセル), once per command id.
async fn no_show(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Id(id): Id,
    Body(b): Body<NoShow>,
) -> Result<Response, ApiError> {
    let at = moment_of("at", b.at.as_deref())?;
    let command = b.command_id;
    let a = app
        .store(move |s, ds| {
            Ok(s.no_show_once(
                ds,
                &id,
                at,
                &caller.name,
                &command,
                crate::cli::cmd_no_show::answer,
            )?)
        })
        .await?;
    Ok(applied(a, StatusCode::OK))
}

/// The sign-in the request carries is live (else the route's guard answered `401
/// signin_required`): whose it is. A terminal app asks at start whether the sign-in it keeps
/// still holds, before the clerk writes anything.
async fn signin_status(Extension(caller): Extension<Caller>) -> Json<Value> {
    let (terminal, staff) = caller.name.split_once('/').unwrap_or((caller.name.as_str(), ""));
    Json(json!({ "staff": staff, "terminal": terminal }))
}

/// A kiosk's booking: the mother is the one its session identified, never named in the body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KioskBook {
    command_id: String,
    facility: String,
    #[serde(rename = "type")]
    care: CareType,
    start: NaiveDate,
    nights: Option<u32>,
    days: Option<u32>,
    at: Option<String>,
}

/// The mother a kiosk's session (`Sango-Session`) identified at that kiosk, while it lasts.
fn session_resident(
    app: &Shared,
    caller: &Caller,
    headers: &HeaderMap,
) -> Result<String, ApiError> {
    let session = headers.get(SESSION_HEADER).and_then(|v| v.to_str().ok()).ok_or_else(|| {
        ApiError::forbidden("a kiosk books for a mother only after POST /v1/kiosk/identify")
    })?;
    app.kiosks.resident_of(&caller.name, session).ok_or_else(|| {
        ApiError::forbidden("the kiosk session is unknown or expired: identify again")
    })
}

/// A booking made at a kiosk for the mother identified there: by the same rules and the same
/// exactly-once command as `POST /v1/bookings`, recorded with the kiosk's name.
async fn kiosk_book(
    state: State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Body(b): Body<KioskBook>,
) -> Result<Response, ApiError> {
    let resident = session_resident(&state.0, &caller, &headers)?;
    let b = Book {
        command_id: b.command_id,
        resident,
        facility: b.facility,
        care: b.care,
        start: b.start,
        nights: b.nights,
        days: b.days,
        at: b.at,
    };
    book(state, Extension(caller), Body(b)).await
}

/// What a kiosk shows the mother its session identified, in one read: her record (the
/// wizard's eligibility checks need her baby's birth, due date, babies, exemption), her quota
/// and her bookings; with the store's kind and id, so that the kiosk keeps them (in memory, for
/// her session only) as a terminal keeps its replica. Nobody else's data.
async fn kiosk_me(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let id = session_resident(&app, &caller, &headers)?;
    let body = app
        .store(move |s, ds| {
            let r = s
                .resident(&id)?
                .ok_or_else(|| crate::store::StoreError::UnknownResident(id.clone()))?;
            let quota = s.quota(&ds.programme, &id)?;
            let filter = BookingFilter { resident: Some(id), ..Default::default() };
            let bookings = s.bookings(&filter)?;
            Ok(json!({
                "resident": r,
                "quota": quota,
                "bookings": bookings,
                "practice": s.kind() == crate::store::StoreKind::Practice,
                "store_id": s.id(),
            }))
        })
        .await?;
    Ok(Json(body))
}

/// A kiosk's cancellation of one of the identified mother's bookings (by id or code), by the
/// same rules and the same exactly-once command as `POST /v1/bookings/{id}/cancel`, recorded
/// with the kiosk's name. Another mother's booking is answered as unknown: a kiosk learns
/// nothing of it.
async fn kiosk_cancel(
    state: State<Shared>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Id(id): Id,
    Body(b): Body<Cancel>,
) -> Result<Response, ApiError> {
    let resident = session_resident(&state.0, &caller, &headers)?;
    let lookup = id.clone();
    let owner = state.0.store(move |s, _| Ok(s.booking(&lookup)?.map(|b| b.resident))).await?;
    if owner.as_deref() != Some(resident.as_str()) {
        return Err(ApiError::not_found(
            "no such booking of the identified mother (予約がありません)",
        ));
    }
    cancel(state, Extension(caller), Id(id), Body(b)).await
}

/// A booking a mother confirmed at a kiosk while the server was away (her session may be long
/// over): a request for staff, kept in the kiosk's outbox until now.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KioskRequest {
    command_id: String,
    user_number: String,
    facility: String,
    #[serde(rename = "type")]
    care: CareType,
    start: NaiveDate,
    nights: Option<u32>,
    days: Option<u32>,
    /// When she confirmed it at the kiosk.
    at: Option<String>,
}

/// Records a kiosk's request for staff, once per command id. It books nothing: it is an event
/// (`kiosk_request`) the change feed carries to staff terminals, whose review list shows it
/// until a clerk has booked or declined it and resolved it (`POST /v1/reviews/{id}/resolve`).
/// A kiosk without a live session can only ask, never book.
async fn kiosk_request(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<KioskRequest>,
) -> Result<Response, ApiError> {
    let user = user_number::normalize(&b.user_number);
    crate::store::residents::validate_id(&user)
        .map_err(|e| ApiError::bad_input(format!("user_number: {e}")))?;
    facility_of(&app, &b.facility, Some(b.care))?;
    checked_length(b.care, b.nights, b.days)?;
    // She asked then; the event is recorded now (the live store takes only moments near now).
    let asked = moment_of("at", b.at.as_deref())?;
    let data = json!({
        "user_number": user,
        "facility": b.facility,
        "type": b.care,
        "start": b.start,
        "nights": b.nights,
        "days": b.days,
        "asked_at": crate::terminal::minute(asked),
    });
    let now = jst::from_utc(chrono::Utc::now());
    let id = b.command_id;
    let (ev, replayed) =
        app.store(move |s, _| Ok(s.record_kiosk_request(&id, &data, now, &caller.name)?)).await?;
    Ok(event_once_answer(ev, replayed))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PinLockout {
    locked_secs: u32,
}

/// A kiosk's staff PIN prompt locked after wrong PINs: recorded as the event a kiosk on the
/// ward's store records (`pin_locked_out`, its subject the kiosk's name): who tried to leave a
/// kiosk, and when, is the ward's to know.
async fn kiosk_pin_lockout(
    State(app): State<Shared>,
    Extension(caller): Extension<Caller>,
    Body(b): Body<PinLockout>,
) -> Result<Response, ApiError> {
    if b.locked_secs == 0 || b.locked_secs > 86_400 {
        return Err(ApiError::bad_input("locked_secs: between 1 and 86400"));
    }
    let now = jst::from_utc(chrono::Utc::now());
    let ev =
        app.store(move |s, _| Ok(s.record_pin_lockout(now, &caller.name, b.locked_secs)?)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "event": ev }))).into_response())
}
