//! Step 1, and the resident screen: find a resident by user number, or register a new one.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::{Locale, t, tr};
use crate::store::{Affected, Resident, ResidentInput};

use super::super::action::Action;
use super::super::app::{App, Button, Field, Hits, ResidentForm, Target};
use super::super::panes::{lines, row};
use super::super::store_worker::{Slot, WriteKind};
use super::super::text::{pad, truncate, width, wrap};

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still editing.
    Editing,
    /// A resident was found or registered: her user number.
    Chosen(String),
    /// Esc: leave the form.
    Leave,
    /// An edit that changes some of her active bookings: to be reviewed before it is saved.
    Review(ResidentInput, Vec<Affected>),
    /// The form is filled in: the store is to be asked (see [`ask`]).
    Submit(FormJob),
}

/// What a filled-in form asks of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormJob {
    /// Is this user number registered?
    Find(String),
    /// Register her (unless the number is registered already).
    Register(ResidentInput),
    /// Save her edited record (or list the bookings it changes, for review).
    Edit(ResidentInput),
}

/// Where a resident form lives: its answer from the store is applied there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPlace {
    /// The resident screen (`u`).
    Resident,
    /// The wizard's first step.
    Wizard,
    /// The registry's form.
    Registry,
}

/// The form of `place`, while it is open.
pub fn form_at(app: &mut App, place: FormPlace) -> Option<&mut ResidentForm> {
    match place {
        FormPlace::Resident => Some(&mut app.session.resident_form),
        FormPlace::Wizard => app.session.wizard.as_mut().map(|w| &mut w.form),
        FormPlace::Registry => app.session.registry.form.as_mut(),
    }
}

/// What the store said to a saved edit.
enum Edited {
    Saved(Resident),
    Review(ResidentInput, Vec<Affected>),
}

/// Sends the form's question to the store; `then` handles the outcome once it has answered
/// (at `place`). A registration or edit is a write: while one is pending, another is not sent.
pub fn ask(app: &mut App, place: FormPlace, job: FormJob, then: fn(&mut App, FormOutcome)) {
    let now = app.now;
    let terminal = app.terminal_id.clone();
    let sent = match job {
        FormJob::Find(id) => {
            let asked = id.clone();
            app.store.read(
                Slot::Form,
                move |store, _| store.resident(&id),
                move |app, r| {
                    let lang = app.session.lang;
                    let Some(form) = form_at(app, place) else { return };
                    // The number was changed since: this answer is not about the form any more.
                    if form.register || form.number.value() != asked {
                        return;
                    }
                    let outcome = match r {
                        Ok(Some(r)) => {
                            form.error = None;
                            FormOutcome::Chosen(r.id)
                        }
                        Ok(None) => {
                            switch(form, true);
                            form.error = Some(tr(
                                lang,
                                "staff-not-registered",
                                &[("id", asked.clone().into())],
                            ));
                            form.focus(Field::Birth);
                            FormOutcome::Editing
                        }
                        Err(e) => {
                            form.error = Some(e.to_string());
                            FormOutcome::Editing
                        }
                    };
                    then(app, outcome)
                },
            );
            true
        }
        FormJob::Register(input) => app.store.write(
            WriteKind::Resident,
            move |store, _| {
                if store.resident(&input.id)?.is_some() {
                    return Ok(Err(input.id));
                }
                store.add_resident(&input, now, &terminal).map(Ok)
            },
            move |app, r| {
                let outcome = match r {
                    Ok(Ok(resident)) => Ok(resident),
                    Ok(Err(id)) => Err(app.tr("staff-already-registered", &[("id", id.into())])),
                    Err(e) => Err(e.to_string()),
                };
                answered(app, place, outcome, then)
            },
        ),
        FormJob::Edit(input) => app.store.write(
            WriteKind::Resident,
            move |store, ds| {
                // What the change does to her active bookings is shown for review first.
                let affected = store.resident_change_preview(ds, &input, now)?;
                if !affected.is_empty() {
                    return Ok(Edited::Review(input, affected));
                }
                store
                    .update_resident(ds, &input, now, &terminal, &[])
                    .map(|u| Edited::Saved(u.resident))
            },
            move |app, r| match r {
                Ok(Edited::Review(input, affected)) => {
                    then(app, FormOutcome::Review(input, affected))
                }
                Ok(Edited::Saved(resident)) => answered(app, place, Ok(resident), then),
                Err(e) => answered(app, place, Err(e.to_string()), then),
            },
        ),
    };
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// A save's answer: the resident chosen (whether or not her form is still open: the save is
/// done), or the store's words on the form (in the status line when the form has closed).
fn answered(
    app: &mut App,
    place: FormPlace,
    outcome: Result<Resident, String>,
    then: fn(&mut App, FormOutcome),
) {
    match outcome {
        Ok(r) => {
            if let Some(form) = form_at(app, place) {
                form.error = None;
            }
            then(app, FormOutcome::Chosen(r.id))
        }
        Err(e) => match form_at(app, place) {
            Some(form) => form.error = Some(e),
            None => app.flash_error(e),
        },
    }
}

/// A date as typed: `2026-11-20`, `2026/11/20`, `2026.11.20` or `20261120`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    if s.len() == 8 && digits.len() == 8 {
        return NaiveDate::parse_from_str(&digits, "%Y%m%d").ok();
    }
    let norm: String = s.chars().map(|c| if c == '/' || c == '.' { '-' } else { c }).collect();
    NaiveDate::parse_from_str(&norm, "%Y-%m-%d").ok()
}

