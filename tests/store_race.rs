//! Eight processes race to book the same mother's last stay days: exactly as many win as the
//! limit allows, and `quota` agrees.

mod store_support;

use std::process::Stdio;

use store_support::*;

on_both_engines! {
    fn eight_processes_racing_for_four_stay_days_two_win() {
        for round in 0..3 {
            let d = dir();
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

    fn racing_on_a_new_data_folder_migrates_once() {
        let d = dir();
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
}

/// 32 processes acting as 4 terminals book one mother's last day-care days on one PostgreSQL
/// database: exactly as many win as the limit allows, no process fails for any other reason (a
/// lock error, a lost race), and the full check of the store is clean after.
#[test]
fn on_postgresql_thirty_two_processes_of_four_terminals_race_for_her_last_days() {
    set_engine(Engine::Postgres);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    // Four of her six day-care days are taken: two are left.
    for day in ["2026-01-06", "2026-01-09"] {
        book(d.path(), "R1", DAY, "day", day, &["--days", "2"]).ok();
    }
    let children: Vec<_> = (0..32)
        .map(|i| {
            let start = format!("2026-02-{:02}", 1 + i % 28);
            let month = if i < 28 { "2026-02" } else { "2026-03" };
            let start = if i < 28 { start } else { format!("{month}-{:02}", i - 27) };
            let mut c = command(
                d.path(),
                &[
                    "book",
                    "--resident",
                    "R1",
                    "--facility",
                    DAY,
                    "--type",
                    "day",
                    "--start",
                    &start,
                    "--at",
                    "2026-01-05T09:00",
                    "--json",
                ],
            );
            c.env("SANGO_TERMINAL", format!("center-{}", i % 4))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    let runs: Vec<Run> =
        children.into_iter().map(|c| finish(c.wait_with_output().unwrap())).collect();
    let won = runs.iter().filter(|r| r.code == 0).count();
    assert_eq!(won, 2, "{:?}", runs.iter().map(|r| &r.stderr).collect::<Vec<_>>());
    for r in runs.iter().filter(|r| r.code != 0) {
        assert!(r.stderr.contains("利用上限"), "refused by the limit only: {}", r.stderr);
    }
    let q = quota(d.path(), "R1");
    assert_eq!((q["day"]["used"].as_u64(), q["day"]["remaining"].as_u64()), (Some(6), Some(0)));
    let check = sango(d.path(), &["store", "check", "--json"]).ok();
    assert_eq!(check["ok"], true, "{check}");
}
