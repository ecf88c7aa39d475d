//! End to end: the real binary inside tmux books a stay through the wizard (registering the
//! resident on the way), quits, and `sango bookings --json` finds the booking; the terminal is
//! back to normal (no alternate screen, no mouse reporting, cooked mode). And a kiosk started
//! with `--kiosk` after `staff set-pin`: Ctrl-C, Ctrl-\, Ctrl-Z and q do not leave it, an idle
//! session counts down and forgets the mother, a wrong PIN stays, the right PIN leaves and the
//! terminal is restored. A kiosk flooded with 10,000 characters right after F5 (typed, pasted
//! raw, pasted bracketed) keeps running and answers the next key. The practice store's app starts
//! at a given moment under its banner. On PostgreSQL (`sango --database URL`), the app shows a
//! booking the command line makes on the same database within a second or two. Skipped with a
//! notice when tmux is absent, except in CI (`CI=true`, which `.ci/run` sets), where that fails.

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_sango");

#[path = "common/pg.rs"]
mod pg;
#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, tmux_available};

fn today_jst() -> chrono::NaiveDate {
    sango::domain::jst::from_utc(chrono::Utc::now()).date()
}

#[test]
fn book_through_the_wizard_in_tmux_then_the_cli_sees_it() {
    if !tmux_available("book_through_the_wizard_in_tmux_then_the_cli_sees_it") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    let tmux = Tmux { socket: format!("sango-e2e-{}", std::process::id()) };
    let birth = today_jst() - chrono::Days::new(20);
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' SANGO_TERMINAL=e2e TERM=xterm-256color '{}' --data-dir '{}'; \
         echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; sleep 120",
        conf.path().display(),
        BIN,
        data.path().display()
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));

    tmux.wait_for("施設 25/25");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "the app uses the alternate screen");
    // 1: a new resident.
    tmux.send(&["n"]);
    tmux.wait_for("利用者番号");
    tmux.text("E2E-1");
    tmux.send(&["Enter"]);
    tmux.wait_for("未登録です");
    tmux.text(&birth.format("%Y-%m-%d").to_string());
    tmux.send(&["Enter"]);
    // 2: screening, all no.
    tmux.wait_for("乳腺炎");
    tmux.send(&["n", "n", "n"]);
    tmux.wait_for("[x いいえ]");
    tmux.send(&["Enter"]);
    // 3: care type: the overnight stay (first).
    tmux.wait_for("利用する種類");
    tmux.send(&["Enter"]);
    // 4: the first facility.
    tmux.wait_for("利用期間が残っている施設");
    tmux.send(&["Enter"]);
    // 5: tomorrow, one night.
    tmux.wait_for("泊数を変更");
    tmux.send(&["Right"]);
    tmux.wait_for("予約できます");
    tmux.send(&["Enter"]);
    // 6: confirm and record.
    tmux.wait_for("[Enter 予約する]");
    tmux.send(&["Enter"]);
    tmux.wait_for("区の記録に登録しました");
    tmux.send(&["Enter"]);
    tmux.wait_for("施設 25/25");
    tmux.send(&["q"]);
    tmux.wait_for("exit=0");
    // stty prints after the exit code: wait for its line too.
    let after = tmux.wait_for("icanon");
    assert!(
        after.contains("\nicanon") || after.contains("icanon\n"),
        "cooked mode again:\n{after}"
    );
    assert!(!after.contains("-icanon"), "raw mode left on:\n{after}");
    assert_eq!(tmux.format("#{alternate_on}"), "0", "back on the main screen");
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor shown");

    let out = bookings_json(data.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = v.as_array().cloned().or_else(|| v["bookings"].as_array().cloned()).expect("a list");
    assert_eq!(list.len(), 1, "{v}");
    let b = &list[0];
    assert_eq!(b["resident"], "E2E-1");
    assert_eq!(b["type"], "stay");
    assert_eq!(b["nights"], 1);
    assert_eq!(b["facility"], "tokyo-kita-medical-center");
    let tomorrow = today_jst() + chrono::Days::new(1);
    assert_eq!(b["first_day"], tomorrow.format("%Y-%m-%d").to_string());
    assert_eq!(b["terminal"], "e2e");
}

