//! What a kiosk draws on top of the shared screens: the journey bar, the identification form,
//! the public guide pane, the staff PIN prompt and the idle countdown. Nothing here reads a
//! resident other than the identified one, and no file path is ever drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::Locale;
use crate::kiosk as rules;

use super::app::{App, Button, Hits, Pane, Screen, Target};
use super::help::{centred, frame_box};
use super::kiosk::{IdentifyNote, PinNote, journey_step};
use super::panes::{button_pair, framed, lines, row};
use super::text::{clip_words, pad, truncate, width, wrap};
use crate::i18n::words;

/// The top line at a kiosk: the title, the journey with the current step bracketed, and the
/// start-over button (always visible, clickable). In a narrow window the title and the help hint
/// give way first.
pub fn title_bar(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let current = journey_step(app);
    let mut journey = Vec::new();
    for step in 1..=3 {
        if step > 1 {
            journey.push(Span::styled(" > ", t.muted));
        }
        let name = ["journey-guide", "journey-identify", "journey-book"][step - 1];
        let label = format!("{step} {}", app.t(name));
        let (text, style) = if step == current {
            (format!("[{label}]"), t.step_current)
        } else if step < current {
            (label, t.step_done)
        } else {
            (label, t.step_todo)
        };
        journey.push(Span::styled(text, style));
    }
    let journey_w: usize = journey.iter().map(|s| width(&s.content)).sum();
    let title = format!(" {} ", words::dataset_text(app.session.lang, &app.ds.programme.name));
    let button = format!("[F5 {}]", app.t("start-over"));
    let help = format!(" {} ", app.t("help-hint"));
    let room = usize::from(area.width);
    let fits = |parts: usize| parts <= room;
    let with_title = fits(width(&title) + 1 + journey_w + 1 + width(&button));
    let with_help = fits(
        if with_title { width(&title) + 1 } else { 1 }
            + journey_w
            + 1
            + width(&button)
            + width(&help),
    );
    let mut spans = Vec::new();
    if with_title {
        spans.push(Span::styled(title, t.title));
    }
    spans.push(Span::raw(" "));
    spans.extend(journey);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let right = width(&button) + if with_help { width(&help) } else { 0 };
    if used + 1 + right <= room {
        spans.push(Span::raw(" ".repeat(room - used - right)));
        let x = area.x + (room - right) as u16;
        hits.add(
            Rect { x, width: width(&button) as u16, ..area },
            Target::Button(Button::StartOver),
        );
        spans.push(Span::styled(button, t.button));
        if with_help {
            spans.push(Span::styled(help, t.muted));
        }
    }
    lines(frame, area, vec![Line::from(spans)], t.base);
}

/// The rows under the top line at a kiosk: on the welcome screen, every language named in
/// itself (click one, or `L` for the next); in a language other than Japanese, that the Japanese
/// text is the authoritative one. Returns the area left for the screen.
pub fn language_rows(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) -> Rect {
    let t = &app.session.theme;
    let welcome = app.session.screen == Screen::Main && app.identified().is_none();
    let note = !app.session.lang.is_japanese();
    let rows = 2 * u16::from(welcome) + u16::from(note);
    if area.height <= rows + 8 {
        return area;
    }
    let mut y = area.y;
    if welcome {
        let languages: Vec<(String, bool, Target)> = Locale::all()
            .map(|l| (l.native_name(), l == app.session.lang, Target::Lang(l)))
            .collect();
        let label = format!("L {}", app.t("language-label"));
        choice_row(frame, app, Rect { y, height: 1, ..area }, ("L", &label), &languages, hits);
        y += 1;
        let sizes: Vec<(String, bool, Target)> =
            [(false, "text-size-standard"), (true, "text-size-large")]
                .into_iter()
                .map(|(large, id)| (app.t(id), large == app.session.large, Target::Large(large)))
                .collect();
        let label = format!("T {}", app.t("text-size-label"));
        choice_row(frame, app, Rect { y, height: 1, ..area }, ("T", &label), &sizes, hits);
        y += 1;
    }
    if note {
        let r = Rect { y, height: 1, ..area };
        let text = format!(" {}", app.t("authoritative-note"));
        lines(frame, r, vec![Line::styled(truncate(&text, usize::from(r.width)), t.muted)], t.base);
        y += 1;
    }
    Rect { y, height: area.height - (y - area.y), ..area }
}

/// A row of choices on the welcome screen (the languages, the text size): its key and label
/// (the key alone where the label does not fit), then each choice, the current one bracketed
/// and the others between spaces so no colour is needed, each a click target.
fn choice_row(
    frame: &mut Frame,
    app: &App,
    r: Rect,
    (key, label): (&str, &str),
    choices: &[(String, bool, Target)],
    hits: &mut Hits,
) {
    let t = &app.session.theme;
    let room = usize::from(r.width);
    let list_w: usize = choices.iter().map(|(n, ..)| width(n) + 2).sum();
    let label = format!(" {label}: ");
    let lead = if width(&label) + list_w <= room { label } else { format!(" {key} ") };
    let mut x = width(&lead);
    let mut spans = vec![Span::styled(lead, t.key)];
    for (name, current, target) in choices {
        let text = if *current { format!("[{name}]") } else { format!(" {name} ") };
        let w = width(&text);
        if x + w > room {
            break;
        }
        hits.add(Rect { x: r.x + x as u16, width: w as u16, ..r }, *target);
        spans.push(Span::styled(text, if *current { t.step_current } else { t.button }));
        x += w;
    }
    lines(frame, r, vec![Line::from(spans)], t.base);
}

