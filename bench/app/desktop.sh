#!/usr/bin/env bash
# Desktop responsiveness: the longest stall of the JavaFX thread (largest gap between two pulses of an
# AnimationTimer) while the real window loads the model, enrolls, verifies, extracts features and
# scores live while recording; the time from the end of a 3 s and a 10 s recording to the decision;
# the intervals between provisional scores while recording. Next to it, in the same run: an idle
# window's longest gap (the floor) and Python's time for the exact result (torch.jit.load'ed model,
# model(audio) on the whole take, 2 threads), the work the decision after Stop cannot avoid.
#   bench/app/desktop.sh [standin] [--installed [IMAGE]]
#     standin      the ECAPA2-weight stand-in, built into bench/out (never committed); default: the
#                  committed fixture model
#     --installed  the app image's own JVM, options and class-data archives (IMAGE, default
#                  target/installer/image/voxprint, from installer/build.sh app-image), with the bench's
#                  classes appended to its class path, in a real window under Xvfb; default: java with
#                  the launcher's heap options on the build's class path, headless (Monocle)
source "$(dirname "$0")/../common.sh"
OUT=bench/out/app
mkdir -p "$OUT"
MODEL=src/test/resources/model/ecapa2-fixture.pt
if [ "${1:-}" = standin ]; then
  MODEL=bench/out/ecapa2-standin.pt
  [ -f "$MODEL" ] || "$PY" ../shared/models/make_ecapa2_standin.py "$MODEL"
  shift
fi
IMAGE=""
MODE="java with the launcher's heap options, headless"
if [ "${1:-}" = --installed ]; then
  IMAGE=$(cd "${2:-target/installer/image/voxprint}" && pwd)
  [ -f "$IMAGE/lib/app/voxprint.cfg" ] || { echo "no app image at $IMAGE (installer/build.sh app-image)" >&2; exit 1; }
  MODE="installed app image $IMAGE, under Xvfb"
fi
# The test microphone serves a WAV in its own format (16 kHz mono 16-bit, as a headset would): the
# committed synthetic voice alice-4, repeated to 3 s and 10 s.
"$PY" - "$OUT" <<'PYEOF'
import sys, numpy as np, scipy.io.wavfile
out = sys.argv[1]
rate, x = scipy.io.wavfile.read("src/test/resources/e2e/alice-4.wav")
for s in (3, 10):
    scipy.io.wavfile.write("%s/take-%ds-16k.wav" % (out, s), rate, np.resize(x, s * rate))
# the file verified and inspected through Import: 3 s from another place in the voice, so that the
# recorded 3 s take is never answered from the embedding cache
scipy.io.wavfile.write("%s/import-3s-16k.wav" % out, rate, np.roll(np.resize(x, 4 * rate), -rate // 2)[: 3 * rate])
PYEOF
bench_classpath
E2E=src/test/resources/e2e
LOAD_BEFORE=$(load_average)
ARGS=("$MODEL" "$OUT/take-3s-16k.wav" "$OUT/take-10s-16k.wav" "$E2E/alice-1.wav" "$E2E/alice-2.wav" "$E2E/alice-3.wav"
  "$OUT/work" "$OUT/import-3s-16k.wav")
if [ -n "$IMAGE" ]; then
  # as installer/launcher.sh starts the app: the image's java, the cfg's options (its archive among
  # them), class path and allocator setting; the bench's own classes come after it, where the JVM still maps the archive
  APP="$IMAGE/lib/app"
  mapfile -t OPTIONS < <(sed -n 's/^java-options=//p' "$APP/voxprint.cfg" | sed "s#\\\$APPDIR#$APP#g")
  ICP="$(sed -n 's/^app\.classpath=//p' "$APP/voxprint.cfg" | sed "s#\\\$APPDIR#$APP#g" | paste -sd: -)"
  # shellcheck disable=SC2086
  DJL_OFFLINE=true LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}:$APP" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$IMAGE/lib/runtime/bin/java" "${OPTIONS[@]}" -Dlogback.configurationFile=bench/logback-bench.xml \
    -Dai.djl.offline=true ${BENCH_JVM_OPTS:-} -cp "$ICP:$PWD/target/test-classes" io.voxprint.bench.DesktopBench \
    "${ARGS[@]}" | grep '^{' > "$OUT/desktop.json"
else
  # the installed launcher's heap options; BENCH_JVM_OPTS adds others (a GC log, a profiler) or overrides
  # shellcheck disable=SC2046,SC2086
  DJL_OFFLINE=true java $(installed_jvm_options) -Dlogback.configurationFile=bench/logback-bench.xml \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false ${BENCH_JVM_OPTS:-} -cp "$CP" io.voxprint.bench.DesktopBench \
    "${ARGS[@]}" | grep '^{' > "$OUT/desktop.json"
fi
"$PY" - "$MODEL" "$OUT" > "$OUT/desktop-python.json" <<'PYEOF'
import json, sys, time, statistics as st, torch, torchaudio
torch.set_num_threads(2)
model, out = sys.argv[1], sys.argv[2]
t0 = time.perf_counter(); m = torch.jit.load(model, map_location="cpu"); m.eval(); load = time.perf_counter() - t0
res = {"jit_load_s": load}
with torch.no_grad():
    for s in (3, 10):
        audio, sr = torchaudio.load("%s/take-%ds-16k.wav" % (out, s))
        m(audio)  # the first call of a TorchScript model is slower; the app's model is warm too
        times = []
        for _ in range(3):
            t = time.perf_counter(); m(audio); times.append(time.perf_counter() - t)
        res["embed_%ds_ms" % s] = 1000 * st.median(times)
print(json.dumps(res))
PYEOF
LOAD_AFTER=$(load_average)
"$PY" - "$OUT" "$MODEL" "$LOAD_BEFORE" "$LOAD_AFTER" "$MODE" <<'PYEOF'
import json, sys
out, model, before, after = sys.argv[1:5]
j = json.load(open(out + "/desktop.json")); p = json.load(open(out + "/desktop-python.json"))
print("model: %s; %s; load average before %s, after %s" % (model, sys.argv[5], before, after))
print()
print("| phase | longest FX-thread stall | phase length |")
print("|---|---:|---:|")
for k in ("loading", "enrollment", "verify_page", "verification", "features_page", "feature_extraction", "idle_window"):
    print("| %s | %.0f ms | %.1f s |" % (k.replace("_", " "), j[k]["max_fx_gap_ms"], j[k]["duration_ms"] / 1000))
print()
print("| take | stop to decision | Python model(audio), same take | ratio | provisional scores | longest wait for one | FX stall while recording |")
print("|---|---:|---:|---:|---:|---:|---:|")
for s in (3, 10):
    r = j["record_%ds" % s]; py = p["embed_%ds_ms" % s]
    wait = r["longest_wait_for_provisional_ms"]
    print("| %d s | %.0f ms | %.0f ms | %.2f | %d | %s | %.0f ms |" % (s, r["stop_to_decision_ms"], py, r["stop_to_decision_ms"] / py,
          r["provisional_updates"], "-" if wait is None else "%.0f ms" % wait, r["max_fx_gap_ms"]))
if j["errors_shown"]:
    print("errors shown:", j["errors_shown"])
PYEOF