#[test]
fn keys_behind_the_too_small_message_book_nothing_in_tmux() {
    if !tmux_available("keys_behind_the_too_small_message_book_nothing_in_tmux") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    let birth = (today_jst() - chrono::Days::new(20)).format("%Y-%m-%d").to_string();
    sango_with(
        conf.path(),
        data.path(),
        &["resident", "add", "--id", "SMALL-1", "--birth", &birth],
        "",
    );
    let tmux = Tmux { socket: format!("sango-e2e-small-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' TERM=xterm-256color '{}' --data-dir '{}'; \
         echo \"exit=$?\"; sleep 120",
        conf.path().display(),
        BIN,
        data.path().display()
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("施設 25/25");
    // The wizard to step 5, tomorrow selected and bookable.
    tmux.send(&["n"]);
    tmux.wait_for("利用者番号");
    tmux.text("SMALL-1");
    tmux.send(&["Enter"]);
    tmux.wait_for("乳腺炎");
    tmux.send(&["n", "n", "n"]);
    tmux.wait_for("[x いいえ]");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用する種類");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用期間が残っている施設");
    tmux.send(&["Enter"]);
    tmux.wait_for("泊数を変更");
    tmux.send(&["Right"]);
    tmux.wait_for("予約できます");
    // Too small: Enter twice (step 6, then booked, before the fix) does nothing.
    let resized = tmux.run(&["resize-window", "-t", "e2e", "-x", "60", "-y", "15"]);
    assert!(resized.status.success(), "{}", String::from_utf8_lossy(&resized.stderr));
    tmux.wait_for("画面が小さすぎます");
    tmux.send(&["Enter"]);
    sleep(Duration::from_millis(300));
    tmux.send(&["Enter"]);
    sleep(Duration::from_millis(500));
    let resized = tmux.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    assert!(resized.status.success(), "{}", String::from_utf8_lossy(&resized.stderr));
    let screen = tmux.wait_for("予約できます");
    assert!(screen.contains("泊数を変更"), "still at step 5:\n{screen}");
    assert!(!screen.contains("予約を記録しました"), "{screen}");
    let out = bookings_json(data.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(0), "nothing was booked: {v}");
    assert!(!tmux.capture().contains("exit="), "still running");
}

#[test]
fn a_cancellation_by_the_command_line_shows_in_the_app_within_two_seconds_in_tmux() {
    if !tmux_available(
        "a_cancellation_by_the_command_line_shows_in_the_app_within_two_seconds_in_tmux",
    ) {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    let birth = (today_jst() - chrono::Days::new(20)).format("%Y-%m-%d").to_string();
    let tomorrow = (today_jst() + chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let (c, d) = (conf.path(), data.path());
    sango_with(c, d, &["resident", "add", "--id", "LIVE-1", "--birth", &birth], "");
    let book = [
        "book",
        "--resident",
        "LIVE-1",
        "--facility",
        "tokyo-kita-medical-center",
        "--type",
        "stay",
        "--start",
        &tomorrow,
        "--nights",
        "1",
        "--json",
    ];
    let booked: serde_json::Value =
        serde_json::from_slice(&sango_with(c, d, &book, "").stdout).expect("JSON");
    let code = booked["code"].as_str().expect("a booking code").to_string();
    let tmux = Tmux { socket: format!("sango-e2e-live-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' TERM=xterm-256color '{}' --data-dir '{}'; \
         echo \"exit=$?\"; sleep 120",
        c.display(),
        BIN,
        d.display()
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("施設 25/25");
    tmux.send(&["u"]);
    tmux.wait_for("番号で検索");
    tmux.text("LIVE-1");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用者 LIVE-1");
    tmux.send(&["b"]);
    let row = |screen: &str| {
        screen.lines().find(|l| l.contains("東京北医療センター")).unwrap_or_default().to_string()
    };
    let before = tmux.wait_for("予約済み");
    assert!(row(&before).contains("予約済み"), "{before}");
    assert!(before.contains("更新 "), "the data's time in the status line:\n{before}");

    // Another process cancels it; no key is pressed in the app.
    sango_with(c, d, &["cancel", &code], "");
    let cancelled = Instant::now();
    loop {
        let screen = tmux.capture();
        if row(&screen).contains("取消") {
            break;
        }
        assert!(
            cancelled.elapsed() < Duration::from_millis(2500),
            "the cancellation is not shown after {:?}:\n{screen}",
            cancelled.elapsed()
        );
        sleep(Duration::from_millis(100));
    }
    assert!(!tmux.capture().contains("exit="));
}

#[test]
fn on_postgresql_a_booking_by_the_command_line_shows_in_the_app_within_seconds_in_tmux() {
    if !tmux_available(
        "on_postgresql_a_booking_by_the_command_line_shows_in_the_app_within_seconds_in_tmux",
    ) {
        return;
    }
    let db = pg::TestDb::new();
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    let birth = (today_jst() - chrono::Days::new(20)).format("%Y-%m-%d").to_string();
    let tomorrow = (today_jst() + chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let later = (today_jst() + chrono::Days::new(3)).format("%Y-%m-%d").to_string();
    let (c, d) = (conf.path(), data.path());
    let on_db = |args: &[&str]| {
        let mut all = vec!["--database", db.url.as_str()];
        all.extend_from_slice(args);
        let out = sango_with(c, d, &all, "");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    };
    on_db(&["resident", "add", "--id", "PG-1", "--birth", &birth]);
    let stay = ["book", "--resident", "PG-1", "--facility", "tokyo-kita-medical-center"];
    on_db(&[&stay[..], &["--type", "stay", "--start", &tomorrow, "--nights", "1"]].concat());
    let tmux = Tmux { socket: format!("sango-e2e-pg-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' SANGO_DATA_DIR='{}' TERM=xterm-256color '{}' \
         --database '{}'; echo \"exit=$?\"; sleep 120",
        c.display(),
        d.display(),
        BIN,
        db.url
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("施設 25/25");
    tmux.send(&["u"]);
    tmux.wait_for("番号で検索");
    tmux.text("PG-1");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用者 PG-1");
    tmux.send(&["b"]);
    let before = tmux.wait_for("予約済み");
    let booked_rows = |screen: &str| screen.matches("予約済み").count();
    assert_eq!(booked_rows(&before), 1, "{before}");

    // Another terminal (the command line) books on the same database; no key in the app.
    let day = ["book", "--resident", "PG-1", "--facility", "mizuki-josanin"];
    on_db(&[&day[..], &["--type", "day", "--start", &later, "--days", "1"]].concat());
    let booked = Instant::now();
    loop {
        let screen = tmux.capture();
        if booked_rows(&screen) == 2 {
            break;
        }
        assert!(
            booked.elapsed() < Duration::from_millis(2500),
            "the booking is not shown after {:?}:\n{screen}",
            booked.elapsed()
        );
        sleep(Duration::from_millis(100));
    }
    println!("shown {:?} after the command line booked", booked.elapsed());
    assert!(!tmux.capture().contains("exit="), "still running");
}

/// The pid of the sango process whose command line has `arg` (read from /proc).
fn process_with_arg(arg: &str) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        let is_sango = args.first().is_some_and(|a| a.ends_with(b"/sango"));
        (is_sango && args.contains(&arg.as_bytes())).then_some(pid)
    })
}

fn bookings_json(dir: &Path) -> Output {
    let out = Command::new(BIN)
        .args(["bookings", "--json", "--data-dir"])
        .arg(dir)
        .output()
        .expect("sango bookings runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Runs `sango ARGS` with a config folder and a data folder, `stdin` on its standard input.
fn sango_with(conf: &Path, data: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .env("SANGO_CONFIG_DIR", conf)
        .env("SANGO_DATA_DIR", data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sango runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// A kiosk running in tmux (100x30) on its own folders, with the staff PIN 246810 and one
/// mother, `id`, whose baby was born 20 days ago; `env` is set for it, and `after` runs in the
/// same shell once it has ended (after `exit=CODE` is printed).
struct Kiosk {
    tmux: Tmux,
    birth: String,
    data: tempfile::TempDir,
    _conf: tempfile::TempDir,
}

impl Kiosk {
    fn start(id: &str, env: &str, after: &str) -> Kiosk {
        let data = tempfile::tempdir().unwrap();
        let conf = tempfile::tempdir().unwrap();
        sango_with(conf.path(), data.path(), &["staff", "set-pin"], "246810\n246810\n");
        let birth = (today_jst() - chrono::Days::new(20)).format("%Y-%m-%d").to_string();
        let add = ["resident", "add", "--id", id, "--birth", &birth];
        sango_with(conf.path(), data.path(), &add, "");
        let tmux = Tmux { socket: format!("sango-kiosk-{id}-{}", std::process::id()) };
        let script = format!(
            "env -u NO_COLOR SANGO_CONFIG_DIR='{}' {env} TERM=xterm-256color '{}' --kiosk --data-dir '{}'; \
             echo \"exit=$?\"; {after}",
            conf.path().display(),
            BIN,
            data.path().display()
        );
        let size = ["-x", "100", "-y", "30"];
        let out = tmux.run(
            &[&["new-session", "-d", "-s", "e2e"][..], &size, &["sh", "-c", &script]].concat(),
        );
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        tmux.wait_for("本人確認前");
        Kiosk { tmux, birth, data, _conf: conf }
    }
}

#[test]
fn kiosk_in_tmux_ctrl_c_stays_idle_resets_and_the_pin_leaves() {
    if !tmux_available("kiosk_in_tmux_ctrl_c_stays_idle_resets_and_the_pin_leaves") {
        return;
    }
    // The shortest idle timeout allowed (30 s): the countdown starts 10 s after the last key.
    let k = Kiosk::start(
        "KIOSK-7",
        "SANGO_IDLE_TIMEOUT_SECS=30",
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; sleep 120",
    );
    let (tmux, birth, data) = (&k.tmux, &k.birth, &k.data);
    assert_eq!(tmux.format("#{alternate_on}"), "1");

    // Every way out asks for the PIN; the program keeps running.
    for keys in [&["C-c"][..], &["C-\\"], &["C-z"], &["q"]] {
        tmux.send(keys);
        tmux.wait_for("職員PIN");
        tmux.send(&["Escape"]);
        sleep(Duration::from_millis(300));
        let screen = tmux.capture();
        assert!(!screen.contains("exit="), "{keys:?} left the kiosk:\n{screen}");
        assert!(!screen.contains("職員PIN"), "Esc closes the prompt:\n{screen}");
    }
    assert_eq!(tmux.format("#{alternate_on}"), "1", "still in the app");

    // The same signals sent by another process do not end or stop it either.
    let pid = process_with_arg(&data.path().display().to_string()).expect("the kiosk's pid");
    for signal in ["INT", "QUIT", "TSTP"] {
        let sent = Command::new("kill").args([&format!("-{signal}"), &pid.to_string()]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -{signal}");
        sleep(Duration::from_millis(300));
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name in parentheses: R or S running, T stopped.
        let running =
            state.rsplit(')').next().is_some_and(|rest| !rest.trim_start().starts_with('T'));
        assert!(running && !tmux.capture().contains("exit="), "SIG{signal} ended or stopped it");
    }

    // She identifies; left idle, the countdown shows, then the screen forgets her.
    tmux.send(&["i"]);
    tmux.wait_for("赤ちゃんの生年月日");
    tmux.text("KIOSK-7");
    tmux.send(&["Down"]);
    tmux.text(birth);
    tmux.send(&["Enter"]);
    tmux.wait_for("利用者番号 KIOSK-7");
    tmux.send(&["b"]);
    tmux.wait_for("予約はありません");
    tmux.wait_for("まだ使いますか？");
    let reset = tmux.wait_for("しばらく操作がなかったため");
    assert!(!reset.contains("KIOSK-7"), "her number is gone:\n{reset}");
    assert!(reset.contains("本人確認前"), "{reset}");

    // A wrong PIN stays, the right one leaves and restores the terminal.
    tmux.send(&["C-c"]);
    tmux.wait_for("職員PIN");
    tmux.text("111111");
    tmux.send(&["Enter"]);
    tmux.wait_for("PINが違います");
    assert!(!tmux.capture().contains("exit="));
    tmux.text("246810");
    tmux.send(&["Enter"]);
    tmux.wait_for("exit=0");
    // stty prints after the exit code: wait for its line too.
    let after = tmux.wait_for("icanon");
    assert!(after.contains("\nicanon") || after.contains("icanon\n"), "cooked mode:\n{after}");
    assert!(!after.contains("-icanon"), "raw mode left on:\n{after}");
    assert_eq!(tmux.format("#{alternate_on}"), "0", "back on the main screen");
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse reporting off");
}

/// A mother's choices on the welcome screen in a real terminal: Korean (`L`), then large text
/// (`T`): one pane at a time, Tab shows the next; she identifies in Korean; `F5` brings the next
/// person back to Japanese and the standard size.
#[test]
fn kiosk_in_tmux_korean_and_large_text_for_one_mother_then_f5() {
    if !tmux_available("kiosk_in_tmux_korean_and_large_text_for_one_mother_then_f5") {
        return;
    }
    let k = Kiosk::start("KIOSK-8", "", "sleep 60");
    let (tmux, birth) = (&k.tmux, &k.birth);
    for _ in 0..4 {
        tmux.send(&["L"]);
    }
    tmux.wait_for_all(&["[한국어]", "일본어 내용이 정식 내용입니다."], &[]);
    tmux.send(&["T"]);
    // One pane, named in a row; no calendar beside it.
    tmux.wait_for_all(&["[크게]", "Tab [시설]"], &["월  화  수"]);
    tmux.send(&["Tab"]);
    tmux.wait_for_all(&["[달력]", "월  화  수"], &["東京北医療センター"]);
    // She identifies, in Korean, in large text: still one pane at a time.
    tmux.send(&["i"]);
    tmux.wait_for("본인 확인");
    tmux.text("KIOSK-8");
    tmux.send(&["Down"]);
    tmux.text(birth);
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["이용자 번호 KIOSK-8", "Tab [시설]"], &["월  화  수"]);
    // The next person: Japanese, standard size, nobody identified.
    tmux.send(&["F5"]);
    tmux.wait_for_all(&["[ふつう]", "[日本語]", "本人確認前"], &["KIOSK-8"]);
    tmux.send(&["C-c"]);
    tmux.wait_for("職員PIN");
    tmux.text("246810");
    tmux.send(&["Enter"]);
    tmux.wait_for("exit=0");
}

/// 10,000 characters as a fast USB keyboard or a paste would send them: letters (some of them the
/// kiosk's keys: i, g, q, n, b ...), digits and spaces, no control characters.
fn burst() -> String {
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz0123456789 ".chars().collect();
    let mut seed: u32 = 7;
    (0..10_000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            alphabet[(seed >> 16) as usize % alphabet.len()]
        })
        .collect()
}

#[test]
fn kiosk_in_tmux_survives_f5_then_a_burst_of_ten_thousand_characters() {
    if !tmux_available("kiosk_in_tmux_survives_f5_then_a_burst_of_ten_thousand_characters") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    sango_with(conf.path(), data.path(), &["staff", "set-pin"], "246810\n246810\n");
    let tmux = Tmux { socket: format!("sango-burst-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' TERM=xterm-256color '{}' --kiosk --data-dir '{}'; \
         echo \"exit=$?\"; sleep 120",
        conf.path().display(),
        BIN,
        data.path().display()
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("本人確認前");
    let file = conf.path().join("burst.txt");
    std::fs::write(&file, burst()).unwrap();
    let loaded = tmux.run(&["load-buffer", "-b", "burst", &file.display().to_string()]);
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    // F5 and a burst in one tmux command, twice (the second F5 waits behind the first burst),
    // three times over: typed raw (as a USB device types) and as a bracketed paste. The bursts
    // pile up while the kiosk works through them; the old kiosk asked the terminal for the
    // cursor after F5, lost the answer behind them and ended.
    let pid = process_with_arg(&data.path().display().to_string()).expect("the kiosk's pid");
    let alive = || std::path::Path::new(&format!("/proc/{pid}")).exists();
    for _ in 0..3 {
        let cmd = "send-keys -t e2e F5 ; paste-buffer -b burst -t e2e ; \
                   send-keys -t e2e F5 ; paste-buffer -p -b burst -t e2e";
        let sent = tmux.run(&cmd.split_whitespace().collect::<Vec<_>>());
        assert!(sent.status.success(), "{}", String::from_utf8_lossy(&sent.stderr));
        sleep(Duration::from_secs(3));
        assert!(alive(), "the kiosk ended:\n{}", tmux.capture());
    }
    tmux.send(&["F5"]);
    tmux.text(&burst());
    // Still running all along (the shell's echo of the rest of the input would scroll an
    // "exit=" away, so the process is looked for), and it reads to the end of what came: one F5
    // after it all is answered without any other key (crossterm's default reader left the tail
    // of a burst unread until the next key).
    tmux.send(&["F5"]);
    let start = Instant::now();
    loop {
        assert!(alive(), "the kiosk ended:\n{}", tmux.capture());
        let screen = tmux.capture();
        let started_over = screen.contains("最初の画面に戻りました");
        assert!(!screen.contains("しばらく操作がなかった"), "F5 never came through:\n{screen}");
        if started_over && screen.contains("本人確認前") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no answer to F5:\n{screen}");
        sleep(Duration::from_millis(200));
    }
    tmux.send(&["g"]);
    let guide = tmux.wait_for("PgUp PgDn でスクロール");
    assert!(!guide.contains("exit="), "{guide}");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "still in the app");
    assert!(alive(), "the kiosk runs");
}

#[test]
fn the_practice_app_starts_at_the_given_moment_under_its_banner() {
    if !tmux_available("the_practice_app_starts_at_the_given_moment_under_its_banner") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let conf = tempfile::tempdir().unwrap();
    let tmux = Tmux { socket: format!("sango-e2e-practice-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{}' TERM=xterm-256color '{}' --practice --at 2026-04-01T10:00 --data-dir '{}'; \
         echo \"exit=$?\"; sleep 120",
        conf.path().display(),
        BIN,
        data.path().display()
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    let screen = tmux.wait_for("施設 25/25");
    let first = screen.lines().next().unwrap_or_default();
    assert!(first.contains("練習"), "the banner on the top line:\n{screen}");
    assert!(
        screen.contains("2026/4/1(水) 10:0"),
        "the practice moment in the status line:\n{screen}"
    );
    // Another screen, the same banner.
    tmux.send(&["g"]);
    let guide = tmux.wait_for("利用料");
    assert!(guide.lines().next().unwrap_or_default().contains("練習"), "{guide}");
    tmux.send(&["Escape", "q"]);
    tmux.wait_for("exit=0");
    // The practice store is its own file; nothing was written to a live one.
    assert!(data.path().join("sango-practice.sqlite3").exists());
    assert!(!data.path().join("sango.sqlite3").exists());
}