/// The bottom line at a kiosk: the mode, who is identified, the message or the keys, the clock.
pub fn status_line(frame: &mut Frame, app: &App, area: Rect) {
    let who = match app.identified() {
        Some(id) => app.tr("identified-as", &[("id", id.into())]),
        None => app.t("not-identified"),
    };
    let keys = match app.identified() {
        Some(_) => app.t("status-keys-identified"),
        None => app.t("status-keys-public"),
    };
    super::view::status_bar(frame, app, area, &who, (&keys, app.session.theme.status));
}

/// The identification form: two fields, plain words, the generic answer, the lockout countdown.
pub fn draw_identify(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let Some(k) = &app.kiosk else { return };
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("identify-title"), true, Pane::Facilities, hits);
    if inner.height < 3 {
        return;
    }
    // Indented and not wider than 76 cells, so the eye finds it.
    let pad_x = if inner.width > 80 { (inner.width - 76) / 2 } else { 1 };
    let body = Rect {
        x: inner.x + pad_x,
        width: inner.width.saturating_sub(2 * pad_x),
        y: inner.y + u16::from(inner.height > 16),
        height: inner.height.saturating_sub(u16::from(inner.height > 16)),
    };
    let w = usize::from(body.width);
    let mut out: Vec<Line> = Vec::new();
    for l in wrap(&app.t("identify-intro"), w) {
        out.push(Line::styled(l, t.heading));
    }
    out.push(Line::raw(""));
    let labels = [app.t("identify-number"), app.t("identify-birth")];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let field_w = 16usize;
    let f = &app.session.identify;
    for (i, (label, input)) in labels.iter().zip([&f.number, &f.birth]).enumerate() {
        let current = f.field == i;
        let y = out.len() as u16;
        if let Some(r) = row(body, y) {
            hits.add(r, Target::FormField(i));
            if current && app.session.overlay.is_none() {
                let x = r.x + (2 + label_w + 2 + input.cursor_width().min(field_w)) as u16;
                if x < r.x + r.width {
                    frame.set_cursor_position((x, r.y));
                }
            }
        }
        let help =
            if i == 1 { format!("  {}", app.t("identify-birth-example")) } else { String::new() };
        let used = 2 + label_w + 1 + field_w + 2;
        out.push(Line::from(vec![
            Span::styled(if current { "> " } else { "  " }, t.key),
            Span::styled(format!("{} ", pad(label, label_w)), t.heading),
            Span::styled(
                format!("[{}]", pad(input.text(), field_w)),
                if current { t.cursor } else { t.input },
            ),
            Span::styled(clip_words(&help, w.saturating_sub(used)), t.muted),
        ]));
        out.push(Line::raw(""));
    }
    let locked = k.identify_locked();
    let note = match (f.note, locked) {
        (_, Some(secs)) => Some((app.tr("identify-locked", &[("secs", secs.into())]), t.error)),
        (Some(IdentifyNote::Locked), None) => Some((app.t("identify-unlocked"), t.ok)),
        (Some(IdentifyNote::Failed), None) => {
            // How many tries are left before the pause: the terminal's streak now (it is
            // forgotten after a while), the same words whichever value was wrong.
            let left = rules::MAX_FAILURES.saturating_sub(k.terminal.failures(k.ms));
            let secs = u32::try_from(rules::LOCKOUT_MS / 1000).unwrap_or(u32::MAX);
            let tries =
                app.tr("identify-tries-left", &[("left", left.into()), ("secs", secs.into())]);
            Some((format!("{}\n{tries}", app.t("identify-failed")), t.error))
        }
        (Some(IdentifyNote::Incomplete), None) => Some((app.t("identify-incomplete"), t.error)),
        (Some(IdentifyNote::BadDate), None) => Some((app.t("identify-bad-date"), t.error)),
        (Some(IdentifyNote::SystemError), None) => Some((app.t("kiosk-system-error"), t.error)),
        (Some(IdentifyNote::Offline), None) => Some((app.t("identify-offline"), t.error)),
        (Some(IdentifyNote::Paused), None) => Some((app.t("identify-paused"), t.error)),
        (None, None) => None,
    };
    if let Some((text, style)) = note {
        for l in wrap(&text, w) {
            out.push(Line::styled(l, style));
        }
        out.push(Line::raw(""));
    }
    // Buttons, then the keys.
    let confirm = (format!("[Enter {}]", app.t("identify-button")), Button::Next);
    let back = (format!("[Esc {}]", app.t("back")), Button::Back);
    out.push(button_pair(app, row(body, out.len() as u16), 0, confirm, back, hits));
    out.push(Line::raw(""));
    out.push(Line::styled(clip_words(&app.t("identify-keys"), w), t.muted));
    lines(frame, body, out, t.base);
}