/// Applies an action to a form; a filled-in form comes back as [`FormOutcome::Submit`], for
/// [`ask`] to send to the store.
pub fn update_form(
    form: &mut ResidentForm,
    lang: Locale,
    now: NaiveDateTime,
    a: Action,
) -> FormOutcome {
    let n = form.fields().len();
    match a {
        Action::Back => return FormOutcome::Leave,
        Action::Up | Action::FocusPrev => form.field = (form.field + n - 1) % n,
        Action::Down | Action::FocusNext => form.field = (form.field + 1) % n,
        Action::SwitchForm if !form.edit => switch(form, !form.register),
        Action::Click(Target::Button(Button::Register)) if !form.edit => switch(form, true),
        Action::Click(Target::Button(Button::Find)) if !form.edit => switch(form, false),
        Action::Click(Target::FormField(i)) => {
            if form.field == i {
                toggle(form);
            }
            form.field = i.min(n - 1);
        }
        Action::Toggle | Action::Yes | Action::No => {
            if !form.current_is_text() {
                match a {
                    Action::Yes => set(form, true),
                    Action::No => set(form, false),
                    _ => toggle(form),
                }
            }
        }
        Action::Enter | Action::Click(Target::Button(Button::Next)) => {
            return submit(form, lang, now);
        }
        Action::Click(Target::Button(Button::Back)) => return FormOutcome::Leave,
        a => {
            if let Some(input) = form.input_mut() {
                input.edit(a);
            }
        }
    }
    FormOutcome::Editing
}

fn switch(form: &mut ResidentForm, register: bool) {
    form.register = register;
    form.field = form.field.min(form.fields().len() - 1);
    form.error = None;
}

fn toggle(form: &mut ResidentForm) {
    match form.current() {
        Field::Corrected => form.corrected = !form.corrected,
        Field::Exempt => form.exempt = !form.exempt,
        _ => {}
    }
}

fn set(form: &mut ResidentForm, v: bool) {
    match form.current() {
        Field::Corrected => form.corrected = v,
        Field::Exempt => form.exempt = v,
        _ => {}
    }
}

