#!/usr/bin/env bash
# From launch to window to a loaded model, as a user starts the desktop: `java -jar target/voxprint.jar`
# under Xvfb (software rendering), an existing database and a model whose facts are known (a second
# start). Prints, per round, the milliseconds from the launch until a window titled "Voxprint" is
# viewable (xwininfo, polled every 10 ms) and until the log says the model is loaded; then the load
# average. Next to it, in the same rounds: a bare JavaFX window's time to shown (StartupBench empty),
# the floor of any JavaFX application on this machine.
#   bench/app/launch.sh [rounds] [standin]   (JAVA_OPTS adds JVM options to Voxprint's launch, LAUNCHER
#                                          runs an installed launcher instead of java -jar, JAR
#                                          times another build of the jar)
source "$(dirname "$0")/../common.sh"
if [ "${1:-}" = --one ]; then
  # inside the display: one launch in the prepared home (xvfb-run's sh passes no shell functions)
  home=$2 ONE=1
fi
ROUNDS=${1:-3}
MODEL=$PWD/src/test/resources/model/ecapa2-fixture.pt
if [ "${2:-}" = standin ]; then
  MODEL=$PWD/bench/out/ecapa2-standin.pt
  [ -f "$MODEL" ] || "$PY" ../shared/models/make_ecapa2_standin.py "$MODEL"
fi
run_home() { env HOME="$home" XDG_CACHE_HOME="$home/.cache" XDG_CONFIG_HOME="$home/.config" "$@"; }
one_launch() {
  local start window="" ready="" pid log="$home/.local/state/voxprint/voxprint.log"
  : > "$log"
  start=$(date +%s%3N)
  if [ -n "${LAUNCHER:-}" ]; then
    run_home env JAVA_TOOL_OPTIONS="-Duser.home=$home ${JAVA_OPTS:-}" "$LAUNCHER" > /dev/null 2>&1 &
  else
    # shellcheck disable=SC2086
    run_home java -Duser.home="$home" ${JAVA_OPTS:-} -jar "${JAR:-target/voxprint.jar}" > /dev/null 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 6000); do
    if [ -z "$window" ] && xwininfo -name Voxprint 2>/dev/null | grep -q "Map State: IsViewable"; then
      window=$(( $(date +%s%3N) - start ))
    fi
    if [ -z "$ready" ] && grep -q "Ecapa2Model - Loaded" "$log" 2>/dev/null; then
      ready=$(( $(date +%s%3N) - start ))
    fi
    [ -n "$window" ] && [ -n "$ready" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.01
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
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
  echo "round $r bare-javafx $(xvfb-run -a -s "-screen 0 1280x1024x24" java -cp "$CP" io.voxprint.bench.StartupBench empty 2>/dev/null | grep '^{')"
done
echo "load average after: $(load_average)"
