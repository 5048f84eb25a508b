#!/usr/bin/env bash
# Voxprint with an ECAPA2-sized model (the stand-in: 27 M random weights, 109 MB, both card
# interfaces), whole processes, next to Python in the same run: one-shot embed/verify/identify, many
# files, the first and later loads of a model file, peak memory. Not part of the tests.
#   bench/model/run.sh [rounds, default 3] [--busy] [--variants] [--quick] [--launcher PATH]
# The stand-in is generated here (bench/out/model/ecapa2-standin.pt, never committed), as are the
# inputs (LibriSpeech excerpts from ../shared/speech/librispeech) and the jar when it is missing.
source "$(dirname "$0")/../common.sh"
ROUNDS="${1:-3}"
shift || true
OUT=bench/out/model
SHARED="$(cd .. && pwd)/shared"
mkdir -p "$OUT"
[ -f "$OUT/ecapa2-standin.pt" ] || "$PY" "$SHARED/models/make_ecapa2_standin.py" "$OUT/ecapa2-standin.pt"
[ -f "$OUT/audio/many-08.wav" ] || "$PY" bench/model/make_inputs.py "$SHARED/speech/librispeech" "$OUT/audio" 8
[ -f target/voxprint.jar ] || mvn -B -o -q package -DskipTests
rm -rf "$OUT/db"
"$PY" bench/model/run.py "$OUT/ecapa2-standin.pt" "$OUT/audio" "$OUT" --rounds "$ROUNDS" "$@"
