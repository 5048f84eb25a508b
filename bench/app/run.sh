#!/usr/bin/env bash
# Application figures: enrollment throughput (through Voxprint.enroll and through the store alone),
# database size per speaker, and start-up time to a usable window (bare JavaFX measured alongside).
# Model load and warm-up times come from bench/embed/run.sh.
#   bench/app/run.sh [speakers to enroll through the model, default 40] [start-up repetitions, default 5]
source "$(dirname "$0")/../common.sh"
SPEAKERS="${1:-40}"
STARTS="${2:-5}"
OUT=bench/out/app
mkdir -p "$OUT"
[ -f bench/out/embed/audio/speech-3s-44100Hz-stereo.wav ] || "$PY" bench/embed/make_audio.py bench/out/embed/audio
bench_classpath
[ -f target/voxprint.jar ] || mvn -B -o -q package -DskipTests

DJL_OFFLINE=true java -Xmx2g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.voxprint.bench.AppBench \
  src/test/resources/model/ecapa2-fixture.pt bench/out/embed/audio/speech-3s-44100Hz-stereo.wav "$OUT/work" "$SPEAKERS" "$OUT/app.json"

# Start-up: fresh JVMs under Xvfb, alternating bare JavaFX, the app from test classes, and the jar.
export XDG_CACHE_HOME="$OUT/xdg-cache"
export VOXPRINT_DB="$OUT/work/startup.db"
XVFB=(xvfb-run -a -s "-screen 0 1280x1024x24")
: > "$OUT/startup.txt"
for i in $(seq 1 "$STARTS"); do
  echo "empty $("${XVFB[@]}" java -cp "$CP" io.voxprint.bench.StartupBench empty 2>/dev/null | grep '^{')" >> "$OUT/startup.txt"
  echo "voxprint $("${XVFB[@]}" java -cp "$CP" io.voxprint.bench.StartupBench 2>/dev/null | grep '^{')" >> "$OUT/startup.txt"
  echo "jar {\"window_ms\": $("${XVFB[@]}" bench/app/window-time.sh)}" >> "$OUT/startup.txt"
done
"$PY" - "$OUT" <<'PYEOF'
import json, sys, statistics as st
out = sys.argv[1]
a = json.load(open(out + "/app.json"))
print()
print("| figure | value | compared with |")
print("|---|---:|---|")
for k in ("plain", "kept"):
    e = a["enroll_" + k]
    print("| enroll through Voxprint.enroll, %s | %.1f speakers/s (%.0f ms each) | 3 model calls = %.0f ms (%.0f %% of it) |" % (
        "audio kept" if k == "kept" else "no audio kept", e["speakers_per_s"], e["median_ms"], 3 * e["embed_take_ms"],
        100 * 3 * e["embed_take_ms"] / e["median_ms"]))
for k in ("plain", "kept"):
    s = a["store_" + k]
    print("| store only (VoiceprintStore.enroll, 3 takes), %s | %.0f speakers/s | |" % ("audio kept" if k == "kept" else "no audio", s["speakers_per_s"]))
for k in ("plain", "kept"):
    s = a["store_" + k]
    print("| database size per speaker (3 takes of %.0f s), %s | %.1f kB | empty database %.0f kB |" % (
        a["take_seconds"], "audio kept" if k == "kept" else "no audio", s["bytes_per_speaker"] / 1000, s["empty_db_bytes"] / 1000))
rows = {}
for line in open(out + "/startup.txt"):
    kind, js = line.split(" ", 1)
    rows.setdefault(kind, []).append(json.loads(js))
med = lambda kind, key: st.median(r[key] for r in rows[kind])
print("| start-up to the window shown, VoxprintApp from the class path | %.0f ms (first pulse %.0f ms) | bare JavaFX window: %.0f ms (ratio %.2f) |" % (
    med("voxprint", "shown_ms"), med("voxprint", "first_pulse_ms"), med("empty", "shown_ms"), med("voxprint", "shown_ms") / med("empty", "shown_ms")))
print("| start-up to a viewable window, java -jar target/voxprint.jar | %.0f ms | |" % med("jar", "window_ms"))
print("(medians of %d fresh starts each)" % len(rows["jar"]))
PYEOF
