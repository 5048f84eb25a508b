#!/usr/bin/env bash
# From launch to window to a loaded model, as a user starts the desktop: `java -jar target/voxprint.jar`
# with the launcher's JVM options (as `tools/dev.sh run`) under Xvfb (software rendering), an existing database and a model whose facts are known (a second
# start). Prints, per round, the milliseconds from the launch until its window is mapped (X's MapNotify,
# read from xev) and until the log says the model is loaded; then the load
# average. Next to it, in the same rounds, the floor of any JavaFX application on this machine: an empty
# JavaFX window titled "Voxprint", timed from its launch the same way (bare-javafx-window), and its time
# to shown from inside the JVM (StartupBench empty).
#   bench/app/launch.sh [rounds] [standin]   (JAVA_OPTS adds JVM options to Voxprint's launch, LAUNCHER
#                                          runs an installed launcher instead of java -jar, JAR
#                                          times another build of the jar)
source "$(dirname "$0")/../common.sh"
if [ "${1:-}" = --one ]; then
  # inside the display: one launch in the prepared home (xvfb-run's sh passes no shell functions)
  home=$2 ONE=1 CP=${3:-}
fi
ROUNDS=${1:-3}
MODEL=$PWD/src/test/resources/model/ecapa2-fixture.pt
if [ "${2:-}" = standin ]; then
  MODEL=$PWD/bench/out/ecapa2-standin.pt
  [ -f "$MODEL" ] || "$PY" ../shared/models/make_ecapa2_standin.py "$MODEL"
fi
run_home() { env HOME="$home" XDG_CACHE_HOME="$home/.cache" XDG_CONFIG_HOME="$home/.config" "$@"; }
# Nothing is polled with new processes while the app starts (bench/common.sh): the window's time is
# stamped by a reader of xev's events, the model's by a reader of the log (tail -F, which waits on
# inotify).
one_launch() {
  local start pid log="$home/.local/state/voxprint/voxprint.log" marks fifo window ready
  : > "$log"
  marks=$(mktemp) fifo=$(mktemp -u)
  mkfifo "$fifo"
  mark_first_window_map "$marks"
  if [ -z "${BARE:-}" ]; then
    tail -n +1 -F "$log" 2>/dev/null | while read -r line; do
      case "$line" in *"Ecapa2Model - Loaded"*) echo "ready $EPOCHREALTIME" >> "$marks"; break ;; esac
    done &
  fi
  wait_quietly "$fifo" 0.5  # let xev select its events before the launch
  start=$EPOCHREALTIME
  if [ -n "${BARE:-}" ]; then
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -cp "$CP" io.voxprint.bench.StartupBench bare-window > /dev/null 2>&1 &
  elif [ -n "${LAUNCHER:-}" ]; then
    run_home env JAVA_TOOL_OPTIONS="-Duser.home=$home ${JAVA_OPTS:-}" "$LAUNCHER" > /dev/null 2>&1 &
  else
    # as tools/dev.sh run starts it: the installed launcher's JVM options
    # shellcheck disable=SC2046,SC2086
    run_home java -Duser.home="$home" $(installed_jvm_options) ${JAVA_OPTS:-} -jar "${JAR:-target/voxprint.jar}" > /dev/null 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 1200); do  # at most 60 s
    local need=2
    [ -n "${BARE:-}" ] && need=1
    [ "$(wc -l < "$marks")" -ge "$need" ] && break
    kill -0 $pid 2>/dev/null || break
    wait_quietly "$fifo" 0.05
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  pkill -P $$ -f "xev -root" 2>/dev/null || true
  pkill -P $$ -f "tail -n +1 -F" 2>/dev/null || true
  window=$(ms_between "$start" "$marks" window)
  ready=$(ms_between "$start" "$marks" ready)
  rm -f "$marks" "$fifo"
  echo "{\"window_ms\": ${window:-null}, \"model_loaded_ms\": ${ready:-null}}"
}
if [ -n "${ONE:-}" ]; then
  one_launch
  exit 0
fi
OUT=bench/out/app
mkdir -p "$OUT"
[ -f target/voxprint.jar ] || mvn -B -o -q package -DskipTests
bench_classpath
home=$(mktemp -d "$PWD/$OUT/launch-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT
mkdir -p "$home/.config/voxprint"
printf '{"modelFile": "%s", "modelRevision": "main", "asNorm": false, "inputDevice": "", "keepAudio": false}\n' \
  "$MODEL" > "$home/.config/voxprint/settings.json"
# the database exists and the model's facts are known, as on any start after the first
run_home java -Duser.home="$home" -jar target/voxprint.jar model info --model "$MODEL" > /dev/null
run_home java -Duser.home="$home" -jar target/voxprint.jar keys init --none > /dev/null
echo "load average before: $(load_average)"
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r voxprint $(xvfb-run -a -s "-screen 0 1280x1024x24" bash "$0" --one "$home")"
  echo "round $r bare-javafx-window $(BARE=1 xvfb-run -a -s "-screen 0 1280x1024x24" bash "$0" --one "$home" "$CP")"
  echo "round $r bare-javafx $(xvfb-run -a -s "-screen 0 1280x1024x24" java -cp "$CP" io.voxprint.bench.StartupBench empty 2>/dev/null | grep '^{')"
done
echo "load average after: $(load_average)"
