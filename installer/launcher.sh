#!/bin/sh
# Voxprint's launcher, bin/voxprint in the app image: starts the image's own java with the class path,
# main class and JVM options jpackage wrote into lib/app/voxprint.cfg, as jpackage's native launcher
# does. That launcher asks rpm, then dpkg, which package owns it on every start (`dpkg -S` reads the
# file list of every installed package): 0.6 to 0.8 s before the JVM even started, on every command
# and every window (docs/performance.md, "The installed launcher"). installer/build.sh puts this script
# in its place.
set -eu
self="$(readlink -f "$0")"
ROOT="$(cd "$(dirname "$self")/.." && pwd)"
APP="$ROOT/lib/app"   # the cfg's $APPDIR
CFG="$APP/voxprint.cfg"
[ -r "$CFG" ] || { echo "voxprint: $CFG is missing; reinstall Voxprint." >&2; exit 1; }

# The user's arguments stay first in "$@" while the JVM's are appended; then they are rotated behind.
count=$#
while IFS= read -r option; do
  [ -z "$option" ] || set -- "$@" "$option"
done <<EOF_OPTIONS
$(sed -n 's/^java-options=//p' "$CFG" | sed "s#\\\$APPDIR#$APP#g")
EOF_OPTIONS
set -- "$@" "-Djpackage.app-path=$self" \
  -cp "$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s#\\\$APPDIR#$APP#g" | paste -sd: -)" \
  "$(sed -n 's/^app\.mainclass=//p' "$CFG")"
while [ "$count" -gt 0 ]; do
  set -- "$@" "$1"
  shift
  count=$((count - 1))
done
# As jpackage's launcher: lib/app joins the native library path (java.library.path is built from it).
LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}:$APP"
# Two of glibc's allocation arenas instead of eight per core: the JVM's threads make theirs before
# Voxprint can say so (AllocatorTuning), and each keeps the freed tensors it saw; a 10 s embed of the
# ECAPA2-sized model peaked at 620 to 650 MB with two against 740 MB without (docs/performance.md).
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export LD_LIBRARY_PATH MALLOC_ARENA_MAX
exec "$ROOT/lib/runtime/bin/java" "$@"
