//! The terminal app working through a ward's server: where its link stands (online, or offline
//! since when; how many changes wait in the outbox, how many for review; whether a staff member
//! is signed in), as the worker finds it after a sync or a write and the status line shows it.

use crate::i18n::{Locale, t, tr};
use crate::terminal::{SIGN_IN_FIRST, Terminal};

use super::app::App;

/// Where the terminal stands, as its own state says (no request).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkState {
    /// Since when the server has been unreachable (`YYYY-MM-DDTHH:MM`, Japan time), if it is.
    pub offline_since: Option<String>,
    /// When the replica was last brought up to date (same form).
    pub data_as_of: Option<String>,
    /// Commands waiting in the outbox.
    pub pending: usize,
    /// Commands the server refused on sync, waiting for a clerk.
    pub review: usize,
    /// A sign-in is kept at this terminal (the server may have ended it).
    pub signed_in: bool,
    /// The change feed's sequence number the replica is pulled to.
    pub pulled_to: i64,
}

/// What a sync found besides the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// Commands the server took (proof that the sign-in holds: reads need none).
    pub pushed: usize,
    /// The server asked for a staff sign-in (the outbox waits for it).
    pub sign_in_needed: bool,
}

/// What the worker tells the app: the state, and what a sync found when it synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerNews {
    pub state: LinkState,
    pub sync: Option<Synced>,
}

/// The app's knowledge of the link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerLink {
    /// `None` until the worker has opened the terminal and first told its state.
    pub state: Option<LinkState>,
    /// The last sync stopped for a sign-in (cleared by a sign-in).
    pub sign_in_needed: bool,
    /// A sync's news has come (the first one may ask for a sign-in at once).
    pub synced: bool,
}

impl ServerLink {
    /// Whether a write needs a sign-in first: none kept, or the server asked for one.
    pub fn needs_sign_in(&self) -> bool {
        self.sign_in_needed || self.state.as_ref().is_some_and(|s| !s.signed_in)
    }
}

/// The terminal's state now.
pub fn state(t: &Terminal) -> LinkState {
    let status = t.counted_status().ok();
    LinkState {
        offline_since: t.offline_since(),
        data_as_of: t.data_as_of(),
        pending: status.as_ref().map_or(0, |s| s.pending),
        review: status.as_ref().map_or(0, |s| s.review),
        signed_in: t.remote.has_signin(),
        pulled_to: t.pulled_to(),
    }
}

/// Syncs (the outbox sent in order, the replica pulled), trying the server again even if it
/// was away a moment ago; what it found.
pub fn sync(t: &Terminal) -> ServerNews {
    t.try_again();
    let (pushed, sign_in_needed) = match t.sync() {
        Ok(r) => (r.pushed, false),
        Err(e) => (0, e.starts_with(SIGN_IN_FIRST)),
    };
    ServerNews { state: state(t), sync: Some(Synced { pushed, sign_in_needed }) }
}

/// Applies the worker's news: the status line follows, and the screens are read again when
/// the replica was pulled further (its `data_version` does not move for the merges of the
/// worker's own connection).
pub fn apply(app: &mut App, news: ServerNews) {
    let Some(link) = app.store.server.as_mut() else { return };
    let moved = link.state.as_ref().is_none_or(|s| s.pulled_to != news.state.pulled_to);
    link.state = Some(news.state);
    let mut ask = false;
    if let Some(synced) = news.sync {
        // A sync that only read says nothing of the sign-in (reads need none): it is known
        // ended when the server asked for one, and known live when it took a command.
        if synced.sign_in_needed {
            link.sign_in_needed = true;
        } else if synced.pushed > 0 {
            link.sign_in_needed = false;
        }
        // At start, a sign-in kept here that the server no longer knows is asked for at once
        // (later, the status line says so and the next write asks).
        ask = !link.synced && synced.sign_in_needed;
        link.synced = true;
    }
    if moved {
        super::refresh::look_soon(app);
    }
    if ask && app.session.overlay.is_none() {
        let why = app.t("staff-signin-needed");
        super::signin::open(app, Some(why));
    }
}

/// True when the app works through a server.
pub fn through_server(app: &App) -> bool {
    app.store.server.is_some()
}

