//! The report of `sango import`, kept out of memory: an import of a whole terminal lists every
//! id it added (a million bookings), which held as strings were most of its memory (~85 MB of
//! a 121 MB peak). Each list keeps its first ids in memory and the rest in a private temporary
//! file, one per line (ids hold no line breaks: ULIDs and user numbers). The report prints as
//! the same text as [`crate::store::ImportReport`]'s.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::store::{Conflict, Listed, Tally};

/// Ids a list keeps in memory before it spools the rest.
pub const IN_MEMORY: usize = 10_000;

/// One list of the report.
#[derive(Debug)]
pub struct List {
    name: &'static str,
    first: Vec<String>,
    rest: Option<Spooled>,
    len: usize,
    limit: usize,
    /// A spooled id could not be written: the list cannot be told in full.
    broken: Option<std::io::Error>,
}

#[derive(Debug)]
struct Spooled {
    path: PathBuf,
    file: BufWriter<File>,
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl List {
    fn new(name: &'static str, limit: usize) -> List {
        List { name, first: Vec::new(), rest: None, len: 0, limit, broken: None }
    }

    fn push(&mut self, id: &str) {
        self.len += 1;
        if self.first.len() < self.limit {
            self.first.push(id.to_string());
            return;
        }
        if self.broken.is_some() {
            return;
        }
        if self.rest.is_none() {
            let path = std::env::temp_dir().join(format!(
                ".sango-import-{}-{}.tmp",
                std::process::id(),
                self.name
            ));
            let _ = std::fs::remove_file(&path);
            match crate::private_file::create_private(&path) {
                Ok(f) => self.rest = Some(Spooled { path, file: BufWriter::new(f) }),
                Err(e) => {
                    self.broken = Some(e);
                    return;
                }
            }
        }
        if let Some(s) = &mut self.rest
            && let Err(e) = writeln!(s.file, "{id}")
        {
            self.broken = Some(e);
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f` with every id, in order.
    fn each(&mut self, mut f: impl FnMut(&str) -> std::io::Result<()>) -> std::io::Result<()> {
        if let Some(e) = &self.broken {
            return Err(std::io::Error::new(
                e.kind(),
                crate::msg!("cli-import-list-not-kept", list = self.name, error = e.to_string()),
            ));
        }
        for id in &self.first {
            f(id)?;
        }
        if let Some(s) = &mut self.rest {
            s.file.flush()?;
            for line in BufReader::new(File::open(&s.path)?).lines() {
                f(&line?)?;
            }
        }
        Ok(())
    }

    /// Every id, in order.
    pub fn ids(&mut self) -> std::io::Result<Vec<String>> {
        let mut out = Vec::new();
        self.each(|id| {
            out.push(id.to_string());
            Ok(())
        })?;
        Ok(out)
    }
}

/// An import's report with its lists spooled (see the module notes).
#[derive(Debug)]
pub struct Spool {
    pub residents_added: List,
    pub residents_updated: List,
    pub bookings_added: List,
    pub bookings_updated: List,
    pub events_added: usize,
    pub unchanged: usize,
    pub kept_local: List,
    pub conflicts: Vec<Conflict>,
}

impl Spool {
    /// A report whose lists keep `limit` ids each in memory.
    pub fn new(limit: usize) -> Spool {
        Spool {
            residents_added: List::new("residents_added", limit),
            residents_updated: List::new("residents_updated", limit),
            bookings_added: List::new("bookings_added", limit),
            bookings_updated: List::new("bookings_updated", limit),
            events_added: 0,
            unchanged: 0,
            kept_local: List::new("kept_local", limit),
            conflicts: Vec::new(),
        }
    }

    /// Writes the report as pretty JSON and a line end: the text of `ImportReport`'s.
    pub fn write_json(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let printed = Printed(std::cell::RefCell::new(self));
        serde_json::to_writer_pretty(&mut *out, &printed).map_err(std::io::Error::from)?;
        out.write_all(b"\n")
    }
}

impl Tally for Spool {
    fn listed(&mut self, which: Listed, id: &str) {
        match which {
            Listed::ResidentAdded => self.residents_added.push(id),
            Listed::ResidentUpdated => self.residents_updated.push(id),
            Listed::BookingAdded => self.bookings_added.push(id),
            Listed::BookingUpdated => self.bookings_updated.push(id),
            Listed::KeptLocal => self.kept_local.push(id),
        }
    }

    fn unchanged(&mut self) {
        self.unchanged += 1;
    }

    fn event_added(&mut self) {
        self.events_added += 1;
    }

    fn conflict(&mut self, c: Conflict) {
        self.conflicts.push(c);
    }
}

/// The report as serde sees it: `ImportReport`'s fields in its order.
struct Printed<'a>(std::cell::RefCell<&'a mut Spool>);

/// One list, read as it is written.
struct Ids<'a>(std::cell::RefCell<&'a mut List>);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut list = self.0.borrow_mut();
        let mut seq = s.serialize_seq(Some(list.len()))?;
        let mut failed = None;
        let read = list.each(|id| {
            seq.serialize_element(id).map_err(|e| {
                let io = std::io::Error::other(e.to_string());
                failed = Some(e);
                io
            })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(S::Error::custom)?;
        seq.end()
    }
}

impl Serialize for Printed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut r = self.0.borrow_mut();
        let r = &mut **r;
        let mut st = s.serialize_struct("ImportReport", 8)?;
        st.serialize_field(
            "residents_added",
            &Ids(std::cell::RefCell::new(&mut r.residents_added)),
        )?;
        st.serialize_field(
            "residents_updated",
            &Ids(std::cell::RefCell::new(&mut r.residents_updated)),
        )?;
        st.serialize_field("bookings_added", &Ids(std::cell::RefCell::new(&mut r.bookings_added)))?;
        st.serialize_field(
            "bookings_updated",
            &Ids(std::cell::RefCell::new(&mut r.bookings_updated)),
        )?;
        st.serialize_field("events_added", &r.events_added)?;
        st.serialize_field("unchanged", &r.unchanged)?;
        st.serialize_field("kept_local", &Ids(std::cell::RefCell::new(&mut r.kept_local)))?;
        st.serialize_field("conflicts", &r.conflicts)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ImportReport;

    #[test]
    fn the_spooled_report_prints_as_the_report_in_memory() {
        let mut whole = ImportReport::default();
        // Two ids in memory per list: the rest goes to the temporary files.
        let mut spool = Spool::new(2);
        let tell = |t: &mut dyn Tally| {
            for i in 0..7 {
                t.listed(Listed::ResidentAdded, &format!("R-{i}"));
                t.listed(Listed::BookingAdded, &format!("01KB{i:022}"));
                t.event_added();
            }
            t.listed(Listed::BookingUpdated, "01KB0000000000000000000009");
            t.listed(Listed::KeptLocal, "R-0");
            t.unchanged();
            t.conflict(Conflict {
                kind: "booking",
                id: "01KB0000000000000000000008".into(),
                rule: Some("over_limit"),
                detail: "over".into(),
            });
        };
        tell(&mut whole);
        tell(&mut spool);
        let mut text = Vec::new();
        spool.write_json(&mut text).unwrap();
        let mut expected = serde_json::to_string_pretty(&whole).unwrap();
        expected.push('\n');
        assert_eq!(String::from_utf8(text).unwrap(), expected);
        assert_eq!(spool.bookings_added.len(), 7);
        assert_eq!(spool.kept_local.ids().unwrap(), ["R-0"]);
        // Nothing is left in the temporary folder.
        let path = spool.bookings_added.rest.as_ref().unwrap().path.clone();
        assert!(path.exists());
        drop(spool);
        assert!(!path.exists());
        // Empty lists print as the report's.
        let mut text = Vec::new();
        Spool::new(2).write_json(&mut text).unwrap();
        let empty = serde_json::to_string_pretty(&ImportReport::default()).unwrap() + "\n";
        assert_eq!(String::from_utf8(text).unwrap(), empty);
    }
}
