//! Eight processes race to book the same mother's last stay days: exactly as many win as the
//! limit allows, and `quota` agrees.

mod store_support;

use std::process::Stdio;

use store_support::*;

#[test]
fn eight_processes_racing_for_four_stay_days_two_win() {
    for round in 0..3 {
        let d = tempfile::tempdir().unwrap();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let children: Vec<_> = (0..8)
            .map(|i| {
                // Stays two days apart never share a day: only the limit can refuse them.
                let start = format!("2026-01-{:02}", 10 + 2 * i);
                command(
                    d.path(),
                    &[
                        "book",
                        "--resident",
                        "R1",
                        "--facility",
                        STAY,
                        "--type",
                        "stay",
                        "--start",
                        &start,
                        "--nights",
                        "1",
                        "--at",
                        "2026-01-05T09:00",
                        "--json",
                    ],
                )
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
            })
            .collect();
        let runs: Vec<Run> =
            children.into_iter().map(|c| finish(c.wait_with_output().unwrap())).collect();
        let won: Vec<&Run> = runs.iter().filter(|r| r.code == 0).collect();
        let lost: Vec<&Run> = runs.iter().filter(|r| r.code != 0).collect();
        assert_eq!(
            won.len(),
            2,
            "round {round}: {:?}",
            runs.iter().map(|r| &r.stderr).collect::<Vec<_>>()
        );
        for r in &lost {
            assert_eq!(r.code, 1);
            assert!(
                r.stderr.contains("利用上限"),
                "round {round}: a loser must be refused by the limit, not fail: {}",
                r.stderr
            );
        }
        let q = quota(d.path(), "R1");
        assert_eq!(q["stay"]["used"], 4);
        assert_eq!(q["stay"]["remaining"], 0);
        let list = sango(d.path(), &["bookings", "--json"]).ok();
        let ids: Vec<&str> =
            list.as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
        let mut won_ids: Vec<String> =
            won.iter().map(|r| r.json()["id"].as_str().unwrap().to_string()).collect();
        won_ids.sort();
        let mut ids: Vec<String> = ids.into_iter().map(String::from).collect();
        ids.sort();
        assert_eq!(ids, won_ids);
    }
}

#[test]
fn racing_on_a_new_data_folder_migrates_once() {
    let d = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..8)
        .map(|i| {
            let id = format!("R{i}");
            command(d.path(), &["resident", "add", "--id", &id, "--birth", "2026-01-01", "--json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let r = finish(c.wait_with_output().unwrap());
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let l = sango(d.path(), &["resident", "list", "--json"]).ok();
    assert_eq!(l.as_array().unwrap().len(), 8);
}
