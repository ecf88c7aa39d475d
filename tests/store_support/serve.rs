//! A real `sango serve` on a loopback socket, for the tests of terminals working through it.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Stdio};

use super::command;

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
