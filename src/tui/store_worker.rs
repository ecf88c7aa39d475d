//! The store's own thread: the terminal app never waits on the store in a key press.
//!
//! One worker thread owns the [`Store`]. The screens ask for store work through
//! [`StoreWorker::read`] and [`StoreWorker::write`]: the store part runs on the worker, and what
//! it found comes back as a reply that the event loop applies to the [`App`] (the "apply the
//! answer" half of each call site; see [`pump`]). Until the answer comes, the screens keep drawing
//! and the keys keep working.
//!
//! - **Reads** carry a ticket: the session they were asked in and their place in a [`Slot`]
//!   (the resident shown, the day view, ...). A read's answer that is no longer the newest of its
//!   slot, or that was asked in an earlier session (a kiosk's next person), is dropped: a kiosk
//!   reset never shows the previous mother's data.
//! - **Writes** are never lost or doubled: while one of a [`WriteKind`] is pending, another of the
//!   same kind is not sent (the screens show it is working), and its answer is always applied,
//!   however late (a booking that took long still shows its code), unless the session it was
//!   asked in has ended: the store has it, the next person never sees it.
//! - **The connection.** The store opens on the worker (the first frame never waits). A
//!   connection error ([`StoreError::is_connection`]) drops the store and the worker opens it
//!   again, 0.5 s after, doubling to 8 s, until it answers; the status line says 再接続中 all the
//!   while (接続中 while it first opens, or when an answer takes more than [`SLOW`]). A write
//!   the lost connection was carrying is never tried again: it may or may not have been made,
//!   so the screens say "not confirmed: check the bookings", and read everything again once the
//!   store is back. Work asked while the worker waits to try again is not kept for later: it
//!   fails at once with "cannot reach the database server; nothing was changed" (a booking made
//!   minutes after the person gave up waiting would surprise her); reads are asked again by the
//!   refresh. (Work asked while the store first opens waits for it: nothing has failed yet.)
//!
//! - **Through a ward's server** ([`StoreWorker::spawn_terminal`]): the worker owns a
//!   [`Terminal`] instead of a store. Reads run on its replica (a normal store); the worker
//!   syncs it every [`SYNC_EVERY`] ([`SYNC_OFFLINE`] while the server is away; at once on
//!   Ctrl-R, [`StoreWorker::sync_now`]) and tells the app where the link stands
//!   ([`ServerNews`]); bookings, cancellations, sign-in and review go to the server through
//!   [`StoreWorker::through_server`], under the same once-only rules as writes. A failed
//!   request is the terminal's to judge (kept as provisional, or refused), never sent again by
//!   the worker.
//! - **A kiosk through a ward's server** ([`StoreWorker::spawn_kiosk`]): the worker owns a
//!   [`KioskClient`]; reads run on the identified mother's data alone, held in memory
//!   ([`StoreWorker::through_kiosk`] identifies, books and cancels at the server), forgotten
//!   at each new session; its outbox of requests for staff is delivered at each sync.
//!
//! For tests, [`StoreWorker::inline`] runs every request at once on the calling thread (the
//! answer still comes through [`pump`]), so that snapshots stay deterministic.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use crate::dataset::Dataset;
use crate::kiosk_client::KioskClient;
use crate::store::check::CheckRecord;
use crate::store::{Store, StoreError};
use crate::terminal::Terminal;

use super::app::App;
use super::server_link::{self, ServerNews};

/// How often the worker syncs a terminal with its server (sends the outbox, pulls the feed).
pub const SYNC_EVERY: Duration = Duration::from_secs(5);

/// How often while the server is away: each try may wait for the connection's timeout, and the
/// screens' reads queue behind it (Ctrl-R tries at once).
pub const SYNC_OFFLINE: Duration = Duration::from_secs(20);

/// What the worker owns: the store itself, or a terminal working through a server (reads on
/// its replica).
pub enum Backend {
    Direct(Box<Store>),
    Server(Box<Terminal>),
    /// A kiosk through a server: reads on the identified mother's data alone, in memory.
    Kiosk(Box<KioskClient>),
}

impl Backend {
    /// The store reads run on: the store, or the terminal's replica.
    pub fn store(&mut self) -> &mut Store {
        match self {
            Backend::Direct(s) => s,
            Backend::Server(t) => &mut t.replica,
            Backend::Kiosk(k) => &mut k.mine,
        }
    }

