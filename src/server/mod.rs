//! `sango serve --listen ADDR`: one ward's server. Terminals talk to it over HTTP with JSON
//! instead of holding the database's credentials (issue 14). Every request but
//! `GET /v1/health` carries an enrolled terminal's token (`sango serve terminal add`); a kiosk
//! may read the programme's public answers and, after identifying a mother, her own quota and
//! bookings; a staff terminal may do everything. See docs/api.md and docs/server.md.
//!
//! The store is synchronous (rusqlite, the blocking `postgres` client): every store call runs
//! in `tokio::task::spawn_blocking` on a connection checked out of an r2d2 pool, never on an
//! async worker thread.

pub mod error;
pub mod kiosk;
pub mod routes;
pub mod signin;
pub mod tls;

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::credentials;
use crate::dataset::Dataset;
use crate::store::access::{Role, Terminal};
use crate::store::{Location, Store, StoreError, StoreKind};
pub use error::ApiError;

/// The most store connections the server keeps open.
pub const POOL_SIZE: u32 = 8;
/// How long a request waits for a free store connection before 503.
pub const POOL_WAIT: Duration = Duration::from_secs(5);

/// Opens stores for the pool: each connection is a [`Store`] opened through its [`Location`].
#[derive(Debug)]
pub struct StoreManager {
    location: Location,
    kind: StoreKind,
}

impl r2d2::ManageConnection for StoreManager {
    type Connection = Store;
    type Error = StoreError;

    fn connect(&self) -> Result<Store, StoreError> {
        self.location.open(self.kind)
    }

    fn is_valid(&self, store: &mut Store) -> Result<(), StoreError> {
        store.data_version().map(drop)
    }

    fn has_broken(&self, store: &mut Store) -> bool {
        store.is_broken()
    }
}

/// What every request shares.
pub struct App {
    pool: r2d2::Pool<StoreManager>,
    pub dataset: Arc<Dataset>,
    pub kiosks: kiosk::Kiosks,
    pub signins: signin::SignIns,
    pub kind: StoreKind,
}

pub type Shared = Arc<App>;

impl App {
    /// Runs `f` with a pooled store on a blocking thread.
    pub async fn store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Dataset) -> Result<T, ApiError> + Send + 'static,
    {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = app.pool.get()?;
            f(&store, &app.dataset)
        })
        .await
        .map_err(|e| ApiError::internal(format!("the request's work failed: {e}")))?
    }
}

/// The caller of a request: an enrolled, non-revoked terminal.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The terminal's name; for a write made under a staff sign-in, `TERMINAL/STAFF_ID`
    /// (what the booking's and the event's terminal column record).
    pub name: String,
    pub role: Role,
}

/// The staff member a write was made under (a sign-in's id, never its token): put on the
/// response so that the request's log line names them.
#[derive(Debug, Clone)]
pub struct SignedInStaff(pub String);

/// The terminal whose token the request carries.
async fn authenticate(app: &Shared, header: Option<String>) -> Result<Caller, ApiError> {
    let header = header.ok_or_else(|| {
        ApiError::unauthorized("no token: send Authorization: Bearer <terminal token>")
    })?;
    let token = header
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| credentials::looks_like_token(t))
        .ok_or_else(|| {
            ApiError::unauthorized("the Authorization header is not a terminal token")
        })?;
    let hash = credentials::token_hash(token);
    let found: Option<Terminal> = app.store(move |s, _| Ok(s.terminal_for_token(&hash)?)).await?;
    let t = found.ok_or_else(|| {
        ApiError::unauthorized("the token is not an enrolled terminal's, or it was revoked")
    })?;
    Ok(Caller { name: t.name, role: t.role })
}

