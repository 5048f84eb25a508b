#!/bin/sh
# Fuzzes one Jazzer @FuzzTest for the duration in its annotation (10 minutes), with coverage
# feedback from our code and the decoder libraries, and keeps going after findings (up to 20
# distinct ones). Findings are written as crash-*/timeout-* files into the test's inputs folder
# under src/test/resources; the generated corpus stays in .cifuzz-corpus/ (not committed).
#   tools/fuzz/fuzz.sh 'AudioFuzzTest#flac'      (also #wav #ogg #mp3, SpeakerArchiveFuzzTest#importArchive,
#                                                 NpyFuzzTest#readNpy)
# Output: target/fuzz-<test>.log (libFuzzer status lines: executions, cov = covered edges, ft = features,
# corp = corpus entries) and target/fuzz-<test>-coverage.txt (Jazzer's per-class coverage report).
set -eu
test="$1"
cd "$(dirname "$0")/../.."
name=$(echo "$test" | tr '#' '-')
log="target/fuzz-$name.log"
mkdir -p target
JAZZER_FUZZ=1 mvn -B -o test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.instrument='io.voxprint.**,org.jflac.**,com.jcraft.**,javazoom.**' \
  -Djazzer.keep_going=20 -Djazzer.coverage_report="$PWD/target/fuzz-$name-coverage.txt" \
  -Dlogback.configurationFile=src/test/resources/logback-fuzz.xml >"$log" 2>&1 || true
grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1
grep -E 'Done [0-9]+ runs|Test unit written|Tests run:' "$log" | tail -6