/// The public pane that stands in for the quota before identification: how to identify, the
/// fees, the cancellation rule and the first contact.
pub fn draw_guide_pane(frame: &mut Frame, app: &App, area: Rect, focused: bool, hits: &mut Hits) {
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("guide-title"), focused, Pane::Quota, hits);
    if inner.is_empty() {
        return;
    }
    let w = usize::from(inner.width);
    let mut out: Vec<Line> = Vec::new();
    for l in wrap(&app.t("guide-identify"), w) {
        out.push(Line::styled(l, t.ok));
    }
    let button = format!("[i {}]", app.t("identify-title"));
    if let Some(r) = row(inner, out.len() as u16) {
        hits.add(
            Rect { width: (width(&button) as u16).min(r.width), ..r },
            Target::Button(Button::Identify),
        );
    }
    out.push(Line::styled(button, t.button));
    out.push(Line::styled(truncate(&app.t("guide-fees"), w), t.heading));
    let lang = app.session.lang;
    for rule in &app.ds.programme.care_types {
        let care = rule.id;
        let text = format!(
            "{} {} {}",
            pad(&words::care_short(lang, care), 6),
            pad(&words::units(lang, rule.limit, care.unit()), 8),
            words::fee_per_unit(lang, rule.fee.base_yen, care.unit())
        );
        out.push(Line::raw(truncate(&text, w)));
    }
    let p = &app.ds.programme;
    let units: Vec<_> = p.offered().map(|c| c.unit()).collect();
    for l in wrap(&words::cancel_rule(lang, &p.cancellation.rule(), &units), w) {
        out.push(Line::styled(l, t.warn));
    }
    if let Some(c) = app.ds.programme.contacts.first() {
        let name = words::dataset_text(app.session.lang, &c.name);
        out.push(Line::raw(truncate(&format!("{} {name}", c.phone), w)));
    }
    out.push(Line::styled(clip_words(&app.t("guide-more"), w), t.muted));
    lines(frame, inner, out, t.base);
}

/// The staff PIN prompt: masked digits, the generic answer, the lockout countdown.
pub fn draw_pin(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let Some(k) = &app.kiosk else { return };
    let t = &app.session.theme;
    let w = 56usize;
    let mut body: Vec<Line> =
        wrap(&app.t("pin-body"), w).into_iter().map(|l| Line::styled(l, t.base)).collect();
    body.push(Line::raw(""));
    let masked = "*".repeat(app.session.pin.text().chars().count());
    body.push(Line::from(vec![
        Span::styled(format!("{}: ", app.t("pin-label")), t.heading),
        Span::styled(format!("[{}]", pad(&masked, 12)), t.cursor),
    ]));
    let note = match (k.pin_locked(), app.session.pin_note) {
        (Some(secs), _) => Some((app.tr("pin-locked", &[("secs", secs.into())]), t.error)),
        (None, Some(PinNote::Wrong)) => Some((app.t("pin-wrong"), t.error)),
        (None, Some(PinNote::Unavailable)) => Some((app.t("pin-unavailable"), t.error)),
        (None, Some(PinNote::Locked)) => Some((app.t("identify-unlocked"), t.ok)),
        (None, None) => None,
    };
    body.push(Line::raw(""));
    if let Some((text, style)) = note {
        for l in wrap(&text, w) {
            body.push(Line::styled(l, style));
        }
    }
    let h = body.len() as u16 + 4;
    let b = centred(area, (w + 4) as u16, h);
    let inner = frame_box(frame, app, b, &app.t("pin-title"));
    lines(frame, inner, body, t.base);
    if let Some(r) = row(inner, inner.height.saturating_sub(1)) {
        let yes = (format!("[Enter {}]", app.t("pin-leave")), Button::Yes);
        let no = (format!("[Esc {}]", app.t("back")), Button::No);
        lines(frame, r, vec![button_pair(app, Some(r), 1, yes, no, hits)], t.base);
    }
}

/// The idle countdown, a box in the middle of the screen in the last 20 s: it asks whether she
/// needs more time. Any key, or a click anywhere (the whole screen is its button, so that a
/// click never acts on the screen half hidden behind it), gives her the full time again, as
/// often as she needs.
pub fn draw_countdown(frame: &mut Frame, app: &App, area: Rect, secs: u32, hits: &mut Hits) {
    let t = &app.session.theme;
    let w = 50usize;
    let mut body: Vec<Line> = wrap(&app.tr("countdown", &[("secs", secs.into())]), w)
        .into_iter()
        .map(|l| Line::styled(l, t.warn))
        .collect();
    body.push(Line::raw(""));
    let button = format!("[ {} ]", app.t("countdown-more"));
    body.push(Line::styled(button, t.button).centered());
    let b = centred(area, (w + 4) as u16, body.len() as u16 + 2);
    let inner = frame_box(frame, app, b, &app.t("countdown-title"));
    lines(frame, inner, body, t.base);
    hits.add(frame.area(), Target::Button(Button::MoreTime));
}
