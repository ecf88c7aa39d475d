#!/bin/sh
# Whole-process timings of several sango binaries, interleaved (issue 6; see BENCHMARKS.md):
# ROUNDS rounds, each RUNS runs of `quota --resident`, `bookings --resident` and `book` with
# every binary in turn, so that all of them see the same load on a shared machine (medians on
# this host drift by ±25 % from one minute to the next). Prints each command's pooled median,
# p10, p90 and min, and the ratio of the median to the budget.
#
# usage: benches/ab_whole_process.sh DIR ROUNDS RUNS NAME=SANGO_BINARY...
#   DIR is made by `sango synth --out DIR`; it is not changed: `book` runs on a copy of DIR/data
#   per binary (1 GB each at the default size), each run for a new resident.
# needs: hyperfine, python3.
set -eu
D=$(realpath "$1")
ROUNDS=$2
RUNS=$3
shift 3
WORK=$(mktemp -d)
CONFIG=$(mktemp -d)
trap 'rm -rf "$WORK" "$CONFIG"' EXIT
export SANGO_CONFIG_DIR="$CONFIG" SANGO_TERMINAL=bench
RESIDENT=${SANGO_BENCH_RESIDENT:-R0000004}
# The copy is a live store: its writes happen now, for a mother born ten days ago.
BIRTH=$(date -d '-10 days' +%F)
START=$(date -d '+5 days' +%F)
FACILITY=$(python3 -c '
import json, sys
ds = json.load(open(sys.argv[1]))
print(next(f["id"] for f in ds["facilities"] if "day" in f["types"]))' "$D/dataset.json")
for nb in "$@"; do
  cp -r "$D/data" "$WORK/data-${nb%%=*}"
done
mkdir "$WORK/out"
r=0
while [ "$r" -lt "$ROUNDS" ]; do
  r=$((r + 1))
  for nb in "$@"; do
    n=${nb%%=*}
    S=$(realpath "${nb#*=}")
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/out/read-$n-$r.json" \
      -n quota "$S --dataset $D/dataset.json --data-dir $D/data quota --resident $RESIDENT --json" \
      -n bookings "$S --dataset $D/dataset.json --data-dir $D/data bookings --resident $RESIDENT --json" \
      >/dev/null
    A="--dataset $D/dataset.json --data-dir $WORK/data-$n"
    hyperfine -N --runs 1 -P i 1 "$RUNS" --export-json "$WORK/out/book-$n-$r.json" \
      --prepare "$S $A resident add --id AB-$r-{i} --birth $BIRTH" \
      "$S $A book --resident AB-$r-{i} --facility $FACILITY --type day --start $START --days 1" \
      >/dev/null
  done
done
python3 - "$WORK/out" "$@" <<'PY'
import collections, glob, json, statistics, sys
out, names = sys.argv[1], [a.split("=", 1)[0] for a in sys.argv[2:]]
pool = collections.defaultdict(list)
for n in names:
    for f in glob.glob(f"{out}/read-{n}-*.json"):
        for r in json.load(open(f))["results"]:
            pool[(r["command"], n)] += [t * 1000 for t in r["times"]]
    for f in glob.glob(f"{out}/book-{n}-*.json"):
        pool[("book", n)] += [r["times"][0] * 1000 for r in json.load(open(f))["results"]]
budget = {"quota": 20, "bookings": 20, "book": 30}
print(f"{'command':<9} {'binary':<12} {'runs':>5} {'median':>9} {'p10':>7} {'p90':>7} {'min':>7}  ratio")
for c in ["quota", "bookings", "book"]:
    for n in names:
        t = sorted(pool[(c, n)])
        k = len(t)
        m = statistics.median(t)
        print(f"{c:<9} {n:<12} {k:>5} {m:>6.1f} ms {t[k // 10]:>7.1f} {t[k * 9 // 10]:>7.1f} {t[0]:>7.1f}  {m / budget[c]:.2f}")
PY
