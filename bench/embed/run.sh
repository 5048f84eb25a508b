#!/usr/bin/env bash
# Time per embedding, decode and resample included: Java (AudioLoader.load + Ecapa2Model.embed, DJL with
# libtorch 2.1.1) next to Python (torchaudio.load, mean, resample, model(audio); Debian's torch 1.13.1)
# in the same run, on the committed fixture model and on the ECAPA2-sized stand-in built here
# (../shared/models/make_ecapa2_standin.py, never committed).
# Java and Python alternate, ROUNDS times per model, so that a burst of load from elsewhere on a shared
# machine hits one round rather than one side; the report gives the median over rounds.
#   bench/embed/run.sh [repetitions per round, default 15] [rounds, default 3]
source "$(dirname "$0")/../common.sh"
N="${1:-15}"
ROUNDS="${2:-3}"
OUT=bench/out/embed
THREADS=$(nproc)
mkdir -p "$OUT"
STANDIN=bench/out/model/ecapa2-standin.pt
mkdir -p bench/out/model
[ -f "$STANDIN" ] || "$PY" "$(cd .. && pwd)/shared/models/make_ecapa2_standin.py" "$STANDIN"
[ -f "$OUT/audio/speech-10s-48000Hz-stereo.flac" ] || "$PY" bench/embed/make_audio.py "$OUT/audio"
bench_classpath
AUDIO=("$OUT"/audio/speech-3s-44100Hz-stereo.wav "$OUT"/audio/speech-10s-44100Hz-stereo.wav
       "$OUT"/audio/speech-3s-48000Hz-stereo.flac "$OUT"/audio/speech-10s-48000Hz-stereo.flac)
rm -f "$OUT"/java-*.json "$OUT"/python-*.json
for model in fixture standin; do
  file=src/test/resources/model/ecapa2-fixture.pt
  [ "$model" = fixture ] || file="$STANDIN"
  for round in $(seq 1 "$ROUNDS"); do
    echo "== $model model ($file, $(du -h "$file" | cut -f1)), round $round"
    DJL_OFFLINE=true java -Xmx2g -Dai.djl.pytorch.num_threads="$THREADS" -Dlogback.configurationFile=bench/logback-bench.xml \
      -cp "$CP" io.voxprint.bench.EmbedBench "$file" "$N" "$OUT/java-$model-$round.json" "${AUDIO[@]}"
    "$PY" bench/embed/torch_embed.py "$file" "$N" "$THREADS" "$OUT/python-$model-$round.json" "${AUDIO[@]}"
  done
done
"$PY" bench/embed/report.py "$OUT"
