#!/usr/bin/env bash
# Which of DJL's libtorch builds computes 2-D convolutions right on this processor, at each oneDNN
# instruction set (docs/model.md, "Which libtorch"). Not part of the tests; needs Maven Central and
# /usr/bin/python3 with torch. Everything goes under target/libtorch-check (about 4 GB for all builds).
#   tools/libtorch-check/run.sh [DJL:LIBTORCH ...]   default: every build DJL published from 0.21.0 on
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(cd "$HERE/../.." && pwd)/target/libtorch-check"
mkdir -p "$WORK"
[ -f "$WORK/data/shapes.txt" ] || /usr/bin/python3 "$HERE/make_reference.py" "$WORK/data"
BUILDS=("$@")
[ ${#BUILDS[@]} -gt 0 ] || BUILDS=(0.21.0:1.13.1 0.25.0:2.0.1 0.27.0:2.1.1 0.28.0:2.2.2 0.29.0:2.3.1 0.30.0:2.4.0 0.32.0:2.5.1 0.36.0:2.7.1)
for build in "${BUILDS[@]}"; do
  djl=${build%%:*}; torch=${build##*:}
  classes="$WORK/classes-$djl"
  if [ ! -f "$WORK/cp-$djl.txt" ]; then
    mvn -B -q -f "$HERE/pom.xml" -Ddjl.version="$djl" -Dtorch.version="$torch" \
      dependency:build-classpath -Dmdep.outputFile="$WORK/cp-$djl.txt"
    mkdir -p "$classes"
    javac -d "$classes" -cp "$(cat "$WORK/cp-$djl.txt")" "$HERE/src/main/java/check/ConvCheck.java"
  fi
  for isa in ALL AVX512_CORE AVX2 SSE41; do
    DJL_CACHE_DIR="$WORK/djl-cache-$torch" DJL_OFFLINE=true ONEDNN_MAX_CPU_ISA=$isa DNNL_MAX_CPU_ISA=$isa \
      java -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false -Dai.djl.pytorch.num_threads=2 \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classes:$(cat "$WORK/cp-$djl.txt")" \
      check.ConvCheck "$WORK/data" "libtorch-$torch/$isa" $(cat "$WORK/data/shapes.txt") 2>&1 | grep -E "^RESULT|Exception"
  done
done
