//! tmux driving the real binary for the terminal app's end-to-end tests: a session on its own
//! socket, keys sent, the screen captured.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .env("TERM", "xterm-256color")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(out.status.success(), "send-keys: {}", String::from_utf8_lossy(&out.stderr));
    }

    pub fn text(&self, keys: &str) {
        let out = self.run(&["send-keys", "-t", "e2e", "-l", keys]);
        assert!(out.status.success());
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    pub fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "e2e", f]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `what` (the app redraws after every key).
    pub fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(what) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("'{what}' never appeared; the screen:\n{screen}");
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen shows every one of `all` and none of `none` at once: a capture
    /// can catch a frame half drawn, so one frame is checked for all of it.
    pub fn wait_for_all(&self, all: &[&str], none: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if all.iter().all(|w| screen.contains(w)) && !none.iter().any(|w| screen.contains(w)) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("never {all:?} without {none:?}; the screen:\n{screen}");
            }
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Whether tmux is here to run the test. Without it a test is skipped with a notice, except
/// in CI (`CI` set to anything but `false`/`0`): there a missing tmux fails, so that a green CI
/// always means these tests ran.
pub fn tmux_available(test: &str) -> bool {
    if Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()) {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(!ci, "tmux is not installed, and in CI the end-to-end test '{test}' must run");
    println!("NOTICE: tmux is not installed; the end-to-end test '{test}' was skipped");
    false
}
