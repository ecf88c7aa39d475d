//! kill -9 in the middle of bookings loses nothing that was acknowledged: every booking id a
//! process printed is on disk, the file passes `PRAGMA integrity_check`, the audit trail replays
//! to the tables, and the next booking works.

mod store_support;

use std::process::Stdio;
use std::time::Duration;

use sango::store::ResidentInput;
use store_support::*;

#[test]
fn kill_9_during_bookings_loses_nothing_acknowledged() {
    let d = tempfile::tempdir().unwrap();
    let n = 80;
    {
        let s = open_practice(d.path());
        let at = sango::domain::jst::parse_moment("2026-01-05T09:00").unwrap();
        let birth = sango::domain::jst::parse_date("2026-01-01").unwrap();
        for i in 0..n {
            s.add_resident(&ResidentInput::new(&format!("R{i}"), birth), at, "setup").unwrap();
        }
    }
    let mut acknowledged = Vec::new();
    let mut killed = 0;
    for i in 0..n {
        let resident = format!("R{i}");
        let mut child = command(
            d.path(),
            &[
                "book",
                "--resident",
                &resident,
                "--facility",
                STAY,
                "--type",
                "stay",
                "--start",
                "2026-01-10",
                "--nights",
                "3",
                "--at",
                "2026-01-05T09:00",
                "--json",
            ],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        // From at once to after a typical run (about 10–20 ms), in 0.1 ms steps.
        std::thread::sleep(Duration::from_micros((i as u64 * 7919 % 400) * 100));
        let _ = child.kill(); // SIGKILL
        let r = finish(child.wait_with_output().unwrap());
        if r.code == 0 {
            acknowledged.push((resident, r.json()["id"].as_str().unwrap().to_string()));
        } else {
            #[cfg(unix)]
            assert_eq!(r.code, -1, "not killed, so it must have succeeded: {}", r.stderr);
            killed += 1;
        }
    }
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "killed {killed}, acknowledged {}",
        acknowledged.len()
    );

    let s = open_practice(d.path());
    s.integrity_check().unwrap();
    for (resident, id) in &acknowledged {
        let b = s.booking(id).unwrap().unwrap_or_else(|| panic!("acknowledged {id} was lost"));
        assert_eq!(&b.resident, resident);
    }
    // No booking is half there or doubled.
    assert_eq!(s.verify_events().unwrap(), Ok(()));
    let all = s.bookings(&Default::default()).unwrap();
    for i in 0..n {
        assert!(all.iter().filter(|b| b.resident == format!("R{i}")).count() <= 1);
    }
    drop(s);
    // The folder still works after the crashes.
    let a = book(d.path(), "R0", VISIT, "visit", "2026-01-20", &[]).ok();
    assert_eq!(a["units"], 1);
    eprintln!(
        "kill -9: {} acknowledged, {killed} killed, {} on disk",
        acknowledged.len(),
        all.len()
    );
}
