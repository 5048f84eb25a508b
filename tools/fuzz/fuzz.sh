#!/bin/sh
# Fuzzes one Jazzer @FuzzTest for the duration in its annotation (10 minutes), with coverage
# feedback from our code and the decoder libraries. Findings are written as crash-* files into the
# test's inputs folder under src/test/resources; the generated corpus stays in .cifuzz-corpus/.
#   tools/fuzz/fuzz.sh 'AudioFuzzTest#flac'      (also #wav #ogg #mp3, SpeakerArchiveFuzzTest#importArchive,
#                                                 NpyFuzzTest#readNpy)
# Output: target/fuzz-<test>.log (libFuzzer's status lines: executions, cov, ft, corpus).
set -eu
test="$1"
cd "$(dirname "$0")/../.."
log="target/fuzz-$(echo "$test" | tr '#' '-').log"
mkdir -p target
JAZZER_FUZZ=1 mvn -B -o test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.instrument='io.voxprint.**,org.jflac.**,com.jcraft.**,javazoom.**' \
  -Dlogback.configurationFile=src/test/resources/logback-fuzz.xml >"$log" 2>&1 || true
grep -E '^#[0-9]+ ' "$log" | tail -1
grep -E 'Done [0-9]+ runs|Test unit written|FuzzTestFinding|Tests run:' "$log" | tail -4
