#!/usr/bin/env bash
# Every benchmark behind docs/performance.md, one after the other (10 to 20 minutes on 2 cores; not part
# of `mvn verify`). Each prints its Markdown table; the full output is also kept in bench/out/run-all.log.
#   bench/run-all.sh            identification 3 times (same-run ratios), embedding, application figures
source "$(dirname "$0")/common.sh"
mkdir -p bench/out
{
  echo "== machine: $(nproc) cores, $(processor_name), $(java -version 2>&1 | head -1)"
  echo "== load average before: $(load_average)"
  for run in 1 2 3; do
    echo "== identification, run $run"
    bench/identify/run.sh
  done
  echo "== embedding"
  bench/embed/run.sh
  echo "== application"
  bench/app/run.sh
  echo "== ECAPA2-sized model, whole processes (quiet, then one core kept busy)"
  bench/model/run.sh 3
  bench/model/run.sh 3 --busy
  echo "== load average after: $(load_average)"
} 2>&1 | grep -v '^SLF4J' | tee bench/out/run-all.log
