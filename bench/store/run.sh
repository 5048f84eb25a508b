#!/usr/bin/env bash
# Start-up with many encrypted speakers: the time from opening the database to the speaker index
# being ready, passphrase-protected against plain, the same speakers alternating in one run (the
# unlock, Argon2id with RFC 9106 parameters, is reported on its own). Not part of the tests.
#   bench/store/run.sh [speakers, default 100000] [repetitions, default 5]
source "$(dirname "$0")/../common.sh"
SPEAKERS="${1:-100000}"
REPS="${2:-5}"
OUT=bench/out/store
mkdir -p "$OUT"
bench_classpath
echo "processor: $(processor_name), $(nproc) cores"
java -Xmx2g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.voxprint.bench.SealedStartupBench \
  "$OUT" "$SPEAKERS" "$REPS" | tee "$OUT/startup-$SPEAKERS.json"
