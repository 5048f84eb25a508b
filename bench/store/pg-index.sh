#!/usr/bin/env bash
# A desk's start-up on a PostgreSQL database of many speakers: a throwaway cluster (the machine's
# PostgreSQL 15 binaries, as the tests use) filled through COPY, then the speaker index load timed
# against psql copying the same rows to /dev/null in the same run. Not part of the tests.
#   bench/store/pg-index.sh [speakers, default 1000000] [repetitions, default 3]
source "$(dirname "$0")/../common.sh"
SPEAKERS="${1:-1000000}"
REPS="${2:-3}"
OUT=bench/out/store
mkdir -p "$OUT"
bench_classpath
echo "processor: $(processor_name), $(nproc) cores"
java -Xmx3g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.voxprint.bench.PostgresIndexBench \
  "$SPEAKERS" "$REPS" | tee "$OUT/pg-index-$SPEAKERS.json"
