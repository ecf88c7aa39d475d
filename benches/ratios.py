#!/usr/bin/env python3
"""Whole-process speed of sango as ratios to a floor, measured side by side (BENCHMARKS.md).

The floor of a command is the same work done by the `sqlite3` command-line tool on the same
file (the same SQL the store runs; for a write, the same transaction with WAL and
synchronous=FULL), or a hello-world Rust process for a command that touches no store. Each
round runs every pair back to back (hyperfine, RUNS runs of each); the table gives the medians
over all rounds and the ratio of the medians per round (min / median / max over the rounds),
so that a noisy minute moves both sides of a ratio alike.

Stores are made with `sango synth` (seed 1) in DATA/f<facilities>-b<bookings>, residents 30 %
of the bookings (at least 100), and reused when present. Writes run on a copy (DATA/work),
live-store moments near now. `bookings --date` and `report --month` are measured at every
size with bookings, the dataset-only commands at 2,000 facilities. Exports and the import run
once each under GNU time at the largest size for their time and peak memory (--memory).

usage: benches/ratios.py --sango target/release/sango --data /work/bench-data
         [--bookings 0,10000,50000,300000,1000000] [--facilities 25,2000]
         [--rounds 5] [--runs 10] [--memory] [--only quota,book,...]
needs: hyperfine, sqlite3, GNU time (/usr/bin/time), rustc (for the hello-world floor):
  apt-get install -y hyperfine sqlite3 time
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

GOALS = {
    # command: (goal ratio, floor kind)
    "quota": 2.0,
    "bookings --resident": 2.0,
    "resident show": 2.0,
    "book": 2.5,
    "cancel": 2.5,
    "resident add": 2.5,
    "bookings --date": 2.0,
    "report --month": 5.0,
    "export --format csv": 1.5,
    "facilities": 3.0,
    "hours": 3.0,
    "window": 3.0,
    "fee": 3.0,
    "holidays": 3.0,
}

RESIDENT = "R0000004"
EVENT_DATA = json.dumps({"id": "X", "resident": "X", "facility": "f", "type": "day",
                         "first_day": "2026-12-01", "last_day": "2026-12-01", "nights": None,
                         "days": 1, "units": 1, "fee_yen": 2500, "status": "booked",
                         "units_charged": 0, "terminal": "bench",
                         "created_at": "2026-11-30T10:00:00+09:00",
                         "updated_at": "2026-11-30T10:00:00+09:00", "cancelled_at": None})


def sh(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"failed: {cmd}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r


def q(s):
    return "'" + s.replace("'", "'\\''") + "'"


def store_dir(data, f, b):
    d = os.path.join(data, f"f{f}-b{b}")
    if not os.path.exists(os.path.join(d, "data", "sango.sqlite3")):
        shutil.rmtree(d, ignore_errors=True)
        r = max(100, b * 3 // 10)
        print(f"  synth {f} facilities, {r} residents, {b} bookings -> {d}", flush=True)
        sh([SANGO, "synth", "--seed", "1", "--facilities", str(f), "--residents", str(r),
            "--bookings", str(b), "--out", d])
    return d


def hello(data):
    exe = os.path.join(data, "hello")
    if not os.path.exists(exe):
        src = os.path.join(data, "hello.rs")
        with open(src, "w") as f:
            f.write('fn main() { println!("hello"); }\n')
        sh(["rustc", "-O", "-o", exe, src])
    return exe


def hyperfine(cmds, runs, extra=()):
    """Runs hyperfine on [(name, command)], returns {name: [ms]}."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["hyperfine", "-N", "--style", "none", "--export-json", out.name, *extra]
        args += ["--runs", str(runs)]
        for name, c in cmds:
            args += ["-n", name, c]
        sh(args)
        res = json.load(open(out.name))["results"]
    times = {}
    for r in res:
        times.setdefault(r["command"], []).extend(t * 1000 for t in r["times"])
    return times


def sqlite(db, sql):
    return f"sqlite3 {db} {q(sql)}"


def usage_sql(r, care):
    return (f"SELECT COALESCE(SUM(CASE WHEN status = 'booked' THEN units ELSE 0 END), 0), "
            f"COALESCE(SUM(CASE WHEN status IN ('cancelled_late', 'no_show') THEN units_charged ELSE 0 END), 0) "
            f"FROM bookings WHERE resident = '{r}' AND care = '{care}';")