/// Every request: the token checked (but for the health check) and one JSON log line.
async fn gate(State(app): State<Shared>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let (terminal, response) = if path == "/v1/health" {
        (None, next.run(req).await)
    } else {
        // The header's text only: the request itself is not held across the store call.
        let header = req
            .headers()
            .get(AUTHORIZATION)
            .map(|h| h.to_str().unwrap_or("(not text)").to_string());
        match authenticate(&app, header).await {
            Ok(caller) => {
                let name = caller.name.clone();
                req.extensions_mut().insert(caller);
                req.extensions_mut().insert(Arc::clone(&app));
                (Some(name), next.run(req).await)
            }
            Err(e) => (None, e.into_response()),
        }
    };
    let staff = response.extensions().get::<SignedInStaff>().map(|s| s.0.clone());
    let line = serde_json::json!({
        "time": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "terminal": terminal,
        "staff": staff,
        "method": method,
        "path": path,
        "status": response.status().as_u16(),
        "ms": started.elapsed().as_secs_f64() * 1000.0,
    });
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
    response
}

/// The whole router, with its state.
pub fn router(app: Shared) -> axum::Router {
    routes::routes()
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&app), gate))
        .with_state(app)
}

/// Whether plain HTTP may be served on `addr`: only on a loopback address.
pub fn check_plain_http(addr: &SocketAddr) -> Result<(), String> {
    if addr.ip().is_loopback() {
        return Ok(());
    }
    Err(format!(
        "refusing to serve plain HTTP on {addr}: tokens and mothers' data would cross the \
         network unencrypted. Give --tls-cert and --tls-key to serve HTTPS, or listen on a \
         loopback address (127.0.0.1:PORT or [::1]:PORT)"
    ))
}

/// Serves until SIGTERM or Ctrl-C; requests in flight finish first.
pub fn serve(
    location: Location,
    kind: StoreKind,
    dataset: Dataset,
    listen: &str,
    tls: Option<&tls::TlsFiles>,
    signin_idle: Duration,
) -> Result<(), String> {
    let addr: SocketAddr = listen.parse().map_err(|_| {
        format!(
            "--listen '{}' is not an address and port such as 127.0.0.1:8080",
            crate::visible::one_line(listen)
        )
    })?;
    let tls = match tls {
        Some(files) => Some(tls::server_config(files)?),
        None => {
            check_plain_http(&addr)?;
            None
        }
    };
    // Opened once first: a store that cannot be opened (or migrated) is refused now, with its
    // own message, rather than on the first request.
    drop(location.open(kind).map_err(|e| e.to_string())?);
    let pool = r2d2::Pool::builder()
        .max_size(POOL_SIZE)
        .min_idle(Some(1))
        .connection_timeout(POOL_WAIT)
        .build_unchecked(StoreManager { location, kind });
    let app = Arc::new(App {
        pool,
        dataset: Arc::new(dataset),
        kiosks: Default::default(),
        signins: signin::SignIns::new(signin_idle),
        kind,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    // The pool's stores are dropped after the runtime, on this plain thread: the blocking
    // PostgreSQL client must not be closed inside the async runtime's context.
    let keep = Arc::clone(&app);
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "listening on {scheme}://{bound}");
            let _ = out.flush();
        }
        let Some(tls) = tls else {
            return axum::serve(listener, router(app))
                .with_graceful_shutdown(shutdown_signal())
                .await
                .map_err(|e| format!("the server stopped: {e}"));
        };
        // HTTPS: axum-server accepts TLS on the same listener; its handle stops accepting on
        // the signal and lets requests in flight finish.
        let handle = axum_server::Handle::new();
        let stopper = handle.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            stopper.graceful_shutdown(Some(SHUTDOWN_GRACE));
        });
        let listener = listener.into_std().map_err(|e| e.to_string())?;
        axum_server::from_tcp_rustls(
            listener,
            axum_server::tls_rustls::RustlsConfig::from_config(tls),
        )
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        .handle(handle)
        .serve(router(app).into_make_service())
        .await
        .map_err(|e| format!("the server stopped: {e}"))
    });
    drop(runtime);
    drop(keep);
    served
}

/// How long requests in flight may take to finish once HTTPS serving is asked to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// SIGTERM (systemd's stop) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
