#!/usr/bin/env bash
# Identification at scale: Java SpeakerIndex.topK against numpy (M @ q + argpartition) on the same
# seeded data in the same run, plus the memory-bandwidth bound of one scan (STREAM Copy/Triad on all
# cores, the processor printed). Not part of the tests.
#   bench/identify/run.sh [sizes, default 10000,100000,1000000] [k, default 10]
source "$(dirname "$0")/../common.sh"
SIZES="${1:-10000,100000,1000000}"
K="${2:-10}"
OUT=bench/out/identify
mkdir -p "$OUT"
[ -f "$OUT/models.npy" ] || "$PY" bench/identify/gen_data.py "$OUT"
mvn -B -o -q test-compile
CP="target/test-classes:target/classes:$(ls ~/.m2/repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar)"
# the bandwidth bound is measured STREAM-style over arrays of four times the last-level cache (up to 1 GiB each)
L3=$(getconf LEVEL3_CACHE_SIZE 2>/dev/null || echo 0)
echo "processor: $(processor_name), $(nproc) cores, last-level cache $((${L3:-0} / 1048576)) MiB (getconf)"
java -Xms3g -Xmx5g -XX:+AlwaysPreTouch -cp "$CP" io.voxprint.bench.IdentifyBench "$OUT" "$SIZES" "$K" "$OUT/java.json" "${L3:-0}"
"$PY" bench/identify/numpy_topk.py "$OUT" "$SIZES" "$K" "$OUT/numpy.json"
"$PY" - "$OUT" <<'PYEOF'
import json, sys
out = sys.argv[1]
j = json.load(open(out + "/java.json")); n = json.load(open(out + "/numpy.json"))
bw = max(j["bandwidth_gbs"], n["bandwidth_gbs"])
print()
print("| speakers | Java ms/query | numpy ms/query | Java/numpy | bandwidth bound ms (%.1f GB/s) | Java/bound | same top-1 |" % bw)
print("|---:|---:|---:|---:|---:|---:|---:|")
for size in j["sizes"]:
    js, ns = j["sizes"][size], n["sizes"][size]
    bound = int(size) * 192 * 4 / (bw * 1e9) * 1000
    same = sum(str(a) == str(b) for a, b in zip(js["top1"], ns["top1"]))
    print("| %s | %.3f | %.3f | %.2f | %.3f | %.2f | %d/%d |" % (format(int(size), ","), js["median_ms"], ns["median_ms"],
          js["median_ms"] / ns["median_ms"], bound, js["median_ms"] / bound, same, len(js["top1"])))
PYEOF
