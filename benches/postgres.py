#!/usr/bin/env python3
"""PostgreSQL beside SQLite (BENCHMARKS.md, "One store for every terminal").

Two measurements, each side by side:

writers   Throughput of `sango book` with 1, 4, 16 and 32 writers at once, on the SQLite store
          and on a PostgreSQL database holding the same data. Each writer is a loop of whole
          `sango book` processes (as terminals run them), each booking another mother, so no
          rule refuses any; every configuration starts from a fresh copy of the same store
          (SQLite: a copy of the file; PostgreSQL: CREATE DATABASE … TEMPLATE). Reported: books
          per second (wall clock over all books), each book's latency median and p99, and the
          failures by their first line (a "locked" store, a refused booking).

single    One `sango book` on PostgreSQL over loopback beside `psql` running the same
          transaction (the statements sango sends, read off the server's statement log) on the
          same database: hyperfine, ROUNDS rounds of RUNS runs, medians and the ratio per round.
          psql's own start is heavy (`psql -c 'select 1'` alone takes ~48 ms here), so a second,
          tighter floor is given beside it: `pgbench -C` running the same statements
          on a new connection each time (connect + transaction, no process start).

The stores are made with `sango synth` (seed 1) in DATA/f25-b<bookings> and copied to
PostgreSQL with `sango store copy --to`; both are reused when present.

usage: benches/postgres.py --sango target/release/sango --data /work/bench-data
         [--writers 1,4,16,32] [--books 480] [--bookings 10000] [--single 0,10000,1000000]
         [--rounds 5] [--runs 10] [--pg postgres://postgres@127.0.0.1:5432]
needs: hyperfine, psql (apt-get install -y hyperfine postgresql-client)
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
import threading
import time


def sh(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"failed: {cmd}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r


def psql(url, sql):
    return sh(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]).stdout


def dates():
    birth = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    start = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    return birth, start


def day_facility(d):
    ds = json.load(open(os.path.join(d, "dataset.json")))
    return next(f["id"] for f in ds["facilities"] if "day" in f["types"])


class Bench:
    def __init__(self, args):
        self.S = args.sango
        self.data = args.data
        self.pg = args.pg.rstrip("/")

    def store(self, bookings, writers_residents=0):
        """DATA/f25-b<bookings>[-w<n>]: synth, plus n residents W1… born 10 days ago (writers')."""
        d = os.path.join(self.data, f"f25-b{bookings}" + (f"-w{writers_residents}" if writers_residents else ""))
        marker = os.path.join(d, "writers-added")
        if not os.path.exists(os.path.join(d, "data", "sango.sqlite3")):
            shutil.rmtree(d, ignore_errors=True)
            r = max(100, bookings * 3 // 10)
            print(f"  synth 25 facilities, {r} residents, {bookings} bookings -> {d}", flush=True)
            sh([self.S, "synth", "--seed", "1", "--facilities", "25", "--residents", str(r),
                "--bookings", str(bookings), "--out", d])
        if writers_residents and not os.path.exists(marker):
            birth, _ = dates()
            for i in range(1, writers_residents + 1):
                sh(self.sango_args(d, None) + ["resident", "add", "--id", f"W{i}", "--birth", birth])
            open(marker, "w").close()
        return d

    def sango_args(self, d, url, data_dir=None):
        a = [self.S, "--dataset", os.path.join(d, "dataset.json")]
        if url:
            return a + ["--database", url]
        return a + ["--data-dir", data_dir or os.path.join(d, "data")]

    def pg_copy(self, d, name):
        """The store of `d` copied into the PostgreSQL database `name` (made once)."""
        url = f"{self.pg}/{name}"
        have = psql(f"{self.pg}/postgres", f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        if have.strip() != "1":
            psql(f"{self.pg}/postgres", f"CREATE DATABASE {name}")
            t = time.monotonic()
            sh(self.sango_args(d, None) + ["store", "copy", "--to", url, "--json"])
            print(f"  store copy -> {name}: {time.monotonic() - t:.1f} s", flush=True)
            psql(url, "VACUUM ANALYZE")
        return url


def writers(b, args, out):
    birth, start = dates()
    count = [int(w) for w in args.writers.split(",")]
    base = b.store(args.bookings, args.books)
    facility = day_facility(base)
    template = b.pg_copy(base, f"bench_w{args.bookings}_{args.books}")
    rows = []
    for engine in ("sqlite", "postgresql"):
        for n in count:
            work = os.path.join(b.data, "work-writers")
            shutil.rmtree(work, ignore_errors=True)
            url = None
            if engine == "sqlite":
                shutil.copytree(os.path.join(base, "data"), work)
            else:
                name = "bench_writers_run"
                admin = f"{b.pg}/postgres"
                psql(admin, f"DROP DATABASE IF EXISTS {name}")
                psql(admin, f"CREATE DATABASE {name} TEMPLATE {template.rsplit('/', 1)[1]}")
                url = f"{b.pg}/{name}"
            next_i = [0]
            lock = threading.Lock()
            lat, fails = [], {}

            def writer():
                while True:
                    with lock:
                        next_i[0] += 1
                        i = next_i[0]
                    if i > args.books:
                        return
                    cmd = b.sango_args(base, url, work) + [
                        "book", "--resident", f"W{i}", "--facility", facility, "--type", "day",
                        "--start", start, "--days", "1", "--json"]
                    t = time.monotonic()
                    r = subprocess.run(cmd, capture_output=True, text=True)
                    ms = (time.monotonic() - t) * 1000
                    with lock:
                        if r.returncode == 0:
                            lat.append(ms)
                        else:
                            first = (r.stderr.strip().splitlines() or ["?"])[0][:100]
                            fails[first] = fails.get(first, 0) + 1

            t0 = time.monotonic()
            threads = [threading.Thread(target=writer) for _ in range(n)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.monotonic() - t0
            lat.sort()
            p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 0
            row = (engine, n, len(lat) / wall, statistics.median(lat) if lat else 0, p99,
                   sum(fails.values()), "; ".join(f"{k} ×{v}" for k, v in fails.items()))
            rows.append(row)
            print(f"  {engine} {n:>2} writers: {row[2]:6.1f} books/s  median {row[3]:6.1f} ms  "
                  f"p99 {row[4]:7.1f} ms  failed {row[5]} {row[6]}", flush=True)
            # The store after the race: every book in, and nothing broken.
            check = b.sango_args(base, url, work) + ["store", "check", "--json"]
            c = subprocess.run(check, capture_output=True, text=True)
            if c.returncode != 0:
                sys.exit(f"store check failed after {engine} {n} writers:\n{c.stdout}\n{c.stderr}")
    out.append(f"\n### `book` with concurrent writers ({args.books} books each, "
               f"store of {args.bookings} bookings)\n")
    out.append("| engine | writers | books/s | latency median ms | latency p99 ms | failed |")
    out.append("|---|---|---|---|---|---|")
    for e, n, tput, med, p99, nf, why in rows:
        out.append(f"| {e} | {n} | {tput:.1f} | {med:.1f} | {p99:.1f} | {nf}{' (' + why + ')' if why else ''} |")


def floor_sql(facility, start, at, i):
    """The transaction `sango book` sends to PostgreSQL (read off log_statement = all)."""
    r = f"S{i}"
    event = json.dumps({"id": f"FB{i}", "resident": r, "facility": facility, "care": "day",
                        "first_day": start, "last_day": start, "status": "booked"})
    return (
        "SET search_path TO sango; "
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'sango'; "
        "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'sango' "
        "AND table_name = 'sango_schema'); "
        "SELECT version FROM sango_schema; "
        "SELECT value FROM store_meta WHERE key = 'kind'; "
        "SELECT value FROM store_meta WHERE key = 'store_id'; "
        "BEGIN; "
        f"SELECT id, birth, due, corrected, babies, exempt, created_at, updated_at FROM residents WHERE id = '{r}' FOR UPDATE; "
        "SELECT COALESCE(SUM(CASE WHEN status = 'booked' THEN units ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN status IN ('cancelled_late', 'no_show') THEN units_charged ELSE 0 END), 0) "
        f"FROM bookings WHERE resident = '{r}' AND care = 'day'; "
        f"SELECT first_day, last_day FROM bookings WHERE resident = '{r}' AND status = 'booked'; "
        f"SELECT EXISTS (SELECT 1 FROM bookings WHERE code = 'Z{i}'); "
        "INSERT INTO bookings (id, resident, facility, care, first_day, last_day, nights, days, units, "
        "fee_yen, status, units_charged, terminal, created_at, updated_at, cancelled_at, recorded_at, "
        "cancel_recorded_at, code) "
        f"VALUES ('FB{i}', '{r}', '{facility}', 'day', '{start}', '{start}', NULL, 1, 1, 2500, 'booked', "
        f"0, 'bench', '{at}', '{at}', NULL, '{at}', NULL, 'Z{i}'); "
        "INSERT INTO events (id, at, recorded_at, terminal, kind, subject, data, imported_at, imported_by) "
        f"VALUES ('FE{i}', '{at}', '{at}', 'bench', 'booked', 'FB{i}', '{event}', NULL, NULL); "
        "COMMIT;"
    )


def hyperfine(name, cmd, runs, params):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        sh(["hyperfine", "-N", "--style", "none", "--export-json", out.name, "--runs", str(runs),
            *params, "-n", name, cmd])
        return [t * 1000 for r in json.load(open(out.name))["results"] for t in r["times"]]


def q(s):
    return "'" + s.replace("'", "'\\''") + "'"


def single(b, args, out):
    birth, start = dates()
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9)))
    at = now.strftime("%Y-%m-%dT%H:%M:%S+09:00")
    out.append(f"\n### One `book` on PostgreSQL beside `psql` running its transaction "
               f"({args.rounds} rounds × {args.runs} runs)\n")
    out.append("| bookings | sango median ms | psql median ms | ratio min / median / max (per round) | goal | met |")
    out.append("|---|---|---|---|---|---|")
    pg_ratios = []
    for size in [int(s) for s in args.single.split(",")]:
        base = b.store(size)
        facility = day_facility(base)
        url = b.pg_copy(base, f"bench_s{size}")
        sango_ms, psql_ms, ratios = [], [], []
        for rnd in range(args.rounds):
            # Mothers for this round, sango's (B…) and the floor's (S…), born 10 days ago.
            tag = f"{os.getpid()}X{rnd}"
            values = ", ".join(
                f"('{p}{tag}-{i}', '{birth}', NULL, 0, 1, 0, '{at}', '{at}')"
                for p in ("B", "S") for i in range(1, args.runs + 1))
            psql(url, f"SET search_path TO sango; INSERT INTO residents VALUES {values}")
            cmd = " ".join(b.sango_args(base, url)) + (
                f" book --resident B{tag}-{{i}} --facility {facility} --type day --start {start} "
                "--days 1 --json")
            s = hyperfine("book", cmd, 1, ["-P", "i", "1", str(args.runs)])
            floor = floor_sql(facility, start, at, f"{tag}-{{i}}")
            f = hyperfine("psql", f"psql {url} -qAt -c {q(floor)}", 1, ["-P", "i", "1", str(args.runs)])
            sango_ms += s
            psql_ms += f
            ratios.append(statistics.median(s) / statistics.median(f))
        # pgbench: the same statements, prepared, a new connection per transaction.
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
            script.write("\\set i random(1, 2000000000)\n")
            script.write(floor_sql(facility, start, at, "P:i").replace("'SP:i'", "'P1'")
                         .replace("; ", ";\n"))
        psql(url, f"SET search_path TO sango; INSERT INTO residents VALUES "
                  f"('P1', '{birth}', NULL, 0, 1, 0, '{at}', '{at}') ON CONFLICT DO NOTHING")
        bench_ms = []
        for rnd in range(args.rounds):
            r = sh(["pgbench", "-n", "-C", "-M", "simple", "-t", str(args.runs), "-f",
                    script.name, url])
            lat = [l for l in r.stdout.splitlines() if l.startswith("latency average")]
            bench_ms.append(float(lat[0].split("=")[1].split()[0]))
        os.unlink(script.name)
        pg_ratios.append((size, statistics.median(sango_ms), statistics.median(bench_ms),
                          statistics.median(sango_ms) / statistics.median(bench_ms)))
        med = statistics.median(ratios)
        out.append(f"| {size} | {statistics.median(sango_ms):.2f} | {statistics.median(psql_ms):.2f} | "
                   f"{min(ratios):.2f} / {med:.2f} / {max(ratios):.2f} | ≤ 2.5 | "
                   f"{'met' if med <= 2.5 else 'NOT met'} |")
        print(out[-1], flush=True)
    out.append("\nThe tighter floor, `pgbench -C` (connect + the same transaction):\n")
    out.append("| bookings | sango median ms | pgbench latency median ms | ratio |")
    out.append("|---|---|---|---|")
    for size, s, f, ratio in pg_ratios:
        out.append(f"| {size} | {s:.2f} | {f:.2f} | {ratio:.2f} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sango", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--writers", default="1,4,16,32")
    p.add_argument("--books", type=int, default=480)
    p.add_argument("--bookings", type=int, default=10000)
    p.add_argument("--single", default="0,10000,1000000")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--only", default="writers,single")
    args = p.parse_args()
    args.sango = os.path.abspath(args.sango)
    os.makedirs(args.data, exist_ok=True)
    b = Bench(args)
    out = []
    if "writers" in args.only:
        writers(b, args, out)
    if "single" in args.only:
        single(b, args, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
