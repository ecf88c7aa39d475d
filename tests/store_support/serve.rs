//! A real `sango serve` on a loopback socket, for the tests of terminals working through it.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{DAY, PASSWORD, Run, add_staff, command, finish, plain_command, sango, with_stdin};

/// A running `sango serve` on a test's data folder (and its PostgreSQL database on that engine).
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    pub fn start(dir: &Path, listen: &str) -> Server {
        Server::start_with(dir, &["--listen", listen])
    }

    pub fn start_with(dir: &Path, args: &[&str]) -> Server {
        let mut all = vec!["serve"];
        all.extend_from_slice(args);
        // The port of a server just killed may take a moment to be free again.
        for _ in 0..50 {
            let mut child = command(dir, &all)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .stdin(Stdio::null())
                .spawn()
                .expect("sango serve starts");
            let mut err = child.stderr.take().unwrap();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                }
            });
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
            if let Some(base) = line.trim().strip_prefix("listening on ") {
                return Server { child, base: base.to_string() };
            }
            let _ = child.wait();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the server did not start: {args:?}");
    }

    pub fn addr(&self) -> &str {
        self.base.split_once("://").unwrap().1
    }

    /// The server dies at once (SIGKILL): the terminals find nobody there.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A terminal: its own data folder and config folder, the server's URL and its token.
pub struct Term {
    pub dir: tempfile::TempDir,
    pub url: String,
    pub token: String,
}

impl Term {
    pub fn new(server_dir: &Path, name: &str, url: &str) -> Term {
        Term::enrolled(server_dir, name, url, "staff")
    }

    /// A kiosk terminal of the server.
    pub fn kiosk(server_dir: &Path, name: &str, url: &str) -> Term {
        Term::enrolled(server_dir, name, url, "kiosk")
    }

    fn enrolled(server_dir: &Path, name: &str, url: &str, role: &str) -> Term {
        let token = sango(
            server_dir,
            &["serve", "terminal", "add", name, "--role", role, "--json"],
        )
        .ok()["token"]
            .as_str()
            .unwrap()
            .to_string();
        Term { dir: tempfile::tempdir().unwrap(), url: url.to_string(), token }
    }

    /// A terminal with a staff member (`NAME.clerk`) added and signed in there.
    pub fn signed_in(server_dir: &Path, name: &str, url: &str) -> Term {
        let t = Term::new(server_dir, name, url);
        add_staff(server_dir, &t.clerk());
        t.login();
        t
    }

    /// The staff member who signs in at this terminal.
    pub fn clerk(&self) -> String {
        let name = self.dir.path().file_name().unwrap().to_string_lossy().to_string();
        format!("c{}", name.replace(|c: char| !c.is_ascii_alphanumeric(), "").to_lowercase())
    }

    /// `sango login` at this terminal, the password on stdin.
    pub fn login(&self) {
        let r = with_stdin(
            &mut self.cmd(&["login", &self.clerk(), "--json"]),
            &format!("{PASSWORD}\n"),
        );
        assert_eq!(r.ok()["staff"], self.clerk().as_str());
    }

    /// The sign-in kept at this terminal.
    pub fn signin(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("config").join("signin")).unwrap()
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = plain_command(&[]);
        c.arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env("SANGO_PRACTICE", "1")
            .env("SANGO_CONFIG_DIR", self.dir.path().join("config"))
            .env("SANGO_SERVER", &self.url)
            .env("SANGO_TOKEN", &self.token);
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        finish(self.cmd(args).output().expect("the sango binary runs"))
    }

    pub fn outbox(&self) -> PathBuf {
        self.dir.path().join("replica").join("terminal-practice.sqlite3")
    }

    pub fn book(&self, start: &str, days: &str) -> Run {
        self.run(&[
            "book",
            "--resident",
            "R1",
            "--facility",
            DAY,
            "--type",
            "day",
            "--start",
            start,
            "--days",
            days,
            "--at",
            "2026-01-05T10:00",
            "--json",
        ])
    }
}