def read_pairs(S, D, db, only):
    """(command, sango command line, floor command line) for the read-only commands."""
    A = f"{S} --dataset {D}/dataset.json --data-dir {D}/data"
    quota = "".join(usage_sql(RESIDENT, c) for c in ("stay", "day", "visit"))
    resident = f"SELECT * FROM residents WHERE id = '{RESIDENT}';"
    pairs = [
        ("quota", f"{A} quota --resident {RESIDENT} --json",
         sqlite(db, f"BEGIN; {resident} {quota} COMMIT;")),
        ("bookings --resident", f"{A} bookings --resident {RESIDENT} --json",
         sqlite(db, f"{resident} SELECT * FROM bookings WHERE resident = '{RESIDENT}' "
                    "ORDER BY first_day, created_at, id;")),
        ("resident show", f"{A} resident show {RESIDENT} --json",
         sqlite(db, f"{resident} BEGIN; {resident} {quota} COMMIT;")),
    ]
    return [p for p in pairs if not only or p[0] in only]


def big_read_pairs(S, D, db, only):
    A = f"{S} --dataset {D}/dataset.json --data-dir {D}/data"
    day = "2026-06-15"
    # The store bounds first_day below by the longest booking's length (one step down an index).
    longest = int(sh(["sqlite3", db, "SELECT COALESCE(MAX(units), 1) FROM bookings"]).stdout)
    earliest = (datetime.date.fromisoformat(day) - datetime.timedelta(days=longest - 1)).isoformat()
    pairs = [
        ("bookings --date", f"{A} bookings --date {day} --json",
         sqlite(db, "SELECT COALESCE(MAX(units), 1) FROM bookings; "
                    f"SELECT * FROM bookings WHERE first_day >= '{earliest}' AND "
                    f"first_day <= '{day}' AND last_day >= '{day}' "
                    "ORDER BY first_day, created_at, id;")),
        ("report --month", f"{A} report --month 2026-06 --json",
         sqlite(db, "SELECT facility, care, status, MIN(first_day) AS first_day, COUNT(*), "
                    "SUM(units), SUM(fee_yen), SUM(units_charged) FROM bookings "
                    "WHERE first_day >= '2026-06-01' AND first_day <= '2026-06-30' "
                    "GROUP BY facility, care, status;")),
    ]
    return [p for p in pairs if not only or p[0] in only]


def dataset_pairs(S, D, hello_exe, facility, only):
    A = f"{S} --dataset {D}/dataset.json"
    pairs = [
        ("facilities", f"{A} facilities --json", hello_exe),
        ("hours", f"{A} hours {facility} --at 2026-11-20T10:00 --json", hello_exe),
        ("window", f"{A} window {facility} --type day --birth 2026-10-01 --json", hello_exe),
        ("fee", f"{A} fee --type stay --units 2 --json", hello_exe),
        ("holidays", f"{A} holidays 2026 --json", hello_exe),
    ]
    return [p for p in pairs if not only or p[0] in only]


def day_facility(D):
    ds = json.load(open(os.path.join(D, "dataset.json")))
    return next(f["id"] for f in ds["facilities"] if "day" in f["types"])


