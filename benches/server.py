#!/usr/bin/env python3
"""A ward's server and its terminals (BENCHMARKS.md, "Terminals through a server").

online    One `sango book` at a terminal through the server (`SANGO_SERVER`, loopback) beside
          the same booking made directly on the server's store by `sango book` (both whole
          processes, hyperfine, ROUNDS rounds of RUNS runs, each run for a new mother): the
          ratio of the medians per round. The terminal's book writes its outbox entry, sends
          the command, and pulls what changed into its replica: all of it is in the time.
catchup   A new terminal's first `sango sync` against a server whose store holds CHANGES
          changes (events): the whole replica pulled page by page and merged.
outbox    A terminal whose server is down books OUTBOX times (each provisional, for another
          mother); the server comes back and one `sango sync` sends them all in order, each
          decided by the server, and pulls the result.

Each part runs on the SQLite store and on PostgreSQL (`--database`, a database of its own,
dropped after). Stores come from `sango synth` (seed 1) in DATA.

usage: benches/server.py --sango target/release/sango --data /work/bench-data
         [--engines sqlite,postgresql] [--only online,catchup,outbox] [--rounds 5] [--runs 10]
         [--changes 100000] [--outbox 10000] [--pg postgres://postgres@127.0.0.1:5432]
needs: hyperfine, psql, sqlite3
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def sh(cmd, env=None, check=True, stdin=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, input=stdin)
    if check and r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANGO_")}
    env.update(extra)
    return env


CLERK = "bench.clerk"
PASSWORD = "bench password 1\n"


class Server:
    """`sango serve` on a copy of a store (SQLite folder, or a PostgreSQL database)."""

    def __init__(self, b, base, engine, name):
        self.b, self.base, self.engine = b, base, engine
        self.dir = os.path.join(b.data, f"srv-{name}")
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.copytree(os.path.join(base, "data"), self.dir)
        self.url_db = None
        if engine == "postgresql":
            self.db = f"bench_srv_{name}"
            admin = f"{b.pg}/postgres"
            sh(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {self.db}"])
            sh(["psql", admin, "-qc", f"CREATE DATABASE {self.db}"])
            self.url_db = f"{b.pg}/{self.db}"
            # The SQLite copy moved to the server's database (the folder keeps only exports).
            sh([b.S, "--dataset", self.dataset(), "--data-dir", self.dir, "store", "copy",
                "--to", self.url_db, "--json"], env=clean_env())
        self.proc = None
        self.port = None

    def dataset(self):
        return os.path.join(self.base, "dataset.json")

    def args(self):
        a = [self.b.S, "--dataset", self.dataset(), "--data-dir", self.dir]
        return a + (["--database", self.url_db] if self.url_db else [])

    def start(self):
        listen = f"127.0.0.1:{self.port or 0}"
        self.proc = subprocess.Popen(self.args() + ["serve", "--listen", listen],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, env=clean_env())
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            sys.exit(f"the server did not start: {line}")
        self.url = line[len("listening on "):]
        self.port = int(self.url.rsplit(":", 1)[1])

    def stop(self):
        if self.proc:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=60)
            self.proc = None

    def enroll(self, name):
        r = sh(self.args() + ["serve", "terminal", "add", name, "--role", "staff", "--json"],
               env=clean_env())
        # The clerk who signs in at the terminals (writes need a signed-in staff member).
        subprocess.run(self.args() + ["serve", "staff", "add", CLERK], input=PASSWORD * 2,
                       capture_output=True, text=True, env=clean_env())
        return json.loads(r.stdout)["token"]

    def residents(self, prefix, n, birth):
        """n mothers PREFIX1… born on BIRTH, registered on the server's store directly."""
        def add(i):
            sh(self.args() + ["resident", "add", "--id", f"{prefix}{i}", "--birth", birth],
               env=clean_env())
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(add, range(1, n + 1)))

    def drop(self):
        self.stop()
        if self.url_db:
            sh(["psql", f"{self.b.pg}/postgres", "-qc",
                f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)"], check=False)


class Bench:
    def __init__(self, args):
        self.S = os.path.abspath(args.sango)
        self.data = args.data
        self.pg = args.pg.rstrip("/")
        self.args = args

    def store(self, bookings, residents=None):
        d = os.path.join(self.data, f"f25-b{bookings}")
        if not os.path.exists(os.path.join(d, "data", "sango.sqlite3")):
            shutil.rmtree(d, ignore_errors=True)
            r = residents or max(100, bookings * 3 // 10)
            print(f"  synth 25 facilities, {r} residents, {bookings} bookings -> {d}", flush=True)
            sh([self.S, "synth", "--seed", "1", "--facilities", "25", "--residents", str(r),
                "--bookings", str(bookings), "--out", d], env=clean_env())
        return d

    def terminal(self, srv, token, name):
        d = os.path.join(self.data, f"term-{name}")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        # The terminal's own config folder: its sign-in file lives there.
        env = clean_env(SANGO_SERVER=srv.url, SANGO_TOKEN=token, SANGO_TERMINAL=name,
                        SANGO_CONFIG_DIR=os.path.join(d, "config"))
        self.login(srv, d, env)
        return d, env

    def login(self, srv, d, env):
        r = subprocess.run([self.S, "--dataset", srv.dataset(), "--data-dir", d, "login", CLERK],
                           input=PASSWORD, capture_output=True, text=True, env=env)
        if r.returncode != 0:
            sys.exit(f"sango login failed: {r.stderr}")


def dates():
    birth = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    start = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    return birth, start


def day_facility(d):
    ds = json.load(open(os.path.join(d, "dataset.json")))
    return next(f["id"] for f in ds["facilities"] if "day" in f["types"])


def online(b, engine, out):
    base = b.store(10000)
    birth, start = dates()
    facility = day_facility(base)
    srv = Server(b, base, engine, "online")
    try:
        srv.start()
        token = srv.enroll("bench-online")
        runs, rounds = b.args.runs, b.args.rounds
        srv.residents("D", runs * rounds, birth)
        srv.residents("T", runs * rounds, birth)
        term, env = b.terminal(srv, token, "bench-online")
        sh([b.S, "--dataset", srv.dataset(), "--data-dir", term, "sync", "--json"], env=env)
        direct_ms, via_ms, ratios = [], [], []
        for rnd in range(rounds):
            off = rnd * runs
            book = (f"book --facility {facility} --type day --start {start} --days 1 --json "
                    f"--resident")
            direct = " ".join(srv.args()) + f" {book} D{{i}}"
            via = f"{b.S} --dataset {srv.dataset()} --data-dir {term} {book} T{{i}}"
            # Each round books mothers of its own: the parameter starts past the last round's.
            d = hyperfine_range(direct, off, runs, clean_env())
            v = hyperfine_range(via, off, runs, env)
            direct_ms += d
            via_ms += v
            ratios.append(statistics.median(v) / statistics.median(d))
        med = statistics.median(ratios)
        out.append(f"| {engine} | {statistics.median(direct_ms):.2f} | "
                   f"{statistics.median(via_ms):.2f} | {min(ratios):.2f} / {med:.2f} / "
                   f"{max(ratios):.2f} | ≤ 2 | {'met' if med <= 2 else 'NOT met'} |")
        print(out[-1], flush=True)
    finally:
        srv.drop()


def hyperfine_range(cmd, off, runs, env):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        sh(["hyperfine", "-N", "--style", "none", "--export-json", out.name, "--runs", "1",
            "-P", "i", str(off + 1), str(off + runs), cmd], env=env)
        return [t * 1000 for r in json.load(open(out.name))["results"] for t in r["times"]]


def catchup(b, engine, out):
    # synth writes about 1.4 events per booking: enough bookings for the changes asked.
    bookings = int(b.args.changes / 1.4) + 1000
    base = b.store(bookings)
    srv = Server(b, base, engine, "catchup")
    try:
        srv.start()
        token = srv.enroll("bench-catchup")
        times = []
        for rnd in range(3):
            term, env = b.terminal(srv, token, "bench-catchup")
            t = time.monotonic()
            r = sh([b.S, "--dataset", srv.dataset(), "--data-dir", term, "sync", "--json"],
                   env=env)
            times.append(time.monotonic() - t)
            pulled = json.loads(r.stdout)["pulled"]
        med = statistics.median(times)
        out.append(f"| {engine} | catch-up: a new terminal pulls {pulled} changes | "
                   f"{med:.1f} s (runs: {', '.join(f'{x:.1f}' for x in times)}) | < 30 s | "
                   f"{'met' if med < 30 else 'NOT met'} |")
        print(out[-1], flush=True)
    finally:
        srv.drop()


def outbox(b, engine, out):
    base = b.store(10000)
    birth, start = dates()
    facility = day_facility(base)
    n = b.args.outbox
    srv = Server(b, base, engine, "outbox")
    try:
        srv.start()
        token = srv.enroll("bench-outbox")
        print(f"  {n} mothers for the outbox", flush=True)
        srv.residents("O", n, birth)
        term, env = b.terminal(srv, token, "bench-outbox")
        sh([b.S, "--dataset", srv.dataset(), "--data-dir", term, "sync", "--json"], env=env)
        srv.stop()
        # The outbox written as an offline `book` writes it, then the last few made by real
        # offline `book`s (the path a clerk takes), timed with the outbox already full: each
        # reads only her own waiting bookings, so the size of the outbox does not slow it.
        real = min(n, 50)
        print(f"  {n - real} provisional bookings with the server down, then {real} real ones",
              flush=True)
        state = os.path.join(term, "replica", "terminal.sqlite3")
        rows = []
        jst_now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))) \
            .strftime("%Y-%m-%dT%H:%M:%S+09:00")
        for i in range(real + 1, n + 1):
            cid = f"01BENCH{i:019d}"
            body = json.dumps({"command_id": cid, "days": 1, "facility": facility,
                               "resident": f"O{i}", "start": start, "type": "day"})
            rows.append(f"('{cid}', 'book', '/v1/bookings', '{body}', "
                        f"'{jst_now}', 1, 'O{i}')")
        if rows:
            sh(["sqlite3", state], stdin="BEGIN; INSERT INTO outbox (command_id, kind, path, "
               "body, created_at, provisional, resident) VALUES " + ", ".join(rows) + "; COMMIT;")
        t = time.monotonic()
        for i in range(1, real + 1):
            r = sh([b.S, "--dataset", srv.dataset(), "--data-dir", term, "book", "--resident",
                    f"O{i}", "--facility", facility, "--type", "day", "--start", start,
                    "--days", "1", "--json"], env=env)
            assert json.loads(r.stdout)["status"] == "provisional", r.stdout
        made = (time.monotonic() - t) / real
        srv.start()
        # A fresh sign-in (the one made before the restart would do too: the server keeps it).
        b.login(srv, term, env)
        t = time.monotonic()
        r = sh([b.S, "--dataset", srv.dataset(), "--data-dir", term, "sync", "--json"], env=env)
        took = time.monotonic() - t
        report = json.loads(r.stdout)
        out.append(f"| {engine} | sync of {n} outbox entries (pushed {report['pushed']}, "
                   f"rejected {report['rejected']}, pulled {report['pulled']}) | {took:.1f} s "
                   f"(an offline `book`: {made * 1000:.0f} ms) | "
                   f"< 10 s | {'met' if took < 10 else 'NOT met'} |")
        print(out[-1], flush=True)
    finally:
        srv.drop()


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sango", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--engines", default="sqlite,postgresql")
    p.add_argument("--only", default="online,catchup,outbox")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--changes", type=int, default=100000)
    p.add_argument("--outbox", type=int, default=10000)
    args = p.parse_args()
    os.makedirs(args.data, exist_ok=True)
    b = Bench(args)
    out = []
    engines = args.engines.split(",")
    if "online" in args.only:
        out.append("\n### One booking through the server beside the same booking on its store\n")
        out.append("| engine | direct median ms | through the server median ms | "
                   "ratio min / median / max (per round) | goal | met |")
        out.append("|---|---|---|---|---|---|")
        for e in engines:
            online(b, e, out)
    if "catchup" in args.only or "outbox" in args.only:
        out.append("\n### Catching up and sending the outbox\n")
        out.append("| engine | what | took | goal | met |")
        out.append("|---|---|---|---|---|")
        for e in engines:
            if "catchup" in args.only:
                catchup(b, e, out)
            if "outbox" in args.only:
                outbox(b, e, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