    fn store_ref(&self) -> &Store {
        match self {
            Backend::Direct(s) => s,
            Backend::Server(t) => &t.replica,
            Backend::Kiosk(k) => &k.mine,
        }
    }

    fn terminal(&self) -> Option<&Terminal> {
        match self {
            Backend::Direct(_) | Backend::Kiosk(_) => None,
            Backend::Server(t) => Some(t),
        }
    }

    /// Whether the worker syncs it with its server now and then.
    fn syncs(&self) -> bool {
        !matches!(self, Backend::Direct(_))
    }

    /// Its periodic sync: a terminal's outbox sent and its replica pulled (news for the app),
    /// a kiosk's requests for staff delivered; and whether the server was away (the next try
    /// waits longer: each may wait for the connection's timeout, and requests queue behind).
    fn sync(&self) -> (Option<ServerNews>, bool) {
        match self {
            Backend::Direct(_) => (None, false),
            Backend::Server(t) => {
                let news = server_link::sync(t);
                let away = news.state.offline_since.is_some();
                (Some(news), away)
            }
            Backend::Kiosk(k) => (None, k.deliver() > 0),
        }
    }
}

/// An answer outstanding this long shows 接続中 in the status line.
pub const SLOW: Duration = Duration::from_millis(300);

/// The first pause before the store is opened again after a connection error.
pub const BACKOFF_MIN: Duration = Duration::from_millis(500);

/// The longest pause between two tries to open the store.
pub const BACKOFF_MAX: Duration = Duration::from_secs(8);

/// What a read is for: only the newest read of a slot is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The resident the panes show (her record, bookings, quota), chosen.
    Resident,
    /// The same, read again by the refresh.
    Reload,
    /// A user number typed into a resident form (find, register, edit).
    Form,
    /// The registry's list.
    Registry,
    /// The registry's selected resident.
    RegistryPick,
    Day,
    Report,
    /// The store's data version (the refresh).
    Version,
    /// The daily full check: whether one is due.
    Check,
    /// A kiosk's identification.
    Identify,
    /// Syncing with the server now (Ctrl-R).
    Sync,
    /// The terminal's review list.
    Review,
    /// The outbox's provisional changes, for the resident shown.
    Waiting,
}

/// How many slots there are (the last one's index, plus one).
const SLOTS: usize = Slot::Waiting as usize + 1;

impl Slot {
    fn index(self) -> usize {
        self as usize
    }
}

/// The writes; one of each kind at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteKind {
    Book,
    Cancel,
    /// Register or edit a resident.
    Resident,
    PinLockout,
    Export,
    /// Keep the daily check's result with the store.
    KeepCheck,
    /// A staff member signs in at the server.
    SignIn,
    /// A clerk resolves a command of the review list (an event on the server).
    Resolve,
}

/// Where the connection to the store stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The store is opening (the first time).
    Opening,
    Ready,
    /// A connection error: the worker is opening the store again.
    Reconnecting,
    /// The store could not be opened (not a connection error): `App::store_error` says why.
    Failed,
}

/// How an answer is applied to the app.
pub type Apply = Box<dyn FnOnce(&mut App) + Send>;

/// The store work of a request: the store (or why there is none now) and the dataset.
type Job = Box<dyn FnOnce(Result<&mut Backend, StoreError>, &Dataset) -> Done + Send>;

/// A job's outcome: how to apply it, and whether the connection was lost doing it.
struct Done {
    apply: Apply,
    lost: bool,
}

#[derive(Debug, Clone, Copy)]
struct Ticket {
    seq: u64,
    session: u64,
    read: Option<Slot>,
}

/// What comes back from the worker.
enum Reply {
    Answer(Ticket, Apply),
    /// The store is open (again); damage its last check found, if any.
    Opened(Option<CheckRecord>),
    Reconnecting,
    /// The store could not be opened, and will not be by trying again.
    Failed(StoreError),
    /// Where the terminal's link to its server stands (after a sync or a write through it).
    Server(ServerNews),
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reply::Answer(t, _) => write!(f, "Answer({t:?})"),
            Reply::Opened(d) => write!(f, "Opened({:?})", d.is_some()),
            Reply::Reconnecting => write!(f, "Reconnecting"),
            Reply::Failed(e) => write!(f, "Failed({e})"),
            Reply::Server(n) => write!(f, "Server({n:?})"),
        }
    }
}

