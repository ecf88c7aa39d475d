//! The resident registry (staff, `r`): every registered resident, found by user number, registered
//! and edited (birth date, due date, babies, 修正月齢, fee exemption) with the same checks as the
//! CLI and the store. The selected resident's quota and bookings are shown beside the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::store::{BookingFilter, Status};

use super::action::Action;
use super::app::{App, Field, Hits, Pane, ResidentForm, ResidentInfo, Screen, Target};
use super::input::Input;
use super::panes::facilities::scroll_offset;
use super::panes::{boxed, framed, hint_row, lines, list_line, row};
use super::store_worker::Slot;
use super::text::{display_safe, pad, pad_left, truncate, width};
use super::wizard::resident::{
    FormOutcome, FormPlace, ask, check, field_label, label_width, update_form,
};
use super::{booking_words, pane_words};
use crate::i18n::words;

/// One line of the list: a resident and how many of her bookings are active today.
#[derive(Debug, Clone)]
pub struct Entry {
    pub resident: crate::store::Resident,
    pub active: usize,
}

/// The registry's state.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Every resident, by user number, as last read from the store.
    pub all: Vec<Entry>,
    /// Keeps the residents whose user number contains it (case-insensitive).
    pub filter: Input,
    /// Keys go into the filter.
    pub searching: bool,
    /// Index into the filtered list.
    pub cursor: usize,
    pub offset: usize,
    /// The selected resident's record, quota and bookings.
    pub selected: Option<ResidentInfo>,
    /// The register or edit form, when open.
    pub form: Option<ResidentForm>,
    /// An edit waiting for review of what it does to her bookings.
    pub review: Option<super::resident_review::Review>,
    pub error: Option<String>,
    /// The resident the cursor goes to when the list next comes from the store (after a save;
    /// a refresh asked meanwhile must not lose it).
    pub select: Option<String>,
}

impl Registry {
    /// Indices into `all` that pass the filter.
    pub fn visible(&self) -> Vec<usize> {
        let q = self.filter.value().to_lowercase();
        self.all
            .iter()
            .enumerate()
            .filter(|(_, e)| q.is_empty() || e.resident.id.to_lowercase().contains(&q))
            .map(|(i, _)| i)
            .collect()
    }

    /// The resident under the cursor.
    pub fn current(&self) -> Option<&Entry> {
        let v = self.visible();
        v.get(self.cursor.min(v.len().saturating_sub(1))).map(|&i| &self.all[i])
    }

    pub fn typing(&self) -> bool {
        if self.review.is_some() {
            return false;
        }
        match &self.form {
            Some(f) => f.current_is_text(),
            None => self.searching,
        }
    }

    /// The text field that has the keys: the form's current field, or the filter while
    /// searching.
    pub fn input_mut(&mut self) -> Option<&mut Input> {
        if self.review.is_some() {
            return None;
        }
        match &mut self.form {
            Some(f) => f.input_mut(),
            None => self.searching.then_some(&mut self.filter),
        }
    }
}

/// The filter changed: the list starts again at its top.
pub fn filter_changed(app: &mut App) {
    if app.session.registry.form.is_none() {
        app.session.registry.cursor = 0;
        app.session.registry.offset = 0;
        load_selected(app);
    }
}

/// Opens the registry, read fresh from the store.
pub fn open(app: &mut App) {
    app.session.registry.form = None;
    app.session.registry.searching = false;
    app.session.screen = Screen::Registry;
    reload(app, None);
}

/// Reads the residents again (on the store's thread); then puts the cursor on `select` when
/// given, else keeps it on the same resident while she is listed (the filter stays; an open
/// form is left as typed).
fn reload(app: &mut App, select: Option<String>) {
    if select.is_some() {
        app.session.registry.select = select;
    }
    let today = app.today();
    app.store.read(
        Slot::Registry,
        |store, _| {
            let residents = store.residents()?;
            let bookings = store.bookings(&BookingFilter::default()).unwrap_or_default();
            Ok((residents, bookings))
        },
        move |app, result| {
            let current = app.session.registry.current().map(|e| e.resident.id.clone());
            let r = &mut app.session.registry;
            r.error = None;
            let (residents, bookings) = result.unwrap_or_else(|e| {
                r.error = Some(e.to_string());
                (Vec::new(), Vec::new())
            });
            fill(r, residents, &bookings, today);
            match r.select.take() {
                Some(id) => {
                    r.filter.clear();
                    place(r, &id);
                }
                None => {
                    if let Some(id) = current {
                        place(r, &id);
                    }
                }
            }
            load_selected(app);
        },
    );
}

