//! CSV that Excel on a Japanese Windows PC opens correctly: UTF-8 with a byte-order mark (else it
//! reads Shift_JIS), CRLF line ends, text that Excel would run as a formula defused with an
//! apostrophe, and ids that look like numbers kept as text. Shared by the bookings export and the
//! monthly report. Quoting is the few lines of RFC 4180 it needs; the rest is Excel's, which no
//! CSV crate knows.

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// One text field, defused and quoted when it must be.
pub fn field(s: &str) -> String {
    let mut out = String::new();
    push_field(&mut out, s);
    out
}

/// Appends [`field`] of `s` (a row written into one buffer: a million rows of an export).
pub fn push_field(out: &mut String, s: &str) {
    let defuse = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        if defuse {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        if defuse {
            out.push('\'');
        }
        out.push_str(s);
    }
}

/// An id field: kept as text even when it looks like a number (Excel would drop leading zeros).
pub fn id_field(s: &str) -> String {
    let mut out = String::new();
    push_id_field(&mut out, s);
    out
}

/// Appends [`id_field`] of `s`.
pub fn push_id_field(out: &mut String, s: &str) {
    let numeric = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'e' || b == b'E')
        && s.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if numeric {
        out.push_str("\"=\"\"");
        out.push_str(s);
        out.push_str("\"\"\"");
    } else {
        push_field(out, s);
    }
}

/// Appends one row of already-made fields, with CRLF.
pub fn push_row(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("-x,y"), "\"'-x,y\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("plain"), "plain");
        assert_eq!(id_field("000123"), "\"=\"\"000123\"\"\"");
        assert_eq!(id_field("R-1"), "R-1");
        assert_eq!(id_field("01ARZ3NDEKTSV4RRFFQ69G5FAV"), "01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }

    #[test]
    fn rows_end_with_crlf() {
        let mut out = String::from(BOM);
        push_row(&mut out, &["a".into(), "b".into()]);
        assert_eq!(out, "\u{feff}a,b\r\n");
    }
}