enum Mode {
    /// Requests run at once on the calling thread (tests, the synchronous mode).
    Inline(Box<Backend>),
    Thread {
        jobs: Sender<(Ticket, Job)>,
        replies: Receiver<Reply>,
    },
}

/// The screens' handle on the store's thread.
pub struct StoreWorker {
    mode: Mode,
    /// The dataset the store's work reads (a copy of the app's, made once).
    ds: Arc<Dataset>,
    /// Answers made on this thread (inline, or when the worker is gone), before the worker's.
    local: VecDeque<Reply>,
    pub link: Link,
    next: u64,
    session: u64,
    newest: [u64; SLOTS],
    /// Requests sent and not answered: their number, when they were sent, the write's kind.
    outstanding: Vec<(u64, Instant, Option<WriteKind>, Option<Slot>)>,
    /// Answers were applied since the event loop last looked (the screen may have changed).
    answered: bool,
    /// Damage the store's last full check found: every write is refused, the status line says so.
    pub damage: Option<CheckRecord>,
    /// Through a ward's server: where the link stands (`None`: the store is used directly).
    pub server: Option<server_link::ServerLink>,
    /// A kiosk working through a ward's server ([`StoreWorker::spawn_kiosk`]).
    pub kiosk_server: bool,
}

impl std::fmt::Debug for StoreWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreWorker").field("link", &self.link).finish()
    }
}

impl StoreWorker {
    fn with(mode: Mode, ds: Arc<Dataset>, link: Link) -> StoreWorker {
        StoreWorker {
            mode,
            ds,
            local: VecDeque::new(),
            link,
            next: 0,
            session: 0,
            newest: [0; SLOTS],
            outstanding: Vec::new(),
            answered: false,
            damage: None,
            server: None,
            kiosk_server: false,
        }
    }

    /// Requests run at once on this thread, on `store`.
    pub fn inline(store: Store, ds: &Dataset) -> StoreWorker {
        let damage = store.known_damage().cloned();
        let mode = Mode::Inline(Box::new(Backend::Direct(Box::new(store))));
        let mut w = StoreWorker::with(mode, Arc::new(ds.clone()), Link::Ready);
        w.damage = damage;
        w
    }

    /// Starts the worker thread; it opens the store at `place` (named if opening panics) with
    /// `open`, and again after a connection error (see the module's comment).
    pub fn spawn(
        place: PathBuf,
        open: impl Fn() -> Result<Store, StoreError> + Send + 'static,
        ds: &Dataset,
    ) -> StoreWorker {
        StoreWorker::spawn_with(place, open, ds, BACKOFF_MIN, BACKOFF_MAX)
    }

    /// [`StoreWorker::spawn`] with the first and the longest pause between tries (tests
    /// shorten them).
    pub fn spawn_with(
        place: PathBuf,
        open: impl Fn() -> Result<Store, StoreError> + Send + 'static,
        ds: &Dataset,
        first: Duration,
        longest: Duration,
    ) -> StoreWorker {
        StoreWorker::spawn_backend(
            place,
            move || open().map(|s| Backend::Direct(Box::new(s))),
            ds,
            first,
            longest,
        )
    }

    /// Starts the worker on a terminal working through a server, opened (its replica and
    /// outbox) by `open`; the worker syncs it every [`SYNC_EVERY`].
    pub fn spawn_terminal(
        place: PathBuf,
        open: impl Fn() -> Result<Terminal, String> + Send + 'static,
        ds: &Dataset,
    ) -> StoreWorker {
        let open = move || {
            open().map(|t| Backend::Server(Box::new(t))).map_err(|detail| StoreError::CannotOpen {
                path: "(the terminal's replica)".into(),
                detail,
            })
        };
        let mut w = StoreWorker::spawn_backend(place, open, ds, BACKOFF_MIN, BACKOFF_MAX);
        w.server = Some(server_link::ServerLink::default());
        w
    }

    /// Starts the worker on a kiosk working through a server (opened by `open`, which asks the
    /// server nothing: an unreachable server is found by the first identification).
    pub fn spawn_kiosk(
        place: PathBuf,
        open: impl Fn() -> Result<KioskClient, StoreError> + Send + 'static,
        ds: &Dataset,
    ) -> StoreWorker {
        let open = move || open().map(|k| Backend::Kiosk(Box::new(k)));
        let mut w = StoreWorker::spawn_backend(place, open, ds, BACKOFF_MIN, BACKOFF_MAX);
        w.kiosk_server = true;
        w
    }

