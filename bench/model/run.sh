#!/usr/bin/env bash
# Voxprint with an ECAPA2-sized model (the stand-in: 27 M random weights, 109 MB, both card
# interfaces), whole processes, next to Python in the same run: one-shot embed/verify/identify, many
# files, the first and later loads of a model file, peak memory. Not part of the tests.
#   bench/model/run.sh [rounds, default 3] [--busy] [--variants] [--quick] [--files N] [--launcher PATH]
# The stand-in is generated here (bench/out/model/ecapa2-standin.pt, never committed), as are the
# inputs (LibriSpeech excerpts from ../shared/speech/librispeech) and the jar when it is missing.
source "$(dirname "$0")/../common.sh"
ROUNDS="${1:-3}"
shift || true
OUT=bench/out/model
SHARED="$(cd .. && pwd)/shared"
mkdir -p "$OUT"
[ -f "$OUT/ecapa2-standin.pt" ] || "$PY" "$SHARED/models/make_ecapa2_standin.py" "$OUT/ecapa2-standin.pt"
FILES=8   # the inputs hold at least 8 files of 3 s; more when --files asks for more
args=("$@")
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = --files ] && [ "${args[$((i + 1))]:-0}" -gt "$FILES" ]; then FILES="${args[$((i + 1))]}"; fi
done
[ -f "$OUT/audio/many-$(printf %02d "$FILES").wav" ] \
  || "$PY" bench/model/make_inputs.py "$SHARED/speech/librispeech" "$OUT/audio" "$FILES"
[ -f target/voxprint.jar ] || mvn -B -o -q package -DskipTests
rm -rf "$OUT/db"
"$PY" bench/model/run.py "$OUT/ecapa2-standin.pt" "$OUT/audio" "$OUT" --rounds "$ROUNDS" "$@"