/// Reads the residents again after another terminal changed the store.
pub fn refresh(app: &mut App) {
    reload(app, None);
}

/// Every resident with the count of her active bookings.
fn fill(
    r: &mut Registry,
    residents: Vec<crate::store::Resident>,
    bookings: &[crate::store::Booking],
    today: chrono::NaiveDate,
) {
    // Counted once per booking, not once per resident and booking: this runs again whenever
    // another terminal changes the store.
    let mut active: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for b in bookings.iter().filter(|b| b.status_at(today) == Status::Booked) {
        *active.entry(b.resident.as_str()).or_default() += 1;
    }
    r.all = residents
        .into_iter()
        .map(|resident| {
            let active = active.get(resident.id.as_str()).copied().unwrap_or(0);
            Entry { resident, active }
        })
        .collect();
}

/// Puts the cursor on the resident `id` when she is listed.
fn place(r: &mut Registry, id: &str) {
    if let Some(i) = r.visible().iter().position(|&i| r.all[i].resident.id == id) {
        r.cursor = i;
    }
}

/// Reads the selected resident's quota and bookings (shown when they come, if she is still
/// selected; nobody else's are shown meanwhile).
fn load_selected(app: &mut App) {
    let n = app.session.registry.visible().len();
    app.session.registry.cursor = app.session.registry.cursor.min(n.saturating_sub(1));
    let Some(id) = app.session.registry.current().map(|e| e.resident.id.clone()) else {
        app.session.registry.selected = None;
        return;
    };
    if app.session.registry.selected.as_ref().is_some_and(|s| s.resident.id != id) {
        app.session.registry.selected = None;
    }
    let asked = id.clone();
    app.store.read(
        Slot::RegistryPick,
        move |store, ds| {
            let Some(resident) = store.resident(&id)? else { return Ok(None) };
            let filter = BookingFilter { resident: Some(id.clone()), ..Default::default() };
            let bookings = store.bookings(&filter)?;
            let quota = store.quota(&ds.programme, &id)?;
            Ok(Some(ResidentInfo { resident, bookings, quota }))
        },
        move |app, info| {
            let r = &mut app.session.registry;
            if r.current().is_some_and(|e| e.resident.id == asked) {
                r.selected = info.ok().flatten();
            }
        },
    );
}

pub fn update(app: &mut App, a: Action) {
    if app.session.registry.review.is_some() {
        return super::resident_review::update(app, a);
    }
    if app.session.registry.form.is_some() {
        return form_update(app, a);
    }
    if app.session.registry.searching {
        let f = &mut app.session.registry.filter;
        let used = match a {
            Action::Char(c) => {
                f.insert(c);
                true
            }
            Action::Backspace => {
                f.backspace();
                true
            }
            Action::Delete => {
                f.delete();
                true
            }
            Action::Left => {
                f.left();
                true
            }
            Action::Right => {
                f.right();
                true
            }
            Action::Enter => {
                app.session.registry.searching = false;
                true
            }
            Action::Back => {
                f.clear();
                app.session.registry.searching = false;
                true
            }
            _ => false,
        };
        if used {
            return filter_changed(app);
        }
    }
    let n = app.session.registry.visible().len();
    let last = n.saturating_sub(1);
    let page = app.hits.list_rows.max(1);
    let r = &mut app.session.registry;
    match a {
        Action::Back if !r.filter.is_empty() => {
            r.filter.clear();
            r.cursor = 0;
        }
        Action::Back | Action::Registry => {
            app.session.screen = Screen::Main;
            return;
        }
        Action::Search => {
            r.searching = true;
            return;
        }
        Action::Up | Action::ScrollUp(_) => r.cursor = r.cursor.saturating_sub(1),
        Action::Down | Action::ScrollDown(_) => r.cursor = (r.cursor + 1).min(last),
        Action::PageUp => r.cursor = r.cursor.saturating_sub(page),
        Action::PageDown => r.cursor = (r.cursor + page).min(last),
        Action::Home => r.cursor = 0,
        Action::End => r.cursor = last,
        Action::Click(Target::Row(i)) if i < n => {
            if r.cursor == i {
                return edit_current(app);
            }
            r.cursor = i;
        }
        Action::Enter => return edit_current(app),
        Action::SwitchForm => {
            r.form = Some(ResidentForm { register: true, ..ResidentForm::default() });
            return;
        }
        Action::ChooseResident => {
            let Some(id) = r.current().map(|e| e.resident.id.clone()) else { return };
            app.load_resident(&id.clone(), move |app, r| match r {
                Ok(()) => {
                    if app.session.screen == Screen::Registry {
                        app.session.screen = Screen::Main;
                    }
                    let msg = app.tr("staff-resident-chosen", &[("id", id.as_str().into())]);
                    app.flash(msg);
                }
                Err(e) => app.flash_error(e),
            });
            return;
        }
        _ => return,
    }
    let r = &mut app.session.registry;
    r.offset = scroll_offset(r.offset, r.cursor, page, n);
    load_selected(app);
}