    fn spawn_backend(
        place: PathBuf,
        open: impl Fn() -> Result<Backend, StoreError> + Send + 'static,
        ds: &Dataset,
        first: Duration,
        longest: Duration,
    ) -> StoreWorker {
        let (jobs, jobs_rx) = mpsc::channel();
        let (replies_tx, replies) = mpsc::channel();
        let ds = Arc::new(ds.clone());
        let theirs = Arc::clone(&ds);
        // A panic while opening is the opening's error, naming the store's place.
        let open = move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(&open)).unwrap_or_else(|panic| {
                let detail = panic_text(panic.as_ref());
                Err(StoreError::CannotOpen { path: place.clone(), detail })
            })
        };
        let spawned = std::thread::Builder::new()
            .name(THREAD.to_string())
            .spawn(move || serve(open, &theirs, jobs_rx, replies_tx, first, longest));
        // No thread: every request fails with the error of a stopped worker (see `send`).
        drop(spawned);
        StoreWorker::with(Mode::Thread { jobs, replies }, ds, Link::Opening)
    }

    /// The store, when requests run inline (tests); `None` when it lives on its thread.
    pub fn inline_store(&self) -> Option<&Store> {
        match &self.mode {
            Mode::Inline(backend) => Some(backend.store_ref()),
            Mode::Thread { .. } => None,
        }
    }

    /// A new session (a kiosk's next person): no read asked before is applied, and no write's
    /// answer is shown.
    pub fn new_session(&mut self) {
        self.session += 1;
        self.forget_kiosk();
    }

    /// A kiosk through a server forgets the mother's session and her data at once (nothing
    /// otherwise).
    pub fn forget_kiosk(&mut self) {
        if !self.kiosk_server {
            return;
        }
        let forget = |b: &mut Backend, _: &Dataset| match b {
            Backend::Kiosk(k) => k.forget(),
            _ => Ok(()),
        };
        self.send(None, None, forget, |_, _| {});
    }

    /// True while a write of `kind` is waiting for its answer.
    pub fn writing(&self, kind: WriteKind) -> bool {
        self.outstanding.iter().any(|(_, _, w, _)| *w == Some(kind))
    }

    /// True while any write waits for its answer.
    pub fn writing_any(&self) -> bool {
        self.outstanding.iter().any(|(_, _, w, _)| w.is_some())
    }

    /// Waits (up to `longest`) for the writes still unanswered, so that none is cut off as the
    /// program ends; their answers are dropped (the screens are gone).
    pub fn finish_writes(&mut self, longest: Duration) {
        let start = Instant::now();
        while self.writing_any() && start.elapsed() < longest {
            match self.next_reply() {
                Some(Reply::Answer(t, _)) => {
                    self.settle(&t);
                }
                Some(Reply::Failed(_)) => return,
                Some(_) => {}
                None => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    /// True while a read for `slot` waits for its answer.
    pub fn reading(&self, slot: Slot) -> bool {
        self.outstanding.iter().any(|(_, _, _, s)| *s == Some(slot))
    }

    /// True when answers made on this thread (a store run inline) wait to be applied.
    pub fn answered_here(&self) -> bool {
        !self.local.is_empty()
    }

    /// True once after answers were applied (by [`pump`], wherever it was called from).
    pub fn take_answered(&mut self) -> bool {
        std::mem::take(&mut self.answered)
    }

    /// True while any request waits for its answer.
    pub fn busy(&self) -> bool {
        !self.outstanding.is_empty()
    }

    /// What the status line says of the connection: 接続中 while the store first opens or an
    /// answer takes more than [`SLOW`], 再接続中 after a connection error.
    pub fn note(&self, now: Instant) -> Option<Link> {
        match self.link {
            Link::Opening => Some(Link::Opening),
            Link::Reconnecting => Some(Link::Reconnecting),
            Link::Failed => None,
            Link::Ready => self
                .outstanding
                .iter()
                .any(|(_, sent, _, _)| now.saturating_duration_since(*sent) >= SLOW)
                .then_some(Link::Opening),
        }
    }

    /// How soon the event loop must look again: soon while answers or the connection are
    /// awaited (replies come on a channel the terminal's poll does not see), else never.
    pub fn next_wake(&self) -> Option<Duration> {
        (self.busy() || matches!(self.link, Link::Opening | Link::Reconnecting))
            .then_some(Duration::from_millis(25))
    }

    /// Asks for a read for `slot`: `run` on the worker, `then` with its result on the app, unless
    /// another read of the slot was asked since, or the session has changed.
    pub fn read<T: Send + 'static>(
        &mut self,
        slot: Slot,
        run: impl FnOnce(&mut Store, &Dataset) -> Result<T, StoreError> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, StoreError>) + Send + 'static,
    ) {
        self.send(Some(slot), None, |b, ds| run(b.store(), ds), then);
    }

    /// Asks the terminal's server for something (`run` on the worker, with the terminal): a
    /// write of `write`'s kind (false, nothing sent, while one is pending), or a read of the
    /// slot `read`. Its error is the terminal's message (naming the rule), or why there is no
    /// terminal (the store is used directly).
    pub fn through_server<T: Send + 'static>(
        &mut self,
        read: Option<Slot>,
        write: Option<WriteKind>,
        run: impl FnOnce(&mut Terminal, &Dataset) -> Result<T, String> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, String>) + Send + 'static,
    ) -> bool {
        let run = |b: &mut Backend, ds: &Dataset| match b {
            Backend::Server(t) => {
                t.try_again();
                Some(run(t, ds))
            }
            _ => None,
        };
        self.via_backend(read, write, run, then)
    }

    /// [`StoreWorker::through_server`] for a kiosk working through its server.
    pub fn through_kiosk<T: Send + 'static>(
        &mut self,
        read: Option<Slot>,
        write: Option<WriteKind>,
        run: impl FnOnce(&mut KioskClient, &Dataset) -> Result<T, String> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, String>) + Send + 'static,
    ) -> bool {
        let run = |b: &mut Backend, ds: &Dataset| match b {
            Backend::Kiosk(k) => Some(run(k, ds)),
            _ => None,
        };
        self.via_backend(read, write, run, then)
    }

    /// Runs `run` on the backend (`None`: not the backend it needs: no server configured).
    fn via_backend<T: Send + 'static>(
        &mut self,
        read: Option<Slot>,
        write: Option<WriteKind>,
        run: impl FnOnce(&mut Backend, &Dataset) -> Option<Result<T, String>> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, String>) + Send + 'static,
    ) -> bool {
        if write.is_some_and(|k| self.writing(k)) {
            return false;
        }
        self.send(
            read,
            write,
            |b, ds| Ok(run(b, ds).unwrap_or_else(|| Err("no server is configured".to_string()))),
            |app, r: Result<Result<T, String>, StoreError>| {
                then(app, r.map_err(|e| e.to_string()).and_then(|x| x))
            },
        );
        true
    }

    /// Through a server: sends the outbox and pulls now (Ctrl-R); what is read after it sees
    /// the replica brought up to date. Nothing when the store is used directly.
    pub fn sync_now(&mut self) {
        if self.server.is_none() {
            return;
        }
        self.through_server(
            Some(Slot::Sync),
            None,
            |t, _| Ok(server_link::sync(t)),
            |app, news| {
                if let Ok(news) = news {
                    server_link::apply(app, news);
                }
            },
        );
    }

    /// Asks for a write of `kind`; false (nothing sent) while one of that kind is pending. Its
    /// answer is always applied within the session (see the module's comment).
    pub fn write<T: Send + 'static>(
        &mut self,
        kind: WriteKind,
        run: impl FnOnce(&mut Store, &Dataset) -> Result<T, StoreError> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, StoreError>) + Send + 'static,
    ) -> bool {
        if self.writing(kind) {
            return false;
        }
        // Through a server the replica takes only the server's feed: a resident written into it
        // would be known to this terminal alone.
        if self.server.is_some() && kind == WriteKind::Resident {
            self.send(None, Some(kind), |_, _| Err(resident_not_through_server()), then);
            return true;
        }
        self.send(None, Some(kind), |b, ds| run(b.store(), ds), then);
        true
    }

    fn send<T: Send + 'static>(
        &mut self,
        read: Option<Slot>,
        write: Option<WriteKind>,
        run: impl FnOnce(&mut Backend, &Dataset) -> Result<T, StoreError> + Send + 'static,
        then: impl FnOnce(&mut App, Result<T, StoreError>) + Send + 'static,
    ) {
        self.next += 1;
        let ticket = Ticket { seq: self.next, session: self.session, read };
        if let Some(slot) = read {
            self.newest[slot.index()] = ticket.seq;
        }
        let job: Job = Box::new(move |store, ds| {
            // A bug in the store's work is its request's error; the store is opened again after
            // it (a transaction it left is rolled back when its connection goes).
            let mut panicked = false;
            let result = match store {
                Ok(store) => {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(store, ds)))
                        .unwrap_or_else(|panic| {
                            panicked = true;
                            Err(StoreError::Sqlite {
                                path: THREAD.into(),
                                detail: format!("internal error: {}", panic_text(panic.as_ref())),
                            })
                        })
                }
                Err(e) => Err(e),
            };
            let lost = panicked || result.as_ref().err().is_some_and(StoreError::is_connection);
            Done { apply: Box::new(move |app| then(app, result)), lost }
        });
        self.outstanding.push((ticket.seq, Instant::now(), write, read));
        match &mut self.mode {
            Mode::Inline(backend) => {
                let d = job(Ok(backend), &self.ds);
                self.local.push_back(Reply::Answer(ticket, d.apply));
            }
            Mode::Thread { jobs, .. } => {
                if let Err(mpsc::SendError((ticket, job))) = jobs.send((ticket, job)) {
                    // The worker is gone (it panicked): the request fails here, never silently.
                    let d = job(Err(gone()), &self.ds);
                    self.local.push_back(Reply::Answer(ticket, d.apply));
                }
            }
        }
    }

    /// The next reply waiting, if any.
    fn next_reply(&mut self) -> Option<Reply> {
        if let Some(r) = self.local.pop_front() {
            return Some(r);
        }
        match &mut self.mode {
            Mode::Inline(_) => None,
            Mode::Thread { replies, .. } => match replies.try_recv() {
                Ok(r) => Some(r),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    (self.link != Link::Failed).then(|| Reply::Failed(gone()))
                }
            },
        }
    }

    /// Takes an answer's ticket off the outstanding list; whether its answer is to be applied.
    fn settle(&mut self, t: &Ticket) -> bool {
        self.outstanding.retain(|(seq, _, _, _)| *seq != t.seq);
        if t.session != self.session {
            return false;
        }
        match t.read {
            Some(slot) => self.newest[slot.index()] == t.seq,
            None => true,
        }
    }
}

