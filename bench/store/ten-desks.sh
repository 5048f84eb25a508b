#!/usr/bin/env bash
# Ten desks (processes) enrolling and verifying at once on one PostgreSQL database for 60 s: enrollment
# throughput, and a check that every desk sees every enrollment and the audit log is complete.
# With --restart the server is stopped half-way and started again once every desk has said so: the
# figures then include how long desks were without the server and the sentences each said.
# A throwaway cluster of the machine's PostgreSQL 15 binaries. Not part of the tests.
#   bench/store/ten-desks.sh [desks, default 10] [seconds, default 60] [--restart]
source "$(dirname "$0")/../common.sh"
DESKS="${1:-10}"
SECONDS_RUN="${2:-60}"
RESTART="${3:-}"
OUT=bench/out/store
mkdir -p "$OUT"
bench_classpath
echo "processor: $(processor_name), $(nproc) cores"
java -Xmx512m -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.voxprint.bench.TenDesksBench \
  "$DESKS" "$SECONDS_RUN" $RESTART | tee "$OUT/ten-desks-$DESKS-$SECONDS_RUN${RESTART:+-restart}.json"
