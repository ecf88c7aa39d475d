#!/bin/sh
# Peak memory (max RSS) of the terminal app on a synthetic store (issue 6; see BENCHMARKS.md):
# the app runs inside tmux under `/usr/bin/time -v`; once its first frame shows, a few keys walk
# the list, the type filter and the calendar, then `q` quits.
#
# usage: benches/tui_memory.sh SANGO_BINARY DIR [SECONDS_TO_WAIT_FOR_THE_FIRST_FRAME]
#   DIR is made by `sango synth --out DIR`.
# needs: tmux, GNU time (/usr/bin/time).
set -eu
S=$(realpath "$1")
D=$(realpath "$2")
WAIT=${3:-60}
sock=sango-mem-$$
out=$(mktemp)
config=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$out" "$config"' EXIT
tmux -L $sock new-session -d -x 120 -y 40 \
  "SANGO_CONFIG_DIR=$config /usr/bin/time -v -o $out $S --dataset $D/dataset.json --data-dir $D/data; sleep 2"
start=$(date +%s%N)
i=0
while [ $i -lt $((WAIT * 50)) ]; do
  if tmux -L $sock capture-pane -p 2>/dev/null | grep -q "synth-\|施設\|Facilities"; then break; fi
  sleep 0.02
  i=$((i + 1))
done
echo "first frame seen after $(( ($(date +%s%N) - start) / 1000000 )) ms (tmux polling every 20 ms, tmux start included)"
for k in j j j j j t t t t ']' ']' '[' / s a k u r a Escape; do
  tmux -L $sock send-keys "$k"
  sleep 0.05
done
tmux -L $sock send-keys q
sleep 1.5
grep -E "Maximum resident|Elapsed|Exit status" "$out"