def write_rounds(S, D, work, runs, rnd, facility, only, times):
    """One round of book, cancel and resident add, each beside its sqlite3 transaction."""
    A = f"{S} --dataset {D}/dataset.json --data-dir {work}"
    db = os.path.join(work, "sango.sqlite3")
    birth = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    start = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9)))
    at = now.strftime("%Y-%m-%dT%H:%M:%S+09:00")
    sync = "PRAGMA synchronous=FULL;"
    tag = f"{rnd}"
    if not only or "resident add" in only:
        t = hyperfine([("resident add", f"{A} resident add --id RA{tag}-{{i}} --birth {birth} --json")],
                      1, ["-P", "i", "1", str(runs)])
        f = hyperfine([("resident add", sqlite(db, f"{sync} BEGIN IMMEDIATE; SELECT * FROM residents WHERE id = 'FA{tag}-{{i}}'; "
                        f"INSERT INTO residents VALUES ('FA{tag}-{{i}}', '{birth}', NULL, 0, 1, 0, '{at}', '{at}'); "
                        f"INSERT INTO events (id, at, recorded_at, terminal, kind, subject, data) VALUES "
                        f"('FE{tag}-{{i}}', '{at}', '{at}', 'bench', 'resident_added', 'FA{tag}-{{i}}', "
                        f"'{{\"id\":\"FA{tag}-{{i}}\"}}'); COMMIT;"))], 1, ["-P", "i", "1", str(runs)])
        times.append(("resident add", pool(t), pool(f)))
    if not only or "book" in only or "cancel" in only:
        # Residents for this round's bookings (sango's and the floor's).
        for i in range(1, runs + 1):
            sh(A.split() + ["resident", "add", "--id", f"RB{tag}-{i}", "--birth", birth])
        t = hyperfine([("book", f"{A} book --resident RB{tag}-{{i}} --facility {facility} --type day "
                        f"--start {start} --days 1 --json")], 1, ["-P", "i", "1", str(runs)])
        f = hyperfine([("book", sqlite(db, f"{sync} BEGIN IMMEDIATE; SELECT * FROM residents WHERE id = 'RB{tag}-{{i}}'; "
                        + usage_sql(f"RB{tag}-{{i}}", "day")
                        + f" SELECT first_day, last_day FROM bookings WHERE resident = 'RB{tag}-{{i}}' AND status = 'booked'; "
                        f"SELECT EXISTS (SELECT 1 FROM bookings WHERE code = 'ZZZZ-{tag}{{i}}'); "
                        f"INSERT INTO bookings (id, resident, facility, care, first_day, last_day, nights, days, units, fee_yen, status, units_charged, terminal, created_at, updated_at, recorded_at, code) "
                        f"VALUES ('FB{tag}-{{i}}', 'RB{tag}-{{i}}', '{facility}', 'day', '{start}', '{start}', NULL, 1, 1, 2500, 'booked', 0, 'bench', '{at}', '{at}', '{at}', 'ZZZZ-{tag}{{i}}'); "
                        f"INSERT INTO events (id, at, recorded_at, terminal, kind, subject, data) VALUES ('FBE{tag}-{{i}}', '{at}', '{at}', 'bench', 'booked', 'FB{tag}-{{i}}', {q(EVENT_DATA).replace(chr(39) + chr(92) + chr(39) + chr(39), chr(39) + chr(39))}); COMMIT;"))],
                      1, ["-P", "i", "1", str(runs)])
        if not only or "book" in only:
            times.append(("book", pool(t), pool(f)))
        if not only or "cancel" in only:
            # The bookings sango just made (the floor's have ids of its own, FB…).
            ids = sh(["sqlite3", db, f"SELECT id FROM bookings WHERE resident LIKE 'RB{tag}-%' "
                      "AND id NOT LIKE 'FB%' AND status = 'booked'"]).stdout.split()[:runs]
            t = hyperfine([("cancel", f"{A} cancel {{b}} --json")], 1, ["-L", "b", ",".join(ids)])
            f = hyperfine([("cancel", sqlite(db, f"{sync} BEGIN IMMEDIATE; SELECT * FROM bookings WHERE code = 'ZZZZ-{tag}{{i}}'; "
                            f"UPDATE bookings SET status = 'cancelled', units_charged = 0, cancelled_at = '{at}', updated_at = '{at}', cancel_recorded_at = '{at}' WHERE id = 'FB{tag}-{{i}}'; "
                            f"INSERT INTO events (id, at, recorded_at, terminal, kind, subject, data) VALUES ('FCE{tag}-{{i}}', '{at}', '{at}', 'bench', 'cancelled', 'FB{tag}-{{i}}', "
                            f"'{{\"status\":\"cancelled\",\"units_charged\":0,\"cancelled_at\":\"{at}\",\"updated_at\":\"{at}\"}}'); COMMIT;"))],
                          1, ["-P", "i", "1", str(runs)])
            times.append(("cancel", pool(t), pool(f)))


def pool(t):
    return [x for v in t.values() for x in v]


def summarize(label, rows, out):
    """rows: [(command, [sango ms per round...], [floor ms per round...], ratio per round)]"""
    out.append(f"\n### {label}\n")
    out.append("| command | sango median ms | floor median ms | ratio min / median / max (per round) | goal | met |")
    out.append("|---|---|---|---|---|---|")
    for c, s, f, ratios in rows:
        goal = GOALS.get(c)
        med = statistics.median(ratios)
        met = "met" if goal and med <= goal else ("NOT met" if goal else "")
        out.append(f"| {c} | {statistics.median(s):.2f} | {statistics.median(f):.2f} | "
                   f"{min(ratios):.2f} / {med:.2f} / {max(ratios):.2f} | ≤ {goal} | {met} |")
    print("\n".join(out[-len(rows) - 3:]), flush=True)


