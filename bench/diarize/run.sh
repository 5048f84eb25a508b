#!/usr/bin/env bash
# Who spoke when, cost: the engine next to the dense variant (1.5 s windows every 0.75 s) in the same
# run, with the ECAPA2-sized stand-in (../shared/models/make_ecapa2_standin.py: ECAPA2's size and
# compute, random weights; built here, never committed) on 2 intra-op threads, over the test
# conversations of tools/fixtures/make_conversations.py; then one hour of audio through the engine in
# a 1 GB heap (-Xmx1g). Times exclude model load and enrollment; the load average is printed before
# and after, since the machine may be shared.
#   bench/diarize/run.sh [how many conversations, default 3] [hour model: libri (default) | standin]
# The hour runs with the trained LibriSpeech model by default: the heap holds the same buffers with
# either model, and an hour of the stand-in takes about half an hour of compute.
source "$(dirname "$0")/../common.sh"
COUNT="${1:-3}"
HOUR_MODEL="${2:-libri}"
OUT=bench/out/diarize
mkdir -p "$OUT"
[ -f bench/out/standin.pt ] || "$PY" ../shared/models/make_ecapa2_standin.py bench/out/standin.pt
[ -f "$OUT/libri.pt" ] || "$PY" ../shared/models/make_libri_speaker_model.py \
  --train-dir ../shared/speech/librispeech/train-clean-100 --out "$OUT/libri.pt"
[ -f "$OUT/conversations/conversations.tsv" ] || "$PY" tools/fixtures/make_conversations.py "$OUT/conversations"
[ -f "$OUT/hour.wav" ] || "$PY" bench/diarize/make_hour.py "$OUT/conversations" "$OUT/hour.wav" 3600
bench_classpath
FILES=$(tail -n +2 "$OUT/conversations/conversations.tsv" | cut -f1 | head -n "$COUNT" | sed "s|^|$OUT/conversations/|")
JAVA=(java -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.offline=true
      -Dai.djl.pytorch.graph_optimizer=false -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP")
echo "== machine: $(nproc) cores, $(processor_name)"
echo "== load average before: $(load_average)"
echo "== stand-in ($(du -h bench/out/standin.pt | cut -f1)), engine and dense variant, 2 threads"
DJL_OFFLINE=true "${JAVA[@]}" -Xmx2g io.voxprint.bench.DiarizeBench bench/out/standin.pt \
  "$OUT/conversations/enrollment.tsv" both $FILES
echo "== load average: $(load_average)"
HOUR_FILE=bench/out/standin.pt
[ "$HOUR_MODEL" = standin ] || HOUR_FILE="$OUT/libri.pt"
echo "== one hour, engine only, -Xmx1g, model $HOUR_FILE"
DJL_OFFLINE=true "${JAVA[@]}" -Xmx1g io.voxprint.bench.DiarizeBench "$HOUR_FILE" \
  "$OUT/conversations/enrollment.tsv" engine "$OUT/hour.wav"
echo "== load average after: $(load_average)"