fn edit_current(app: &mut App) {
    if let Some(e) = app.session.registry.current() {
        app.session.registry.form = Some(ResidentForm::editing(&e.resident));
    }
}

fn form_update(app: &mut App, a: Action) {
    let outcome = {
        let App { session, now, .. } = app;
        let Some(form) = session.registry.form.as_mut() else { return };
        update_form(form, session.lang, *now, a)
    };
    form_outcome(app, outcome);
}

/// What the registry's form led to (at once, or when the store answered).
fn form_outcome(app: &mut App, outcome: FormOutcome) {
    match outcome {
        FormOutcome::Editing => {}
        FormOutcome::Submit(job) => ask(app, FormPlace::Registry, job, form_outcome),
        FormOutcome::Leave => app.session.registry.form = None,
        FormOutcome::Review(input, affected) => {
            app.session.registry.review =
                Some(super::resident_review::Review::new(input, affected));
        }
        FormOutcome::Chosen(id) => {
            let edited = app.session.registry.form.as_ref().is_some_and(|f| f.edit);
            let registered = app.session.registry.form.as_ref().is_some_and(|f| f.register);
            app.session.registry.form = None;
            saved(app, &id);
            let kind = if edited {
                "saved"
            } else if registered {
                "registered"
            } else {
                "found"
            };
            let msg = app.tr("staff-resident-done", &[("kind", kind.into()), ("id", id.into())]);
            app.flash(msg);
        }
    }
}

