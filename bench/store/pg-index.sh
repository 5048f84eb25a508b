#!/usr/bin/env bash
# A desk's start-up on a PostgreSQL database of many speakers: a throwaway cluster (the machine's
# PostgreSQL 15 binaries, as the tests use) filled through COPY, then the speaker index load timed
# against psql copying the same rows to /dev/null in the same run. Not part of the tests.
#   bench/store/pg-index.sh [speakers, default 1000000] [repetitions, default 3] [port]
# With a port, the bench uses a cluster already running on 127.0.0.1 there (superuser voxprint, trusted)
# and its database bench_<speakers>, filled on the first run and kept: for measuring again and again
# without refilling. Started, for example, from the tests' template (as root):
#   mkdir /tmp/pgb && cp -a /tmp/voxprint-pg-template-15-postgres/data /tmp/pgb/ && chown -R postgres /tmp/pgb
#   runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgb/data -l /tmp/pgb/log -w \
#     -o "-p 55432 -k /tmp/pgb -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start
# BENCH_DESK_JVM_OPTS adds options to the fresh desk processes' JVM (a flight recording, say).
source "$(dirname "$0")/../common.sh"
SPEAKERS="${1:-1000000}"
REPS="${2:-3}"
PORT="${3:-}"
OUT=bench/out/store
mkdir -p "$OUT"
bench_classpath
echo "processor: $(processor_name), $(nproc) cores"
# the fresh desk processes start as the installed app does
BENCH_DESK_HEAP_OPTS="$(installed_jvm_options | paste -sd' ')" \
java -Xmx3g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.voxprint.bench.PostgresIndexBench \
  "$SPEAKERS" "$REPS" $PORT | tee "$OUT/pg-index-$SPEAKERS.json"