def measure_size(args, f, b, hello_exe, out):
    D = store_dir(args.data, f, b)
    db = os.path.join(D, "data", "sango.sqlite3")
    only = set(args.only.split(",")) if args.only else set()
    facility = day_facility(D)
    # The first open after synth or a copy checks the file once; then it is trusted.
    subprocess.run([SANGO, "--dataset", f"{D}/dataset.json", "--data-dir", f"{D}/data", "quota",
                    "--resident", RESIDENT], capture_output=True)
    pairs = read_pairs(SANGO, D, db, only)
    if b > 0:
        pairs += big_read_pairs(SANGO, D, db, only)
    if f >= 2000 and b == 0:
        pairs += dataset_pairs(SANGO, D, hello_exe, facility, only)
    work = os.path.join(args.data, "work", f"f{f}-b{b}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.dirname(work), exist_ok=True)
    shutil.copytree(os.path.join(D, "data"), work)
    subprocess.run([SANGO, "--dataset", f"{D}/dataset.json", "--data-dir", work, "quota",
                    "--resident", RESIDENT], capture_output=True)
    per = {}
    for rnd in range(args.rounds):
        for name, s, fl in pairs:
            t = hyperfine([("sango", s), ("floor", fl)], args.runs, ["--warmup", "2"])
            per.setdefault(name, []).append((t["sango"], t["floor"]))
        w = []
        write_rounds(SANGO, D, work, args.runs, rnd, facility, only, w)
        for name, s, fl in w:
            per.setdefault(name, []).append((s, fl))
    rows = []
    for name, rounds in per.items():
        s_all = [x for s, _ in rounds for x in s]
        f_all = [x for _, fl in rounds for x in fl]
        ratios = [statistics.median(s) / statistics.median(fl) for s, fl in rounds]
        rows.append((name, s_all, f_all, ratios))
    summarize(f"{f} facilities, {b} bookings ({args.rounds} rounds × {args.runs} runs)", rows, out)
    shutil.rmtree(work, ignore_errors=True)


def peak(cmd, stdin=None):
    """Seconds and peak RSS (MB) of one run under GNU time."""
    with tempfile.NamedTemporaryFile() as t:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin)
        secs, kb = open(t.name).read().split()[-2:]
    return float(secs), int(kb) / 1024


def memory(args, out):
    f, b = max(args.facilities), max(args.bookings)
    D = store_dir(args.data, f, b)
    A = [SANGO, "--dataset", f"{D}/dataset.json", "--data-dir", f"{D}/data"]
    out.append(f"\n### Exports and import, {f} facilities, {b} bookings (one run each)\n")
    out.append("| what | seconds | peak RSS MB | floor seconds |")
    out.append("|---|---|---|---|")
    db = os.path.join(D, "data", "sango.sqlite3")
    exp = os.path.join(args.data, "work", "export.json")
    os.makedirs(os.path.dirname(exp), exist_ok=True)
    for fmt in ("csv", "json", "ics"):
        target = exp if fmt == "json" else os.path.join(args.data, "work", f"export.{fmt}")
        if os.path.exists(target):
            os.remove(target)
        s, m = peak(A + ["export", "--format", fmt, "--out", target])
        floor = ""
        if fmt == "csv":
            fs, _ = peak(["sh", "-c", f"sqlite3 -csv {db} 'SELECT * FROM bookings ORDER BY first_day, created_at, id' > /dev/null"])
            floor = f"{fs:.1f} (`sqlite3 -csv`; ratio {s / fs:.2f})"
        out.append(f"| export --format {fmt} | {s:.1f} | {m:.0f} | {floor} |")
        print(out[-1], flush=True)
    fresh = os.path.join(args.data, "work", "import")
    shutil.rmtree(fresh, ignore_errors=True)
    os.makedirs(fresh)
    s, m = peak([SANGO, "--dataset", f"{D}/dataset.json", "--data-dir", fresh, "import", exp,
                 "--json"])
    out.append(f"| import (into an empty store) | {s:.1f} | {m:.0f} | |")
    print(out[-1], flush=True)
    shutil.rmtree(fresh, ignore_errors=True)


def main():
    global SANGO
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sango", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--bookings", default="0,10000,50000,300000,1000000")
    p.add_argument("--facilities", default="25,2000")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--memory", action="store_true")
    p.add_argument("--only", default="")
    args = p.parse_args()
    SANGO = os.path.realpath(args.sango)
    args.data = os.path.realpath(args.data)
    args.bookings = [int(x) for x in args.bookings.split(",")]
    args.facilities = [int(x) for x in args.facilities.split(",")]
    os.makedirs(args.data, exist_ok=True)
    cfg = tempfile.mkdtemp()
    os.environ.update(SANGO_CONFIG_DIR=cfg, SANGO_TERMINAL="bench")
    os.environ.pop("SANGO_PRACTICE", None)
    hello_exe = hello(args.data)
    out = [f"sango {SANGO} on {os.uname().nodename}, {datetime.datetime.now().isoformat(timespec='minutes')}"]
    for f in args.facilities:
        for b in args.bookings:
            measure_size(args, f, b, hello_exe, out)
    if args.memory:
        memory(args, out)
    print("\n".join(out))


if __name__ == "__main__":
    SANGO = None
    main()