/// After a save: the list read again with the cursor on her, and the panes' copy of her record
/// fresh when she is the resident the panes show.
pub fn saved(app: &mut App, id: &str) {
    reload(app, Some(id.to_string()));
    if app.resident_id() == Some(id) {
        app.load_resident(id, |_, _| {});
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let r = &app.session.registry;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(area);
    draw_list(frame, app, left, hits);
    match (&r.review, &r.form) {
        (Some(review), _) => super::resident_review::draw(frame, app, review, right, hits),
        (None, Some(form)) => {
            let title = app.t(if form.edit { "staff-edit-title" } else { "staff-resident-title" });
            let inner = boxed(frame, app, right, &title, true);
            super::wizard::resident::draw_form(frame, app, form, inner, hits);
        }
        (None, None) => draw_detail(frame, app, right, hits),
    }
}

fn draw_list(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let r = &app.session.registry;
    let visible = r.visible();
    let count = app.tr(
        "staff-registry-count",
        &[("shown", visible.len().into()), ("all", r.all.len().into())],
    );
    let title = format!("{} {count}", app.t("staff-registry-title"));
    let inner = framed(frame, app, area, &title, r.form.is_none(), Pane::Facilities, hits);
    if inner.height < 4 {
        return;
    }
    let w = usize::from(inner.width);
    let filter_style = if r.searching { t.cursor } else { t.input };
    let label = app.t("staff-registry-filter");
    let filter_line = Line::from(vec![
        Span::styled(format!("{label} "), t.heading),
        Span::styled(format!("[{}]", pad(r.filter.text(), 12)), filter_style),
    ]);
    lines(frame, Rect { height: 1, ..inner }, vec![filter_line], t.base);
    if r.searching && app.session.overlay.is_none() {
        let x = inner.x + (width(&label) + 2 + r.filter.cursor_width().min(12)) as u16;
        if x < inner.x + inner.width {
            frame.set_cursor_position((x, inner.y));
        }
    }
    // Columns: number, birth, babies, flags, active bookings.
    let cols = ["number", "born", "babies", "flags", "bookings"]
        .map(|c| app.t(&format!("staff-registry-col-{c}")));
    // The user number takes what the other columns leave (they need 2+10+1+3+1+4+1+4 cells).
    let id_w = w.saturating_sub(26).clamp(8, 16);
    let head = format!(
        "  {}{} {} {} {}",
        pad(&cols[0], id_w),
        pad(&cols[1], 10),
        pad_left(&cols[2], 3),
        pad(&cols[3], 4),
        cols[4]
    );
    if let Some(rr) = row(inner, 1) {
        lines(frame, rr, vec![Line::styled(truncate(&head, w), t.heading)], t.base);
    }
    let list = Rect { y: inner.y + 2, height: inner.height - 3, ..inner };
    let fit = usize::from(list.height).max(1);
    let mut out = Vec::new();
    if r.all.is_empty() {
        out.push(Line::styled(truncate(&app.t("staff-registry-empty"), w), t.muted));
    } else if visible.is_empty() {
        out.push(Line::styled(truncate(&app.t("staff-registry-no-match"), w), t.muted));
    }
    let cursor = r.cursor.min(visible.len().saturating_sub(1));
    let offset = scroll_offset(r.offset, cursor, fit, visible.len());
    for (k, &i) in visible.iter().enumerate().skip(offset).take(fit) {
        let e = &r.all[i];
        let current = k == cursor;
        let mut flags = String::new();
        if e.resident.corrected {
            flags.push_str(&app.t("staff-flag-corrected"));
        }
        if e.resident.exempt {
            flags.push_str(&app.t("staff-flag-exempt"));
        }
        let text = format!(
            "{} {} {} {} {}",
            pad(&e.resident.id, id_w - 1),
            e.resident.birth.format("%Y-%m-%d"),
            pad_left(&e.resident.babies.to_string(), 3),
            pad(&flags, 4),
            pad_left(&e.active.to_string(), 2)
        );
        let style = if current { t.cursor } else { t.base };
        out.push(list_line(app, current, &text, w, style));
        if let Some(rr) = row(list, (k - offset) as u16) {
            hits.add(rr, Target::Row(k));
        }
    }
    lines(frame, list, out, t.base);
    let hint =
        app.t(if r.form.is_some() { "staff-registry-form-hints" } else { "staff-registry-hints" });
    hint_row(frame, app, inner, &hint);
    if let Some(e) = &r.error
        && let Some(rr) = row(list, list.height.saturating_sub(1))
    {
        lines(frame, rr, vec![Line::styled(truncate(e, w), t.error)], t.base);
    }
}

/// The selected resident: her record, her quota, her bookings.
fn draw_detail(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("staff-resident-title"), false, Pane::Quota, hits);
    if inner.is_empty() {
        return;
    }
    let w = usize::from(inner.width);
    let Some(info) = &app.session.registry.selected else {
        let empty = app.t("staff-registry-empty");
        lines(frame, inner, vec![Line::styled(truncate(&empty, w), t.muted)], t.base);
        return;
    };
    let r = &info.resident;
    let summary = pane_words::resident_summary(lang, r);
    let mut out = vec![Line::styled(truncate(&summary, w), t.heading)];
    let label_w = label_width(lang);
    let field = |f: Field, v: String| {
        Line::from(vec![
            Span::styled(pad(&field_label(lang, f), label_w), t.muted),
            Span::raw(" "),
            Span::raw(truncate(&v, w.saturating_sub(label_w + 1))),
        ])
    };
    out.push(field(Field::Birth, r.birth.format("%Y-%m-%d").to_string()));
    out.push(field(Field::Due, r.due.map_or("-".into(), |d| d.format("%Y-%m-%d").to_string())));
    out.push(field(Field::Babies, r.babies.to_string()));
    out.push(field(Field::Corrected, check(lang, r.corrected)));
    out.push(field(Field::Exempt, check(lang, r.exempt)));
    let stamp = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
    let times = app.tr(
        "staff-record-times",
        &[("created", stamp(r.created_at).into()), ("updated", stamp(r.updated_at).into())],
    );
    out.push(Line::styled(truncate(&times, w), t.muted));
    out.push(Line::styled(truncate(&app.t("pane-quota-title"), w), t.heading));
    for &(care, q) in &info.quota.types {
        let unit = care.unit();
        out.push(Line::raw(truncate(
            &format!(
                "{} {}",
                pad(&words::care_short(lang, care), 8),
                booking_words::left_of(lang, q.remaining, q.limit, unit)
            ),
            w,
        )));
    }
    out.push(Line::styled(truncate(&app.t("bookings-title"), w), t.heading));
    if info.bookings.is_empty() {
        out.push(Line::styled(truncate(&app.t("staff-no-bookings-short"), w), t.muted));
    }
    for bk in info.bookings.iter().rev() {
        let name = app
            .ds
            .facility(&bk.facility)
            .map_or(bk.facility.clone(), |f| display_safe(words::dataset_text(lang, &f.name)));
        let st = bk.status_at(app.today());
        let text = format!(
            "{} {} {} {}",
            words::short_range(lang, bk.first_day, bk.last_day),
            words::care_short(lang, bk.care),
            words::status(lang, st),
            name
        );
        let style = if st == Status::Booked { t.booked } else { t.muted };
        out.push(Line::styled(truncate(&text, w), style));
    }
    lines(frame, inner, out, t.base);
}
