#!/usr/bin/env bash
# Run inside a display (xvfb-run): starts `java -jar target/voxprint.jar` and prints the milliseconds
# from the launch until a window titled "Voxprint" is viewable (polled with xwininfo every 10 ms).
set -euo pipefail
start=$(date +%s%N)
java -jar target/voxprint.jar >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  if xwininfo -name Voxprint 2>/dev/null | grep -q "Map State: IsViewable"; then
    echo $(( ($(date +%s%N) - start) / 1000000 ))
    exit 0
  fi
  kill -0 $pid 2>/dev/null || { echo "voxprint exited before showing a window" >&2; exit 1; }
  sleep 0.01
done
echo "no window within 30 s" >&2
exit 1
