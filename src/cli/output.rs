//! Printing answers: exactly one JSON value with `--json`, else a table aligned by display width
//! (Japanese text is two cells wide per character).

use std::fmt;
use std::io::{ErrorKind, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::error::{CliError, CliResult};

/// `print!` for the commands: a reader that stops early (`sango bookings | head`) ends the
/// output quietly instead of panicking, and any other failure to write is one clear line.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::output::write_out(format_args!($($arg)*)) };
}

/// `println!` for the commands, see [`out!`].
#[macro_export]
macro_rules! outln {
    () => { $crate::cli::output::write_out(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes to stdout. A closed pipe means the reader has all it wants: exit 0 at once. Another
/// error (a full disk behind a redirection) is reported and exits 1.
pub fn write_out(args: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        failed(e);
    }
}

/// A failed write to stdout: a closed pipe exits 0 at once, another error is reported and
/// exits 1.
pub fn failed(e: std::io::Error) -> ! {
    if e.kind() == ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let error = crate::private_file::describe(&e);
    eprintln!("sango: {}", crate::msg!("cli-cannot-write-output", error = error));
    std::process::exit(1);
}

/// Prints one JSON value on stdout.
pub fn json<T: Serialize + ?Sized>(value: &T) -> CliResult {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        CliError::refused(crate::msg!("cli-cannot-write-json", error = e.to_string()))
    })?;
    crate::outln!("{text}");
    Ok(())
}

/// Pads `s` with spaces to `width` display cells.
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// [`table`] headed by messages (their ids), in this run's language.
pub fn message_table(heading_ids: &[&str], rows: &[Vec<String>]) -> String {
    let headings: Vec<String> = heading_ids.iter().map(|id| super::lang::t(id)).collect();
    table(&headings.iter().map(String::as_str).collect::<Vec<_>>(), rows)
}

/// A table with headings, columns aligned by display width. Each cell is made visible
/// ([`crate::visible::one_line`]): a value from the store or a dataset never breaks a row or
/// reaches the terminal as a control sequence.
pub fn table(headings: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| crate::visible::one_line(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = headings.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.width());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| if i == last { c.to_string() } else { pad(c, widths[i]) })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let mut out = line(headings.to_vec());
    out.push('\n');
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in &rows {
        out.push('\n');
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_cells_align_by_display_width() {
        let t = table(
            &["id", "name"],
            &[vec!["ab".into(), "x".into()], vec!["加塚".into(), "y".into()]],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "id    name");
        assert_eq!(lines[2], "ab    x");
        assert_eq!(lines[3], "加塚  y");
    }

    #[test]
    fn a_cell_never_breaks_its_row_or_carries_a_control_sequence() {
        let t = table(&["id", "name"], &[vec!["R\u{1b}[2J".into(), "a\nb".into()]]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3, "{t}");
        assert_eq!(lines[2], "R\\u{1b}[2J  a\\u{a}b");
    }
}
