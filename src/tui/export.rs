//! Export from the app (staff, `e`): every booking in the formats of `sango export` — JSON (for
//! `sango import` on another terminal), CSV (Excel, UTF-8 with BOM) or iCalendar — written into
//! the data folder's `exports/` under a timestamped name. The dialog shows the file's path.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::store::ExportFormat;

use super::action::Action;
use super::app::{App, Button, Hits, Overlay, Target};
use super::help::{centred, frame_box};
use super::panes::{lines, list_line, row};
use super::store_worker::WriteKind;
use super::text::{truncate, wrap};

/// The formats, in the dialog's order.
pub const FORMATS: [ExportFormat; 3] = [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Ics];

/// The export dialog's state.
#[derive(Debug, Clone, Default)]
pub struct ExportDialog {
    pub cursor: usize,
    /// The last export: the file written, or why not.
    pub result: Option<Result<PathBuf, String>>,
}

/// Opens the dialog.
pub fn open(app: &mut App) {
    app.session.export.result = None;
    app.session.overlay = Some(Overlay::Export);
}

pub fn update(app: &mut App, a: Action) {
    let d = &mut app.session.export;
    match a {
        Action::Back | Action::Export | Action::Click(Target::Button(Button::Close)) => {
            app.session.overlay = None;
        }
        Action::Up | Action::ScrollUp(_) => d.cursor = d.cursor.saturating_sub(1),
        Action::Down | Action::ScrollDown(_) => d.cursor = (d.cursor + 1).min(FORMATS.len() - 1),
        Action::Click(Target::Row(i)) if i < FORMATS.len() => {
            if d.cursor == i {
                write(app);
            } else {
                d.cursor = i;
            }
        }
        Action::Enter | Action::Click(Target::Button(Button::Next)) => write(app),
        _ => {}
    }
}

/// `sango-20261120-103000.csv`, with `-2`, `-3`... when a file of that name exists.
fn file_name(dir: &Path, now: NaiveDateTime, format: ExportFormat) -> PathBuf {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let mut path = dir.join(format!("sango-{stamp}.{format}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("sango-{stamp}-{n}.{format}"));
        n += 1;
    }
    path
}

/// Writes the chosen format (on the store's thread: the store reads it, the file is written
/// there too) and keeps the path (or the reason) for the dialog.
fn write(app: &mut App) {
    let format = FORMATS[app.session.export.cursor.min(FORMATS.len() - 1)];
    let Some(data) = app.data_dir.clone() else {
        app.session.export.result = Some(Err(app.t("staff-export-no-dir")));
        return;
    };
    let (now, today) = (app.now, app.today());
    let sent = app.store.write(
        WriteKind::Export,
        move |store, ds| {
            let text = match format {
                ExportFormat::Json => store.export_json(ds.programme.ward_code.as_deref()),
                ExportFormat::Csv => store.export_csv(Some(ds), today),
                ExportFormat::Ics => store.export_ics(Some(ds)),
            }?;
            Ok((|| {
                let dir = crate::store::paths::exports_dir(&data).map_err(|e| e.to_string())?;
                let path = file_name(&dir, now, format);
                crate::private_file::write(&path, text.as_bytes()).map_err(|e| e.to_string())?;
                Ok(path)
            })())
        },
        |app, result| {
            app.session.export.result = Some(result.unwrap_or_else(|e| Err(e.to_string())));
        },
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let d = &app.session.export;
    let w = usize::from(area.width.saturating_sub(4).min(76));
    let mut body: Vec<Line> = wrap(&app.t("staff-export-intro"), w)
        .into_iter()
        .map(|l| Line::styled(l, t.heading))
        .collect();
    body.push(Line::raw(""));
    let first_row = body.len() as u16;
    for (i, f) in FORMATS.iter().enumerate() {
        let current = i == d.cursor;
        let style = if current { t.cursor } else { t.base };
        body.push(list_line(app, current, &format_name(app, *f), w, style));
    }
    body.push(Line::raw(""));
    match &d.result {
        None => {}
        Some(Ok(path)) => {
            body.push(Line::styled(app.t("staff-export-done"), t.ok));
            for l in wrap(&path.display().to_string(), w) {
                body.push(Line::styled(l, t.ok));
            }
        }
        Some(Err(e)) => {
            for l in wrap(e, w) {
                body.push(Line::styled(l, t.error));
            }
        }
    }
    body.push(Line::raw(""));
    body.push(Line::styled(truncate(&app.t("staff-export-hints"), w), t.muted));
    let h = body.len() as u16 + 2;
    let b = centred(area, (w + 4) as u16, h);
    let inner = frame_box(frame, app, b, &app.t("staff-export-title"));
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    for i in 0..FORMATS.len() {
        if let Some(r) = row(inner, first_row + i as u16) {
            hits.add(r, Target::Row(i));
        }
    }
    lines(frame, inner, body, t.base);
}

/// A format with what it is for: `CSV（Excel で開く）`.
fn format_name(app: &App, f: ExportFormat) -> String {
    let key = match f {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Ics => "ics",
    };
    app.tr("staff-export-format", &[("format", key.into())])
}
