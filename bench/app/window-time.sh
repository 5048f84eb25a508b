#!/usr/bin/env bash
# Run inside a display (xvfb-run): starts `java -jar target/voxprint.jar` and prints the milliseconds
# from the launch until its window is mapped: the first MapNotify of a top-level window, read from xev's
# event stream and stamped with bash's $EPOCHREALTIME. Nothing is spawned while the app starts (polling
# with xwininfo every 10 ms slowed an empty JavaFX window by about a second on two cores).
set -euo pipefail
marks=$(mktemp) fifo=$(mktemp -u)
mkfifo "$fifo"
pid=""
trap 'kill $pid 2>/dev/null || true; pkill -P $$ -f "xev -root" 2>/dev/null || true; rm -f "$marks" "$fifo"' EXIT
xev -root -event substructure 2>/dev/null | while read -r line; do
  case "$line" in MapNotify*) echo "$EPOCHREALTIME" > "$marks"; break ;; esac
done &
read -r -t 0.5 <> "$fifo" || true  # let xev select its events before the launch
start=$EPOCHREALTIME
java -jar target/voxprint.jar >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if [ -s "$marks" ]; then
    awk -v s="$start" '{ printf "%d\n", ($1 - s) * 1000 }' "$marks"
    exit 0
  fi
  kill -0 $pid 2>/dev/null || { echo "voxprint exited before showing a window" >&2; exit 1; }
  read -r -t 0.05 <> "$fifo" || true
done
echo "no window within 30 s" >&2
exit 1
