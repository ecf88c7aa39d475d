#!/bin/sh
# Whole-process timings (process start to exit, fsync included) of `sango book`, `quota` and
# `bookings --resident` on a synthetic store, with hyperfine (issue 6; see BENCHMARKS.md).
#
# usage: benches/whole_process.sh SANGO_BINARY DIR [RUNS]
#   DIR is made by `sango synth --out DIR`; it is not changed: `book` runs on a copy of DIR/data.
#   RUNS defaults to 30. Results: a summary on stdout and hyperfine JSON in $OUT (default
#   ./bench-results).
# needs: hyperfine (apt-get install hyperfine), python3 (for the median of the book runs).
set -eu
S=$(realpath "$1")
D=$(realpath "$2")
RUNS=${3:-30}
OUT=${OUT:-bench-results}
mkdir -p "$OUT"
WORK=$(mktemp -d)
CONFIG=$(mktemp -d)
trap 'rm -rf "$WORK" "$CONFIG"' EXIT
export SANGO_CONFIG_DIR="$CONFIG" SANGO_TERMINAL=bench
RESIDENT=${SANGO_BENCH_RESIDENT:-R0000004}
# The copy is a live store: its writes happen now, for a mother born ten days ago.
BIRTH=$(date -d '-10 days' +%F)
START=$(date -d '+5 days' +%F)

# A facility that offers day care, from the dataset.
FACILITY=$(python3 -c '
import json, sys
ds = json.load(open(sys.argv[1]))
print(next(f["id"] for f in ds["facilities"] if "day" in f["types"]))' "$D/dataset.json")

echo "== read-only commands on $D ($RUNS runs each, 3 warm-up runs)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/read.json" \
  -n "quota --resident" "$S --dataset $D/dataset.json --data-dir $D/data quota --resident $RESIDENT --json" \
  -n "bookings --resident" "$S --dataset $D/dataset.json --data-dir $D/data bookings --resident $RESIDENT --json"

echo "== book on a copy of the store ($RUNS runs, each for a new resident registered before it)"
cp -r "$D/data" "$WORK/data"
A="--dataset $D/dataset.json --data-dir $WORK/data"
hyperfine -N --runs 1 -P i 1 "$RUNS" --style basic --export-json "$OUT/book.json" \
  --prepare "$S $A resident add --id BENCH-{i} --birth $BIRTH" \
  "$S $A book --resident BENCH-{i} --facility $FACILITY --type day --start $START --days 1" \
  > "$OUT/book.txt"

python3 - "$OUT/read.json" "$OUT/book.json" <<'EOF'
import json, statistics, sys
budgets = {"quota --resident": 20, "bookings --resident": 20, "book": 30}
rows = []
for r in json.load(open(sys.argv[1]))["results"]:
    rows.append((r["command"], [t * 1000 for t in r["times"]]))
rows.append(("book", [r["times"][0] * 1000 for r in json.load(open(sys.argv[2]))["results"]]))
print(f"{'command':<22}{'median':>12}{'min':>12}{'max':>12}{'budget':>9}{'ratio':>8}  runs")
for name, ms in rows:
    med = statistics.median(ms)
    b = budgets[name]
    print(f"{name:<22}{med:>9.1f} ms{min(ms):>9.1f} ms{max(ms):>9.1f} ms{b:>6} ms{med / b:>8.2f}  {len(ms)}")
EOF
