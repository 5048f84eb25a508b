#!/usr/bin/env bash
# Time per embedding, decode and resample included: Java (AudioLoader.load + Ecapa2Model.embed, DJL with
# libtorch 2.7.1) next to Python (torchaudio.load, mean, resample, model(audio); Debian's torch 1.13.1)
# in the same run, on the committed fixture model and on a larger synthetic model built here.
#   bench/embed/run.sh [repetitions, default 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-15}"
OUT=bench/out/embed
PY=/usr/bin/python3
THREADS=$(nproc)
mkdir -p "$OUT"
[ -f "$OUT/large-model.pt" ] || "$PY" bench/embed/make_large_model.py "$OUT/large-model.pt"
[ -f "$OUT/audio/speech-10s-48000Hz-stereo.flac" ] || "$PY" bench/embed/make_audio.py "$OUT/audio"
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="target/test-classes:target/classes:$(cat bench/out/classpath.txt)"
AUDIO=("$OUT"/audio/speech-3s-44100Hz-stereo.wav "$OUT"/audio/speech-10s-44100Hz-stereo.wav
       "$OUT"/audio/speech-3s-48000Hz-stereo.flac "$OUT"/audio/speech-10s-48000Hz-stereo.flac)
for model in fixture large; do
  file=src/test/resources/model/ecapa2-fixture.pt
  [ "$model" = fixture ] || file="$OUT/large-model.pt"
  echo "== $model model ($file, $(du -h "$file" | cut -f1))"
  DJL_OFFLINE=true java -Xmx2g -Dai.djl.pytorch.num_threads="$THREADS" -Dlogback.configurationFile=bench/logback-bench.xml \
    -cp "$CP" io.voxprint.bench.EmbedBench "$file" "$N" "$OUT/java-$model.json" "${AUDIO[@]}"
  "$PY" bench/embed/torch_embed.py "$file" "$N" "$THREADS" "$OUT/python-$model.json" "${AUDIO[@]}"
done
"$PY" bench/embed/report.py "$OUT"
