//! A PostgreSQL database of a test's own, dropped when the test ends. The server is the one
//! every machine of the project runs (`SANGO_TEST_PG`, default
//! `postgres://postgres@127.0.0.1:5432`); when it cannot be reached the test fails saying so:
//! a PostgreSQL test never passes by skipping.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU32, Ordering};

/// The server tests use.
pub fn server() -> String {
    std::env::var("SANGO_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432".to_string())
}

fn admin() -> postgres::Client {
    let url = format!("{}/postgres", server());
    postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "the PostgreSQL server for tests ({url}) cannot be reached: {e}. \
             Start it, or point SANGO_TEST_PG at one."
        )
    })
}

/// How test databases sort text: by an ICU locale, as many servers do (made with
/// `en_US.UTF-8`), not by bytes as SQLite does, so that a difference between the engines shows.
const COLLATION: &str = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'";

/// A new, empty database (sorting as [`COLLATION`] says); dropped with this value.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    pub fn new() -> TestDb {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "sango_test_{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            ulid::Ulid::new().to_string().to_lowercase()
        );
        let mut c = admin();
        // Several tests create databases at once; the server may refuse one while another
        // copies the template: try again.
        let mut tries = 0;
        loop {
            match c.batch_execute(&format!("CREATE DATABASE {name} {COLLATION}")) {
                Ok(()) => break,
                Err(e) if tries < 20 => {
                    tries += 1;
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(50 * tries));
                }
                Err(e) => panic!("cannot create the test database {name}: {e}"),
            }
        }
        let url = format!("{}/{name}", server());
        TestDb { name, url }
    }
}

impl Default for TestDb {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ =
            admin().batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
    }
}
