#!/usr/bin/env bash
# Run inside a display (xvfb-run): starts `java -jar target/voxprint.jar` and prints the milliseconds
# from the launch until its window is mapped (the first MapNotify of a top-level window, read from xev's
# events without polling, bench/common.sh).
source "$(dirname "$0")/../common.sh"
marks=$(mktemp) fifo=$(mktemp -u)
mkfifo "$fifo"
pid=""
trap 'kill $pid 2>/dev/null || true; pkill -P $$ -f "xev -root" 2>/dev/null || true; rm -f "$marks" "$fifo"' EXIT
mark_first_window_map "$marks"
wait_quietly "$fifo" 0.5  # let xev select its events before the launch
start=$EPOCHREALTIME
java -jar target/voxprint.jar >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if [ -s "$marks" ]; then
    ms_between "$start" "$marks" window
    echo
    exit 0
  fi
  kill -0 $pid 2>/dev/null || { echo "voxprint exited before showing a window" >&2; exit 1; }
  wait_quietly "$fifo" 0.05
done
echo "no window within 30 s" >&2
exit 1
