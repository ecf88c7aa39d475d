//! The staff sign-in (サインイン) of a terminal working through a ward's server: asked at start
//! when no sign-in is kept at this terminal, when the server asks for one (its sign-in ended),
//! and with `s`. It signs in as `sango login` does ([`crate::terminal::sign_in`], on the
//! store's thread: a key never waits for the server) and keeps the sign-in in the same file.
//! The password is drawn masked and forgotten once sent. Esc closes the box (the screens stay
//! readable; a write asks again); Ctrl-C leaves the app as anywhere else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::{App, Button, Hits, Overlay, Target};
use super::help::{centred, frame_box};
use super::input::Input;
use super::panes::{button_pair, lines, row};
use super::store_worker::WriteKind;
use super::text::{pad, wrap};

/// The sign-in form.
#[derive(Debug, Clone, Default)]
pub struct SignInForm {
    pub id: Input,
    pub password: Input,
    /// The cursor is on the password (else on the staff ID).
    pub on_password: bool,
    /// Why the box is shown (the server ended the sign-in), or why the last try failed.
    pub note: Option<String>,
}

impl SignInForm {
    /// The field typed characters go into.
    pub fn input_mut(&mut self) -> &mut Input {
        if self.on_password { &mut self.password } else { &mut self.id }
    }
}

/// Opens the sign-in box, saying `why` when given; the staff ID typed before is kept.
pub fn open(app: &mut App, why: Option<String>) {
    let f = &mut app.session.signin;
    f.password.clear();
    f.on_password = !f.id.is_empty();
    f.note = why;
    app.session.overlay = Some(Overlay::SignIn);
}

/// A write's error: when it is the server asking for a sign-in, the box opens saying so.
/// True when it did.
pub fn ask_if_needed(app: &mut App, error: &str) -> bool {
    if !error.starts_with(crate::terminal::SIGN_IN_FIRST) {
        return false;
    }
    if let Some(link) = app.store.server.as_mut() {
        link.sign_in_needed = true;
    }
    let why = app.t("staff-signin-needed");
    open(app, Some(why));
    true
}

/// Before a write through the server: when nobody is signed in (or the server said the
/// sign-in ended), the box opens instead and nothing is sent. True when it did.
pub fn required_first(app: &mut App) -> bool {
    if !app.store.server.as_ref().is_some_and(|l| l.needs_sign_in()) {
        return false;
    }
    let why = app.t("staff-signin-first");
    open(app, Some(why));
    true
}

/// At start, through a server: with no sign-in kept here (`kept` false) the box opens before
/// anything can be written; with one, the server is asked whether it still holds.
pub fn at_start(app: &mut App, kept: bool) {
    if app.store.server.is_none() {
        return;
    }
    if kept { check(app) } else { open(app, None) }
}

/// At start, with a sign-in kept here: asks the server whether it still holds, and opens the
/// box when it does not (idle too long, the server restarted). Offline, nothing is asked: the
/// first write or sync will tell.
fn check(app: &mut App) {
    app.store.through_server(
        None,
        None,
        |t, _| crate::terminal::signin_live(&t.remote),
        |app, live| {
            if live != Ok(false) {
                return;
            }
            if let Some(link) = app.store.server.as_mut() {
                link.sign_in_needed = true;
            }
            if app.session.overlay.is_none() {
                let why = app.t("staff-signin-needed");
                open(app, Some(why));
            }
        },
    );
}

pub fn update(app: &mut App, a: Action) {
    let f = &mut app.session.signin;
    match a {
        Action::Back | Action::Click(Target::Button(Button::No)) => {
            f.password.clear();
            app.session.overlay = None;
            let msg = app.t("staff-signin-skipped");
            app.flash(msg);
        }
        Action::Interrupt => {
            f.password.clear();
            app.session.overlay = None;
            super::update::request_quit(app);
        }
        Action::Up | Action::Down | Action::FocusNext | Action::FocusPrev => {
            f.on_password = !f.on_password
        }
        Action::Enter if !f.on_password => f.on_password = true,
        Action::Enter | Action::Click(Target::Button(Button::Yes)) => submit(app),
        a => {
            f.input_mut().edit(a);
        }
    }
}

/// Sends the sign-in (once: Enter again while it is on its way sends nothing).
fn submit(app: &mut App) {
    let incomplete = app.t("staff-signin-incomplete");
    let f = &mut app.session.signin;
    let id = f.id.value().trim().to_string();
    if id.is_empty() || f.password.is_empty() {
        f.on_password = !id.is_empty();
        f.note = Some(incomplete);
        return;
    }
    let password = f.password.text().to_string();
    f.password.clear();
    let Some(dir) = app.config_dir.clone() else {
        f.note = Some(incomplete);
        return;
    };
    let sent = app.store.through_server(
        None,
        Some(WriteKind::SignIn),
        move |t, _| {
            let signed = crate::terminal::sign_in(&t.remote, &dir, &id, &password)?;
            t.set_signin(Some(signed.signin));
            // What waited for a sign-in goes now.
            let _ = t.sync();
            Ok(signed.staff)
        },
        signed_in,
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// The server's answer to a sign-in.
fn signed_in(app: &mut App, result: Result<String, String>) {
    match result {
        Ok(staff) => {
            if let Some(link) = app.store.server.as_mut() {
                link.sign_in_needed = false;
                if let Some(state) = link.state.as_mut() {
                    state.signed_in = true;
                }
            }
            if app.session.overlay == Some(Overlay::SignIn) {
                app.session.overlay = None;
            }
            app.session.signin.note = None;
            let msg =
                app.tr("staff-signed-in-as", &[("id", crate::visible::one_line(&staff).into())]);
            app.flash(msg);
            super::refresh::look_soon(app);
        }
        Err(e) => {
            app.session.signin.note = Some(e.clone());
            if app.session.overlay != Some(Overlay::SignIn) {
                app.flash_error(e);
            }
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let f = &app.session.signin;
    let w = 56usize;
    let mut body: Vec<Line> = wrap(&app.t("staff-signin-intro"), w)
        .into_iter()
        .map(|l| Line::styled(l, t.base))
        .collect();
    body.push(Line::raw(""));
    let masked = "*".repeat(f.password.text().chars().count());
    let label_w = 16;
    for (label, value, here) in [
        (app.t("staff-signin-id"), f.id.text().to_string(), !f.on_password),
        (app.t("staff-signin-password"), masked, f.on_password),
    ] {
        body.push(Line::from(vec![
            Span::styled(if here { "> " } else { "  " }, t.key),
            Span::styled(pad(&label, label_w), t.heading),
            Span::styled(format!("[{}]", pad(&value, 24)), if here { t.cursor } else { t.base }),
        ]));
    }
    body.push(Line::raw(""));
    if app.store.writing(WriteKind::SignIn) {
        body.push(Line::styled(app.t("staff-signin-working"), t.warn));
    } else if let Some(note) = &f.note {
        for l in wrap(note, w) {
            body.push(Line::styled(l, t.error));
        }
    }
    let h = body.len() as u16 + 4;
    let b = centred(area, (w + 4) as u16, h);
    let inner = frame_box(frame, app, b, &app.t("staff-signin-title"));
    lines(frame, inner, body, t.base);
    if let Some(r) = row(inner, inner.height.saturating_sub(1)) {
        let yes = (format!("[Enter {}]", app.t("staff-signin-button")), Button::Yes);
        let no = (format!("[Esc {}]", app.t("wizard-back")), Button::No);
        lines(frame, r, vec![button_pair(app, Some(r), 1, yes, no, hits)], t.base);
    }
}