fn submit(form: &mut ResidentForm, lang: Locale, now: NaiveDateTime) -> FormOutcome {
    let id = form.number.value().to_string();
    if id.is_empty() {
        form.error = Some(t(lang, "staff-need-number"));
        form.focus(Field::Number);
        return FormOutcome::Editing;
    }
    if !form.register {
        return FormOutcome::Submit(FormJob::Find(id));
    }
    let Some(birth) = parse_date(form.birth.value()) else {
        form.error = Some(bad_date(lang, Field::Birth));
        form.focus(Field::Birth);
        return FormOutcome::Editing;
    };
    let due = if form.due.is_empty() {
        None
    } else {
        match parse_date(form.due.value()) {
            Some(d) => Some(d),
            None => {
                form.error = Some(bad_date(lang, Field::Due));
                form.focus(Field::Due);
                return FormOutcome::Editing;
            }
        }
    };
    let babies = if form.babies.is_empty() {
        1
    } else {
        match form.babies.value().parse::<u32>() {
            Ok(n) if (1..=10).contains(&n) => n,
            _ => {
                form.error = Some(t(lang, "staff-bad-babies"));
                form.focus(Field::Babies);
                return FormOutcome::Editing;
            }
        }
    };
    if form.corrected && due.is_none() {
        form.error = Some(t(lang, "staff-corrected-needs-due"));
        form.focus(Field::Due);
        return FormOutcome::Editing;
    }
    if birth > now.date() {
        form.error = Some(t(lang, "staff-birth-in-future"));
        form.focus(Field::Birth);
        return FormOutcome::Editing;
    }
    let input = ResidentInput {
        id: id.clone(),
        birth,
        due,
        corrected: form.corrected,
        babies,
        exempt: form.exempt,
    };
    if form.edit {
        return FormOutcome::Submit(FormJob::Edit(input));
    }
    FormOutcome::Submit(FormJob::Register(input))
}

/// A yes/no field as a check box with its word: `[x] はい`, `[ ] no`.
pub fn check(lang: Locale, on: bool) -> String {
    tr(lang, "staff-check", &[("on", if on { "yes" } else { "no" }.into())])
}