/// `HH:MM` of a `YYYY-MM-DDTHH:MM` moment (the whole text when it is not one).
pub fn hm(moment: &str) -> &str {
    moment.get(11..16).unwrap_or(moment)
}

/// The status line's link: `オンライン 送信待ち0件` / `online, 0 waiting`; offline, since
/// when; the review list and a missing sign-in when there are. (The data's age is said with
/// each provisional change: the line has no room for it at 80 columns.)
pub fn status_words(lang: Locale, link: &ServerLink) -> String {
    let Some(st) = &link.state else {
        return t(lang, "staff-link-checking");
    };
    let mut parts = vec![match &st.offline_since {
        None => t(lang, "staff-link-online"),
        Some(since) => tr(lang, "staff-link-offline", &[("since", hm(since).into())]),
    }];
    parts.push(tr(lang, "staff-link-waiting", &[("n", st.pending.into())]));
    if st.review > 0 {
        parts.push(tr(lang, "staff-link-review", &[("n", st.review.into())]));
    }
    if link.needs_sign_in() {
        parts.push(t(lang, "staff-link-not-signed-in"));
    }
    parts.join(&t(lang, "staff-link-sep"))
}

/// A change kept in the outbox, never to be taken for a confirmed one: a provisional booking
/// (`cancel` false) or cancellation, decided by the server when it is reached; `as_of` is the
/// time of the data it was made on.
pub fn provisional_words(lang: Locale, cancel: bool, as_of: Option<&str>) -> String {
    let id = if cancel { "staff-provisional-cancelled" } else { "staff-provisional-booked" };
    tr(lang, id, &[("asof", as_of.map_or("-", hm).into())])
}

/// Reads the outbox's provisional changes for the bookings view of resident `id`: her
/// provisional bookings (仮予約) and every provisional cancellation (仮取消; the view matches
/// them to her bookings by id). They are not in the replica: the server has not decided them.
pub fn read_waiting(app: &mut App, id: &str) {
    let keep = |app: &mut App, waiting: Result<Vec<serde_json::Value>, String>| {
        if let Ok(w) = waiting {
            app.session.waiting = w;
        }
    };
    // A kiosk through a server: her requests for staff kept while the server was away.
    if app.store.kiosk_server {
        let id = id.to_string();
        let slot = Some(super::store_worker::Slot::Waiting);
        app.store.through_kiosk(slot, None, move |k, _| k.requests_of(&id), keep);
        return;
    }
    if !through_server(app) {
        return;
    }
    let id = id.to_string();
    app.store.through_server(
        Some(super::store_worker::Slot::Waiting),
        None,
        move |t, _| {
            Ok(t.provisional()?
                .into_iter()
                .filter(|e| e["status"] == "provisional_cancel" || e["resident"] == id.as_str())
                .collect())
        },
        keep,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(offline: Option<&str>, pending: usize, review: usize, signed_in: bool) -> ServerLink {
        let state = LinkState {
            offline_since: offline.map(str::to_string),
            pending,
            review,
            signed_in,
            ..LinkState::default()
        };
        ServerLink { state: Some(state), ..ServerLink::default() }
    }

    #[test]
    fn the_link_is_said_in_a_line() {
        let links = [
            ServerLink::default(),
            link(None, 0, 0, true),
            link(Some("2026-12-01T09:05"), 3, 2, false),
        ];
        assert_eq!(status_words(Locale::Ja, &links[0]), "サーバー確認中");
        assert_eq!(
            status_words(Locale::Ja, &links[2]),
            "オフライン(09:05から) 送信待ち3件 要確認2件(v) 未サインイン(s)"
        );
        assert_eq!(
            provisional_words(Locale::Ja, true, Some("2026-12-01T10:42")),
            "仮取消: 接続したときにサーバーが決定します（データ10:42時点）。"
        );
        assert_eq!(
            provisional_words(Locale::En, false, None),
            "Provisional (仮予約): the server will decide when it is reached (data as of -)."
        );
        assert_eq!(status_words(Locale::Ja, &links[1]), "オンライン 送信待ち0件");
        assert_eq!(
            status_words(Locale::En, &links[2]),
            "offline since 09:05, 3 waiting, 2 review (v), not signed in (s)"
        );
    }
}