/// The worker thread's name. Its panics are caught and answered as errors, so the terminal's
/// panic hook leaves the terminal alone for them (see `term::install_panic_hook`).
pub const THREAD: &str = "sango-store";

/// A panic's message.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the store's work failed".to_string())
}

/// Why a request could not reach the worker thread.
fn gone() -> StoreError {
    StoreError::CannotOpen {
        path: "(the store's thread)".into(),
        detail: "the store's thread has stopped; restart sango".into(),
    }
}

/// Why registering or editing a resident is refused at a terminal working through a server.
fn resident_not_through_server() -> StoreError {
    StoreError::Invalid {
        field: "change (変更)",
        reason: "registering or editing a resident does not work through a server yet: do it \
                 on the ward's store (サーバー経由の端末では利用者の登録・変更はまだできません)"
            .into(),
    }
}

/// The error a request gets while there is no connection: "nothing was changed".
fn unreachable(e: &StoreError) -> StoreError {
    match e {
        StoreError::Unreachable { path, detail } | StoreError::ConnectionLost { path, detail } => {
            StoreError::Unreachable { path: path.clone(), detail: detail.clone() }
        }
        other => StoreError::CannotOpen { path: "(the store)".into(), detail: other.to_string() },
    }
}

/// The worker thread: opens the store, runs requests in the order they were sent, and opens
/// the store again after a connection error, with a growing pause. Ends when the app's handle
/// is dropped.
fn serve(
    open: impl Fn() -> Result<Backend, StoreError>,
    ds: &Dataset,
    jobs: Receiver<(Ticket, Job)>,
    out: Sender<Reply>,
    first: Duration,
    longest: Duration,
) {
    let mut pause = first;
    let mut store: Option<Backend> = None;
    // Through a server: when the worker syncs next, and the link it last told the app of.
    let mut next_sync: Option<Instant> = None;
    let mut told: Option<server_link::LinkState> = None;
    // Why the store cannot be opened, when trying again would not help (a kiosk goes on without
    // it, every request failing with this).
    let mut failed: Option<(std::path::PathBuf, String)> = None;
    loop {
        if store.is_none() && failed.is_none() {
            match open() {
                Ok(s) => {
                    pause = first;
                    let _ = out.send(Reply::Opened(s.store_ref().known_damage().cloned()));
                    if s.syncs() {
                        next_sync = Some(Instant::now());
                    }
                    store = Some(s);
                }
                Err(e) if e.is_connection() => {
                    let _ = out.send(Reply::Reconnecting);
                    // Until the next try, requests fail at once: nothing waits for the server.
                    let until = Instant::now() + pause;
                    pause = (pause * 2).min(longest);
                    loop {
                        let left = until.saturating_duration_since(Instant::now());
                        if left.is_zero() {
                            break;
                        }
                        match jobs.recv_timeout(left) {
                            Ok((t, job)) => {
                                let d = job(Err(unreachable(&e)), ds);
                                if out.send(Reply::Answer(t, d.apply)).is_err() {
                                    return;
                                }
                            }
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    continue;
                }
                Err(e) => {
                    failed = Some(("(the store)".into(), e.to_string()));
                    let _ = out.send(Reply::Failed(e));
                }
            }
        }
        let next = match next_sync {
            None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => jobs.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        let (t, job) = match next {
            Ok(job) => job,
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {
                // Time to sync: the outbox sent, the replica pulled; the app is told.
                let (news, away) = store.as_ref().map_or((None, false), Backend::sync);
                let every = if away { SYNC_OFFLINE } else { SYNC_EVERY };
                if let Some(news) = news {
                    told = Some(news.state.clone());
                    if out.send(Reply::Server(news)).is_err() {
                        return;
                    }
                }
                next_sync = Some(Instant::now() + every);
                continue;
            }
        };
        let d = match (&mut store, &failed) {
            (Some(s), _) => job(Ok(s), ds),
            (None, Some((path, detail))) => {
                job(Err(StoreError::CannotOpen { path: path.clone(), detail: detail.clone() }), ds)
            }
            (None, None) => job(Err(gone()), ds),
        };
        if d.lost {
            // Dropped: the next request waits for a new connection (opened at the loop's top).
            store = None;
            let _ = out.send(Reply::Reconnecting);
        }
        if out.send(Reply::Answer(t, d.apply)).is_err() {
            return;
        }
        // A write through the server changes the outbox: the status line follows.
        if let Some(term) = store.as_ref().and_then(Backend::terminal) {
            let now = server_link::state(term);
            if told.as_ref() != Some(&now) {
                told = Some(now.clone());
                if out.send(Reply::Server(ServerNews { state: now, sync: None })).is_err() {
                    return;
                }
            }
        }
    }
}

/// Applies every answer and news of the connection that has come back; true when any did (the
/// screen may have changed). The event loop calls it at every turn, `update` after every action.
pub fn pump(app: &mut App) -> bool {
    let mut any = false;
    while let Some(reply) = app.store.next_reply() {
        any = true;
        app.store.answered = true;
        match reply {
            Reply::Answer(t, apply) => {
                if app.store.settle(&t) {
                    apply(app);
                }
            }
            Reply::Opened(damage) => {
                app.store.link = Link::Ready;
                app.store.damage = damage;
                // Everything on screen is read again from the store that is back.
                super::refresh::look_soon(app);
            }
            Reply::Reconnecting => app.store.link = Link::Reconnecting,
            Reply::Server(news) => server_link::apply(app, news),
            Reply::Failed(e) => {
                app.store.link = Link::Failed;
                app.store_error = Some(e);
                // A staff terminal quits and the error is reported; a kiosk never ends: the
                // public screens work, anything personal says the system is unavailable.
                app.quit = !app.is_kiosk();
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::tui::term::testing::{app, kiosk};
    use crate::tui::update;

    /// How a test's answer is applied.
    type Then = Box<dyn FnOnce(&mut App, Result<(), StoreError>) + Send>;

    /// Counts the answers applied: each adds its `by`.
    fn counter() -> (Arc<AtomicUsize>, impl Fn(usize) -> Then) {
        let n = Arc::new(AtomicUsize::new(0));
        let m = Arc::clone(&n);
        let mark = move |by: usize| {
            let m = Arc::clone(&m);
            Box::new(move |_: &mut App, _: Result<(), StoreError>| {
                m.fetch_add(by, Ordering::SeqCst);
            }) as Then
        };
        (n, mark)
    }

    #[test]
    fn only_the_newest_read_of_a_slot_is_applied() {
        let mut a = app();
        let (n, mark) = counter();
        a.store.read(Slot::Day, |_, _| Ok(()), mark(1));
        a.store.read(Slot::Day, |_, _| Ok(()), mark(10));
        // Another slot is not superseded.
        a.store.read(Slot::Report, |_, _| Ok(()), mark(100));
        update::answers(&mut a);
        assert_eq!(n.load(Ordering::SeqCst), 110, "the first read of the day view was dropped");
        assert!(!a.store.busy(), "dropped or applied, nothing is left outstanding");
    }

    #[test]
    fn a_new_session_drops_every_answer_asked_before_it() {
        let mut a = kiosk();
        let (n, mark) = counter();
        a.store.read(Slot::Resident, |_, _| Ok(()), mark(1));
        assert!(a.store.write(WriteKind::Book, |_, _| Ok(()), mark(10)));
        a.new_session();
        update::answers(&mut a);
        assert_eq!(n.load(Ordering::SeqCst), 0, "the next person sees nothing of the last");
        assert!(!a.store.writing(WriteKind::Book), "the write is settled all the same");
    }

    #[test]
    fn a_write_is_sent_once_while_pending_and_applied_after_navigation() {
        let mut a = app();
        let (n, mark) = counter();
        assert!(a.store.write(WriteKind::Book, |_, _| Ok(()), mark(1)));
        assert!(a.store.writing(WriteKind::Book));
        assert!(!a.store.write(WriteKind::Book, |_, _| Ok(()), mark(10)), "not sent twice");
        assert!(a.store.write(WriteKind::Cancel, |_, _| Ok(()), mark(100)), "another kind is");
        // The person moves on; later reads of every slot are asked.
        a.session.screen = crate::tui::app::Screen::Info;
        a.store.read(Slot::Resident, |_, _| Ok(()), mark(1000));
        update::answers(&mut a);
        assert_eq!(n.load(Ordering::SeqCst), 1101, "both writes and the read applied");
        assert!(a.store.write(WriteKind::Book, |_, _| Ok(()), mark(1)), "answered: free again");
    }

    #[test]
    fn without_a_server_a_request_for_it_is_answered_with_why_and_sync_does_nothing() {
        let mut a = app();
        let said = Arc::new(std::sync::Mutex::new(None));
        let keep = Arc::clone(&said);
        assert!(a.store.through_server(
            None,
            Some(WriteKind::Book),
            |_, _| Ok(()),
            move |_, r| *keep.lock().unwrap() = Some(r),
        ));
        a.store.sync_now();
        update::answers(&mut a);
        let said = said.lock().unwrap().take().expect("answered once");
        assert_eq!(said, Err("no server is configured".to_string()));
        assert!(!a.store.busy(), "sync_now sent nothing");
    }

    #[test]
    fn a_bug_in_the_stores_work_is_its_requests_error_and_the_worker_goes_on() {
        let ds = crate::dataset::load_embedded().unwrap();
        let mut a = app();
        a.store = StoreWorker::spawn("memory".into(), Store::open_in_memory, &ds);
        let said = Arc::new(std::sync::Mutex::new(Vec::new()));
        for fails in [true, false] {
            let keep = Arc::clone(&said);
            a.store.read(
                Slot::Day,
                move |store, _| if fails { panic!("a bug") } else { store.data_version() },
                move |_, r| keep.lock().unwrap().push(r.map_err(|e| e.to_string())),
            );
            let start = Instant::now();
            while a.store.busy() {
                update::answers(&mut a);
                assert!(start.elapsed() < Duration::from_secs(10));
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        let said = said.lock().unwrap();
        assert!(said[0].as_ref().is_err_and(|e| e.contains("a bug")), "{said:?}");
        assert!(said[1].is_ok(), "{said:?}");
        assert!(!a.quit && a.store_error.is_none());
    }

    #[test]
    fn a_store_whose_opening_panics_is_an_error_naming_it() {
        let ds = crate::dataset::load_embedded().unwrap();
        let mut a = app();
        a.store = StoreWorker::spawn("here".into(), || panic!("no store"), &ds);
        let start = Instant::now();
        while a.store_error.is_none() {
            update::answers(&mut a);
            assert!(start.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(a.quit, "a staff terminal quits");
        let e = a.store_error.as_ref().unwrap().to_string();
        assert!(e.contains("here") && e.contains("no store"), "{e}");
    }
}