/// Draws the form into `area` (no border); records clickable fields and the mode tabs.
pub fn draw_form(frame: &mut Frame, app: &App, form: &ResidentForm, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let w = usize::from(area.width);
    let mut y = 0u16;
    let put = |frame: &mut Frame, line: Line<'_>, y: &mut u16| {
        if let Some(r) = row(area, *y) {
            lines(frame, r, vec![line], t.base);
        }
        *y += 1;
    };
    if form.edit {
        let editing = app.tr("staff-editing-resident", &[("id", form.number.value().into())]);
        for l in wrap(&editing, w) {
            put(frame, Line::styled(l, t.heading), &mut y);
        }
    } else {
        for l in wrap(&app.t("staff-resident-intro"), w) {
            put(frame, Line::styled(l, t.heading), &mut y);
        }
        // Mode tabs, clickable.
        let find = format!("[{}]", app.t("staff-find-tab"));
        let reg = format!("[{}]", app.t("staff-register-tab"));
        let (fs, rs) =
            if form.register { (t.muted, t.step_current) } else { (t.step_current, t.muted) };
        let hint = format!("  {}", app.t("staff-switch-hint"));
        let hint_room = w.saturating_sub(width(&find) + width(&reg) + 1);
        if let Some(r) = row(area, y) {
            let fw = width(&find) as u16;
            let rw = width(&reg) as u16;
            hits.add(Rect { width: fw.min(r.width), ..r }, Target::Button(Button::Find));
            hits.add(
                Rect { x: r.x + fw + 1, width: rw.min(r.width.saturating_sub(fw + 1)), ..r },
                Target::Button(Button::Register),
            );
        }
        put(
            frame,
            Line::from(vec![
                Span::styled(find, fs),
                Span::raw(" "),
                Span::styled(reg, rs),
                // Whole or not at all: a hint is never cut mid-word.
                Span::styled(if width(&hint) <= hint_room { hint } else { String::new() }, t.muted),
            ]),
            &mut y,
        );
    }
    y += 1;
    let label_w = label_width(lang);
    let field_w = 14usize;
    let mut below: Option<String> = None;
    for (i, f) in form.fields().iter().enumerate() {
        let current = i == form.field.min(form.fields().len() - 1);
        let marker = if current { "> " } else { "  " };
        let label = pad(&field_label(lang, *f), label_w);
        let help = tr(lang, "staff-help", &[("field", field_key(*f).into())]);
        let value = match f {
            Field::Number => form.number.text().to_string(),
            Field::Birth => form.birth.text().to_string(),
            Field::Due => form.due.text().to_string(),
            Field::Babies => form.babies.text().to_string(),
            Field::Corrected => check(lang, form.corrected),
            Field::Exempt => check(lang, form.exempt),
        };
        let is_text = !matches!(f, Field::Corrected | Field::Exempt);
        let shown = if is_text { format!("[{}]", pad(&value, field_w)) } else { value };
        let used = 2 + label_w + 1 + width(&shown) + 2;
        // A hint that does not fit beside its field is shown whole under the form, for the
        // field with the cursor: never cut mid-word.
        let inline = width(&help) <= w.saturating_sub(used);
        let help_inline = if inline { format!("  {help}") } else { String::new() };
        if current && !inline {
            below = Some(help);
        }
        let line = Line::from(vec![
            Span::styled(marker, if current { t.key } else { t.base }),
            Span::styled(format!("{label} "), if current { t.heading } else { t.base }),
            Span::styled(shown, if current { t.cursor } else { t.input }),
            Span::styled(help_inline, t.muted),
        ]);
        if let Some(r) = row(area, y) {
            hits.add(r, Target::FormField(i));
            if current && is_text {
                let input = match f {
                    Field::Number => &form.number,
                    Field::Birth => &form.birth,
                    Field::Due => &form.due,
                    _ => &form.babies,
                };
                let x = r.x + (2 + label_w + 2 + input.cursor_width().min(field_w)) as u16;
                if x < r.x + r.width && app.session.overlay.is_none() {
                    frame.set_cursor_position((x, r.y));
                }
            }
        }
        put(frame, line, &mut y);
    }
    if let Some(help) = below {
        for l in wrap(&help, w.saturating_sub(4)) {
            put(frame, Line::styled(format!("    {l}"), t.muted), &mut y);
        }
    }
    y += 1;
    if let Some(e) = &form.error {
        for l in wrap(e, w) {
            put(frame, Line::styled(l, t.error), &mut y);
        }
    }
    if let Some(info) = &app.session.resident {
        let l = app.tr("staff-current-resident", &[("id", info.resident.id.as_str().into())]);
        put(frame, Line::styled(truncate(&l, w), t.muted), &mut y);
    }
}

/// The message key of a form field (`staff-field`, `staff-help`, `staff-bad-date`).
fn field_key(f: Field) -> &'static str {
    match f {
        Field::Number => "number",
        Field::Birth => "birth",
        Field::Due => "due",
        Field::Babies => "babies",
        Field::Corrected => "corrected",
        Field::Exempt => "exempt",
    }
}

/// A form field's name: 利用者番号, Birth date…
pub fn field_label(lang: Locale, f: Field) -> String {
    tr(lang, "staff-field", &[("field", field_key(f).into())])
}

/// The width of the labels' column: the longest label and a space, 12 cells at least (the
/// Japanese labels, 10 cells, have always had two spaces after them).
pub fn label_width(lang: Locale) -> usize {
    const ALL: [Field; 6] =
        [Field::Number, Field::Birth, Field::Due, Field::Babies, Field::Corrected, Field::Exempt];
    ALL.iter().map(|f| width(&field_label(lang, *f)) + 1).max().unwrap_or(0).max(12)
}

/// A date field that is not a date (only the birth and due dates are).
fn bad_date(lang: Locale, f: Field) -> String {
    tr(lang, "staff-bad-date", &[("field", field_key(f).into())])
}
